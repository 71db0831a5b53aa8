// HR's changes to a running cycle, each a Workflow Update on the CycleWorkflow: add late joiners, remove
// a leaver (the appraisal is cancelled with the reason), extend a step's deadline for a unit.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Principal } from '../../auth/identity.ts';
import { nipSchema, stepSchema } from '../../domain/appraisal/types.ts';
import { cycleOf } from '../../read/cycles.ts';
import { cycleWorkflowId } from '../../workflows/appraisal-input.ts';
import {
  addEmployeesUpdate,
  extendUnitDeadlineUpdate,
  removeEmployeeUpdate,
} from '../../workflows/messages.ts';
import type { ApiEnv } from '../context.ts';
import { hrOnly, requireRole } from '../middleware.ts';
import { ApiProblem } from '../problem.ts';
import { executeUpdate } from '../temporal-calls.ts';
import { jsonBody, problemResponse } from './openapi-shapes.ts';

const params = z.object({ org: z.string().min(1).max(64), cycleId: z.string().min(1).max(100) });
const result = {
  content: { 'application/json': { schema: z.object({ accepted: z.boolean(), detail: z.string() }) } },
  description: 'Done',
};

const addRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/cycles/{cycleId}/employees',
  summary: 'Add late joiners to the cycle',
  request: {
    params,
    body: jsonBody(z.strictObject({ nips: z.array(nipSchema).min(1).max(1000) })),
  },
  responses: { 200: result, 403: problemResponse, 404: problemResponse },
});
const removeRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/cycles/{cycleId}/employees/{nip}/remove',
  summary: 'Remove a leaver: the appraisal is cancelled with the reason',
  request: {
    params: params.extend({ nip: nipSchema }),
    body: jsonBody(z.strictObject({ reason: z.string().trim().min(1).max(500) })),
  },
  responses: { 200: result, 403: problemResponse, 404: problemResponse },
});
const extendRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/cycles/{cycleId}/units/{unitCode}/deadline',
  summary: "Extend the current step's deadline for a unit",
  request: {
    params: params.extend({ unitCode: z.string().min(1).max(64) }),
    body: jsonBody(z.strictObject({ step: stepSchema, deadline: z.iso.datetime({ offset: true }) })),
  },
  responses: { 200: result, 403: problemResponse, 404: problemResponse, 422: problemResponse },
});

export const cycleChangeRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(addRoute, async (c) => {
    const { cycle, by } = await hrCycle(c.get('deps').db, c.get('principal'), c.req.valid('param').cycleId);
    const handle = c.get('deps').temporal.workflow.getHandle(cycleWorkflowId(cycle));
    return c.json(
      await executeUpdate(
        c.get('deps'),
        handle,
        addEmployeesUpdate,
        [{ nips: c.req.valid('json').nips, by }],
        c.get('operationId'),
      ),
      200,
    );
  })
  .openapi(removeRoute, async (c) => {
    const { cycle, by } = await hrCycle(c.get('deps').db, c.get('principal'), c.req.valid('param').cycleId);
    const handle = c.get('deps').temporal.workflow.getHandle(cycleWorkflowId(cycle));
    return c.json(
      await executeUpdate(
        c.get('deps'),
        handle,
        removeEmployeeUpdate,
        [{ nip: c.req.valid('param').nip, reason: c.req.valid('json').reason, by }],
        c.get('operationId'),
      ),
      200,
    );
  })
  .openapi(extendRoute, async (c) => {
    const { cycle, by } = await hrCycle(c.get('deps').db, c.get('principal'), c.req.valid('param').cycleId);
    const { step, deadline } = c.req.valid('json');
    if (Date.parse(deadline) <= Date.now())
      throw new ApiProblem(422, 'deadline_in_past', 'The new deadline must be in the future');
    const handle = c.get('deps').temporal.workflow.getHandle(cycleWorkflowId(cycle));
    return c.json(
      await executeUpdate(
        c.get('deps'),
        handle,
        extendUnitDeadlineUpdate,
        [{ unitCode: c.req.valid('param').unitCode, step, deadline, by }],
        c.get('operationId'),
      ),
      200,
    );
  });

async function hrCycle(db: ApiEnv['Variables']['deps']['db'], me: Principal, cycleId: string) {
  requireRole(me, 'hr');
  const cycle = await cycleOf(db, me.org, cycleId);
  if (!cycle) throw new ApiProblem(404, 'not_found', 'No such cycle');
  if (cycle.status !== 'running') throw new ApiProblem(409, 'cycle_closed', 'The cycle is closed');
  return { cycle: cycle.cycleId, by: me.nip };
}
