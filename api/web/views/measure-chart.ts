// One measure over the periods as an inline SVG that reads on a 360 px phone: one row per unit, a column
// per period with its value written above it, the period's target as a dashed line, and every column
// below target in red with a triangle (colour is never the only sign). Screen readers get a sentence per
// unit; the table beside it carries the same numbers.
import type { MonitoredMeasure } from '../../../record/read/measures.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { amountText } from './skp-parts.ts';

/** The drawing's own width: on a 360 px phone it is drawn at about its size, so 12 px text stays 12 px. */
const width = 320;
const labelWidth = 0;
const rowHeight = 112;
const nameHeight = 18;
const plotHeight = 54;
const met = '#1e6b34';
const below = '#b3261e';
const noTarget = '#4d8fcc';

export interface ChartUnit {
  code: string;
  name: string;
}

export function measureSvg(t: Translate, measure: MonitoredMeasure, units: ChartUnit[]): Html {
  const { periods } = measure;
  const shown = units.filter((u) => measure.values.some((v) => v.unitCode === u.code));
  const max = Math.max(1, ...measure.values.flatMap((v) => [v.value, v.target ?? 0]));
  const column = (width - labelWidth) / Math.max(1, periods.length);
  const scale = (n: number) => (n / max) * plotHeight;
  const small = periods.length > 6; // monthly: the values are in the table and the titles
  const id = `chart-${measure.code}`;
  const sentences = shown.map((u) => {
    const parts = periods.flatMap((p) => {
      const v = measure.values.find((x) => x.unitCode === u.code && x.period === p);
      if (!v) return [];
      const mark = v.belowTarget ? ` (${t('measures.belowShort')})` : '';
      return [`${t(`periodName.${p}`)} ${amountText(t, v.value)}${mark}`];
    });
    return `${u.name}: ${parts.join(', ')}`;
  });
  const height = Math.max(rowHeight, shown.length * rowHeight);
  return h`<figure class="chart" id="${id}" style="margin:0">
<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" preserveAspectRatio="xMinYMin meet" font-family="system-ui, sans-serif">
<title id="${id}-title">${measure.name} (${measure.satuan})</title>
${shown.map((u, row) => {
  const top = row * rowHeight;
  const base = top + nameHeight + 14 + plotHeight;
  const cells = periods.map((p, i) => {
    const v = measure.values.find((x) => x.unitCode === u.code && x.period === p);
    const x = labelWidth + i * column;
    const barWidth = Math.max(6, column * 0.56);
    const left = x + (column - barWidth) / 2;
    const target =
      v?.target != null
        ? h`<line x1="${(x + 2).toFixed(1)}" x2="${(x + column - 2).toFixed(1)}" y1="${(base - scale(v.target)).toFixed(1)}" y2="${(base - scale(v.target)).toFixed(1)}" stroke="#1b1f24" stroke-width="1.5" stroke-dasharray="4 3"/>`
        : '';
    const label = h`<text x="${(x + column / 2).toFixed(1)}" y="${base + 14}" font-size="${small ? 9 : 12}" text-anchor="middle" fill="#3d4650">${small ? p.replace(/^M/, '') : p}</text>`;
    if (!v) return h`${label}`;
    const fill = v.belowTarget === null ? noTarget : v.belowTarget ? below : met;
    const barHeight = Math.max(1, scale(v.value));
    const valueText = `${v.belowTarget ? '▼ ' : ''}${amountText(t, v.value)}`;
    return h`<rect x="${left.toFixed(1)}" y="${(base - barHeight).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${barHeight.toFixed(1)}" fill="${fill}"><title>${u.name}, ${t(`periodName.${p}`)}: ${amountText(t, v.value)} ${measure.satuan}</title></rect>
${target}${small ? '' : h`<text x="${(x + column / 2).toFixed(1)}" y="${(base - barHeight - 4).toFixed(1)}" font-size="12" font-weight="600" text-anchor="middle" fill="${fill}">${valueText}</text>`}
${label}`;
  });
  return h`<g aria-hidden="true"><text x="0" y="${top + 13}" font-size="13" font-weight="600" fill="#1b1f24">${u.name}</text>
<line x1="0" x2="${width}" y1="${base}" y2="${base}" stroke="#8a939c" stroke-width="1"/>
${cells}</g>`;
})}
</svg>
<details class="chart-text"><summary>${t('chart.textAlternative')}</summary><ul id="${id}-desc">${sentences.map((s) => h`<li>${s}</li>`)}</ul></details>
</figure>`;
}
