// The predikat organisasi of a unit kerja selects the distribution rule (kurva distribusi) that its
// employees' predikat must follow (SE MenPANRB 3/2023). The rules are data here, with their wording in
// Indonesian and English for UIs; distribution.ts checks counts against them.
import { z } from 'zod';
import { type Predikat, predikatLabels } from './predikat.ts';

export const unitPredikats = ['istimewa', 'baik', 'butuhPerbaikan', 'kurang', 'sangatKurang'] as const;
export const unitPredikatSchema = z.enum(unitPredikats);
export type UnitPredikat = z.infer<typeof unitPredikatSchema>;

export const unitPredikatLabels: Readonly<Record<UnitPredikat, string>> = {
  istimewa: 'Istimewa',
  baik: 'Baik',
  butuhPerbaikan: 'Butuh Perbaikan',
  kurang: 'Kurang',
  sangatKurang: 'Sangat Kurang',
};

export type DistributionRule = {
  /** Stable code, `<unitPredikat>.<what>`; used in violations and translations. */
  code: string;
  bound: 'atMost' | 'atLeast';
  /** The rule counts employees whose predikat is any of these. */
  predikats: readonly Predikat[];
  /** A share of the unit in whole percent, or a number of employees. */
  limit: { percent: number } | { count: number };
  text: { id: string; en: string };
};

export type DistributionRules = Readonly<Record<UnitPredikat, readonly DistributionRule[]>>;

/**
 * A rule's wording: the bound and the share or number of employees over the predikat's official names
 * ("Paling banyak 70% pegawai berpredikat Sangat Baik.").
 */
function ruleText(
  bound: DistributionRule['bound'],
  predikats: readonly Predikat[],
  limit: DistributionRule['limit'],
): DistributionRule['text'] {
  const names = (or: string) => predikats.map((p) => predikatLabels[p]).join(` ${or} `);
  if ('count' in limit && limit.count === 0)
    return { id: `Tidak ada pegawai berpredikat ${names('atau')}.`, en: `No employee is ${names('or')}.` };
  const most = bound === 'atMost';
  const one = 'count' in limit && limit.count === 1;
  const amount = 'percent' in limit ? `${limit.percent}%` : `${limit.count}`;
  const who = one
    ? 'one employee is'
    : 'percent' in limit
      ? `${amount} of employees are`
      : `${amount} employees are`;
  return {
    id: `${most ? 'Paling banyak' : 'Paling sedikit'} ${one ? 'satu' : amount} pegawai berpredikat ${names('atau')}.`,
    en: `${most ? 'At most' : 'At least'} ${who} ${names('or')}.`,
  };
}

const rule = (
  code: string,
  bound: DistributionRule['bound'],
  predikats: readonly Predikat[],
  limit: DistributionRule['limit'],
): DistributionRule => ({ code, bound, predikats, limit, text: ruleText(bound, predikats, limit) });

/** The five patterns of SE MenPANRB 3/2023. */
export const distributionRules: DistributionRules = {
  istimewa: [rule('istimewa.max70PercentSangatBaik', 'atMost', ['sangatBaik'], { percent: 70 })],
  baik: [
    rule('baik.max70PercentBaik', 'atMost', ['baik'], { percent: 70 }),
    rule('baik.atLeastOneButuhPerbaikanOrKurang', 'atLeast', ['butuhPerbaikan', 'kurang'], { count: 1 }),
  ],
  butuhPerbaikan: [
    rule('butuhPerbaikan.min60PercentButuhPerbaikan', 'atLeast', ['butuhPerbaikan'], { percent: 60 }),
    rule('butuhPerbaikan.max10PercentSangatBaik', 'atMost', ['sangatBaik'], { percent: 10 }),
  ],
  kurang: [
    rule('kurang.min60PercentKurang', 'atLeast', ['kurang'], { percent: 60 }),
    rule('kurang.min10PercentButuhPerbaikan', 'atLeast', ['butuhPerbaikan'], { percent: 10 }),
    rule('kurang.max10PercentSangatBaik', 'atMost', ['sangatBaik'], { percent: 10 }),
  ],
  sangatKurang: [
    rule('sangatKurang.min60PercentSangatKurang', 'atLeast', ['sangatKurang'], { percent: 60 }),
    rule('sangatKurang.min10PercentKurangOrButuhPerbaikan', 'atLeast', ['kurang', 'butuhPerbaikan'], {
      percent: 10,
    }),
    rule('sangatKurang.noSangatBaik', 'atMost', ['sangatBaik'], { count: 0 }),
  ],
};

/** The wording of a unit's rules, in order, for UIs. */
export function distributionRuleTexts(
  unitPredikat: UnitPredikat,
): Array<{ rule: string; id: string; en: string }> {
  return distributionRules[unitPredikat].map((r) => ({ rule: r.code, id: r.text.id, en: r.text.en }));
}
