// The curve check of a unit (SE MenPANRB 3/2023): findings for the leader who signs the penetapan, never a
// hold by itself. Every rule of the unit's own capaian is reported with its counts, met or not, and one
// more finding says when the unit's own category is not its largest group ("sebagian besar"). A small
// unit is checked with a larger calibration group (calibration-groups.ts); the check says which.
import type { CalibrationGroup } from './calibration-groups.ts';
import { checkDistribution, describe, limitCount, type PredikatCounts } from './distribution.ts';
import { type DistributionRules, distributionRules, type UnitPredikat } from './distribution-rules.ts';
import { type Predikat, predikatLabels, predikats } from './predikat.ts';

export interface CurveRuleOutcome {
  rule: string;
  met: boolean;
  message: string;
  /** Employees the rule counts, its limit for this group size, and the group's rated employees. */
  actual: number;
  limit: number;
  total: number;
}

export interface CurveCheck {
  unitCode: string;
  unitPredikat: UnitPredikat;
  group: CalibrationGroup;
  /** The checked group's counts (the unit's own when it is checked alone). */
  counts: Record<Predikat, number>;
  /** Every rule of the unit's capaian and the "sebagian besar" rule, in order. */
  rules: CurveRuleOutcome[];
  /** The rules not met: what the leader signs as not conforming, with a justification for each. */
  findings: CurveRuleOutcome[];
  conforms: boolean;
}

/** The employees' predikat that is the unit's own category ("sebagian besar" of the unit is expected in it). */
export const ownCategory: Readonly<Record<UnitPredikat, Predikat>> = {
  istimewa: 'sangatBaik',
  baik: 'baik',
  butuhPerbaikan: 'butuhPerbaikan',
  kurang: 'kurang',
  sangatKurang: 'sangatKurang',
};

export const sebagianBesarRule = 'unit.sebagianBesar';
export const sebagianBesarText = {
  id: 'Sebagian besar pegawai berpredikat sesuai kategori capaian unit.',
  en: "Most employees are in the unit's own category.",
} as const;

export function checkCurve(
  unitCode: string,
  unitPredikat: UnitPredikat,
  group: CalibrationGroup,
  groupCounts: PredikatCounts,
  rules: DistributionRules = distributionRules,
): CurveCheck {
  const counts = Object.fromEntries(predikats.map((p) => [p, groupCounts[p] ?? 0])) as Record<
    Predikat,
    number
  >;
  const total = predikats.reduce((sum, p) => sum + counts[p], 0);
  checkDistribution(unitPredikat, counts, rules); // refuses a negative or fractional count
  // Today's numeric limits, each reported whether met or not.
  const outcomes: CurveRuleOutcome[] = rules[unitPredikat].map((rule) => {
    const actual = rule.predikats.reduce((sum, p) => sum + counts[p], 0);
    const limit = limitCount(rule, total);
    // An empty group meets every rule: there is nobody to calibrate (as checkDistribution says).
    const met = total === 0 || (rule.bound === 'atMost' ? actual <= limit : actual >= limit);
    const message = total === 0 ? 'no rated employees' : describe(rule, actual, limit, total);
    return { rule: rule.code, met, message, actual, limit, total };
  });
  outcomes.push(sebagianBesar(unitPredikat, counts, total));
  const findings = outcomes.filter((o) => !o.met);
  return {
    unitCode,
    unitPredikat,
    group,
    counts,
    rules: outcomes,
    findings,
    conforms: findings.length === 0,
  };
}

/** Met when no other predikat has more employees than the unit's own category (a tie is met). */
function sebagianBesar(
  unitPredikat: UnitPredikat,
  counts: Record<Predikat, number>,
  total: number,
): CurveRuleOutcome {
  const own = ownCategory[unitPredikat];
  let largest: Predikat = own;
  for (const p of predikats) if (counts[p] > counts[largest]) largest = p;
  const actual = counts[own];
  const limit = counts[largest];
  if (largest === own)
    return {
      rule: sebagianBesarRule,
      met: true,
      message: `${actual} of ${total} are ${predikatLabels[own]}: the largest group`,
      actual,
      limit,
      total,
    };
  return {
    rule: sebagianBesarRule,
    met: false,
    message: `${limit} of ${total} are ${predikatLabels[largest]}, more than the ${actual} ${predikatLabels[own]}; most should be ${predikatLabels[own]}`,
    actual,
    limit,
    total,
  };
}
