// HR and auditors: the cycle's results as CSV or XLSX, one row per appraisal; and the predikat recap of
// one evaluation period or of the year (akhir), one row per employee.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { allPeriodIds, annualPeriod } from '../../domain/cycle/periods.ts';
import { attachmentHeaders } from '../../http/attachment.ts';
import { xlsxContentType } from '../../record/read/export/tables.ts';
import { predikatFile } from '../../record/read/predikat-export.ts';
import { resultsFile } from '../../record/read/results.ts';
import { readableCycle, requireCyclePeriod } from '../commands/cycles.ts';
import { Refusal } from '../commands/refusal.ts';
import type { ApiEnv } from '../context.ts';
import { hrOrAuditor } from '../middleware.ts';

const params = z.object({ org: z.string().min(1).max(64), cycleId: z.string().min(1).max(100) });
const format = z.enum(['csv', 'xlsx']).default('csv');
const fileResponses = (description: string) => ({
  200: {
    content: {
      'text/csv': { schema: z.string() },
      [xlsxContentType]: { schema: z.string() },
    },
    description,
  },
  400: {
    content: { 'application/problem+json': { schema: z.object({ code: z.string() }) } },
    description: 'A bad period or format',
  },
  404: {
    content: { 'application/problem+json': { schema: z.object({ code: z.string() }) } },
    description: 'No such cycle',
  },
});

const route = createRoute({
  middleware: [hrOrAuditor] as const,
  method: 'get',
  path: '/v1/orgs/{org}/cycles/{cycleId}/results',
  summary: "The cycle's results as CSV or XLSX",
  request: { params, query: z.strictObject({ format }) },
  responses: fileResponses('One row per appraisal'),
});

const predikatRoute = createRoute({
  middleware: [hrOrAuditor] as const,
  method: 'get',
  path: '/v1/orgs/{org}/cycles/{cycleId}/predikat',
  summary: 'The predikat recap of one period (TW1 ...) or of the year (akhir), as CSV or XLSX',
  request: {
    params,
    query: z.strictObject({
      period: z.enum([annualPeriod, ...allPeriodIds] as [string, ...string[]]),
      format,
    }),
  },
  responses: {
    ...fileResponses('NIP, name, unit, position, rating hasil kerja, rating perilaku, predikat'),
    422: {
      content: { 'application/problem+json': { schema: z.object({ code: z.string() }) } },
      description: 'The cycle has no such period (period_not_in_cycle)',
    },
  },
});

export const resultsExportRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(route, async (c) => {
    const { cycleId } = c.req.valid('param');
    const file = await resultsFile(
      c.get('deps').db,
      c.get('principal').org,
      cycleId,
      c.req.valid('query').format,
    );
    if (!file) throw new Refusal(404, 'not_found', 'No such cycle');
    return c.body(file.body, 200, attachmentHeaders(file));
  })
  .openapi(predikatRoute, async (c) => {
    const { period, format: chosen } = c.req.valid('query');
    const cycle = await readableCycle(c.get('deps'), c.get('principal'), c.req.valid('param').cycleId);
    requireCyclePeriod(cycle, period, { annual: true });
    const file = await predikatFile(c.get('deps').db, c.get('principal').org, cycle.cycleId, period, chosen);
    if (!file) throw new Refusal(404, 'not_found', 'No such cycle');
    return c.body(file.body, 200, attachmentHeaders(file));
  });
