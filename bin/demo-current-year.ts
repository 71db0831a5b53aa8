// The demo organisations' year in progress, on the real Temporal server `npm start` runs: HR starts the
// cycle and most people acknowledge their standards, each through the same commands the API and the web
// pages use (api/commands), so it is recorded as any year is. The rest keep the task in their inbox.

import { actOnTask } from '../api/commands/appraisal.ts';
import { startCycle } from '../api/commands/cycles.ts';
import type { Services } from '../api/commands/services.ts';
import type { Principal } from '../auth/identity.ts';
import { cycleIdFor } from '../domain/ids.ts';
import { currentYearPlan } from '../simulation/past-year-plan.ts';
import { hrOf } from './demo-past-year.ts';

export type CurrentYearOutcome =
  | { org: string; year: number; cycleId: string; ran: true; acknowledged: number; open: number }
  | { org: string; year: number; cycleId: string; ran: false };

const person = (org: string, nip: string, roles: Principal['roles']): Principal => ({
  nip,
  org,
  roles,
  allOrganisations: false,
});

/** Launches `org`'s year in progress once (ran: false when that cycle exists already). */
export async function launchDemoCurrentYear(
  services: Services,
  org: string,
  options: { today?: Date; timeoutMs?: number } = {},
): Promise<CurrentYearOutcome> {
  const { db } = services;
  const organisation = await db
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', org)
    .executeTakeFirstOrThrow();
  const plan = currentYearPlan(options.today ?? new Date(), organisation.time_zone);
  const cycleId = cycleIdFor(org, plan.year);
  const exists = await db
    .selectFrom('cycles')
    .select('cycle_id')
    .where('cycle_id', '=', cycleId)
    .executeTakeFirst();
  if (exists) return { org, year: plan.year, cycleId, ran: false };
  const hr = await hrOf(db, org);
  const request = { year: plan.year, start: plan.start, periods: 'quarterly', calendar: {}, population: {} };
  await startCycle(services, person(org, hr, ['employee', 'hr']), request, `demo-${cycleId}`);
  const members = await db.selectFrom('employees').select('nip').where('org_id', '=', org).execute();
  const tasks = async () =>
    db
      .selectFrom('tasks')
      .select(['task_id', 'assignee_nip'])
      .where('cycle_id', '=', cycleId)
      .where('kind', '=', 'acknowledgeStandards')
      .where('status', '=', 'open')
      .orderBy('task_id')
      .execute();
  const until = Date.now() + (options.timeoutMs ?? 120_000);
  let open = await tasks();
  while (open.length < members.length) {
    if (Date.now() > until) throw new Error(`demo: the ${plan.year} cycle of ${org} did not launch in time`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    open = await tasks();
  }
  // Three in four have read their standards; every fourth has not yet.
  let acknowledged = 0;
  for (const [i, task] of open.entries()) {
    if (i % 4 === 3 || !task.assignee_nip) continue;
    const me = person(org, task.assignee_nip, ['employee']);
    await actOnTask(services, me, task.task_id, { type: 'acknowledgeStandards' }, `demo-${task.task_id}`);
    acknowledged++;
  }
  return { org, year: plan.year, cycleId, ran: true, acknowledged, open: open.length - acknowledged };
}
