// `npm run bench -- export-xlsx [--rows N]`: a cycle of N appraisals (20,000 by default) exported as XLSX
// by an API in its own process, the file written to disk as it streams. One JSON line: rows, bytes,
// seconds, and the API process's RSS before and at its peak (the kernel's high-water mark, VmHWM); the
// target is a peak under 300 MB. The file is read back with exceljs and its rows counted and checked.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { loadDevKey, signDevToken } from '../auth/dev-keys.ts';
import type { Database } from '../schema/database.ts';
import { createDb } from '../schema/db.ts';
import { migrateToLatest } from '../schema/migrate.ts';
import { insertRunningCycle } from '../test/support/cycle-row.ts';
import { UsageError } from './launch.ts';
import { throwawayDatabase } from './throwaway-database.ts';

export const targetPeakRssMb = 300;

export function parseExportArgs(args: string[]): { rows: number } {
  let values: { rows?: string };
  try {
    ({ values } = parseArgs({ args, options: { rows: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new UsageError(`export-xlsx: ${(error as Error).message}; usage: export-xlsx [--rows N]`);
  }
  const rows = Number(values.rows ?? 20_000);
  if (!Number.isInteger(rows) || rows < 1)
    throw new UsageError('export-xlsx: --rows must be a whole number >= 1');
  return { rows };
}

export async function benchExportXlsx(options: { rows: number; databaseUrl?: string }) {
  const database = await throwawayDatabase(options.databaseUrl);
  const db = createDb(database.url, { max: 4 });
  const dataDir = mkdtempSync(join(tmpdir(), 'siklus-bench-export-'));
  try {
    await migrateToLatest(db);
    await seedResults(db, 'ekspor', options.rows);
    const key = await loadDevKey(dataDir);
    const token = await signDevToken(key, { org: 'ekspor', nip: nipOf(0), roles: ['hr'] });
    const api = await startApiProcess(database.url, dataDir);
    try {
      const rssBeforeMb = memoryMb(api.pid, 'VmRSS');
      const file = join(dataDir, 'results.xlsx');
      const started = performance.now();
      const response = await fetch(`${api.url}/v1/orgs/ekspor/cycles/ekspor.2027/results?format=xlsx`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status !== 200 || !response.body)
        throw new Error(`export-xlsx: the export answered ${response.status}`);
      await pipeline(Readable.fromWeb(response.body as never), createWriteStream(file));
      const seconds = Math.round(performance.now() - started) / 1000;
      const peakRssMb = memoryMb(api.pid, 'VmHWM');
      const verify = await verifyWorkbook(file, options.rows);
      return {
        rows: options.rows,
        bytes: statSync(file).size,
        seconds,
        apiRssBeforeMb: rssBeforeMb,
        apiPeakRssMb: peakRssMb,
        targetPeakRssMb,
        verify,
      };
    } finally {
      await api.stop();
    }
  } finally {
    await db.destroy();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** NIPs that parse: a birth date per person (from 1970), appointed January 2010. */
export function nipOf(i: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  return `${birth.replaceAll('-', '')}201001${i % 2 === 0 ? 1 : 2}001`;
}

/**
 * A cycle `<org>.2027` of `rows` released appraisals in the projection, each state padded with check-ins
 * and indicators to about the size of a real year's state (4 KB), so a page of rows weighs what it would.
 */
export async function seedResults(db: Kysely<Database>, orgId: string, rows: number): Promise<void> {
  const cycleId = `${orgId}.2027`;
  await insertRunningCycle(db, {
    orgId,
    year: 2027,
    startedBy: nipOf(0),
    startedAt: new Date('2027-01-01T00:00:00Z'),
  });
  const indicators = Array.from({ length: 8 }, (_, k) => ({
    description: `Indikator kinerja ${k + 1}: persentase layanan yang diselesaikan tepat waktu sesuai standar`,
    aspect: 'kualitas',
    target: '90',
    realisation: Array.from({ length: 4 }, (_, q) => `Triwulan ${q + 1}: tercapai ${80 + q}% dari target`),
  }));
  for (let start = 0; start < rows; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, rows - start) }, (_, j) => {
      const i = start + j;
      const nip = nipOf(i);
      const state = {
        step: 'completed',
        participants: { employee: { nip, name: `Pegawai "${i}", S.E.`, positionCode: 'JF-ANALIS' } },
        rating: { predikat: i % 5 === 0 ? 'sangatBaik' : 'baik', results: 'sesuai', behaviour: 'sesuai' },
        objection: i % 50 === 0 ? { decision: 'upheld' } : null,
        referral: i % 20 === 0 ? { programme: 'Pelatihan pelayanan prima', completedAt: null } : null,
        recognised: i % 7 === 0,
        indicators,
      };
      return {
        appraisal_id: `${cycleId}.${nip}`,
        cycle_id: cycleId,
        org_id: orgId,
        nip,
        unit_code: `UNIT-${String(i % 40).padStart(2, '0')}`,
        step: 'completed',
        predikat: state.rating.predikat,
        released_at: new Date(Date.UTC(2028, 1, 11, 17, 30) + (i % 3) * 3_600_000),
        version: 40,
        state: JSON.stringify(state),
        updated_at: new Date(),
      };
    });
    await db.insertInto('appraisals').values(batch).execute();
  }
}

/** Counts the data rows of the file's sheet with exceljs's streaming reader and checks every NIP is there. */
async function verifyWorkbook(file: string, rows: number) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
  const nips = new Set<string>();
  let header: unknown[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1);
      if (row.number === 1) header = values;
      else nips.add(String(values[0]));
    }
  }
  const missing = Array.from({ length: rows }, (_, i) => nipOf(i)).filter((nip) => !nips.has(nip)).length;
  const ok = nips.size === rows && missing === 0 && header[0] === 'NIP';
  return { ok, rowsRead: nips.size, missing, header: header.slice(0, 3) };
}

function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return Math.round(kb / 1024);
}

/** The API in its own Node process (tsx as a loader, not its wrapper, so the pid is the API's). */
async function startApiProcess(databaseUrl: string, dataDir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./api-server.ts', import.meta.url).pathname],
    {
      cwd: new URL('..', import.meta.url).pathname,
      env: { ...process.env, SIKLUS_BENCH_DATABASE_URL: databaseUrl, SIKLUS_BENCH_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  return {
    url: chunk.toString().trim(),
    pid: child.pid ?? 0,
    stop: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
