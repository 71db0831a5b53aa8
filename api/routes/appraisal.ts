// My appraisal: only what the employee may see. Peers' and subordinates' input only as an aggregate,
// never who said what; the rating only once it is released.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { appraisalCommandSchema } from '../../domain/appraisal/commands.ts';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import { aggregateReviews } from '../../domain/review/berakhlak.ts';
import type { ApiEnv } from '../context.ts';
import { ApiProblem } from '../problem.ts';
import { actOnAppraisal, actResultSchema } from './act.ts';
import { jsonBody, problemResponse } from './openapi-shapes.ts';

const params = z.object({ org: z.string().min(1).max(64) });

const mineRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/me/appraisal',
  summary: 'My appraisal in the latest (or a given) cycle',
  request: { params, query: z.strictObject({ cycleId: z.string().max(100).optional() }) },
  responses: {
    200: {
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
      description: 'My appraisal',
    },
    404: problemResponse,
  },
});

const actRoute = createRoute({
  method: 'post',
  path: '/v1/orgs/{org}/me/appraisal/actions',
  summary: 'Act on my own appraisal without a task (daily activity report, a late acknowledgement, ...)',
  request: {
    params,
    query: z.strictObject({ cycleId: z.string().max(100).optional() }),
    body: jsonBody(appraisalCommandSchema),
  },
  responses: {
    200: { content: { 'application/json': { schema: actResultSchema } }, description: 'Recorded' },
    403: problemResponse,
    404: problemResponse,
    409: problemResponse,
    422: problemResponse,
  },
});

export const appraisalRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(mineRoute, async (c) => {
    const row = await myAppraisal(c.get('deps').db, c.get('principal'), c.req.valid('query').cycleId);
    return c.json(employeeView(row.state as AppraisalState), 200);
  })
  .openapi(actRoute, async (c) => {
    const row = await myAppraisal(c.get('deps').db, c.get('principal'), c.req.valid('query').cycleId);
    return c.json(
      await actOnAppraisal(
        c.get('deps'),
        c.get('principal'),
        row.appraisal_id,
        c.req.valid('json'),
        c.get('operationId'),
      ),
      200,
    );
  });

async function myAppraisal(
  db: ApiEnv['Variables']['deps']['db'],
  me: ApiEnv['Variables']['principal'],
  cycleId?: string,
) {
  let query = db
    .selectFrom('appraisals')
    .select(['appraisal_id', 'state'])
    .where('org_id', '=', me.org)
    .where('nip', '=', me.nip)
    .orderBy('cycle_id', 'desc')
    .limit(1);
  if (cycleId) query = query.where('cycle_id', '=', cycleId);
  const row = await query.executeTakeFirst();
  if (!row) throw new ApiProblem(404, 'not_found', 'You have no appraisal in this cycle');
  return row;
}

/** The employee's view of their own appraisal. */
export function employeeView(s: AppraisalState) {
  const others = s.review.submitted.filter((r) => r.role === 'peer' || r.role === 'subordinate');
  const released = s.release !== null;
  return {
    appraisalId: s.appraisalId,
    cycleId: s.cycleId,
    step: s.step,
    deadline: s.deadline,
    socialisation: s.socialisation,
    agreement: s.agreement,
    checkIns: s.checkIns,
    activityReports: s.activityReports,
    review: {
      selfSubmitted: s.review.submitted.some((r) => r.role === 'self'),
      supervisorSubmitted: s.review.submitted.some((r) => r.role === 'supervisor'),
      // Peers and subordinates: the aggregate only, and only from two reviews on, so no single
      // colleague's answer can be read off it.
      colleagues: others.length >= 2 ? aggregateReviews(others.map((r) => ({ scores: r.scores }))) : null,
    },
    rating: released ? s.rating : null,
    release: s.release,
    objection: s.objection,
    referral: s.referral,
    recognised: s.recognised,
  };
}
