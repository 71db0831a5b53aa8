// `siklus rules nip` run as a child process (bin/siklus.mjs, as HR's operator would): no server needed.
// One JSON line per number, valid or not, exit 0; a readable explanation in either language; a usage
// error answered with a message and exit code 2.
import { describe, expect, it } from 'vitest';
import { runSiklus } from '../support/siklus-cli.ts';

const siklus = (...args: string[]) => runSiklus(['rules', 'nip', ...args]);

describe('given a number and --json', () => {
  it('when the numbers are a NIP, an NI PPPK and wrong ones, then each answer is one line and the exit code 0', async () => {
    const runs = await Promise.all(
      [
        ['198503122010011003'],
        ['199312282025212001'],
        ['199312282015212001', '--lang', 'en'],
        ['19931228202521200', '--lang', 'en'],
        ['199312282025213001'],
      ].map((args) => siklus(...args, '--json')),
    );
    expect(runs.map((r) => [r.code, r.stderr])).toEqual(runs.map(() => [0, '']));
    expect(runs.map((r) => r.stdout.split('\n'))).toEqual(runs.map((r) => [r.stdout.trim(), '']));
    expect(runs.map((r) => JSON.parse(r.stdout))).toEqual([
      {
        valid: true,
        kind: 'PNS',
        birthDate: '1985-03-12',
        appointment: '2010-01',
        gender: 'male',
        serial: '003',
      },
      {
        valid: true,
        kind: 'PPPK',
        birthDate: '1993-12-28',
        appointment: '2025',
        gender: 'female',
        serial: '001',
      },
      {
        valid: false,
        part: 'appointment',
        message:
          'NI PPPK digits 9-12 (the year of the first contract) are 2015; it must be 2019-2100, as PPPK were first appointed in 2019',
      },
      { valid: false, part: 'length', message: 'NIP must be exactly 18 digits; got 17 characters' },
      {
        valid: false,
        part: 'gender',
        message: "jenis kelamin NI PPPK (digit 15) harus 1 (laki-laki) atau 2 (perempuan); tertulis '3'",
      },
    ]);
  });
});

describe('given a number without --json', () => {
  it('when it is an NI PPPK, then each part is explained in Bahasa Indonesia by default', async () => {
    const run = await siklus('199312282025212001');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      '199312282025212001 adalah NI PPPK (PPPK) yang sah.',
      'digit 1-8 tanggal lahir 28 Desember 1993',
      'digit 9-12 tahun perjanjian kerja pertama 2025',
      'digit 13-14 kode PPPK 21',
      'digit 15 jenis kelamin perempuan',
      'digit 16-18 nomor urut 001',
      '',
    ]);
  });

  it('when it is a PNS NIP and English is asked, then each part is explained in English', async () => {
    const run = await siklus('198503122010011003', '--lang', 'en');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      '198503122010011003 is a valid NIP (PNS).',
      'digits 1-8 birth date 12 March 1985',
      'digits 9-14 appointment as CPNS (year and month) January 2010',
      'digit 15 gender male',
      'digits 16-18 serial 003',
      '',
    ]);
  });

  it('when it fits neither layout, then the wrong part and why are said, and the exit code is 0', async () => {
    const run = await siklus('199312282025002001', '--lang', 'en');
    expect(run).toEqual({
      code: 0,
      stdout:
        '199312282025002001 is not a valid NIP or NI PPPK.\n  wrong part: appointment\n' +
        "  NIP appointment (digits 9-14) '202500' has month 0; it must be 01-12 (an NI PPPK has 21 or 24 in digits 13-14)\n",
      stderr: '',
    });
  });
});

describe('given wrong arguments', () => {
  it.each([
    [[], 'give the number to explain'],
    [['199312282025212001', '--foo'], "Unknown option '--foo'"],
    [['19931228', '2025212001'], 'give the number as one argument'],
    [['199312282025212001', '--lang', 'fr'], '--lang is id or en'],
  ])('when they are %j, then the usage error says %s and the exit code is 2', async (args, message) => {
    const run = await siklus(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('usage:');
  });

  it('when the rule is unknown, then it is a usage error too', async () => {
    const run = await runSiklus(['rules', 'npwp', '123']);
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown rule "npwp"') });
  });
});
