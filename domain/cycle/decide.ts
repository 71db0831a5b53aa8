// decide for a cycle: what the CycleWorkflow (HR's Updates, the launch, calibration, the close) asks,
// against the cycle's state, gives the events to record. Pure and deterministic; `at` is the workflow's
// clock. Whatever needs the world (starting appraisals, counting predikat) is done by activities, whose
// results come back here as commands to record.
import type { UnitPredikat } from '../rating/distribution-rules.ts';
import type { CapaianBasis } from './capaian.ts';
import { decidePenetapan, type PenetapanCommand } from './decide-penetapan.ts';
import type { CycleEvent, Population } from './events.ts';
import { decidePeriodPenetapan, type PeriodPenetapanCommand } from './period-penetapan.ts';
import type { CycleState } from './state.ts';

type Data<T extends CycleEvent['type']> = Extract<CycleEvent, { type: T }>['data'];

export type CycleCommand =
  | {
      type: 'start';
      cycleId: string;
      orgId: string;
      year: number;
      /** The cycle's calendar (workflows/appraisal-input.ts), recorded as it is. */
      calendar: object;
      population: Population;
      by: string;
    }
  | { type: 'recordLaunch'; launched: number; alreadyRunning: number; total: number }
  | { type: 'addEmployees'; nips: string[]; by: string }
  | { type: 'removeEmployee'; nip: string; reason: string; by: string }
  | { type: 'rejoinEmployee'; nip: string; reason: string; effectiveDate: string; by: string }
  | {
      type: 'extendUnitDeadline';
      unitCode: string;
      step: Data<'cycle.deadlineExtended'>['step'];
      deadline: string;
      by: string;
    }
  | ({
      type: 'setUnitPredikat';
      unitCode: string;
      predikat: UnitPredikat;
      period?: string;
      by: string;
    } & Partial<CapaianBasis>)
  | ({ type: 'recordCalibration' } & Omit<Data<'cycle.unitCalibrated'>, 'at'>)
  | { type: 'releaseUnit'; unitCode: string; employees: number }
  | ({ type: 'recordCurveRecheck' } & Omit<Data<'cycle.curveRechecked'>, 'at'>)
  | PenetapanCommand
  | PeriodPenetapanCommand
  | { type: 'close'; by: string };

export function decideCycle(state: CycleState | null, command: CycleCommand, at: string): CycleEvent[] {
  if (command.type === 'start') {
    if (state) return [];
    const { type: _, ...started } = command;
    const calendar = { ...started.calendar } as Record<string, unknown>;
    return [{ type: 'cycle.started', data: { ...started, calendar, at } }];
  }
  // Everything else happens to a started cycle that has not closed; the workflow never asks otherwise.
  if (!state || state.status === 'closed') return [];
  switch (command.type) {
    case 'recordLaunch': {
      const { type: _, ...launch } = command;
      return [{ type: 'cycle.launched', data: { ...launch, at } }];
    }
    case 'addEmployees':
      return [{ type: 'cycle.employeesAdded', data: { nips: command.nips, by: command.by, at } }];
    case 'removeEmployee': {
      const { nip, reason, by } = command;
      return [{ type: 'cycle.employeeRemoved', data: { nip, reason, by, at } }];
    }
    case 'rejoinEmployee': {
      const { nip, reason, effectiveDate, by } = command;
      return [{ type: 'cycle.employeeRejoined', data: { nip, reason, effectiveDate, by, at } }];
    }
    case 'extendUnitDeadline': {
      const { unitCode, step, deadline, by } = command;
      return [{ type: 'cycle.deadlineExtended', data: { unitCode, step, deadline, by, at } }];
    }
    case 'setUnitPredikat': {
      const { unitCode, predikat, period, by, as, document, note, links } = command;
      // Without a period or a basis the event is as it always was: the year's capaian, set by HR.
      const basis = {
        ...(as ? { as } : {}),
        ...(document ? { document } : {}),
        ...(note ? { note } : {}),
        ...(links ? { links } : {}),
      };
      const data =
        period === undefined
          ? { unitCode, predikat, by, ...basis, at }
          : { unitCode, predikat, period, by, ...basis, at };
      return [{ type: 'cycle.unitPredikatSet', data }];
    }
    case 'recordCalibration': {
      const { type: _, ...outcome } = command;
      const { unitCode } = outcome;
      const unit = state.units[unitCode];
      // A released unit is final; an outcome equal to the last one recorded adds nothing to the record.
      if (unit?.released) return [];
      const last = unit?.calibrations.at(-1);
      if (last && sameOutcome(last, command)) return [];
      return [{ type: 'cycle.unitCalibrated', data: { ...outcome, at } }];
    }
    case 'releaseUnit':
      if (state.units[command.unitCode]?.released) return [];
      return [
        {
          type: 'cycle.unitReleased',
          data: { unitCode: command.unitCode, employees: command.employees, at },
        },
      ];
    case 'recordCurveRecheck': {
      const { type: _, ...recheck } = command;
      return [{ type: 'cycle.curveRechecked', data: { ...recheck, at } }];
    }
    case 'openPenetapan':
    case 'escalatePenetapans':
    case 'signPenetapan':
    case 'decideCalibration':
      return decidePenetapan(state, command, at);
    case 'openPeriodPenetapan':
    case 'escalatePeriodPenetapans':
    case 'signPeriodPenetapan':
      return decidePeriodPenetapan(state, command, at);
    case 'close':
      return [{ type: 'cycle.closed', data: { by: command.by, at } }];
  }
}

type Outcome = Pick<Data<'cycle.unitCalibrated'>, 'ok' | 'counts' | 'unitPredikat' | 'curve'>;
// The curve's group and findings count too: a small unit's parent may change its group's counts.
const sameOutcome = (a: Outcome, b: Outcome) =>
  JSON.stringify([a.ok, a.counts, a.unitPredikat, a.curve?.counts, a.curve?.findings]) ===
  JSON.stringify([b.ok, b.counts, b.unitPredikat, b.curve?.counts, b.curve?.findings]);

/** Whether every unit calibrated so far has been released (the cycle can stop calibrating). */
export function releasedUnits(state: CycleState): string[] {
  return Object.entries(state.units)
    .filter(([, unit]) => unit.released !== null)
    .map(([code]) => code)
    .sort();
}
