// The capaian page: the units whose capaian kinerja organisasi the reader sets (the leader of the unit
// above; HR as a named delegate), and one unit's case in front of them: its people and their predikat,
// the counts, the pattern each capaian would select checked on them, the capaian so far and its basis,
// and the form to record it.
import { curveFacts } from '../../../domain/rating/curve-check.ts';
import { type UnitPredikat, unitPredikats } from '../../../domain/rating/distribution-rules.ts';
import { type Predikat, predikats } from '../../../domain/rating/predikat.ts';
import { findingText } from '../../../domain/vocabulary/findings.ts';
import type { CapaianCase, CapaianUnitRow } from '../../../record/read/capaian.ts';
import { newFormKey } from '../forms.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { cycleSelect } from './hr-actions.ts';

export interface CapaianView {
  cycles: Array<{ cycle_id: string; year: number; status: string }>;
  cycleId: string | null;
  units: CapaianUnitRow[];
  unitNames: ReadonlyMap<string, string>;
  /** The unit whose case is open, with the periods the cycle has (besides the year). */
  open?: { unit: CapaianUnitRow; case: CapaianCase; periods: string[] };
  /** HR sets a capaian as a delegate: the form asks for the document. */
  asDelegate: boolean;
  flash?: { kind: 'ok' | 'error'; text: string };
}

export function capaianBody(t: Translate, view: CapaianView): Html {
  const intro = h`<p class="hint">${t('capaian.intro')}</p>`;
  const flash = view.flash ? notice(view.flash.kind, view.flash.text) : '';
  if (!view.cycleId) return h`${intro}${notice('info', t('capaian.noCycle'))}`;
  const picker = h`<form method="get" action="/app/capaian" class="inline">${cycleSelect(t, view.cycles, view.cycleId)}
<p class="actions"><button type="submit" class="secondary">${t('hr.show')}</button></p></form>`;
  if (view.units.length === 0) return h`${intro}${picker}${flash}${notice('info', t('capaian.noUnits'))}`;
  return h`${intro}${picker}${flash}
<ul style="list-style:none;padding:0">${view.units.map((u) => unitLine(t, view, u))}</ul>
${view.open ? caseSection(t, view, view.open) : ''}`;
}

function unitLine(t: Translate, view: CapaianView, u: CapaianUnitRow): Html {
  const href = `/app/capaian?cycle=${encodeURIComponent(view.cycleId ?? '')}&unit=${encodeURIComponent(u.code)}#case`;
  const current = u.capaian ? t(`unitPredikat.${u.capaian}`) : t('capaian.unset');
  return h`<li class="card"><a href="${href}"${raw(view.open?.unit.code === u.code ? ' aria-current="true"' : '')}>${t('capaian.open', { unit: `${u.name} (${u.code})` })}</a>
<p class="muted">${t('capaian.current', { predikat: current })}</p></li>`;
}

function caseSection(t: Translate, view: CapaianView, open: NonNullable<CapaianView['open']>): Html {
  const { unit, case: c } = open;
  const counts = Object.fromEntries(predikats.map((p) => [p, 0])) as Record<Predikat, number>;
  for (const person of c.people) if (person.predikat) counts[person.predikat as Predikat] += 1;
  const parent = unit.parentCode ? (view.unitNames.get(unit.parentCode) ?? unit.parentCode) : null;
  return h`<section id="case" class="card" aria-labelledby="case-title">
<h2 id="case-title">${unit.name} (${unit.code})</h2>
${parent ? h`<p class="muted">${t('capaian.parent', { unit: parent })}</p>` : ''}
${current(t, c)}
<h3>${t('capaian.people')}</h3>
${
  c.people.length === 0
    ? h`<p>${t('capaian.nobody')}</p>`
    : h`<ul>${c.people.map(
        (p) =>
          h`<li>${p.name} <span class="muted">(NIP ${p.nip})</span>: ${p.predikat ? t(`predikat.${p.predikat}`) : h`<span class="muted">${t('capaian.notRated')}</span>`}</li>`,
      )}</ul>`
}
<h3>${t('capaian.counts')}</h3>
<ul>${predikats.map((p) => h`<li>${t(`predikat.${p}`)}: ${counts[p]}</li>`)}</ul>
${c.capaian ? patternCheck(t, c.capaian, counts) : ''}
${form(t, view, open)}
</section>`;
}

function current(t: Translate, c: CapaianCase): Html {
  if (!c.capaian) return h`<p>${t('capaian.current', { predikat: t('capaian.unset') })}</p>`;
  const by = c.setBy;
  const as = by?.as === 'leader' || by?.as === 'delegate' ? t(`capaian.as.${by.as}`) : t('capaian.as.hr');
  return h`<p><strong>${t('capaian.current', { predikat: t(`unitPredikat.${c.capaian}`) })}</strong></p>
${by ? h`<p class="muted">${t('capaian.setBy', { name: by.name ? `${by.name} (${by.nip})` : by.nip, as, at: by.at ? t.dateTime(by.at) : '–' })}</p>` : ''}
${c.document ? h`<p>${t('capaian.document', { document: c.document })}</p>` : ''}
${
  c.note || c.links.length > 0
    ? h`<h3>${t('capaian.basis')}</h3>${c.note ? h`<p>${c.note}</p>` : ''}${
        c.links.length > 0
          ? h`<ul>${c.links.map((l) => h`<li><a href="${l}" rel="noopener noreferrer">${l}</a></li>`)}</ul>`
          : ''
      }`
    : ''
}`;
}

/** The pattern the current capaian selects, checked on the unit's own people (calibration may use a group). */
function patternCheck(t: Translate, capaian: UnitPredikat, counts: Record<Predikat, number>): Html {
  return h`<h3>${t('capaian.rulesFor', { predikat: t(`unitPredikat.${capaian}`) })}</h3>
<ul>${curveFacts(capaian, counts).map(
    ({ met, finding }) =>
      h`<li>${t(`rule.${finding.rule}`)} ${met ? h`<span class="ok-text">✓ ${t('capaian.met')}</span>` : h`<span class="bad-text">✗ ${t('capaian.notMet')}</span>`} <span class="muted">(${findingText(t.lang, finding)})</span></li>`,
  )}</ul>`;
}

function form(t: Translate, view: CapaianView, open: NonNullable<CapaianView['open']>): Html {
  const { unit, case: c, periods } = open;
  return h`<h3>${t('capaian.form')}</h3>
<form method="post" action="/app/capaian">
<input type="hidden" name="cycle" value="${view.cycleId ?? ''}"><input type="hidden" name="unit" value="${unit.code}">
<input type="hidden" name="_key" value="${newFormKey()}">
<label for="capaian-predikat">${t('capaian.predikat')}</label>
<select id="capaian-predikat" name="predikat" required><option value="">${t('field.choose')}</option>${unitPredikats.map(
    (p) =>
      h`<option value="${p}"${raw(p === c.capaian ? ' selected' : '')}>${t(`unitPredikat.${p}`)}</option>`,
  )}</select>
<label for="capaian-period">${t('capaian.period')}</label>
<select id="capaian-period" name="period"><option value="">${t('capaian.year')}</option>${periods.map(
    (p) => h`<option value="${p}">${t(`periodName.${p}`)}</option>`,
  )}</select>
${
  view.asDelegate
    ? h`<label for="capaian-document">${t('capaian.documentField')}</label>
<p class="hint" id="capaian-document-hint">${t('capaian.documentHint')}</p>
<input id="capaian-document" name="document" required maxlength="200" aria-describedby="capaian-document-hint">`
    : ''
}
<label for="capaian-note">${t('capaian.note')}</label>
<textarea id="capaian-note" name="note" maxlength="2000" rows="3"></textarea>
<label for="capaian-links">${t('capaian.links')}</label>
<textarea id="capaian-links" name="links" rows="2" inputmode="url"></textarea>
<p class="actions"><button type="submit">${t('capaian.submit')}</button></p>
</form>`;
}
