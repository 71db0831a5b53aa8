// The holder of a unit's penetapan signs it (a Workflow Update on the CycleWorkflow): the unit's leader,
// once it passed on their superior, then any HR officer. The workflow's rules decide who may sign and
// whether each finding has its justification; their refusals come back as problems with the rule's code.
// A period's penetapan (TW1 ...) is signed the same way; `akhir`, the default, is the year's.
import type { Principal } from '../../auth/identity.ts';
import { annualPeriod, isPeriodId } from '../../domain/cycle/periods.ts';
import { cycleWorkflowId } from '../../domain/ids.ts';
import { proposeCalibration } from '../../domain/rating/calibration-assistant.ts';
import type { Predikat } from '../../domain/rating/predikat.ts';
import { ratingsFor } from '../../domain/rating/ratings-for.ts';
import { holdsRole } from '../../record/read/access.ts';
import { cycleOf } from '../../record/read/cycles.ts';
import { timeZoneOf } from '../../record/read/organisation.ts';
import { penetapanCase, penetapanOf } from '../../record/read/penetapan.ts';
import {
  type CycleChangeResult,
  decideCalibrationUpdate,
  signPenetapanUpdate,
  signPeriodPenetapanUpdate,
} from '../../workflows/messages.ts';
import { applyChanges, type PlannedChange, refusedChanges } from './calibration-apply.ts';
import { updateIdFor } from './operation-id.ts';
import { Refusal, updateRefusal } from './refusal.ts';
import type { Services } from './services.ts';
import { executeUpdate } from './temporal-calls.ts';

export interface PenetapanSignature {
  conforming: boolean;
  /** One per finding of the unit's curve: the rule's code and the leader's written justification. */
  justifications: Array<{ rule: string; text: string }>;
  /** The evaluation period (TW1 ...) whose penetapan this is; `akhir` (the default): the year's. */
  period?: string;
}

export async function signPenetapan(
  services: Services,
  me: Principal,
  cycleId: string,
  unitCode: string,
  signature: PenetapanSignature,
  key: string | undefined,
): Promise<CycleChangeResult> {
  const { period = annualPeriod, ...signed } = signature;
  if (period !== annualPeriod && !isPeriodId(period))
    throw new Refusal(422, 'invalid_period', `${period} is no evaluation period (TW1 ... TW4, or akhir)`, {
      field: 'period',
    });
  const cycle = await cycleOf(services.db, me.org, cycleId);
  if (!cycle) throw new Refusal(404, 'not_found', 'No such cycle');
  if (cycle.status !== 'running') throw new Refusal(409, 'cycle_closed', 'The cycle is closed');
  const handle = services.temporal.workflow.getHandle(cycleWorkflowId(cycle.cycleId));
  const request = { unitCode, by: me.nip, hr: holdsRole(me, 'hr'), ...signed };
  return refusedAsProblem(() =>
    period === annualPeriod
      ? executeUpdate(services, handle, signPenetapanUpdate, [request], updateIdFor(me, key))
      : executeUpdate(
          services,
          handle,
          signPeriodPenetapanUpdate,
          [{ ...request, period }],
          updateIdFor(me, key),
        ),
  );
}

/** A refusal of the cycle's rules, as a problem with the rule's code. */
async function refusedAsProblem<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const refusal = updateRefusal(error);
    if (refusal) throw refusal;
    throw error;
  }
}

/** The holder's decision on the calibration assistant's proposal: each change applied (a new predikat), and why. */
export interface CalibrationDecision {
  applied: Array<{ nip: string; to: Predikat }>;
  reason: string;
}

/**
 * Applies, adjusts or rejects the calibration assistant's proposal for a unit's penetapan. Each change
 * applied is a rating of that person's appraisal through its own command (setRating, the pair of ratings
 * nearest theirs that gives the new predikat, their rater's feedback kept), by whoever applies it and
 * with why (`calibration`); the workflow's rules decide whether they may rate it. Every change is checked
 * against its appraisal first: if any would be refused, none is applied (409 calibration_refused, with
 * each refused change and why). Then the cycle records the decision (none applied: rejected) and checks
 * the unit again; one refused after others were applied (a race) is recorded in the decision's `failed`
 * and answered 409 calibration_partial with what was and was not applied.
 */
export async function decideCalibration(
  services: Services,
  me: Principal,
  cycleId: string,
  unitCode: string,
  decision: CalibrationDecision,
  key: string | undefined,
): Promise<CycleChangeResult> {
  const cycle = await cycleOf(services.db, me.org, cycleId);
  if (!cycle) throw new Refusal(404, 'not_found', 'No such cycle');
  if (cycle.status !== 'running') throw new Refusal(409, 'cycle_closed', 'The cycle is closed');
  const hr = holdsRole(me, 'hr');
  const held = (await penetapanOf(services.db, me.org, { nip: me.nip, hr })).some(
    (p) => p.cycleId === cycleId && p.unitCode === unitCode,
  );
  if (!held) throw new Refusal(403, 'forbidden_actor', 'You do not hold the penetapan of this unit');
  const reason = decision.reason.trim();
  if (!reason) throw new Refusal(422, 'reason_required', 'Say why the proposal is applied or rejected');
  const found = await penetapanCase(services.db, me.org, cycleId, unitCode);
  if (!found?.curve || !found.unitPredikat)
    throw new Refusal(409, 'penetapan_not_open', 'This unit has no curve to calibrate');
  const proposal = proposeCalibration(
    unitCode,
    found.unitPredikat,
    found.curve.group,
    found.curve.counts,
    found.people,
  );
  const proposed =
    proposal.kind === 'changes' ? proposal.changes.map(({ nip, from, to }) => ({ nip, from, to })) : [];
  const applied = decision.applied.map(({ nip, to }) => {
    const person = found.people.find((p) => p.nip === nip);
    if (!person) throw new Refusal(422, 'not_in_unit', `${nip} is not rated in unit ${unitCode}`, { nip });
    if (!person.results || !person.behaviour)
      throw new Refusal(409, 'not_rated', `${nip} has no akhir rating to change`, { nip });
    const pair = ratingsFor(to, { results: person.results, behaviour: person.behaviour });
    if (!pair) throw new Refusal(422, 'invalid_predikat', `No ratings give ${to}`, { nip });
    return { person, from: person.predikat, to, pair };
  });
  if (new Set(applied.map((a) => a.person.nip)).size !== applied.length)
    throw new Refusal(422, 'duplicate_change', 'Each person is changed at most once');
  const changed = applied.filter((a) => a.from !== a.to);
  const planned: PlannedChange[] = changed.map(({ person, from, to, pair }) => ({
    nip: person.nip,
    appraisalId: person.appraisalId,
    from,
    to,
    command: {
      type: 'setRating',
      ...pair,
      feedback: person.feedback || reason,
      calibration: { unitCode, reason },
    },
  }));
  // All or nothing: a change any appraisal would refuse now stops them all, before one is applied.
  const zone = cycle.calendar.timeZone;
  const timeZone = typeof zone === 'string' ? zone : await timeZoneOf(services.db, me.org);
  const refused = await refusedChanges(services, me, planned, timeZone);
  if (refused.length > 0)
    throw new Refusal(
      409,
      'calibration_refused',
      `None applied: ${refused.map((r) => `${r.nip} (${r.code}: ${r.detail})`).join('; ')}`,
      { refused },
    );
  const outcome = await applyChanges(services, me, planned, key);
  const handle = services.temporal.workflow.getHandle(cycleWorkflowId(cycle.cycleId));
  const request = {
    unitCode,
    by: me.nip,
    hr,
    proposed,
    applied: outcome.applied,
    ...(outcome.failed.length > 0
      ? { failed: outcome.failed.map(({ nip, from, to, code }) => ({ nip, from, to, code })) }
      : {}),
    reason,
  };
  const decided = await refusedAsProblem(() =>
    executeUpdate(services, handle, decideCalibrationUpdate, [request], updateIdFor(me, key)),
  );
  // A race: an appraisal changed between the check and its change. What was applied stays (each is a
  // rating of its own); the decision records both parts, and the answer says so.
  if (outcome.failed.length > 0)
    throw new Refusal(
      409,
      'calibration_partial',
      `Applied: ${outcome.applied.map((a) => a.nip).join(', ') || 'none'}; not applied: ${outcome.failed
        .map((f) => `${f.nip} (${f.code}: ${f.detail})`)
        .join('; ')}`,
      { applied: outcome.applied, failed: outcome.failed, decided },
    );
  return decided;
}
