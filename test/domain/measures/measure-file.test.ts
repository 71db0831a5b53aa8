// The measures file and the posted list: every row checked, each wrong row named by its line with all
// its reasons, and a single wrong row means no values at all.
import { describe, expect, it } from 'vitest';
import { checkPostedValues, parseAmount, readMeasureRows } from '../../../domain/measures/measure-file.ts';
import { readCsvRecords } from '../../../organisation/csv-records.ts';

const known = { measures: new Set(['waktu-tunggu', 'skm']), units: new Set(['pkm-a', 'pkm-b']) };
const defaults = { source: 'simpus', recordedAt: '2027-04-05T01:00:00.000Z' };
const header = 'measure_code,unit_code,year,period,value';

const read = async (...lines: string[]) =>
  readMeasureRows(await readCsvRecords(lines.join('\n')), defaults, known);

describe('given a file whose rows are all right', () => {
  it('when read, then every value comes with the default source and time, periods in upper case', async () => {
    const result = await read(header, 'waktu-tunggu,pkm-a,2027,tw1,42', 'skm,pkm-b,2027,TW1,"81,5"');
    expect(result).toEqual({
      ok: true,
      values: [
        { measureCode: 'waktu-tunggu', unitCode: 'pkm-a', year: 2027, period: 'TW1', value: 42, ...defaults },
        { measureCode: 'skm', unitCode: 'pkm-b', year: 2027, period: 'TW1', value: 81.5, ...defaults },
      ],
    });
  });

  it("when a row names its own source and time, then those are the row's", async () => {
    const result = await read(
      `${header},source,recorded_at`,
      'skm;pkm-a;2027;S1;90;survei;2027-07-01T08:00:00+07:00'.replaceAll(';', ','),
    );
    expect(result.ok && result.values[0]).toMatchObject({
      source: 'survei',
      recordedAt: '2027-07-01T08:00:00+07:00',
    });
  });
});

describe('given a file with wrong rows', () => {
  it('when read, then each wrong row is reported by line with every reason, and no value is given', async () => {
    const result = await read(
      header,
      'waktu-tunggu,pkm-a,2027,TW1,42',
      'antrian,pkm-x,27,TW5,1.234,5',
      'waktu-tunggu,pkm-a,2027,TW1,40',
      'skm,pkm-b,2027,TW2,-3',
    );
    expect(result).toEqual({
      ok: false,
      rows: [
        { line: 3, errors: ['expected 5 fields as in the header, found 6'] },
        { line: 4, errors: ['waktu-tunggu of pkm-a for TW1 2027 already given on line 2'] },
        {
          line: 5,
          errors: [
            'value: "-3" is not a number of at least 0 (one decimal separator, no thousands separator)',
          ],
        },
      ],
    });
    const unknown = await read(header, 'antrian,pkm-x,27,TW5,abc');
    expect(unknown).toEqual({
      ok: false,
      rows: [
        {
          line: 2,
          errors: [
            'measure_code: unknown measure "antrian"',
            'unit_code: unknown unit "pkm-x"',
            'year: "27" is not a year (2000-2100)',
            'period: "TW5" is not a period (TW1-TW4, M01-M12, S1-S2)',
            'value: "abc" is not a number of at least 0 (one decimal separator, no thousands separator)',
          ],
        },
      ],
    });
  });

  it('when the header lacks a column or has an unknown one, then the header is refused', async () => {
    expect(await read('measure_code,unit_code,year,value,colour', 'skm,pkm-a,2027,1,red')).toEqual({
      ok: false,
      headerErrors: [
        "header: unknown column 'colour'; the columns are measure_code,unit_code,year,period,value,source,recorded_at",
        "header: column 'period' is missing",
      ],
    });
  });

  it('when it has only a header, then it is refused rather than imported as nothing', async () => {
    expect(await read(header)).toEqual({
      ok: false,
      rows: [{ line: 1, errors: ['the file has no values'] }],
    });
  });
});

describe('given values posted by another system', () => {
  it('when an entry is wrong, then it is named by its place in the list', () => {
    const body = {
      source: 'simpus',
      recordedAt: '2027-04-05T08:00:00+07:00',
      values: [
        { measureCode: 'skm', unitCode: 'pkm-a', year: 2027, period: 'TW1', value: 80 },
        { measureCode: 'skm', unitCode: 'pkm-a', year: 2027, period: 'TW9', value: 80 },
      ],
    };
    expect(checkPostedValues(body, known)).toEqual({
      ok: false,
      rows: [{ line: 2, errors: ['period: "TW9" is not a period (TW1-TW4, M01-M12, S1-S2)'] }],
    });
    const good = checkPostedValues({ ...body, values: body.values.slice(0, 1) }, known);
    expect(good).toEqual({
      ok: true,
      values: [
        {
          measureCode: 'skm',
          unitCode: 'pkm-a',
          year: 2027,
          period: 'TW1',
          value: 80,
          source: 'simpus',
          recordedAt: body.recordedAt,
        },
      ],
    });
  });
});

describe('given numbers as people write them', () => {
  it('when read, then a decimal comma or point is one, and grouping is refused', () => {
    expect(parseAmount('2,5')).toBe(2.5);
    expect(parseAmount('2.5')).toBe(2.5);
    expect(parseAmount('12')).toBe(12);
    expect(parseAmount('1.234,5')).toMatch(/not a number/);
    expect(parseAmount('')).toBe('is required');
  });
});
