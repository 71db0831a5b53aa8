// HR's changes during the year to the people of one member's running appraisal (api/commands/participants.ts):
// the rater corrected, an acting rater (Plt/Plh) for a range of days, a mutasi or promotion; and a leaver who came back, who gets a
// new appraisal in the same cycle. POSTs like every command: problem+json refusals, an Idempotency-Key.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { nipSchema } from '../../domain/organisation/nip.ts';
import { recordMutasiWithReports } from '../commands/mutasi-reports.ts';
import { appointActingRater, changeRater, rejoinEmployee } from '../commands/participants.ts';
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

const mutasiRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/cycles/{cycleId}/employees/{nip}/mutasi',
  summary:
    "Record a member's mutasi or promotion: the current SKP period closes (what it agreed and evaluated kept) and a new one opens under the new unit, position and rater",
  request: {
    params,
    body: jsonBody(
      z.strictObject({
        kind: z.enum(['mutasi', 'promotion']),
        unitCode: z.string().min(1).max(64),
        positionCode: z.string().min(1).max(64),
        raterNip: nipSchema,
        reason,
        effectiveDate: z.iso.date(),
        /** Who rates the person's direct reports from the effective date; absent: the successor in the post. */
        reportsRaterNip: nipSchema.optional(),
        /** Who rates one report or another, over reportsRaterNip. */
        reportRaters: z
          .array(z.strictObject({ nip: nipSchema, raterNip: nipSchema }))
          .max(500)
          .optional(),
      }),
    ),
  },
  responses: {
    200: jsonResponse(
      z.object({
        appraisalId: z.string(),
        version: z.number().int(),
        eventTypes: z.array(z.string()),
        movedTasks: z.number().int(),
        reports: z.array(
          z.object({
            nip: z.string(),
            raterNip: z.string(),
            appraisalId: z.string().optional(),
            movedTasks: z.number().int().optional(),
            refused: z.object({ code: z.string(), detail: z.string() }).optional(),
          }),
        ),
      }),
      "The change is recorded; open tasks moved to their new holder; each direct report's change of rater (or why it was refused)",
    ),
    ...refusals,
  },
});

const rejoinRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/cycles/{cycleId}/employees/{nip}/rejoin',
  summary:
    'A leaver came back: a new appraisal of theirs starts in the same cycle (the cancelled one stays as it was)',
  request: { params, body: jsonBody(z.strictObject({ reason, effectiveDate: z.iso.date() })) },
  responses: {
    200: jsonResponse(
      z.object({
        accepted: z.boolean(),
        detail: z.string(),
        appraisalId: z.string(),
        previousAppraisalId: z.string(),
      }),
      'The new appraisal',
    ),
    ...refusals,
  },
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
  })
  .openapi(mutasiRoute, async (c) => {
    const { cycleId, nip } = c.req.valid('param');
    const body = c.req.valid('json');
    const me = c.get('principal');
    const key = c.get('idempotencyKey');
    return c.json(await recordMutasiWithReports(c.get('deps'), me, cycleId, nip, body, key), 200);
  })
  .openapi(rejoinRoute, async (c) => {
    const { cycleId, nip } = c.req.valid('param');
    const body = c.req.valid('json');
    const me = c.get('principal');
    return c.json(await rejoinEmployee(c.get('deps'), me, cycleId, nip, body, c.get('idempotencyKey')), 200);
  });
