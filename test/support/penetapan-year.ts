// A cycle whose one unit breaks its pattern, on the time-skipping server, as the penetapan fixture records
// it: the leader above sets the capaian, the penetapan opens for the unit's leader, passes unsigned to
// their superior at its deadline, who signs it with a justification per finding; the unit is released
// and HR closes the cycle. Needs a running worker.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import { cycleStreamId } from '../../domain/ids.ts';
import { upsertUnits } from '../../organisation/units-and-positions.ts';
import type { Database } from '../../schema/database.ts';
import { setUnitPredikatUpdate, signPenetapanUpdate } from '../../workflows/messages.ts';
import {
  type CycleJourney,
  journeyNips as nip,
  seedPuskesmas,
  startNextYearJourney,
  waitFor,
} from './cycle-journey.ts';

/** The puskesmas with heads: the head of the puskesmas leads PKM, the head of the Dinas the unit above. */
export async function seedPenetapanOrganisation(db: Kysely<Database>, orgId: string) {
  await seedPuskesmas(db, orgId, { peer: false });
  await upsertUnits(db, orgId, [
    { code: 'DINKES', name: 'Dinas Kesehatan', parentCode: null, headNip: nip.superior },
    { code: 'PKM', name: 'Puskesmas', parentCode: 'DINKES', headNip: nip.supervisor },
  ]);
}

type Rig = { db: Kysely<Database>; taskQueue: string };

/** The events of a journey's cycle, in order. */
export function cycleEventsOf(db: Kysely<Database>, journey: CycleJourney) {
  return db
    .selectFrom('events')
    .select(['type', 'data'])
    .where('stream_id', '=', cycleStreamId(journey.cycleId))
    .orderBy('stream_version')
    .execute();
}

/** The data of the journey's first cycle event of this type. */
export async function cycleEventOf(
  db: Kysely<Database>,
  journey: CycleJourney,
  type: string,
): Promise<Record<string, unknown> | undefined> {
  return (await cycleEventsOf(db, journey)).find((e) => e.type === type)?.data as
    | Record<string, unknown>
    | undefined;
}

/** To the rating deadline with one rating of Sangat Kurang in a unit rated Baik: its curve has findings. */
export async function breakThePattern(
  env: TestWorkflowEnvironment,
  rig: Rig,
  orgId: string,
): Promise<CycleJourney> {
  const journey = await startNextYearJourney(env, rig, orgId);
  await journey.rate({ results: 'diBawah', behaviour: 'diBawah', feedback: 'Kurang' });
  await journey.cycle.executeUpdate(setUnitPredikatUpdate, {
    args: [{ unitCode: 'PKM', predikat: 'baik', by: nip.superior, as: 'leader', note: 'IKU 96%' }],
  });
  await journey.skipTo(journey.calendar.rating.deadline, 5 * 60_000);
  await waitFor(
    'the penetapan opened',
    async () => (await cycleEventOf(rig.db, journey, 'cycle.penetapanOpened')) !== undefined,
  );
  return journey;
}

export async function runPenetapanYear(
  env: TestWorkflowEnvironment,
  rig: Rig,
  orgId: string,
): Promise<CycleJourney> {
  const journey = await breakThePattern(env, rig, orgId);
  const penetapanEvents = async () =>
    (await cycleEventsOf(rig.db, journey)).filter(
      (e) => e.type === 'cycle.penetapanOpened' || e.type === 'cycle.penetapanEscalated',
    );
  const opened = (await penetapanEvents())[0]?.data as {
    deadline: string;
    findings: Array<{ rule: string }>;
  };
  await journey.skipTo(opened.deadline, 5 * 60_000);
  await waitFor('passed to the superior', async () => (await penetapanEvents()).length === 2);
  await journey.cycle.executeUpdate(signPenetapanUpdate, {
    args: [
      {
        unitCode: 'PKM',
        by: nip.superior,
        hr: false,
        conforming: false,
        justifications: opened.findings.map((f) => ({ rule: f.rule, text: 'Unit satu orang' })),
      },
    ],
  });
  await journey.waitForStep('feedback');
  await journey.hr.closeCycle();
  await journey.cycle.result();
  return journey;
}
