import { describe, expect, it } from 'vitest';
import { newNipSchema, nipSchema, parseNip } from '../../../domain/organisation/nip.ts';

// birth 1985-03-12, appointed 2010-01, male, serial 003
const valid = '198503122010011003';
const withPart = (from: number, to: number, digits: string) =>
  valid.slice(0, from) + digits + valid.slice(to);

describe('given a well-formed NIP', () => {
  it('when parsed, then its parts are decoded', () => {
    expect(parseNip(valid)).toEqual({
      ok: true,
      nip: {
        value: valid,
        kind: 'PNS',
        birthDate: '1985-03-12',
        appointment: '2010-01',
        gender: 'male',
        serial: '003',
      },
    });
  });

  it('when gender digit is 2 and the birth date is 29 February of a leap year, then it is a female NIP', () => {
    const result = parseNip('199202292015032001');
    expect(result).toEqual({
      ok: true,
      nip: {
        value: '199202292015032001',
        kind: 'PNS',
        birthDate: '1992-02-29',
        appointment: '2015-03',
        gender: 'female',
        serial: '001',
      },
    });
  });
});

describe('given a NIP of the wrong length', () => {
  it.each(['', '19850312201001100', '1985031220100110031', '19850312 201001 1 003'])(
    "when '%s' is parsed, then the length part is wrong",
    (input) => {
      const result = parseNip(input);
      expect(result).toMatchObject({ ok: false, part: 'length' });
      expect(result.ok ? '' : result.message).toMatch(/exactly 18 digits; got \d+ character/);
    },
  );
});

describe('given a NIP with non-digits', () => {
  it.each([
    ['19850312201001100a', 'serial'],
    ['1985O3122010011003', 'birthDate'],
    ['19850312201O011003', 'appointment'],
    ['19850312201001x003', 'gender'],
    ['１９８５03122010011003'.slice(0, 18), 'birthDate'],
  ])("when '%s' is parsed, then the %s part is wrong", (input, part) => {
    expect(parseNip(input)).toMatchObject({ ok: false, part });
  });

  it('when several parts are wrong, then the leftmost one is reported', () => {
    expect(parseNip('19851312201013x000')).toMatchObject({ ok: false, part: 'birthDate' });
  });
});

describe('given the birth date part (digits 1-8)', () => {
  it.each([
    ['20000229', '202001'],
    ['19000101', '192001'],
    ['21001231', '210012'],
  ])('when it is %s (appointed %s), then it is accepted', (birth, appointment) => {
    expect(parseNip(`${birth}${appointment}1003`).ok).toBe(true);
  });

  it.each([
    ['19850230', 'is not a real date'],
    ['19000229', 'is not a real date'],
    ['19851301', 'is not a real date'],
    ['19850300', 'is not a real date'],
    ['18991231', 'must be 1900-2100'],
  ])('when it is %s, then the birth date is rejected because it %s', (birth, reason) => {
    // appointment 2010-01 stays after every birth date here except where the year is out of range
    const result = parseNip(withPart(0, 8, birth));
    expect(result).toMatchObject({ ok: false, part: 'birthDate' });
    expect(result.ok ? '' : result.message).toContain('birth date (digits 1-8)');
    expect(result.ok ? '' : result.message).toContain(reason);
  });
});

describe('given the appointment part (digits 9-14)', () => {
  it('when it is the birth month itself, then it is accepted', () => {
    expect(parseNip(withPart(8, 14, '198503')).ok).toBe(true);
  });

  it.each([
    ['201000', 'must be 01-12'],
    ['201013', 'must be 01-12'],
    ['189912', 'must be 1900-2100'],
    ['198502', 'is before the birth date'],
  ])('when it is %s, then the appointment is rejected because it %s', (appointment, reason) => {
    const result = parseNip(withPart(8, 14, appointment));
    expect(result).toMatchObject({ ok: false, part: 'appointment' });
    expect(result.ok ? '' : result.message).toContain('appointment (digits 9-14)');
    expect(result.ok ? '' : result.message).toContain(reason);
  });
});

describe('given the gender digit (digit 15)', () => {
  it.each(['0', '3', '9'])('when it is %s, then the gender is rejected', (digit) => {
    const result = parseNip(withPart(14, 15, digit));
    expect(result).toMatchObject({ ok: false, part: 'gender' });
    expect(result.ok ? '' : result.message).toContain('must be 1 (male) or 2 (female)');
  });
});

describe('given the serial (digits 16-18)', () => {
  it.each(['001', '999'])('when it is %s, then it is accepted', (serial) => {
    expect(parseNip(withPart(15, 18, serial))).toMatchObject({ ok: true, nip: { serial } });
  });

  it('when it is 000, then the serial is rejected', () => {
    const result = parseNip(withPart(15, 18, '000'));
    expect(result).toMatchObject({ ok: false, part: 'serial' });
    expect(result.ok ? '' : result.message).toContain('must be 001-999');
  });
});

describe('given the zod NIP schemas', () => {
  it('when a valid NIP is parsed, then both pass it unchanged', () => {
    expect(nipSchema.parse(valid)).toBe(valid);
    expect(newNipSchema.parse(valid)).toBe(valid);
  });

  it('when a NIP entering the system is wrong, then the one issue names the wrong part', () => {
    const result = newNipSchema.safeParse(withPart(14, 15, '7'));
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('gender (digit 15)'),
    ]);
    expect(newNipSchema.safeParse(valid.slice(1)).error?.issues.map((issue) => issue.message)).toEqual([
      'NIP must be 18 digits',
    ]);
  });

  it('when a recorded NIP has 18 digits but no real structure, then it still validates', () => {
    // Stored events, commands in workflow histories and identity tokens were only ever checked for this.
    const recorded = '199001011000000000';
    expect(parseNip(recorded).ok).toBe(false);
    expect(nipSchema.parse(recorded)).toBe(recorded);
    expect(newNipSchema.safeParse(recorded).success).toBe(false);
    for (const wrong of [valid.slice(1), `${valid}0`, `${valid.slice(0, 17)}x`, ''])
      expect(nipSchema.safeParse(wrong).success).toBe(false);
  });
});
