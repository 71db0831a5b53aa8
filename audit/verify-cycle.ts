// Verifies everything the record of one cycle claims, from the stored rows alone:
//   1. every stream of the cycle (its own and each appraisal's): hash chain, gap-free versions, head
//      (record/store/verify-streams.ts);
//   2. every event against its schema (data, metadata, known type);
//   3. the projections equal their rebuild from the log, limited to the cycle's rows;
//   4. once closed: the seal, i.e. the streams up to the close still hash to the stored digest.
// Each finding names the stream and version (or table) and what is wrong.
import type { Kysely } from 'kysely';
import { cycleStreamId } from '../domain/ids.ts';
import { cycleStreamIds } from '../record/projections/cycle-streams.ts';
import { type IntegrityProblem, verifyStreams } from '../record/store/verify-streams.ts';
import type { Database } from '../schema/database.ts';
import { AuditError } from './errors.ts';
import { readStreamRows, validateRow } from './event-rows.ts';
import { type RebuildReport, rebuildProjections, type TableDifference } from './rebuild-projections.ts';
import { checkSeal, type SealCheck } from './seal.ts';

export type AuditProblem =
  | IntegrityProblem
  | 'schema_invalid'
  | 'projection_mismatch'
  | 'rebuild_failed'
  | 'seal_missing'
  | 'seal_mismatch';

export interface AuditFinding {
  problem: AuditProblem;
  streamId?: string;
  version?: number;
  table?: string;
  detail: string;
}

export interface CycleVerification {
  ok: boolean;
  cycleId: string;
  streamsChecked: number;
  eventsChecked: number;
  findings: AuditFinding[];
  /**
   * Every finding is a stream numbered out of order by siklus before 2026-11, or what follows from it
   * (the rebuild, read in log order, differs): the hash chains are intact and
   * `siklus audit repair-order` mends the log.
   */
  onlyPositionOrder: boolean;
  /** The tables that differ from their rebuild, with sample rows. */
  projectionDifferences: TableDifference[];
  seal: SealCheck;
}

/** A log read in position order with misnumbered streams rebuilds other projections: a consequence. */
const followsFromPositionOrder = new Set<AuditProblem>([
  'position_order',
  'projection_mismatch',
  'rebuild_failed',
]);

export type VerifyPhase = 'chains' | 'schemas' | 'projections' | 'seal';

export async function verifyCycle(
  db: Kysely<Database>,
  cycleId: string,
  options: { onProgress?: (phase: VerifyPhase, done: number, total: number) => void } = {},
): Promise<CycleVerification> {
  const progress = options.onProgress ?? (() => {});
  const streamIds = await cycleStreamIds(db, cycleId, { withEvents: true });
  const cycleRow = await db
    .selectFrom('cycles')
    .select('cycle_id')
    .where('cycle_id', '=', cycleId)
    .executeTakeFirst();
  if (streamIds.length === 0 && !cycleRow) throw new AuditError('not_found', `no cycle ${cycleId}`);
  const findings: AuditFinding[] = [];

  progress('chains', 0, 1);
  const chains = await verifyStreams(db, { streamIds });
  for (const f of chains.findings)
    findings.push({ problem: f.problem, streamId: f.streamId, version: f.version, detail: f.detail });
  progress('chains', 1, 1);

  let streamsRead = 0;
  let lastStream = '';
  for await (const rows of readStreamRows(db, streamIds)) {
    for (const row of rows) {
      if (row.stream_id !== lastStream) {
        lastStream = row.stream_id;
        streamsRead += 1;
      }
      const validated = validateRow(row);
      if (!validated.ok)
        findings.push({
          problem: 'schema_invalid',
          streamId: row.stream_id,
          version: row.stream_version,
          detail: validated.detail,
        });
    }
    progress('schemas', streamsRead, streamIds.length);
  }

  let rebuild: RebuildReport | undefined;
  try {
    rebuild = await rebuildProjections(db, {
      cycleId,
      streamIds,
      onProgress: (applied, total) => progress('projections', applied, total),
    });
  } catch (error) {
    findings.push({
      problem: 'rebuild_failed',
      detail: `the projections could not be rebuilt from the log: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  for (const difference of rebuild?.differences ?? []) {
    findings.push({
      problem: 'projection_mismatch',
      table: difference.table,
      detail: `${difference.table}: ${difference.onlyLive} rows only in the live table, ${difference.onlyRebuilt} only in the rebuild from the log`,
    });
  }

  progress('seal', 0, 1);
  const seal = await checkSeal(db, cycleId);
  if (seal.status === 'missing') findings.push({ problem: 'seal_missing', detail: seal.detail });
  if (seal.status === 'broken')
    findings.push({ problem: 'seal_mismatch', streamId: cycleStreamId(cycleId), detail: seal.detail });
  progress('seal', 1, 1);

  const misordered = findings.some((f) => f.problem === 'position_order');
  return {
    ok: findings.length === 0,
    onlyPositionOrder: misordered && findings.every((f) => followsFromPositionOrder.has(f.problem)),
    cycleId,
    streamsChecked: chains.streamsChecked,
    eventsChecked: chains.eventsChecked,
    findings,
    projectionDifferences: rebuild?.differences ?? [],
    seal,
  };
}
