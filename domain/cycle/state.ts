// The state of a cycle, folded from its own stream's events: launches, HR's changes, each unit's
// calibration outcomes and release, and the close. Pure, like the appraisal's `evolve`: the
// CycleWorkflow folds the events it records with it, and the auditors' replay folds the log.
import type { CycleEvent } from './events.ts';
import type { PenetapanState, PeriodPenetapanState } from './penetapan.ts';

type Data<T extends CycleEvent['type']> = Extract<CycleEvent, { type: T }>['data'];

export interface UnitState {
  /** The year's capaian kinerja organisasi: it selects the rule the unit's release is calibrated by. */
  unitPredikat: string | null;
  /** Each period's capaian (TW1 ...): it selects the pattern the period's predikat are shown against. */
  periodPredikat: Record<string, string>;
  /** Every calibration outcome recorded for the unit, oldest first. */
  calibrations: Array<Omit<Data<'cycle.unitCalibrated'>, 'unitCode'>>;
  released: { at: string; employees: number } | null;
  /** The penetapan of a unit whose curve has findings; null while none was opened. */
  penetapan: PenetapanState | null;
  /** Each evaluation period's penetapan, by period (absent until one opened). */
  periodPenetapans?: Record<string, PeriodPenetapanState>;
  /** The penetapan holder's decisions on the calibration assistant's proposal (absent until one). */
  calibrationDecisions?: Array<Omit<Data<'cycle.calibrationDecided'>, 'unitCode'>>;
  /** The curve checked again after objections changed a predikat, oldest first (absent until one). */
  rechecks?: Array<Omit<Data<'cycle.curveRechecked'>, 'unitCode'>>;
}

export interface CycleState {
  cycleId: string;
  orgId: string;
  year: number;
  population: Data<'cycle.started'>['population'];
  calendar: Record<string, unknown>;
  startedBy: string;
  startedAt: string;
  /** Version of the cycle stream folded so far. */
  version: number;
  /** Members after the latest launch, and each launch's counts. */
  members: number;
  launches: Array<Omit<Data<'cycle.launched'>, 'total'>>;
  employeesAdded: string[];
  employeesRemoved: Array<Data<'cycle.employeeRemoved'>>;
  /** Leavers who came back, each with a new appraisal in the cycle. */
  employeesRejoined: Array<Data<'cycle.employeeRejoined'>>;
  deadlineExtensions: Array<Data<'cycle.deadlineExtended'>>;
  units: Record<string, UnitState>;
  status: 'running' | 'closed';
  closed: { by: string; at: string } | null;
}

export function initialCycleState(started: Data<'cycle.started'>): CycleState {
  return {
    cycleId: started.cycleId,
    orgId: started.orgId,
    year: started.year,
    population: started.population,
    calendar: started.calendar,
    startedBy: started.by,
    startedAt: started.at,
    version: 1,
    members: 0,
    launches: [],
    employeesAdded: [],
    employeesRemoved: [],
    employeesRejoined: [],
    deadlineExtensions: [],
    units: {},
    status: 'running',
    closed: null,
  };
}

const emptyUnit: UnitState = {
  unitPredikat: null,
  periodPredikat: {},
  calibrations: [],
  released: null,
  penetapan: null,
};

/** Folds one cycle event into the state; never mutates its input. */
export function evolveCycle(state: CycleState, event: CycleEvent): CycleState {
  const s: CycleState = { ...state, version: state.version + 1 };
  const unit = (code: string, change: (u: UnitState) => UnitState): CycleState => ({
    ...s,
    units: { ...s.units, [code]: change(s.units[code] ?? emptyUnit) },
  });
  const periodPenetapan = (
    code: string,
    period: string,
    change: (p: PeriodPenetapanState) => PeriodPenetapanState,
  ): CycleState =>
    unit(code, (u) => {
      const p = u.periodPenetapans?.[period];
      return p ? { ...u, periodPenetapans: { ...u.periodPenetapans, [period]: change(p) } } : u;
    });
  switch (event.type) {
    case 'cycle.started':
      return initialCycleState(event.data);
    case 'cycle.launched': {
      const { total, ...launch } = event.data;
      return { ...s, members: total, launches: [...s.launches, launch] };
    }
    case 'cycle.employeesAdded':
      return { ...s, employeesAdded: [...s.employeesAdded, ...event.data.nips] };
    case 'cycle.employeeRemoved':
      return { ...s, employeesRemoved: [...s.employeesRemoved, event.data] };
    case 'cycle.employeeRejoined':
      return { ...s, employeesRejoined: [...s.employeesRejoined, event.data] };
    case 'cycle.deadlineExtended':
      return { ...s, deadlineExtensions: [...s.deadlineExtensions, event.data] };
    case 'cycle.unitPredikatSet': {
      const { period, predikat } = event.data;
      return unit(event.data.unitCode, (u) =>
        period === undefined
          ? { ...u, unitPredikat: predikat }
          : { ...u, periodPredikat: { ...u.periodPredikat, [period]: predikat } },
      );
    }
    case 'cycle.unitCalibrated': {
      const { unitCode, ...outcome } = event.data;
      return unit(unitCode, (u) => ({ ...u, calibrations: [...u.calibrations, outcome] }));
    }
    case 'cycle.penetapanOpened': {
      const { unitCode, leaderNip, superiorNip, stage, assigneeNip, deadline, pack, at } = event.data;
      return unit(unitCode, (u) => ({
        ...u,
        penetapan: { openedAt: at, leaderNip, superiorNip, stage, assigneeNip, deadline, pack, signed: null },
      }));
    }
    case 'cycle.penetapanEscalated': {
      const { unitCode, to, assigneeNip, deadline } = event.data;
      return unit(unitCode, (u) =>
        u.penetapan ? { ...u, penetapan: { ...u.penetapan, stage: to, assigneeNip, deadline } } : u,
      );
    }
    case 'cycle.penetapanSigned': {
      const { unitCode, by, as, conforming, justifications, at } = event.data;
      return unit(unitCode, (u) =>
        u.penetapan
          ? { ...u, penetapan: { ...u.penetapan, signed: { by, as, conforming, justifications, at } } }
          : u,
      );
    }
    case 'cycle.periodPenetapanOpened': {
      const { unitCode, period, at, ...rest } = event.data;
      const opened: PeriodPenetapanState = { ...rest, period, openedAt: at, signed: null };
      return unit(unitCode, (u) => ({ ...u, periodPenetapans: { ...u.periodPenetapans, [period]: opened } }));
    }
    case 'cycle.periodPenetapanEscalated': {
      const { unitCode, period, to, assigneeNip, deadline } = event.data;
      return periodPenetapan(unitCode, period, (p) => ({ ...p, stage: to, assigneeNip, deadline }));
    }
    case 'cycle.periodPenetapanSigned': {
      const { unitCode, period, by, as, conforming, justifications, at } = event.data;
      return periodPenetapan(unitCode, period, (p) => ({
        ...p,
        signed: { by, as, conforming, justifications, at },
      }));
    }
    case 'cycle.unitReleased':
      return unit(event.data.unitCode, (u) => ({
        ...u,
        released: { at: event.data.at, employees: event.data.employees },
      }));
    case 'cycle.calibrationDecided': {
      const { unitCode, ...decided } = event.data;
      return unit(unitCode, (u) => ({
        ...u,
        calibrationDecisions: [...(u.calibrationDecisions ?? []), decided],
      }));
    }
    case 'cycle.curveRechecked': {
      const { unitCode, ...recheck } = event.data;
      return unit(unitCode, (u) => ({ ...u, rechecks: [...(u.rechecks ?? []), recheck] }));
    }
    case 'cycle.closed':
      return { ...s, status: 'closed', closed: { by: event.data.by, at: event.data.at } };
  }
}
