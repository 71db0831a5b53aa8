// The first events of every appraisal: started, and socialisation entered with its acknowledge task.
// The launch activity writes them for a whole batch of employees in one transaction; the workflow then
// folds the same events instead of recording them one appraisal at a time.
import type { AppraisalCalendar } from '../cycle/appraisal-calendar.ts';
import type { AppraisalEvent } from './events.ts';
import type { SkpSetting } from './skp.ts';
import { evolve, initialState, type StartedData } from './state.ts';
import { enterStep, started } from './transitions.ts';
import type { Participants } from './types.ts';

export interface OpeningInput {
  appraisalId: string;
  cycleId: string;
  orgId: string;
  participants: Participants;
  calendar: AppraisalCalendar;
  /**
   * The SKP's form (from the position's kind and the unit the employee leads), the cycle's approach and
   * the led unit, recorded in `appraisal.started`; launches before the forms gave none.
   */
  skp?: SkpSetting;
  /** A person who left and came back: their earlier appraisal in the cycle, the reason and the day. */
  rejoined?: StartedData['rejoined'];
}

/**
 * What `appraisal.started` records: the ids, the people, the windows of the four deadline steps, and the
 * SKP's setting where the launch gave one.
 */
export function startedData(input: OpeningInput, at: string): StartedData {
  const { socialisation, agreement, review, rating } = input.calendar;
  return {
    appraisalId: input.appraisalId,
    cycleId: input.cycleId,
    orgId: input.orgId,
    participants: input.participants,
    calendar: { socialisation, agreement, review, rating },
    ...(input.skp ? { skp: input.skp } : {}),
    ...(input.rejoined ? { rejoined: input.rejoined } : {}),
    at,
  };
}

export function openingEvents(input: OpeningInput, at: string): AppraisalEvent[] {
  const first = started(startedData(input, at));
  const state = first.reduce(evolve, initialState(startedData(input, at)));
  return [...first, ...enterStep(state, 'socialisation', input.calendar.socialisation.deadline, at)];
}
