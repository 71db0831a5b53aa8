// A supervisor signs several ready SKPs at once (api/commands/bulk-sign.ts): one outcome per task.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { signReadySkps } from '../commands/bulk-sign.ts';
import type { ApiEnv } from '../context.ts';
import { jsonBody, jsonResponse, orgParams } from './openapi-shapes.ts';

const signRoute = createRoute({
  method: 'post',
  path: '/v1/orgs/{org}/me/skp/sign',
  summary:
    'Sign several SKPs that are ready (my open signAgreement tasks, the employee having signed): one outcome per task',
  request: {
    params: orgParams,
    body: jsonBody(z.strictObject({ taskIds: z.array(z.string().min(1).max(200)).min(1).max(100) })),
  },
  responses: {
    200: jsonResponse(
      z.object({
        results: z.array(
          z.object({
            taskId: z.string(),
            outcome: z.enum(['signed', 'refused']),
            code: z.string().optional(),
          }),
        ),
        signed: z.number(),
        refused: z.number(),
      }),
      'One outcome per task',
    ),
  },
});

export const bulkSignRoutes = new OpenAPIHono<ApiEnv>().openapi(signRoute, async (c) => {
  const { taskIds } = c.req.valid('json');
  const key = c.get('idempotencyKey');
  return c.json(await signReadySkps(c.get('deps'), c.get('principal'), taskIds, key), 200);
});
