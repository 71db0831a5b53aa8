// Every document of a cycle (or of one unit of it), issued in batches of appraisals, each batch under a
// checkpoint seal of its own, then each unit's penetapan, handed one by one to a sink (a ZIP, a folder), then the cycle's seals as
// `seals.json`: what `siklus documents export` and the simulation write.

import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Zip, ZipPassThrough } from 'fflate';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.ts';
import { type IssueOptions, issueDocuments } from './issue.ts';
import { issuePenetapan } from './penetapan-issue.ts';
import { published, sealsOf } from './seals.ts';

export type Sink = (name: string, bytes: Uint8Array) => Promise<void>;

const batchSize = 50;

/** The number of documents written (seals.json not counted). */
export async function issueCycle(
  db: Kysely<Database>,
  org: string,
  cycleId: string,
  options: IssueOptions & { unit?: string; onProgress?: (done: number, total: number) => void },
  sink: Sink,
): Promise<number> {
  let query = db
    .selectFrom('appraisals')
    .select('appraisal_id')
    .where('org_id', '=', org)
    .where('cycle_id', '=', cycleId);
  if (options.unit) query = query.where('unit_code', '=', options.unit);
  const ids = (await query.orderBy('appraisal_id').execute()).map((r) => r.appraisal_id);
  let written = 0;
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize).map((appraisalId) => ({ appraisalId, kind: 'all' as const }));
    const { documents } = await issueDocuments(db, org, cycleId, batch, options);
    for (const d of documents) await sink(d.fileName, d.pdf);
    written += documents.length;
    options.onProgress?.(Math.min(i + batchSize, ids.length), ids.length);
  }
  // Each unit's penetapan of every period it has, under one more seal.
  const units = [...new Set((await query.select('unit_code').execute()).map((r) => r.unit_code))].sort();
  const { documents } = await issuePenetapan(
    db,
    org,
    cycleId,
    units.map((unitCode) => ({ unitCode })),
    options,
  );
  for (const d of documents) await sink(d.fileName, d.pdf);
  written += documents.length;
  const seals = (await sealsOf(db, cycleId)).map(published);
  await sink('seals.json', Buffer.from(`${JSON.stringify(seals, null, 2)}\n`));
  return written;
}

/** A ZIP written as it goes (the PDFs are compressed already: stored as they are). */
export function zipSink(path: string): { sink: Sink; close(): Promise<void> } {
  const out = createWriteStream(path);
  const zip = new Zip((error, chunk, final) => {
    if (error) out.destroy(error);
    else {
      out.write(chunk);
      if (final) out.end();
    }
  });
  return {
    async sink(name, bytes) {
      const entry = new ZipPassThrough(name);
      zip.add(entry);
      entry.push(bytes, true);
      if (out.writableNeedDrain) await once(out, 'drain');
    },
    async close() {
      zip.end();
      if (!out.writableFinished) await once(out, 'finish');
    },
  };
}

/** A folder (made if missing): one file per document. */
export function folderSink(dir: string): Sink {
  mkdirSync(dir, { recursive: true });
  return (name, bytes) => writeFile(join(dir, name), bytes);
}
