// The parts of an SKP as its form and approach show them, shared by the SKP view, the editor, the
// realisation form and the evaluation file: a target in words or a number with its satuan, a realisation
// with its achievement, the indicators' table, the perilaku kerja with the ekspektasi khusus pimpinan,
// and the lampiran SKP.
import {
  achievementPercent,
  lampiranParts,
  type SkpIndicator,
  type SkpSetting,
} from '../../../domain/appraisal/skp.ts';
import { berakhlakValues } from '../../../domain/review/berakhlak.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';

/** The number as people write it in the page's language (2,5 or 2.5; 2.400 or 2,400), up to 2 decimals. */
export function amountText(t: Translate, n: number): string {
  const decimals = Number.isInteger(n) ? 0 : Math.min(2, String(n).split('.')[1]?.length ?? 2);
  return t.number(n, decimals);
}

/** An indicator of an SKP, or a position's default one (whose aspect is any text from its table). */
export type IndicatorLike = Omit<SkpIndicator, 'id' | 'aspect'> & { aspect?: string | undefined };

/** A target in words (kualitatif), or its number and satuan (kuantitatif), e.g. "30 menit (makin kecil makin baik)". */
export function targetText(t: Translate, ind: IndicatorLike): string {
  if (ind.targetValue === undefined) return ind.target ?? '–';
  const text = `${amountText(t, ind.targetValue)} ${ind.satuan ?? ''}`.trim();
  return ind.lowerIsBetter ? `${text} (${t('skp.lowerIsBetterShort')})` : text;
}

/**
 * A realisation: its words, or its number in the target's satuan with the achievement in percent; for a
 * bound indicator, that the number is the unit's measure, or that it overrides the measure's value.
 */
export function realisationText(
  t: Translate,
  ind: IndicatorLike | undefined,
  r:
    | {
        value?: string | undefined;
        amount?: number | undefined;
        measure?: { value: number; source: string; overridden: boolean } | undefined;
      }
    | undefined,
): string {
  if (!r) return '–';
  const m = r.measure;
  const measured = !m
    ? ''
    : ` · ${
        m.overridden
          ? t('measure.overridden', {
              value: `${amountText(t, m.value)} ${ind?.satuan ?? ''}`.trim(),
              source: m.source,
            })
          : t('measure.fromUnit', { source: m.source })
      }`;
  if (r.amount === undefined) return r.value === undefined ? '–' : `${r.value}${measured}`;
  const amount = `${amountText(t, r.amount)} ${ind?.satuan ?? ''}`.trim();
  const percent = ind ? achievementPercent({ ...ind, id: '', aspect: undefined }, r.amount) : null;
  const achieved =
    percent === null
      ? ''
      : ` · ${t('evaluation.achievement')} ${t('evaluation.percent', { percent: amountText(t, percent) })}`;
  return `${amount}${achieved}${measured}${r.value ? ` · ${r.value}` : ''}`;
}

/** The form and the approach, in one line ("Formulir JPT ... · Pendekatan kuantitatif"). */
export function settingLine(t: Translate, setting: SkpSetting | null | undefined): Html {
  if (!setting) return h``;
  return h`<p class="muted">${t(`skp.form.${setting.form}`)} · ${t(`skp.approach.${setting.approach}`)}</p>`;
}

/** The indicators of an RHK (or of the standards): an aspect column only where some indicator has one. */
export function indicatorTable(t: Translate, indicators: readonly IndicatorLike[]): Html {
  const aspects = indicators.some((i) => i.aspect !== undefined);
  return h`<div class="scroll"><table><thead><tr><th>${t('indicator.description')}</th>${aspects ? h`<th>${t('indicator.aspect')}</th>` : ''}<th>${t('indicator.target')}</th></tr></thead>
<tbody>${indicators.map(
    (i) =>
      h`<tr><td>${i.description}</td>${aspects ? h`<td>${i.aspect ? t(`aspect.${i.aspect}`) : '–'}</td>` : ''}<td>${targetText(t, i)}</td></tr>`,
  )}</tbody></table></div>`;
}

type Ekspektasi = Readonly<Partial<Record<string, string | undefined>>> | undefined;
type Lampiran = Readonly<Partial<Record<string, readonly string[] | undefined>>> | undefined;

/** The seven BerAKHLAK values, each with its guidance and the rater's ekspektasi khusus (if any). */
export function perilakuSection(t: Translate, ekspektasi: Ekspektasi, level = 4): Html {
  return h`<section class="perilaku" aria-label="${t('skp.perilaku')}">${level === 3 ? h`<h3>${t('skp.perilaku')}</h3>` : h`<h4>${t('skp.perilaku')}</h4>`}
<dl class="values">${berakhlakValues.map(
    (v) => h`<dt>${t(`berakhlak.${v}`)}</dt><dd><span class="muted">${t(`berakhlakGuide.${v}`)}</span><br>
${ekspektasi?.[v] ? h`<strong>${t('skp.ekspektasi')}:</strong> ${ekspektasi[v]}` : h`<span class="muted">${t('skp.ekspektasiNone')}</span>`}</dd>`,
  )}</dl></section>`;
}

/** The lampiran SKP: resources, accountability, consequences, each a list. */
export function lampiranSection(t: Translate, lampiran: Lampiran, level = 4): Html {
  return h`<section aria-label="${t('skp.lampiran')}">${level === 3 ? h`<h3>${t('skp.lampiran')}</h3>` : h`<h4>${t('skp.lampiran')}</h4>`}
<dl class="facts">${lampiranParts.map((p) => {
    const items = lampiran?.[p] ?? [];
    return h`<dt>${t(`lampiran.${p}`)}</dt><dd>${items.length ? h`<ul>${items.map((x) => h`<li>${x}</li>`)}</ul>` : h`<span class="muted">${t('skp.lampiranNone')}</span>`}</dd>`;
  })}</dl></section>`;
}
