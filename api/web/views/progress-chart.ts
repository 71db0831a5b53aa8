// The progress of a cycle as an inline SVG bar chart: one stacked bar per unit, its employees split by
// step, bars scaled to the largest unit. Screen readers get the figure's title and a text alternative
// (one sentence per unit, also shown under the chart); the table beside it carries the same numbers.
import { steps } from '../../../domain/appraisal/types.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';

/** The same colours as the legend's CSS (layout.ts `.s-<step>`); white text is never drawn on them. */
export const stepColours: Record<string, string> = {
  socialisation: '#8fb8de',
  agreement: '#4d8fcc',
  checkIns: '#1f6fb5',
  review: '#7a5bb5',
  rating: '#b55b9e',
  feedback: '#d9822b',
  followUp: '#c0392b',
  completed: '#1e6b34',
  cancelled: '#6b7682',
};

export interface ChartUnit {
  code: string;
  name: string;
  counts: Record<string, number>;
}

const width = 640;
const labelHeight = 18;
const barHeight = 20;
const rowHeight = labelHeight + barHeight + 12;
const totalWidth = 48;

export function progressSvg(t: Translate, units: ChartUnit[]): Html {
  const totals = units.map((u) => Object.values(u.counts).reduce((s, n) => s + n, 0));
  const max = Math.max(1, ...totals);
  const scale = (width - totalWidth) / max;
  const shown = steps.filter((s) => units.some((u) => (u.counts[s] ?? 0) > 0));
  const sentences = units.map((u, i) => {
    const parts = steps.filter((s) => u.counts[s]).map((s) => `${t(`step.${s}`)} ${u.counts[s]}`);
    return t('chart.unitSentence', {
      unit: u.name,
      total: totals[i] ?? 0,
      parts: parts.join(', ') || t('chart.none'),
    });
  });
  const height = Math.max(rowHeight, units.length * rowHeight);
  return h`<figure class="card chart" id="progress-chart">
<figcaption id="chart-title"><strong>${t('hr.chart')}</strong></figcaption>
<ul class="legend" aria-hidden="true">${shown.map((s) => h`<li><i class="s-${s}"></i>${t(`step.${s}`)}</li>`)}</ul>
<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="chart-title" aria-describedby="chart-desc" preserveAspectRatio="xMinYMin meet" font-family="system-ui, sans-serif">
<title>${t('hr.chart')}</title>
${units.map((u, i) => {
  const y = i * rowHeight;
  let x = 0;
  const segments = steps
    .filter((s) => (u.counts[s] ?? 0) > 0)
    .map((s) => {
      const w = (u.counts[s] ?? 0) * scale;
      const rect = h`<rect x="${x.toFixed(1)}" y="${y + labelHeight}" width="${w.toFixed(1)}" height="${barHeight}" fill="${stepColours[s] ?? '#6b7682'}" data-step="${s}"><title>${u.name}: ${t(`step.${s}`)} ${u.counts[s] ?? 0}</title></rect>`;
      x += w;
      return rect;
    });
  return h`<g class="unit-bar" aria-hidden="true"><text x="0" y="${y + 13}" font-size="13" fill="#1b1f24">${u.name}</text>
${segments}<text x="${(x + 6).toFixed(1)}" y="${y + labelHeight + 15}" font-size="13" font-weight="600" fill="#1b1f24">${totals[i] ?? 0}</text></g>`;
})}
</svg>
<details class="chart-text"><summary>${t('chart.textAlternative')}</summary><ul id="chart-desc">${sentences.map((s) => h`<li>${s}</li>`)}</ul></details>
</figure>`;
}
