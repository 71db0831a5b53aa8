// Two periods' penetapans on the time-skipping server, as the period-penetapan fixture records it: a
// quarterly year in WIB whose unit PKM has its capaian for TW1 and TW2 set by the leader above; once each
// period's ratings are in, its penetapan opens for PKM's leader. The leader signs TW1's (a justification
// per finding); TW2's is left unsigned and passes to the leader's superior at its deadline, who signs it.
// HR closes the cycle after that. Needs an organisation seeded with seedPenetapanOrganisation and a
// running worker.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { setUnitPredikatUpdate, signPeriodPenetapanUpdate } from '../../workflows/messages.ts';
import {
  type CycleJourney,
  nextYearCalendar,
  journeyNips as nip,
  startCycleJourney,
  waitFor,
  waitingTimeRhk,
} from './cycle-journey.ts';
import { cycleEventsOf } from './penetapan-year.ts';

type Rig = { db: Kysely<Database>; taskQueue: string };
type Opened = { period: string; deadline: string; findings: Array<{ rule: string }> };

/** The journey's period penetapan events of this type, oldest first. */
export async function periodPenetapanEvents(db: Kysely<Database>, journey: CycleJourney, type: string) {
  return (await cycleEventsOf(db, journey))
    .filter((e) => e.type === type)
    .map((e) => e.data as Record<string, unknown> & Opened);
}

/** Each finding justified, or conforming when there is none: what the rules accept. */
const signature = (opened: Opened, text: string) => ({
  conforming: opened.findings.length === 0,
  justifications: opened.findings.map((f) => ({ rule: f.rule, text })),
});

export async function runPeriodPenetapanYear(
  env: TestWorkflowEnvironment,
  rig: Rig,
  orgId: string,
  options: { close?: boolean; training?: boolean } = {},
): Promise<CycleJourney> {
  // A training year's windows and penetapan stages last minutes: past a deadline by seconds, not minutes.
  const { training = false } = options;
  const past = training ? 20_000 : 5 * 60_000;
  const overrides = training
    ? { preset: 'training' as const, periods: 'quarterly' as const }
    : { periods: 'quarterly' as const };
  const { year, calendar } = await nextYearCalendar(env, overrides, 'Asia/Jakarta');
  const windows = calendar.periods?.windows ?? [];
  const [tw1, tw2] = windows;
  if (!tw1 || !tw2) throw new Error('a quarterly calendar has periods');
  const journey = await startCycleJourney(env, rig, { orgId, year, calendar });
  const { act, skipTo } = journey;
  await act('employee', { type: 'acknowledgeStandards' });
  await skipTo(calendar.agreement.start);
  await act('supervisor', { type: 'proposeIndicators', rhk: waitingTimeRhk('30 menit', 'Waktu tunggu') });
  await act('employee', { type: 'signAgreement', version: 1 });
  await act('supervisor', { type: 'signAgreement', version: 1 });
  /** The period's capaian set by the leader above, the realisation reported and rated by the rater. */
  const ratePeriod = async (window: typeof tw1) => {
    await journey.cycle.executeUpdate(setUnitPredikatUpdate, {
      args: [{ unitCode: 'PKM', predikat: 'baik', period: window.id, by: nip.superior, as: 'leader' }],
    });
    await skipTo(window.opens);
    await act('employee', {
      type: 'recordRealisation',
      period: window.id,
      realisations: [
        { indicatorId: 'iki-1', value: '32 menit', evidence: [{ url: 'https://arsip.example/antrean' }] },
      ],
    });
    await act('supervisor', {
      type: 'givePeriodFeedback',
      period: window.id,
      rhkId: 'rhk-1',
      feedback: 'Antrean pagi masih panjang',
    });
    await journey.ratePeriodAsExpected(window.id);
  };
  const opened = (period: string) => async () =>
    (await periodPenetapanEvents(rig.db, journey, 'cycle.periodPenetapanOpened')).find(
      (e) => e.period === period,
    );
  // TW1's ratings are in: its penetapan opens for PKM's leader, who signs it.
  await ratePeriod(tw1);
  await skipTo(tw1.hrDeadline, past);
  await waitFor('TW1 penetapan opened', async () => (await opened('TW1')()) !== undefined);
  const first = (await opened('TW1')()) as Opened;
  await journey.cycle.executeUpdate(signPeriodPenetapanUpdate, {
    args: [
      {
        unitCode: 'PKM',
        period: 'TW1',
        by: nip.supervisor,
        hr: false,
        ...signature(first, 'Unit satu orang'),
      },
    ],
  });
  // TW2's is left unsigned: at the leader's deadline it passes to the superior, who signs it.
  await ratePeriod(tw2);
  await skipTo(tw2.hrDeadline, past);
  await waitFor('TW2 penetapan opened', async () => (await opened('TW2')()) !== undefined);
  const second = (await opened('TW2')()) as Opened;
  await skipTo(second.deadline, past);
  await waitFor(
    'TW2 passed to the superior',
    async () => (await periodPenetapanEvents(rig.db, journey, 'cycle.periodPenetapanEscalated')).length === 1,
  );
  if (options.close === false) return journey;
  await journey.cycle.executeUpdate(signPeriodPenetapanUpdate, {
    args: [
      {
        unitCode: 'PKM',
        period: 'TW2',
        by: nip.superior,
        hr: false,
        ...signature(second, 'Data TW2 lengkap'),
      },
    ],
  });
  await journey.hr.closeCycle();
  await journey.cycle.result();
  await journey.appraisal.terminate('the scenario ends with its cycle');
  return journey;
}
