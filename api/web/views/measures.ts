// Unit monitoring (HR, auditors, unit leaders): each measure of the units over the year's periods against
// its target, the units below target in the latest period, a chart per measure that reads on a phone,
// and the numbers in a table with where each came from and when (the organisation's zone).
import { measureFileColumns } from '../../../domain/measures/measure-file.ts';
import type { MonitoredMeasure } from '../../../record/read/measures.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { measureSvg } from './measure-chart.ts';
import { amountText } from './skp-parts.ts';

export interface MeasuresView {
  year: number;
  years: number[];
  measures: MonitoredMeasure[];
  unitNames: Map<string, string>;
  /** A leader's page: only the units they lead. */
  leaderOf: string[] | null;
  /** HR imports values here; with the outcome of the last import. */
  importer?: ImportOutcome | null;
}

export interface ImportOutcome {
  imported?: number;
  /** Why the whole file was refused, in words. */
  formError?: string;
  /** The wrong rows (nothing was imported), as the importer reports them. */
  rows?: Array<{ line: number; errors: string[] }>;
}

export function measuresBody(t: Translate, view: MeasuresView): Html {
  const units = [...view.unitNames].map(([code, name]) => ({ code, name }));
  const name = (code: string) => view.unitNames.get(code) ?? code;
  const yearForm = h`<form method="get" action="/app/measures" class="inline"><label for="year">${t('measures.year')}</label>
<select id="year" name="year">${view.years.map((y) => h`<option value="${y}"${y === view.year ? h` selected` : ''}>${y}</option>`)}</select>
<button type="submit">${t('measures.show')}</button></form>`;
  const scope = view.leaderOf
    ? h`<p class="muted">${t('measures.leaderScope', { units: view.leaderOf.map(name).join(', ') })}</p>`
    : '';
  const withValues = view.measures.filter((m) => m.values.length > 0);
  const importer = view.importer === undefined ? '' : importForm(t, view.importer);
  if (view.measures.length === 0)
    return h`<p>${t('measures.intro')}</p>${notice('info', t('measures.noneDefined'))}`;
  return h`<p>${t('measures.intro')}</p>${scope}${importer}${yearForm}
${withValues.length === 0 ? notice('info', t('measures.noValues', { year: view.year })) : ''}
${withValues.map((m) => measureCard(t, m, units, name))}`;
}

/** HR's upload of a CSV or XLSX of values: all rows or none, every wrong row named by its line. */
function importForm(t: Translate, outcome: ImportOutcome | null): Html {
  const result =
    outcome?.imported !== undefined
      ? notice('ok', t('measures.imported', { count: outcome.imported }))
      : outcome?.formError
        ? notice('error', outcome.formError)
        : '';
  const rows = outcome?.rows?.length
    ? h`<div class="scroll"><table id="measure-rows"><caption>${t('measures.badRows')}</caption><thead><tr><th scope="col" class="num">${t('import.line')}</th><th scope="col">${t('import.detail')}</th></tr></thead>
<tbody>${outcome.rows.map((r) => h`<tr data-line="${r.line}"><td class="num">${r.line}</td><td><ul>${r.errors.map((e) => h`<li lang="en">${e}</li>`)}</ul></td></tr>`)}</tbody></table></div>`
    : '';
  return h`<form method="post" action="/app/measures/import" enctype="multipart/form-data" class="card">
<h2>${t('measures.importTitle')}</h2>
${result}${rows}
<p class="hint" id="measure-columns">${t('import.columns')} <code>${measureFileColumns.join(', ')}</code></p>
<label for="m-file">${t('import.file')}</label>
<input type="file" id="m-file" name="file" required accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="measure-columns">
<label for="m-source">${t('measures.source')} <span class="muted">${t('field.optional')}</span></label>
<input type="text" id="m-source" name="source" maxlength="200">
<div class="actions"><button type="submit">${t('import.submit')}</button></div>
</form>`;
}

function measureCard(
  t: Translate,
  m: MonitoredMeasure,
  units: Array<{ code: string; name: string }>,
  name: (code: string) => string,
): Html {
  const latest = m.periods.at(-1) ?? '';
  const direction = t(m.lowerIsBetter ? 'measures.lowerIsBetter' : 'measures.higherIsBetter');
  const targets = m.periods.map((p) => {
    const target = m.values.find((v) => v.period === p)?.target;
    return target == null ? null : `${t(`periodName.${p}`)} ${amountText(t, target)}`;
  });
  const shownUnits = units.filter((u) => m.values.some((v) => v.unitCode === u.code));
  const headingId = `measure-${m.code}`;
  return h`<section class="card" aria-labelledby="${headingId}"><h2 id="${headingId}">${m.name}</h2>
<p class="muted">${m.code} · ${m.satuan} · ${direction}${targets.some((x) => x) ? h` · ${t('measures.target')}: ${targets.filter((x) => x).join(', ')}` : ''}</p>
${
  m.belowTarget.length > 0
    ? notice(
        'error',
        t('measures.belowList', {
          period: t(`periodName.${latest}`),
          units: m.belowTarget.map(name).join(', '),
        }),
      )
    : notice('ok', t('measures.allMet', { period: t(`periodName.${latest}`) }))
}
${measureSvg(t, m, shownUnits)}
<div class="scroll"><table><caption>${t('measures.tableCaption', { satuan: m.satuan })}</caption>
<thead><tr><th scope="col">${t('measures.unit')}</th>${m.periods.map((p) => h`<th scope="col">${t(`periodName.${p}`)}</th>`)}</tr></thead>
<tbody>${shownUnits.map(
    (u) =>
      h`<tr><th scope="row">${u.name}</th>${m.periods.map((p) => {
        const v = m.values.find((x) => x.unitCode === u.code && x.period === p);
        if (!v) return h`<td>–</td>`;
        const achieved =
          v.achievement === null
            ? ''
            : ` (${t('evaluation.percent', { percent: amountText(t, v.achievement) })})`;
        return h`<td>${v.belowTarget ? `▼ ${t('measures.belowShort')}: ` : ''}<strong>${amountText(t, v.value)}</strong>${achieved}</td>`;
      })}</tr>`,
  )}</tbody></table></div>
<p class="muted">${t('measures.sources')}: ${sources(t, m)}</p></section>`;
}

/** Where each period's values came from and when, once per source and time: "SIMPUS, 1 Apr 2027 08.00 WIB". */
function sources(t: Translate, m: MonitoredMeasure): string {
  const seen = new Set<string>();
  for (const v of m.values) seen.add(`${v.source}, ${t.dateTime(v.recordedAt)}`);
  return [...seen].join('; ');
}
