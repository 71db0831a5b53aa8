// The evaluation file as the rater reads it above the akhir rating form: who is appraised and by whom, the
// agreed SKP, then period by period the realisation per RHK with its evidence links, the feedback per RHK,
// the ratings and predikat periodik with who rated and any escalation or miss, the period's activity
// reports; the quarterly check-ins of an appraisal of the older shape; the BerAKHLAK aggregates; where the
// akhir rating stands. Parts of it make the period rating page too (views/period.ts).
import type {
  Escalation,
  EvaluationFile,
  PeriodFile,
  PersonRef,
  RatingRecord,
  Realisation,
} from '../../../domain/appraisal/evaluation-file.ts';
import type { Rhk } from '../../../domain/appraisal/events.ts';
import { berakhlakValues } from '../../../domain/review/berakhlak.ts';
import type { EvaluationFileRead } from '../../../record/read/evaluation-file.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { indicatorTable } from './agreement.ts';
import { link } from './check-in.ts';
import { documentLinks } from './documents.ts';
import { evidenceFileLink } from './evidence-link.ts';
import { personWithEmployment } from './person-facts.ts';
import {
  type IndicatorLike,
  lampiranSection,
  perilakuSection,
  realisationText,
  settingLine,
  targetText,
} from './skp-parts.ts';

/** A person by name (the NIP when the organisation no longer lists them). */
export const nameOf = (p: PersonRef) => p.name ?? p.nip;

const personLine = (t: Translate, p: EvaluationFileRead['rater']) =>
  p ? personWithEmployment(t, p) : t('evaluation.nobody');

const heading = (level: number, text: string, id?: string) =>
  h`${raw(`<h${level}${id ? ` id="${id}"` : ''}>`)}${text}${raw(`</h${level}>`)}`;

/** Whose appraisal, and who rates it, with their number, employment status and rank. */
export function fileHead(t: Translate, file: EvaluationFileRead): Html {
  return h`<dl class="facts"><dt>${t('evaluation.employee')}</dt><dd>${personLine(t, file.employee)}</dd>
<dt>${t('evaluation.rater')}</dt><dd>${personLine(t, file.rater)}</dd>
<dt>${t('evaluation.superior')}</dt><dd>${personLine(t, file.superior)}</dd></dl>`;
}

/** A year a mutasi or promotion divided: each SKP period with its post, rater, days and periods. */
function skpPeriodsCard(t: Translate, file: EvaluationFileRead): Html | string {
  if (!file.skpPeriods) return '';
  return h`<section class="card" aria-labelledby="skp-periods"><h3 id="skp-periods">${t('evaluation.skpPeriods')}</h3>
<p>${t('evaluation.skpPeriodsIntro')}</p>
<ol id="skp-period-list">${file.skpPeriods.map(
    (p) =>
      h`<li>${t('evaluation.skpPeriod', {
        number: p.skpPeriod,
        began: t(`evaluation.skpBegan.${p.began}`),
        position: p.positionCode,
        unit: p.unitCode,
        rater: p.rater ? `${p.rater.name ?? p.rater.nip} (${p.rater.nip})` : t('changes.hr'),
        from: p.from ? t.date(p.from) : t('evaluation.yearStart'),
        until: p.until ? t.date(p.until) : t('evaluation.skpNow'),
        version: p.agreedVersion ?? '–',
        periods: p.periods.map((id) => t(`periodName.${id}`)).join(', ') || t('evaluation.none'),
      })}</li>`,
  )}</ol></section>`;
}

/** The period's days and name, e.g. "Triwulan I (1 Jan 2027 s.d. 31 Mar 2027)". */
export const periodTitle = (t: Translate, p: { period: string; firstDay: string; lastDay: string }) =>
  `${t(`periodName.${p.period}`)} (${t('evaluation.days', { from: t.date(p.firstDay), to: t.date(p.lastDay) })})`;

function evidenceList(e: Realisation['evidence']): Html {
  if (e.length === 0) return h`–`;
  return h`<ul class="evidence">${e.map((x) => h`<li class="wrap">${x.file ? evidenceFileLink(x.file) : ''}${x.url ? link(x.url) : ''}${(x.url || x.file) && x.note ? h`<br>` : ''}${x.note ?? ''}</li>`)}</ul>`;
}

/**
 * Each indicator as a small card rather than a table row, so the evidence stays readable on a phone: the
 * target as the approach writes it, the realisation (a number with its achievement, or words).
 */
function realisationList(
  t: Translate,
  rows: Array<{ description: string; indicator: IndicatorLike | undefined; r: Realisation | undefined }>,
): Html {
  return h`<ul class="indicators">${rows.map(
    ({ description, indicator, r }) => h`<li><strong>${description}</strong>
<dl class="facts"><dt>${t('indicator.target')}</dt><dd>${indicator ? targetText(t, indicator) : '–'}</dd>
<dt>${t('field.realisation')}</dt><dd>${realisationText(t, indicator, r)}</dd>
<dt>${t('checkIn.evidence')}</dt><dd>${r ? evidenceList(r.evidence) : '–'}</dd></dl></li>`,
  )}</ul>`;
}

export interface ByRhkOptions {
  level: number;
  /** After each RHK's feedback: the rater's feedback form on the period page. */
  after?: (rhk: Rhk, index: number) => Html;
}

/**
 * A realisation read against the agreed SKP, RHK by RHK: each indicator's target, realisation and evidence,
 * then the feedback on that RHK. Realisations of indicators the SKP does not have come last.
 */
export function realisationByRhk(
  t: Translate,
  skp: EvaluationFile['skp'],
  realisations: Realisation[],
  /** null where feedback is not per RHK (a quarterly check-in's). */
  feedback: PeriodFile['feedback'] | null,
  o: ByRhkOptions,
): Html {
  const byIndicator = new Map(realisations.map((r) => [r.indicatorId, r]));
  const rhk = skp?.rhk ?? [];
  const known = new Set(rhk.flatMap((r) => r.indicators.map((i) => i.id)));
  const others = realisations.filter((r) => !known.has(r.indicatorId));
  return h`${rhk.map((r, i) => {
    const notes = feedback?.filter((f) => f.rhkId === r.id) ?? [];
    return h`<section class="rhk">${heading(o.level, `${t(`appraisal.rhk.${r.kind}`)}: ${r.description}`)}
${realisationList(
  t,
  r.indicators.map((ind) => ({
    description: ind.description,
    indicator: ind,
    r: byIndicator.get(ind.id),
  })),
)}
${feedback ? heading(o.level + 1, t('evaluation.feedback')) : ''}
${
  !feedback
    ? ''
    : notes.length === 0
      ? h`<p class="muted">${t('evaluation.noFeedback')}</p>`
      : notes.map(
          (n) =>
            h`<blockquote class="feedback">${n.feedback}<br><span class="muted">${t('evaluation.feedbackBy', { name: nameOf(n.by), date: t.dateTime(n.at) })}</span></blockquote>`,
        )
}
${o.after ? o.after(r, i) : ''}</section>`;
  })}
${
  others.length > 0
    ? h`${heading(o.level, t('evaluation.notInSkp'))}${realisationList(
        t,
        others.map((r) => ({ description: r.indicatorId, indicator: undefined, r })),
      )}`
    : ''
}`;
}

/** The two ratings, the predikat, the note, and who set them (and why, when it was not the rater). */
export function ratingFacts(t: Translate, rating: RatingRecord, predikatKey: string): Html {
  return h`<dl class="facts"><dt>${t(predikatKey)}</dt><dd><strong>${t(`predikat.${rating.predikat}`)}</strong></dd>
<dt>${t('field.results')}</dt><dd>${t(`rating.${rating.results}`)}${rating.capaian ? ` (${t('evaluation.fromCapaian', { capaian: t(`unitPredikat.${rating.capaian}`) })})` : ''}</dd>
<dt>${t('field.behaviour')}</dt><dd>${t(`rating.${rating.behaviour}`)}</dd>
<dt>${t('evaluation.ratingNote')}</dt><dd>${rating.feedback}</dd></dl>
<p class="muted">${t('evaluation.ratedBy', { name: nameOf(rating.by), as: t(`evaluation.as.${rating.as}`), date: t.dateTime(rating.at) })}</p>
${ratedBecause(t, rating.as)}`;
}

/** Why someone other than the rater set a rating: the rater's deadline passed (and the superior's). */
export const ratedBecause = (t: Translate, as: RatingRecord['as']): Html =>
  as === 'rater' ? h`` : h`<p>${t(`evaluation.because.${as}`)}</p>`;

export function escalations(t: Translate, list: Escalation[]): Html {
  return h`${list.map((e) =>
    notice(
      'info',
      e.to === 'superior'
        ? t('evaluation.escalatedSuperior', {
            name: e.assignee ? nameOf(e.assignee) : t('evaluation.nobody'),
            date: t.dateTime(e.at),
            deadline: t.dateTime(e.deadline),
          })
        : t('evaluation.escalatedHr', { date: t.dateTime(e.at), deadline: t.dateTime(e.deadline) }),
    ),
  )}`;
}

/** What a period's evaluation came to: its rating, escalations, misses and the employee's reading. */
export function periodOutcome(t: Translate, p: PeriodFile): Html {
  return h`${escalations(t, p.escalations)}
${p.missed?.rating ? notice('error', t('evaluation.missedRating')) : ''}
${p.missed?.realisation ? notice('error', t('evaluation.missedRealisation')) : ''}
${p.rating ? ratingFacts(t, p.rating, 'evaluation.predikatPeriodic') : h`<p>${t('evaluation.notRated')} ${t('evaluation.deadline', { date: t.dateTime(p.deadline) })}</p>`}
${p.acknowledgedAt ? h`<p class="muted">${t('evaluation.acknowledged', { date: t.dateTime(p.acknowledgedAt) })}</p>` : ''}`;
}

type Report = EvaluationFile['activityReports'][number];

/** The activity reports dated within a period (or a quarter). */
export const reportsWithin = (reports: Report[], p: { firstDay: string; lastDay: string }) =>
  reports.filter((r) => r.date >= p.firstDay && r.date <= p.lastDay);

export function reportList(t: Translate, reports: Report[], key = 'evaluation.reports'): Html {
  if (reports.length === 0) return h``;
  return h`<details><summary>${t(key, { count: reports.length })}</summary>
<ul>${reports.map((r) => h`<li><span class="when">${t.date(r.date)}</span>: ${r.description}</li>`)}</ul></details>`;
}

function periodSection(t: Translate, file: EvaluationFile, p: PeriodFile): Html {
  const id = `period-${p.period}`;
  return h`<section class="card" aria-labelledby="${id}">${heading(3, periodTitle(t, p), id)}
${periodOutcome(t, p)}
${
  p.realisation
    ? h`<p class="muted">${t('evaluation.realisationAt', { date: t.dateTime(p.realisation.at) })}</p>
${realisationByRhk(t, p.skp, p.realisation.realisations, p.feedback, { level: 4 })}`
    : h`<p>${t('evaluation.noRealisation')}</p>`
}
${reportList(t, reportsWithin(file.activityReports, p))}</section>`;
}

function checkInSection(t: Translate, file: EvaluationFile, c: EvaluationFile['checkIns'][number]): Html {
  const id = `check-in-${c.quarter}`;
  return h`<section class="card" aria-labelledby="${id}">${heading(3, `${t(`quarter.${c.quarter}`)} (${t('evaluation.days', { from: t.date(c.firstDay), to: t.date(c.lastDay) })})`, id)}
${c.missed ? notice('error', t('checkIn.missed')) : ''}
${
  c.submitted
    ? h`<p class="muted">${t('evaluation.checkInAt', { date: t.dateTime(c.submitted.at) })}</p>
${realisationByRhk(t, file.skp, c.submitted.realisations, null, { level: 4 })}`
    : h`<p>${t('checkIn.notSubmitted')}</p>`
}
${c.feedback ? h`<blockquote class="feedback">${c.feedback.feedback}<br><span class="muted">${t('evaluation.feedbackBy', { name: nameOf(c.feedback.by), date: t.dateTime(c.feedback.at) })}</span></blockquote>` : ''}
${reportList(t, reportsWithin(file.activityReports, c))}</section>`;
}

function reviewSection(t: Translate, review: EvaluationFile['review']): Html {
  const cols = [
    { label: t('evaluation.col.self'), agg: review.self },
    { label: t('evaluation.col.supervisor'), agg: review.supervisor },
    { label: t('evaluation.col.colleagues', { count: review.colleagueCount }), agg: review.colleagues },
  ];
  const cell = (agg: (typeof cols)[number]['agg'], v: (typeof berakhlakValues)[number]) => {
    const avg = agg?.values[v].average;
    return avg === null || avg === undefined ? '–' : t.number(avg, 1);
  };
  return h`<p class="muted">${t('evaluation.reviewScale')}</p>
<div class="scroll"><table><thead><tr><th>${t('appraisal.value')}</th>${cols.map((c) => h`<th class="num">${c.label}</th>`)}</tr></thead>
<tbody>${berakhlakValues.map((v) => h`<tr><td>${t(`berakhlak.${v}`)}</td>${cols.map((c) => h`<td class="num">${cell(c.agg, v)}</td>`)}</tr>`)}</tbody></table></div>
${review.colleagues ? '' : h`<p class="muted">${t('evaluation.colleaguesHidden', { count: review.colleagueCount })}</p>`}
${review.missed > 0 ? h`<p class="muted">${t('evaluation.reviewsMissed', { count: review.missed })}</p>` : ''}`;
}

/** The agreed SKP as its form writes it: groups, perspektif, targets, perilaku kerja, lampiran. */
function skpSection(t: Translate, file: EvaluationFile, ledUnitName?: string): Html {
  const { skp, setting } = file;
  const unit = ledUnitName ?? setting?.ledUnitCode;
  const leader = unit ? h`<p>${t('skp.leader', { unit })}</p>` : '';
  if (!skp) return h`${settingLine(t, setting)}${leader}<p>${t('evaluation.noSkp')}</p>`;
  return h`${settingLine(t, setting)}${leader}
${skp.rhk.map(
  (r) => h`<h4>${t(`appraisal.rhk.${r.kind}`)}: ${r.description}</h4>
${r.perspektif ? h`<p class="muted">${t('skp.perspektif')}: ${t(`perspektif.${r.perspektif}`)}</p>` : ''}
${indicatorTable(t, r.indicators)}`,
)}
${setting ? h`${perilakuSection(t, skp.ekspektasi)}${lampiranSection(t, skp.lampiran)}` : ''}`;
}

/** The whole file, as a section of a page whose h1 is the task's. */
/** The whole file; `ledUnitName` names the unit a leader leads (its code otherwise). */
export function evaluationFileSection(t: Translate, file: EvaluationFileRead, ledUnitName?: string): Html {
  const covered = [...file.periods, ...file.checkIns];
  const outside = file.activityReports.filter((r) => !covered.some((p) => reportsWithin([r], p).length > 0));
  return h`<section aria-labelledby="evaluation-file"><h2 id="evaluation-file">${t('evaluation.title')}</h2>
<p>${t('evaluation.intro')}</p>
<div class="card">${fileHead(t, file)}</div>
${skpPeriodsCard(t, file)}
${documentLinks(
  t,
  file.appraisalId,
  file.periods.filter((p) => p.rating).map((p) => p.period),
  !!file.akhir.rating,
)}
<section class="card" aria-labelledby="skp"><h3 id="skp">${file.skp ? t('evaluation.skp', { version: file.skp.version }) : t('appraisal.skp')}</h3>
${skpSection(t, file, ledUnitName)}</section>
${file.checkIns.map((c) => checkInSection(t, file, c))}
${file.periods.map((p) => periodSection(t, file, p))}
${file.periods.length === 0 && file.checkIns.length === 0 ? h`<p class="card">${t('evaluation.noPeriods')}</p>` : ''}
${outside.length > 0 ? h`<div class="card">${reportList(t, outside, 'evaluation.otherReports')}</div>` : ''}
<section class="card" aria-labelledby="reviews"><h3 id="reviews">${t('evaluation.review')}</h3>${reviewSection(t, file.review)}</section>
<section class="card" aria-labelledby="akhir"><h3 id="akhir">${t('evaluation.akhir')}</h3>
${escalations(t, file.akhir.escalations)}
${file.akhir.missed ? notice('error', t('evaluation.akhirMissed')) : ''}
${file.akhir.rating ? ratingFacts(t, file.akhir.rating, 'appraisal.predikat') : h`<p>${t('evaluation.akhirNotRated')}</p>`}</section>
</section>`;
}
