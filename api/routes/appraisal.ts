// My appraisal: only what the employee may see (record/read/appraisal.ts employeeView): peers' and
// subordinates' input only as an aggregate, never who said what; the rating only once it is released. With
// it, me and my rater as the SKP names us (number, employment status, pangkat/golongan, position, unit).
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Principal } from '../../auth/identity.ts';
import { appraisalCommandSchema } from '../../domain/appraisal/commands.ts';
import { employeeView, myAppraisal } from '../../record/read/appraisal.ts';
import { boundReadings } from '../../record/read/measures.ts';
import { partiesOf } from '../../record/read/people.ts';
import { actOnMyAppraisal } from '../commands/appraisal.ts';
import { Refusal } from '../commands/refusal.ts';
import type { ApiEnv } from '../context.ts';
import { actResponses, jsonBody, problemResponse } from './openapi-shapes.ts';

const params = z.object({ org: z.string().min(1).max(64) });

const mineRoute = createRoute({
  method: 'get',
  path: '/v1/orgs/{org}/me/appraisal',
  summary: 'My appraisal in the latest (or a given) cycle',
  request: { params, query: z.strictObject({ cycleId: z.string().max(100).optional() }) },
  responses: {
    200: {
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
      description:
        'My appraisal; `employee` and `rater` are the two people as the SKP names them (nip, name, employmentStatus PNS|PPPK, rank, position, unit), or null; `measures` the values of my unit for each indicator bound to a measure, per period (indicatorId, period, code, value, source, recordedAt, achievement): what its realisation is pre-filled with',
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
  responses: actResponses,
});

export const appraisalRoutes = new OpenAPIHono<ApiEnv>()
  .openapi(mineRoute, async (c) => {
    const { db } = c.get('deps');
    const me = c.get('principal');
    const found = await mine(db, me, c.req.valid('query').cycleId);
    const { participants } = found.state;
    const parties = await partiesOf(db, me.org, {
      employee: participants.employee.nip,
      rater: participants.supervisorNip,
    });
    // A bound indicator's realisation is pre-filled from these: the unit's values, period by period.
    const measures = await boundReadings(db, found.state);
    return c.json({ ...employeeView(found.state), ...parties, measures }, 200);
  })
  .openapi(actRoute, async (c) => {
    const { cycleId } = c.req.valid('query');
    const body = c.req.valid('json');
    const me = c.get('principal');
    const key = c.get('idempotencyKey');
    return c.json(await actOnMyAppraisal(c.get('deps'), me, cycleId, body, key), 200);
  });

async function mine(db: ApiEnv['Variables']['deps']['db'], me: Principal, cycleId?: string) {
  const found = await myAppraisal(db, me, cycleId);
  if (!found) throw new Refusal(404, 'not_found', 'You have no appraisal in this cycle');
  return found;
}
