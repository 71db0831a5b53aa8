// CSV read with csv-parse: RFC 4180 quoting, a byte-order mark, any line end (mixed ones too), and `,` or
// `;` between fields (Excel in an Indonesian locale saves CSV with `;`). It never throws on bad input: a
// record that cannot be read comes back as an error with its line, and reading resumes on the next line.
import { CsvError, type InfoRecord, parse } from 'csv-parse';
import type { FileRecord } from '../domain/organisation/employee-csv.ts';

export async function readCsvRecords(input: string | Uint8Array): Promise<FileRecord[]> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  const delimiter = separatorOf(bytes);
  const records: FileRecord[] = [];
  let offset = 0;
  let linesBefore = 0;
  while (offset < bytes.length) {
    const stop = await readPart(bytes.subarray(offset), delimiter, linesBefore, records);
    if (stop === null) break;
    offset += stop.resumeAt;
    linesBefore += stop.linesRead;
  }
  return records;
}

/** Where a part stopped at a record it could not read: where to go on, and how many lines it used. */
type Stop = { resumeAt: number; linesRead: number } | null;

const bom = Buffer.from([0xef, 0xbb, 0xbf]);

// Lines are counted from the bytes each record took: csv-parse's own count takes a CRLF inside a quoted
// field for two lines.
async function readPart(
  part: Buffer,
  delimiter: string,
  linesBefore: number,
  records: FileRecord[],
): Promise<Stop> {
  let lines = 0; // line ends before the next record, in this part
  let consumed = part.subarray(0, 3).equals(bom) ? 3 : 0; // where the next record starts
  const parser = parse({
    bom: true,
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    raw: true, // so that an error carries the text of its record read so far
    // Collected as they are parsed: records read before an error are kept, whatever the stream does.
    on_record: (value: unknown, info: InfoRecord) => {
      const { record } = value as { record: string[] }; // with `raw`, each record comes with its text
      if (!(record.length === 1 && record[0] === ''))
        records.push({ line: linesBefore + lines + 1, fields: record });
      lines += lineEnds(part.subarray(consumed, info.bytes));
      consumed = info.bytes;
      return null;
    },
  });
  try {
    parser.resume();
    const done = new Promise<void>((resolve, reject) => {
      parser.on('end', resolve);
      parser.on('error', reject);
    });
    parser.end(part);
    await done;
    return null;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = linesBefore + lines + 1;
    records.push({ line, error: failureOf(error, line) });
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') return null; // it ran to the end of the input
    // Go on after the line the error was found on: the record's text so far may span lines in quotes.
    const readSoFar = typeof error.raw === 'string' ? error.raw : '';
    const resumeAt = afterLineEnd(part, consumed + Buffer.byteLength(readSoFar));
    return { resumeAt, linesRead: lines + lineEnds(part.subarray(consumed, resumeAt)) };
  }
}

function failureOf(error: CsvError, line: number): string {
  const field = Number(error.column ?? 0) + 1;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `a quoted field opened on line ${line} is never closed`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `unexpected text after the closing quote in field ${field}`;
    case 'INVALID_OPENING_QUOTE':
      return `a quote inside unquoted field ${field}; quote the whole field and write quotes as ""`;
    default:
      return error.message;
  }
}

/** `;` when the first line has more semicolons than commas, else `,`. */
function separatorOf(bytes: Buffer): string {
  let commas = 0;
  let semicolons = 0;
  for (const byte of bytes) {
    if (byte === 0x0a || byte === 0x0d) break;
    if (byte === 0x2c) commas += 1;
    else if (byte === 0x3b) semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/** The offset just after the first line end (CRLF, LF or CR) at or after `from`, or the end. */
function afterLineEnd(bytes: Buffer, from: number): number {
  for (let i = from; i < bytes.length; i += 1) {
    if (bytes[i] === 0x0a) return i + 1;
    if (bytes[i] === 0x0d) return bytes[i + 1] === 0x0a ? i + 2 : i + 1;
  }
  return bytes.length;
}

function lineEnds(bytes: Buffer): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) count += 1;
  }
  return count;
}
