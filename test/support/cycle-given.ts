// The cycle's decider as given/when/then: given a cycle's events, when a command is decided at an instant,
// then these events are recorded, or the command is refused with a domain error's code.
import { expect } from 'vitest';
import { type CycleCommand, decideCycle } from '../../domain/cycle/decide.ts';
import type { CycleEvent } from '../../domain/cycle/events.ts';
import { type CycleState, evolveCycle, initialCycleState } from '../../domain/cycle/state.ts';
import { codeOf } from './domain-error.ts';

/** The cycle's state after these events, the first of them its start (null for none). */
export function foldCycle(events: CycleEvent[]): CycleState | null {
  let state: CycleState | null = null;
  for (const event of events) {
    if (state) state = evolveCycle(state, event);
    else if (event.type === 'cycle.started') state = initialCycleState(event.data);
    else throw new Error('a cycle starts with cycle.started');
  }
  return state;
}

/** Given these events, when a command is decided at `at` (`defaultAt` unless told), then… */
export const givenCycle = (events: CycleEvent[], defaultAt: string) => ({
  when: (command: CycleCommand, at = defaultAt) => ({
    thenRecord: (expected: CycleEvent[]) =>
      expect(decideCycle(foldCycle(events), command, at)).toEqual(expected),
    thenRefuse: (code: string) =>
      expect(codeOf(() => decideCycle(foldCycle(events), command, at))).toBe(code),
  }),
});

/**
 * PKM's penetapan passed on at `at`: from its leader to their superior (`superiorNip`), or from the
 * superior to HR (no one person), who has until `deadline`.
 */
export const penetapanEscalated = (
  from: 'leader' | 'superior',
  superiorNip: string,
  deadline: string,
  at: string,
): CycleEvent => ({
  type: 'cycle.penetapanEscalated',
  data: {
    unitCode: 'PKM',
    from,
    to: from === 'leader' ? 'superior' : 'hr',
    assigneeNip: from === 'leader' ? superiorNip : null,
    deadline,
    at,
  },
});
