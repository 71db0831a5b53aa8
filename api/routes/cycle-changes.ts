// HR's changes to a running cycle (api/commands/cycles.ts), each a Workflow Update on the CycleWorkflow: add
// late joiners, remove a leaver (the appraisal is cancelled with the reason), extend a unit's deadline.
import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import { stepSchema } from '../../domain/appraisal/types.ts';
import { newNipSchema, nipSchema } from '../../domain/organisation/nip.ts';
import { addEmployees, extendUnitDeadline, removeEmployee } from '../commands/cycles.ts';
import type { ApiEnv } from '../context.ts';
import { hrOnly } from '../middleware.ts';
import { jsonBody, problemResponse } from './openapi-shapes.ts';

const params = z.object({ org: z.string().min(1).max(64), cycleId: z.string().min(1).max(100) });
const result = {
  content: { 'application/json': { schema: z.object({ accepted: z.boolean(), detail: z.string() }) } },
  description: 'Done',
};

/** A change HR posts to a running cycle: what it answers, 403 for another role, 404 for no such cycle. */
function changeRoute<
  const P extends string,
  const R extends RouteConfig['request'],
  const X extends Record<number, typeof problemResponse>,
>(path: P, summary: string, request: R, problems: X) {
  return createRoute({
    middleware: [hrOnly] as const,
    method: 'post',
    path,
    summary,
    request,
    responses: { 200: result, 403: problemResponse, 404: problemResponse, ...problems },
  });
}

const addRoute = changeRoute(
  '/v1/orgs/{org}/cycles/{cycleId}/employees',
  'Add late joiners to the cycle',
  { params, body: jsonBody(z.strictObject({ nips: z.array(newNipSchema).min(1).max(1000) })) },
  {},
);
const removeRoute = changeRoute(
  '/v1/orgs/{org}/cycles/{cycleId}/employees/{nip}/remove',
  'Remove a leaver: the appraisal is cancelled with the reason',
  {
    params: params.extend({ nip: nipSchema }),
    body: jsonBody(z.strictObject({ reason: z.string().trim().min(1).max(500) })),
  },
  {},
);
const extendRoute = changeRoute(
  '/v1/orgs/{org}/cycles/{cycleId}/units/{unitCode}/deadline',
  "Extend the current step's deadline for a unit",
  {
    params: params.extend({ unitCode: z.string().min(1).max(64) }),
    body: jsonBody(z.strictObject({ step: stepSchema, deadline: z.iso.datetime({ offset: true }) })),
  },
  { 422: problemResponse },
);

export const cycleChangeRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(addRoute, async (c) => {
    const { cycleId } = c.req.valid('param');
    const { nips } = c.req.valid('json');
    const me = c.get('principal');
    return c.json(await addEmployees(c.get('deps'), me, cycleId, nips, c.get('idempotencyKey')), 200);
  })
  .openapi(removeRoute, async (c) => {
    const { cycleId, nip } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const me = c.get('principal');
    return c.json(
      await removeEmployee(c.get('deps'), me, cycleId, nip, reason, c.get('idempotencyKey')),
      200,
    );
  })
  .openapi(extendRoute, async (c) => {
    const { cycleId, unitCode } = c.req.valid('param');
    const { step, deadline } = c.req.valid('json');
    const change = { unitCode, step, deadline };
    const me = c.get('principal');
    return c.json(await extendUnitDeadline(c.get('deps'), me, cycleId, change, c.get('idempotencyKey')), 200);
  });
