// `siklus audit <verify|findings|replay|timeline|histories|archive-histories|repair-order>`: the auditors' tools on the
// command line. Reads the event log through DATABASE_URL (required); the histories also talk to Temporal (TEMPORAL_ADDRESS,
// default 127.0.0.1:7233, and TEMPORAL_NAMESPACE). Exit codes: 0 intact / done, 1 findings or failed
// replays, 2 bad arguments, missing environment, or nothing to audit. Text output shows times in the
// organisation's zone with its name (WIB, WITA, WIT); --json keeps ISO 8601 instants.
import { parseArgs } from 'node:util';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { parseAsOf } from '../audit/as-of.ts';
import { AuditError } from '../audit/errors.ts';
import { integrityFindingsOf, integrityFindingText } from '../audit/integrity-read.ts';
import { type AsOf, stateAsOf } from '../audit/state-as-of.ts';
import { appraisalTimeline, formatTimeline } from '../audit/timeline.ts';
import { verifyCycle } from '../audit/verify-cycle.ts';
import { cycleIdFor, parseAppraisalId, parseCycleId } from '../domain/ids.ts';
import { timeZoneOf } from '../record/read/organisation.ts';
import { repairPositionOrder } from '../record/store/repair-position-order.ts';
import type { Database } from '../schema/database.ts';
import { createDb } from '../schema/db.ts';
import { formatReplays, formatVerification } from './audit-report.ts';
import { progressBar } from './progress.ts';

const usageText = `usage:
  siklus audit verify --org <org> --cycle <year|cycleId> [--json]
  siklus audit findings --org <org> --cycle <year|cycleId> [--lang id|en] [--json]
  siklus audit replay --appraisal <appraisalId> [--as-of <iso-time|position>]
  siklus audit replay --cycle <cycleId> [--org <org>] [--as-of <iso-time|position>]
  siklus audit timeline --appraisal <appraisalId> [--lang id|en] [--json]
  siklus audit histories --cycle <cycleId> [--org <org>] [--out <dir>] [--json]
    (a workflow Temporal no longer has is replayed from siklus's archive, and says so)
  siklus audit archive-histories --cycle <cycleId> [--org <org>] [--json]
  siklus audit repair-order [--dry-run] [--json]
environment: DATABASE_URL (required); TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE (histories, archive-histories)`;

const options = {
  org: { type: 'string' },
  cycle: { type: 'string' },
  appraisal: { type: 'string' },
  'as-of': { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
} as const;
type Values = {
  [K in keyof typeof options]?: (typeof options)[K]['type'] extends 'string' ? string : boolean;
};

class UsageError extends Error {}

type Run = (db: Kysely<Database>, values: Values) => Promise<number>;
const subcommands: Record<string, { allowed: Array<keyof Values>; check(values: Values): void; run: Run }> = {
  verify: {
    allowed: ['org', 'cycle', 'json'],
    check: (v) => {
      if (!v.org) throw new UsageError('--org is required');
      cycleIdOf(v);
    },
    run: verify,
  },
  findings: {
    allowed: ['org', 'cycle', 'lang', 'json'],
    check: (v) => {
      if (!v.org) throw new UsageError('--org is required');
      cycleIdOf(v);
      if (v.lang !== undefined && v.lang !== 'id' && v.lang !== 'en')
        throw new UsageError('--lang is id or en');
    },
    run: findings,
  },
  replay: {
    allowed: ['appraisal', 'cycle', 'org', 'as-of'],
    check: (v) => {
      if (!v.appraisal === !v.cycle) throw new UsageError('give either --appraisal or --cycle');
      if (v.cycle) cycleIdOf(v);
      asOfOf(v['as-of']);
    },
    run: replay,
  },
  timeline: {
    allowed: ['appraisal', 'lang', 'json'],
    check: (v) => {
      if (!v.appraisal) throw new UsageError('--appraisal is required');
      if (v.lang !== undefined && v.lang !== 'id' && v.lang !== 'en')
        throw new UsageError('--lang is id or en');
    },
    run: timeline,
  },
  histories: {
    allowed: ['cycle', 'org', 'out', 'json'],
    check: (v) => void cycleIdOf(v),
    run: histories,
  },
  'archive-histories': {
    allowed: ['cycle', 'org', 'json'],
    check: (v) => void cycleIdOf(v),
    run: archiveHistories,
  },
  'repair-order': {
    allowed: ['dry-run', 'json'],
    check: () => {},
    run: repairOrder,
  },
};

export async function auditCommand(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const subcommand = name && Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  let values: Values;
  try {
    if (!subcommand) throw new UsageError(name ? `unknown subcommand "${name}"` : 'which audit?');
    values = parseArgs({ args: rest, options, strict: true }).values as Values;
    const extra = Object.keys(values).filter((key) => !subcommand.allowed.includes(key as keyof Values));
    if (extra.length) throw new UsageError(`${name} takes no --${extra.join(', --')}`);
    subcommand.check(values);
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('siklus audit: DATABASE_URL is not set: the audit reads the event log from PostgreSQL');
    return 2;
  }
  const db = createDb(url, { onIdleError: () => {} });
  try {
    return await subcommand.run(db, values);
  } catch (error) {
    if (error instanceof AuditError) {
      console.error(`siklus audit ${name}: ${error.message}`);
      return error.code === 'not_found' || error.code === 'bad_request' ? 2 : 1;
    }
    console.error(`siklus audit ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await db.destroy();
  }
}

function usage(message: string): number {
  console.error(`siklus audit: ${message}\n${usageText}`);
  return 2;
}

/** `--cycle 2027 --org bungo` or `--cycle bungo.2027` (which must then be of --org, when given). */
function cycleIdOf(v: Values): string {
  if (!v.cycle) throw new UsageError('--cycle is required');
  if (/^\d{4}$/.test(v.cycle)) {
    if (!v.org) throw new UsageError(`--cycle ${v.cycle} is a year: give --org as well, or the cycle id`);
    return cycleIdFor(v.org, Number(v.cycle));
  }
  const cycle = parseCycleId(v.cycle);
  if (!cycle) throw new UsageError(`--cycle ${v.cycle} is neither a year nor <org>.<year>`);
  if (v.org && cycle.orgId !== v.org)
    throw new UsageError(`cycle ${v.cycle} is not of organisation ${v.org}`);
  return v.cycle;
}

/** An ISO 8601 time, or a global position of the log; the end of the log when absent. */
function asOfOf(text: string | undefined): AsOf {
  const parsed = parseAsOf(text);
  if (!parsed.ok) throw new UsageError(`--as-of ${parsed.message}`);
  return parsed.asOf;
}

async function verify(db: Kysely<Database>, v: Values): Promise<number> {
  const progress = progressBar();
  const cycleId = cycleIdOf(v);
  const report = await verifyCycle(db, cycleId, {
    onProgress: (phase, done, total) => progress.update(phase, done, total),
  });
  progress.end();
  console.log(v.json ? JSON.stringify(report) : formatVerification(report, await zoneOfCycle(db, cycleId)));
  return report.ok ? 0 : 1;
}

/** Patterns that deserve a look (audit/integrity-findings.ts): each with its appraisals. Exit 0: not a verdict. */
async function findings(db: Kysely<Database>, v: Values): Promise<number> {
  const cycleId = cycleIdOf(v);
  const found = await integrityFindingsOf(db, cycleId);
  if (v.json) {
    console.log(JSON.stringify(found));
    return 0;
  }
  const timeZone = await zoneOfCycle(db, cycleId);
  if (found.length === 0)
    console.log(v.lang === 'en' ? 'no integrity findings' : 'tidak ada temuan integritas');
  for (const finding of found) {
    console.log(integrityFindingText(finding, v.lang === 'en' ? 'en' : 'id', timeZone));
    console.log(`    ${finding.appraisalIds.join(' ')}`);
  }
  return 0;
}

async function replay(db: Kysely<Database>, v: Values): Promise<number> {
  const asOf = asOfOf(v['as-of']);
  const result = v.appraisal
    ? await stateAsOf(db, { appraisalId: v.appraisal }, asOf)
    : await stateAsOf(db, { cycleId: cycleIdOf(v) }, asOf);
  console.log(JSON.stringify({ asOf, ...result }, null, 2));
  return 0;
}

async function timeline(db: Kysely<Database>, v: Values): Promise<number> {
  const cycleId = parseAppraisalId(v.appraisal!)?.cycleId;
  const timeZone = await zoneOfCycle(db, cycleId);
  const entries = await appraisalTimeline(db, v.appraisal!, v.lang === 'en' ? 'en' : 'id', timeZone);
  console.log(v.json ? JSON.stringify(entries) : formatTimeline(entries, timeZone));
  return 0;
}

/** The zone of the cycle's organisation (its ids carry it), where times are shown; WIB when unknown. */
function zoneOfCycle(db: Kysely<Database>, cycleId: string | undefined): Promise<string> {
  const orgId = cycleId === undefined ? undefined : parseCycleId(cycleId)?.orgId;
  return timeZoneOf(db, orgId ?? '');
}

/** Renumbers streams written out of order before 2026-11; see record/store/repair-position-order.ts. */
async function repairOrder(db: Kysely<Database>, v: Values): Promise<number> {
  const dryRun = v['dry-run'] === true;
  const result = await repairPositionOrder(db, { dryRun });
  if (v.json) console.log(JSON.stringify({ dryRun, ...result }));
  else if (result.events === 0) console.log('every stream already reads in version order: nothing to repair');
  else
    console.log(
      `${dryRun ? 'would renumber' : 'renumbered'} ${result.events} events in ${result.streams} streams` +
        (dryRun ? '' : `; ${result.sealsMoved} seal positions followed their cycle.closed`) +
        (dryRun ? '; run again without --dry-run to repair' : '; run `siklus audit verify` again'),
    );
  return 0;
}

/** Runs `work` with a client of the Temporal server TEMPORAL_ADDRESS names. */
async function withTemporal<T>(work: (client: Client) => Promise<T>): Promise<T> {
  // Loaded here only: the worker's native runtime is not needed by the other subcommands.
  const { DefaultLogger, makeTelemetryFilterString, Runtime } = await import('@temporalio/worker');
  Runtime.install({
    logger: new DefaultLogger('WARN'),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }), forward: {} } },
  });
  const { Client, Connection } = await import('@temporalio/client');
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  try {
    return await work(new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' }));
  } finally {
    await connection.close();
  }
}

async function histories(db: Kysely<Database>, v: Values): Promise<number> {
  const cycleId = cycleIdOf(v);
  const { exportCycleHistories, replayCycleHistories } = await import('../audit/histories.ts');
  return withTemporal(async (client) => {
    const progress = progressBar();
    const exported = await exportCycleHistories(client, cycleId, v.out, {
      db,
      onProgress: (done, total) => progress.update('export', done, total),
    });
    const outcomes = await replayCycleHistories(exported, {
      onProgress: (done, total) => progress.update('replay', done, total),
    });
    progress.end();
    console.log(
      v.json
        ? JSON.stringify({ cycleId, dir: v.out ?? null, outcomes })
        : formatReplays(outcomes, v.out, await zoneOfCycle(db, cycleId)),
    );
    return outcomes.every((o) => o.ok) ? 0 : 1;
  });
}

/** Keeps a closed cycle's histories in the database, for when Temporal no longer keeps them. */
async function archiveHistories(db: Kysely<Database>, v: Values): Promise<number> {
  const cycleId = cycleIdOf(v);
  const { archiveCycleHistories } = await import('../audit/histories.ts');
  const summary = await withTemporal((client) => archiveCycleHistories(client, db, cycleId));
  console.log(
    v.json
      ? JSON.stringify({ cycleId, ...summary })
      : `${summary.runs} workflow histories of ${cycleId} in the archive (${summary.bytes} bytes): ` +
          `${summary.stored} stored now, ${summary.runs - summary.stored} archived before`,
  );
  return 0;
}
