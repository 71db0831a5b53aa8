// The employee's periodic evaluations on their own appraisal page, from the API's read of them
// (record/read/my-evaluations.ts): period by period the realisation with its evidence and the rater's
// feedback per RHK, the ratings and predikat periodik with who rated (and why, when it was not the rater),
// whether they have read it (with the task to do so), and the periods still to come; and who set the akhir
// rating once it is released.
import type { MyEvaluations, MyPeriod } from '../../../record/read/my-evaluations.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { documentLinks } from './documents.ts';
import {
  escalations,
  nameOf,
  periodTitle,
  ratedBecause,
  ratingFacts,
  realisationByRhk,
} from './evaluation-file.ts';

/** Every period of my appraisal: the opened ones with their outcome, then those still to come. */
export function myPeriodsSection(t: Translate, e: MyEvaluations): Html {
  return h`<section aria-labelledby="periods"><h2 id="periods">${t('myEvaluation.title')}</h2>
<p>${t('myEvaluation.intro')}</p>
${documentLinks(
  t,
  e.appraisalId,
  e.periods.filter((p) => p.rating).map((p) => p.period),
  false,
)}
${e.periods.map((p) => periodCard(t, p))}
${e.upcoming.map(
  (
    u,
  ) => h`<section class="card" aria-labelledby="period-${u.period}"><h3 id="period-${u.period}">${t(`periodName.${u.period}`)}</h3>
<p class="muted">${t('myEvaluation.upcoming', { opens: t.dateTime(u.opens), deadline: t.dateTime(u.deadline) })}</p></section>`,
)}
${e.periods.length === 0 && e.upcoming.length === 0 ? h`<p>${t('evaluation.noPeriods')}</p>` : ''}</section>`;
}

function periodCard(t: Translate, p: MyPeriod): Html {
  const id = `period-${p.period}`;
  return h`<section class="card" aria-labelledby="${id}" data-period="${p.period}"><h3 id="${id}">${periodTitle(t, p)}</h3>
${escalations(t, p.escalations)}
${p.missed?.rating ? notice('error', t('evaluation.missedRating')) : ''}
${p.missed?.realisation ? notice('error', t('myEvaluation.missedRealisation')) : ''}
${p.rating ? ratingFacts(t, p.rating, 'evaluation.predikatPeriodic') : h`<p>${t('evaluation.notRated')} ${t('evaluation.deadline', { date: t.dateTime(p.deadline) })}</p>`}
${acknowledgement(t, p)}
${p.realisation ? h`<p class="muted">${t('myEvaluation.realisationAt', { date: t.dateTime(p.realisation.at) })}</p>` : h`<p>${t('myEvaluation.noRealisation')}</p>`}
${realisationByRhk(t, p.skp, p.realisation?.realisations ?? [], p.feedback, { level: 4 })}</section>`;
}

/** Read and acknowledged, or not yet (with the task that does it, while it is open). */
function acknowledgement(t: Translate, p: MyPeriod): Html {
  if (p.acknowledgedAt)
    return h`<p class="ok-text">${t('myEvaluation.acknowledgedAt', { date: t.dateTime(p.acknowledgedAt) })}</p>`;
  if (!p.rating) return h``;
  return h`<p>${t('myEvaluation.notAcknowledged')}${
    p.acknowledgeTaskId
      ? h` <a href="/app/tasks/${encodeURIComponent(p.acknowledgeTaskId)}">${t('myEvaluation.acknowledge')}</a>`
      : ''
  }</p>`;
}

/** Who set the released akhir rating, and why when it was not the rater. */
export function akhirRatedBy(t: Translate, e: MyEvaluations | null): Html {
  const rating = e?.akhir.rating;
  if (!rating) return h``;
  return h`<p class="muted">${t('evaluation.ratedBy', { name: nameOf(rating.by), as: t(`evaluation.as.${rating.as}`), date: t.dateTime(rating.at) })}</p>
${ratedBecause(t, rating.as)}`;
}
