// HR's monitoring per person (record/read/monitoring.ts, the same read the web page shows) and the
// reminders to the holders of late tasks (api/commands/reminders.ts).
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { cycleMonitoring } from '../../record/read/monitoring.ts';
import { readableCycle } from '../commands/cycles.ts';
import { remindLateTasks } from '../commands/reminders.ts';
import type { ApiEnv } from '../context.ts';
import { hrOnly, hrOrAuditor } from '../middleware.ts';
import { jsonBody, jsonResponse, orgParams, problemResponse } from './openapi-shapes.ts';

const cycleParams = orgParams.extend({ cycleId: z.string().min(1).max(100) });

const waitingTask = z.object({
  taskId: z.string(),
  kind: z.string(),
  holderNip: z.string().nullable(),
  holderRole: z.string(),
  holderName: z.string().nullable(),
  dueAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  overdue: z.boolean(),
});
const person = z.object({
  appraisalId: z.string(),
  nip: z.string(),
  name: z.string(),
  unitCode: z.string(),
  step: z.string(),
  acknowledged: z.boolean(),
  agreed: z.boolean(),
  periods: z.array(
    z.object({ id: z.string(), submitted: z.boolean(), rated: z.boolean(), missed: z.boolean() }),
  ),
  reviews: z.object({ submitted: z.number(), expected: z.number() }),
  rated: z.boolean(),
  behind: z.array(z.string()).openapi({
    description:
      'What is behind: acknowledgement, agreement, period:<id>, review, rating, overdueTask; empty: on time',
  }),
  tasks: z.array(waitingTask),
});
const monitoringSchema = z.object({
  cycleId: z.string(),
  asOf: z.string(),
  periods: z.array(z.string()),
  units: z.array(z.string()),
  steps: z.array(z.string()),
  filter: z.object({ unit: z.string().nullable(), step: z.string().nullable(), lateOnly: z.boolean() }),
  counts: z.object({
    people: z.number(),
    late: z.number(),
    toRemind: z.number(),
    acknowledged: z.number(),
    agreed: z.number(),
    rated: z.number(),
    reviewsComplete: z.number(),
    periods: z.record(z.string(), z.object({ submitted: z.number(), rated: z.number() })),
  }),
  people: z.array(person),
});

const monitoringRoute = createRoute({
  middleware: [hrOrAuditor] as const,
  method: 'get',
  path: '/v1/orgs/{org}/cycles/{cycleId}/monitoring',
  summary: 'Monitoring per person: where each appraisal stands, what it is behind on, its open tasks',
  request: {
    params: cycleParams,
    query: z.strictObject({
      unit: z.string().max(64).optional(),
      step: z.string().max(40).optional(),
      late: z.enum(['true', 'false']).optional().openapi({ description: 'Only the people behind' }),
    }),
  },
  responses: {
    200: jsonResponse(monitoringSchema, 'Per person, with counts over the filter'),
    403: problemResponse,
    404: problemResponse,
  },
});

const outcome = z.object({
  taskId: z.string(),
  outcome: z.enum(['reminded', 'alreadyReminded', 'refused']),
  code: z.string().optional(),
});
const remindRoute = createRoute({
  middleware: [hrOnly] as const,
  method: 'post',
  path: '/v1/orgs/{org}/cycles/{cycleId}/reminders',
  summary:
    'Remind the holders of tasks: the named ones, or every open task of the people behind; at most one reminder a task a day',
  request: {
    params: cycleParams,
    body: jsonBody(
      z.strictObject({
        taskIds: z
          .array(z.string().min(1).max(200))
          .min(1)
          .max(1000)
          .optional()
          .openapi({ description: 'Absent: every open task of the people behind' }),
        unit: z.string().max(64).optional().openapi({ description: 'Without taskIds: only this unit' }),
        step: z.string().max(40).optional().openapi({ description: 'Without taskIds: only this step' }),
      }),
    ),
  },
  responses: {
    200: jsonResponse(
      z.object({
        results: z.array(outcome),
        reminded: z.number(),
        alreadyReminded: z.number(),
        refused: z.number(),
      }),
      'One outcome per task',
    ),
    403: problemResponse,
    404: problemResponse,
  },
});

export const monitoringRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(monitoringRoute, async (c) => {
    const deps = c.get('deps');
    const me = c.get('principal');
    const cycle = await readableCycle(deps, me, c.req.valid('param').cycleId);
    const { unit, step, late } = c.req.valid('query');
    const filter = { unit, step, lateOnly: late === 'true' };
    return c.json(await cycleMonitoring(deps.db, me.org, cycle, filter, new Date()), 200);
  })
  .openapi(remindRoute, async (c) => {
    const { cycleId } = c.req.valid('param');
    const { taskIds, unit, step } = c.req.valid('json');
    const which = taskIds ? { taskIds } : { allLate: { unit, step } };
    const key = c.get('idempotencyKey');
    return c.json(await remindLateTasks(c.get('deps'), c.get('principal'), cycleId, which, key), 200);
  });
