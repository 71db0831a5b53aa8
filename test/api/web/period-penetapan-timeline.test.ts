// The auditor's timeline tells each step of a period's penetapan, naming the period, in each language:
// opened for whom until when with the capaian and findings, passed on, signed with its justifications.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../api/web/i18n/index.ts';
import { cycleEventLine } from '../../../api/web/views/cycle-events.ts';

const leader = '198003032005012002';
const superior = '197001011995031001';
const names = {
  people: new Map([
    [leader, 'drg. Kartini Lubis'],
    [superior, 'dr. Hendra Saputra'],
  ]),
  units: new Map<string, string>(),
};
const say = (lang: 'id' | 'en', type: string, data: Record<string, unknown>) => {
  const t = translator(lang);
  const line = cycleEventLine(t, type, data, names);
  return t(line.key, line.vars);
};

describe("given a period's penetapan in the cycle's log", () => {
  it('when it opened, then the sentence names the period, the capaian, the holder and the findings', () => {
    const data = {
      unitCode: 'PKM',
      period: 'TW2',
      assigneeNip: leader,
      deadline: '2025-08-04T16:59:59.000Z',
      capaian: 'baik',
      findings: [{ rule: 'unit.sebagianBesar' }],
      pack: 'asn-2023',
    };
    expect(say('en', 'cycle.periodPenetapanOpened', data)).toMatch(
      /^The TW2 penetapan of unit PKM \(capaian Baik\) waits for the signature of drg\. Kartini Lubis .* by 4 Aug 2025 23:59 WIB; findings: Most employees are in the unit's own category\. \(pack asn-2023\)$/,
    );
    expect(say('id', 'cycle.periodPenetapanOpened', data)).toContain('Penetapan TW2 unit PKM (capaian Baik)');
  });

  it('when it passed on, then the sentence names the period and the new holder', () => {
    const data = { unitCode: 'PKM', period: 'TW2', assigneeNip: null, deadline: '2025-08-18T16:59:59.000Z' };
    expect(say('en', 'cycle.periodPenetapanEscalated', data)).toBe(
      'The TW2 penetapan of unit PKM was not signed by its deadline and passed to HR, due 18 Aug 2025 23:59 WIB',
    );
  });

  it('when it was signed, then the sentence names the signer, the period and each justification, or conforming', () => {
    const signed = {
      unitCode: 'PKM',
      period: 'TW1',
      by: superior,
      conforming: false,
      justifications: [{ rule: 'unit.sebagianBesar', text: 'Unit satu orang' }],
      pack: 'asn-2023',
    };
    expect(say('en', 'cycle.periodPenetapanSigned', signed)).toMatch(
      /signed the TW1 penetapan of unit PKM: not conforming to the distribution pattern, justified: Most employees are in the unit's own category\. — Unit satu orang \(pack asn-2023\)$/,
    );
    expect(
      say('id', 'cycle.periodPenetapanSigned', { ...signed, conforming: true, justifications: [] }),
    ).toMatch(/menandatangani penetapan TW1 unit PKM: sesuai pola distribusi \(paket asn-2023\)$/);
  });
});
