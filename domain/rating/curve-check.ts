// The curve check of a unit (SE MenPANRB 3/2023): findings for the leader who signs the penetapan, never a
// hold by itself. Every rule of the unit's own capaian is reported with its counts, met or not, and one
// more finding says when the unit's own category is not its largest group ("sebagian besar"). A small
// unit is checked with a larger calibration group (calibration-groups.ts); the check says which.

import { findingText } from '../vocabulary/findings.ts';
import type { CalibrationGroup } from './calibration-groups.ts';
import { checkDistribution, limitCount, type PredikatCounts } from './distribution.ts';
import { type DistributionRules, distributionRules, type UnitPredikat } from './distribution-rules.ts';
import { boundFinding, type Finding } from './finding.ts';
import { type Predikat, predikats } from './predikat.ts';

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
  const counts = countsOf(groupCounts);
  checkDistribution(unitPredikat, counts, rules); // refuses a negative or fractional count
  // The outcome keeps the English sentence only: it is what the events store (their shape stays).
  const outcomes = curveFacts(unitPredikat, counts, rules).map(
    ({ met, actual, limit, total, finding }): CurveRuleOutcome => ({
      rule: finding.rule,
      met,
      message: findingText('en', finding),
      actual,
      limit,
      total,
    }),
  );
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

export interface CurveFact {
  met: boolean;
  actual: number;
  limit: number;
  total: number;
  /** What a page words in its language (findingText); its English is the outcome's `message`. */
  finding: Finding;
}

/**
 * checkCurve's outcomes as facts, in its order: every rule of the unit's capaian, then "sebagian besar".
 * A page rebuilds a stored finding's facts with it from the counts it was checked on.
 */
export function curveFacts(
  unitPredikat: UnitPredikat,
  groupCounts: PredikatCounts,
  rules: DistributionRules = distributionRules,
): CurveFact[] {
  const counts = countsOf(groupCounts);
  const total = predikats.reduce((sum, p) => sum + counts[p], 0);
  // Today's numeric limits, each reported whether met or not.
  const facts = rules[unitPredikat].map((rule): CurveFact => {
    const actual = rule.predikats.reduce((sum, p) => sum + counts[p], 0);
    const limit = limitCount(rule, total);
    // An empty group meets every rule: there is nobody to calibrate (as checkDistribution says).
    const met = total === 0 || (rule.bound === 'atMost' ? actual <= limit : actual >= limit);
    const finding: Finding =
      total === 0 ? { kind: 'noneRated', rule: rule.code } : boundFinding(rule, actual, limit, total);
    return { met, actual, limit, total, finding };
  });
  facts.push(sebagianBesar(unitPredikat, counts, total));
  return facts;
}

function countsOf(groupCounts: PredikatCounts): Record<Predikat, number> {
  return Object.fromEntries(predikats.map((p) => [p, groupCounts[p] ?? 0])) as Record<Predikat, number>;
}

/** Met when no other predikat has more employees than the unit's own category (a tie is met). */
function sebagianBesar(
  unitPredikat: UnitPredikat,
  counts: Record<Predikat, number>,
  total: number,
): CurveFact {
  const own = ownCategory[unitPredikat];
  let largest: Predikat = own;
  for (const p of predikats) if (counts[p] > counts[largest]) largest = p;
  const actual = counts[own];
  const limit = counts[largest];
  const rule = sebagianBesarRule;
  if (largest === own)
    return { met: true, actual, limit, total, finding: { kind: 'largest', rule, own, actual, total } };
  return {
    met: false,
    actual,
    limit,
    total,
    finding: { kind: 'notLargest', rule, own, largest, actual, limit, total },
  };
}
