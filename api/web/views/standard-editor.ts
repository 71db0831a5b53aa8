// The fields of a position's standard, for the draft, a proposal and HR's changed answer: the duties one a
// line, then each default RHK with its indicators (description, aspect, target), as the SKP editor lays
// them out. No script: "add" buttons post the form and it comes back with one more empty row.
import { standardChanges } from '../../../domain/standards/changes.ts';
import type { Standard } from '../../../domain/standards/payloads.ts';
import { type FormState, selectField, textField } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { indicatorRows, maxIndicators, maxRhk, rhkRows } from '../skp-form.ts';
import { indicatorTable } from './agreement.ts';
import { type MeasureChoice, measureField } from './measure-field.ts';

const aspects = ['kuantitas', 'kualitas', 'waktu', 'biaya'] as const;

/** The editor's fields inside a form posting to `action` (its add buttons post there too). */
export function standardFields(
  t: Translate,
  state: FormState,
  action: string,
  measures?: readonly MeasureChoice[],
): Html {
  const v = state.values;
  const rows = rhkRows(v);
  return h`${textField(t, state, { name: 'duties', label: t('standards.dutiesField'), kind: 'textarea', hint: t('standards.dutiesHint') })}
${rows.map((i, n) => {
  const inds = indicatorRows(v, i);
  return h`<fieldset class="rhk" id="rhk-${i}"><legend>${t('skp.rhkNumber', { n: n + 1 })}</legend>
${v[`rhk.${i}.id`] ? h`<input type="hidden" name="rhk.${i}.id" value="${v[`rhk.${i}.id`]}">` : ''}
${selectField(
  t,
  state.values[`rhk.${i}.kind`] ? state : { ...state, values: { ...v, [`rhk.${i}.kind`]: 'utama' } },
  {
    name: `rhk.${i}.kind`,
    label: t('skp.kind'),
    options: [
      { value: 'utama', label: t('appraisal.rhk.utama') },
      { value: 'tambahan', label: t('appraisal.rhk.tambahan') },
    ],
  },
)}
${textField(t, state, { name: `rhk.${i}.description`, label: t('skp.rhk'), kind: 'textarea', optional: true })}
${inds.map((j, m) => {
  const p = `rhk.${i}.indicators.${j}`;
  return h`<fieldset class="iki"><legend>${t('skp.indicatorNumber', { n: `${n + 1}.${m + 1}` })}</legend>
${v[`${p}.id`] ? h`<input type="hidden" name="${p}.id" value="${v[`${p}.id`]}">` : ''}
${textField(t, state, { name: `${p}.description`, label: t('skp.indicator'), optional: true })}
${selectField(t, state, { name: `${p}.aspect`, label: t('indicator.aspect'), options: aspects.map((a) => ({ value: a, label: t(`aspect.${a}`) })), optional: true })}
${textField(t, state, { name: `${p}.target`, label: t('indicator.target'), optional: true })}
${measureField(t, state, `${p}.measureCode`, measures)}
</fieldset>`;
})}
<div class="actions"><button type="submit" name="_add" value="ind.${i}" class="secondary" formnovalidate formaction="${action}"${inds.length >= maxIndicators ? ' disabled' : ''}>${t('skp.addIndicator', { n: n + 1 })}</button></div>
</fieldset>`;
})}
<div class="actions"><button type="submit" name="_add" value="rhk" class="secondary" formnovalidate formaction="${action}"${rows.length >= maxRhk ? ' disabled' : ''}>${t('skp.addRhk')}</button></div>`;
}

/** A standard to read: its duties, and each default RHK with its indicators. */
export function standardView(t: Translate, standard: Standard): Html {
  return h`<h3>${t('standards.duties')}</h3>
${standard.duties.length ? h`<ul>${standard.duties.map((d) => h`<li>${d}</li>`)}</ul>` : h`<p>${t('standards.none')}</p>`}
<h3>${t('standards.defaultRhk')}</h3>
${
  standard.rhk.length
    ? standard.rhk.map(
        (r) =>
          h`<p><span class="badge">${t(`appraisal.rhk.${r.kind}`)}</span> ${r.description}</p>${indicatorTable(t, r.indicators)}`,
      )
    : h`<p>${t('standards.none')}</p>`
}`;
}

/** What a proposal changes against the draft, one line each: what HR decides on. */
export function changeList(t: Translate, draft: Standard, proposal: Standard): Html {
  const changes = standardChanges(draft, proposal);
  const value = (field: string, v: string) => (field === 'aspect' ? t(`aspect.${v}`) : v);
  return h`<h3 class="sr-only">${t('standards.changesTitle')}</h3><p class="hint">${t('standards.changesTitle')}</p>
${
  changes.length === 0
    ? h`<p>${t('standards.noChanges')}</p>`
    : h`<ul class="changes">${changes.map((c) =>
        c.kind === 'indicatorChanged'
          ? h`<li>${t('standards.change.indicatorChanged', { text: c.text, field: t(`indicator.${c.field}`), from: value(c.field, c.from), to: value(c.field, c.to) })}</li>`
          : h`<li>${t(`standards.change.${c.kind}`, c)}</li>`,
      )}</ul>`
}`;
}
