// Who may act, and when. Each guard throws a DomainError with a stable code (mapped to 403/409 at the
// HTTP edge and to a rejected Update in the workflow).
import { DomainError } from '../errors.ts';
import { raterNow } from './parties.ts';
import type { AppraisalState } from './state.ts';
import type { Actor, Step } from './types.ts';

export const isHr = (actor: Actor) => actor.roles.includes('hr');
export const isEmployee = (state: AppraisalState, actor: Actor) =>
  actor.nip === state.participants.employee.nip;
/**
 * The rater, or the acting rater while one stands in (parties.ts); HR stands in where the org chart names
 * no supervisor (but nobody rates themselves).
 */
export const isSupervisor = (state: AppraisalState, actor: Actor) => {
  const rater = raterNow(state);
  return rater === null ? isHr(actor) && !isEmployee(state, actor) : actor.nip === rater;
};
/** The rater's superior, who decides objections; HR stands in where there is none. */
export const isSuperior = (state: AppraisalState, actor: Actor) =>
  state.participants.superiorNip === null
    ? isHr(actor) && !isEmployee(state, actor)
    : actor.nip === state.participants.superiorNip;

export function requireActor(ok: boolean, who: string): void {
  if (!ok) throw new DomainError('forbidden_actor', `Only the ${who} may do this`);
}

export function requireStep(state: AppraisalState, ...allowed: Step[]): void {
  if (!allowed.includes(state.step)) {
    throw new DomainError(
      'wrong_step',
      `Not possible in step "${state.step}" (needs ${allowed.join(' or ')})`,
      {
        step: state.step,
        allowed,
      },
    );
  }
}

export function requireActive(state: AppraisalState): void {
  if (state.step === 'completed' || state.step === 'cancelled') {
    throw new DomainError('wrong_step', `The appraisal is ${state.step}`, { step: state.step });
  }
}
