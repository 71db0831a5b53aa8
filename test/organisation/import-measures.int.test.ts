// Measure values from an Excel workbook, against real PostgreSQL: a workbook with a wrong row writes
// nothing (the row named by its number as Excel shows it), the right one writes every value with its
// source and time, numbers stored as numbers and as text alike; a later import replaces a unit's value
// for the period; a file that is no workbook is refused as unreadable.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMeasureFile, upsertMeasures } from '../../organisation/measures.ts';
import { upsertUnits } from '../../organisation/units-and-positions.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';

const defaults = { source: 'rekap-bulanan.xlsx', recordedAt: '2027-04-02T01:00:00.000Z' };
const header = ['measure_code', 'unit_code', 'year', 'period', 'value', 'recorded_at'];

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Ukuran');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

let database: MigratedDatabase;

beforeAll(async () => {
  database = await createMigratedDatabase('measures_xlsx');
  await upsertUnits(database.db, 'bungo', [
    { code: 'PKM-MB', name: 'Puskesmas Muara Bungo', parentCode: null },
    { code: 'PKM-RB', name: 'Puskesmas Rimbo Bujang', parentCode: null },
  ]);
  await upsertMeasures(database.db, 'bungo', [
    { code: 'skm', name: 'SKM', satuan: 'indeks', lowerIsBetter: false, target: 85, targets: {} },
  ]);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

const stored = () =>
  database.db
    .selectFrom('measure_values')
    .select(['unit_code', 'period', 'value', 'source', 'recorded_at', 'imported_by'])
    .orderBy('unit_code')
    .execute();

describe('a workbook of measure values', () => {
  it('with one wrong row, writes nothing and names the row', async () => {
    const wrong = await workbook([
      header,
      ['skm', 'PKM-MB', 2027, 'TW1', 82.4],
      [],
      ['skm', 'PKM-XX', 2027, 'TW1', '88,1'],
    ]);
    const result = await importMeasureFile(database.db, 'bungo', 'hr-1', { xlsx: wrong }, defaults);
    expect(result).toEqual({ ok: false, rows: [{ line: 4, errors: ['unit_code: unknown unit "PKM-XX"'] }] });
    expect(await stored()).toEqual([]);
  });

  it('with every row right, writes them all; a second import replaces a value', async () => {
    const right = await workbook([
      header,
      ['skm', 'PKM-MB', 2027, 'TW1', 82.4, '2027-04-01T08:00:00+07:00'],
      ['skm', 'PKM-RB', '2027', 'tw1', '88,1'],
    ]);
    expect(await importMeasureFile(database.db, 'bungo', 'hr-1', { xlsx: right }, defaults)).toMatchObject({
      ok: true,
    });
    expect(await stored()).toEqual([
      {
        unit_code: 'PKM-MB',
        period: 'TW1',
        value: 82.4,
        source: defaults.source,
        recorded_at: new Date('2027-04-01T01:00:00Z'),
        imported_by: 'hr-1',
      },
      {
        unit_code: 'PKM-RB',
        period: 'TW1',
        value: 88.1,
        source: defaults.source,
        recorded_at: new Date(defaults.recordedAt),
        imported_by: 'hr-1',
      },
    ]);
    const csv = 'measure_code;unit_code;year;period;value;source\nskm;PKM-MB;2027;TW1;84;survei ulang';
    expect(await importMeasureFile(database.db, 'bungo', 'hr-2', csv, defaults)).toMatchObject({ ok: true });
    expect((await stored())[0]).toMatchObject({ value: 84, source: 'survei ulang', imported_by: 'hr-2' });
  });

  it('that is no workbook, is refused as unreadable', async () => {
    const result = await importMeasureFile(
      database.db,
      'bungo',
      'hr-1',
      { xlsx: new Uint8Array([1, 2, 3]) },
      defaults,
    );
    expect(result).toMatchObject({ ok: false, unreadable: expect.stringContaining('not an XLSX workbook') });
  });
});
