// The keberatan pages: the superior's case (the employee's reasons, the rating objected to with the
// rater's feedback, the explanations asked and answered, the evaluation file) with the forms to ask for an
// explanation and to decide; the page of whoever is asked to explain; and HR's pembinaan. Every time is
// the organisation's wall clock with its zone (t.dateTime).
import type { AppraisalState, ObjectionExplanation } from '../../../domain/appraisal/state.ts';
import { ratings } from '../../../domain/rating/predikat.ts';
import { endOfLocalDayAfter } from '../../../domain/time/fixed-offsets.ts';
import type { EvaluationFileRead } from '../../../record/read/evaluation-file.ts';
import { commandForm, type FormState, radioGroup, selectField, stateFor, textField } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { taskHead } from './agreement.ts';
import { evaluationFileSection } from './evaluation-file.ts';
import type { InboxTask } from './inbox.ts';

export interface ObjectionTaskView {
  task: InboxTask;
  ownerName: string | null;
  /** The appraisal (the task's holder may read it); null when it cannot be read. */
  appraisal: AppraisalState | null;
  /** The evaluation file, for the superior deciding (null: not shown or not readable). */
  file: EvaluationFileRead | null;
  state: FormState | null;
  now: Date;
}

const action = (task: InboxTask) => `/app/tasks/${encodeURIComponent(task.taskId)}`;

/** The objection's reasons and the rating objected to, with the rater's feedback. */
function theCase(t: Translate, s: AppraisalState): Html {
  const o = s.objection;
  const r = s.rating;
  return h`<section class="card" aria-labelledby="objection-case"><h2 id="objection-case">${t('objection.case')}</h2>
${
  o
    ? h`<p class="muted">${t('objection.filedAt', { date: t.dateTime(o.filedAt) })}</p>
<h3>${t('objection.reasons')}</h3><blockquote>${o.reasons ?? ''}</blockquote>`
    : ''
}
${
  r
    ? h`<h3>${t('objection.contested')}</h3><dl class="facts"><dt>${t('appraisal.predikat')}</dt><dd><strong>${t(`predikat.${r.predikat}`)}</strong></dd>
<dt>${t('field.results')}</dt><dd>${t(`rating.${r.results}`)}</dd>
<dt>${t('field.behaviour')}</dt><dd>${t(`rating.${r.behaviour}`)}</dd>
<dt>${t('objection.raterFeedback')}</dt><dd>${r.feedback}</dd></dl>`
    : ''
}</section>`;
}

function explanationItem(t: Translate, e: ObjectionExplanation): Html {
  const outcome = e.answeredAt
    ? h`<p>${t('objection.answered', { date: t.dateTime(e.answeredAt) })}</p><blockquote>${e.explanation ?? ''}</blockquote>`
    : e.missed
      ? h`<p>${t('objection.missed')}</p>`
      : h`<p class="muted">${t('objection.waiting')}</p>`;
  return h`<li><strong>${t(`objection.from.${e.from}`)}</strong> · ${t('objection.dueAt', { date: t.dateTime(e.dueAt) })}
<p>${t('objection.question', { question: e.question })}</p>${outcome}</li>`;
}

function explanations(t: Translate, s: AppraisalState): Html {
  const asked = s.objection?.explanations ?? [];
  return h`<section class="card" aria-labelledby="explanations"><h2 id="explanations">${t('objection.explanations')}</h2>
${asked.length ? h`<ul class="plain">${asked.map((e) => explanationItem(t, e))}</ul>` : h`<p>${t('objection.noExplanations')}</p>`}</section>`;
}

/** The days an explanation may take: each ends 23:59:59 local time, no later than the decision is due. */
function dayOptions(t: Translate, now: Date, decideBy: string | null) {
  return Array.from({ length: 14 }, (_, i) => i + 1).flatMap((days) => {
    const due = endOfLocalDayAfter(now.toISOString(), days, t.timeZone);
    if (!due || (decideBy && due > decideBy)) return [];
    return [{ value: String(days), label: t('objection.daysOption', { days, date: t.dateTime(due) }) }];
  });
}

function askForm(t: Translate, view: ObjectionTaskView, s: AppraisalState): Html {
  const asked = new Set((s.objection?.explanations ?? []).map((e) => e.from));
  const from = (['rater', 'employee'] as const).filter((f) => !asked.has(f));
  const days = dayOptions(t, view.now, view.task.dueAt);
  if (from.length === 0 || days.length === 0) return h``;
  const st = stateFor(view.state, 'askExplanation');
  return h`<h2>${t('objection.ask')}</h2><p>${t('objection.askIntro')}</p>
${commandForm(t, view.state, {
  action: action(view.task),
  type: 'askExplanation',
  submit: t('objection.askSubmit'),
  secondary: true,
  fields: h`${radioGroup(t, st, {
    name: 'from',
    legend: t('objection.askFrom'),
    options: from.map((f) => ({ value: f, label: t(`objection.from.${f}`) })),
  })}
${textField(t, st, { name: 'question', label: t('objection.askQuestion'), kind: 'textarea' })}
${selectField(t, st, { name: 'days', label: t('objection.askDays'), options: days })}`,
})}`;
}

function decideForm(t: Translate, view: ObjectionTaskView, s: AppraisalState): Html {
  const st = stateFor(view.state, 'decideObjection');
  const options = ratings.map((r) => ({ value: r, label: t(`rating.${r}`) }));
  const decisions = ['upheld', 'changed'].map((d) => ({ value: d, label: t(`decision.${d}`) }));
  const delegate = s.participants.superiorNip === null;
  return h`<h2>${t('objection.decide')}</h2><p>${t('objection.decideIntro')}</p>
${delegate ? notice('info', t('objection.delegate')) : ''}
${commandForm(t, view.state, {
  action: action(view.task),
  type: 'decideObjection',
  submit: t('action.decideObjection'),
  fields: h`${radioGroup(t, st, { name: 'decision', legend: t('field.decision'), options: decisions })}
${selectField(t, st, { name: 'results', label: t('field.results'), options, optional: true })}
${selectField(t, st, { name: 'behaviour', label: t('field.behaviour'), options, optional: true })}
${textField(t, st, { name: 'reason', label: t('objection.reasonField'), kind: 'textarea' })}
${delegate ? textField(t, st, { name: 'letterRef', label: t('objection.letterRef') }) : ''}`,
})}`;
}

/** decideObjection: the case in front of the superior, then asking and deciding. */
export function decideObjectionBody(t: Translate, view: ObjectionTaskView): Html {
  const s = view.appraisal;
  const head = taskHead(t, view.task, view.ownerName, view.now);
  if (!s) return h`${head}${notice('error', t('evaluation.unavailable'))}`;
  return h`${head}
${view.task.dueAt ? h`<p>${t('objection.decideBy', { date: t.dateTime(view.task.dueAt) })}</p>` : ''}
${theCase(t, s)}
${explanations(t, s)}
${askForm(t, view, s)}
${decideForm(t, view, s)}
${view.file ? evaluationFileSection(t, view.file) : ''}`;
}

/** explainObjection: the question, what it is about, and the answer's form. */
export function explainObjectionBody(t: Translate, view: ObjectionTaskView): Html {
  const s = view.appraisal;
  const mine = s?.objection?.explanations?.find((e) => view.task.taskId.endsWith(`:${e.from}`));
  return h`${taskHead(t, view.task, view.ownerName, view.now)}
${s ? theCase(t, s) : ''}
${mine ? h`<section class="card"><h2>${t('objection.yourQuestion')}</h2><blockquote>${mine.question}</blockquote></section>` : ''}
${commandForm(t, view.state, {
  action: action(view.task),
  type: 'explainObjection',
  submit: t('objection.explainSubmit'),
  fields: textField(t, stateFor(view.state, 'explainObjection'), {
    name: 'explanation',
    label: t('objection.explanation'),
    kind: 'textarea',
  }),
})}`;
}

/** The outcome of an objection on the employee's own page: the decision and its written reasons. */
export function objectionOutcome(t: Translate, o: NonNullable<AppraisalState['objection']>): Html {
  if (!o.decidedAt || !o.decision) return h``;
  return h`<div class="card"><h3>${t('objection.decision')}</h3>
<p>${t('appraisal.objectionDecided', { date: t.dateTime(o.decidedAt), decision: t(`decision.${o.decision}`) })}</p>
${o.decisionReason ? h`<p>${t('objection.decisionReason', { reason: o.decisionReason })}</p>` : ''}
${o.delegate ? h`<p class="muted">${t('objection.decisionLetter', { letter: o.delegate.letterRef })}</p>` : ''}</div>`;
}
