// `siklus export predikat --org <org> --cycle <year|cycleId> --period <TW1|...|akhir> --format csv|xlsx
// [--out <file>]`: the predikat recap of one evaluation period or of the year, the same file as the API's
// and the web page's. Reads the read models through DATABASE_URL (required). Written to --out, or to
// stdout (a workbook only into a pipe or a file, never onto a terminal). Exit codes: 0 written, 2 bad
// arguments, missing environment, no such cycle or period.
import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { parseArgs } from 'node:util';
import { annualPeriod } from '../domain/cycle/periods.ts';
import { cycleOf } from '../record/read/cycles.ts';
import { cyclePeriods } from '../record/read/periodic.ts';
import { predikatFile } from '../record/read/predikat-export.ts';
import { createDb } from '../schema/db.ts';
import { cycleIdOf, UsageError } from './arguments.ts';

const usageText = `usage:
  siklus export predikat --org <org> --cycle <year|cycleId> --period <TW1|...|M01|...|S1|S2|akhir> --format csv|xlsx [--out <file>]
environment: DATABASE_URL (required)`;

interface Request {
  org: string;
  cycleId: string;
  period: string;
  format: 'csv' | 'xlsx';
  out: string | undefined;
}

export async function exportCommand(argv: string[], stdout: Writable = process.stdout): Promise<number> {
  let request: Request;
  try {
    request = parse(argv, stdout);
  } catch (error) {
    console.error(`siklus export: ${error instanceof Error ? error.message : String(error)}\n${usageText}`);
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('siklus export: DATABASE_URL is not set: the recap is read from PostgreSQL');
    return 2;
  }
  const db = createDb(url, { onIdleError: () => {} });
  try {
    const cycle = await cycleOf(db, request.org, request.cycleId);
    if (!cycle) {
      console.error(`siklus export: organisation ${request.org} has no cycle ${request.cycleId}`);
      return 2;
    }
    const { choices } = cyclePeriods(cycle);
    if (!choices.includes(request.period)) {
      console.error(
        `siklus export: the ${cycle.year} cycle has no period ${request.period} (it has ${choices.join(', ')})`,
      );
      return 2;
    }
    const file = await predikatFile(db, request.org, request.cycleId, request.period, request.format);
    if (!file) return 2;
    const body = Readable.fromWeb(file.body as WebReadableStream<Uint8Array>);
    if (request.out) {
      await pipeline(body, createWriteStream(request.out));
      console.error(`siklus export: wrote ${request.out}`);
    } else {
      await pipeline(body, stdout, { end: false });
    }
    return 0;
  } finally {
    await db.destroy();
  }
}

function parse(argv: string[], stdout: Writable): Request {
  const [what, ...rest] = argv;
  if (what !== 'predikat') throw new UsageError(what ? `unknown export "${what}"` : 'export what?');
  const { values: v } = parseArgs({
    args: rest,
    options: {
      org: { type: 'string' },
      cycle: { type: 'string' },
      period: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  if (!v.org) throw new UsageError('--org is required');
  if (!v.cycle) throw new UsageError('--cycle is required');
  if (!v.period) throw new UsageError(`--period is required (a period such as TW1, or ${annualPeriod})`);
  if (v.format !== 'csv' && v.format !== 'xlsx') throw new UsageError('--format is csv or xlsx');
  if (v.format === 'xlsx' && !v.out && (stdout as { isTTY?: boolean }).isTTY)
    throw new UsageError('an xlsx workbook goes to --out <file> or into a pipe, not onto the terminal');
  return { org: v.org, cycleId: cycleIdOf(v.org, v.cycle), period: v.period, format: v.format, out: v.out };
}
