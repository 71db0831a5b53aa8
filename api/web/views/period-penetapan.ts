// One unit's penetapan of an evaluation period, in front of whoever signs it: the period's capaian, the
// predikat counts checked against its pattern, the findings, the unit's people with their predikat for
// the period, the signature (or the form to sign, for its holder) and the period's Format Penetapan.
import { predikats } from '../../../domain/rating/predikat.ts';
import { curveFactsUnder } from '../../../domain/regulation/curve-facts.ts';
import type { PeriodPenetapanCase } from '../../../record/read/period-penetapan.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { findingDetail } from './findings.ts';
import { signForm } from './penetapan-sign.ts';

export interface PeriodCaseView {
  case: PeriodPenetapanCase;
  /** The reader holds it now: the form to sign is theirs. */
  holds: boolean;
  /** NIP → name, for the signer. */
  names: ReadonlyMap<string, string>;
}

export function periodCaseSection(t: Translate, view: PeriodCaseView): Html {
  const { penetapan: p, people } = view.case;
  const unit = `${p.unitName} (${p.unitCode})`;
  const capaian = p.capaian ? t(`unitPredikat.${p.capaian}`) : t('capaian.unset');
  const counts = h`<table><thead><tr><th scope="col">${t('penetapan.predikat')}</th><th scope="col">${t('capaian.counts')}</th></tr></thead><tbody>${predikats.map(
    (x) => h`<tr><td>${t(`predikat.${x}`)}</td><td>${String(p.counts[x] ?? 0)}</td></tr>`,
  )}</tbody></table>`;
  // Worded from the counts and capaian the period's penetapan was opened on (findings.ts).
  const facts = curveFactsUnder(p.pack, p.capaian, p.counts);
  const findings =
    p.findings.length === 0
      ? h`<p class="ok-text">✓ ${t('penetapan.noFindings')}</p>`
      : h`<ul>${p.findings.map((f) => h`<li><strong>${t(`rule.${f.rule}`)}</strong> <span class="muted">(${findingDetail(t, f, facts)})</span></li>`)}</ul>`;
  const table =
    people.length === 0
      ? h`<p class="muted">${t('penetapan.periodNobody')}</p>`
      : h`<ul>${people.map((x) => h`<li>${x.name} <span class="muted">(NIP ${x.nip})</span>: ${t(`predikat.${x.predikat}`)}</li>`)}</ul>`;
  return h`<section id="case" class="card" aria-labelledby="case-title" data-period="${p.period}">
<h2 id="case-title">${t('penetapan.periodTitle', { unit, period: p.period })}</h2>
<p class="hint">${t('penetapan.periodIntro', { period: p.period })}</p>
<p>${t('penetapan.capaian', { predikat: capaian })} · ${t(`penetapan.stage.${p.stage}`)} · ${t('penetapan.due', { date: t.dateTime(p.deadline) })}</p>
<h3>${t('penetapan.periodCounts', { period: p.period, predikat: capaian, pack: p.pack })}</h3>
<div style="overflow-x:auto">${counts}</div>
<h3>${t('penetapan.findings')}</h3>
${findings}
<h3>${t('penetapan.periodPeople', { period: p.period })}</h3>
${table}
${signature(t, view)}
<h3>${t('documents.title')}</h3>
<ul id="penetapan-documents"><li><a href="/app/cycles/${encodeURIComponent(p.cycleId)}/units/${encodeURIComponent(p.unitCode)}/documents/penetapan?period=${p.period}">${t('documents.penetapan', { period: p.period })}</a></li></ul>
</section>`;
}

function signature(t: Translate, view: PeriodCaseView): Html {
  const p = view.case.penetapan;
  if (p.signed) {
    const outcome = t(`penetapan.outcome.${p.signed.conforming ? 'conforming' : 'notConforming'}`);
    const as = t(`penetapan.stage.${p.signed.as ?? 'hr'}`);
    const name = view.names.get(p.signed.by) ?? p.signed.by;
    const at = p.signed.at ? t.dateTime(p.signed.at) : '–';
    return h`<p class="ok-text" id="signed">${t('penetapan.signedBy', { name, as, at, outcome })}</p>${
      p.justifications.length > 0
        ? h`<ul>${p.justifications.map((j) => h`<li>${t(`rule.${j.rule}`)} — ${j.text}</li>`)}</ul>`
        : ''
    }`;
  }
  if (!view.holds) return h`<p class="muted">${t('penetapan.unsigned')}</p>`;
  return signForm(t, p);
}
