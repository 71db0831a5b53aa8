// CycleWorkflow: one organisation's year. It launches the employees' workflows in batches from a
// heartbeating activity (never as children: Temporal caps pending children and history), releases each
// unit once its predikat distribution passes calibration or, when it does not, once its penetapan is
// signed (the `penetapan` patch; the decisions are domain/cycle/decide-penetapan.ts's), and takes HR's
// changes as Updates. Since the `checkpoint-seals` patch it also seals the cycle's streams daily, at each
// release and at each penetapan's signature, so documents printed mid-year are provable. Since the
// `periodic-penetapan` patch each evaluation period's penetapans are opened, signed and passed on too
// (workflows/periodic-penetapan.ts).
import {
  condition,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  uuid4,
} from '@temporalio/workflow';
import type * as activities from '../activities/index.ts';
import type { CurveRecheckRequest } from '../domain/appraisal/objection.ts';
import { type CycleCommand, decideCycle, releasedUnits } from '../domain/cycle/decide.ts';
import { nextPenetapanDeadline, penetapanStep } from '../domain/cycle/decide-penetapan.ts';
import type { CycleEvent, Population } from '../domain/cycle/events.ts';
import { type CycleState, evolveCycle, initialCycleState } from '../domain/cycle/state.ts';
import { cycleStreamId, systemActor } from '../domain/ids.ts';
import type { AppraisalCalendar } from './appraisal-input.ts';
import { createRecorder } from './event-recorder.ts';
import { createLock } from './lock.ts';
import {
  addEmployeesUpdate,
  calibrateNowUpdate,
  closeCycleUpdate,
  curveRecheckSignal,
  decideCalibrationUpdate,
  extendUnitDeadlineUpdate,
  rejoinEmployeeUpdate,
  removeEmployeeUpdate,
  setUnitPredikatUpdate,
  signPenetapanUpdate,
} from './messages.ts';
import { handlePeriodSignatures, runPeriodicPenetapans } from './periodic-penetapan.ts';
import { toFailure } from './update-failure.ts';

export interface CycleInput {
  cycleId: string;
  orgId: string;
  year: number;
  calendar: AppraisalCalendar;
  population: Population;
  startedBy: string;
}

export interface CycleResult {
  launched: number;
  releasedUnits: string[];
  closedBy: string | null;
}

type Activities = ReturnType<typeof activities.createActivities>;
const { launchAppraisals, signalAppraisals } = proxyActivities<Activities>({
  startToCloseTimeout: '2 hours',
  // How long a crashed worker stalls a launch before it is retried elsewhere; a living worker beats
  // every 2 s (activities/heartbeats.ts). Activity options are not replayed, so no patch is needed.
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
const { calibrateUnits } = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes' });
// A seal is a short read and one append; as a local activity it costs the history one marker a day. It
// gives up after a while: a missed checkpoint is made good by the next one (or `siklus documents seal`).
const { sealCheckpoint } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10 },
});

const recheckMs = 86_400_000;
const dayMs = 86_400_000;
const nowIso = () => new Date().toISOString();

export async function CycleWorkflow(input: CycleInput): Promise<CycleResult> {
  const recorder = createRecorder(cycleStreamId(input.cycleId), input.orgId);
  const withLock = createLock();
  let state: CycleState | null = null;
  /** Decides with the cycle's rules, records what was decided and folds it; one decision at a time. */
  const record = (command: CycleCommand, by: string) => {
    const at = nowIso();
    return withLock(async () => {
      const events = decideCycle(state, command, at);
      await recorder.record(events, by);
      for (const event of events)
        state = state ? evolveCycle(state, event) : initialCycleState(startedData(event));
    });
  };
  let closedBy: string | null = null;
  let calibrateRequested = false;
  // Histories from before the patch never sealed; each seal's event id is fixed here, so a retried
  // activity finds its seal already made (activities/seal-checkpoint.ts).
  const checkpointSeals = patched('checkpoint-seals');
  let sealing = checkpointSeals;
  const seal = async (reason: 'daily' | 'release' | 'penetapan') => {
    if (!checkpointSeals) return;
    const request = { cycleId: input.cycleId, reason, actor: systemActor('cycle'), eventId: uuid4() };
    try {
      await sealCheckpoint(request);
    } catch (error) {
      log.warn('checkpoint seal failed', { cycleId: input.cycleId, reason, error: String(error) });
    }
  };
  const sealDaily = async () => {
    while (sealing) if (!(await condition(() => !sealing, dayMs))) await seal('daily');
  };
  const daily = sealDaily();
  // Histories from before the patch never opened a period's penetapan.
  const periodicPenetapan = patched('periodic-penetapan');
  let closing = false;
  /** Periods whose capaian was set meanwhile: a penetapan may open late for them. */
  const capaianSet = new Set<string>();
  const periodDeps = {
    cycleId: input.cycleId,
    calendar: input.calendar,
    startedBy: input.startedBy,
    state: () => state,
    record,
    seal: () => seal('penetapan'),
    stopped: () => closing,
  };
  handlePeriodSignatures(periodDeps);
  /** Units whose curve an objection's decision asked to check again, in the order asked. */
  const rechecks: CurveRecheckRequest[] = [];
  setHandler(curveRecheckSignal, (request) => {
    rechecks.push(request);
  });

  setHandler(addEmployeesUpdate, async ({ nips, by }) => {
    await record({ type: 'addEmployees', nips, by }, by);
    const result = await launchAppraisals({ ...launchInput(input), nips });
    await record({ type: 'recordLaunch', ...result }, by);
    return {
      accepted: true,
      detail: `${result.launched} started, ${result.alreadyRunning} already in the cycle`,
    };
  });
  setHandler(removeEmployeeUpdate, async ({ nip, reason, by }) => {
    await record({ type: 'removeEmployee', nip, reason, by }, by);
    const result = await signalAppraisals({
      cycleId: input.cycleId,
      nips: [nip],
      signal: { name: 'cancel', reason, by },
    });
    return {
      accepted: result.signalled > 0,
      detail: result.signalled > 0 ? 'appraisal cancelled' : 'no running appraisal',
    };
  });
  setHandler(rejoinEmployeeUpdate, async ({ nip, reason, effectiveDate, by }) => {
    // Marks the histories that took a return (see workflows/participant-changes.ts).
    patched('rejoin-employee');
    await record({ type: 'rejoinEmployee', nip, reason, effectiveDate, by }, by);
    const rejoin = { reason, effectiveDate };
    const result = await launchAppraisals({ ...launchInput(input), nips: [nip], rejoin });
    await record({ type: 'recordLaunch', ...result }, by);
    return {
      accepted: result.launched > 0,
      detail: result.launched > 0 ? 'a new appraisal started' : 'no appraisal to start',
    };
  });
  setHandler(extendUnitDeadlineUpdate, async ({ unitCode, step, deadline, by }) => {
    await record({ type: 'extendUnitDeadline', unitCode, step, deadline, by }, by);
    const result = await signalAppraisals({
      cycleId: input.cycleId,
      unitCode,
      signal: { name: 'extendDeadline', step, deadline, by },
    });
    return { accepted: true, detail: `${result.signalled} appraisals in unit ${unitCode}` };
  });
  setHandler(setUnitPredikatUpdate, async ({ unitCode, predikat, period, by, ...basis }) => {
    // The period and the basis are only passed on to the record: the same Update issues the same commands.
    await record(
      { type: 'setUnitPredikat', unitCode, predikat, ...(period ? { period } : {}), by, ...basis },
      by,
    );
    calibrateRequested = true;
    if (period) capaianSet.add(period);
    return { accepted: true, detail: `unit ${unitCode} is ${predikat}${period ? ` in ${period}` : ''}` };
  });
  setHandler(
    signPenetapanUpdate,
    async (request) => {
      try {
        await record({ type: 'signPenetapan', ...request }, request.by);
      } catch (error) {
        throw toFailure(error);
      }
      calibrateRequested = true;
      await seal('penetapan');
      return { accepted: true, detail: `the penetapan of unit ${request.unitCode} is signed` };
    },
    {
      // A signature the rules refuse never enters the history.
      validator: (request) => {
        try {
          decideCycle(state, { type: 'signPenetapan', ...request }, nowIso());
        } catch (error) {
          throw toFailure(error);
        }
      },
    },
  );
  setHandler(
    decideCalibrationUpdate,
    async (request) => {
      try {
        await record({ type: 'decideCalibration', ...request }, request.by);
      } catch (error) {
        throw toFailure(error);
      }
      // Applied changes moved ratings: the unit is checked again at once (conforming now, it is released).
      if (request.applied.length > 0) calibrateRequested = true;
      return { accepted: true, detail: `the proposal for unit ${request.unitCode} is decided` };
    },
    {
      // A decision by someone who does not hold the penetapan never enters the history.
      validator: (request) => {
        try {
          decideCycle(state, { type: 'decideCalibration', ...request }, nowIso());
        } catch (error) {
          throw toFailure(error);
        }
      },
    },
  );
  setHandler(calibrateNowUpdate, () => {
    calibrateRequested = true;
    return { accepted: true, detail: 'calibration will run now' };
  });
  setHandler(closeCycleUpdate, ({ by }) => {
    closedBy ??= by;
    return { accepted: true, detail: 'cycle closing' };
  });

  const { cycleId, orgId, year, calendar, population, startedBy } = input;
  await record({ type: 'start', cycleId, orgId, year, calendar, population, by: startedBy }, startedBy);
  const launch = await launchAppraisals(launchInput(input));
  await record({ type: 'recordLaunch', ...launch }, startedBy);
  const periodic = periodicPenetapan ? runPeriodicPenetapans(periodDeps, capaianSet) : Promise.resolve();

  // Ratings are due at the rating deadline; from then on, calibrate daily (or when HR asks) until every
  // unit is released, the cycle ends, or HR closes it.
  const until = (iso: string) => Math.max(0, Date.parse(iso) - Date.now());
  await condition(() => closedBy !== null, until(input.calendar.rating.deadline));
  // Cycles from before the penetapan hold a unit whose distribution breaks its rule; newer ones open the
  // unit's penetapan, which its leader signs (or, late, their superior, then HR) to release it.
  const withPenetapan = patched('penetapan');
  let allReleased = false;
  while (closedBy === null && !allReleased && Date.now() < Date.parse(input.calendar.cycleEnd)) {
    calibrateRequested = false;
    allReleased = await calibrate();
    if (!allReleased) {
      const due = withPenetapan && state ? nextPenetapanDeadline(state) : null;
      await waitRechecking(
        () => closedBy !== null || calibrateRequested,
        Math.min(recheckMs, until(input.calendar.cycleEnd), due ? until(due) : recheckMs),
      );
    }
  }
  await waitRechecking(() => closedBy !== null, until(input.calendar.cycleEnd));
  const by = closedBy ?? startedBy;
  sealing = false;
  closing = true;
  await periodic;
  await record({ type: 'close', by }, by);
  await daily;
  return { launched: launch.launched, releasedUnits: state ? releasedUnits(state) : [], closedBy };

  async function calibrate(): Promise<boolean> {
    // A cycle whose akhir ratings escalate waits for each (its input says so; older cycles pass only the id).
    const units = await calibrateUnits(
      input.calendar.ratingEscalation
        ? { cycleId: input.cycleId, waitForEveryRating: true }
        : { cycleId: input.cycleId },
    );
    for (const unit of units) {
      if (isReleased(unit.unitCode)) continue;
      const { unitCode, unitPredikat, counts, ok, violations, curve, pack } = unit;
      // The curve and pack come with newer activity results only; older histories recorded neither.
      const checked = curve && pack ? { curve, pack } : {};
      await record(
        { type: 'recordCalibration', unitCode, unitPredikat, counts, ok, violations, ...checked },
        startedBy,
      );
      if (withPenetapan) {
        const step = penetapanStep(unit, state?.units[unitCode]);
        if (step === 'open') {
          const { leaderNip = null, superiorNip = null } = unit;
          await record({ type: 'openPenetapan', unitCode, leaderNip, superiorNip }, startedBy);
        }
        if (step !== 'release') continue;
      } else if (!unit.ok) continue;
      const result = await signalAppraisals({
        cycleId: input.cycleId,
        unitCode: unit.unitCode,
        signal: { name: 'release' },
      });
      await record({ type: 'releaseUnit', unitCode, employees: result.signalled }, startedBy);
      await seal('release');
    }
    // A penetapan unsigned by its deadline passes on (to the superior, then HR).
    if (withPenetapan) await record({ type: 'escalatePenetapans' }, startedBy);
    return units.every((unit) => isReleased(unit.unitCode));
  }

  /**
   * Waits for `done` at most `ms`, checking again meanwhile each curve an objection's decision asked for.
   * Without such a request it is the one condition the cycle always waited on (its histories replay).
   */
  async function waitRechecking(done: () => boolean, ms: number): Promise<void> {
    const end = Date.now() + ms;
    for (;;) {
      await condition(() => done() || rechecks.length > 0, Math.max(0, end - Date.now()));
      if (rechecks.length === 0) return;
      await recheckCurves();
      if (done() || Date.now() >= end) return;
    }
  }

  /** Each unit asked for is checked on today's counts (after the decision) and the outcome recorded. */
  async function recheckCurves(): Promise<void> {
    const asked = rechecks.splice(0);
    if (!patched('objection-curve-recheck')) return;
    const units = await calibrateUnits({ cycleId: input.cycleId });
    for (const request of asked) {
      const unit = units.find((u) => u.unitCode === request.unitCode);
      const checked = unit?.curve && unit.pack ? { curve: unit.curve, pack: unit.pack } : {};
      await record({ type: 'recordCurveRecheck', ...request, ...checked }, request.by);
    }
  }

  function isReleased(unitCode: string): boolean {
    return Boolean(state?.units[unitCode]?.released);
  }
}

/** The first event of a cycle's stream starts its state. */
function startedData(event: CycleEvent) {
  if (event.type !== 'cycle.started') throw new Error(`a cycle starts with cycle.started, not ${event.type}`);
  return event.data;
}

function launchInput(input: CycleInput) {
  return {
    cycleId: input.cycleId,
    orgId: input.orgId,
    calendar: input.calendar,
    population: input.population,
    launchedBy: input.startedBy,
    launchedAt: nowIso(),
  };
}
