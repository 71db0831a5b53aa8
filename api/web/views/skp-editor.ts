// The SKP editor (proposeIndicators): RHK, each with its indicators, as the SKP's form and approach have
// them. The JPT form groups RHK as utama, instruksi khusus pimpinan and tambahan, each with a perspektif;
// the JA/JF form has RHK utama and tambahan, each naming the supervisor's RHK it supports when the
// supervisor has an agreed SKP, with an aspect per indicator. Kualitatif targets are words; kuantitatif
// ones a number and its satuan. Then the perilaku kerja (the rater writes the ekspektasi khusus pimpinan;
// the employee sees them) and the lampiran SKP. Either party drafts: the supervisor on the task, the
// employee from "my appraisal". No script: "add" buttons post the form and it comes back with one more
// empty row, keeping everything typed, scrolled to the new row (the next Tab goes into it); empty rows
// are not sent. The Enter key proposes (the form's first submit button).

import type { Rhk } from '../../../domain/appraisal/events.ts';
import { lampiranParts, perspektifs, type SkpSetting } from '../../../domain/appraisal/skp.ts';
import { berakhlakValues } from '../../../domain/review/berakhlak.ts';
import { type FormState, newFormKey, selectField, textField } from '../forms.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { indicatorRows, maxIndicators, maxRhk, rhkRows } from '../skp-form.ts';
import { type Agreement, agreementHistory, type HistoryOptions, taskHead } from './agreement.ts';
import type { InboxTask } from './inbox.ts';
import { type MeasureChoice, measureField } from './measure-field.ts';
import { settingLine } from './skp-parts.ts';

const aspects = ['kuantitas', 'kualitas', 'waktu', 'biaya'] as const;

export interface SkpEditorView {
  /** The task it answers; none when the employee drafts from "my appraisal". */
  task: InboxTask | null;
  ownerName: string | null;
  /** The agreement so far (earlier versions and the comments on them). */
  agreement: Agreement | null;
  history: HistoryOptions;
  /** The supervisor's own agreed RHK: the cascade's choices (none: no cascade select). */
  parents: readonly Rhk[];
  /** What the form holds: a previous version, the position's standard, or what was typed. */
  state: FormState;
  /** The published version of the position's standard a first SKP starts from; null when none. */
  standardVersion?: number | null;
  /** The position whose default indicators (master data) a first SKP starts from; null when none. */
  defaultsOf?: string | null;
  now: Date;
  /** The SKP's form and approach (null: the one shape of old) and who edits. */
  setting?: SkpSetting | null;
  role?: 'employee' | 'supervisor';
  /** Where the form posts (the task's page by default). */
  action?: string;
  /** The organisation's measures an indicator may be bound to. */
  measures?: readonly MeasureChoice[];
}

const postTo = (view: SkpEditorView) =>
  view.action ?? (view.task ? `/app/tasks/${encodeURIComponent(view.task.taskId)}` : '/app/appraisal/skp');

export function skpEditorBody(t: Translate, view: SkpEditorView): Html {
  const { task, state, agreement } = view;
  const setting = view.setting ?? null;
  const version = (agreement?.versions.length ?? 0) + 1;
  const action = postTo(view);
  const v = state.values;
  const rows = rhkRows(v);
  const hasErrors = Object.keys(state.errors).length > 0;
  const lastComment = agreement?.comments.at(-1);
  // A comment is the other party's: the employee's on the supervisor's draft, or the reverse.
  const commentBy = view.role === 'employee' ? 'skp.supervisorComment' : 'skp.employeeComment';
  const hints = setting
    ? [t(`skp.hint.${setting.form}`), t(`skp.hint.${setting.approach}`)].join(' ')
    : t('skp.editorHint');
  return h`${task ? taskHead(t, task, view.ownerName, view.now, view.history.parties) : h`<p><a href="/app/appraisal">← ${t('nav.appraisal')}</a></p><p>${t('skp.draftIntro')}</p>`}
${lastComment && lastComment.version === version - 1 ? h`<section class="notice info" aria-labelledby="last-comment"><h2 id="last-comment">${t(commentBy)}</h2><p>${lastComment.comment}</p></section>` : ''}
<form method="post" action="${action}" class="card skp-editor" novalidate aria-labelledby="skp-editor-title">
<h2 id="skp-editor-title">${t('skp.editorTitle', { version })}</h2>
${settingLine(t, setting)}
${state.formError ? h`<p class="notice error" role="alert">${state.formError}</p>` : ''}
${hasErrors && !state.formError ? h`<p class="notice error" role="alert">${t('error.heading')}</p>` : ''}
${state.errors.rhk ? h`<p class="field-error" role="alert">${t('skp.tooMany', { max: maxRhk })}</p>` : ''}
<p class="hint">${hints}</p>
${view.standardVersion ? h`<p class="notice info">${t('skp.fromStandard', { version: view.standardVersion })}</p>` : ''}
${view.defaultsOf ? h`<p class="notice info" id="from-position">${t('skp.fromPosition', { position: view.defaultsOf })}</p>` : ''}
<input type="hidden" name="type" value="proposeIndicators">
<input type="hidden" name="_key" value="${v._key ?? newFormKey()}">
<button type="submit" class="sr-only" tabindex="-1" aria-hidden="true">${t('skp.propose', { version })}</button>
${rows.map((i, n) => rhkFieldset(t, view, i, n))}
<div class="actions">
<button type="submit" name="_add" value="rhk" class="secondary" formnovalidate formaction="${action}#rhk-${(rows.at(-1) ?? -1) + 1}"${rows.length >= maxRhk ? ' disabled' : ''}>${t('skp.addRhk')}</button>
</div>
${setting ? h`${perilakuFields(t, view)}${lampiranFields(t, state)}` : ''}
<div class="actions"><button type="submit">${t('skp.propose', { version })}</button></div>
</form>
${
  agreement && agreement.versions.length > 0
    ? h`<section aria-labelledby="skp-history"><h2 id="skp-history">${t('skp.history')}</h2>${agreementHistory(t, agreement, view.history)}</section>`
    : ''
}`;
}

function rhkFieldset(t: Translate, view: SkpEditorView, i: number, n: number): Html {
  const { state, parents } = view;
  const setting = view.setting ?? null;
  const jpt = setting?.form === 'jpt';
  const v = state.values;
  const p = `rhk.${i}`;
  const inds = indicatorRows(v, i);
  const countError = state.errors[`${p}.indicators`];
  const kinds = jpt ? ['utama', 'instruksiKhusus', 'tambahan'] : ['utama', 'tambahan'];
  return h`<fieldset class="rhk" id="rhk-${i}"><legend>${t('skp.rhkNumber', { n: n + 1 })}</legend>
${v[`${p}.id`] ? h`<input type="hidden" name="${p}.id" value="${v[`${p}.id`]}">` : ''}
${selectField(t, withDefault(state, `${p}.kind`, 'utama'), {
  name: `${p}.kind`,
  label: t('skp.kind'),
  options: kinds.map((k) => ({ value: k, label: t(`appraisal.rhk.${k}`) })),
})}
${textField(t, state, { name: `${p}.description`, label: t('skp.rhk'), kind: 'textarea', hint: t('skp.rhkHint') })}
${
  jpt
    ? selectField(t, state, {
        name: `${p}.perspektif`,
        label: t('skp.perspektif'),
        options: perspektifs.map((x) => ({ value: x, label: t(`perspektif.${x}`) })),
      })
    : ''
}
${
  parents.length > 0
    ? selectField(t, state, {
        name: `${p}.parentRhkId`,
        label: t('skp.parent'),
        options: parents.map((r) => ({
          value: r.id,
          label: `${t(`appraisal.rhk.${r.kind}`)}: ${r.description}`,
        })),
        // In the JPT form naming one is a choice; in the JA/JF form an RHK utama must (the domain's rule).
        ...(jpt ? { optional: true } : {}),
      })
    : ''
}
${countError ? h`<p class="field-error" role="alert">${t('skp.tooManyIndicators', { max: maxIndicators })}</p>` : ''}
${inds.map((j, m) => indicatorFieldset(t, state, setting, i, j, n, m, view.measures))}
<div class="actions"><button type="submit" name="_add" value="ind.${i}" class="secondary" formnovalidate formaction="${postTo(view)}#rhk-${i}-ind-${(inds.at(-1) ?? -1) + 1}"${inds.length >= maxIndicators ? ' disabled' : ''}>${t('skp.addIndicator', { n: n + 1 })}</button></div>
</fieldset>`;
}

function indicatorFieldset(
  t: Translate,
  state: FormState,
  setting: SkpSetting | null,
  i: number,
  j: number,
  n: number,
  m: number,
  measures: readonly MeasureChoice[] | undefined,
): Html {
  const p = `rhk.${i}.indicators.${j}`;
  const id = state.values[`${p}.id`];
  const kuantitatif = setting?.approach === 'kuantitatif';
  const lower = state.values[`${p}.lowerIsBetter`];
  return h`<fieldset class="iki" id="rhk-${i}-ind-${j}"><legend>${t('skp.indicatorNumber', { n: `${n + 1}.${m + 1}` })}</legend>
${id ? h`<input type="hidden" name="${p}.id" value="${id}">` : ''}
${measureField(t, state, `${p}.measureCode`, measures)}
${textField(t, state, { name: `${p}.description`, label: t('skp.indicator') })}
${
  setting?.form === 'jpt'
    ? ''
    : selectField(t, state, {
        name: `${p}.aspect`,
        label: t('indicator.aspect'),
        options: aspects.map((a) => ({ value: a, label: t(`aspect.${a}`) })),
      })
}
${
  kuantitatif
    ? h`<div class="pair">${numberField(t, state, `${p}.targetValue`)}
${textField(t, state, { name: `${p}.satuan`, label: t('skp.satuan'), hint: t('skp.satuanHint') })}</div>
<label class="check"><input type="checkbox" name="${p}.lowerIsBetter" value="on"${raw(lower ? ' checked' : '')}> ${t('skp.lowerIsBetter')}</label>`
    : textField(t, state, { name: `${p}.target`, label: t('indicator.target'), hint: t('skp.targetHint') })
}
</fieldset>`;
}

/** A number typed on a phone's number pad (a decimal comma or point), checked when sent. */
function numberField(t: Translate, state: FormState, name: string): Html {
  const field = textField(t, state, { name, label: t('skp.targetValue'), hint: t('skp.targetValueHint') });
  return raw(field.toString().replace('<input type="text"', '<input type="text" inputmode="decimal"'));
}

/** The seven values with their guidance; the rater writes an ekspektasi for any of them. */
function perilakuFields(t: Translate, view: SkpEditorView): Html {
  const { state } = view;
  const rater = view.role !== 'employee';
  return h`<fieldset class="perilaku"><legend>${t('skp.perilaku')}</legend>
<p class="hint">${t('skp.perilakuHint')}${rater ? '' : ` ${t('skp.ekspektasiByRater')}`}</p>
${berakhlakValues.map((value) => {
  const name = `ekspektasi.${value}`;
  const written = state.values[name]?.trim();
  const guide = h`<span class="muted">${t(`berakhlakGuide.${value}`)}</span>`;
  // On a phone the seven values stay folded: each opens to its guidance and the rater's field, and is
  // open already when something is written there (or wrong).
  if (rater)
    return h`<details class="value"${raw(written || state.errors[name] ? ' open' : '')}><summary>${t(`berakhlak.${value}`)}${written ? h` · <span class="muted">${t('skp.ekspektasi')}</span>` : ''}</summary>
<p>${guide}</p>
${textField(t, state, {
  name,
  label: t('skp.ekspektasiFor', { value: t(`berakhlak.${value}`) }),
  kind: 'textarea',
  optional: true,
})}</details>`;
  return h`<div class="value"><p><strong>${t(`berakhlak.${value}`)}</strong><br>${guide}</p>
<p>${written ? h`<strong>${t('skp.ekspektasi')}:</strong> ${written}` : h`<span class="muted">${t('skp.ekspektasiNone')}</span>`}</p></div>`;
})}
</fieldset>`;
}

function lampiranFields(t: Translate, state: FormState): Html {
  return h`<fieldset class="lampiran"><legend>${t('skp.lampiran')}</legend>
${lampiranParts.map((part) =>
  textField(t, state, {
    name: `lampiran.${part}`,
    label: t(`lampiran.${part}`),
    kind: 'textarea',
    optional: true,
    hint: t('skp.lampiranHint'),
  }),
)}
</fieldset>`;
}

/** A select shows the default when the form holds nothing for it yet. */
const withDefault = (state: FormState, name: string, value: string): FormState =>
  state.values[name] ? state : { ...state, values: { ...state.values, [name]: value } };
