// One chaos run: an organisation of N employees, its cycle launched through the API while the worker is
// SIGKILLed and PostgreSQL stopped; then a wave in which every employee acknowledges the standards through
// the API (each action sent twice with one Idempotency-Key, every fifth twice without a key) while the
// worker is killed again, the Temporal dev server is killed and PostgreSQL stopped. Then the checks. Then
// a calibration drill (calibration.ts): a second cycle calibrated and released, the worker killed a third
// time while parked (on purpose) inside that calibration. All along, the worker fails a share of its
// recordEvents calls after their commit.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { identityFromEnv } from '../../auth/config.ts';
import { loadDevKey, signDevToken } from '../../auth/dev-keys.ts';
import { startServer } from '../../bin/server.ts';
import { cycleIdFor } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { generateOrganisation } from '../../simulation/organisation.ts';
import { seededRandom } from '../../simulation/random.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { drillParkRelease, runCalibrationDrill } from './calibration.ts';
import { checkCycle } from './checks.ts';
import { send } from './client.ts';
import { type ChaosCluster, type FaultCounts, startChaosCluster } from './cluster.ts';

export interface ChaosOptions {
  employees: number;
  /** The wave is spread over at least this long (a long run keeps faults among the actions). */
  seconds: number;
  /** The probability that a recordEvents call fails after its commit (default 0.1; 0: none). */
  faultAfterCommit?: number;
  log?: (line: string) => void;
}

export interface ChaosFigures {
  employees: number;
  faults: FaultCounts;
  actions: number;
  duplicatesSent: number;
  lostEvents: number;
  duplicatedEvents: number;
  projectionMismatches: number;
  stuckWorkflows: number;
  verify: boolean;
  wallMs: number;
  /** Requests sent again after a failure (a 5xx or no answer during a fault). */
  retries: number;
  /** Second copies sent without a key that were not refused (each one an action done twice). */
  keylessRepeatsAccepted: number;
  /** Valid actions the API refused (e.g. a running appraisal said to have ended). */
  wrongRefusals: number;
  /**
   * The calibration drill: its units, how many were released before the worker was killed, and whether
   * the kill fell inside the calibration (begun, not finished; the evidence is `faults.worker`'s entry).
   */
  calibration: { units: number; releasedBeforeKill: number; killInsideCalibration: boolean };
  findings: string[];
}

const orgId = 'chaos';
/** How long an unanswered Idempotency-Key stays claimed (production: 60 s); short, so retries run soon. */
const leaseMs = 10_000;
const defaultFaultAfterCommit = 0.1;

export async function runChaos(options: ChaosOptions): Promise<ChaosFigures> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const year = new Date().getUTCFullYear() + 1;
  const org = generateOrganisation(
    seededRandom(7),
    orgId,
    options.employees,
    Math.max(2, Math.ceil(options.employees / 40)),
  );
  const cluster = await startChaosCluster(log, {
    afterCommit: options.faultAfterCommit ?? defaultFaultAfterCommit,
    // The drill's third kill: its first unit's release parks the worker, which is killed there.
    parkRelease: drillParkRelease(orgId, year, org.employees),
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'siklus-chaos-keys-'));
  const db = createDb(cluster.databaseUrl, { max: 10, onIdleError: () => {} });
  const connection = await Connection.connect({ address: cluster.temporalAddress });
  const temporal = new Client({ connection, namespace: cluster.namespace });
  try {
    await migrateToLatest(db);
    await seedOrganisation(db, orgId, org.units, org.employees);
    await cluster.startWorker();
    const identity = await identityFromEnv(dataDir, { SIKLUS_DEV_AUTH: '1' });
    const devKey = await loadDevKey(dataDir);
    const server = await startServer(
      { db, temporal, taskQueue: cluster.taskQueue, identity, idempotencyLeaseMs: leaseMs, web: { devKey } },
      { port: 0 },
    );
    try {
      const hr = await signDevToken(devKey, { org: orgId, nip: org.head.nip, roles: ['hr', 'employee'] });
      const now = new Date();
      const cycleId = cycleIdFor(orgId, year);
      let retries = 0;

      // The launch, with the worker killed at a fifth of it and PostgreSQL stopped at half.
      log('chaos: launching the cycle');
      const start = await send(server.url, hr, 'POST', `/v1/orgs/${orgId}/cycles`, {
        body: { year, start: now.toISOString() },
        key: randomUUID(),
      });
      retries += start.attempts - 1;
      if (start.status !== 201) throw new Error(`the cycle did not start: ${JSON.stringify(start.body)}`);
      await duringLaunch(db, cluster, options.employees, log);

      // The wave: every employee acknowledges the standards.
      log('chaos: the wave of acknowledgements');
      const wave = await runWave(server.url, org.employees, options, cluster, log, (nip) =>
        signDevToken(devKey, { org: orgId, nip, roles: ['employee'] }),
      );
      retries += wave.retries;
      await settle(db);
      log('chaos: checking');
      const checks = await checkCycle(
        db,
        temporal,
        cycleId,
        org.employees.map((e) => e.nip),
        wave.acknowledged,
      );
      // The third worker kill, during a calibration.
      const drill = await runCalibrationDrill({
        db,
        temporal,
        cluster,
        baseUrl: server.url,
        hrToken: hr,
        hrNip: org.head.nip,
        orgId,
        year,
        employeeNips: org.employees.map((e) => e.nip),
        log,
      });
      retries += drill.retries;
      return {
        employees: options.employees,
        faults: { ...cluster.faults, worker: [...cluster.faults.worker] },
        actions: wave.actions,
        duplicatesSent: wave.duplicatesSent,
        lostEvents: checks.lostEvents + drill.lostEvents,
        duplicatedEvents: checks.duplicatedEvents + drill.duplicatedEvents + wave.keylessRepeatsAccepted,
        projectionMismatches: checks.projectionMismatches + drill.projectionMismatches,
        stuckWorkflows: checks.stuckWorkflows + drill.stuckWorkflows,
        verify: checks.verify && drill.verify,
        wallMs: Date.now() - started,
        retries,
        keylessRepeatsAccepted: wave.keylessRepeatsAccepted,
        wrongRefusals: wave.wrongRefusals,
        calibration: {
          units: drill.units,
          releasedBeforeKill: drill.releasedBeforeKill,
          killInsideCalibration: drill.killInsideCalibration,
        },
        findings: [...wave.refusalExamples, ...checks.findings, ...drill.findings],
      };
    } finally {
      await server.close();
    }
  } finally {
    await connection.close().catch(() => {});
    await db.destroy().catch(() => {});
    await cluster.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Waits for every acknowledgement task to be open, killing the worker and stopping PostgreSQL on the way. */
async function duringLaunch(
  db: Kysely<Database>,
  cluster: ChaosCluster,
  employees: number,
  log: (line: string) => void,
): Promise<void> {
  const faults: Array<[number, () => Promise<void>]> = [
    [0.2, () => cluster.killWorker('launch').then(() => {})],
    [0.5, () => cluster.stopPostgres()],
  ];
  const deadline = Date.now() + 20 * 60_000;
  while (Date.now() < deadline) {
    const open = await openAcknowledgements(db).catch(() => -1);
    if (open >= 0) log(`chaos: launch ${open}/${employees}`);
    while (faults.length > 0 && open >= (faults[0]?.[0] ?? 1) * employees) await faults.shift()?.[1]();
    if (open >= employees) {
      // A fault the launch outran still happens, right after it.
      for (const [, fault] of faults) await fault();
      return;
    }
    await delay(500);
  }
  throw new Error('the launch did not open every acknowledgement task within 20 minutes');
}

async function openAcknowledgements(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.count<string>('task_id').as('n'))
    .where('org_id', '=', orgId)
    .where('kind', '=', 'acknowledgeStandards')
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

interface WaveResult {
  acknowledged: Set<string>;
  actions: number;
  duplicatesSent: number;
  retries: number;
  keylessRepeatsAccepted: number;
  wrongRefusals: number;
  refusalExamples: string[];
}

const concurrency = 8;

async function runWave(
  baseUrl: string,
  employees: ReadonlyArray<{ nip: string }>,
  options: ChaosOptions,
  cluster: ChaosCluster,
  log: (line: string) => void,
  tokenFor: (nip: string) => Promise<string>,
): Promise<WaveResult> {
  const result: WaveResult = {
    acknowledged: new Set(),
    actions: 0,
    duplicatesSent: 0,
    retries: 0,
    keylessRepeatsAccepted: 0,
    wrongRefusals: 0,
    refusalExamples: [],
  };
  const faults: Array<[number, () => Promise<void>]> = [
    [0.25, () => cluster.killWorker('wave').then(() => {})],
    [0.5, () => cluster.killTemporal()],
    [0.75, () => cluster.stopPostgres()],
  ];
  const running: Array<Promise<void>> = [];
  // A refusal a client cannot explain (the action was valid): counted, and the first few kept.
  const refused = (nip: string, what: string, answer: { status: number; body: unknown }) => {
    result.wrongRefusals++;
    if (result.refusalExamples.length < 5)
      result.refusalExamples.push(
        `${nip} ${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`,
      );
  };
  const spacingMs = (options.seconds * 1000) / employees.length;
  const waveStart = Date.now();
  let next = 0;
  let done = 0;
  const one = async (index: number) => {
    const employee = employees[index];
    if (!employee) return;
    const wait = waveStart + index * spacingMs - Date.now();
    if (wait > 0) await delay(wait);
    const token = await tokenFor(employee.nip);
    const list = await send(baseUrl, token, 'GET', `/v1/orgs/${orgId}/me/tasks?step=socialisation`);
    result.retries += list.attempts - 1;
    const tasks = (list.body as { tasks?: Array<{ taskId: string; kind: string }> }).tasks ?? [];
    const task = tasks.find((t) => t.kind === 'acknowledgeStandards');
    if (!task) throw new Error(`${employee.nip} has no acknowledgement task: ${JSON.stringify(list.body)}`);
    const path = `/v1/orgs/${orgId}/tasks/${encodeURIComponent(task.taskId)}/actions`;
    const body = { type: 'acknowledgeStandards' };
    result.actions++;
    result.duplicatesSent++;
    if (index % 5 === 4) {
      // Twice without a key, one after the other: the second must be refused (already done).
      const first = await send(baseUrl, token, 'POST', path, { body });
      const second = await send(baseUrl, token, 'POST', path, { body });
      result.retries += first.attempts + second.attempts - 2;
      // The first may itself be refused as already done: an earlier copy of it got no answer but was recorded.
      if (first.status === 200 || isAlreadyDone(first)) result.acknowledged.add(employee.nip);
      else refused(employee.nip, 'first without a key', first);
      if (second.status === 200) result.keylessRepeatsAccepted++;
      else if (!isAlreadyDone(second)) refused(employee.nip, 'second without a key', second);
    } else {
      // Twice at once with one key: one runs, the other gets its answer (after a retry while it runs).
      const key = randomUUID();
      const answers = await Promise.all([
        send(baseUrl, token, 'POST', path, { body, key }),
        send(baseUrl, token, 'POST', path, { body, key }),
      ]);
      for (const answer of answers) result.retries += answer.attempts - 1;
      const refusal = answers.find((a) => a.status !== 200);
      if (refusal) refused(employee.nip, 'with a key', refusal);
      else result.acknowledged.add(employee.nip);
    }
    done++;
    while (faults.length > 0 && done >= (faults[0]?.[0] ?? 1) * employees.length) {
      const fault = faults.shift()?.[1];
      // The fault runs beside the wave, which goes on sending (and retrying) meanwhile.
      if (fault) running.push(fault());
    }
    if (done % 50 === 0) log(`chaos: wave ${done}/${employees.length}`);
  };
  const lanes = Array.from({ length: concurrency }, async () => {
    while (next < employees.length) await one(next++);
  });
  await Promise.all(lanes);
  await Promise.all(running);
  return result;
}

function isAlreadyDone(answer: { status: number; body: unknown }): boolean {
  return answer.status === 409 && (answer.body as { code?: string })?.code === 'already_done';
}

/** Until the record stops changing: the last events of retried work land a moment after the answers. */
async function settle(db: Kysely<Database>): Promise<void> {
  const fingerprint = async () => {
    const row = await db
      .selectFrom('events')
      .select((eb) => [eb.fn.count<string>('event_id').as('n'), eb.fn.max('global_position').as('last')])
      .executeTakeFirst();
    return `${row?.n}:${row?.last}`;
  };
  let last = await fingerprint();
  for (let unchanged = 0, i = 0; unchanged < 6 && i < 240; i++) {
    await delay(500);
    const now = await fingerprint();
    unchanged = now === last ? unchanged + 1 : 0;
    last = now;
  }
}

/**
 * Whether the run found anything lost, doubled, mismatched or stuck, or the audit failed, or the drill's
 * kill missed the calibration (then the run did not test what it is for).
 */
export function chaosFailed(figures: ChaosFigures): boolean {
  return (
    figures.lostEvents +
      figures.duplicatedEvents +
      figures.projectionMismatches +
      figures.stuckWorkflows +
      figures.wrongRefusals >
      0 ||
    !figures.verify ||
    !figures.calibration.killInsideCalibration
  );
}
