// HR and auditors: the cycle's results as CSV or XLSX, one row per appraisal.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import { type Predikat, predikatLabels } from '../../domain/rating/predikat.ts';
import type { ApiEnv } from '../context.ts';
import { type Cell, toCsv, toXlsx } from '../export/tables.ts';
import { hrOrAuditor } from '../middleware.ts';
import { ApiProblem } from '../problem.ts';

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
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
      },
      description: 'One row per appraisal',
    },
    404: {
      content: { 'application/problem+json': { schema: z.object({ code: z.string() }) } },
      description: 'No such cycle',
    },
  },
});

const header = [
  'nip',
  'name',
  'unit_code',
  'position_code',
  'step',
  'predikat',
  'rating_results',
  'rating_behaviour',
  'objection',
  'referral_programme',
  'referral_completed',
  'recognised',
];

export const resultsExportRoutes = new OpenAPIHono<ApiEnv>().openapi(route, async (c) => {
  const me = c.get('principal');
  const { cycleId } = c.req.valid('param');
  const { db } = c.get('deps');
  const cycle = await db
    .selectFrom('cycles')
    .select('cycle_id')
    .where('cycle_id', '=', cycleId)
    .where('org_id', '=', me.org)
    .executeTakeFirst();
  if (!cycle) throw new ApiProblem(404, 'not_found', 'No such cycle');
  const appraisals = await db
    .selectFrom('appraisals as a')
    .leftJoin('employees as e', (j) => j.onRef('e.org_id', '=', 'a.org_id').onRef('e.nip', '=', 'a.nip'))
    .select(['a.nip', 'e.name', 'a.unit_code', 'e.position_code', 'a.state'])
    .where('a.cycle_id', '=', cycleId)
    .orderBy('a.unit_code')
    .orderBy('a.nip')
    .execute();
  const rows: Cell[][] = appraisals.map((a) => {
    const s = a.state as AppraisalState;
    return [
      a.nip,
      a.name ?? s.participants.employee.name,
      a.unit_code,
      a.position_code ?? s.participants.employee.positionCode,
      s.step,
      s.rating ? predikatLabels[s.rating.predikat as Predikat] : null,
      s.rating?.results ?? null,
      s.rating?.behaviour ?? null,
      s.objection?.decision ?? (s.objection ? 'pending' : null),
      s.referral?.programme ?? null,
      s.referral ? (s.referral.completedAt ? 'yes' : 'no') : null,
      s.recognised ? 'yes' : 'no',
    ];
  });
  const name = `siklus-${cycleId}-results`;
  if (c.req.valid('query').format === 'xlsx') {
    return c.body(new Uint8Array(toXlsx(cycleId, header, rows)), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name}.xlsx"`,
    });
  }
  return c.body(toCsv(header, rows), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}.csv"`,
  });
});
