// The form to sign a unit's penetapan, the year's (penetapan.ts) or an evaluation period's
// (period-penetapan.ts): conforming or not, with a justification per finding.
import { newFormKey } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';

export function signForm(
  t: Translate,
  p: { cycleId: string; unitCode: string; findings: Array<{ rule: string }>; period?: string },
): Html {
  const conforming = p.findings.length === 0;
  return h`<h3>${t('penetapan.sign')}</h3>
<form method="post" action="/app/penetapan">
<input type="hidden" name="cycle" value="${p.cycleId}"><input type="hidden" name="unit" value="${p.unitCode}">
${p.period === undefined ? '' : h`<input type="hidden" name="period" value="${p.period}">\n`}<input type="hidden" name="_key" value="${newFormKey()}"><input type="hidden" name="conforming" value="${conforming ? 'yes' : 'no'}">
${p.findings.map(
  (
    f,
    i,
  ) => h`<label for="justification-${i}">${t('penetapan.justification', { rule: t(`rule.${f.rule}`) })}</label>
<input type="hidden" name="rule" value="${f.rule}">
<textarea id="justification-${i}" name="justification" required maxlength="2000" rows="3"></textarea>`,
)}
<p class="actions"><button type="submit">${conforming ? t('penetapan.signConforming') : t('penetapan.signNotConforming')}</button></p>
</form>`;
}
