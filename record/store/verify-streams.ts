// Recomputes every stream's hash chain from the stored rows and reports what does not add up, naming
// the stream and version. It reads the log in pages, so it runs in bounded memory on any size of log.
//   hash_mismatch       the row's content no longer gives its stored hash: the row was changed
//   version_gap         versions are missing: rows were deleted
//   prev_hash_mismatch  the row does not link to its predecessor's hash: inserted or reordered rows
//   head_mismatch       the stream's head (streams table) disagrees with its last event
//   missing_head        events of a stream that has no streams row
//   position_order      a later version has an earlier global position: readers in log order (the
//                       audit's rebuild, as-of replays) see the stream out of order. Written by siklus
//                       itself before 2026-11 (record/store/write-events.ts); `siklus audit repair-order` fixes it
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { genesisHash, storedEventHash } from './hash-chain.ts';
import type { EventRecord } from './recorded-event.ts';

export type IntegrityProblem =
  | 'hash_mismatch'
  | 'version_gap'
  | 'prev_hash_mismatch'
  | 'head_mismatch'
  | 'missing_head'
  | 'position_order';

export interface IntegrityFinding {
  streamId: string;
  version: number;
  problem: IntegrityProblem;
  detail: string;
}

export interface VerificationReport {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  findings: IntegrityFinding[];
}

/** The position as text, compared as a bigint. */
type ChainRow = Omit<EventRecord, 'global_position' | 'transaction_id'> & { global_position: string };

interface Walk {
  streamId: string;
  nextVersion: number;
  prevHash: string;
  position: bigint;
  /** Whether this stream's position order was already reported (once a stream is enough). */
  misordered: boolean;
}

const pageSize = 2_000;

export async function verifyStreams(
  db: Kysely<Database>,
  options: { streamIds?: string[] } = {},
): Promise<VerificationReport> {
  const only = options.streamIds;
  const filter = only ? sql`and stream_id = any(${only}::text[])` : sql``;
  const { rows: headRows } = await sql<{ stream_id: string; version: number; head_hash: string }>`
    select stream_id, version, head_hash from streams where true ${filter}`.execute(db);
  const heads = new Map(headRows.map((row) => [row.stream_id, row]));
  const findings: IntegrityFinding[] = [];
  const seenStreams = new Set<string>();
  let eventsChecked = 0;
  let walk: Walk | undefined;

  const finish = (done: Walk) => {
    const last = done.nextVersion - 1;
    const head = heads.get(done.streamId);
    const report = (version: number, problem: IntegrityProblem, detail: string) =>
      findings.push({ streamId: done.streamId, version, problem, detail });
    if (!head) report(last, 'missing_head', 'the stream has events but no streams row');
    else if (head.version > last) {
      report(
        last + 1,
        'version_gap',
        `versions ${last + 1} to ${head.version} are missing (the head is at ${head.version})`,
      );
    } else if (head.version < last) {
      report(
        head.version + 1,
        'head_mismatch',
        `events after the head's version ${head.version} (inserted rows?)`,
      );
    } else if (head.head_hash !== done.prevHash) {
      report(last, 'head_mismatch', 'the head hash differs from the last event hash');
    }
  };

  let after = { streamId: '', version: 0 };
  for (;;) {
    const { rows } = await sql<ChainRow>`
      select stream_id, stream_version, event_id::text, type, data, metadata, recorded_at, prev_hash, hash,
             global_position::text
      from events
      where (stream_id, stream_version) > (${after.streamId}, ${after.version}) ${filter}
      order by stream_id, stream_version
      limit ${pageSize}`.execute(db);
    for (const row of rows) {
      if (walk?.streamId !== row.stream_id) {
        if (walk) finish(walk);
        walk = {
          streamId: row.stream_id,
          nextVersion: 1,
          prevHash: genesisHash,
          position: 0n,
          misordered: false,
        };
        seenStreams.add(row.stream_id);
      }
      const report = (problem: IntegrityProblem, detail: string, version = row.stream_version) =>
        findings.push({ streamId: row.stream_id, version, problem, detail });
      const gap = row.stream_version !== walk.nextVersion;
      if (gap) {
        const missing = `${walk.nextVersion}${row.stream_version - 1 > walk.nextVersion ? ` to ${row.stream_version - 1}` : ''}`;
        report(
          'version_gap',
          `version ${missing} missing before version ${row.stream_version}`,
          walk.nextVersion,
        );
      }
      const recomputed = storedEventHash(row);
      if (recomputed !== row.hash)
        report('hash_mismatch', 'the stored content does not give the stored hash');
      // After a gap the link is broken by the gap itself; report the gap only.
      if (!gap && row.prev_hash !== walk.prevHash) {
        report('prev_hash_mismatch', `prev_hash does not link to version ${walk.nextVersion - 1}`);
      }
      const position = BigInt(row.global_position);
      let misordered = walk.misordered;
      if (!misordered && position < walk.position) {
        misordered = true;
        report(
          'position_order',
          `global position ${position} comes before version ${row.stream_version - 1}'s ${walk.position}: the log reads this stream out of order (the hash chain is intact; \`siklus audit repair-order\` renumbers it)`,
        );
      }
      walk = {
        streamId: row.stream_id,
        nextVersion: row.stream_version + 1,
        prevHash: row.hash,
        position,
        misordered,
      };
      eventsChecked += 1;
    }
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) break;
    after = { streamId: last.stream_id, version: last.stream_version };
  }
  if (walk) finish(walk);

  // A head is written with its stream's first events, so a head without events lost all of them.
  for (const head of heads.values()) {
    if (seenStreams.has(head.stream_id)) continue;
    findings.push({
      streamId: head.stream_id,
      version: 1,
      problem: 'version_gap',
      detail: `the head is at version ${head.version} but the stream has no events`,
    });
  }
  return {
    ok: findings.length === 0,
    streamsChecked: new Set([...seenStreams, ...heads.keys()]).size,
    eventsChecked,
    findings,
  };
}
