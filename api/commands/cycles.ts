// HR's commands on the yearly cycle: start it, set a unit's own predikat, close it; and the changes to a
// running cycle (late joiners, a leaver, a unit's deadline). Each is a workflow start or a Workflow
// Update on the CycleWorkflow, under the same deadline and 503 handling as every Temporal call; with a
// key the Update id (and the start's memo) is derived from it, so a repeat gets the first outcome.
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Principal } from '../../auth/identity.ts';
import { defaultSkpApproach, skpApproaches } from '../../domain/appraisal/skp.ts';
import type { Step } from '../../domain/appraisal/types.ts';
import { toAppraisalCalendar } from '../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar, type CalendarOverrides } from '../../domain/cycle/calendar.ts';
import { capaianBasis } from '../../domain/cycle/capaian.ts';
import type { Population } from '../../domain/cycle/events.ts';
import { inTimeZone } from '../../domain/cycle/local-calendar.ts';
import { annualPeriod, defaultPeriodKind, periodKinds } from '../../domain/cycle/periods.ts';
import { cycleIdFor, cycleWorkflowId } from '../../domain/ids.ts';
import type { UnitPredikat } from '../../domain/rating/distribution-rules.ts';
import { zoneAbbreviation } from '../../domain/time/zones.ts';
import { capaianAuthority, mayReadCycles } from '../../record/read/access.ts';
import { unitForCapaian } from '../../record/read/capaian.ts';
import { type Cycle, cycleOf } from '../../record/read/cycles.ts';
import { timeZoneOf } from '../../record/read/organisation.ts';
import { cyclePeriods } from '../../record/read/periodic.ts';
import type { CycleInput } from '../../workflows/cycle.ts';
import {
  addEmployeesUpdate,
  type CycleChangeResult,
  closeCycleUpdate,
  extendUnitDeadlineUpdate,
  removeEmployeeUpdate,
  setUnitPredikatUpdate,
} from '../../workflows/messages.ts';
import { updateIdFor } from './operation-id.ts';
import { Refusal, refusalOf } from './refusal.ts';
import { requireHr } from './require.ts';
import type { Services } from './services.ts';
import { executeUpdate, startWorkflowOnce } from './temporal-calls.ts';

export interface StartCycleRequest {
  year: number;
  /** ISO 8601 date (00:00 in the organisation's zone) or date-time */
  start: string;
  /** The evaluation periods: quarterly (the default), monthly or semester; anything else is a 422. */
  periods?: string | undefined;
  /** The SKP approach: kualitatif (the default) or kuantitatif; anything else is a 422. */
  skpApproach?: string | undefined;
  calendar: Omit<CalendarOverrides, 'periods'>;
  population: Population;
}

/**
 * Starts the year's cycle once: 409 cycle_exists when it was started already (by another request). Its
 * calendar counts the days of the organisation's zone, with the periods HR chose.
 */
export async function startCycle(
  services: Services,
  me: Principal,
  request: StartCycleRequest,
  key: string | undefined,
): Promise<{ cycleId: string; workflowId: string }> {
  requireHr(me);
  const { taskQueue } = services;
  const periods = oneOf('invalid_periods', 'periods', request.periods ?? defaultPeriodKind, periodKinds);
  const skpApproach = oneOf(
    'invalid_skp_approach',
    'skpApproach',
    request.skpApproach ?? defaultSkpApproach,
    skpApproaches,
  );
  const timeZone = await timeZoneOf(services.db, me.org);
  const overrides = { ...request.calendar, periods };
  const calendar = {
    ...toAppraisalCalendar(buildCalendar(request.year, request.start, overrides, timeZone)),
    skpApproach,
  };
  const cycleId = cycleIdFor(me.org, request.year);
  const input: CycleInput = {
    cycleId,
    orgId: me.org,
    year: request.year,
    calendar,
    population: request.population,
    startedBy: me.nip,
  };
  const workflowId = cycleWorkflowId(cycleId);
  const operationId = updateIdFor(me, key);
  // A retry whose first attempt started the cycle but lost the answer gets that answer.
  const outcome = await startWorkflowOnce(
    services,
    { workflowType: 'CycleWorkflow', workflowId, taskQueue, args: [input] },
    operationId,
  );
  if (outcome === 'theirs')
    throw new Refusal(409, 'cycle_exists', `The ${request.year} cycle was already started`);
  return { cycleId, workflowId };
}

/** `value` when `allowed` lists it; else 422 `code` naming the field and what it allows. */
function oneOf<T extends string>(code: string, field: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Refusal(422, code, `${field} must be one of ${allowed.join(', ')}; got '${value}'`, {
    field,
    allowed,
  });
}

/** A cycle of my organisation for HR and auditors to read: 403 for other roles, 404 when absent. */
export async function readableCycle(services: Services, me: Principal, cycleId: string): Promise<Cycle> {
  if (!mayReadCycles(me)) throw new Refusal(403, 'forbidden_role', 'This needs the hr or auditor role');
  const cycle = await cycleOf(services.db, me.org, cycleId);
  if (!cycle) throw new Refusal(404, 'not_found', 'No such cycle');
  return cycle;
}

/**
 * A cycle as HR and auditors read it: the stored calendar (UTC), the zone its days are counted in (the
 * zone it was built in; the organisation's for cycles from before zones were recorded), and the same
 * calendar on that zone's wall clock.
 */
export async function describeCycle(services: Services, me: Principal, cycleId: string) {
  const cycle = await readableCycle(services, me, cycleId);
  const recorded = cycle.calendar.timeZone;
  const timeZone = typeof recorded === 'string' ? recorded : await timeZoneOf(services.db, me.org);
  return {
    ...cycle,
    timeZone,
    zone: zoneAbbreviation(timeZone),
    localCalendar: inTimeZone(cycle.calendar, timeZone),
  };
}

/**
 * Sets a unit's own predikat (capaian kinerja organisasi), which selects the unit's distribution rule:
 * the year's, or with a period one of the cycle's periods' (422 period_not_in_cycle for another). The
 * leader of the unit above sets it; HR only as a named delegate with the delegation's document (422
 * delegate_document_required without one); anyone else 403. Its basis (a note, links) is recorded with it.
 */
export async function setUnitPredikat(
  services: Services,
  me: Principal,
  cycleId: string,
  change: CapaianChange,
  key: string | undefined,
): Promise<CycleChangeResult> {
  const cycle = await cycleOf(services.db, me.org, cycleId);
  if (!cycle) throw new Refusal(404, 'not_found', 'No such cycle');
  const { unitCode, predikat, period } = change;
  const unit = await unitForCapaian(services.db, me.org, unitCode);
  if (!unit) throw new Refusal(404, 'unit_not_found', `No unit ${unitCode} in this organisation`);
  const as = capaianAuthority(me, unit);
  if (!as)
    throw new Refusal(
      403,
      'forbidden_capaian',
      "A unit's capaian is set by the leader of the unit above it, or by HR as a named delegate",
    );
  if (period !== undefined) requireCyclePeriod(cycle, period, { annual: false });
  const basis = refuseDomainError(() => capaianBasis(as, change));
  const handle = services.temporal.workflow.getHandle(cycleWorkflowId(cycle.cycleId));
  return updateCycle(
    services,
    handle,
    setUnitPredikatUpdate,
    [{ unitCode, predikat, ...(period !== undefined ? { period } : {}), by: me.nip, ...basis }],
    updateIdFor(me, key),
  );
}

export interface CapaianChange {
  unitCode: string;
  predikat: UnitPredikat;
  period?: string | undefined;
  /** Required of HR: the delegation's document reference (an SK number). */
  document?: string | undefined;
  note?: string | undefined;
  links?: string[] | undefined;
}

function refuseDomainError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw refusalOf(error) ?? error;
  }
}

/** 422 period_not_in_cycle unless the cycle has this period (or, when `annual`, it is `akhir`). */
export function requireCyclePeriod(cycle: Cycle, period: string, options: { annual: boolean }): void {
  const { choices } = cyclePeriods(cycle);
  const allowed = options.annual ? choices : choices.filter((p) => p !== annualPeriod);
  if (!allowed.includes(period))
    throw new Refusal(422, 'period_not_in_cycle', `The ${cycle.year} cycle has no period ${period}`, {
      period,
      periods: allowed,
    });
}

export async function closeCycle(
  services: Services,
  me: Principal,
  cycleId: string,
  key: string | undefined,
): Promise<CycleChangeResult> {
  requireHr(me);
  const cycle = await readableCycle(services, me, cycleId);
  const handle = services.temporal.workflow.getHandle(cycleWorkflowId(cycle.cycleId));
  return updateCycle(services, handle, closeCycleUpdate, [{ by: me.nip }], updateIdFor(me, key));
}

/**
 * An Update to the cycle's workflow: one that has ended (the cycle closed, perhaps a moment ago, before
 * its read model said so) is 409 cycle_closed.
 */
async function updateCycle<Ret, Args extends [unknown, ...unknown[]]>(
  ...call: Parameters<typeof executeUpdate<Ret, Args>>
): Promise<Ret> {
  try {
    return await executeUpdate(...call);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new Refusal(409, 'cycle_closed', 'The cycle is closed');
    throw error;
  }
}

/** A running cycle of my organisation, for HR to change: 409 cycle_closed once it is closed. */
async function runningCycle(services: Services, me: Principal, cycleId: string) {
  requireHr(me);
  const cycle = await cycleOf(services.db, me.org, cycleId);
  if (!cycle) throw new Refusal(404, 'not_found', 'No such cycle');
  if (cycle.status !== 'running') throw new Refusal(409, 'cycle_closed', 'The cycle is closed');
  return services.temporal.workflow.getHandle(cycleWorkflowId(cycle.cycleId));
}

/** Adds late joiners to a running cycle. */
export async function addEmployees(
  services: Services,
  me: Principal,
  cycleId: string,
  nips: string[],
  key: string | undefined,
): Promise<CycleChangeResult> {
  const handle = await runningCycle(services, me, cycleId);
  return updateCycle(services, handle, addEmployeesUpdate, [{ nips, by: me.nip }], updateIdFor(me, key));
}

/** Removes a leaver: their appraisal is cancelled with the reason. */
export async function removeEmployee(
  services: Services,
  me: Principal,
  cycleId: string,
  nip: string,
  reason: string,
  key: string | undefined,
): Promise<CycleChangeResult> {
  const handle = await runningCycle(services, me, cycleId);
  return updateCycle(
    services,
    handle,
    removeEmployeeUpdate,
    [{ nip, reason, by: me.nip }],
    updateIdFor(me, key),
  );
}

/** Extends the current step's deadline for a unit; the new deadline must lie ahead. */
export async function extendUnitDeadline(
  services: Services,
  me: Principal,
  cycleId: string,
  change: { unitCode: string; step: Step; deadline: string },
  key: string | undefined,
): Promise<CycleChangeResult> {
  const handle = await runningCycle(services, me, cycleId);
  if (Date.parse(change.deadline) <= Date.now())
    throw new Refusal(422, 'deadline_in_past', 'The new deadline must be in the future');
  return updateCycle(
    services,
    handle,
    extendUnitDeadlineUpdate,
    [{ ...change, by: me.nip }],
    updateIdFor(me, key),
  );
}
