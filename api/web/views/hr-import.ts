// HR imports employees from CSV or XLSX (a file, or pasted CSV text; api/commands/organisation.ts) and sees a result
// per row: its line, whether the person was added or updated, or why the row was rejected. The reasons
// the importer gives in English are put into the reader's language where their shape is known; any other
// reason is shown as it came, marked as English for screen readers.
import { employeeCsvColumns } from '../../../domain/organisation/employee-csv.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';

export type ImportRow =
  | { line: number; ok: true; nip: string; action: 'created' | 'updated' }
  | { line: number; ok: false; errors: string[] };

export interface ImportView {
  /** What was pasted, kept after an error. */
  csv: string;
  /** Field name → catalogue key. */
  errors: Record<string, string>;
  /** The API's refusal of the whole file (a header error, a problem), already in words. */
  formError?: string;
  headerErrors?: string[];
  result?: { imported: number; rejected: number; rows: ImportRow[] };
  names?: Map<string, string>;
}

export const csvColumns = employeeCsvColumns.join(', ');

export function importBody(t: Translate, view: ImportView): Html {
  const fileError = view.errors.file;
  return h`<p>${t('import.intro')}</p>
<form method="post" action="/app/hr/import" enctype="multipart/form-data" class="card">
${view.formError ? h`<p class="notice error" role="alert">${view.formError}</p>` : ''}
${view.headerErrors?.length ? h`<ul class="notice error" aria-label="${t('import.headerErrors')}">${view.headerErrors.map((e) => reason(t, e))}</ul>` : ''}
<p class="hint" id="csv-columns">${t('import.columns')} <code>${csvColumns}</code></p>
<label for="f-file">${t('import.file')}</label>
${fileError ? h`<p class="field-error" id="f-file-error">${t(fileError)}</p>` : ''}
<input type="file" id="f-file" name="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="csv-columns${fileError ? ' f-file-error' : ''}"${fileError ? h` aria-invalid="true"` : ''}>
<label for="f-csv">${t('import.paste')} <span class="muted">${t('field.optional')}</span></label>
<p class="hint" id="f-csv-hint">${t('import.pasteHint')}</p>
<textarea id="f-csv" name="csv" rows="8" spellcheck="false" class="mono" aria-describedby="f-csv-hint csv-columns">${view.csv}</textarea>
<div class="actions"><button type="submit">${t('import.submit')}</button></div>
</form>
${view.result ? resultTable(t, view.result, view.names ?? new Map()) : ''}`;
}

function resultTable(
  t: Translate,
  result: NonNullable<ImportView['result']>,
  names: Map<string, string>,
): Html {
  const summary = t('import.summary', { imported: result.imported, rejected: result.rejected });
  return h`<section aria-labelledby="import-result"><h2 id="import-result">${t('import.result')}</h2>
<p class="notice ${result.rejected > 0 ? 'error' : 'ok'}" role="status" id="import-summary">${summary}</p>
<div class="scroll"><table id="import-table"><thead><tr><th scope="col" class="num">${t('import.line')}</th><th scope="col">${t('import.status')}</th><th scope="col">${t('import.detail')}</th></tr></thead>
<tbody>${result.rows.map((r) =>
    r.ok
      ? h`<tr data-line="${r.line}"><td class="num">${r.line}</td><td><span class="ok-text">✓ ${t(`import.${r.action}`)}</span></td><td>${names.get(r.nip) ?? ''} <span class="muted">${r.nip}</span></td></tr>`
      : h`<tr data-line="${r.line}" class="bad"><td class="num">${r.line}</td><td><span class="bad-text">✗ ${t('import.rejected')}</span></td><td><ul>${r.errors.map((e) => reason(t, e))}</ul></td></tr>`,
  )}</tbody></table></div></section>`;
}

const known: Array<[RegExp, string, string[]]> = [
  [/^(\w+): is required$/, 'import.reason.required', ['column']],
  [/^(\w+): is longer than (\d+) characters$/, 'import.reason.tooLong', ['column', 'max']],
  [/^email: is not an email address$/, 'import.reason.email', []],
  [/^language: must be id or en$/, 'import.reason.language', []],
  [
    /^expected (\d+) fields as in the header, found (\d+)$/,
    'import.reason.fieldCount',
    ['expected', 'found'],
  ],
  [/^header: column '(.*)' is missing$/, 'import.header.missing', ['column']],
  [/^header: column '(.*)' appears twice$/, 'import.header.twice', ['column']],
  [/^header: unknown column '(.*)'; the columns are (.*)$/, 'import.header.unknown', ['column', 'columns']],
  [/^the file is empty; expected the header (.*)$/, 'import.header.empty', ['columns']],
  [/^unit_code: unknown unit "(.*)"$/, 'import.reason.unknownUnit', ['code']],
  [/^position_code: unknown position "(.*)"$/, 'import.reason.unknownPosition', ['code']],
  [/^supervisor_nip: no employee with NIP (\S+) /, 'import.reason.unknownSupervisor', ['nip']],
  [
    /^supervisor_nip: the supervisor's row \(line (\d+)\) has errors$/,
    'import.reason.supervisorRow',
    ['line'],
  ],
  [/^supervisor_nip: an employee cannot be their own supervisor$/, 'import.reason.ownSupervisor', []],
  [/^nip: (\S+) already appears on line (\d+)$/, 'import.reason.duplicate', ['nip', 'line']],
  [
    /^nip: NI PPPK digits 9-12 \(the year of the first contract\) are (\d+); it must be (\d+)-(\d+)/,
    'import.reason.pppkYear',
    ['year', 'first', 'last'],
  ],
  [
    /^employment_status: is (PNS|PPPK), but (\S+) is an? (NIP PNS|NI PPPK)$/,
    'import.reason.statusMismatch',
    ['status', 'nip', 'kind'],
  ],
  [/^employment_status: must be PNS or PPPK$/, 'import.reason.statusUnknown', []],
  [/^rank: '(.*)' is a PNS pangkat\/golongan;/, 'import.reason.pnsRankForPppk', ['rank']],
  [/^rank: '(.*)' is a PPPK golongan;/, 'import.reason.pppkGradeForPns', ['rank']],
  [/^rank: '(.*)' is not a PPPK golongan;/, 'import.reason.notPppkGrade', ['rank']],
  [/^rank: '(.*)' is not a PNS pangkat\/golongan;/, 'import.reason.notPnsRank', ['rank']],
  [
    /^rank: '(.*)' names the pangkat (.*), but golongan (\S+) is (.*)$/,
    'import.reason.rankNameMismatch',
    ['rank', 'name', 'golongan', 'pangkat'],
  ],
];

function reason(t: Translate, text: string): Html {
  for (const [pattern, key, names] of known) {
    const m = pattern.exec(text);
    if (m) return h`<li>${t(key, Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? ''])))}</li>`;
  }
  const at = text.indexOf(': ');
  // A wrong NIP is explained in the page's language: the import was asked for it.
  if (/^(nip|supervisor_nip): /.test(text))
    return h`<li><code>${text.slice(0, at)}</code>: ${text.slice(at + 2)}</li>`;
  return at > 0 && at < 20
    ? h`<li><code>${text.slice(0, at)}</code>: <span lang="en">${text.slice(at + 2)}</span></li>`
    : h`<li lang="en">${text}</li>`;
}
