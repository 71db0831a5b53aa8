import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../domain/organisation/csv.ts';

describe('given plain CSV text', () => {
  it('when parsed, then each line is a record of its fields with its line number', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('when lines end with CRLF or CR and the file has no final line break, then the result is the same', () => {
    const expected = [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ];
    expect(parseCsv('a,b\r\n1,2')).toEqual(expected);
    expect(parseCsv('a,b\r1,2\r')).toEqual(expected);
  });

  it('when the file starts with a byte-order mark, then the mark is not part of the first field', () => {
    expect(parseCsv('\uFEFFnip,name\n')).toEqual([{ line: 1, fields: ['nip', 'name'] }]);
  });

  it('when there are empty lines, then they are skipped but counted', () => {
    expect(parseCsv('a\n\n\r\nb\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it('when fields are empty, then they are empty strings', () => {
    expect(parseCsv(',x,\n')).toEqual([{ line: 1, fields: ['', 'x', ''] }]);
  });
});

describe('given quoted fields', () => {
  it('when a quoted field holds commas and doubled quotes, then they are kept as text', () => {
    expect(parseCsv('"Siti, S.Kep","say ""hi""",""\n')).toEqual([
      { line: 1, fields: ['Siti, S.Kep', 'say "hi"', ''] },
    ]);
  });

  it('when a quoted field spans lines, then the line break is kept and later line numbers still count', () => {
    expect(parseCsv('"one\r\ntwo",x\nnext\n')).toEqual([
      { line: 1, fields: ['one\r\ntwo', 'x'] },
      { line: 3, fields: ['next'] },
    ]);
  });

  it('when a quote is never closed, then the record is an error naming the line', () => {
    expect(parseCsv('a\n"open,b\nc\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, error: 'a quoted field opened on line 2 is never closed' },
    ]);
  });

  it('when text follows a closing quote, then that record is an error and reading resumes on the next line', () => {
    expect(parseCsv('"a"b,c\nd\n')).toEqual([
      { line: 1, error: 'unexpected text after the closing quote in field 1' },
      { line: 2, fields: ['d'] },
    ]);
  });

  it('when a quote appears inside an unquoted field, then that record is an error', () => {
    const records = parseCsv('x,ab"c\ny\n');
    expect(records[0]).toMatchObject({
      line: 1,
      error: expect.stringContaining('quote inside unquoted field 2'),
    });
    expect(records[1]).toEqual({ line: 2, fields: ['y'] });
  });
});
