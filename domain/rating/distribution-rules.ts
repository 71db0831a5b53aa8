// The predikat organisasi of a unit kerja selects the distribution rule (kurva distribusi) that its
// employees' predikat must follow (SE MenPANRB 3/2023). The rules are data here, with their wording in
// Indonesian and English for UIs; distribution.ts checks counts against them.
import { z } from 'zod';
import type { Predikat } from './predikat.ts';

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

/** The five patterns of SE MenPANRB 3/2023. */
export const distributionRules: DistributionRules = {
  istimewa: [
    {
      code: 'istimewa.max70PercentSangatBaik',
      bound: 'atMost',
      predikats: ['sangatBaik'],
      limit: { percent: 70 },
      text: {
        id: 'Paling banyak 70% pegawai berpredikat Sangat Baik.',
        en: 'At most 70% of employees are Sangat Baik.',
      },
    },
  ],
  baik: [
    {
      code: 'baik.max70PercentBaik',
      bound: 'atMost',
      predikats: ['baik'],
      limit: { percent: 70 },
      text: { id: 'Paling banyak 70% pegawai berpredikat Baik.', en: 'At most 70% of employees are Baik.' },
    },
    {
      code: 'baik.atLeastOneButuhPerbaikanOrKurang',
      bound: 'atLeast',
      predikats: ['butuhPerbaikan', 'kurang'],
      limit: { count: 1 },
      text: {
        id: 'Paling sedikit satu pegawai berpredikat Butuh Perbaikan atau Kurang/Misconduct.',
        en: 'At least one employee is Butuh Perbaikan or Kurang/Misconduct.',
      },
    },
  ],
  butuhPerbaikan: [
    {
      code: 'butuhPerbaikan.min60PercentButuhPerbaikan',
      bound: 'atLeast',
      predikats: ['butuhPerbaikan'],
      limit: { percent: 60 },
      text: {
        id: 'Paling sedikit 60% pegawai berpredikat Butuh Perbaikan.',
        en: 'At least 60% of employees are Butuh Perbaikan.',
      },
    },
    {
      code: 'butuhPerbaikan.max10PercentSangatBaik',
      bound: 'atMost',
      predikats: ['sangatBaik'],
      limit: { percent: 10 },
      text: {
        id: 'Paling banyak 10% pegawai berpredikat Sangat Baik.',
        en: 'At most 10% of employees are Sangat Baik.',
      },
    },
  ],
  kurang: [
    {
      code: 'kurang.min60PercentKurang',
      bound: 'atLeast',
      predikats: ['kurang'],
      limit: { percent: 60 },
      text: {
        id: 'Paling sedikit 60% pegawai berpredikat Kurang/Misconduct.',
        en: 'At least 60% of employees are Kurang/Misconduct.',
      },
    },
    {
      code: 'kurang.min10PercentButuhPerbaikan',
      bound: 'atLeast',
      predikats: ['butuhPerbaikan'],
      limit: { percent: 10 },
      text: {
        id: 'Paling sedikit 10% pegawai berpredikat Butuh Perbaikan.',
        en: 'At least 10% of employees are Butuh Perbaikan.',
      },
    },
    {
      code: 'kurang.max10PercentSangatBaik',
      bound: 'atMost',
      predikats: ['sangatBaik'],
      limit: { percent: 10 },
      text: {
        id: 'Paling banyak 10% pegawai berpredikat Sangat Baik.',
        en: 'At most 10% of employees are Sangat Baik.',
      },
    },
  ],
  sangatKurang: [
    {
      code: 'sangatKurang.min60PercentSangatKurang',
      bound: 'atLeast',
      predikats: ['sangatKurang'],
      limit: { percent: 60 },
      text: {
        id: 'Paling sedikit 60% pegawai berpredikat Sangat Kurang.',
        en: 'At least 60% of employees are Sangat Kurang.',
      },
    },
    {
      code: 'sangatKurang.min10PercentKurangOrButuhPerbaikan',
      bound: 'atLeast',
      predikats: ['kurang', 'butuhPerbaikan'],
      limit: { percent: 10 },
      text: {
        id: 'Paling sedikit 10% pegawai berpredikat Kurang/Misconduct atau Butuh Perbaikan.',
        en: 'At least 10% of employees are Kurang/Misconduct or Butuh Perbaikan.',
      },
    },
    {
      code: 'sangatKurang.noSangatBaik',
      bound: 'atMost',
      predikats: ['sangatBaik'],
      limit: { count: 0 },
      text: { id: 'Tidak ada pegawai berpredikat Sangat Baik.', en: 'No employee is Sangat Baik.' },
    },
  ],
};

/** The wording of a unit's rules, in order, for UIs. */
export function distributionRuleTexts(
  unitPredikat: UnitPredikat,
): Array<{ rule: string; id: string; en: string }> {
  return distributionRules[unitPredikat].map((r) => ({ rule: r.code, id: r.text.id, en: r.text.en }));
}
