// The chaos run's calibration drill: the worker SIGKILLed while the cycle calibrates and releases its units.
// Calibration opens at the rating deadline, months after a launch on the real calendar, and the API refuses
// a calendar whose rating deadline is minutes away; so the drill is a second cycle of the organisation
// (the next year's id) started on the workflow service with a calendar built by hand: the steps of a real
// one, but its rating deadline seconds after the start. HR sets every unit's predikat through the API
// meanwhile; at the deadline the cycle calibrates and releases each unit (calibration, signals to the
// unit's appraisals, `cycle.unitReleased`, a seal). The workers of the run are started with the first
// unit's release parked (SIKLUS_CHAOS_PARK_RELEASE, activities/injected-faults.ts): its first attempt
// stops after signalling some of the unit's appraisals, its calibration recorded, nothing released. When
// the worker logs that it parked, it is killed there (not after a guessed wait) and started again; the
// record at the kill and once the drill is done go into the kill's entry of `faults.worker`. Then: the
// kill inside the calibration, every unit released exactly once, no seal twice over an unchanged log, and
// the checks of checks.ts over the drill cycle (every appraisal started once, the projections equal their
// rebuild, the audit verifies, no workflow stuck).
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { type Kysely, sql } from 'kysely';
import { toAppraisalCalendar } from '../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../../domain/cycle/calendar.ts';
import { sealStreamId } from '../../domain/documents/seal-events.ts';
import { cycleIdFor, cycleStreamId, cycleWorkflowId } from '../../domain/ids.ts';
import { sealsOf } from '../../record/projections/checkpoint-seals.ts';
import { timeZoneOf } from '../../record/read/organisation.ts';
import type { Database } from '../../schema/database.ts';
import type { CycleInput } from '../../workflows/cycle.ts';
import { type CheckFigures, checkCycle } from './checks.ts';
import { send } from './client.ts';
import type { ChaosCluster } from './cluster.ts';
import { checkKillInsideCalibration, checkReleases, type DrillRecord } from './release-checks.ts';

export interface CalibrationDrill {
  db: Kysely<Database>;
  temporal: Client;
  cluster: ChaosCluster;
  baseUrl: string;
  /** A token of HR (who also heads the organisation). */
  hrToken: string;
  hrNip: string;
  orgId: string;
  /** The year of the run's main cycle; the drill takes the next year's cycle id. */
  year: number;
  employeeNips: readonly string[];
  log: (line: string) => void;
}

export interface CalibrationFigures extends CheckFigures {
  /** Units of the drill cycle (each to be released once). */
  units: number;
  /** Units released when the worker died (less than `units`: the kill fell mid-calibration). */
  releasedBeforeKill: number;
  /** The kill fell while the worker was parked in the calibration, begun and not finished. */
  killInsideCalibration: boolean;
  retries: number;
}

/** The release the drill parks the worker in (SIKLUS_CHAOS_PARK_RELEASE): the first unit of its cycle. */
export function drillParkRelease(
  orgId: string,
  year: number,
  employees: ReadonlyArray<{ unitCode: string }>,
): string {
  const first = [...new Set(employees.map((e) => e.unitCode))].sort()[0];
  if (!first) throw new Error('the chaos organisation has no employees');
  return `${cycleIdFor(orgId, year + 1)}/${first}`;
}

/** How long after the start the drill's rating deadline is: the predikat Updates land before it. */
const ratingAfterMs = 20_000;

export async function runCalibrationDrill(drill: CalibrationDrill): Promise<CalibrationFigures> {
  const { db, orgId, log } = drill;
  const cycleId = cycleIdFor(orgId, drill.year + 1);
  const stream = cycleStreamId(cycleId);
  const now = new Date();
  const timeZone = await timeZoneOf(db, orgId);
  // Without periods: no escalation of the akhir rating, so no unit waits for its (absent) ratings.
  const calendar = toAppraisalCalendar(buildCalendar(drill.year, now.toISOString(), {}, timeZone));
  calendar.rating = {
    start: now.toISOString(),
    deadline: new Date(now.getTime() + ratingAfterMs).toISOString(),
  };
  const input: CycleInput = {
    cycleId,
    orgId,
    year: drill.year + 1,
    calendar,
    population: {},
    startedBy: drill.hrNip,
  };
  log(`chaos: calibration drill, cycle ${cycleId}`);
  await drill.temporal.workflow.start('CycleWorkflow', {
    workflowId: cycleWorkflowId(cycleId),
    taskQueue: drill.cluster.taskQueue,
    args: [input],
  });
  await until('the drill cycle is recorded', async () => (await eventCount(db, stream, 'cycle.started')) > 0);

  // Every unit's predikat, by HR as a named delegate, as the API takes it.
  let retries = 0;
  const unitCodes = (
    await db.selectFrom('units').select('code').where('org_id', '=', orgId).orderBy('code').execute()
  ).map((u) => u.code);
  for (const unitCode of unitCodes) {
    const answer = await send(
      drill.baseUrl,
      drill.hrToken,
      'POST',
      `/v1/orgs/${orgId}/cycles/${encodeURIComponent(cycleId)}/units/${encodeURIComponent(unitCode)}/predikat`,
      { body: { predikat: 'baik', document: 'SK chaos/kalibrasi' }, key: randomUUID() },
    );
    retries += answer.attempts - 1;
    if (answer.status !== 200)
      throw new Error(`the predikat of ${unitCode} was refused: ${JSON.stringify(answer.body)}`);
  }

  // The kill, once the worker is parked inside the first unit's release (it waits there until killed).
  const parked = () => drill.cluster.parkedLines()[0];
  await until('the drill parks the worker in its first release', async () => parked() !== undefined, 100);
  // Read once the worker is dead: the record as the kill left it.
  let before: DrillRecord = { unitsCalibrated: 0, unitsReleased: 0, releaseSeals: 0 };
  const kill = await drill.cluster.killWorker('calibration', async () => {
    before = await drillRecord(db, cycleId);
  });
  kill.parked = parked() ?? '';
  kill.before = { ...before };
  const releasedBeforeKill = before.unitsReleased;
  const units = Number(
    (
      await db
        .selectFrom('cycle_members')
        .select((eb) => eb.fn.count<string>('unit_code').distinct().as('n'))
        .where('cycle_id', '=', cycleId)
        .executeTakeFirstOrThrow()
    ).n,
  );
  log(`chaos: worker killed parked (${kill.parked}), ${releasedBeforeKill}/${units} units released`);
  await until(
    'every unit is released',
    async () => (await releasedUnits(db, stream)).size >= units,
    500,
    600_000,
  );
  await settle(db, [stream, sealStreamId(cycleId)]);
  kill.after = { ...(await drillRecord(db, cycleId)) };
  const inside = checkKillInsideCalibration(kill.parked, before, units);

  const checks = await checkCycle(db, drill.temporal, cycleId, drill.employeeNips, new Set());
  const members = await db
    .selectFrom('cycle_members')
    .select('unit_code')
    .distinct()
    .where('cycle_id', '=', cycleId)
    .execute();
  const releases = checkReleases(
    members.map((m) => m.unit_code),
    await releasedUnits(db, stream),
    await sealsOf(db, cycleId),
  );
  return {
    ...checks,
    lostEvents: checks.lostEvents + releases.lostEvents,
    duplicatedEvents: checks.duplicatedEvents + releases.duplicatedEvents,
    findings: [...checks.findings.map((f) => `drill: ${f}`), ...releases.findings, ...inside.findings],
    units,
    releasedBeforeKill,
    killInsideCalibration: inside.inside,
    retries,
  };
}

async function drillRecord(db: Kysely<Database>, cycleId: string): Promise<DrillRecord> {
  const stream = cycleStreamId(cycleId);
  const { rows } = await sql<{ calibrated: number; released: number }>`
    select count(distinct data->>'unitCode') filter (where type = 'cycle.unitCalibrated')::int as calibrated,
           count(*) filter (where type = 'cycle.unitReleased')::int as released
    from events where stream_id = ${stream}`.execute(db);
  const seals = await sealsOf(db, cycleId);
  return {
    unitsCalibrated: rows[0]?.calibrated ?? 0,
    unitsReleased: rows[0]?.released ?? 0,
    releaseSeals: seals.filter((s) => s.reason === 'release').length,
  };
}

async function eventCount(db: Kysely<Database>, stream: string, type: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('stream_id', '=', stream)
    .where('type', '=', type)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many `cycle.unitReleased` events each unit has. */
async function releasedUnits(db: Kysely<Database>, stream: string): Promise<Map<string, number>> {
  const { rows } = await sql<{ unit: string; n: number }>`
    select data->>'unitCode' as unit, count(*)::int as n from events
    where stream_id = ${stream} and type = 'cycle.unitReleased' group by 1`.execute(db);
  return new Map(rows.map((r) => [r.unit, r.n]));
}

async function until(what: string, done: () => Promise<boolean>, everyMs = 250, withinMs = 300_000) {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await done().catch(() => false)) return;
    await delay(everyMs);
  }
  throw new Error(`chaos: ${what} did not happen within ${withinMs / 1000} s`);
}

/** Until the drill's stream stops changing for a few seconds (the last seal lands after the release). */
async function settle(db: Kysely<Database>, streams: string[]): Promise<void> {
  let last = -1;
  for (let unchanged = 0, i = 0; unchanged < 6 && i < 120; i++) {
    await delay(500);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from events where stream_id in (${sql.join(streams)})`.execute(db);
    const now = rows[0]?.n ?? 0;
    unchanged = now === last ? unchanged + 1 : 0;
    last = now;
  }
}
