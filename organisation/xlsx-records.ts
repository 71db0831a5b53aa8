// An XLSX workbook read with exceljs as the records of its first sheet: one record per row that holds
// anything, its line being the row's number as Excel shows it. HR offices keep their lists in Excel.
import ExcelJS from 'exceljs';
import type { FileRecord } from '../domain/organisation/employee-csv.ts';

export type XlsxRecords = { ok: true; records: FileRecord[] } | { ok: false; error: string };

export async function readXlsxRecords(bytes: Uint8Array): Promise<XlsxRecords> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, error: 'the file is not an XLSX workbook (save it from Excel as .xlsx, or as CSV)' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: true, records: [] };
  const records: FileRecord[] = [];
  let header: string[] | null = null; // its width counts blank cells at a row's end as fields
  sheet.eachRow((row, line) => {
    const width = header?.length ?? 0;
    const fields: string[] = [];
    let error: string | null = null;
    for (let column = 1; column <= Math.max(width, row.cellCount); column += 1) {
      const text = cellText(row.getCell(column).value);
      if (typeof text === 'string') fields.push(text);
      else {
        const name = header?.[column - 1]?.trim().toLowerCase() || `field ${column}`;
        error ??= `${name} (cell ${row.getCell(column).address}): ${text.error}`;
      }
    }
    while (fields.length > width && fields.at(-1) === '') fields.pop();
    header ??= fields;
    records.push(error === null ? { line, fields } : { line, error });
  });
  return { ok: true, records };
}

type Text = string | { error: string };

function cellText(value: ExcelJS.CellValue): Text {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.includes('\u0000') ? { error: 'holds a NUL character' } : value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    // Excel keeps 15 significant digits: an 18-digit NIP typed as a number has already lost its last ones.
    if (Number.isInteger(value) && !Number.isSafeInteger(value))
      return {
        error: `the number ${value} is too long to be exact; format the column as Text and type it again`,
      };
    return String(value);
  }
  if (value instanceof Date) {
    // Excel dates have no zone; exceljs reads them as UTC.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return { error: `the cell shows the error ${value.error}` };
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue);
  return { error: 'a kind of cell that cannot be read as text' };
}
