// A training cycle (the 'training' calendar preset, in WITA) for one employee of the puskesmas on the
// time-skipping server, as the training-cycle test asserts it and the replay fixture records it: each step
// done inside its window of minutes, socialisation left to its reminder a minute before the deadline, an
// objection filed 8 minutes into the 12-minute keberatan window, an explanation asked for 2 "days" (2
// minutes) left to pass unanswered, the objection upheld, the follow-up done, and the
// cycle left to close on its own at the end of the practice year. Needs seedPuskesmas and a running worker.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import { toAppraisalCalendar } from '../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../../domain/cycle/calendar.ts';
import { cycleStreamId } from '../../domain/ids.ts';
import { indonesianTimeZones } from '../../domain/time/zones.ts';
import type { Database } from '../../schema/database.ts';
import { appraisalEventsOf, dataOf } from './appraisal-events.ts';
import { startCycleJourney, waitFor, waitingTimeRhk } from './cycle-journey.ts';

const minute = 60_000;
const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export async function runTrainingYear(
  env: TestWorkflowEnvironment,
  rig: { db: Kysely<Database>; taskQueue: string },
  orgId: string,
) {
  const now = new Date(await env.currentTimeMs());
  const year = now.getUTCFullYear() + 1;
  const overrides = { preset: 'training' as const, periods: 'quarterly' as const };
  const built = buildCalendar(year, now.toISOString(), overrides, indonesianTimeZones.WITA);
  const calendar = toAppraisalCalendar(built);
  const windows = calendar.periods?.windows ?? [];
  const journey = await startCycleJourney(env, rig, { orgId, year, calendar });
  const { act, skipTo } = journey;
  const events = async () => appraisalEventsOf(rig.db, journey.appraisalId);
  const reminders = async () => dataOf(await events(), 'task.reminded');

  // Three minutes into the five of socialisation nobody has been reminded; a minute before the end, yes.
  await skipTo(at(calendar.socialisation.deadline, -2 * minute), 0);
  const early = await reminders();
  await skipTo(at(calendar.socialisation.deadline, -30_000), 0);
  await waitFor('the socialisation reminder', async () => (await reminders()).length > 0);
  const reminded = await reminders();
  await act('employee', { type: 'acknowledgeStandards' });

  await skipTo(calendar.agreement.start, 1_000);
  await act('supervisor', { type: 'proposeIndicators', rhk: waitingTimeRhk('30 menit') });
  await act('employee', { type: 'signAgreement', version: 1 });
  await act('supervisor', { type: 'signAgreement', version: 1 });
  for (const window of windows) {
    await skipTo(window.opens, 1_000);
    await act('employee', {
      type: 'recordRealisation',
      period: window.id,
      realisations: [{ indicatorId: 'iki-1', value: '35 menit', evidence: [] }],
    });
    await journey.ratePeriodAsExpected(window.id);
    await act('employee', { type: 'acknowledgePeriod', period: window.id });
  }
  await skipTo(calendar.review.start, 1_000);
  await act('employee', { type: 'submitReview', scores: { akuntabel: 4 }, comment: '' });
  await journey.hr.setUnitPredikat('baik');
  await skipTo(calendar.rating.start, 1_000);
  await journey.waitForStep('rating');
  await act('supervisor', {
    type: 'setRating',
    results: 'diBawah',
    behaviour: 'sesuai',
    feedback: 'Hasil kerja di bawah ekspektasi',
  });
  await skipTo(calendar.rating.deadline, 1_000);
  await journey.waitForStep('feedback');
  const released = dataOf(await events(), 'rating.released')[0];
  // Eight minutes into the twelve of the keberatan window: the objection is heard and decided.
  await skipTo(at(String(released?.at), 8 * minute), 0);
  await act('employee', { type: 'fileObjection', reasons: 'Realisasi triwulan sesuai target' });
  // The superior asks the employee to explain within 2 "days": 2 minutes here, and nobody answers.
  const askedAt = new Date(await env.currentTimeMs()).toISOString();
  const question = 'Kapan dialog kinerja diminta?';
  await act('superior', { type: 'askExplanation', from: 'employee', question, days: 2 });
  await skipTo(at(askedAt, 2 * minute), 1_000);
  await waitFor('the explanation missed', async () =>
    dataOf(await events(), 'objection.explanationMissed').some((d) => d.from === 'employee'),
  );
  await act('superior', { type: 'decideObjection', decision: 'upheld', reason: 'Capaian tetap kurang' });
  await skipTo(String(released?.objectionDeadline), 1_000);
  await journey.waitForStep('followUp');
  await act('hr', { type: 'assignTraining', programme: 'Pelatihan pelayanan prima' }, ['hr']);
  await act('employee', { type: 'completeTraining', note: 'Sertifikat latihan' });
  const appraisal = await journey.appraisal.result();
  // Nobody closes the practice year: the cycle ends at the calendar's end on its own.
  const cycle = await journey.cycle.result();
  const cycleEvents = await rig.db
    .selectFrom('events')
    .select(['type', 'data'])
    .where('stream_id', '=', cycleStreamId(journey.cycleId))
    .execute();
  const closedAt = Date.parse(String(dataOf(cycleEvents, 'cycle.closed')[0]?.at));
  return {
    startedAt: now.getTime(),
    calendar,
    windows,
    early,
    reminded,
    released,
    appraisal,
    cycle,
    closedAt,
    all: await events(),
    handles: { appraisal: journey.appraisal, cycle: journey.cycle },
  };
}
