// The rules of one distribution pattern with each one's outcome for a unit's counts: met, or broken with
// the counts. Nothing is marked met when nobody is counted (an empty unit meets every rule vacuously).
import type { DistributionCheck } from '../../../domain/rating/distribution.ts';
import { distributionRules, type UnitPredikat } from '../../../domain/rating/distribution-rules.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';

export function ruleChecklist(
  t: Translate,
  unitPredikat: UnitPredikat,
  check: DistributionCheck | null,
): Html {
  const broken = new Map(check && !check.ok ? check.violations.map((v) => [v.rule, v]) : []);
  return h`<ul class="rules">${distributionRules[unitPredikat].map((r) => {
    const v = broken.get(r.code);
    const outcome = v
      ? h`<span class="bad-text">✗ ${t('hr.ruleBroken', { actual: v.actual, total: v.total, limit: v.limit })}</span>`
      : check
        ? h`<span class="ok-text">✓ ${t('hr.ruleOk')}</span>`
        : '';
    return h`<li data-rule="${r.code}">${t(`rule.${r.code}`)} ${outcome}</li>`;
  })}</ul>`;
}
