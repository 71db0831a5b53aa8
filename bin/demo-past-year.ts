// The demo organisations' finished previous year, run for real: the time-skipping test server starts with
// its clock in the December before that year (runtime/past-time-test-server.ts), our worker runs on it
// against the demo database, HR launches the cycle, and simulated people work the whole year through
// (simulation/work-year.ts: objections, referrals, calibration, closing); then the year's documents are
// issued under their seals and the server is stopped. So its event log, hash chains, projections and
// seals are genuine and the audit verifies it. Before the server stops, the year's workflow histories are
// archived in the database (audit/histories.ts archiveCycleHistories), so the audit's replay has them.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type ArchiveSummary, archiveCycleHistories } from '../audit/histories.ts';
import { issueCycle } from '../documents/batch.ts';
import { cycleIdFor, systemActor } from '../domain/ids.ts';
import { startPastTimeEnv } from '../runtime/past-time-test-server.ts';
import type { Database } from '../schema/database.ts';
import { pastYearPlan } from '../simulation/past-year-plan.ts';
import { seededRandom } from '../simulation/random.ts';
import { simulationWorkerOptions } from '../simulation/run-simulation.ts';
import type { SeedEmployee } from '../simulation/seed.ts';
import { launchAndWorkYear } from '../simulation/work-year.ts';
import { createWorkerOn } from '../worker/create-worker.ts';

export interface PastYearOptions {
  /** Today (the year before it that has ended is the one run); now unless given. */
  today?: Date;
  /** The base URL the documents' verification links point to. */
  publicUrl?: string;
  log?: (line: string) => void;
  /** Called once the year is known to need running, with the year. */
  onStart?: (year: number) => void;
  /** Aborting stops the test server: the run then fails, leaving the year unfinished. */
  signal?: AbortSignal;
}

export type PastYearOutcome =
  | {
      org: string;
      year: number;
      cycleId: string;
      ran: true;
      seconds: number;
      documents: number;
      /** The year's workflow histories, archived before its server stopped. */
      histories: ArchiveSummary;
    }
  | { org: string; year: number; cycleId: string; ran: false; reason: string };

/** The HR admin who runs the demo year: the head of the personnel agency, else the organisation's top. */
export async function hrOf(db: Kysely<Database>, org: string): Promise<string> {
  const people = await db
    .selectFrom('employees')
    .select(['nip', 'position_code', 'supervisor_nip'])
    .where('org_id', '=', org)
    .orderBy('nip')
    .execute();
  const hr = people.find((p) => p.position_code === 'KABADAN') ?? people.find((p) => !p.supervisor_nip);
  if (!hr) throw new Error(`demo: organisation ${org} has nobody to run its year`);
  return hr.nip;
}

/**
 * Runs `org`'s previous year once: skipped (ran: false) when that year's cycle exists already, so a
 * second start changes nothing.
 */
export async function runDemoPastYear(
  db: Kysely<Database>,
  org: string,
  options: PastYearOptions = {},
): Promise<PastYearOutcome> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const organisation = await db
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', org)
    .executeTakeFirstOrThrow();
  const plan = pastYearPlan(options.today ?? new Date(), organisation.time_zone);
  const cycleId = cycleIdFor(org, plan.year);
  const existing = await db
    .selectFrom('cycles')
    .select('status')
    .where('cycle_id', '=', cycleId)
    .executeTakeFirst();
  if (existing) {
    const reason =
      existing.status === 'closed'
        ? 'already there'
        : 'left unfinished by an interrupted first start (remove the data folder to run it again)';
    return { org, year: plan.year, cycleId, ran: false, reason };
  }
  const people = await db
    .selectFrom('employees')
    .select(['nip', 'name', 'unit_code', 'supervisor_nip', 'position_code'])
    .where('org_id', '=', org)
    .orderBy('nip')
    .execute();
  const employees: SeedEmployee[] = people.map((p) => ({
    nip: p.nip,
    name: p.name,
    unitCode: p.unit_code,
    supervisorNip: p.supervisor_nip,
    positionCode: p.position_code,
  }));
  const units = [...new Set(employees.map((e) => e.unitCode))].sort();
  const hr = await hrOf(db, org);

  options.onStart?.(plan.year);
  const env = await startPastTimeEnv(new Date(plan.serverStart), { log });
  const abandon = () => void env.teardown();
  options.signal?.addEventListener('abort', abandon, { once: true });
  let histories: ArchiveSummary;
  try {
    const taskQueue = `siklus-demo-${randomBytes(4).toString('hex')}`;
    const worker = await createWorkerOn(env, db, taskQueue, simulationWorkerOptions);
    let stage = '';
    await worker.runUntil(async () => {
      const launch = {
        orgId: org,
        year: plan.year,
        start: plan.serverStart,
        cycleEnd: plan.cycleEnd,
        timeZone: organisation.time_zone,
        taskQueue,
      };
      await launchAndWorkYear(env, db, launch, {
        hr,
        employees,
        units,
        // The same year on every first start.
        random: seededRandom(plan.year),
        objectorsAtLeast: 1,
        progress: (phase) => {
          if (phase !== stage) log(`${org} ${plan.year}: ${phase}`);
          stage = phase;
        },
      });
    });
    // The test server keeps the histories in memory only: into the database before it stops.
    histories = await archiveCycleHistories(env.client, db, cycleId);
    log(`${org} ${plan.year}: ${histories.runs} workflow histories archived (${histories.bytes} bytes)`);
  } finally {
    options.signal?.removeEventListener('abort', abandon);
    if (!options.signal?.aborted) await env.teardown();
  }
  log(`${org} ${plan.year}: issuing the year's documents`);
  // Issued as HR would after the year: each under a checkpoint seal; the PDFs are made again on download.
  const documents = await issueCycle(
    db,
    org,
    cycleId,
    { lang: 'id', actor: systemActor('demo'), publicUrl: options.publicUrl ?? 'http://127.0.0.1:3000' },
    async () => {},
  );
  const seconds = Math.round((performance.now() - started) / 1000);
  return { org, year: plan.year, cycleId, ran: true, seconds, documents, histories };
}
