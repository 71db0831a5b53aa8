// HR starts the year's cycle: the year, the start date, each step's length (ISO 8601 durations, the
// defaults of domain/cycle/calendar.ts filled in), optional fixed dates, and the population by unit.
// The form is checked with the calendar rules the API applies (buildCalendar), so a wrong length or an
// overlap is shown next to the field that causes it, and the resulting calendar can be previewed.
import { buildCalendar, type CalendarOverrides, type CycleCalendar } from '../../../domain/cycle/calendar.ts';
import { isDomainError } from '../../../domain/errors.ts';
import { type FormState, newFormKey, textField, type Values } from '../forms.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';

export const durationFields = [
  'socialisation',
  'agreement',
  'checkInWindow',
  'review',
  'calibration',
  'feedback',
] as const;
const quarters = ['I', 'II', 'III', 'IV'] as const;

export interface StartCycleBody {
  year: number;
  start: string;
  calendar: CalendarOverrides;
  population: { unitCodes?: string[] };
}

/** The year whose calendar fits a cycle starting today: this year early on, else the next. */
export function defaultYear(today: Date): number {
  const year = today.getUTCFullYear();
  try {
    buildCalendar(year, `${today.toISOString().slice(0, 10)}T00:00:00Z`);
    return year;
  } catch {
    return year + 1;
  }
}

export function startDefaults(today: Date): Values {
  return {
    year: String(defaultYear(today)),
    start: today.toISOString().slice(0, 10),
    socialisation: 'P14D',
    agreement: 'P30D',
    checkInWindow: 'P14D',
    review: 'P21D',
    calibration: 'P7D',
    feedback: 'P14D',
  };
}

const errorKeys: Record<string, string> = {
  'calendar.invalidYear': 'startCycle.error.year',
  'calendar.invalidDuration': 'startCycle.error.duration',
  'calendar.invalidDate': 'startCycle.error.date',
  'calendar.outOfRange': 'startCycle.error.outOfRange',
  'calendar.outOfOrder': 'startCycle.error.outOfOrder',
};

/** The form as the API's start-cycle body with its calendar, or the errors keyed by field. */
export function parseStartCycle(
  values: Values,
  unitCodes: string[],
):
  | { ok: true; body: StartCycleBody; calendar: CycleCalendar }
  | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const year = Number(values.year);
  if (!values.year?.trim()) errors.year = 'error.required';
  else if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.year = 'startCycle.error.year';
  const start = values.start?.trim() ?? '';
  if (!start) errors.start = 'error.required';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) errors.start = 'startCycle.error.date';
  const calendar: CalendarOverrides = {};
  for (const f of durationFields) {
    const v = values[f]?.trim();
    if (!v) errors[f] = 'error.required';
    else calendar[f] = v.toUpperCase();
  }
  const opens: Record<string, string> = {};
  for (const q of quarters) {
    const v = values[`checkInOpens.${q}`]?.trim();
    if (v) opens[q] = v;
  }
  if (Object.keys(opens).length > 0) calendar.checkInOpens = opens;
  const reviewStart = values.reviewStart?.trim();
  if (reviewStart) calendar.reviewStart = reviewStart;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  try {
    const built = buildCalendar(year, `${start}T00:00:00Z`, calendar);
    const population = unitCodes.length > 0 ? { unitCodes } : {};
    return { ok: true, body: { year, start, calendar, population }, calendar: built };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const field = String(error.details?.field ?? 'start');
    return { ok: false, errors: { [field]: errorKeys[error.code] ?? 'error.invalid' } };
  }
}

export interface StartCycleView {
  state: FormState;
  units: Array<{ code: string; name: string }>;
  chosenUnits: string[];
  /** The calendar the form gives, when it is valid. */
  preview: CycleCalendar | null;
}

export function startCycleBody(t: Translate, view: StartCycleView): Html {
  const { state } = view;
  const field = (
    name: string,
    label: string,
    o: { kind?: 'text' | 'date'; hint?: string; optional?: boolean },
  ) => h`<div class="field">${textField(t, state, { name, label, ...o })}</div>`;
  const errorCount = Object.keys(state.errors).length;
  return h`<p>${t('startCycle.intro')}</p>
<form method="post" action="/app/hr/start" class="card" novalidate>
${state.formError ? h`<p class="notice error" role="alert">${state.formError}</p>` : ''}
${errorCount > 0 && !state.formError ? h`<p class="notice error" role="alert">${t('error.heading')}</p>` : ''}
<input type="hidden" name="_key" value="${state.values._key ?? newFormKey()}">
<div class="grid2">
${field('year', t('startCycle.year'), { hint: t('startCycle.yearHint') })}
${field('start', t('startCycle.start'), { kind: 'date' })}
</div>
<fieldset><legend>${t('startCycle.durations')}</legend>
<p class="hint">${t('startCycle.durationsHint')}</p>
<div class="grid3">${durationFields.map((f) => field(f, t(`startCycle.${f}`), {}))}</div>
</fieldset>
<fieldset><legend>${t('startCycle.dates')}</legend>
<p class="hint">${t('startCycle.datesHint')}</p>
<div class="grid3">${quarters.map((q) =>
    field(`checkInOpens.${q}`, t('startCycle.checkInOpens', { quarter: q }), {
      kind: 'date',
      optional: true,
    }),
  )}${field('reviewStart', t('startCycle.reviewStart'), { kind: 'date', optional: true })}</div>
</fieldset>
<fieldset><legend>${t('startCycle.population')}</legend>
<p class="hint">${t('startCycle.populationHint')}</p>
<div class="checks">${view.units.map(
    (u) =>
      h`<label><input type="checkbox" name="units" value="${u.code}"${raw(view.chosenUnits.includes(u.code) ? ' checked' : '')}> ${u.name}</label>`,
  )}</div>
</fieldset>
<div class="actions"><button type="submit" name="intent" value="start">${t('startCycle.submit')}</button>
<button type="submit" name="intent" value="preview" class="secondary">${t('startCycle.preview')}</button></div>
</form>
${view.preview ? calendarTable(t, view.preview) : ''}`;
}

function calendarTable(t: Translate, calendar: CycleCalendar): Html {
  return h`<section aria-labelledby="calendar-preview"><h2 id="calendar-preview">${t('startCycle.calendar', { year: calendar.year })}</h2>
<div class="scroll"><table id="calendar-table"><thead><tr><th scope="col">${t('startCycle.step')}</th><th scope="col">${t('startCycle.opens')}</th><th scope="col">${t('startCycle.closes')}</th></tr></thead>
<tbody>${calendar.steps.map(
    (s) =>
      h`<tr><th scope="row">${t(`calendarStep.${s.step}`)}</th><td>${t.date(s.start)}</td><td>${t.date(s.deadline)}</td></tr>`,
  )}</tbody></table></div></section>`;
}

/** The page before anything was sent: the defaults and their calendar. */
export function freshStartView(today: Date, units: Array<{ code: string; name: string }>): StartCycleView {
  const values = { ...startDefaults(today), _key: newFormKey() };
  const parsed = parseStartCycle(values, []);
  return {
    state: { type: 'startCycle', values, errors: {} },
    units,
    chosenUnits: [],
    preview: parsed.ok ? parsed.calendar : null,
  };
}

export const startedNotice = (t: Translate, year: string) => notice('ok', t('startCycle.started', { year }));
