// HR's changes during the year to the people of one member's running appraisal (api/commands/participants.ts):
// the rater corrected, an acting rater (Plt/Plh) for a range of days. POSTs like every command:
// problem+json refusals, an Idempotency-Key.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { nipSchema } from '../../domain/organisation/nip.ts';
import { appointActingRater, changeRater } from '../commands/participants.ts';
import type { ApiEnv } from '../context.ts';
import { hrOnly } from '../middleware.ts';
import { jsonBody, jsonResponse, problemResponse } from './openapi-shapes.ts';

const params = z.object({
  org: z.string().min(1).max(64),
  cycleId: z.string().min(1).max(100),
  nip: nipSchema,
});
const reason = z.string().trim().min(1).max(500);
const changed = jsonResponse(
  z.object({
    appraisalId: z.string(),
    version: z.number().int(),
    eventTypes: z.array(z.string()),
    movedTasks: z.number().int(),
  }),
  'The change is recorded; open tasks moved to their new holder',
);
const refusals = {
  403: problemResponse,
  404: problemResponse,
  409: problemResponse,
  422: problemResponse,
};

const raterRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/cycles/{cycleId}/employees/{nip}/rater',
  summary: "Correct the rater of a member's running appraisal (the superior follows; the org chart too)",
  request: {
    params,
    body: jsonBody(z.strictObject({ raterNip: nipSchema, reason, effectiveDate: z.iso.date() })),
  },
  responses: { 200: changed, ...refusals },
});

const actingRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/cycles/{cycleId}/employees/{nip}/acting-rater',
  summary:
    "Appoint an acting rater (Plt/Plh) of a member's running appraisal, from one day to another of the organisation's zone",
  request: {
    params,
    body: jsonBody(z.strictObject({ actingNip: nipSchema, from: z.iso.date(), to: z.iso.date(), reason })),
  },
  responses: { 200: changed, ...refusals },
});

export const participantChangeRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(raterRoute, async (c) => {
    const { cycleId, nip } = c.req.valid('param');
    const body = c.req.valid('json');
    const me = c.get('principal');
    return c.json(await changeRater(c.get('deps'), me, cycleId, nip, body, c.get('idempotencyKey')), 200);
  })
  .openapi(actingRoute, async (c) => {
    const { cycleId, nip } = c.req.valid('param');
    const body = c.req.valid('json');
    const me = c.get('principal');
    const key = c.get('idempotencyKey');
    return c.json(await appointActingRater(c.get('deps'), me, cycleId, nip, body, key), 200);
  });
