// Forms → commands. Each form posts plain fields; they become an AppraisalCommand that the same zod
// schema the API uses validates. Issues come back keyed by field name, so each error shows next to its
// field, and the page is re-rendered with what the person typed.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { appraisalCommandSchema } from '../../domain/appraisal/commands.ts';
import { berakhlakValues } from '../../domain/review/berakhlak.ts';
import { type Html, h, raw } from './html.ts';
import type { Translate } from './i18n/index.ts';

export type Values = Record<string, string>;

export interface FormState {
  /** The command type whose form was sent. */
  type: string;
  values: Values;
  /** Field name → catalogue key of the message. */
  errors: Record<string, string>;
  /** A refusal of the whole action (a problem code's message), already translated. */
  formError?: string;
}

type Command = z.infer<typeof appraisalCommandSchema>;

const list = (v: Values, prefix: string) =>
  [...new Set(Object.keys(v).flatMap((k) => k.match(new RegExp(`^${prefix}\\.(\\d+)\\.`))?.[1] ?? []))]
    .map(Number)
    .sort((a, b) => a - b);

/**
 * A number as people type it: a decimal comma (2,5) or point (2.5), thousands grouped with points
 * (2.400) or, before a decimal comma, either way (1.234,5); NaN for anything else, which the schema
 * refuses. An empty field is NaN too: a form that has the field requires it.
 */
export function decimalOf(text: string): number {
  let s = text.trim().replace(/\s/g, '');
  if (s.includes(',') && s.includes('.')) {
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    s = s.replaceAll(decimal === ',' ? '.' : ',', '').replace(',', '.');
  } else if (s.includes(',')) s = s.replace(',', '.');
  else if (/^[1-9]\d{0,2}(\.\d{3})+$/.test(s)) s = s.replaceAll('.', '');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/**
 * The realisation fields of a check-in or a period (realisations.N.value in words, or .amount as a
 * number in the kuantitatif approach; .evidenceUrl, .evidence): each sent as the form has it.
 */
const realisations = (v: Values) =>
  list(v, 'realisations').map((i) => {
    const note = v[`realisations.${i}.evidence`]?.trim();
    const url = v[`realisations.${i}.evidenceUrl`]?.trim();
    const value = v[`realisations.${i}.value`];
    const amount = v[`realisations.${i}.amount`];
    return {
      indicatorId: v[`realisations.${i}.indicatorId`] ?? '',
      ...(amount === undefined ? { value: value ?? '' } : { amount: decimalOf(amount) }),
      ...(amount !== undefined && value?.trim() ? { value } : {}),
      evidence: note || url ? [{ ...(url ? { url } : {}), ...(note ? { note } : {}) }] : [],
    };
  });

const builders: Record<string, (v: Values) => unknown> = {
  acknowledgeStandards: (v) =>
    v['standard.version']
      ? {
          standard: {
            positionCode: v['standard.positionCode'] ?? '',
            version: Number(v['standard.version']),
          },
        }
      : {},
  signAgreement: (v) => ({ version: Number(v.version) }),
  commentIndicators: (v) => ({ version: Number(v.version), comment: v.comment ?? '' }),
  submitCheckIn: (v) => ({ quarter: v.quarter, realisations: realisations(v) }),
  recordRealisation: (v) => ({ period: v.period, realisations: realisations(v) }),
  giveCheckInFeedback: (v) => ({ quarter: v.quarter, feedback: v.feedback ?? '' }),
  // Picked by name (checkGroup's boxes, peerNips.0 ...); a list in one field still reads as before.
  assignPeers: (v) => ({
    peerNips: [
      ...(v.peerNips ?? '').split(/[\s,;]+/),
      ...Object.keys(v)
        .filter((k) => /^peerNips\.\d+$/.test(k))
        .map((k) => v[k] ?? ''),
    ].filter(Boolean),
  }),
  submitReview: (v) => ({
    scores: Object.fromEntries(
      berakhlakValues.filter((k) => v[`scores.${k}`]).map((k) => [k, Number(v[`scores.${k}`])]),
    ),
    comment: v.comment ?? '',
  }),
  // A unit leader's rating form has no results: the unit's capaian is their rating hasil kerja.
  setRating: (v) => ({
    ...(v.results !== undefined ? { results: v.results } : {}),
    behaviour: v.behaviour,
    feedback: v.feedback ?? '',
  }),
  ratePeriod: (v) => ({
    period: v.period,
    ...(v.results !== undefined ? { results: v.results } : {}),
    behaviour: v.behaviour,
    feedback: v.feedback ?? '',
  }),
  givePeriodFeedback: (v) => ({
    period: v.period,
    rhkId: v.rhkId ?? '',
    feedback: v[`rhkFeedback.${v.rhk}`] ?? '',
  }),
  acknowledgePeriod: (v) => ({ period: v.period }),
  acknowledgeFeedback: () => ({}),
  fileObjection: (v) => ({ reasons: v.reasons ?? '' }),
  decideObjection: (v) => ({
    decision: v.decision,
    ...(v.results ? { results: v.results } : {}),
    ...(v.behaviour ? { behaviour: v.behaviour } : {}),
    reason: v.reason ?? '',
    ...(v.letterRef?.trim() ? { letterRef: v.letterRef } : {}),
  }),
  askExplanation: (v) => ({ from: v.from, question: v.question ?? '', days: Number(v.days) }),
  explainObjection: (v) => ({ explanation: v.explanation ?? '' }),
  recordGuidance: (v) => ({ note: v.note ?? '' }),
  assignTraining: (v) => ({ programme: v.programme ?? '' }),
  completeTraining: (v) => ({ note: v.note ?? '' }),
  addActivityReport: (v) => ({ reportId: v.reportId, date: v.date, description: v.description ?? '' }),
};

/**
 * Where a form types a command's field under another name: the period page has a feedback form per RHK,
 * each naming its text by the RHK's place (`rhkFeedback.0`), so each label and error is its own.
 */
const fieldNames: Record<string, (path: string, v: Values) => string> = {
  givePeriodFeedback: (path, v) => (path === 'feedback' ? `rhkFeedback.${v.rhk}` : path),
};

/** Validates a form as a command. */
export function parseCommand(
  type: string,
  values: Values,
): { ok: true; command: Command } | { ok: false; errors: Record<string, string> } {
  const build = builders[type];
  if (!build) return { ok: false, errors: { type: 'error.invalid' } };
  const result = appraisalCommandSchema.safeParse({ type, ...(build(values) as object) });
  if (result.success) return { ok: true, command: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    // A list typed in one field (peer NIPs) reports on that field, not on an item of it.
    const path = (fieldNames[type] ?? ((p: string) => p))(issue.path.join('.'), values)
      .replace(/^peerNips\.\d+$/, 'peerNips')
      // A check-in's evidence link and note are two fields of the one item each indicator sends.
      .replace(/^(realisations\.\d+)\.evidence\.\d+\.url$/, '$1.evidenceUrl')
      .replace(/^(realisations\.\d+)\.evidence\.\d+\.note$/, '$1.evidence');
    errors[path] ??= messageKey(issue, values[path]);
  }
  return { ok: false, errors };
}

function messageKey(issue: z.core.$ZodIssue, typed: string | undefined): string {
  if (typed !== undefined && typed.trim() === '') return 'error.required';
  if (issue.code === 'custom') return 'error.scores';
  if (issue.code === 'too_big') return issue.origin === 'string' ? 'error.tooLong' : 'error.count';
  if (issue.code === 'too_small') return issue.origin === 'string' ? 'error.required' : 'error.count';
  if (issue.code === 'invalid_format' && issue.path[0] === 'peerNips') return 'error.nip';
  if (issue.code === 'invalid_format' && issue.format === 'url') return 'error.url';
  return 'error.invalid';
}

/** The state of one form on a page with several: only the form that was sent shows its errors. */
export const stateFor = (state: FormState | null, type: string) => (state?.type === type ? state : null);

/** A fresh Idempotency-Key per rendered form: a double submit acts once. */
export const newFormKey = () => randomUUID();

// ---- field rendering: every control has a label; errors are tied to it with aria-describedby ----

const idOf = (name: string) => `f-${name.replace(/[^\w-]/g, '-')}`;

function described(name: string, hint: string | undefined, error: string | undefined) {
  const ids = [hint ? `${idOf(name)}-hint` : '', error ? `${idOf(name)}-error` : ''].filter(Boolean);
  return raw(
    `${ids.length ? ` aria-describedby="${ids.join(' ')}"` : ''}${error ? ' aria-invalid="true" autofocus' : ''}`,
  );
}

function messages(t: Translate, name: string, hint?: string, errorKey?: string): Html {
  return h`${hint ? h`<p class="hint" id="${idOf(name)}-hint">${hint}</p>` : ''}${
    errorKey ? h`<p class="field-error" id="${idOf(name)}-error">${t(errorKey)}</p>` : ''
  }`;
}

export function textField(
  t: Translate,
  state: FormState | null,
  f: {
    name: string;
    label: string;
    kind?: 'text' | 'textarea' | 'date' | 'datetime-local';
    hint?: string;
    value?: string;
    optional?: boolean;
    /** What an empty field stands for (a default), shown greyed in it. */
    placeholder?: string;
  },
): Html {
  const error = state?.errors[f.name];
  const value = state?.values[f.name] ?? f.value ?? '';
  const placeholder = f.placeholder === undefined ? '' : h` placeholder="${f.placeholder}"`;
  const attrs = h`id="${idOf(f.name)}" name="${f.name}"${raw(f.optional ? '' : ' required')}${placeholder}${described(f.name, f.hint, error)}`;
  const control =
    f.kind === 'textarea'
      ? h`<textarea ${attrs}>${value}</textarea>`
      : h`<input type="${f.kind ?? 'text'}" ${attrs} value="${value}">`;
  return h`<label for="${idOf(f.name)}">${f.label}${f.optional ? h` <span class="muted">${t('field.optional')}</span>` : ''}</label>
${messages(t, f.name, f.hint, error)}${control}`;
}

export function selectField(
  t: Translate,
  state: FormState | null,
  f: { name: string; label: string; options: Array<{ value: string; label: string }>; optional?: boolean },
): Html {
  const error = state?.errors[f.name];
  const chosen = state?.values[f.name] ?? '';
  return h`<label for="${idOf(f.name)}">${f.label}${f.optional ? h` <span class="muted">${t('field.optional')}</span>` : ''}</label>
${messages(t, f.name, undefined, error)}
<select id="${idOf(f.name)}" name="${f.name}"${raw(f.optional ? '' : ' required')}${described(f.name, undefined, error)}>
<option value="">${t('field.choose')}</option>
${f.options.map((o) => h`<option value="${o.value}"${raw(o.value === chosen ? ' selected' : '')}>${o.label}</option>`)}
</select>`;
}

export function radioGroup(
  t: Translate,
  state: FormState | null,
  f: {
    name: string;
    legend: string;
    /** `spoken`: extra words for screen readers only, where the visible label is terse (a score). */
    options: Array<{ value: string; label: string; spoken?: string }>;
    hint?: string;
    compact?: boolean;
  },
): Html {
  const error = state?.errors[f.name];
  const chosen = state?.values[f.name] ?? '';
  return h`<fieldset${described(f.name, f.hint, error)}><legend>${f.legend}</legend>
${messages(t, f.name, f.hint, error)}
<div class="checks${f.compact ? ' compact' : ''}">${f.options.map(
    (o) =>
      h`<label><input type="radio" name="${f.name}" value="${o.value}"${raw(o.value === chosen ? ' checked' : '')}> ${o.label}${o.spoken ? h`<span class="sr-only"> · ${o.spoken}</span>` : ''}</label>`,
  )}</div></fieldset>`;
}

/** Several of a list to pick (the people a search by name found): each box its own field, `name.0` .... */
export function checkGroup(
  t: Translate,
  state: FormState | null,
  f: { name: string; legend: string; options: Array<{ value: string; label: string }>; hint?: string },
): Html {
  const error = state?.errors[f.name];
  const prefix = `${f.name}.`;
  const chosen = new Set(
    Object.entries(state?.values ?? {})
      .filter(([k]) => k.startsWith(prefix))
      .map(([, v]) => v),
  );
  return h`<fieldset${described(f.name, f.hint, error)}><legend>${f.legend}</legend>
${messages(t, f.name, f.hint, error)}
<div class="checks">${f.options.map(
    (o, i) =>
      h`<label><input type="checkbox" name="${prefix}${String(i)}" value="${o.value}"${raw(chosen.has(o.value) ? ' checked' : '')}> ${o.label}</label>`,
  )}</div></fieldset>`;
}

/** A form that posts one command type; `fields` are its controls, `submit` the button's text. */
export function commandForm(
  t: Translate,
  state: FormState | null,
  f: {
    action: string;
    type: string;
    submit: string;
    fields?: Html;
    hidden?: Values;
    secondary?: boolean;
    /** A form with a file input. */
    multipart?: boolean;
  },
): Html {
  const mine = stateFor(state, f.type);
  const hidden = { ...f.hidden, type: f.type, _key: mine?.values._key ?? newFormKey() };
  return h`<form method="post" action="${f.action}"${raw(f.multipart ? ' enctype="multipart/form-data"' : '')} class="card">
${mine?.formError ? h`<p class="notice error" role="alert">${mine.formError}</p>` : ''}
${mine && Object.keys(mine.errors).length > 0 && !mine.formError ? h`<p class="notice error" role="alert">${t('error.heading')}</p>` : ''}
${Object.entries(hidden).map(([name, value]) => h`<input type="hidden" name="${name}" value="${value}">`)}
${f.fields ?? ''}
<div class="actions"><button type="submit"${raw(f.secondary ? ' class="secondary"' : '')}>${f.submit}</button></div>
</form>`;
}
