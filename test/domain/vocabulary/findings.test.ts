// A curve check's finding is worded in each language from its facts: the English exactly as the events
// store it, the Indonesian as an HR office writes it, with no English left in it.
import { describe, expect, it } from 'vitest';
import { checkCurve, curveFacts, sebagianBesarRule } from '../../../domain/rating/curve-check.ts';
import {
  type DistributionRule,
  distributionRules,
  type UnitPredikat,
} from '../../../domain/rating/distribution-rules.ts';
import { boundFinding } from '../../../domain/rating/finding.ts';
import type { Predikat } from '../../../domain/rating/predikat.ts';
import { findingText, storedFinding, storedFindingText } from '../../../domain/vocabulary/findings.ts';
// One case per rule: a unit's counts that break it, and the finding's sentence in each language.
import findingCases from './findings-cases.json' with { type: 'json' };

type Case = {
  unit: UnitPredikat;
  counts: Partial<Record<Predikat, number>>;
  rule: string;
  en: string;
  id: string;
};

const cases = findingCases as Case[];

/** Words of the English sentences; none belongs in an Indonesian one (the predikat names are Indonesian). */
const english =
  /\b(of|is|are|at most|at least|allowed|required|none|more than|most should|largest|group|no rated|employees)\b/;

const factOf = (c: Pick<Case, 'unit' | 'counts' | 'rule'>) =>
  curveFacts(c.unit, c.counts).find((f) => f.finding.rule === c.rule);

describe('a finding of each rule of the five patterns, and of "sebagian besar"', () => {
  it('every rule is among the cases', () => {
    const codes = [
      ...Object.values(distributionRules).flatMap((rules) => rules.map((r) => r.code)),
      sebagianBesarRule,
    ];
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(codes));
  });

  for (const c of cases) {
    it(`${c.rule}: in English as the curve check stores it, and in Bahasa Indonesia without English`, () => {
      const fact = factOf(c);
      expect(fact?.met).toBe(false);
      if (!fact) return;
      expect(findingText('en', fact.finding)).toBe(c.en);
      expect(findingText('id', fact.finding)).toBe(c.id);
      expect(c.id).not.toMatch(english);
      // The stored sentence is the English one, byte for byte.
      const stored = checkCurve('A', c.unit, { reason: 'alone', unitCodes: ['A'] }, c.counts).findings.find(
        (f) => f.rule === c.rule,
      );
      expect(stored?.message).toBe(c.en);
    });
  }
});

describe('the sentences of a rule met and of an empty group', () => {
  it('"sebagian besar" met says the own category is the largest group', () => {
    const fact = factOf({ unit: 'istimewa', counts: { sangatBaik: 7, baik: 3 }, rule: sebagianBesarRule });
    expect(fact?.met).toBe(true);
    if (!fact) return;
    expect(findingText('en', fact.finding)).toBe('7 of 10 are Sangat Baik: the largest group');
    expect(findingText('id', fact.finding)).toBe(
      '7 dari 10 pegawai berpredikat Sangat Baik: kelompok terbesar',
    );
  });

  it('an empty group: nobody is rated', () => {
    const fact = factOf({ unit: 'baik', counts: {}, rule: 'baik.max70PercentBaik' });
    if (!fact) throw new Error('no fact');
    expect(findingText('en', fact.finding)).toBe('no rated employees');
    expect(findingText('id', fact.finding)).toBe('belum ada pegawai yang dinilai');
  });

  it('a rule of a number of employees other than none (as a regulation pack may have)', () => {
    const rule: DistributionRule = {
      code: 'baik.max2SangatBaik',
      bound: 'atMost',
      predikats: ['sangatBaik'],
      limit: { count: 2 },
      text: { id: '-', en: '-' },
    };
    const finding = boundFinding(rule, 3, 2, 10);
    expect(findingText('en', finding)).toBe('3 of 10 (30%) are Sangat Baik; at most 2 allowed');
    expect(findingText('id', finding)).toBe(
      '3 dari 10 pegawai (30%) berpredikat Sangat Baik; yang diperbolehkan paling banyak 2 pegawai',
    );
  });
});

describe('a finding read back from an event (its rule and English sentence)', () => {
  const facts = curveFacts('kurang', { butuhPerbaikan: 1 }).map((f) => f.finding);

  it('has its facts when the curve checked again gives the stored sentence', () => {
    const stored = {
      rule: 'kurang.min60PercentKurang',
      message: '0 of 1 (0%) are Kurang/Misconduct; at least 60% (1) required',
    };
    expect(storedFinding(stored, facts)).toEqual(facts.find((f) => f.rule === stored.rule));
  });

  it('has none when the counts no longer give it, nor for a rule not checked', () => {
    expect(
      storedFinding(
        {
          rule: 'kurang.min60PercentKurang',
          message: '0 of 2 (0%) are Kurang/Misconduct; at least 60% (2) required',
        },
        facts,
      ),
    ).toBeNull();
    expect(storedFinding({ rule: 'baik.max70PercentBaik', message: 'anything' }, facts)).toBeNull();
  });
});

describe("the calibration's own notes, stored as English sentences", () => {
  const pending = {
    rule: 'unit.ratingsPending',
    message: "2 akhir rating(s) in unit PKM are not set yet (the rater's superior or HR rates them)",
  };
  const missing = { rule: 'unit.predikatMissing', message: 'HR has not set the predikat of unit DINKES' };

  it('are worded in Indonesian from their numbers, and kept as stored in English', () => {
    expect(storedFindingText('id', pending, [])).toBe(
      '2 rating akhir di unit PKM belum ditetapkan (yang menetapkannya atasan pejabat penilai atau HR)',
    );
    expect(storedFindingText('id', missing, [])).toBe('HR belum menetapkan predikat unit DINKES');
    expect(storedFindingText('en', pending, [])).toBe(pending.message);
  });

  it('stay as stored when their wording is not the one known here', () => {
    const other = { rule: 'unit.ratingsPending', message: 'two ratings are missing' };
    expect(storedFindingText('id', other, [])).toBe(other.message);
  });
});
