// The CycleWorkflow's penetapans per evaluation period (patch `periodic-penetapan`; the decisions are
// domain/cycle/period-penetapan.ts's). When a period's ratings are in (its last rating deadline, HR's,
// passed) each unit with the period's capaian gets its penetapan, for the leader to sign; unsigned by a
// stage's deadline it passes to the superior, then HR. A capaian set after that opens the unit's then.
// Runs beside the year's calibration and stops when the cycle closes.
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type * as activities from '../activities/index.ts';
import type { CycleCommand } from '../domain/cycle/decide.ts';
import { decideCycle } from '../domain/cycle/decide.ts';
import { trainingStageMs } from '../domain/cycle/penetapan.ts';
import { nextPeriodPenetapanDeadline } from '../domain/cycle/period-penetapan.ts';
import type { CycleState } from '../domain/cycle/state.ts';
import type { AppraisalCalendar } from './appraisal-input.ts';
import { signPeriodPenetapanUpdate } from './messages.ts';
import { toFailure } from './update-failure.ts';

type Activities = ReturnType<typeof activities.createActivities>;
const { checkPeriodUnits } = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes' });

export interface PeriodicPenetapanDeps {
  cycleId: string;
  calendar: AppraisalCalendar;
  startedBy: string;
  state: () => CycleState | null;
  record: (command: CycleCommand, by: string) => Promise<void>;
  seal: () => Promise<void>;
  /** The cycle is closing: stop. */
  stopped: () => boolean;
}

/** Takes the holders' signatures of the periods' penetapans (the validator refuses what the rules refuse). */
export function handlePeriodSignatures(deps: Pick<PeriodicPenetapanDeps, 'state' | 'record' | 'seal'>) {
  setHandler(
    signPeriodPenetapanUpdate,
    async (request) => {
      try {
        await deps.record({ type: 'signPeriodPenetapan', ...request }, request.by);
      } catch (error) {
        throw toFailure(error);
      }
      await deps.seal();
      return {
        accepted: true,
        detail: `the ${request.period} penetapan of unit ${request.unitCode} is signed`,
      };
    },
    {
      validator: (request) => {
        try {
          decideCycle(deps.state(), { type: 'signPeriodPenetapan', ...request }, new Date().toISOString());
        } catch (error) {
          throw toFailure(error);
        }
      },
    },
  );
}

/**
 * Opens each period's penetapans when its ratings are in and passes on those unsigned by their deadline,
 * until the cycle stops or ends. `capaianSet` is the periods whose capaian was set since it last looked.
 */
export async function runPeriodicPenetapans(deps: PeriodicPenetapanDeps, capaianSet: Set<string>) {
  const periods = deps.calendar.periods;
  if (!periods) return;
  const windows = [...periods.windows].sort((a, b) => Date.parse(a.hrDeadline) - Date.parse(b.hrDeadline));
  const until = (iso: string) => Math.max(0, Date.parse(iso) - Date.now());
  const end = deps.calendar.cycleEnd;
  const stageMs = trainingStageMs(deps.calendar as unknown as Record<string, unknown>);
  const open = async (window: (typeof windows)[number]) => {
    const units = await checkPeriodUnits({
      cycleId: deps.cycleId,
      period: window.id,
      ratingsIn: window.hrDeadline,
      timeZone: periods.timeZone,
      // A training cycle's stages last minutes, like its year's penetapan's.
      ...(stageMs !== undefined ? { stageMs } : {}),
    });
    for (const unit of units) await deps.record({ type: 'openPeriodPenetapan', ...unit }, deps.startedBy);
  };
  let opened = 0;
  while (!deps.stopped() && Date.now() < Date.parse(end)) {
    const due = [windows[opened]?.hrDeadline, nextPeriodPenetapanDeadline(deps.state()), end]
      .filter((d): d is string => typeof d === 'string')
      .reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
    await condition(() => deps.stopped() || capaianSet.size > 0, until(due));
    if (deps.stopped()) return;
    // A capaian set for a period whose ratings are in already: its unit's penetapan opens now.
    const late = windows.slice(0, opened).filter((w) => capaianSet.has(w.id));
    capaianSet.clear();
    for (const window of late) await open(window);
    for (let w = windows[opened]; w && Date.parse(w.hrDeadline) <= Date.now(); w = windows[opened]) {
      await open(w);
      opened += 1;
    }
    await deps.record({ type: 'escalatePeriodPenetapans' }, deps.startedBy);
  }
}
