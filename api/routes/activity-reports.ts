// Daily activity reports: mine, and my direct reports' (the supervisor sees them all year).
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../context.ts';

const params = z.object({ org: z.string().min(1).max(64) });
const reportSchema = z.object({
  appraisalId: z.string(),
  reportId: z.string(),
  nip: z.string(),
  date: z.string(),
  description: z.string(),
  createdAt: z.string(),
});
const query = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const mineRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/me/activity-reports',
  summary: 'My daily activity reports',
  request: { params, query },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ reports: z.array(reportSchema) }) } },
      description: 'Reports, newest first',
    },
  },
});
const teamRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/me/team/activity-reports',
  summary: "My direct reports' daily activity reports",
  request: { params, query },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ reports: z.array(reportSchema) }) } },
      description: 'Reports, newest first',
    },
  },
});

export const activityReportRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(mineRoute, async (c) =>
    c.json(
      {
        reports: await reports(
          c.get('deps').db,
          c.get('principal').org,
          'nip',
          c.get('principal').nip,
          c.req.valid('query'),
        ),
      },
      200,
    ),
  )
  .openapi(teamRoute, async (c) =>
    c.json(
      {
        reports: await reports(
          c.get('deps').db,
          c.get('principal').org,
          'supervisor_nip',
          c.get('principal').nip,
          c.req.valid('query'),
        ),
      },
      200,
    ),
  );

async function reports(
  db: ApiEnv['Variables']['deps']['db'],
  org: string,
  column: 'nip' | 'supervisor_nip',
  nip: string,
  q: z.infer<typeof query>,
) {
  let select = db
    .selectFrom('activity_reports')
    .selectAll()
    .where('org_id', '=', org)
    .where(column, '=', nip)
    .orderBy('date', 'desc')
    .orderBy('report_id')
    .limit(q.limit);
  if (q.from) select = select.where('date', '>=', q.from);
  if (q.to) select = select.where('date', '<=', q.to);
  return (await select.execute()).map((r) => ({
    appraisalId: r.appraisal_id,
    reportId: r.report_id,
    nip: r.nip,
    date: r.date,
    description: r.description,
    createdAt: r.created_at.toISOString(),
  }));
}
