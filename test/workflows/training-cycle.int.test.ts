// A training cycle (the 'training' calendar preset) for one employee on the time-skipping server: the
// practice year runs within about an hour and a quarter, every task can be done inside its window of
// minutes, the reminder comes a minute before the deadline (not 3 days, which would be before the step
// opened), the keberatan window is 12 minutes from the release and an objection filed 8 minutes in is
// heard (the superior's decision due 14 minutes later, an explanation asked for 2 days due in 2 minutes),
// and the cycle closes on its own at the end of the practice year.
import { describe, expect, it } from 'vitest';
import { dataOf } from '../support/appraisal-events.ts';
import { seedPuskesmas } from '../support/cycle-journey.ts';
import { useTimeSkippingRig } from '../support/time-skipping-rig.ts';
import { runTrainingYear } from '../support/training-year.ts';

const orgId = 'kotajambi_latihan';
const minute = 60_000;
const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describe('a training cycle (time-skipping server, WITA)', () => {
  const live = useTimeSkippingRig('training', (db) => seedPuskesmas(db, orgId, { peer: false }));

  it('runs a practice year in minutes, with a reminder, an objection and the close inside it', async () => {
    const { env, rig } = live;
    const year0 = await rig.worker.runUntil(runTrainingYear(env, rig, orgId));
    const { calendar, windows } = year0;

    expect(year0.early).toEqual([]);
    const reminderAt = Date.parse(String(year0.reminded[0]?.at));
    expect(reminderAt).toBeGreaterThanOrEqual(Date.parse(calendar.socialisation.deadline) - minute);
    expect(dataOf(year0.all, 'period.rated').map((d) => [d.period, d.as])).toEqual(
      windows.map((w) => [w.id, 'rater']),
    );
    expect(year0.released?.objectionDeadline).toBe(at(String(year0.released?.at), 12 * minute));
    expect(dataOf(year0.all, 'objection.filed')).toHaveLength(1);
    // The superior's decision is due 14 minutes after the filing; the explanation's 2 days are minutes.
    const filed = dataOf(year0.all, 'objection.filed')[0];
    const decideTask = dataOf(year0.all, 'task.assigned').find((d) => d.kind === 'decideObjection');
    expect(decideTask?.dueAt).toBe(at(String(filed?.at), 14 * minute));
    const asked = dataOf(year0.all, 'objection.explanationRequested')[0];
    expect(asked?.dueAt).toBe(at(String(asked?.at), 2 * minute));
    expect(dataOf(year0.all, 'objection.explanationMissed')).toHaveLength(1);
    expect(dataOf(year0.all, 'objection.decided')).toEqual([expect.objectContaining({ decision: 'upheld' })]);
    expect(year0.appraisal.step).toBe('completed');
    expect(year0.cycle.closedBy).toBeNull();
    expect(year0.closedAt).toBeGreaterThanOrEqual(Date.parse(calendar.cycleEnd));
    expect(year0.closedAt - year0.startedAt).toBeLessThan(90 * minute);
  }, 300_000);
});
