// A table of rows, streamed as CSV (csv-stringify: RFC 4180, CRLF) or as an XLSX workbook (exceljs's
// streaming writer): rows are written as they come, so an export of many thousands of rows never holds
// them all. The spreadsheet is for people: Bahasa Indonesia headers that stay in view, column widths,
// dates as dates in the organisation's time zone.
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { Temporal } from 'temporal-polyfill';

/** The media type of an Excel workbook (.xlsx), for exports and imports alike. */
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Cell = string | number | Date | null;

export interface Column {
  /** The CSV header: stable names for programs. */
  csv: string;
  /** The spreadsheet header, for people. */
  label: string;
  /** In characters. */
  width: number;
}

export function csvStream(
  columns: readonly Column[],
  rows: AsyncIterable<Cell[]>,
): ReadableStream<Uint8Array> {
  const csv = stringify({
    header: true,
    columns: columns.map((c) => c.csv),
    record_delimiter: 'windows',
    cast: { date: (d) => d.toISOString() },
  });
  pipeline(Readable.from(rows), csv).catch((error: Error) => csv.destroy(error));
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}

export function xlsxStream(
  sheetName: string,
  columns: readonly Column[],
  rows: AsyncIterable<Cell[]>,
  timeZone: string,
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  writeXlsx(out, sheetName, columns, rows, timeZone).catch((error: Error) => out.destroy(error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

async function writeXlsx(
  out: PassThrough,
  sheetName: string,
  columns: readonly Column[],
  rows: AsyncIterable<Cell[]>,
  timeZone: string,
): Promise<void> {
  // Inline strings, not a shared-string table: that table would hold every distinct text until the end.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = book.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, '-').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((c) => ({ header: c.label, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for await (const cells of rows) {
    const row = sheet.addRow(cells.map((cell) => (cell instanceof Date ? wallClock(cell, timeZone) : cell)));
    cells.forEach((cell, i) => {
      if (cell instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy hh:mm';
    });
    row.commit();
    if (row.number % 100 === 0) await compressed(sheet);
  }
  sheet.commit();
  await book.commit();
}

type Waiting = { _writableState?: { length: number }; _readableState?: { length: number } };

/**
 * exceljs hands the sheet's XML to the zip without waiting for it to be compressed, so rows read faster
 * than deflate runs would pile up uncompressed (memory growing with the export): wait while over 1 MB
 * waits. This looks at exceljs's internals (its version is pinned); should they change, it sees nothing
 * waiting and only memory grows again, which `npm run bench -- export-xlsx` would show.
 */
async function compressed(sheet: ExcelJS.Worksheet): Promise<void> {
  const zipEntry = () => (sheet as unknown as { stream?: { pipes?: Waiting[] } }).stream?.pipes?.[0];
  for (;;) {
    const entry = zipEntry();
    const waiting = (entry?._writableState?.length ?? 0) + (entry?._readableState?.length ?? 0);
    if (waiting < 1_048_576) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A spreadsheet date has no zone: it holds the wall-clock time, here the one in `timeZone`. */
function wallClock(date: Date, timeZone: string): Date {
  const local = Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(timeZone);
  return new Date(local.toPlainDateTime().toZonedDateTime('UTC').epochMilliseconds);
}
