// Daily activity reports: mine, and my direct reports' (the supervisor sees them all year).
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { activityReports } from '../../record/read/activity-reports.ts';
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
  .openapi(mineRoute, async (c) => {
    const me = c.get('principal');
    const reports = await activityReports(c.get('deps').db, me.org, { nip: me.nip }, c.req.valid('query'));
    return c.json({ reports }, 200);
  })
  .openapi(teamRoute, async (c) => {
    const me = c.get('principal');
    const reports = await activityReports(
      c.get('deps').db,
      me.org,
      { supervisorNip: me.nip },
      c.req.valid('query'),
    );
    return c.json({ reports }, 200);
  });
