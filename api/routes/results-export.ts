// HR and auditors: the cycle's results as CSV or XLSX, one row per appraisal.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { xlsxContentType } from '../../record/read/export/tables.ts';
import { resultsFile } from '../../record/read/results.ts';
import { Refusal } from '../commands/refusal.ts';
import type { ApiEnv } from '../context.ts';
import { hrOrAuditor } from '../middleware.ts';

const route = createRoute({
  middleware: [hrOrAuditor] as const,
  method: 'get',
  path: '/v1/orgs/{org}/cycles/{cycleId}/results',
  summary: "The cycle's results as CSV or XLSX",
  request: {
    params: z.object({ org: z.string().min(1).max(64), cycleId: z.string().min(1).max(100) }),
    query: z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') }),
  },
  responses: {
    200: {
      content: {
        'text/csv': { schema: z.string() },
        [xlsxContentType]: { schema: z.string() },
      },
      description: 'One row per appraisal',
    },
    404: {
      content: { 'application/problem+json': { schema: z.object({ code: z.string() }) } },
      description: 'No such cycle',
    },
  },
});

export const resultsExportRoutes = new OpenAPIHono<ApiEnv>().openapi(route, async (c) => {
  const { cycleId } = c.req.valid('param');
  const file = await resultsFile(
    c.get('deps').db,
    c.get('principal').org,
    cycleId,
    c.req.valid('query').format,
  );
  if (!file) throw new Refusal(404, 'not_found', 'No such cycle');
  const headers = {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.fileName}"`,
  };
  return c.body(file.body, 200, headers);
});
