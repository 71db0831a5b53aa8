// A curve check's outcome of one rule as facts (the rule, the counts, the share, the bound, the predikat),
// so each page words it in its own language (domain/vocabulary/findings.ts). The events keep only the
// English sentence of it (`message`), which findingText(en) writes byte for byte as before.
import type { DistributionRule } from './distribution-rules.ts';
import type { Predikat } from './predikat.ts';

export type Finding =
  /** A rule of the pattern, counted: `actual` of `total` (`shareTenths` tenths of a percent) against `limit`. */
  | {
      kind: 'bound';
      rule: string;
      bound: DistributionRule['bound'];
      predikats: readonly Predikat[];
      actual: number;
      total: number;
      shareTenths: number;
      limit: number;
      /** The rule's share in whole percent; absent when the rule is a number of employees. */
      percent?: number;
    }
  /** Nobody rated in the group: every rule is met. */
  | { kind: 'noneRated'; rule: string }
  /** "Sebagian besar": the unit's own category is the largest group (met). */
  | { kind: 'largest'; rule: string; own: Predikat; actual: number; total: number }
  /** "Sebagian besar" not met: `largest` has `limit` people, more than the `actual` of the unit's own. */
  | {
      kind: 'notLargest';
      rule: string;
      own: Predikat;
      largest: Predikat;
      actual: number;
      limit: number;
      total: number;
    };

/** A share in tenths of a percent, rounded half up in integers: 2 of 3 → 667 (66.7%). */
export function shareTenths(part: number, total: number): number {
  return Math.floor((part * 2000 + total) / (2 * total));
}

/** The facts of a pattern rule counted over a group of `total` (more than 0). */
export function boundFinding(
  rule: DistributionRule,
  actual: number,
  limit: number,
  total: number,
): Extract<Finding, { kind: 'bound' }> {
  return {
    kind: 'bound',
    rule: rule.code,
    bound: rule.bound,
    predikats: rule.predikats,
    actual,
    total,
    shareTenths: shareTenths(actual, total),
    limit,
    ...('percent' in rule.limit ? { percent: rule.limit.percent } : {}),
  };
}
