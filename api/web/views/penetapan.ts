// The penetapan page: the penetapan the reader holds, and one unit's case in front of them: the findings
// with their counts, the group the curve was checked over, the unit's people with their predikat and
// periodic predikat, the calibration assistant's proposal (each change with its evidence, flagged where
// the evidence does not support it), and the form to sign it with a justification per finding.
import type { AssistantProposal } from '../../../domain/rating/calibration-assistant.ts';
import { predikats } from '../../../domain/rating/predikat.ts';
import { curveFactsUnder } from '../../../domain/regulation/curve-facts.ts';
import type { PenetapanCase, PenetapanRow } from '../../../record/read/penetapan.ts';
import { newFormKey } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { cycleEventLine } from './cycle-events.ts';
import { findingDetail } from './findings.ts';
import { signForm } from './penetapan-sign.ts';
import { type PeriodCaseView, periodCaseSection } from './period-penetapan.ts';

export interface PenetapanView {
  /** The year's penetapans and the periods' (with their period) the reader holds. */
  mine: Array<PenetapanRow & { period?: string }>;
  openPeriod?: PeriodCaseView;
  open?: { case: PenetapanCase; proposal: AssistantProposal | null; unitNames: ReadonlyMap<string, string> };
  flash?: { kind: 'ok' | 'error'; text: string };
}

export function penetapanBody(t: Translate, view: PenetapanView): Html {
  const flash = view.flash ? notice(view.flash.kind, view.flash.text) : '';
  const list =
    view.mine.length === 0
      ? notice('info', t('penetapan.none'))
      : h`<ul style="list-style:none;padding:0">${view.mine.map(
          (
            p,
          ) => h`<li class="card"${p.period ? h` data-period="${p.period}"` : ''}><a href="/app/penetapan?cycle=${encodeURIComponent(p.cycleId)}&unit=${encodeURIComponent(p.unitCode)}${p.period ? `&period=${encodeURIComponent(p.period)}` : ''}#case">${p.period ? t('penetapan.periodOpen', { unit: `${p.unitName} (${p.unitCode})`, period: p.period }) : t('penetapan.open', { unit: `${p.unitName} (${p.unitCode})` })}</a>
<p class="muted">${t(`penetapan.stage.${p.stage}`)} · ${t('penetapan.due', { date: t.dateTime(p.deadline) })}</p></li>`,
        )}</ul>`;
  const open = view.openPeriod
    ? periodCaseSection(t, view.openPeriod)
    : view.open
      ? caseSection(t, view.open)
      : '';
  return h`<p class="hint">${t('penetapan.intro')}</p>${flash}${list}${open}`;
}

function caseSection(t: Translate, open: NonNullable<PenetapanView['open']>): Html {
  const { penetapan: p, curve, people, unitPredikat } = open.case;
  const group = curve?.group.unitCodes.map((c) => open.unitNames.get(c) ?? c).join(' + ') ?? p.unitName;
  // The findings are worded from the latest curve's counts (findings.ts says when the stored text shows).
  const facts = curveFactsUnder(p.pack, unitPredikat, curve?.counts);
  return h`<section id="case" class="card" aria-labelledby="case-title">
<h2 id="case-title">${p.unitName} (${p.unitCode})</h2>
<p>${unitPredikat ? t('penetapan.capaian', { predikat: t(`unitPredikat.${unitPredikat}`) }) : ''} · ${t(`penetapan.stage.${p.stage}`)} · ${t('penetapan.due', { date: t.dateTime(p.deadline) })}</p>
<p class="muted">${t('penetapan.group', { group, pack: p.pack })}</p>
${curve ? h`<p>${predikats.map((x) => `${t(`predikat.${x}`)}: ${curve.counts[x] ?? 0}`).join(' · ')}</p>` : ''}
<h3>${t('penetapan.findings')}</h3>
<ul>${p.findings.map((f) => h`<li><strong>${t(`rule.${f.rule}`)}</strong> <span class="muted">(${findingDetail(t, f, facts)})</span></li>`)}</ul>
<h3>${t('penetapan.people')}</h3>
<ul>${people.map(
    (x) =>
      h`<li>${x.name} <span class="muted">(NIP ${x.nip})</span>: ${t(`predikat.${x.predikat}`)}${x.periodic.length > 0 ? h` <span class="muted">· ${x.periodic.map((e) => `${e.period} ${t(`predikat.${e.predikat}`)}`).join(', ')}</span>` : ''}</li>`,
  )}</ul>
${periodSection(t, open.case.periods)}
${rechecks(t, open.case.rechecks, open.unitNames, open.case.recheckNames)}
${assistant(t, open.proposal, p, people)}
${signForm(t, p)}
${downloads(t, p.cycleId, p.unitCode, people)}
</section>`;
}

/** The unit's Format Penetapan as PDF: the year's, and each period its people were rated in. */
function downloads(
  t: Translate,
  cycleId: string,
  unitCode: string,
  people: ReadonlyArray<{ periodic: ReadonlyArray<{ period: string }> }>,
): Html {
  const periods = [...new Set(people.flatMap((x) => x.periodic.map((e) => e.period)))].sort();
  const href = (period: string) =>
    `/app/cycles/${encodeURIComponent(cycleId)}/units/${encodeURIComponent(unitCode)}/documents/penetapan?period=${period}`;
  return h`<h3>${t('documents.title')}</h3>
<ul id="penetapan-documents">${[...periods, 'akhir'].map(
    (period) =>
      h`<li><a href="${href(period)}">${t('documents.penetapan', { period: period === 'akhir' ? t('documents.akhir') : period })}</a></li>`,
  )}</ul>`;
}

/** Each evaluation period's capaian and the curve of its predikat against it: shown, never held. */
function periodSection(t: Translate, periods: PenetapanCase['periods']): Html {
  if (periods.length === 0) return h``;
  return h`<h3>${t('penetapan.periods')}</h3><ul>${periods.map((p) => {
    const counts = predikats
      .filter((x) => (p.counts[x] ?? 0) > 0)
      .map((x) => `${t(`predikat.${x}`)}: ${p.counts[x]}`)
      .join(' · ');
    const outcome = !p.curve
      ? t('penetapan.periodNoCapaian')
      : p.curve.conforms
        ? h`<span class="ok-text">✓ ${t('penetapan.periodConforms')}</span>`
        : h`<span class="bad-text">⚠ ${p.curve.findings.map((f) => t(`rule.${f.rule}`)).join(' ')}</span>`;
    const capaian = p.capaian ? t(`unitPredikat.${p.capaian}`) : t('capaian.unset');
    return h`<li data-period="${p.period}"><strong>${p.period}</strong>: ${t('penetapan.capaian', { predikat: capaian })} · ${counts || '–'}<br>${outcome}</li>`;
  })}</ul>`;
}

/** Each objection that changed a predikat here, and the unit's curve checked again after it. */
function rechecks(
  t: Translate,
  list: PenetapanCase['rechecks'],
  units: ReadonlyMap<string, string>,
  people: ReadonlyMap<string, string>,
): Html {
  if (list.length === 0) return h``;
  const names = { units: new Map(units), people: new Map(people) };
  return h`<h3>${t('penetapan.rechecks')}</h3><ul>${list.map((data) => {
    const line = cycleEventLine(t, 'cycle.curveRechecked', data, names);
    const at = typeof data.at === 'string' ? t.dateTime(data.at) : '';
    return h`<li>${t(line.key, line.vars)} <span class="muted">(${at})</span></li>`;
  })}</ul>`;
}

function assistant(
  t: Translate,
  proposal: AssistantProposal | null,
  p: PenetapanRow,
  people: PenetapanCase['people'],
): Html {
  if (!proposal) return h``;
  const body =
    proposal.kind === 'conforms'
      ? h`<p>${t('assistant.conforms')}</p>`
      : proposal.kind === 'none'
        ? h`<p>${t('assistant.none', { max: proposal.maxChanges })}</p>`
        : decisionForm(t, proposal.changes, p, people);
  return h`<h3>${t('assistant.title')}</h3>${body}`;
}

/**
 * Each proposed change with its evidence and the flag where it is not supported; the holder keeps or
 * unticks it and may pick another predikat (adjust), or rejects the proposal, saying why either way.
 */
function decisionForm(
  t: Translate,
  changes: Extract<AssistantProposal, { kind: 'changes' }>['changes'],
  p: PenetapanRow,
  people: PenetapanCase['people'],
): Html {
  const rows = changes.map((c, i) => {
    const person = people.find((x) => x.nip === c.nip);
    const name = person?.name ?? c.nip;
    return h`<li><input type="checkbox" id="apply-${i}" name="apply" value="${c.nip}" checked>
<label for="apply-${i}" style="display:inline">${name}: ${t(`predikat.${c.from}`)} →</label>
<select id="to-${i}" name="to-${c.nip}" aria-label="${t('assistant.to', { name })}">${predikats.map(
      (x) => h`<option value="${x}"${x === c.to ? ' selected' : ''}>${t(`predikat.${x}`)}</option>`,
    )}</select> ${
      c.supported
        ? h`<span class="ok-text">✓ ${t('assistant.supported')}</span>`
        : h`<span class="bad-text">⚠ ${t('assistant.unsupported')}</span>`
    }${person ? evidence(t, c.evidence, person) : ''}</li>`;
  });
  return h`<form method="post" action="/app/penetapan/calibration">
<input type="hidden" name="cycle" value="${p.cycleId}"><input type="hidden" name="unit" value="${p.unitCode}">
<input type="hidden" name="_key" value="${newFormKey()}">
<ol>${rows}</ol>
<label for="calibration-reason">${t('assistant.reason')}</label>
<textarea id="calibration-reason" name="reason" required maxlength="2000" rows="3"></textarea>
<p class="hint">${t('assistant.apply')}</p>
<p class="actions"><button type="submit" name="decision" value="apply">${t('assistant.applyButton')}</button>
<button type="submit" name="decision" value="reject" class="secondary">${t('assistant.rejectButton')}</button></p>
</form>`;
}

/** A candidate's evidence: periodic predikat, realisations reported, the rater's feedback, the 360 aggregate. */
function evidence(
  t: Translate,
  periodic: ReadonlyArray<{ period: string; predikat: string }>,
  person: PenetapanCase['people'][number],
): Html {
  const periods =
    periodic.length === 0
      ? t('assistant.noEvidence')
      : periodic.map((e) => `${e.period} ${t(`predikat.${e.predikat}`)}`).join(', ');
  const review = person.review
    ? t('assistant.review', { average: person.review.average.toFixed(1), count: person.review.count })
    : t('assistant.noReview');
  return h`<br><span class="muted">${t('assistant.evidence')}: ${periods} · ${t('assistant.realisations', person.realisations)} · ${review}${
    person.feedback ? h` · ${t('assistant.feedback')}: “${person.feedback}”` : ''
  }</span>`;
}
