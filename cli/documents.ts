// `siklus documents <verify|export|seal>`: official documents with their proofs.
//   verify <file.pdf | code | QR text> [--seals seals.json] [--json]: 0 intact, 1 naming each fact or
//     proof that differs, 2 usage errors. With --seals a PDF or QR text is checked without any database;
//     otherwise (and always for a bare code) against the log through DATABASE_URL.
//   export --org X --cycle YEAR [--unit U] [--lang id|en] --out file.zip: every document of the cycle (or
//     unit) under fresh checkpoint seals, with seals.json; a progress bar on a terminal.
//   seal --org X --cycle YEAR [--reason daily|release|manual]: a checkpoint seal now (the cycle's
//     workflow seals daily, at releases and penetapan signatures by itself; this is for any other moment).
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { issueCycle, zipSink } from '../documents/batch.ts';
import { decodeQrText, normaliseCode } from '../documents/proof.ts';
import { readPdf } from '../documents/read-pdf.ts';
import { appendSeal, headsAsOf, type PublishedSeal, settledPosition } from '../documents/seals.ts';
import {
  type DocumentCheck,
  verifyCode,
  verifyOffline,
  verifyQr,
  verifyWithLog,
} from '../documents/verify-document.ts';
import { cycleIdFor, parseCycleId, systemActor } from '../domain/ids.ts';
import { createDb } from '../schema/db.ts';
import { progressBar } from './progress.ts';

const usageText = `usage:
  siklus documents verify <file.pdf | code | QR text> [--seals seals.json] [--json]
  siklus documents export --org <org> --cycle <year|cycleId> [--unit <code>] [--lang id|en] --out <file.zip>
  siklus documents seal --org <org> --cycle <year|cycleId> [--reason daily|release|manual]
environment: DATABASE_URL (all but verify --seals); SIKLUS_PUBLIC_URL (the address the QR codes open)`;

class UsageError extends Error {}

const options = {
  org: { type: 'string' },
  cycle: { type: 'string' },
  unit: { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string' },
  seals: { type: 'string' },
  reason: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export async function documentsCommand(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    const { values, positionals } = parseArgs({ args: rest, options, strict: true, allowPositionals: true });
    if (name === 'verify') return await verify(positionals, values);
    if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(' ')}`);
    if (name === 'export') return await exportZip(values);
    if (name === 'seal') return await seal(values);
    throw new UsageError(name ? `unknown subcommand "${name}"` : 'which documents command?');
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    console.error(`siklus documents: ${error.message}\n${usageText}`);
    return 2;
  }
}

type Values = {
  [K in keyof typeof options]?: (typeof options)[K]['type'] extends 'string' ? string : boolean;
};

function database() {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new UsageError('DATABASE_URL is not set (give --seals to check a PDF or QR text without it)');
  return createDb(url, { onIdleError: () => {} });
}

function sealsFile(path: string): PublishedSeal[] {
  if (!existsSync(path)) throw new UsageError(`no seals file ${path}`);
  try {
    const seals = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (!Array.isArray(seals)) throw new Error('not a list');
    return seals as PublishedSeal[];
  } catch (error) {
    throw new UsageError(`${path} is not a seals.json: ${error instanceof Error ? error.message : error}`);
  }
}

async function verify(positionals: string[], v: Values): Promise<number> {
  const [subject, ...extra] = positionals;
  if (!subject || extra.length > 0) throw new UsageError('verify takes one PDF file, code or QR text');
  const seals = v.seals ? sealsFile(v.seals) : undefined;
  let check: DocumentCheck;
  if (existsSync(subject)) {
    const read = await readPdf(readFileSync(subject)).catch((error: Error) => {
      throw new UsageError(`${subject} is not a readable PDF: ${error.message}`);
    });
    check = seals ? verifyOffline(read, seals) : await withDb((db) => verifyWithLog(db, read));
  } else if (subject.includes('/verify/')) {
    const payload = decodeQrText(subject);
    if (!payload) throw new UsageError('that QR text carries no siklus proof');
    check = seals ? await verifyQr(payload, seals) : await withDb((db) => verifyQr(payload, [], db));
  } else {
    const code = normaliseCode(subject);
    if (!code) throw new UsageError(`${subject} is neither a file nor a document code (XXXX-XXXX-XXXX)`);
    if (seals)
      throw new UsageError('a code alone is checked against the log: give DATABASE_URL, not --seals');
    check = await withDb((db) => verifyCode(db, code));
  }
  if (v.json) console.log(JSON.stringify(check, null, 2));
  else {
    console.log(
      check.intact
        ? `intact${check.code ? ` ${check.code}` : ''}`
        : `NOT intact${check.code ? ` ${check.code}` : ''}`,
    );
    if (check.kind && check.layout !== undefined) console.log(`  ${check.kind}, layout ${check.layout}`);
    for (const f of check.findings) console.log(`  ${f.reason}`);
    if (check.facts && !v.json) for (const f of check.facts) console.log(`  ${f.label || f.key}: ${f.value}`);
  }
  return check.intact ? 0 : 1;
}

async function withDb<T>(run: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = database();
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

function cycleIdOf(v: Values): { org: string; cycleId: string } {
  if (!v.org) throw new UsageError('--org is required');
  if (!v.cycle) throw new UsageError('--cycle is required');
  const cycleId = /^\d{4}$/.test(v.cycle) ? cycleIdFor(v.org, Number(v.cycle)) : v.cycle;
  if (parseCycleId(cycleId)?.orgId !== v.org)
    throw new UsageError(`--cycle ${v.cycle} is not a cycle of ${v.org}`);
  return { org: v.org, cycleId };
}

async function exportZip(v: Values): Promise<number> {
  const { org, cycleId } = cycleIdOf(v);
  if (!v.out) throw new UsageError('--out <file.zip> is required');
  if (v.lang !== undefined && v.lang !== 'id' && v.lang !== 'en') throw new UsageError('--lang is id or en');
  const out = v.out;
  return withDb(async (db) => {
    const known = await db
      .selectFrom('appraisals')
      .select('appraisal_id')
      .where('cycle_id', '=', cycleId)
      .executeTakeFirst();
    if (!known) throw new UsageError(`no appraisal in cycle ${cycleId}`);
    const progress = progressBar();
    const zip = zipSink(out);
    const count = await issueCycle(
      db,
      org,
      cycleId,
      {
        lang: v.lang === 'en' ? 'en' : 'id',
        actor: systemActor('cli'),
        publicUrl: process.env.SIKLUS_PUBLIC_URL ?? 'http://localhost:3000',
        ...(v.unit ? { unit: v.unit } : {}),
        onProgress: (done, total) => progress.update('documents', done, total),
      },
      zip.sink,
    );
    await zip.close();
    progress.end();
    console.log(`${count} documents and seals.json written to ${out}`);
    return 0;
  });
}

async function seal(v: Values): Promise<number> {
  const { cycleId } = cycleIdOf(v);
  const reason = v.reason ?? 'manual';
  if (reason !== 'daily' && reason !== 'release' && reason !== 'manual')
    throw new UsageError('--reason is daily, release or manual');
  return withDb(async (db) => {
    const position = await settledPosition(db);
    const heads = await headsAsOf(db, cycleId, position);
    if (heads.size === 0) throw new UsageError(`no cycle ${cycleId} in the log`);
    const made = await appendSeal(db, cycleId, position, heads, [], reason, systemActor('cli'));
    console.log(
      `seal ${made.seal.sequence} of ${cycleId}: root ${made.seal.root} over ${made.seal.leaves} streams at position ${position}`,
    );
    return 0;
  });
}
