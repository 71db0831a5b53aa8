// HR's monitoring per person: for each appraisal of a cycle, where it stands (acknowledged, SKP agreed,
// each period's realisation submitted and rated, the reviews in, the akhir rating), what it is behind on,
// and its open tasks with whom each waits on. A person is late when something is behind: a deadline
// passed with it undone (the workflow then records it missed or passes it on, and closes the step's
// tasks) or an open task past its due time. Filtered by unit, step and "late only", with counts over what
// the filter keeps. One read for the API's JSON and the web page (and the page's live refresh).
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { sameOrg } from '../../schema/same-org.ts';
import type { Cycle } from './cycles.ts';
import { employeeNames } from './people.ts';
import { cyclePeriods } from './periodic.ts';

type Db = Kysely<Database>;

export interface MonitoringFilter {
  unit?: string | undefined;
  step?: string | undefined;
  lateOnly?: boolean | undefined;
}

/** What a person can be behind on. */
export type Behind =
  | 'acknowledgement'
  | 'agreement'
  | `period:${string}`
  | 'review'
  | 'rating'
  | 'overdueTask';

export interface WaitingTask {
  taskId: string;
  kind: string;
  holderNip: string | null;
  holderRole: string;
  holderName: string | null;
  dueAt: string | null;
  remindedAt: string | null;
  overdue: boolean;
}

export interface MonitoredPerson {
  appraisalId: string;
  nip: string;
  name: string;
  unitCode: string;
  step: string;
  acknowledged: boolean;
  agreed: boolean;
  /** The cycle's periods in order: the realisation submitted, the period rated, missed at its deadline. */
  periods: Array<{ id: string; submitted: boolean; rated: boolean; missed: boolean }>;
  /** Reviews in against those expected (self, supervisor, peers, subordinates). */
  reviews: { submitted: number; expected: number };
  rated: boolean;
  /** What is behind; empty when nothing is (the person is late when it is not). */
  behind: Behind[];
  /** The appraisal's open tasks, whoever holds them: a reminder goes to these holders. */
  tasks: WaitingTask[];
}

export interface Monitoring {
  cycleId: string;
  asOf: string;
  periods: string[];
  /** What the filters may choose from: every unit and step of the cycle's appraisals. */
  units: string[];
  steps: string[];
  filter: { unit: string | null; step: string | null; lateOnly: boolean };
  counts: {
    people: number;
    late: number;
    /** The open tasks of the late people: what "remind all late" sends. */
    toRemind: number;
    acknowledged: number;
    agreed: number;
    rated: number;
    reviewsComplete: number;
    periods: Record<string, { submitted: number; rated: number }>;
  };
  people: MonitoredPerson[];
}

interface StateParts {
  acknowledgedAt?: string | null;
  escalated?: boolean | null;
  agreedVersion?: number | null;
  agreementMissed?: boolean | null;
  periods?: Record<
    string,
    | {
        deadline?: string;
        realisationAt?: string | null;
        rating?: unknown;
        missed?: boolean;
        escalatedTo?: string | null;
      }
    | undefined
  > | null;
  submitted?: number | null;
  reviewsMissed?: number | null;
  ratingMissed?: boolean | null;
  ratingEscalatedTo?: string | null;
  peers?: number | null;
  subordinates?: number | null;
  supervisor?: string | null;
  rating?: unknown;
}

/** The cycle's appraisals as HR monitors them, at `now` (what is late is past its due time then). */
export async function cycleMonitoring(
  db: Db,
  org: string,
  cycle: Pick<Cycle, 'cycleId' | 'calendar'>,
  filter: MonitoringFilter,
  now: Date,
): Promise<Monitoring> {
  const periodIds = cyclePeriods(cycle).periods.map((p) => p.id);
  // Only the parts of the state the page shows: a cycle's states in full would be megabytes.
  const rows = await db
    .selectFrom('appraisals as a')
    .leftJoin('employees as e', (j) => sameOrg(j, 'e.nip', 'a.nip'))
    .select([
      'a.appraisal_id',
      'a.nip',
      'a.unit_code',
      'a.step',
      'e.name',
      sql<StateParts>`jsonb_build_object(
        'acknowledgedAt', a.state->'socialisation'->'acknowledgedAt',
        'escalated', a.state->'socialisation'->'escalated',
        'agreedVersion', a.state->'agreement'->'agreedVersion',
        'agreementMissed', a.state->'agreement'->'missed',
        'periods', a.state->'periods',
        'submitted', jsonb_array_length(coalesce(a.state->'review'->'submitted', '[]'::jsonb)),
        'reviewsMissed', jsonb_array_length(coalesce(a.state->'review'->'missed', '[]'::jsonb)),
        'ratingMissed', a.state->'ratingMissed',
        'ratingEscalatedTo', a.state->'ratingEscalatedTo',
        'peers', jsonb_array_length(coalesce(a.state->'review'->'peerNips', '[]'::jsonb)),
        'subordinates', jsonb_array_length(coalesce(a.state->'participants'->'subordinateNips', '[]'::jsonb)),
        'supervisor', a.state->'participants'->'supervisorNip',
        'rating', a.state->'rating')`.as('parts'),
    ])
    .where('a.org_id', '=', org)
    .where('a.cycle_id', '=', cycle.cycleId)
    .where('a.step', '!=', 'cancelled')
    .orderBy('a.unit_code')
    .orderBy('e.name')
    .orderBy('a.nip')
    .execute();
  const tasks = await db
    .selectFrom('tasks')
    .select(['task_id', 'appraisal_id', 'kind', 'assignee_nip', 'assignee_role', 'due_at', 'reminded_at'])
    .where('org_id', '=', org)
    .where('cycle_id', '=', cycle.cycleId)
    .where('status', '=', 'open')
    .orderBy('due_at')
    .orderBy('task_id')
    .execute();
  const holders = await employeeNames(
    db,
    org,
    tasks.flatMap((t) => (t.assignee_nip ? [t.assignee_nip] : [])),
  );
  const tasksOf = new Map<string, WaitingTask[]>();
  for (const t of tasks) {
    const list = tasksOf.get(t.appraisal_id) ?? [];
    list.push({
      taskId: t.task_id,
      kind: t.kind,
      holderNip: t.assignee_nip,
      holderRole: t.assignee_role,
      holderName: t.assignee_nip ? (holders.get(t.assignee_nip) ?? null) : null,
      dueAt: t.due_at?.toISOString() ?? null,
      remindedAt: t.reminded_at?.toISOString() ?? null,
      overdue: t.due_at !== null && t.due_at < now,
    });
    tasksOf.set(t.appraisal_id, list);
  }
  const everyone = rows.map((r): MonitoredPerson => {
    const p = r.parts;
    const waiting = tasksOf.get(r.appraisal_id) ?? [];
    return {
      appraisalId: r.appraisal_id,
      nip: r.nip,
      name: r.name ?? r.nip,
      unitCode: r.unit_code,
      step: r.step,
      acknowledged: !!p.acknowledgedAt,
      agreed: p.agreedVersion !== null && p.agreedVersion !== undefined,
      periods: periodIds.map((id) => {
        const e = p.periods?.[id];
        return { id, submitted: !!e?.realisationAt, rated: !!e?.rating, missed: !!e?.missed };
      }),
      reviews: {
        submitted: p.submitted ?? 0,
        expected: 1 + (p.supervisor ? 1 : 0) + (p.peers ?? 0) + (p.subordinates ?? 0),
      },
      rated: !!p.rating,
      behind: behindOf(p, periodIds, waiting, now),
      tasks: waiting,
    };
  });
  const unit = filter.unit || null;
  const step = filter.step || null;
  const lateOnly = !!filter.lateOnly;
  const people = everyone.filter(
    (x) => (!unit || x.unitCode === unit) && (!step || x.step === step) && (!lateOnly || isLate(x)),
  );
  const count = (test: (x: MonitoredPerson) => boolean) => people.filter(test).length;
  return {
    cycleId: cycle.cycleId,
    asOf: now.toISOString(),
    periods: periodIds,
    units: [...new Set(everyone.map((x) => x.unitCode))].sort(),
    steps: [...new Set(everyone.map((x) => x.step))],
    filter: { unit, step, lateOnly },
    counts: {
      people: people.length,
      late: count(isLate),
      toRemind: people.reduce((n, x) => n + (isLate(x) ? x.tasks.length : 0), 0),
      acknowledged: count((x) => x.acknowledged),
      agreed: count((x) => x.agreed),
      rated: count((x) => x.rated),
      reviewsComplete: count((x) => x.reviews.submitted >= x.reviews.expected),
      periods: Object.fromEntries(
        periodIds.map((id, i) => [
          id,
          {
            submitted: count((x) => !!x.periods[i]?.submitted),
            rated: count((x) => !!x.periods[i]?.rated),
          },
        ]),
      ),
    },
    people,
  };
}

export const isLate = (person: MonitoredPerson): boolean => person.behind.length > 0;

function behindOf(p: StateParts, periodIds: string[], tasks: WaitingTask[], now: Date): Behind[] {
  const behind: Behind[] = [];
  if (p.escalated && !p.acknowledgedAt) behind.push('acknowledgement');
  if (p.agreementMissed && (p.agreedVersion === null || p.agreedVersion === undefined))
    behind.push('agreement');
  for (const id of periodIds) {
    const e = p.periods?.[id];
    const past = !!e?.deadline && Date.parse(e.deadline) < now.getTime();
    if (e && !e.rating && (e.missed || !!e.escalatedTo || past)) behind.push(`period:${id}`);
  }
  if ((p.reviewsMissed ?? 0) > 0) behind.push('review');
  if (!p.rating && (p.ratingMissed || !!p.ratingEscalatedTo)) behind.push('rating');
  if (tasks.some((t) => t.overdue)) behind.push('overdueTask');
  return behind;
}

/** The cycle's tasks of these ids, with their appraisals (whatever their state: the workflow decides). */
export async function cycleTasks(
  db: Db,
  org: string,
  cycleId: string,
  taskIds: readonly string[],
): Promise<Array<{ taskId: string; appraisalId: string }>> {
  if (taskIds.length === 0) return [];
  const rows = await db
    .selectFrom('tasks')
    .select(['task_id', 'appraisal_id'])
    .where('org_id', '=', org)
    .where('cycle_id', '=', cycleId)
    .where('task_id', 'in', [...new Set(taskIds)])
    .execute();
  return rows.map((r) => ({ taskId: r.task_id, appraisalId: r.appraisal_id }));
}
