// The rating task pages: the akhir rating (setRating) with the whole evaluation file above its form; a
// period's rating (ratePeriod) with that period's realisation and evidence per RHK, a feedback form per
// RHK and the rating form; and the employee reading the period's result (acknowledgePeriod).
import type { PeriodFile } from '../../../domain/appraisal/evaluation-file.ts';
import type { Rhk } from '../../../domain/appraisal/events.ts';
import { ratingFromCapaian } from '../../../domain/appraisal/skp.ts';
import { qualifierOf } from '../../../domain/ids.ts';
import type { UnitPredikat } from '../../../domain/rating/distribution-rules.ts';
import { ratings } from '../../../domain/rating/predikat.ts';
import type { EvaluationFileRead, PeriodResult } from '../../../record/read/evaluation-file.ts';
import type { Parties } from '../../../record/read/people.ts';
import { commandForm, type FormState, selectField, stateFor, textField } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { taskHead } from './agreement.ts';
import {
  evaluationFileSection,
  fileHead,
  nameOf,
  periodOutcome,
  periodTitle,
  ratingFacts,
  realisationByRhk,
  reportList,
  reportsWithin,
} from './evaluation-file.ts';
import type { InboxTask } from './inbox.ts';
import { partiesCard } from './person-facts.ts';

export interface RatingTaskView {
  task: InboxTask;
  /** Whose appraisal this is. */
  ownerName: string | null;
  /** null when it cannot be read (the page still offers the form). */
  file: EvaluationFileRead | null;
  state: FormState | null;
  now: Date;
  /** Feedback was just saved (the page comes back to rate). */
  saved?: boolean;
  /**
   * A unit leader's: the unit and its capaian for this rating (null: not set yet). Their rating hasil
   * kerja is taken from it, so the form has no choice for it.
   */
  leader?: { unitCode: string; unitName?: string; capaian: UnitPredikat | null } | null;
}

/** The task's period and, once the rating passed on, as whom its holder rates: TW1.superior. */
export function ratingQualifier(taskId: string): { period: string | null; as: 'superior' | 'hr' | null } {
  const parts = (qualifierOf(taskId) ?? '').split('.');
  const as =
    parts.at(-1) === 'superior' || parts.at(-1) === 'hr' ? (parts.at(-1) as 'superior' | 'hr') : null;
  const period = parts[0] && parts[0] !== as ? parts[0] : null;
  return { period, as };
}

const action = (task: InboxTask) => `/app/tasks/${encodeURIComponent(task.taskId)}`;

function ratingFields(t: Translate, state: FormState | null, leader: RatingTaskView['leader']): Html {
  const options = ratings.map((r) => ({ value: r, label: t(`rating.${r}`) }));
  const results = !leader
    ? selectField(t, state, { name: 'results', label: t('field.results'), options })
    : leader.capaian
      ? h`<p><strong>${t('field.results')}</strong></p>${notice(
          'info',
          t('evaluation.leaderResults', {
            unit: leader.unitName ?? leader.unitCode,
            capaian: t(`unitPredikat.${leader.capaian}`),
            rating: t(`rating.${ratingFromCapaian(leader.capaian)}`),
          }),
        )}`
      : h`<p><strong>${t('field.results')}</strong></p>${notice('error', t('evaluation.leaderNoCapaian', { unit: leader.unitName ?? leader.unitCode }))}`;
  return h`${results}
${selectField(t, state, { name: 'behaviour', label: t('field.behaviour'), options })}
${textField(t, state, { name: 'feedback', label: t('field.feedback'), kind: 'textarea' })}`;
}

const escalatedToYou = (t: Translate, as: 'superior' | 'hr' | null) =>
  as ? notice('info', t(`evaluation.escalatedToYou.${as}`)) : '';

/** setRating: the evaluation file, then the akhir rating form. */
export function setRatingBody(t: Translate, view: RatingTaskView): Html {
  const { task, file, state } = view;
  return h`${taskHead(t, task, view.ownerName, view.now)}
${escalatedToYou(t, ratingQualifier(task.taskId).as)}
${file ? evaluationFileSection(t, file, view.leader?.unitName) : notice('error', t('evaluation.unavailable'))}
${commandForm(t, state, {
  action: action(task),
  type: 'setRating',
  submit: t('action.setRating'),
  fields: ratingFields(t, stateFor(state, 'setRating'), view.leader),
})}`;
}

/** One RHK's feedback form: its field is named by the RHK's place, so each form's label and errors are its own. */
function feedbackForm(t: Translate, view: RatingTaskView, period: string, rhk: Rhk, index: number): Html {
  const { state } = view;
  const mine = state?.type === 'givePeriodFeedback' && state.values.rhkId === rhk.id ? state : null;
  return commandForm(t, mine, {
    action: action(view.task),
    type: 'givePeriodFeedback',
    submit: t('action.givePeriodFeedback'),
    secondary: true,
    hidden: { period, rhkId: rhk.id, rhk: String(index) },
    fields: textField(t, mine, {
      name: `rhkFeedback.${index}`,
      label: t('field.rhkFeedback'),
      kind: 'textarea',
    }),
  });
}

/** ratePeriod: the period's realisation with its evidence per RHK, feedback per RHK, then the rating. */
export function ratePeriodBody(t: Translate, view: RatingTaskView): Html {
  const { task, file, state } = view;
  const { period, as } = ratingQualifier(task.taskId);
  const p: PeriodFile | undefined = file?.periods.find((x) => x.period === period);
  return h`${taskHead(t, task, view.ownerName, view.now)}
${view.saved ? notice('ok', t('evaluation.feedbackSaved')) : ''}
${escalatedToYou(t, as)}
${file ? h`<div class="card">${fileHead(t, file)}</div>` : ''}
${
  !file || !p || !period
    ? notice('info', t(file ? 'evaluation.periodNotOpen' : 'evaluation.unavailable'))
    : h`<section class="card" aria-labelledby="period"><h2 id="period">${periodTitle(t, p)}</h2>
<p>${t('evaluation.rateIntro')}</p>
${periodOutcome(t, p)}
${p.realisation ? h`<p class="muted">${t('evaluation.realisationAt', { date: t.dateTime(p.realisation.at) })}</p>` : h`<p>${t('evaluation.noRealisation')}</p>`}
${realisationByRhk(t, p.skp, p.realisation?.realisations ?? [], p.feedback, {
  level: 3,
  ...(p.rating ? {} : { after: (rhk: Rhk, i: number) => feedbackForm(t, view, period, rhk, i) }),
})}
${reportList(t, reportsWithin(file.activityReports, p))}</section>`
}
${
  p?.rating || !period
    ? ''
    : commandForm(t, state, {
        action: action(task),
        type: 'ratePeriod',
        submit: t('action.ratePeriod'),
        hidden: { period },
        fields: ratingFields(t, stateFor(state, 'ratePeriod'), view.leader),
      })
}`;
}

export interface AcknowledgePeriodView {
  task: InboxTask;
  result: PeriodResult | null;
  /** The employee and the rater as the forms give them (number, status, rank, position, unit). */
  parties: Parties | null;
  state: FormState | null;
  now: Date;
}

/** acknowledgePeriod: the period's ratings, predikat and feedback per RHK, then "I have read it". */
export function acknowledgePeriodBody(t: Translate, view: AcknowledgePeriodView): Html {
  const { task, result, state } = view;
  if (!result?.rating)
    return h`${taskHead(t, task, null, view.now)}${notice('info', t('evaluation.periodNotOpen'))}`;
  const { rating } = result;
  return h`${taskHead(t, task, null, view.now)}
${view.parties ? partiesCard(t, view.parties) : ''}
<section class="card" aria-labelledby="period"><h2 id="period">${periodTitle(t, result)}</h2>
<p>${t('evaluation.ackIntro')}</p>
${ratingFacts(t, rating, 'evaluation.predikatPeriodic')}
${result.rhk.map((r) => {
  const notes = result.feedback.filter((f) => f.rhkId === r.id);
  return notes.length === 0
    ? ''
    : h`<h3>${t('evaluation.feedback')}: ${r.description}</h3>${notes.map(
        (n) =>
          h`<blockquote class="feedback">${n.feedback}<br><span class="muted">${t('evaluation.feedbackBy', { name: nameOf(n.by), date: t.dateTime(n.at) })}</span></blockquote>`,
      )}`;
})}</section>
${commandForm(t, state, {
  action: action(task),
  type: 'acknowledgePeriod',
  submit: t('action.acknowledgePeriod'),
  hidden: { period: result.period },
})}`;
}
