// One employee's whole year with the real calendar (no evaluation periods), the scenario the e2e test
// asserts and the replay fixtures record: HR extends socialisation's deadline and nobody acknowledges (a
// reminder, then an escalation to the supervisor), an agreement re-proposed once, check-ins TW I-III, a
// peer who never reviews, a first rating the unit's rule holds in calibration, an objection that changes
// the predikat, and the training referral to its end; then HR closes the cycle. Needs an organisation
// seeded with seedPuskesmas (peer included) and a running worker.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { extendUnitDeadlineUpdate } from '../../workflows/messages.ts';
import {
  type CycleJourney,
  journeyNips as nip,
  startNextYearJourney,
  waitFor,
  waitingTimeRhk,
} from './cycle-journey.ts';

/** Where a test looks or adds its own (an activity report, say) along the way. */
export interface EmployeeYearExtras {
  /** Once both signed the agreement. */
  afterAgreement?: (journey: CycleJourney) => Promise<unknown>;
  /** While calibration holds the unit for the first rating. */
  whileHeld?: (journey: CycleJourney) => Promise<unknown>;
  /** The superior asks the rater and the employee to explain before deciding the objection. */
  hearing?: boolean;
}

export async function runEmployeeYear(
  env: TestWorkflowEnvironment,
  rig: { db: Kysely<Database>; taskQueue: string },
  orgId: string,
  extras: EmployeeYearExtras = {},
): Promise<CycleJourney> {
  const journey = await startNextYearJourney(env, rig, orgId);
  const { act, skipTo, cycle, calendar } = journey;

  // Socialisation: HR extends the unit's deadline by two days; nobody acknowledges, so it escalates.
  const extended = new Date(Date.parse(calendar.socialisation.deadline) + 2 * 86_400_000).toISOString();
  await cycle.executeUpdate(extendUnitDeadlineUpdate, {
    args: [{ unitCode: 'PKM', step: 'socialisation', deadline: extended, by: nip.hr }],
  });
  await skipTo(extended);
  await act('supervisor', { type: 'proposeIndicators', rhk: waitingTimeRhk('30 menit') });
  await act('employee', { type: 'commentIndicators', version: 1, comment: 'Mohon target 40 menit' });
  await act('supervisor', { type: 'proposeIndicators', rhk: waitingTimeRhk('40 menit') });
  await act('employee', { type: 'signAgreement', version: 2 });
  await act('supervisor', { type: 'signAgreement', version: 2 });
  await extras.afterAgreement?.(journey);
  for (const quarter of ['I', 'II', 'III'] as const) {
    await skipTo(calendar.checkIns[quarter].start);
    await act('employee', {
      type: 'submitCheckIn',
      quarter,
      realisations: [{ indicatorId: 'iki-1', value: '44 menit', evidence: [{ note: 'Rekap antrean' }] }],
    });
    await act('supervisor', { type: 'giveCheckInFeedback', quarter, feedback: 'Terus tingkatkan' });
  }
  await act('supervisor', { type: 'assignPeers', peerNips: [nip.peer] });
  await skipTo(calendar.review.start);
  await act('employee', { type: 'submitReview', scores: { akuntabel: 4, kompeten: 3 }, comment: '' });
  await act('supervisor', {
    type: 'submitReview',
    scores: { akuntabel: 2, kompeten: 2 },
    comment: 'Bimbingan',
  });
  // Rating: a first rating the unit's rule holds, then a second one that passes calibration.
  await journey.rate({ results: 'diBawah', behaviour: 'diBawah', feedback: 'Kurang' });
  await journey.hr.setUnitPredikat('baik');
  await skipTo(calendar.rating.deadline, 5 * 60_000);
  await waitFor('the unit held', async () => (await journey.unit())?.ok === false);
  await extras.whileHeld?.(journey);
  await journey.finishYear({
    rater: 'supervisor',
    rating: { results: 'sesuai', behaviour: 'diBawah', feedback: 'Perbaiki' },
    objection: 'Perilaku dinilai tanpa dialog kinerja',
    ...(extras.hearing ? { hearing: true } : {}),
    decision: {
      decision: 'changed',
      results: 'diBawah',
      behaviour: 'sesuai',
      reason: 'Perilaku sesuai ekspektasi',
    },
  });
  return journey;
}
