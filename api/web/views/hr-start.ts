// HR starts the year's cycle: the year, the start date, the evaluation periods (quarterly, monthly or
// semester), the SKP approach (kualitatif or kuantitatif), each step's length (ISO 8601 durations; an empty field takes the chosen periods' default),
// an optional review date, and the population by unit. The form is checked with the calendar rules the
// API applies (buildCalendar, in the organisation's zone), so a wrong length or an overlap is shown next
// to the field that causes it, and the resulting calendar can be previewed with its times in that zone.
// The organisation's zone itself is set on the same page: the cycle's days are counted there. HR may
// choose training mode instead (the 'training' preset: a practice year of about an hour, from a date and
// time in that zone), whose calendar is marked as training.
import { Temporal } from 'temporal-polyfill';
import { defaultSkpApproach, type SkpApproach, skpApproaches } from '../../../domain/appraisal/skp.ts';
import {
  buildCalendar,
  type CalendarOverrides,
  type CycleCalendar,
  calendarDefaultsFor,
} from '../../../domain/cycle/calendar.ts';
import { defaultPeriodKind, type PeriodKind, periodKinds } from '../../../domain/cycle/periods.ts';
import { trainingPreset } from '../../../domain/cycle/training-calendar.ts';
import { isDomainError } from '../../../domain/errors.ts';
import { isZeroDuration, parseDuration } from '../../../domain/time/duration.ts';
import { parseInstant } from '../../../domain/time/instant.ts';
import { localIsoDate } from '../../../domain/time/local-text.ts';
import { indonesianTimeZones, zoneAbbreviation } from '../../../domain/time/zones.ts';
import { type FormState, newFormKey, radioGroup, textField, type Values } from '../forms.ts';
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

export interface StartCycleBody {
  year: number;
  start: string;
  periods: PeriodKind;
  skpApproach: SkpApproach;
  calendar: Omit<CalendarOverrides, 'periods'>;
  population: { unitCodes?: string[] };
}

export const cycleModes = ['real', 'training'] as const;
/** What a date-time field sends: a local date and time, in the organisation's zone. */
const localDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const isPeriodKind = (text: string): text is PeriodKind => (periodKinds as readonly string[]).includes(text);
const isSkpApproach = (text: string): text is SkpApproach =>
  (skpApproaches as readonly string[]).includes(text);

/** The year whose calendar fits a cycle starting today (in the zone): this year early on, else the next. */
export function defaultYear(today: Date, timeZone: string): number {
  const start = localIsoDate(today, timeZone);
  const year = Number(start.slice(0, 4));
  try {
    buildCalendar(year, start, { periods: defaultPeriodKind }, timeZone);
    return year;
  } catch {
    return year + 1;
  }
}

/** The fresh form: this year or the next, today (in the zone), quarterly periods, default lengths. */
export function startDefaults(today: Date, timeZone: string): Values {
  return {
    year: String(defaultYear(today, timeZone)),
    start: localIsoDate(today, timeZone),
    periods: defaultPeriodKind,
    skpApproach: defaultSkpApproach,
    mode: 'real',
    startAt: localDateTimeOf(today, timeZone),
  };
}

/** `YYYY-MM-DDTHH:mm` of `at` in `timeZone`, as a date-time field shows it. */
function localDateTimeOf(at: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

const errorKeys: Record<string, string> = {
  'calendar.invalidYear': 'startCycle.error.year',
  'calendar.invalidDuration': 'startCycle.error.duration',
  'calendar.invalidDate': 'startCycle.error.date',
  'calendar.outOfRange': 'startCycle.error.outOfRange',
  'calendar.outOfOrder': 'startCycle.error.outOfOrder',
  'calendar.objectionWindowTooShort': 'startCycle.error.keberatan',
};

/** The form as the API's start-cycle body with its calendar in `timeZone`, or the errors keyed by field. */
export function parseStartCycle(
  values: Values,
  unitCodes: string[],
  timeZone: string,
):
  | { ok: true; body: StartCycleBody; calendar: CycleCalendar }
  | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const year = Number(values.year);
  if (!values.year?.trim()) errors.year = 'error.required';
  else if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.year = 'startCycle.error.year';
  // Training mode starts at a local date and time (startAt); a real cycle at 00:00 of its start date.
  const training = values.mode === 'training';
  const startField = training ? 'startAt' : 'start';
  const start = values[startField]?.trim() ?? '';
  if (!start) errors[startField] = 'error.required';
  else if (training ? !localDateTime.test(start) : !/^\d{4}-\d{2}-\d{2}$/.test(start))
    errors[startField] = training ? 'startCycle.error.dateTime' : 'startCycle.error.date';
  const periods = values.periods?.trim() || defaultPeriodKind;
  if (!isPeriodKind(periods)) errors.periods = 'startCycle.error.periods';
  const skpApproach = values.skpApproach?.trim() || defaultSkpApproach;
  if (!isSkpApproach(skpApproach)) errors.skpApproach = 'startCycle.error.skpApproach';
  const calendar: Omit<CalendarOverrides, 'periods'> = {};
  // An empty length is the chosen periods' default (a monthly cycle has shorter opening steps).
  for (const f of durationFields) {
    const v = values[f]?.trim();
    if (v) calendar[f] = v.toUpperCase();
  }
  const reviewStart = values.reviewStart?.trim();
  if (reviewStart) calendar.reviewStart = reviewStart;
  if (training) {
    // The preset sets every length and date itself: a value typed in as well is shown, not dropped.
    for (const f of Object.keys(calendar)) errors[f] = 'startCycle.error.trainingLength';
    if (!isPeriodKind(periods) || !isSkpApproach(skpApproach) || Object.keys(errors).length > 0)
      return { ok: false, errors };
    return trainingCycle(year, start, periods, skpApproach, unitCodes, timeZone);
  }
  // Each length and date on its own first, so that a wrong one shows beside a missing year or start.
  for (const f of durationFields) {
    const v = calendar[f];
    const d = v === undefined ? undefined : parseDuration(v);
    if (d === null || (d !== undefined && isZeroDuration(d))) errors[f] = 'startCycle.error.duration';
  }
  if (reviewStart && parseInstant(reviewStart, timeZone) === null)
    errors.reviewStart = 'startCycle.error.date';
  if (!isPeriodKind(periods) || !isSkpApproach(skpApproach) || errors.year || errors.start)
    return { ok: false, errors };
  // The calendar's rules stop at the first mistake: leave out the override it names and build again, to
  // find the others too.
  const trying: Omit<CalendarOverrides, 'periods'> = { ...calendar };
  for (const f of Object.keys(errors)) delete trying[f as keyof typeof trying];
  for (;;) {
    try {
      const built = buildCalendar(year, start, { ...trying, periods }, timeZone);
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      const population = unitCodes.length > 0 ? { unitCodes } : {};
      return {
        ok: true,
        body: { year, start, periods, skpApproach, calendar, population },
        calendar: built,
      };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const field = String(error.details?.field ?? 'start');
      errors[field] ??= errorKeys[error.code] ?? 'error.invalid';
      if (!Object.hasOwn(trying, field)) return { ok: false, errors };
      delete trying[field as keyof typeof trying];
    }
  }
}

/** The training preset from `start` (a local date-time), or the error at the field it names. */
function trainingCycle(
  year: number,
  start: string,
  periods: PeriodKind,
  skpApproach: SkpApproach,
  unitCodes: string[],
  timeZone: string,
): ReturnType<typeof parseStartCycle> {
  const calendar = { preset: trainingPreset } as const;
  try {
    const built = buildCalendar(year, start, { ...calendar, periods }, timeZone);
    const population = unitCodes.length > 0 ? { unitCodes } : {};
    // The API's start is an instant: the local date-time as read in the organisation's zone.
    const at = built.steps[0]?.start ?? start;
    return {
      ok: true,
      body: { year, start: at, periods, skpApproach, calendar, population },
      calendar: built,
    };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const field = String(error.details?.field ?? 'start');
    return {
      ok: false,
      errors: { [field === 'start' ? 'startAt' : field]: errorKeys[error.code] ?? 'error.invalid' },
    };
  }
}

export interface StartCycleView {
  state: FormState;
  units: Array<{ code: string; name: string }>;
  chosenUnits: string[];
  /** The calendar the form gives, when it is valid. */
  preview: CycleCalendar | null;
  /** The organisation's zone, and the outcome of setting it (a catalogue key), if it was just set. */
  zone: { timeZone: string; state?: FormState; saved?: boolean };
}

export function startCycleBody(t: Translate, view: StartCycleView): Html {
  const { state } = view;
  const chosen = state.values.periods;
  const defaults = calendarDefaultsFor(chosen && isPeriodKind(chosen) ? chosen : defaultPeriodKind);
  const field = (
    name: string,
    label: string,
    o: { kind?: 'text' | 'date'; hint?: string; optional?: boolean; placeholder?: string },
  ) => h`<div class="field">${textField(t, state, { name, label, ...o })}</div>`;
  const errorCount = Object.keys(state.errors).length;
  const zone = zoneAbbreviation(view.zone.timeZone);
  return h`<p>${t('startCycle.intro')}</p>
${timeZoneForm(t, view.zone)}
<form method="post" action="/app/hr/start" class="card" novalidate>
${state.formError ? h`<p class="notice error" role="alert">${state.formError}</p>` : ''}
${errorCount > 0 && !state.formError ? h`<p class="notice error" role="alert">${t('error.heading')}</p>` : ''}
<input type="hidden" name="_key" value="${state.values._key ?? newFormKey()}">
<div class="grid2">
${field('year', t('startCycle.year'), { hint: t('startCycle.yearHint') })}
${field('start', t('startCycle.start'), { kind: 'date', hint: t('startCycle.startHint', { zone }) })}
</div>
${radioGroup(t, state, {
  name: 'mode',
  legend: t('startCycle.mode'),
  hint: t('startCycle.modeHint'),
  options: cycleModes.map((mode) => ({ value: mode, label: t(`startCycle.mode.${mode}`) })),
})}
<div class="field">${textField(t, state, {
    name: 'startAt',
    label: t('startCycle.startAt', { zone }),
    kind: 'datetime-local',
    hint: t('startCycle.startAtHint', { zone }),
    optional: true,
  })}</div>
${radioGroup(t, state, {
  name: 'periods',
  legend: t('startCycle.periods'),
  hint: t('startCycle.periodsHint'),
  options: periodKinds.map((kind) => ({ value: kind, label: t(`periodKind.${kind}`) })),
})}
${radioGroup(t, state, {
  name: 'skpApproach',
  legend: t('startCycle.skpApproach'),
  hint: t('startCycle.skpApproachHint'),
  options: skpApproaches.map((a) => ({ value: a, label: t(`skp.approach.${a}`) })),
})}
<fieldset><legend>${t('startCycle.durations')}</legend>
<p class="hint">${t('startCycle.durationsHint')}</p>
<div class="grid3">${durationFields.map((f) =>
    field(f, t(`startCycle.${f}`), { optional: true, placeholder: defaults[f] }),
  )}</div>
</fieldset>
<fieldset><legend>${t('startCycle.dates')}</legend>
<p class="hint">${t('startCycle.datesHint')}</p>
<div class="grid3">${field('reviewStart', t('startCycle.reviewStart'), { kind: 'date', optional: true })}</div>
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

/** The organisation's zone, which HR may change: new cycles count their days there. */
function timeZoneForm(t: Translate, zone: StartCycleView['zone']): Html {
  const state = zone.state ?? {
    type: 'timeZone',
    values: { timeZone: zone.timeZone },
    errors: {},
  };
  return h`<form method="post" action="/app/hr/time-zone" class="card" id="time-zone">
${zone.saved ? notice('ok', t('timeZone.saved', { zone: zoneAbbreviation(zone.timeZone) })) : ''}
${radioGroup(t, state, {
  name: 'timeZone',
  legend: t('timeZone.title'),
  hint: t('timeZone.hint'),
  compact: true,
  options: Object.entries(indonesianTimeZones).map(([abbreviation, name]) => ({
    value: name,
    label: t(`timeZone.${abbreviation}`),
  })),
})}
<div class="actions"><button type="submit" class="secondary">${t('timeZone.submit')}</button></div>
</form>`;
}

/** The steps and the periods' evaluation windows in time order, times in the calendar's zone. */
function calendarTable(t: Translate, calendar: CycleCalendar): Html {
  const rows = [
    ...calendar.steps.map((s) => ({
      label: t(`calendarStep.${s.step}`),
      opens: s.start,
      closes: s.deadline,
    })),
    ...(calendar.periods?.windows ?? []).map((w) => ({
      label: t('calendarStep.period', { period: w.id }),
      opens: w.opens,
      closes: w.deadline,
    })),
  ].sort((a, b) => Date.parse(a.opens) - Date.parse(b.opens));
  const zone = zoneAbbreviation(calendar.timeZone);
  const training = calendar.training !== undefined;
  const title = t(training ? 'startCycle.trainingCalendar' : 'startCycle.calendar', { year: calendar.year });
  return h`<section aria-labelledby="calendar-preview"><h2 id="calendar-preview">${title}</h2>
${training ? notice('info', t('startCycle.trainingNotice')) : ''}
<p class="muted">${t(training ? 'startCycle.trainingZoneNote' : 'startCycle.zoneNote', { zone })}</p>
<div class="scroll"><table id="calendar-table"><thead><tr><th scope="col">${t('startCycle.step')}</th><th scope="col">${t('startCycle.opens')}</th><th scope="col">${t('startCycle.closes')}</th></tr></thead>
<tbody>${rows.map(
    (r) =>
      h`<tr><th scope="row">${r.label}</th><td>${t.dateTime(r.opens)}</td><td>${t.dateTime(r.closes)}</td></tr>`,
  )}</tbody></table></div></section>`;
}

/** The page before anything was sent: the defaults and their calendar in the organisation's zone. */
export function freshStartView(
  today: Date,
  units: Array<{ code: string; name: string }>,
  timeZone: string,
  saved = false,
): StartCycleView {
  const values = { ...startDefaults(today, timeZone), _key: newFormKey() };
  const parsed = parseStartCycle(values, [], timeZone);
  return {
    state: { type: 'startCycle', values, errors: {} },
    units,
    chosenUnits: [],
    preview: parsed.ok ? parsed.calendar : null,
    zone: { timeZone, saved },
  };
}

export const startedNotice = (t: Translate, year: string) => notice('ok', t('startCycle.started', { year }));
