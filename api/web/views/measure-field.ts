// The measure an indicator is bound to, in the SKP editor and the standards editor: a choice among the
// organisation's measures (none: not bound); with no measures to choose from, a binding the form holds
// is kept as it is and said in words.
import { type FormState, selectField } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';

export interface MeasureChoice {
  code: string;
  name: string;
  satuan: string;
  lowerIsBetter: boolean;
}

export function measureField(
  t: Translate,
  state: FormState,
  name: string,
  measures: readonly MeasureChoice[] | undefined,
): Html {
  const bound = state.values[name];
  if (!measures?.length)
    return bound
      ? h`<input type="hidden" name="${name}" value="${bound}"><p class="muted">${t('measure.bound', { code: bound })}</p>`
      : h``;
  const options = measures.map((m) => ({
    value: m.code,
    label: `${m.name} (${m.satuan}, ${t(m.lowerIsBetter ? 'measures.lowerIsBetter' : 'measures.higherIsBetter')})`,
  }));
  // A binding to a measure not (or no longer) defined stays a choice, so saving does not drop it unseen.
  if (bound && !measures.some((m) => m.code === bound)) options.push({ value: bound, label: bound });
  return h`${selectField(t, state, { name, label: t('measure.field'), options, optional: true })}
<p class="hint">${t('measure.fieldHint')}</p>`;
}
