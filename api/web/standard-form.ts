// The standard editor's form ↔ a Standard (domain/standards/payloads.ts). Duties are typed one a line;
// the RHK and indicators use the SKP editor's rows (rhk.0.description, rhk.0.indicators.1.target, ...),
// with its "add a row" posts and its per-field errors (skp-form.ts). An editor left with no RHK typed
// gives a standard without default RHK.
import type { Standard } from '../../domain/standards/payloads.ts';
import { standardSchema } from '../../domain/standards/payloads.ts';
import type { Values } from './forms.ts';
import { indicatorRows, parseSkp, rhkRows, valuesFromRhk } from './skp-form.ts';

/** A form holding a standard, to edit it. */
export function valuesFromStandard(standard: Standard): Values {
  return { duties: standard.duties.join('\n'), ...valuesFromRhk(standard.rhk) };
}

const blank = (v: Values) =>
  rhkRows(v).every(
    (i) =>
      !(v[`rhk.${i}.description`] ?? '').trim() &&
      indicatorRows(v, i).every((j) =>
        ['description', 'target'].every((f) => !(v[`rhk.${i}.indicators.${j}.${f}`] ?? '').trim()),
      ),
  );

/** Validates the editor's fields as a standard; errors keyed by the field typed in. */
export function parseStandard(
  v: Values,
): { ok: true; standard: Standard } | { ok: false; errors: Record<string, string> } {
  const duties = (v.duties ?? '')
    .split(/\r?\n/)
    .map((d) => d.trim())
    .filter(Boolean);
  const errors: Record<string, string> = {};
  let rhk: Standard['rhk'] = [];
  if (!blank(v)) {
    const parsed = parseSkp(v, []);
    if (parsed.ok) rhk = parsed.command.rhk;
    else Object.assign(errors, parsed.errors);
  }
  const result = standardSchema.safeParse({ duties, rhk });
  if (!result.success) errors.duties ??= duties.length > 50 ? 'error.count' : 'error.tooLong';
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, standard: result.data };
}
