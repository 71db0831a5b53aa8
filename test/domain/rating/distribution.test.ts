import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.ts';
import { checkDistribution, countPredikats } from '../../../domain/rating/distribution.ts';
import { distributionRuleTexts, unitPredikats } from '../../../domain/rating/distribution-rules.ts';

const rulesBroken = (result: ReturnType<typeof checkDistribution>): string[] =>
  result.ok ? [] : result.violations.map((v) => v.rule);

describe('given an empty unit', () => {
  it.each(unitPredikats)('when the unit predikat is %s, then the distribution is ok', (unitPredikat) => {
    expect(checkDistribution(unitPredikat, {})).toEqual({ ok: true });
    expect(checkDistribution(unitPredikat, { baik: 0 })).toEqual({ ok: true });
  });
});

describe('given a unit with predikat Istimewa', () => {
  it('when exactly 70% are Sangat Baik, then it is ok', () => {
    expect(checkDistribution('istimewa', { sangatBaik: 7, baik: 3 })).toEqual({ ok: true });
  });

  it('when one more is Sangat Baik, then max70PercentSangatBaik is violated with the counts', () => {
    expect(checkDistribution('istimewa', { sangatBaik: 8, baik: 2 })).toEqual({
      ok: false,
      violations: [
        {
          rule: 'istimewa.max70PercentSangatBaik',
          message: '8 of 10 (80%) are Sangat Baik; at most 70% (7) allowed',
          actual: 8,
          limit: 7,
          total: 10,
        },
      ],
    });
  });

  it('when 70% is not a whole number of employees, then the limit rounds down (2 of 3 ok, 3 of 3 not)', () => {
    expect(checkDistribution('istimewa', { sangatBaik: 2, baik: 1 })).toEqual({ ok: true });
    const result = checkDistribution('istimewa', { sangatBaik: 3 });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.violations[0]?.message).toBe(
      '3 of 3 (100%) are Sangat Baik; at most 70% (2) allowed',
    );
  });
});

describe('given a unit with predikat Baik', () => {
  it('when exactly 70% are Baik and one is Butuh Perbaikan, then it is ok', () => {
    expect(checkDistribution('baik', { baik: 7, sangatBaik: 2, butuhPerbaikan: 1 })).toEqual({ ok: true });
  });

  it('when one more is Baik, then max70PercentBaik is violated', () => {
    const result = checkDistribution('baik', { baik: 8, sangatBaik: 1, kurang: 1 });
    expect(rulesBroken(result)).toEqual(['baik.max70PercentBaik']);
    expect(result.ok ? null : result.violations[0]?.message).toBe(
      '8 of 10 (80%) are Baik; at most 70% (7) allowed',
    );
  });

  it('when exactly one is Kurang (and none Butuh Perbaikan), then the "at least one" rule is met', () => {
    expect(checkDistribution('baik', { baik: 5, sangatBaik: 4, kurang: 1 })).toEqual({ ok: true });
  });

  it('when none is Butuh Perbaikan or Kurang, then atLeastOneButuhPerbaikanOrKurang is violated', () => {
    const result = checkDistribution('baik', { baik: 6, sangatBaik: 3, sangatKurang: 1 });
    expect(result).toEqual({
      ok: false,
      violations: [
        {
          rule: 'baik.atLeastOneButuhPerbaikanOrKurang',
          message: '0 of 10 (0%) are Butuh Perbaikan or Kurang/Misconduct; at least 1 required',
          actual: 0,
          limit: 1,
          total: 10,
        },
      ],
    });
  });

  it('when both rules are broken, then both violations are listed in rule order', () => {
    expect(rulesBroken(checkDistribution('baik', { baik: 10 }))).toEqual([
      'baik.max70PercentBaik',
      'baik.atLeastOneButuhPerbaikanOrKurang',
    ]);
  });
});

describe('given a unit with predikat Butuh Perbaikan', () => {
  it('when exactly 60% are Butuh Perbaikan and exactly 10% Sangat Baik, then it is ok', () => {
    expect(checkDistribution('butuhPerbaikan', { butuhPerbaikan: 6, sangatBaik: 1, baik: 3 })).toEqual({
      ok: true,
    });
  });

  it('when one fewer is Butuh Perbaikan, then min60PercentButuhPerbaikan is violated', () => {
    const result = checkDistribution('butuhPerbaikan', { butuhPerbaikan: 5, sangatBaik: 1, baik: 4 });
    expect(rulesBroken(result)).toEqual(['butuhPerbaikan.min60PercentButuhPerbaikan']);
    expect(result.ok ? null : result.violations[0]?.message).toBe(
      '5 of 10 (50%) are Butuh Perbaikan; at least 60% (6) required',
    );
  });

  it('when one more is Sangat Baik, then max10PercentSangatBaik is violated', () => {
    const result = checkDistribution('butuhPerbaikan', { butuhPerbaikan: 6, sangatBaik: 2, baik: 2 });
    expect(rulesBroken(result)).toEqual(['butuhPerbaikan.max10PercentSangatBaik']);
  });

  it('when 60% is not a whole number of employees, then the minimum rounds up (5 of 7 ok, 4 of 7 not)', () => {
    expect(checkDistribution('butuhPerbaikan', { butuhPerbaikan: 5, baik: 2 })).toEqual({ ok: true });
    const result = checkDistribution('butuhPerbaikan', { butuhPerbaikan: 4, baik: 3 });
    expect(result.ok ? null : result.violations[0]?.message).toBe(
      '4 of 7 (57.1%) are Butuh Perbaikan; at least 60% (5) required',
    );
  });
});

describe('given a unit with predikat Kurang', () => {
  const edge = { kurang: 6, butuhPerbaikan: 1, sangatBaik: 1, baik: 2 };

  it('when exactly 60% Kurang, 10% Butuh Perbaikan and 10% Sangat Baik, then it is ok', () => {
    expect(checkDistribution('kurang', edge)).toEqual({ ok: true });
  });

  it('when one fewer is Kurang, then min60PercentKurang is violated', () => {
    expect(rulesBroken(checkDistribution('kurang', { ...edge, kurang: 5, baik: 3 }))).toEqual([
      'kurang.min60PercentKurang',
    ]);
  });

  it('when one fewer is Butuh Perbaikan, then min10PercentButuhPerbaikan is violated', () => {
    const result = checkDistribution('kurang', { ...edge, butuhPerbaikan: 0, baik: 3 });
    expect(rulesBroken(result)).toEqual(['kurang.min10PercentButuhPerbaikan']);
    expect(result.ok ? null : result.violations[0]?.message).toBe(
      '0 of 10 (0%) are Butuh Perbaikan; at least 10% (1) required',
    );
  });

  it('when one more is Sangat Baik, then max10PercentSangatBaik is violated', () => {
    expect(rulesBroken(checkDistribution('kurang', { ...edge, sangatBaik: 2, baik: 1 }))).toEqual([
      'kurang.max10PercentSangatBaik',
    ]);
  });
});

describe('given a unit with predikat Sangat Kurang', () => {
  const edge = { sangatKurang: 6, kurang: 1, baik: 3 };

  it('when exactly 60% Sangat Kurang and 10% Kurang, then it is ok', () => {
    expect(checkDistribution('sangatKurang', edge)).toEqual({ ok: true });
  });

  it('when the 10% is Butuh Perbaikan instead of Kurang, then it is ok too', () => {
    expect(checkDistribution('sangatKurang', { sangatKurang: 6, butuhPerbaikan: 1, baik: 3 })).toEqual({
      ok: true,
    });
  });

  it('when one fewer is Sangat Kurang, then min60PercentSangatKurang is violated', () => {
    expect(rulesBroken(checkDistribution('sangatKurang', { ...edge, sangatKurang: 5, baik: 4 }))).toEqual([
      'sangatKurang.min60PercentSangatKurang',
    ]);
  });

  it('when none is Kurang or Butuh Perbaikan, then min10PercentKurangOrButuhPerbaikan is violated', () => {
    expect(rulesBroken(checkDistribution('sangatKurang', { ...edge, kurang: 0, baik: 4 }))).toEqual([
      'sangatKurang.min10PercentKurangOrButuhPerbaikan',
    ]);
  });

  it('when a single employee is Sangat Baik, then noSangatBaik is violated', () => {
    const result = checkDistribution('sangatKurang', { ...edge, sangatBaik: 1, baik: 2 });
    expect(result).toEqual({
      ok: false,
      violations: [
        {
          rule: 'sangatKurang.noSangatBaik',
          message: '1 of 10 (10%) is Sangat Baik; none allowed',
          actual: 1,
          limit: 0,
          total: 10,
        },
      ],
    });
  });
});

describe('given counts that are not whole non-negative numbers', () => {
  it.each([-1, 1.5, Number.NaN])(
    'when a count is %s, then a DomainError distribution.invalidCount is thrown',
    (n) => {
      expect(() => checkDistribution('baik', { baik: n })).toThrow(
        expect.objectContaining({ code: 'distribution.invalidCount' }),
      );
      expect(() => checkDistribution('baik', { baik: n })).toThrow(DomainError);
    },
  );
});

describe("given a list of employees' predikat", () => {
  it('when counted, then every predikat has a count (0 when absent)', () => {
    expect(countPredikats(['baik', 'baik', 'kurang'])).toEqual({
      sangatBaik: 0,
      baik: 2,
      butuhPerbaikan: 0,
      kurang: 1,
      sangatKurang: 0,
    });
  });
});

describe('given the rule texts for UIs', () => {
  it.each(unitPredikats)(
    'when listed for %s, then each rule has its code and Indonesian and English text',
    (unit) => {
      const texts = distributionRuleTexts(unit);
      expect(texts.length).toBeGreaterThan(0);
      for (const t of texts) {
        expect(t.rule.startsWith(`${unit}.`)).toBe(true);
        expect(t.id).not.toBe('');
        expect(t.en).not.toBe('');
      }
    },
  );

  it('when listed for Baik, then the texts are the two Baik rules', () => {
    expect(distributionRuleTexts('baik')).toEqual([
      {
        rule: 'baik.max70PercentBaik',
        id: 'Paling banyak 70% pegawai berpredikat Baik.',
        en: 'At most 70% of employees are Baik.',
      },
      {
        rule: 'baik.atLeastOneButuhPerbaikanOrKurang',
        id: 'Paling sedikit satu pegawai berpredikat Butuh Perbaikan atau Kurang/Misconduct.',
        en: 'At least one employee is Butuh Perbaikan or Kurang/Misconduct.',
      },
    ]);
  });
});
