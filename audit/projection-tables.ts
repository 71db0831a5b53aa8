// The tables the projections (record/projections/index.ts) write, what in them is not derived from events,
// and how to pick one cycle's rows. `cycle_members` is launch progress kept by an activity, not a
// projection, so it is not here.
import { type RawBuilder, sql } from 'kysely';
import { idsOfCycleLike } from '../domain/ids.ts';

export interface ProjectionTable {
  name: string;
  /** Columns written by something other than the events (ids from sequences, delivery state). */
  ignored: readonly string[];
  /** The cycle's rows. */
  ofCycle(cycleId: string): RawBuilder<unknown>;
}

const byCycleId = (cycleId: string) => sql`cycle_id = ${cycleId}`;

export const projectionTables: readonly ProjectionTable[] = [
  { name: 'cycles', ignored: [], ofCycle: byCycleId },
  { name: 'unit_calibration', ignored: [], ofCycle: byCycleId },
  { name: 'appraisals', ignored: [], ofCycle: byCycleId },
  { name: 'tasks', ignored: [], ofCycle: byCycleId },
  {
    name: 'notifications',
    // Sequence id, the inserting transaction, and e-mail delivery (notifications/mailer.ts).
    ignored: [
      'notification_id',
      'transaction_id',
      'email_status',
      'email_attempts',
      'email_next_attempt_at',
      'email_sent_at',
      'email_error',
    ],
    ofCycle: (cycleId) => sql`task_id like ${idsOfCycleLike(cycleId)}`,
  },
  {
    name: 'activity_reports',
    ignored: [],
    ofCycle: (cycleId) => sql`appraisal_id like ${idsOfCycleLike(cycleId)}`,
  },
  { name: 'period_evaluations', ignored: [], ofCycle: byCycleId },
  { name: 'unit_period_predikat', ignored: [], ofCycle: byCycleId },
  { name: 'unit_period_penetapan', ignored: [], ofCycle: byCycleId },
  // A standards round belongs to no cycle: compared when the whole log is rebuilt.
  { name: 'standard_rounds', ignored: [], ofCycle: () => sql`false` },
  { name: 'standard_versions', ignored: [], ofCycle: () => sql`false` },
];
