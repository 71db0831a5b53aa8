// CycleWorkflow: one organisation's year. It launches the employees' workflows in batches from a
// heartbeating activity (never as children: Temporal caps pending children and history), releases each
// unit once its predikat distribution passes calibration, and takes HR's changes as Updates.
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type * as activities from '../activities/index.ts';
import type { CycleEvent, Population } from '../domain/cycle/events.ts';
import type { UnitPredikat } from '../domain/rating/distribution-rules.ts';
import type { AppraisalCalendar } from './appraisal-input.ts';
import { cycleStreamId } from './appraisal-input.ts';
import { createRecorder } from './event-recorder.ts';
import { createLock } from './lock.ts';
import {
  addEmployeesUpdate,
  calibrateNowUpdate,
  closeCycleUpdate,
  extendUnitDeadlineUpdate,
  removeEmployeeUpdate,
  setUnitPredikatUpdate,
} from './messages.ts';

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

const recheckMs = 86_400_000;
const nowIso = () => new Date().toISOString();

export async function CycleWorkflow(input: CycleInput): Promise<CycleResult> {
  const recorder = createRecorder(cycleStreamId(input.cycleId), input.orgId);
  const withLock = createLock();
  const record = (events: CycleEvent[], by: string) => withLock(() => recorder.record(events, by));
  const released = new Set<string>();
  const lastOutcome = new Map<string, string>();
  let closedBy: string | null = null;
  let calibrateRequested = false;

  setHandler(addEmployeesUpdate, async ({ nips, by }) => {
    await record([{ type: 'cycle.employeesAdded', data: { nips, by, at: nowIso() } }], by);
    const result = await launchAppraisals({ ...launchInput(input), nips });
    await record([{ type: 'cycle.launched', data: { ...result, at: nowIso() } }], by);
    return {
      accepted: true,
      detail: `${result.launched} started, ${result.alreadyRunning} already in the cycle`,
    };
  });
  setHandler(removeEmployeeUpdate, async ({ nip, reason, by }) => {
    await record([{ type: 'cycle.employeeRemoved', data: { nip, reason, by, at: nowIso() } }], by);
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
  setHandler(extendUnitDeadlineUpdate, async ({ unitCode, step, deadline, by }) => {
    await record(
      [{ type: 'cycle.deadlineExtended', data: { unitCode, step, deadline, by, at: nowIso() } }],
      by,
    );
    const result = await signalAppraisals({
      cycleId: input.cycleId,
      unitCode,
      signal: { name: 'extendDeadline', step, deadline, by },
    });
    return { accepted: true, detail: `${result.signalled} appraisals in unit ${unitCode}` };
  });
  setHandler(
    setUnitPredikatUpdate,
    async ({ unitCode, predikat, by }: { unitCode: string; predikat: UnitPredikat; by: string }) => {
      await record([{ type: 'cycle.unitPredikatSet', data: { unitCode, predikat, by, at: nowIso() } }], by);
      calibrateRequested = true;
      return { accepted: true, detail: `unit ${unitCode} is ${predikat}` };
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

  await record(
    [
      {
        type: 'cycle.started',
        data: {
          cycleId: input.cycleId,
          orgId: input.orgId,
          year: input.year,
          calendar: { ...input.calendar },
          population: input.population,
          by: input.startedBy,
          at: nowIso(),
        },
      },
    ],
    input.startedBy,
  );
  const launch = await launchAppraisals(launchInput(input));
  await record(
    [
      {
        type: 'cycle.launched',
        data: { ...launch, at: nowIso() },
      },
    ],
    input.startedBy,
  );

  // Ratings are due at the rating deadline; from then on, calibrate daily (or when HR asks) until every
  // unit is released, the cycle ends, or HR closes it.
  const until = (iso: string) => Math.max(0, Date.parse(iso) - Date.now());
  await condition(() => closedBy !== null, until(input.calendar.rating.deadline));
  let allReleased = false;
  while (closedBy === null && !allReleased && Date.now() < Date.parse(input.calendar.cycleEnd)) {
    calibrateRequested = false;
    allReleased = await calibrate();
    if (!allReleased)
      await condition(
        () => closedBy !== null || calibrateRequested,
        Math.min(recheckMs, until(input.calendar.cycleEnd)),
      );
  }
  await condition(() => closedBy !== null, until(input.calendar.cycleEnd));
  const by = closedBy ?? input.startedBy;
  await record([{ type: 'cycle.closed', data: { by, at: nowIso() } }], by);
  return { launched: launch.launched, releasedUnits: [...released].sort(), closedBy };

  async function calibrate(): Promise<boolean> {
    const units = await calibrateUnits({ cycleId: input.cycleId });
    for (const unit of units) {
      if (released.has(unit.unitCode)) continue;
      const outcome = JSON.stringify([unit.ok, unit.counts, unit.unitPredikat]);
      if (lastOutcome.get(unit.unitCode) !== outcome) {
        lastOutcome.set(unit.unitCode, outcome);
        const { unitCode, unitPredikat, counts, ok, violations } = unit;
        await record(
          [
            {
              type: 'cycle.unitCalibrated',
              data: { unitCode, unitPredikat, counts, ok, violations, at: nowIso() },
            },
          ],
          input.startedBy,
        );
      }
      if (!unit.ok) continue;
      const result = await signalAppraisals({
        cycleId: input.cycleId,
        unitCode: unit.unitCode,
        signal: { name: 'release' },
      });
      released.add(unit.unitCode);
      await record(
        [
          {
            type: 'cycle.unitReleased',
            data: { unitCode: unit.unitCode, employees: result.signalled, at: nowIso() },
          },
        ],
        input.startedBy,
      );
    }
    return units.every((unit) => released.has(unit.unitCode));
  }
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
