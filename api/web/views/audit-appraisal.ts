// One appraisal for an auditor: its state as of any event of its stream, chosen with a slider over the
// stream's versions (a plain GET form: it works without script; with script, letting go of the slider
// shows that moment at once), and its timeline, with the events after that moment set apart.
import type { AppraisalAsOf } from '../../../audit/state-as-of.ts';
import type { TimelineEntry } from '../../../audit/timeline.ts';
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { cycleLinks, stepLabel } from './audit.ts';

export interface AppraisalAuditView {
  appraisalId: string;
  cycleId: string;
  name: string;
  entries: TimelineEntry[];
  /** The version shown (1..entries.length). */
  version: number;
  asOf: AppraisalAsOf;
}

export function appraisalAuditBody(t: Translate, view: AppraisalAuditView): Html {
  const { entries, version } = view;
  const self = `/app/audit/appraisals/${view.appraisalId}`;
  const at = entries[version - 1];
  const valueText = at
    ? t('asOf.valueText', { version, total: entries.length, when: t.dateTime(at.at) })
    : '';
  return h`${cycleLinks(t, view.cycleId)}
<p><a href="/app/audit/cycles/${view.cycleId}/read-trail?appraisal=${view.appraisalId}">${t('audit.readTrailOf')}</a></p>
<form method="get" action="${self}" class="card asof" id="asof-form">
<label for="asof">${t('asOf.label')}</label>
<p class="hint" id="asof-hint">${t('asOf.hint')}</p>
<div class="slider"><input type="range" id="asof" name="v" min="1" max="${entries.length}" step="1" value="${version}" aria-describedby="asof-hint" aria-valuetext="${valueText}">
<output for="asof" id="asof-out">${valueText}</output></div>
<div class="actions"><button type="submit">${t('asOf.show')}</button>
${version > 1 ? h`<a class="button secondary-link" href="${self}?v=${version - 1}" rel="prev">${t('asOf.previous')}</a>` : ''}
${version < entries.length ? h`<a class="button secondary-link" href="${self}?v=${version + 1}" rel="next">${t('asOf.next')}</a>` : ''}</div>
</form>
<section aria-labelledby="asof-state"><h2 id="asof-state">${t('asOf.stateTitle', { version: view.asOf.version, position: view.asOf.lastPosition ?? '–' })}</h2>
${view.asOf.state ? stateFacts(t, view.asOf.state) : h`<p>${t('asOf.noState')}</p>`}</section>
<section aria-labelledby="timeline"><h2 id="timeline">${t('audit.appraisalTimeline')}</h2>
<ol class="timeline" id="appraisal-timeline">${entries.map(
    (e) =>
      h`<li class="${e.version > version ? 'future' : ''}"${raw(e.version === version ? ' aria-current="step"' : '')}><span class="when">${t.dateTime(e.at)}</span>
<span class="what"><a href="${self}?v=${e.version}#asof-state">${e.sentence}</a></span>
<span class="muted small">${t('audit.eventMeta', { version: e.version, position: e.position, actor: e.who })}</span></li>`,
  )}</ol></section>
<script>${raw(sliderScript)}</script>`;
}

function stateFacts(t: Translate, s: AppraisalState): Html {
  const date = (iso: string | null | undefined) => (iso ? t.dateTime(iso) : '–');
  const quarters = (['I', 'II', 'III', 'IV'] as const).flatMap((q) => {
    const c = s.checkIns[q];
    if (!c) return [];
    const status = c.missed
      ? t('checkIn.missed')
      : c.submittedAt
        ? t('checkIn.submitted', { date: t.date(c.submittedAt) })
        : t('checkIn.pending');
    return [`${t(`quarter.${q}`)}: ${status}`];
  });
  const openTasks = Object.values(s.openTasks);
  return h`<dl class="facts card" id="asof-facts">
<dt>${t('audit.step')}</dt><dd id="asof-step">${stepLabel(t, s.step)}</dd>
<dt>${t('due.label')}</dt><dd>${date(s.deadline)}</dd>
<dt>${t('appraisal.standards')}</dt><dd>${s.socialisation.acknowledgedAt ? t('appraisal.acknowledgedAt', { date: t.date(s.socialisation.acknowledgedAt) }) : t('appraisal.notAcknowledged')}</dd>
<dt>${t('appraisal.skp')}</dt><dd>${t('asOf.skp', { versions: s.agreement.versions.length, agreed: s.agreement.agreedVersion ?? '–' })}</dd>
<dt>${t('appraisal.checkIns')}</dt><dd>${quarters.length ? quarters.join('; ') : '–'}</dd>
<dt>${t('appraisal.activityReports')}</dt><dd>${s.activityReports}</dd>
<dt>${t('appraisal.reviews')}</dt><dd>${t('asOf.reviews', { submitted: s.review.submitted.length, missed: s.review.missed.length })}</dd>
<dt>${t('appraisal.predikat')}</dt><dd>${s.rating ? t(`predikat.${s.rating.predikat}`) : '–'}</dd>
<dt>${t('asOf.released')}</dt><dd>${date(s.release?.at)}</dd>
<dt>${t('appraisal.objection')}</dt><dd>${s.objection ? (s.objection.decision ? t(`decision.${s.objection.decision}`) : t('asOf.objectionPending')) : '–'}</dd>
<dt>${t('appraisal.referral')}</dt><dd>${s.referral ? (s.referral.programme ?? t('appraisal.referralPending')) : '–'}</dd>
<dt>${t('asOf.openTasks')}</dt><dd>${openTasks.length ? h`<ul>${openTasks.map((o) => h`<li>${t(`task.${o.kind}`)}${o.assigneeNip ? h` <span class="muted">${o.assigneeNip}</span>` : ''}</li>`)}</ul>` : '–'}</dd>
${s.cancelledReason ? h`<dt>${t('appraisal.cancelled')}</dt><dd>${s.cancelledReason}</dd>` : ''}
</dl>`;
}

// Progressive enhancement: the output follows the slider while it moves; letting go of it with the
// mouse or a finger shows that moment. Arrow keys only move it (a reload per key press would lose the
// place); Enter or the button shows it.
const sliderScript = `(() => {
  const range = document.getElementById('asof');
  const out = document.getElementById('asof-out');
  if (!range || !out) return;
  let pointer = false;
  range.addEventListener('pointerdown', () => { pointer = true; });
  range.addEventListener('input', () => { out.textContent = range.value + ' / ' + range.max; });
  range.addEventListener('change', () => { if (pointer) range.form.submit(); });
  range.addEventListener('keydown', (e) => { if (e.key === 'Enter') range.form.submit(); });
})();`;
