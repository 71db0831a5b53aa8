// `siklus rules ...` as a process: the regulation's rules answered from the domain, one JSON line with
// --json, exit 0 when it ran and 2 on a usage error (with the usage on stderr and nothing on stdout).
import { describe, expect, it } from 'vitest';
import { runSiklus } from '../support/siklus-cli.ts';

const json = async (args: string[]) => {
  const run = await runSiklus(['rules', ...args, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout.endsWith('\n')).toBe(true);
  expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(run.stdout) as unknown;
};

describe('siklus rules predikat', () => {
  it('given results above and behaviour below, then the predikat is Kurang/Misconduct', async () => {
    expect(await json(['predikat', '--results', 'above', '--behaviour', 'below'])).toEqual({
      predikat: 'kurang',
      label: 'Kurang/Misconduct',
    });
  });

  it('given results and behaviour both above, then Sangat Baik; without --json, a sentence for a person', async () => {
    expect(await json(['predikat', '--results', 'above', '--behaviour', 'above'])).toEqual({
      predikat: 'sangatBaik',
      label: 'Sangat Baik',
    });
    const run = await runSiklus(['rules', 'predikat', '--results', 'below', '--behaviour', 'meets']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Predikat kinerja: Butuh Perbaikan');
  });
});

describe('siklus rules distribution', () => {
  it('given a Baik unit with 8 of 10 Baik and none below, then it does not conform and names both rules', async () => {
    expect(await json(['distribution', '--unit', 'baik', '--counts', 'sangatBaik=2,baik=8'])).toEqual({
      conforms: false,
      findings: [
        { rule: 'baik.max70PercentBaik', message: '8 of 10 (80%) are Baik; at most 70% (7) allowed' },
        {
          rule: 'baik.atLeastOneButuhPerbaikanOrKurang',
          message: '0 of 10 (0%) are Butuh Perbaikan or Kurang/Misconduct; at least 1 required',
        },
      ],
    });
  });

  it('given a Baik unit within its pattern, then it conforms with no findings', async () => {
    expect(
      await json(['distribution', '--unit', 'baik', '--counts', 'sangatBaik=2,baik=7,kurang=1']),
    ).toEqual({
      conforms: true,
      findings: [],
    });
  });
});

describe('siklus rules keberatan', () => {
  it('given a result received at 23:30 WIB, then the window ends 23:59:59 WIB on the 14th day after', async () => {
    expect(await json(['keberatan', '--received', '2026-03-31T16:30:00Z'])).toEqual({
      deadline: '2026-04-14T16:59:59.000Z',
      local: '2026-04-14T23:59:59+07:00',
    });
  });

  it('given the same instant in WIT (already 1 April there), then it counts from the WIT day', async () => {
    expect(await json(['keberatan', '--received', '2026-03-31T16:30:00Z', '--tz', 'Asia/Jayapura'])).toEqual({
      deadline: '2026-04-15T14:59:59.000Z',
      local: '2026-04-15T23:59:59+09:00',
    });
  });
});

describe('siklus rules, given bad arguments', () => {
  it.each([
    [['rules'], 'which rule?'],
    [['rules', 'gaji'], 'unknown rule "gaji"'],
    [
      ['rules', 'predikat', '--results', 'great', '--behaviour', 'meets'],
      '--results is above, meets or below; got "great"',
    ],
    [['rules', 'predikat', '--results', 'above'], '--behaviour is above, meets or below'],
    [['rules', 'distribution', '--unit', 'hebat', '--counts', 'baik=1'], '--unit is one of istimewa'],
    [
      ['rules', 'distribution', '--unit', 'baik', '--counts', 'baik=-1'],
      'baik must be a whole number of 0 or more',
    ],
    [['rules', 'distribution', '--unit', 'baik', '--counts', 'baik=1,baik=2'], 'baik is given twice'],
    [
      ['rules', 'distribution', '--unit', 'baik', '--counts', 'bagus=1'],
      '"bagus=1" is not <predikat>=<count>',
    ],
    [['rules', 'keberatan'], '--received <ISO instant> is required'],
    [['rules', 'keberatan', '--received', 'kemarin'], '--received must be an ISO 8601 date or date-time'],
    [['rules', 'keberatan', '--received', '2026-03-31', '--tz', 'Europe/Paris'], "got 'Europe/Paris'"],
    [
      ['rules', 'predikat', '--results', 'above', '--behaviour', 'above', '--bogus'],
      "Unknown option '--bogus'",
    ],
  ])('%j exits 2 and says %s', async (args, message) => {
    const run = await runSiklus(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('usage:');
  });
});
