// My appraisal, from the API's employee view: steps, SKP versions, the periodic evaluations (or the
// check-ins of a cycle without periods), activity reports, reviews (colleagues only as an aggregate), the
// predikat once released with who set it, and the objection form in its window.

import { quarters, steps } from '../../../domain/appraisal/types.ts';
import { webReportId } from '../../../domain/ids.ts';
import { berakhlakValues } from '../../../domain/review/berakhlak.ts';
import { localIsoDate } from '../../../domain/time/local-text.ts';
import type { EmployeeView } from '../../../record/read/appraisal.ts';
import type { MyEvaluations } from '../../../record/read/my-evaluations.ts';
import type { Parties } from '../../../record/read/people.ts';
import { commandForm, type FormState, newFormKey, stateFor, textField } from '../forms.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { agreementHistory, openReviewTask } from './agreement.ts';
import { akhirRatedBy, myPeriodsSection } from './my-evaluations.ts';
import { objectionOutcome } from './objection.ts';
import { partiesCard } from './person-facts.ts';

export type MyAppraisal = EmployeeView;

export interface AppraisalView {
  appraisal: MyAppraisal | null;
  now: Date;
  state: FormState | null;
  done?: boolean;
  /** The supervisor's RHK the SKP's RHK are cascaded from, by id → description. */
  skpParents?: ReadonlyMap<string, string> | null;
  /** My periodic evaluations and who set the akhir rating (the API's read of them). */
  evaluations?: MyEvaluations | null;
  /** The name of the unit the employee leads (a unit leader's rating hasil kerja is its capaian). */
  ledUnitName?: string | null;
  /** Me and my rater as the SKP heads us (number, employment status, pangkat/golongan). */
  parties?: Parties;
}

export function appraisalBody(t: Translate, view: AppraisalView): Html {
  const a = view.appraisal;
  if (!a) return notice('info', t('appraisal.none'));
  return h`${view.done ? notice('ok', t('flash.done')) : ''}
<p class="muted">${t('appraisal.cycle', { cycle: a.cycleId })}</p>
${view.parties ? partiesCard(t, view.parties) : ''}
${a.step === 'cancelled' ? notice('info', t('appraisal.cancelled')) : ''}
<section aria-labelledby="steps"><h2 id="steps">${t('appraisal.steps')}</h2>${stepList(t, a)}
${a.deadline ? h`<p>${t('appraisal.deadline', { date: t.dateTime(a.deadline) })}</p>` : ''}</section>
<section aria-labelledby="result"><h2 id="result">${t('appraisal.result')}</h2>${result(t, view)}</section>
<section aria-labelledby="standards"><h2 id="standards">${t('appraisal.standards')}</h2>
<p>${a.socialisation.acknowledgedAt ? t('appraisal.acknowledgedAt', { date: t.dateTime(a.socialisation.acknowledgedAt) }) : t('appraisal.notAcknowledged')}</p>${lateAcknowledgement(t, view)}</section>
<section aria-labelledby="skp"><h2 id="skp">${t('appraisal.skp')}</h2>${skp(t, a, view.skpParents ?? undefined, view.ledUnitName ?? undefined)}</section>
${
  view.evaluations?.periodKind
    ? myPeriodsSection(t, view.evaluations)
    : h`<section aria-labelledby="checkins"><h2 id="checkins">${t('appraisal.checkIns')}</h2>${checkIns(t, a)}</section>`
}
<section aria-labelledby="reviews"><h2 id="reviews">${t('appraisal.reviews')}</h2>${reviews(t, a)}</section>
<section aria-labelledby="reports"><h2 id="reports">${t('appraisal.activityReports')}</h2>
<p>${t('appraisal.activityCount', { count: a.activityReports })}</p>${reportForm(t, view)}</section>`;
}

function stepList(t: Translate, a: MyAppraisal): Html {
  const shown = steps.filter((s) => s !== 'cancelled');
  const at = shown.indexOf(a.step as (typeof shown)[number]);
  return h`<ol class="steps">${shown.map((s, i) => {
    const current = s === a.step;
    return h`<li class="${i < at ? 'done' : ''}"${raw(current ? ' aria-current="step"' : '')}>${t(`step.${s}`)}${current ? h`<span class="sr-only"> (${t('appraisal.current')})</span>` : ''}</li>`;
  })}</ol>`;
}

function skp(
  t: Translate,
  a: MyAppraisal,
  parents?: ReadonlyMap<string, string>,
  ledUnitName?: string,
): Html {
  // Every version, its comments and the signatures of the current one (views/agreement.ts). With an SKP
  // form the employee may draft (or redraft) it while it is not agreed.
  const draft = a.skp !== null && a.step === 'agreement' && a.agreement.agreedVersion === null;
  const led = a.skp?.ledUnitCode;
  return h`${led ? h`<p>${t('skp.leaderMine', { unit: ledUnitName ?? led })}</p>` : ''}
${agreementHistory(t, a.agreement, {
  reviewTaskId: openReviewTask(a),
  setting: a.skp,
  ...(parents ? { parents } : {}),
})}
${draft ? h`<p><a class="button secondary-link" href="/app/appraisal/skp">${t('skp.draftMine')}</a></p>` : ''}`;
}

function checkIns(t: Translate, a: MyAppraisal): Html {
  return h`<ul>${quarters.map((q) => {
    const c = a.checkIns[q];
    const parts = !c
      ? [t('checkIn.pending')]
      : [
          c.submittedAt ? t('checkIn.submitted', { date: t.date(c.submittedAt) }) : '',
          c.feedbackAt ? t('checkIn.feedback', { date: t.date(c.feedbackAt) }) : '',
          c.missed ? t('checkIn.missed') : '',
        ].filter(Boolean);
    return h`<li><strong>${t(`quarter.${q}`)}</strong>: ${parts.join('; ') || t('checkIn.pending')}${
      c?.feedback ? h`<blockquote class="feedback">${c.feedback}</blockquote>` : ''
    }</li>`;
  })}</ul>`;
}

function reviews(t: Translate, a: MyAppraisal): Html {
  const status = (done: boolean) => (done ? t('status.done') : t('status.notYet'));
  const agg = a.review.colleagues;
  return h`<dl class="facts"><dt>${t('appraisal.selfReview')}</dt><dd>${status(a.review.selfSubmitted)}</dd>
<dt>${t('appraisal.supervisorReview')}</dt><dd>${status(a.review.supervisorSubmitted)}</dd></dl>
${
  agg
    ? h`<h3>${t('appraisal.colleagues', { count: agg.reviewCount })}</h3>
<div class="scroll"><table><thead><tr><th>${t('appraisal.value')}</th><th class="num">${t('appraisal.average')}</th><th class="num">${t('appraisal.reviewers')}</th></tr></thead>
<tbody>${berakhlakValues.map((v) => {
        const s = agg.values[v];
        return h`<tr><td>${t(`berakhlak.${v}`)}</td><td class="num">${s.average === null ? '–' : t.number(s.average, 1)}</td><td class="num">${s.count}</td></tr>`;
      })}</tbody></table></div>`
    : h`<p class="muted">${t('appraisal.colleaguesHidden')}</p>`
}`;
}

function result(t: Translate, view: AppraisalView): Html {
  const a = view.appraisal!;
  const out: Html[] = [];
  if (!a.rating || !a.release) out.push(h`<p>${t('appraisal.notReleased')}</p>`);
  else {
    out.push(h`<div class="card"><p>${t('appraisal.predikat')}</p><p class="predikat">${t(`predikat.${a.rating.predikat}`)}</p>
<dl class="facts"><dt>${t('field.results')}</dt><dd>${t(`rating.${a.rating.results}`)}</dd>
<dt>${t('field.behaviour')}</dt><dd>${t(`rating.${a.rating.behaviour}`)}</dd>
<dt>${t('field.feedback')}</dt><dd>${a.rating.feedback}</dd></dl>
${akhirRatedBy(t, view.evaluations ?? null)}
<p class="muted">${t('appraisal.releasedAt', { date: t.dateTime(a.release.at) })}</p></div>`);
    if (a.objection) {
      out.push(
        a.objection.decidedAt && a.objection.decision
          ? objectionOutcome(t, a.objection)
          : h`<p>${t('appraisal.objectionFiled', { date: t.dateTime(a.objection.filedAt) })}</p>`,
      );
    } else if (canObject(a, view.now))
      out.push(objectionForm(t, view.state, '/app/appraisal', a.release.objectionDeadline));
  }
  if (a.referral) {
    const r = a.referral;
    out.push(h`<h3>${t('appraisal.referral')}</h3><p>${r.programme ? t('appraisal.referralProgramme', { programme: r.programme }) : t('appraisal.referralPending')}
${r.completedAt ? t('appraisal.referralDone', { date: t.date(r.completedAt) }) : ''}</p>`);
  }
  if (a.recognised) out.push(notice('ok', t('appraisal.recognised')));
  return h`${out}`;
}

/** The objection window: the result is released, nobody objected yet and the 14 days have not passed. */
export function canObject(a: MyAppraisal, now: Date): boolean {
  return (
    a.step === 'feedback' &&
    !!a.release &&
    !a.objection &&
    now.getTime() <= Date.parse(a.release.objectionDeadline)
  );
}

export function objectionForm(t: Translate, state: FormState | null, action: string, deadline: string): Html {
  return h`<h3>${t('appraisal.objection')}</h3><p>${t('appraisal.objectionIntro')} ${t('appraisal.objectionUntil', { date: t.dateTime(deadline) })}</p>
${commandForm(t, state, {
  action,
  type: 'fileObjection',
  submit: t('action.fileObjection'),
  secondary: true,
  fields: textField(t, stateFor(state, 'fileObjection'), {
    name: 'reasons',
    label: t('field.reasons'),
    kind: 'textarea',
  }),
})}`;
}

/**
 * Not acknowledged yet, whether or not its window has passed: the acknowledgement is still recorded, and
 * closes the supervisor's escalation task too (no dead end for a missed socialisation).
 */
function lateAcknowledgement(t: Translate, view: AppraisalView): Html | '' {
  const a = view.appraisal;
  if (!a || a.socialisation.acknowledgedAt || a.step === 'cancelled' || a.step === 'completed') return '';
  return h`<p class="muted">${t('appraisal.lateAcknowledgeHint')}</p>${commandForm(t, view.state, {
    action: '/app/appraisal',
    type: 'acknowledgeStandards',
    submit: t('action.acknowledgeStandards'),
    hidden: {},
    fields: h``,
  })}`;
}

function reportForm(t: Translate, view: AppraisalView): Html {
  const state = stateFor(view.state, 'addActivityReport');
  const today = localIsoDate(view.now, t.timeZone);
  return h`<h3>${t('appraisal.addReport')}</h3>${commandForm(t, view.state, {
    action: '/app/appraisal',
    type: 'addActivityReport',
    submit: t('action.addActivityReport'),
    hidden: { reportId: state?.values.reportId ?? webReportId(newFormKey().slice(0, 18)) },
    fields: h`${textField(t, state, { name: 'date', label: t('field.date'), kind: 'date', value: today })}
${textField(t, state, { name: 'description', label: t('field.description'), kind: 'textarea' })}`,
  })}`;
}
