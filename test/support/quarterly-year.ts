// What the quarterly years with a Plh in October (changes-year.ts, mutasi-year.ts) share: the cycle of
// next year in WIB with evaluation periods, the Plh they appoint, the handles and range they return, how
// they read a refused Update, and the self-review before the akhir rating.
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { type CycleJourney, startNextYearJourney } from './cycle-journey.ts';

/** The Plh (pelaksana harian) for October: a doctor at the Dinas. */
export const plh = { nip: '198909092014022010', name: 'Dokter Fungsional', unitCode: 'DINKES' };

type Rig = { db: Kysely<Database>; taskQueue: string };

/**
 * A quarterly year as a script on the journey: run with the environment, a rig and the organisation, it
 * starts next year's quarterly cycle in WIB, waits until the appraisal's workflow runs, and runs `script`.
 */
export const quarterlyYear =
  <Y>(script: (journey: CycleJourney, on: { env: TestWorkflowEnvironment; rig: Rig }) => Promise<Y>) =>
  async (env: TestWorkflowEnvironment, rig: Rig, orgId: string): Promise<Y> => {
    const journey = await startNextYearJourney(env, rig, orgId, { periods: 'quarterly' }, 'Asia/Jakarta');
    await journey.waitForWorkflow();
    return script(journey, { env, rig });
  };

/** What a quarterly year with a Plh returns. */
export interface PlhYear {
  cycle: WorkflowHandle;
  appraisal: WorkflowHandle;
  cycleId: string;
  appraisalId: string;
  /** The acting rater's range as instants: 00:00 WIB on 1 October and on 1 November. */
  acting: { startsAt: string; endsAt: string };
}

/** What an Update was refused with (the failure's type), or 'accepted'. */
export const refusalOf = (update: Promise<unknown>): Promise<string> =>
  update.then(
    () => 'accepted',
    (error: Error) => String((error.cause as { type?: string } | undefined)?.type ?? error.message),
  );

/** At the review step the employee reviews themself; then the rating step starts. */
export async function selfReviewThenRating(journey: CycleJourney): Promise<void> {
  await journey.skipTo(journey.calendar.review.start);
  await journey.act('employee', { type: 'submitReview', scores: { akuntabel: 4 }, comment: '' });
  await journey.skipTo(journey.calendar.rating.start);
}
