import { describe, expect, it } from 'vitest';
import { readCsvRecords as parseCsv } from '../../organisation/csv-records.ts';

describe('given plain CSV text', () => {
  it('when parsed, then each line is a record of its fields with its line number', async () => {
    expect(await parseCsv('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('when lines end with CRLF or CR and the file has no final line break, then the result is the same', async () => {
    const expected = [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ];
    expect(await parseCsv('a,b\r\n1,2')).toEqual(expected);
    expect(await parseCsv('a,b\r1,2\r')).toEqual(expected);
  });

  it('when the file starts with a byte-order mark, then the mark is not part of the first field', async () => {
    expect(await parseCsv('\uFEFFnip,name\n')).toEqual([{ line: 1, fields: ['nip', 'name'] }]);
  });

  it('when there are empty lines, then they are skipped but counted', async () => {
    expect(await parseCsv('a\n\n\r\nb\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it('when fields are empty, then they are empty strings', async () => {
    expect(await parseCsv(',x,\n')).toEqual([{ line: 1, fields: ['', 'x', ''] }]);
  });
});

describe('given quoted fields', () => {
  it('when a quoted field holds commas and doubled quotes, then they are kept as text', async () => {
    expect(await parseCsv('"Siti, S.Kep","say ""hi""",""\n')).toEqual([
      { line: 1, fields: ['Siti, S.Kep', 'say "hi"', ''] },
    ]);
  });

  it('when a quoted field spans lines, then the line break is kept and later line numbers still count', async () => {
    expect(await parseCsv('"one\r\ntwo",x\nnext\n')).toEqual([
      { line: 1, fields: ['one\r\ntwo', 'x'] },
      { line: 3, fields: ['next'] },
    ]);
  });

  it('when a quote is never closed, then the record is an error naming the line', async () => {
    expect(await parseCsv('a\n"open,b\nc\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, error: 'a quoted field opened on line 2 is never closed' },
    ]);
  });

  it('when text follows a closing quote, then that record is an error and reading resumes on the next line', async () => {
    expect(await parseCsv('"a"b,c\nd\n')).toEqual([
      { line: 1, error: 'unexpected text after the closing quote in field 1' },
      { line: 2, fields: ['d'] },
    ]);
  });

  it('when a quote appears inside an unquoted field, then that record is an error', async () => {
    const records = await parseCsv('x,ab"c\ny\n');
    expect(records[0]).toMatchObject({
      line: 1,
      error: expect.stringContaining('quote inside unquoted field 2'),
    });
    expect(records[1]).toEqual({ line: 2, fields: ['y'] });
  });
});

describe('given CSV saved by Excel in an Indonesian locale', () => {
  it('when fields are separated by semicolons, then commas are text and quoted semicolons too', async () => {
    expect(await parseCsv('nip;name\r\n1;dr. Ani, M.Kes\r\n2;"a;b"\r\n')).toEqual([
      { line: 1, fields: ['nip', 'name'] },
      { line: 2, fields: ['1', 'dr. Ani, M.Kes'] },
      { line: 3, fields: ['2', 'a;b'] },
    ]);
  });

  it('when the header has commas, then a semicolon in a later row is text', async () => {
    expect(await parseCsv('nip,name\n1,a;b\n')).toEqual([
      { line: 1, fields: ['nip', 'name'] },
      { line: 2, fields: ['1', 'a;b'] },
    ]);
  });

  it('when the file arrives as bytes with a byte-order mark, then it is read as UTF-8 text', async () => {
    const bytes = new Uint8Array(Buffer.from('\uFEFFnip;name\n1;Siti Nurhaliza Daulay\n', 'utf8'));
    expect(await parseCsv(bytes)).toEqual([
      { line: 1, fields: ['nip', 'name'] },
      { line: 2, fields: ['1', 'Siti Nurhaliza Daulay'] },
    ]);
  });
});

describe('given errors and line ends mixed in one file', () => {
  it('when line ends differ from line to line, then each ends its record', async () => {
    expect(await parseCsv('a,b\r\n1,2\n3,4\r5,6')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
      { line: 4, fields: ['5', '6'] },
    ]);
  });

  it('when errors follow a byte-order mark and a quoted line break, then every later line keeps its number', async () => {
    expect(await parseCsv('\uFEFFh\r\n"é\r\nx"y\r\nok\r\n"a"b\r\nnext,é\r\n')).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, error: 'unexpected text after the closing quote in field 1' },
      { line: 4, fields: ['ok'] },
      { line: 5, error: 'unexpected text after the closing quote in field 1' },
      { line: 6, fields: ['next', 'é'] },
    ]);
  });
});
