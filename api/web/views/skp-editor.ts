// The SKP editor (proposeIndicators): the supervisor proposes RHK, each with its indicators (description,
// aspect, target) and, when the supervisor has an agreed SKP of their own this cycle, the RHK of theirs it
// is cascaded from. No script: "add" buttons post the form and it comes back with one more empty row,
// keeping everything typed, scrolled to the new row (the next Tab goes into it); empty rows are not sent.
// The Enter key proposes (the form's first submit button).
import type { Rhk } from '../../../domain/appraisal/events.ts';
import { type FormState, newFormKey, selectField, textField } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { indicatorRows, maxIndicators, maxRhk, rhkRows } from '../skp-form.ts';
import { type Agreement, agreementHistory, type HistoryOptions, taskHead } from './agreement.ts';
import type { InboxTask } from './inbox.ts';

const aspects = ['kuantitas', 'kualitas', 'waktu', 'biaya'] as const;

export interface SkpEditorView {
  task: InboxTask;
  ownerName: string | null;
  /** The agreement so far (earlier versions and the employee's comments). */
  agreement: Agreement | null;
  history: HistoryOptions;
  /** The supervisor's own agreed RHK: the cascade's choices (none: no cascade select). */
  parents: readonly Rhk[];
  /** What the form holds: a previous version, the position's standard, or what was typed. */
  state: FormState;
  /** The published version of the position's standard a first SKP starts from; null when none. */
  standardVersion?: number | null;
  now: Date;
}

export function skpEditorBody(t: Translate, view: SkpEditorView): Html {
  const { task, state, agreement } = view;
  const version = (agreement?.versions.length ?? 0) + 1;
  const action = `/app/tasks/${encodeURIComponent(task.taskId)}`;
  const v = state.values;
  const rows = rhkRows(v);
  const hasErrors = Object.keys(state.errors).length > 0;
  const lastComment = agreement?.comments.at(-1);
  return h`${taskHead(t, task, view.ownerName, view.now)}
${lastComment && lastComment.version === version - 1 ? h`<section class="notice info" aria-labelledby="last-comment"><h2 id="last-comment">${t('skp.employeeComment')}</h2><p>${lastComment.comment}</p></section>` : ''}
<form method="post" action="${action}" class="card skp-editor" novalidate aria-labelledby="skp-editor-title">
<h2 id="skp-editor-title">${t('skp.editorTitle', { version })}</h2>
${state.formError ? h`<p class="notice error" role="alert">${state.formError}</p>` : ''}
${hasErrors && !state.formError ? h`<p class="notice error" role="alert">${t('error.heading')}</p>` : ''}
${state.errors.rhk ? h`<p class="field-error" role="alert">${t('skp.tooMany', { max: maxRhk })}</p>` : ''}
<p class="hint">${t('skp.editorHint')}</p>
${view.standardVersion ? h`<p class="notice info">${t('skp.fromStandard', { version: view.standardVersion })}</p>` : ''}
<input type="hidden" name="type" value="proposeIndicators">
<input type="hidden" name="_key" value="${v._key ?? newFormKey()}">
<button type="submit" class="sr-only" tabindex="-1" aria-hidden="true">${t('skp.propose', { version })}</button>
${rows.map((i, n) => rhkFieldset(t, view, i, n))}
<div class="actions">
<button type="submit" name="_add" value="rhk" class="secondary" formnovalidate formaction="${action}#rhk-${(rows.at(-1) ?? -1) + 1}"${rows.length >= maxRhk ? ' disabled' : ''}>${t('skp.addRhk')}</button>
<button type="submit">${t('skp.propose', { version })}</button>
</div>
</form>
${
  agreement && agreement.versions.length > 0
    ? h`<section aria-labelledby="skp-history"><h2 id="skp-history">${t('skp.history')}</h2>${agreementHistory(t, agreement, view.history)}</section>`
    : ''
}`;
}

function rhkFieldset(t: Translate, view: SkpEditorView, i: number, n: number): Html {
  const { state, parents } = view;
  const v = state.values;
  const p = `rhk.${i}`;
  const inds = indicatorRows(v, i);
  const countError = state.errors[`${p}.indicators`];
  return h`<fieldset class="rhk" id="rhk-${i}"><legend>${t('skp.rhkNumber', { n: n + 1 })}</legend>
${v[`${p}.id`] ? h`<input type="hidden" name="${p}.id" value="${v[`${p}.id`]}">` : ''}
${selectField(t, withDefault(state, `${p}.kind`, 'utama'), {
  name: `${p}.kind`,
  label: t('skp.kind'),
  options: [
    { value: 'utama', label: t('appraisal.rhk.utama') },
    { value: 'tambahan', label: t('appraisal.rhk.tambahan') },
  ],
})}
${textField(t, state, { name: `${p}.description`, label: t('skp.rhk'), kind: 'textarea', hint: t('skp.rhkHint') })}
${
  parents.length > 0
    ? selectField(t, state, {
        name: `${p}.parentRhkId`,
        label: t('skp.parent'),
        options: parents.map((r) => ({
          value: r.id,
          label: `${t(`appraisal.rhk.${r.kind}`)}: ${r.description}`,
        })),
      })
    : ''
}
${countError ? h`<p class="field-error" role="alert">${t('skp.tooManyIndicators', { max: maxIndicators })}</p>` : ''}
${inds.map((j, m) => indicatorFieldset(t, state, i, j, n, m))}
<div class="actions"><button type="submit" name="_add" value="ind.${i}" class="secondary" formnovalidate formaction="/app/tasks/${encodeURIComponent(view.task.taskId)}#rhk-${i}-ind-${(inds.at(-1) ?? -1) + 1}"${inds.length >= maxIndicators ? ' disabled' : ''}>${t('skp.addIndicator', { n: n + 1 })}</button></div>
</fieldset>`;
}

function indicatorFieldset(t: Translate, state: FormState, i: number, j: number, n: number, m: number): Html {
  const p = `rhk.${i}.indicators.${j}`;
  const id = state.values[`${p}.id`];
  return h`<fieldset class="iki" id="rhk-${i}-ind-${j}"><legend>${t('skp.indicatorNumber', { n: `${n + 1}.${m + 1}` })}</legend>
${id ? h`<input type="hidden" name="${p}.id" value="${id}">` : ''}
${textField(t, state, { name: `${p}.description`, label: t('skp.indicator') })}
${selectField(t, state, {
  name: `${p}.aspect`,
  label: t('indicator.aspect'),
  options: aspects.map((a) => ({ value: a, label: t(`aspect.${a}`) })),
})}
${textField(t, state, { name: `${p}.target`, label: t('indicator.target'), hint: t('skp.targetHint') })}
</fieldset>`;
}

/** A select shows the default when the form holds nothing for it yet. */
const withDefault = (state: FormState, name: string, value: string): FormState =>
  state.values[name] ? state : { ...state, values: { ...state.values, [name]: value } };
