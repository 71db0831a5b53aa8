// One employee through a quarterly year of periodic evaluations on the time-skipping server
// (test/support/periodic-year.ts): four periods, TW2 escalated to the rater's superior, the akhir rating
// escalated too (no appraisal completes without a predikat; the unit waits for it), an objection and the
// follow-up. The same scenario is recorded as a replay fixture.
import { describe, expect, it } from 'vitest';
import { appraisalEventsOf, dataOf } from '../support/appraisal-events.ts';
import { journeyNips as nip, seedPuskesmas } from '../support/cycle-journey.ts';
import { runPeriodicYear } from '../support/periodic-year.ts';
import { useTimeSkippingRig } from '../support/time-skipping-rig.ts';

describe('a quarterly year of periodic evaluations (time-skipping server)', () => {
  const live = useTimeSkippingRig('periodic', (db) => seedPuskesmas(db, 'bungo', { peer: false }));

  it('evaluates each period, escalates the unrated ones and completes only with a predikat', async () => {
    const { env, rig } = live;
    const year = await rig.worker.runUntil(runPeriodicYear(env, rig, 'bungo'));
    const events = await appraisalEventsOf(rig.db, year.appraisalId);
    const of = (type: string) => dataOf(events, type);
    expect(of('period.opened').map((d) => d.period)).toEqual(['TW1', 'TW2', 'TW3', 'TW4']);
    expect(of('period.rated').map((d) => [d.period, d.as, d.predikat])).toEqual([
      ['TW1', 'rater', 'baik'],
      ['TW2', 'superior', 'baik'],
      ['TW3', 'rater', 'baik'],
      ['TW4', 'rater', 'baik'],
    ]);
    expect(of('period.escalated')).toEqual([
      expect.objectContaining({ period: 'TW2', to: 'superior', assigneeNip: nip.superior }),
    ]);
    expect(of('period.feedbackGiven')).toHaveLength(4);
    expect(of('period.acknowledged')).toHaveLength(4);
    expect(of('period.missed')).toEqual([]);
    // The reminder of TW2's rating went to the rater 3 days before its deadline.
    expect(of('task.reminded').some((d) => String(d.taskId).endsWith(':ratePeriod:TW2'))).toBe(true);
    expect(of('rating.escalated')).toEqual([
      expect.objectContaining({ to: 'superior', deadline: year.superiorDeadline }),
    ]);
    expect(of('rating.set')).toEqual([
      expect.objectContaining({ as: 'superior', predikat: 'butuhPerbaikan' }),
    ]);
    expect(of('objection.decided')).toEqual([expect.objectContaining({ decision: 'upheld' })]);
    // The objection window ends at 23:59:59 WIB on its 14th day after the release.
    const released = of('rating.released')[0];
    const releaseDay = new Date(Date.parse(String(released?.at)) + 7 * 3_600_000).toISOString().slice(0, 10);
    const lastDay = new Date(Date.parse(releaseDay) + 14 * 86_400_000).toISOString().slice(0, 10);
    expect(released?.objectionDeadline).toBe(`${lastDay}T16:59:59.000Z`);
    expect(events.at(-1)?.type).toBe('appraisal.completed');
    const row = await rig.db
      .selectFrom('appraisals')
      .select(['step', 'predikat'])
      .where('appraisal_id', '=', year.appraisalId)
      .executeTakeFirst();
    expect(row).toEqual({ step: 'completed', predikat: 'butuhPerbaikan' });
    const unit = await rig.db
      .selectFrom('unit_calibration')
      .select(['ok', 'released_at'])
      .where('cycle_id', '=', year.cycleId)
      .executeTakeFirst();
    expect(unit?.ok).toBe(true);
  }, 300_000);
});
