// The SKP editor's form ↔ the proposeIndicators command. The form posts flat fields
// (rhk.0.description, rhk.0.indicators.1.target, ...); rows left entirely empty are not sent, so the
// "add a row" buttons need no script. What remains is validated with the API's own zod schema, and each
// issue is reported on the field the person typed in (form row numbers, not the compacted array's).
import type { z } from 'zod';
import { appraisalCommandSchema } from '../../domain/appraisal/commands.ts';
import type { Rhk } from '../../domain/appraisal/events.ts';
import type { Values } from './forms.ts';

export const maxRhk = 30;
export const maxIndicators = 20;

type Propose = Extract<z.infer<typeof appraisalCommandSchema>, { type: 'proposeIndicators' }>;

const indexes = (v: Values, pattern: RegExp) =>
  [...new Set(Object.keys(v).flatMap((k) => k.match(pattern)?.[1] ?? []))].map(Number).sort((a, b) => a - b);

/** The RHK rows of a form, by their row number. */
export const rhkRows = (v: Values) => indexes(v, /^rhk\.(\d+)\./);

/** The indicator rows of one RHK row. */
export const indicatorRows = (v: Values, i: number) =>
  indexes(v, new RegExp(`^rhk\\.${i}\\.indicators\\.(\\d+)\\.`));

/** A form holding a proposed version, to revise it; one empty row when there is none. */
export function valuesFromRhk(rhk: readonly Rhk[]): Values {
  const v: Values = {};
  if (rhk.length === 0) return addRow(v, 'rhk');
  rhk.forEach((r, i) => {
    v[`rhk.${i}.id`] = r.id;
    v[`rhk.${i}.kind`] = r.kind;
    v[`rhk.${i}.description`] = r.description;
    v[`rhk.${i}.parentRhkId`] = r.parentRhkId ?? '';
    r.indicators.forEach((ind, j) => {
      const p = `rhk.${i}.indicators.${j}`;
      v[`${p}.id`] = ind.id;
      v[`${p}.description`] = ind.description;
      v[`${p}.aspect`] = ind.aspect;
      v[`${p}.target`] = ind.target;
    });
  });
  return v;
}

/** One more row: `rhk` adds an RHK (with one indicator row), `ind.<i>` an indicator row to RHK row i. */
export function addRow(values: Values, what: string): Values {
  const v = { ...values };
  const rows = rhkRows(v);
  if (what === 'rhk') {
    if (rows.length >= maxRhk) return v;
    const i = (rows.at(-1) ?? -1) + 1;
    v[`rhk.${i}.kind`] = 'utama';
    v[`rhk.${i}.description`] = '';
    v[`rhk.${i}.indicators.0.description`] = '';
    return v;
  }
  const i = Number(what.match(/^ind\.(\d+)$/)?.[1] ?? Number.NaN);
  if (!rows.includes(i)) return v;
  const inds = indicatorRows(v, i);
  if (inds.length >= maxIndicators) return v;
  v[`rhk.${i}.indicators.${(inds.at(-1) ?? -1) + 1}.description`] = '';
  return v;
}

const blank = (...xs: Array<string | undefined>) => xs.every((x) => !(x ?? '').trim());

/**
 * Validates the editor's form as a proposeIndicators command; `parents` are the supervisor's RHK it may
 * cascade from (when there are some, an RHK utama must name one; an RHK tambahan may).
 */
export function parseSkp(
  v: Values,
  parents: readonly string[],
): { ok: true; command: Propose } | { ok: false; errors: Record<string, string> } {
  const indBlank = (i: number, j: number) => {
    const p = `rhk.${i}.indicators.${j}`;
    return blank(v[`${p}.description`], v[`${p}.aspect`], v[`${p}.target`]);
  };
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
  const unique = (given: string | undefined, fallback: string) => {
    let id = given?.trim() || fallback;
    for (let n = 2; used.has(id); n++) id = `${fallback}-${n}`;
    used.add(id);
    return id;
  };
  const rhk = rows.map(({ i, inds }) => ({
    id: unique(v[`rhk.${i}.id`], `rhk-${i + 1}`),
    kind: v[`rhk.${i}.kind`] || 'utama',
    description: v[`rhk.${i}.description`] ?? '',
    parentRhkId: v[`rhk.${i}.parentRhkId`]?.trim() || null,
    indicators: inds.map((j) => {
      const p = `rhk.${i}.indicators.${j}`;
      return {
        id: unique(v[`${p}.id`], `iki-${i + 1}-${j + 1}`),
        description: v[`${p}.description`] ?? '',
        aspect: v[`${p}.aspect`] ?? '',
        target: v[`${p}.target`] ?? '',
      };
    }),
  }));

  const errors: Record<string, string> = {};
  rows.forEach(({ i }, k) => {
    const parent = rhk[k]?.parentRhkId;
    if (parent && !parents.includes(parent)) errors[`rhk.${i}.parentRhkId`] = 'error.invalid';
    // With a supervisor's SKP to cascade from, each RHK utama contributes to one of its RHK.
    if (!parent && parents.length > 0 && rhk[k]?.kind === 'utama')
      errors[`rhk.${i}.parentRhkId`] = 'error.required';
  });
  const result = appraisalCommandSchema.safeParse({ type: 'proposeIndicators', rhk });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [, k, field, m, sub] = issue.path as [string, number?, string?, number?, string?];
      const row = k === undefined ? undefined : rows[k];
      let name = 'rhk';
      if (row && field === 'indicators' && m !== undefined && sub)
        name = `rhk.${row.i}.indicators.${row.inds[m]}.${sub === 'id' ? 'description' : sub}`;
      else if (row && field) name = `rhk.${row.i}.${field === 'id' ? 'description' : field}`;
      errors[name] ??= messageKey(issue, v[name]);
    }
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
