// The SKP editor's form ↔ the proposeIndicators command. The form posts flat fields
// (rhk.0.description, rhk.0.indicators.1.target, ekspektasi.akuntabel, lampiran.konsekuensi, ...); rows
// left entirely empty are not sent, so the "add a row" buttons need no script. Which fields a row has
// follows the SKP's form (JPT: group and perspektif; JA/JF: aspect and cascade) and approach (a target in
// words, or a number with its satuan). What remains is validated with the API's own zod schema and the
// domain's rules for the form (domain/appraisal/skp.ts), and each issue is reported on the field the
// person typed in (form row numbers, not the compacted array's).
import type { z } from 'zod';
import { appraisalCommandSchema } from '../../domain/appraisal/commands.ts';
import type { Rhk } from '../../domain/appraisal/events.ts';
import { lampiranParts, proposalIssues, type SkpRhk, type SkpSetting } from '../../domain/appraisal/skp.ts';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import { berakhlakValues } from '../../domain/review/berakhlak.ts';
import { decimalOf, type Values } from './forms.ts';

export const maxRhk = 30;
export const maxIndicators = 20;

type Propose = Extract<z.infer<typeof appraisalCommandSchema>, { type: 'proposeIndicators' }>;
type Version = AppraisalState['agreement']['versions'][number];

/** Who edits: the supervisor writes the ekspektasi khusus pimpinan, the employee's draft carries them. */
export interface SkpFormOptions {
  setting: SkpSetting | null;
  role: 'employee' | 'supervisor';
}

const indexes = (v: Values, pattern: RegExp) =>
  [...new Set(Object.keys(v).flatMap((k) => k.match(pattern)?.[1] ?? []))].map(Number).sort((a, b) => a - b);

/** The RHK rows of a form, by their row number. */
export const rhkRows = (v: Values) => indexes(v, /^rhk\.(\d+)\./);

/** The indicator rows of one RHK row. */
export const indicatorRows = (v: Values, i: number) =>
  indexes(v, new RegExp(`^rhk\\.${i}\\.indicators\\.(\\d+)\\.`));

/** A number as the form shows it: a decimal comma in Indonesian pages is fine either way when read back. */
const numberText = (n: number | undefined) => (n === undefined ? '' : String(n));

/** A form holding a proposed version, to revise it; one empty row when there is none. */
export function valuesFromRhk(
  rhk: readonly Rhk[],
  version?: Pick<Version, 'ekspektasi' | 'lampiran'>,
): Values {
  const v: Values = {};
  if (rhk.length === 0) addRowTo(v, 'rhk');
  rhk.forEach((r, i) => {
    v[`rhk.${i}.id`] = r.id;
    v[`rhk.${i}.kind`] = r.kind;
    v[`rhk.${i}.description`] = r.description;
    v[`rhk.${i}.parentRhkId`] = r.parentRhkId ?? '';
    v[`rhk.${i}.perspektif`] = r.perspektif ?? '';
    r.indicators.forEach((ind, j) => {
      const p = `rhk.${i}.indicators.${j}`;
      v[`${p}.id`] = ind.id;
      v[`${p}.description`] = ind.description;
      v[`${p}.aspect`] = ind.aspect ?? '';
      v[`${p}.target`] = ind.target ?? '';
      v[`${p}.targetValue`] = numberText(ind.targetValue);
      v[`${p}.satuan`] = ind.satuan ?? '';
      if (ind.lowerIsBetter) v[`${p}.lowerIsBetter`] = 'on';
      if (ind.measureCode) v[`${p}.measureCode`] = ind.measureCode;
    });
  });
  for (const value of berakhlakValues) {
    const text = version?.ekspektasi?.[value];
    if (text) v[`ekspektasi.${value}`] = text;
  }
  for (const part of lampiranParts) {
    const items = version?.lampiran?.[part];
    if (items?.length) v[`lampiran.${part}`] = items.join('\n');
  }
  return v;
}

function addRowTo(v: Values, what: string): void {
  const rows = rhkRows(v);
  if (what === 'rhk') {
    if (rows.length >= maxRhk) return;
    const i = (rows.at(-1) ?? -1) + 1;
    v[`rhk.${i}.kind`] = 'utama';
    v[`rhk.${i}.description`] = '';
    v[`rhk.${i}.indicators.0.description`] = '';
    return;
  }
  const i = Number(what.match(/^ind\.(\d+)$/)?.[1] ?? Number.NaN);
  if (!rows.includes(i)) return;
  const inds = indicatorRows(v, i);
  if (inds.length >= maxIndicators) return;
  v[`rhk.${i}.indicators.${(inds.at(-1) ?? -1) + 1}.description`] = '';
}

/** One more row: `rhk` adds an RHK (with one indicator row), `ind.<i>` an indicator row to RHK row i. */
export function addRow(values: Values, what: string): Values {
  const v = { ...values };
  addRowTo(v, what);
  return v;
}

const blank = (...xs: Array<string | undefined>) => xs.every((x) => !(x ?? '').trim());
/** A field's text, or nothing when left empty (an optional part of the command is then left out). */
const given = (x: string | undefined) => (x?.trim() ? x : undefined);

/**
 * Validates the editor's form as a proposeIndicators command for the SKP's form and approach; `parents`
 * are the ids of the supervisor's agreed RHK (when there are some, an RHK utama of the JA/JF form must
 * name one; any named must be one). Without options: the one shape of old, as the supervisor proposes it.
 */
export function parseSkp(
  v: Values,
  parents: readonly string[],
  options: SkpFormOptions = { setting: null, role: 'supervisor' },
): { ok: true; command: Propose } | { ok: false; errors: Record<string, string> } {
  const indicatorFields = ['description', 'aspect', 'target', 'targetValue', 'satuan'];
  const indBlank = (i: number, j: number) =>
    blank(...indicatorFields.map((f) => v[`rhk.${i}.indicators.${j}.${f}`]));
  const all = rhkRows(v).map((i) => ({ i, inds: indicatorRows(v, i) }));
  let kept = all
    .map(({ i, inds }) => ({ i, inds: inds.filter((j) => !indBlank(i, j)) }))
    .filter(({ i, inds }) => inds.length > 0 || !blank(v[`rhk.${i}.description`], v[`rhk.${i}.parentRhkId`]));
  // Nothing typed at all: the first row stays, so its fields say what is missing.
  if (kept.length === 0) kept = [{ i: all[0]?.i ?? 0, inds: [] }];
  const rows = kept.map(({ i, inds }) => ({
    i,
    inds: inds.length > 0 ? inds : [all.find((r) => r.i === i)?.inds[0] ?? 0],
  }));

  const used = new Set<string>();
  const unique = (typed: string | undefined, fallback: string) => {
    let id = typed?.trim() || fallback;
    for (let n = 2; used.has(id); n++) id = `${fallback}-${n}`;
    used.add(id);
    return id;
  };
  const rhk = rows.map(({ i, inds }) => {
    const perspektif = given(v[`rhk.${i}.perspektif`]);
    return {
      id: unique(v[`rhk.${i}.id`], `rhk-${i + 1}`),
      kind: v[`rhk.${i}.kind`] || 'utama',
      description: v[`rhk.${i}.description`] ?? '',
      parentRhkId: v[`rhk.${i}.parentRhkId`]?.trim() || null,
      ...(perspektif ? { perspektif } : {}),
      indicators: inds.map((j) => {
        const p = `rhk.${i}.indicators.${j}`;
        const aspect = given(v[`${p}.aspect`]);
        const satuan = given(v[`${p}.satuan`]);
        const target = v[`${p}.target`];
        const targetValue = v[`${p}.targetValue`];
        return {
          id: unique(v[`${p}.id`], `iki-${i + 1}-${j + 1}`),
          description: v[`${p}.description`] ?? '',
          ...(aspect ? { aspect } : {}),
          ...(given(target) ? { target } : {}),
          ...(given(targetValue) ? { targetValue: decimalOf(targetValue ?? '') } : {}),
          ...(satuan ? { satuan } : {}),
          ...(v[`${p}.lowerIsBetter`] ? { lowerIsBetter: true } : {}),
          // A binding to a measure of the unit comes from the position's standard and is kept as it is.
          ...(given(v[`${p}.measureCode`]) ? { measureCode: v[`${p}.measureCode`]?.trim() } : {}),
        };
      }),
    };
  });
  const ekspektasi = Object.fromEntries(
    berakhlakValues.flatMap((value) => {
      const text = given(v[`ekspektasi.${value}`]);
      return text ? [[value, text]] : [];
    }),
  );
  const lampiran = Object.fromEntries(
    lampiranParts.flatMap((part) => {
      const items = (v[`lampiran.${part}`] ?? '')
        .split(/\r?\n/)
        .map((x) => x.trim())
        .filter(Boolean);
      return items.length ? [[part, items]] : [];
    }),
  );
  const writesEkspektasi = options.setting && options.role === 'supervisor';
  const candidate = {
    type: 'proposeIndicators',
    rhk,
    ...(writesEkspektasi && Object.keys(ekspektasi).length ? { ekspektasi } : {}),
    ...(options.setting && Object.keys(lampiran).length ? { lampiran } : {}),
  };

  const errors: Record<string, string> = {};
  const fieldOf = (k: number | undefined, field: string | undefined, m?: number, sub?: string) => {
    const row = k === undefined ? undefined : rows[k];
    if (row && field === 'indicators' && m !== undefined && sub)
      return `rhk.${row.i}.indicators.${row.inds[m]}.${sub === 'id' ? 'description' : sub}`;
    if (row && field) return `rhk.${row.i}.${field === 'id' ? 'description' : field}`;
    return field && field !== 'rhk' ? field : 'rhk';
  };
  const result = appraisalCommandSchema.safeParse(candidate);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [top, k, field, m, sub] = issue.path as [string, number?, string?, number?, string?];
      const name =
        top === 'rhk' ? fieldOf(k, field, m, sub) : [top, k].filter((x) => x !== undefined).join('.');
      errors[name] ??= messageKey(issue, v[name]);
    }
  }
  // The form's own rules, on what was typed (also where the schema found something else wrong).
  for (const issue of proposalIssues(options.setting ?? undefined, { rhk: rhk as SkpRhk[] }, parents)) {
    const name =
      issue.rhk === undefined
        ? issue.field
        : fieldOf(
            issue.rhk,
            issue.indicator === undefined ? issue.field : 'indicators',
            issue.indicator,
            issue.field,
          );
    errors[name] ??= blank(v[name]) ? 'error.required' : 'error.invalid';
  }
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, command: result.data as Propose };
}

function messageKey(issue: z.core.$ZodIssue, typed: string | undefined): string {
  if (typed !== undefined && typed.trim() === '') return 'error.required';
  if (issue.code === 'too_big') return issue.origin === 'string' ? 'error.tooLong' : 'error.count';
  if (issue.code === 'too_small') return issue.origin === 'string' ? 'error.required' : 'error.count';
  if (issue.code === 'invalid_value' && typed === undefined) return 'error.required';
  return 'error.invalid';
}
