// `siklus export predikat ...` run as a child process (bin/siklus.mjs, as HR's operator would) against a
// test database: a period's recap as CSV on stdout, the year's as an XLSX file, and every usage error
// answered with a message and exit code 2.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../support/database.ts';
import { people, seedPeriodicCycle } from '../support/periodic-events.ts';
import { runSiklus } from '../support/siklus-cli.ts';

const database = useMigratedDatabase('export_cli', (db) => seedPeriodicCycle(db, 'bungo'));

const siklus = (args: string[], env: Record<string, string | undefined> = { DATABASE_URL: database.url }) =>
  runSiklus(args, env);

const base = ['export', 'predikat', '--org', 'bungo', '--cycle', '2025'];

describe('siklus export predikat', () => {
  it("writes a period's recap as CSV to stdout", async () => {
    const run = await siklus([...base, '--period', 'TW2', '--format', 'csv']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const records = parse(run.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(records.map((r) => [r.name, r.period, r.rating_results, r.rating_behaviour, r.predikat])).toEqual([
      [people.dedi.name, 'TW2', 'sesuai', 'sesuai', 'Baik'],
      [people.kapus.name, 'TW2', '', '', ''],
      [people.ahmad.name, 'TW2', 'diBawah', 'diBawah', 'Sangat Kurang'],
      [people.budi.name, 'TW2', '', '', ''],
      [people.citra.name, 'TW2', '', '', ''],
    ]);
  });

  it("writes the year's recap as an XLSX workbook to --out, by the cycle's id", async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'siklus-export-')), 'akhir.xlsx');
    const run = await siklus([
      'export',
      'predikat',
      '--org',
      'bungo',
      '--cycle',
      'bungo.2025',
      '--period',
      'akhir',
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`siklus export: wrote ${out}\n`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    const rows = book.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => [r[2], r[10] ?? null])).toEqual([
      [people.dedi.name, null],
      [people.kapus.name, null],
      [people.ahmad.name, 'Baik'],
      [people.budi.name, 'Sangat Baik'],
      [people.citra.name, null],
    ]);
  });

  it('answers a usage error with a message and exit code 2, and writes nothing to stdout', async () => {
    const cases: Array<[string[], RegExp, Record<string, string | undefined>?]> = [
      [['export'], /export what\?/],
      [['export', 'results', '--org', 'bungo'], /unknown export "results"/],
      [[...base, '--format', 'csv'], /--period is required/],
      [[...base, '--period', 'TW1'], /--format is csv or xlsx/],
      [[...base, '--period', 'TW1', '--format', 'pdf'], /--format is csv or xlsx/],
      [[...base, '--period', 'TW1', '--format', 'csv', '--lang', 'en'], /Unknown option '--lang'/],
      [['export', 'predikat', '--cycle', '2025', '--period', 'TW1', '--format', 'csv'], /--org is required/],
      [
        [
          'export',
          'predikat',
          '--org',
          'bungo',
          '--cycle',
          'kota.2025',
          '--period',
          'TW1',
          '--format',
          'csv',
        ],
        /not of organisation bungo/,
      ],
      [
        ['export', 'predikat', '--org', 'bungo', '--cycle', '2031', '--period', 'TW1', '--format', 'csv'],
        /has no cycle bungo\.2031/,
      ],
      [
        [...base, '--period', 'M01', '--format', 'csv'],
        /has no period M01 \(it has TW1, TW2, TW3, TW4, akhir\)/,
      ],
      [[...base, '--period', 'TW1', '--format', 'csv'], /DATABASE_URL is not set/, {}],
    ];
    // Side by side: each is a process of its own.
    const runs = await Promise.all(cases.map(([args, , env]) => siklus(args, env)));
    for (const [i, [args, message]] of cases.entries()) {
      const run = runs[i]!;
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr).toMatch(message);
    }
  }, 120_000);
});
