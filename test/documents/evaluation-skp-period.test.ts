// The evaluation documents of a year a mutasi divided: a period is printed against the SKP agreed in its
// own SKP period, not the one agreed after the mutasi (whose RHK it never had); the akhir one against each.
import { describe, expect, it } from 'vitest';
import { evaluationDocument } from '../../documents/evaluation.ts';
import { factsOf } from '../../documents/model.ts';
import { evaluationFile } from '../../domain/appraisal/evaluation-file.ts';
import { documentInput, evaluationLog, nameOf, rhk } from '../support/evaluation-log.ts';

describe('the periodic evaluation document after a mutasi', () => {
  it("prints a period's RHK and indicators from the SKP in force in that period", () => {
    const file = evaluationFile(evaluationLog().events, nameOf);
    const current = {
      version: 2,
      agreedAt: '2027-07-22T02:00:00.000Z',
      rhk: [{ ...rhk[0], id: 'rhk-9', description: 'Cakupan imunisasi naik', indicators: [] }],
    };
    // As the fold gives it after a mutasi: the current SKP is v2, TW1 keeps the v1 it was read against.
    const moved = { ...file, skp: current as NonNullable<typeof file.skp> };
    const input = documentInput(moved);
    const keys = factsOf(evaluationDocument(input, 'TW1')).map((f) => f.key);
    expect(keys).toContain('rhk.rhk-1.iki-1.realisation');
    expect(keys).toContain('rhk.rhk-2.description');
    expect(keys).not.toContain('rhk.rhk-9.description');
  });

  it('prints the akhir document against each SKP period in turn, each with its own realisations', () => {
    const file = evaluationFile(evaluationLog().events, nameOf);
    const current = {
      version: 2,
      agreedAt: '2027-07-22T02:00:00.000Z',
      rhk: [{ ...rhk[0], id: 'rhk-9', description: 'Cakupan imunisasi naik' }],
    };
    const firstPeriods = file.periods.slice(0, 2).map((p) => p.period);
    const laterPeriods = file.periods.slice(2).map((p) => p.period);
    const person = { unitCode: 'PKM', positionCode: 'PRW', rater: null, agreedVersion: null };
    const v2 = current as NonNullable<typeof file.skp>;
    // As the fold gives it: TW3 and TW4 are read against the SKP agreed after the mutasi.
    const periods = file.periods.map((p) => (laterPeriods.includes(p.period) ? { ...p, skp: v2 } : p));
    const moved = {
      ...file,
      skp: v2,
      periods,
      skpPeriods: [
        {
          ...person,
          skpPeriod: 1,
          began: 'year' as const,
          from: null,
          until: '2027-07-01',
          periods: firstPeriods,
        },
        {
          ...person,
          skpPeriod: 2,
          began: 'mutasi' as const,
          from: '2027-07-01',
          until: null,
          periods: laterPeriods,
        },
      ],
    };
    const input = documentInput(moved);
    const facts = factsOf(evaluationDocument(input, 'akhir'));
    const keys = facts.map((f) => f.key);
    // The first SKP period's RHK with TW1's realisation, then the SKP agreed after the mutasi.
    expect(keys).toContain('skp1.rhk.rhk-1.iki-1.realisation');
    expect(facts.find((f) => f.key === 'skp1.rhk.rhk-1.iki-1.realisation')?.value).not.toBe('-');
    expect(keys).toContain('skp2.rhk.rhk-9.description');
    expect(keys.indexOf('skp1.rhk.rhk-1.description')).toBeLessThan(
      keys.indexOf('skp2.rhk.rhk-9.description'),
    );
  });

  it('prints the akhir document of a year of one SKP period as before (the same fact keys)', () => {
    const file = evaluationFile(evaluationLog().events, nameOf);
    const input = documentInput(file);
    const keys = factsOf(evaluationDocument(input, 'akhir')).map((f) => f.key);
    expect(keys).toContain('rhk.rhk-1.iki-1.realisation');
    expect(keys.some((k) => k.startsWith('skp1.'))).toBe(false);
  });

  it('prints the layouts it was issued in before: layout 1 every period against the current SKP, layouts 1 and 2 the akhir as one part', () => {
    const file = evaluationFile(evaluationLog().events, nameOf);
    const v2 = {
      version: 2,
      agreedAt: '2027-07-22T02:00:00.000Z',
      rhk: [{ ...rhk[0], id: 'rhk-9', description: 'Cakupan imunisasi naik' }],
    } as NonNullable<typeof file.skp>;
    const later = file.periods.slice(2).map((p) => p.period);
    const person = { unitCode: 'PKM', positionCode: 'PRW', rater: null, agreedVersion: null };
    const skpPeriod = (n: number, periods: string[]) => ({
      ...person,
      skpPeriod: n,
      began: n === 1 ? ('year' as const) : ('mutasi' as const),
      from: n === 1 ? null : '2027-07-01',
      until: n === 1 ? '2027-07-01' : null,
      periods,
    });
    const moved = documentInput({
      ...file,
      skp: v2,
      periods: file.periods.map((p) => (later.includes(p.period) ? { ...p, skp: v2 } : p)),
      skpPeriods: [
        skpPeriod(
          1,
          file.periods.slice(0, 2).map((p) => p.period),
        ),
        skpPeriod(2, later),
      ],
    });
    const keys = (period: string, layout: number) =>
      factsOf(evaluationDocument(moved, period, layout)).map((f) => f.key);
    expect(keys('TW1', 1)).toContain('rhk.rhk-9.description');
    expect(keys('TW1', 1)).not.toContain('rhk.rhk-1.description');
    expect(keys('TW1', 2)).toContain('rhk.rhk-1.description');
    expect(keys('akhir', 2)).toContain('rhk.rhk-9.description');
    expect(keys('akhir', 2).some((k) => k.startsWith('skp'))).toBe(false);
    expect(keys('akhir', 3)).toContain('skp2.rhk.rhk-9.description');
    expect(evaluationDocument(moved, 'TW1').layout).toBe(3);
  });
});
