// The inbox: my open tasks (paginated, filtered by step and due date), a task's detail, and acting on
// a task (api/commands/appraisal.ts: only the commands the task takes; a Workflow Update whose answer comes
// only after the resulting events are stored, so the next GET already sees them).
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Principal } from '../../auth/identity.ts';
import { appraisalCommandSchema } from '../../domain/appraisal/commands.ts';
import { stepSchema } from '../../domain/appraisal/types.ts';
import { openTasks, type Task, taskOf } from '../../record/read/inbox.ts';
import { actOnTask } from '../commands/appraisal.ts';
import { Refusal } from '../commands/refusal.ts';
import type { ApiEnv } from '../context.ts';
import { actResponses, jsonBody, problemResponse } from './openapi-shapes.ts';

const orgParam = z.object({ org: z.string().min(1).max(64) });
const taskSchema = z.object({
  taskId: z.string(),
  appraisalId: z.string(),
  cycleId: z.string(),
  kind: z.string(),
  step: z.string(),
  assigneeNip: z.string().nullable(),
  assigneeRole: z.string(),
  dueAt: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
});

const listRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/me/tasks',
  summary: 'My open tasks, by due date',
  request: {
    params: orgParam,
    query: z.strictObject({
      step: stepSchema.optional(),
      dueBefore: z.iso.datetime({ offset: true }).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      after: z
        .string()
        .max(300)
        .optional()
        .openapi({ description: 'The `next` cursor of the previous page' }),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': { schema: z.object({ tasks: z.array(taskSchema), next: z.string().nullable() }) },
      },
      description: 'One page of open tasks',
    },
    400: problemResponse,
    401: problemResponse,
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/tasks/{taskId}',
  summary: 'One of my tasks',
  request: { params: orgParam.extend({ taskId: z.string().max(300) }) },
  responses: {
    200: { content: { 'application/json': { schema: taskSchema } }, description: 'The task' },
    404: problemResponse,
  },
});

const actRoute = createRoute({
  method: 'post',
  path: '/v1/orgs/{org}/tasks/{taskId}/actions',
  summary: 'Act on one of my tasks (acknowledge, propose, sign, review, rate, object, ...)',
  request: {
    params: orgParam.extend({ taskId: z.string().max(300) }),
    body: jsonBody(appraisalCommandSchema),
  },
  responses: { ...actResponses, 400: problemResponse },
});

export const inboxRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(listRoute, async (c) => {
    const { step, dueBefore, limit, after } = c.req.valid('query');
    const cursor = after ? decodeCursor(after) : undefined;
    const page = await openTasks(c.get('deps').db, c.get('principal'), {
      limit,
      ...(step ? { step } : {}),
      ...(dueBefore ? { dueBefore } : {}),
      ...(cursor ? { after: { dueAt: cursor[0], taskId: cursor[1] } } : {}),
    });
    const last = page.tasks.at(-1);
    const next = page.more && last ? encodeCursor(last.dueAt ?? '', last.taskId) : null;
    return c.json({ tasks: page.tasks, next }, 200);
  })
  .openapi(detailRoute, async (c) => {
    return c.json(await findMyTask(c.get('deps').db, c.get('principal'), c.req.valid('param').taskId), 200);
  })
  .openapi(actRoute, async (c) => {
    const { taskId } = c.req.valid('param');
    const body = c.req.valid('json');
    const me = c.get('principal');
    const key = c.get('idempotencyKey');
    return c.json(await actOnTask(c.get('deps'), me, taskId, body, key), 200);
  });

async function findMyTask(
  db: ApiEnv['Variables']['deps']['db'],
  me: Principal,
  taskId: string,
): Promise<Task> {
  const task = await taskOf(db, me, taskId);
  if (!task) throw new Refusal(404, 'not_found', 'No such task');
  return task;
}

function encodeCursor(due: string, id: string): string {
  return Buffer.from(JSON.stringify([due, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string')
      return [value[0], value[1]];
  } catch {}
  throw new Refusal(400, 'invalid_cursor', 'The `after` cursor is not one this API gave out');
}
