// A quarterly year of periodic evaluations for one employee, the scenario the e2e test asserts and the
// replay fixtures record: four periods (TW2 escalated to the rater's superior), the akhir rating escalated
// too and held in calibration until set, an objection upheld, and the follow-up. Needs an organisation
// seeded with seedPuskesmas (cycle-journey.ts) and a running worker.
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { nextYearCalendar, startCycleJourney, waitFor, waitingTimeRhk } from './cycle-journey.ts';

const zone = 'Asia/Jakarta';

export interface PeriodicYear {
  cycle: WorkflowHandle;
  appraisal: WorkflowHandle;
  cycleId: string;
  appraisalId: string;
  superiorDeadline: string;
}

/** Runs the year to the appraisal's completion and the cycle's close by HR. */
export async function runPeriodicYear(
  env: TestWorkflowEnvironment,
  rig: { db: Kysely<Database>; taskQueue: string },
  orgId: string,
): Promise<PeriodicYear> {
  const { year, calendar: built } = await nextYearCalendar(env, { periods: 'quarterly' }, zone);
  const { periods, ratingEscalation } = built;
  if (!periods || !ratingEscalation) throw new Error('a quarterly calendar has periods');
  const calendar = { ...built, periods, ratingEscalation };
  const journey = await startCycleJourney(env, rig, { orgId, year, calendar });
  const { act, skipTo, row } = journey;

  await act('employee', { type: 'acknowledgeStandards' });
  await skipTo(calendar.agreement.start);
  await act('supervisor', { type: 'proposeIndicators', rhk: waitingTimeRhk('30 menit', 'Waktu tunggu') });
  await act('employee', { type: 'signAgreement', version: 1 });
  await act('supervisor', { type: 'signAgreement', version: 1 });

  for (const window of periods.windows) {
    await skipTo(window.opens);
    await act('employee', {
      type: 'recordRealisation',
      period: window.id,
      realisations: [
        { indicatorId: 'iki-1', value: '35 menit', evidence: [{ url: 'https://arsip.example/antrean' }] },
      ],
    });
    await act('supervisor', {
      type: 'givePeriodFeedback',
      period: window.id,
      rhkId: 'rhk-1',
      feedback: 'Antrean pagi masih panjang',
    });
    // The rater lets TW2's deadline pass: the rater's superior rates it instead.
    const rater = window.id === 'TW2' ? 'superior' : 'supervisor';
    if (rater === 'superior') await skipTo(window.deadline);
    await act(rater, {
      type: 'ratePeriod',
      period: window.id,
      results: rater === 'superior' ? 'diAtas' : 'sesuai',
      behaviour: 'sesuai',
      feedback: rater === 'superior' ? 'Dinilai oleh atasan pejabat penilai' : 'Sesuai ekspektasi',
    });
    await act('employee', { type: 'acknowledgePeriod', period: window.id });
  }

  // The akhir rating: the rater never rates; the unit waits while the superior has it, then it is set.
  await skipTo(calendar.review.start);
  await act('employee', { type: 'submitReview', scores: { akuntabel: 4 }, comment: '' });
  await journey.hr.setUnitPredikat('baik');
  await skipTo(calendar.rating.deadline);
  await waitFor('the superior’s rating task', async () =>
    (await journey.openTaskIds()).some((id) => id.endsWith(':setRating:superior')),
  );
  await journey.hr.calibrateNow();
  await waitFor(
    'the unit held for the rating',
    async () => (await journey.unit())?.violations?.some((v) => v.rule === 'unit.ratingsPending') === true,
  );
  if ((await row())?.step !== 'rating') throw new Error('the appraisal went on without its akhir rating');
  await journey.finishYear({
    rater: 'superior',
    rating: { results: 'diBawah', behaviour: 'sesuai', feedback: 'Hasil kerja di bawah ekspektasi' },
    objection: 'Realisasi TW2 di atas ekspektasi',
    decision: { decision: 'upheld', reason: 'Capaian tahunan tetap di bawah target' },
  });
  return {
    cycle: journey.cycle,
    appraisal: journey.appraisal,
    cycleId: journey.cycleId,
    appraisalId: journey.appraisalId,
    superiorDeadline: ratingEscalation.superiorDeadline,
  };
}
