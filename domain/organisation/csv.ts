// A small RFC 4180 CSV reader: comma separators, double-quoted fields (which may hold commas, quotes
// written as "" and line breaks), CRLF / LF / CR line ends, and a leading byte-order mark.
// It never throws: a malformed record is returned with an error and reading resumes on the next line.

export type CsvRecord =
  | { line: number; fields: string[] }
  /** `line` is where the record starts; a quoted field may run over several lines. */
  | { line: number; error: string };

/** Empty lines are skipped. */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;

  while (i < input.length) {
    const startLine = line;
    if (isLineEnd(input, i)) {
      [i, line] = skipLineEnd(input, i, line);
      continue;
    }
    const fields: string[] = [];
    let error: string | null = null;
    for (;;) {
      let field = '';
      if (input[i] === '"') {
        const quoteLine = line;
        i += 1;
        let closed = false;
        while (i < input.length) {
          const c = input[i];
          if (c === '"') {
            if (input[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (c === '\n' || (c === '\r' && input[i + 1] !== '\n')) line += 1;
          field += c;
          i += 1;
        }
        if (!closed) {
          error = `a quoted field opened on line ${quoteLine} is never closed`;
          break;
        }
        if (i < input.length && input[i] !== ',' && !isLineEnd(input, i)) {
          error = `unexpected text after the closing quote in field ${fields.length + 1}`;
          break;
        }
      } else {
        while (i < input.length && input[i] !== ',' && !isLineEnd(input, i)) {
          if (input[i] === '"') {
            error = `a quote inside unquoted field ${fields.length + 1}; quote the whole field and write quotes as ""`;
            break;
          }
          field += input[i];
          i += 1;
        }
        if (error !== null) break;
      }
      fields.push(field);
      if (input[i] === ',') {
        i += 1;
        continue;
      }
      break; // end of line or of input
    }

    if (error !== null) {
      records.push({ line: startLine, error });
      while (i < input.length && !isLineEnd(input, i)) i += 1; // resume on the next line
    } else {
      records.push({ line: startLine, fields });
    }
    if (i < input.length) [i, line] = skipLineEnd(input, i, line);
  }
  return records;
}

function isLineEnd(input: string, i: number): boolean {
  return input[i] === '\n' || input[i] === '\r';
}

function skipLineEnd(input: string, i: number, line: number): [number, number] {
  return [input[i] === '\r' && input[i + 1] === '\n' ? i + 2 : i + 1, line + 1];
}
