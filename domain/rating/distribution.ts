// Unit calibration: do the employees' predikat of one unit kerja follow the distribution rule that the
// unit's own predikat organisasi selects? Percentages are compared in exact integers
// (count * 100 against percent * total), never as floats.
import { DomainError } from '../errors.ts';
import { findingText } from '../vocabulary/findings.ts';
import {
  type DistributionRule,
  type DistributionRules,
  distributionRules,
  type UnitPredikat,
} from './distribution-rules.ts';
import { boundFinding } from './finding.ts';
import { type Predikat, predikatLabels, predikats } from './predikat.ts';

export type PredikatCounts = Readonly<Partial<Record<Predikat, number>>>;

export type DistributionViolation = {
  rule: string;
  message: string;
  /** Employees that the rule counts. */
  actual: number;
  /** The most (atMost) or fewest (atLeast) employees the rule allows for this unit size. */
  limit: number;
  /** Employees in the unit. */
  total: number;
};

export type DistributionCheck = { ok: true } | { ok: false; violations: DistributionViolation[] };

/**
 * An empty unit (0 employees) is ok: there is nothing to calibrate, so even "at least one" rules are
 * waived. Otherwise every rule of the unit's predikat applies literally, whatever the unit's size.
 */
export function checkDistribution(
  unitPredikat: UnitPredikat,
  counts: PredikatCounts,
  rules: DistributionRules = distributionRules,
): DistributionCheck {
  const total = totalOf(counts);
  if (total === 0) return { ok: true };
  const violations: DistributionViolation[] = [];
  for (const rule of rules[unitPredikat]) {
    const actual = rule.predikats.reduce((sum, p) => sum + (counts[p] ?? 0), 0);
    const limit = limitCount(rule, total);
    const broken = rule.bound === 'atMost' ? actual > limit : actual < limit;
    if (broken)
      violations.push({
        rule: rule.code,
        message: describe(rule, actual, limit, total),
        actual,
        limit,
        total,
      });
  }
  return violations.length === 0 ? { ok: true } : { ok: false, violations };
}

/** Counts the predikat of a unit's employees, for checkDistribution. */
export function countPredikats(list: readonly Predikat[]): Record<Predikat, number> {
  const counts = Object.fromEntries(predikats.map((p) => [p, 0])) as Record<Predikat, number>;
  for (const p of list) counts[p] += 1;
  return counts;
}

function totalOf(counts: PredikatCounts): number {
  let total = 0;
  for (const p of predikats) {
    const n = counts[p] ?? 0;
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new DomainError(
        'distribution.invalidCount',
        `The count of ${predikatLabels[p]} must be a whole number of 0 or more; got ${n}`,
        {
          predikat: p,
          count: n,
        },
      );
    }
    total += n;
  }
  return total;
}

/** The allowed number of employees: at most floor(p% of total), at least ceil(p% of total). */
export function limitCount(rule: DistributionRule, total: number): number {
  if ('count' in rule.limit) return rule.limit.count;
  const scaled = rule.limit.percent * total;
  const floor = (scaled - (scaled % 100)) / 100;
  return rule.bound === 'atMost' || scaled % 100 === 0 ? floor : floor + 1;
}

// e.g. "8 of 10 (80%) are Baik; at most 70% (7) allowed": the English the events store as a finding's message.
export function describe(rule: DistributionRule, actual: number, limit: number, total: number): string {
  return findingText('en', boundFinding(rule, actual, limit, total));
}
