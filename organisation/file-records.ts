// A file HR uploads (employees, measures) as its records: CSV as text or bytes (UTF-8), or an XLSX
// workbook's first sheet; a workbook that cannot be read is said so, with the reason.
import type { FileRecord } from '../domain/organisation/employee-csv.ts';
import { readCsvRecords } from './csv-records.ts';
import { readXlsxRecords } from './xlsx-records.ts';

export type UploadedFile = string | Uint8Array | { xlsx: Uint8Array };

export async function readFileRecords(
  file: UploadedFile,
): Promise<{ ok: true; records: FileRecord[] } | { ok: false; unreadable: string }> {
  if (typeof file === 'object' && 'xlsx' in file) {
    const read = await readXlsxRecords(file.xlsx);
    return read.ok ? { ok: true, records: read.records } : { ok: false, unreadable: read.error };
  }
  return { ok: true, records: await readCsvRecords(file) };
}
