// decide for a unit's penetapan: open it when the unit's latest curve has findings, pass it on when its
// deadline passed unsigned, and record the signature. Pure, like decide.ts, whose commands these are.

import { DomainError } from '../errors.ts';
import type { Predikat } from '../rating/predikat.ts';
import type { CycleEvent } from './events.ts';
import {
  checkSignature,
  deadlineFrom,
  firstStage,
  nextStage,
  requireHolder,
  type SignRequest,
} from './penetapan.ts';
import type { CycleState, UnitState } from './state.ts';

export type PenetapanCommand =
  | { type: 'openPenetapan'; unitCode: string; leaderNip: string | null; superiorNip: string | null }
  | { type: 'escalatePenetapans' }
  | ({ type: 'signPenetapan'; unitCode: string } & SignRequest)
  | ({ type: 'decideCalibration'; unitCode: string } & CalibrationDecisionRequest);

type Change = { nip: string; from: Predikat; to: Predikat };

/** The holder's decision on the assistant's proposal: the changes applied (none: rejected), and why. */
export interface CalibrationDecisionRequest {
  by: string;
  hr: boolean;
  proposed: Change[];
  applied: Change[];
  reason: string;
  /**
   * Changes decided on but not applied: an appraisal refused one after others were applied (a race the
   * check before could not see), with its rule's code; those after it were not tried (`not_tried`).
   */
  failed?: Array<Change & { code: string }>;
}

/** The findings of the unit's latest curve check, and the pack it was checked under. */
export function latestCurve(unit: UnitState | undefined) {
  const last = unit?.calibrations.at(-1);
  if (!last?.curve || !last.pack) return null;
  const findings = last.curve.findings.map((f) => ({ rule: f.rule, message: f.message }));
  return { findings, pack: last.pack, conforms: last.curve.conforms };
}

export function decidePenetapan(state: CycleState, command: PenetapanCommand, at: string): CycleEvent[] {
  switch (command.type) {
    case 'openPenetapan': {
      const { unitCode, leaderNip, superiorNip } = command;
      const unit = state.units[unitCode];
      const curve = latestCurve(unit);
      // Opened once, for a unit not released whose curve has findings.
      if (!unit || unit.released || unit.penetapan || !curve || curve.conforms) return [];
      const first = firstStage(leaderNip, superiorNip);
      const data = { unitCode, leaderNip, superiorNip, ...first, deadline: deadlineFrom(at, state.calendar) };
      return [
        { type: 'cycle.penetapanOpened', data: { ...data, findings: curve.findings, pack: curve.pack, at } },
      ];
    }
    case 'escalatePenetapans': {
      const events: CycleEvent[] = [];
      for (const [unitCode, unit] of Object.entries(state.units).sort(([a], [b]) => a.localeCompare(b))) {
        const p = unit.penetapan;
        if (!p || p.signed || unit.released || Date.parse(p.deadline) > Date.parse(at)) continue;
        const next = nextStage(p);
        if (!next) continue;
        const data = { unitCode, from: p.stage, to: next.stage, assigneeNip: next.assigneeNip };
        const deadline = deadlineFrom(at, state.calendar);
        events.push({ type: 'cycle.penetapanEscalated', data: { ...data, deadline, at } });
      }
      return events;
    }
    case 'decideCalibration': {
      const { unitCode, by, hr, proposed, applied, failed } = command;
      const unit = state.units[unitCode];
      requireHolder(unit?.penetapan, { by, hr });
      const reason = command.reason.trim();
      if (!reason)
        throw new DomainError('reason_required', 'Say why the proposal is applied, adjusted or rejected');
      const key = (changes: Change[]) => JSON.stringify(changes.map((c) => [c.nip, c.from, c.to]).sort());
      const decision =
        applied.length === 0 ? 'rejected' : key(applied) === key(proposed) ? 'applied' : 'adjusted';
      const as = unit?.penetapan?.stage ?? 'hr';
      return [
        {
          type: 'cycle.calibrationDecided',
          data: {
            unitCode,
            by,
            as,
            decision,
            proposed,
            applied,
            ...(failed && failed.length > 0 ? { failed } : {}),
            reason,
            at,
          },
        },
      ];
    }
    case 'signPenetapan': {
      const { unitCode, by, hr, conforming, justifications } = command;
      const unit = state.units[unitCode];
      const curve = latestCurve(unit);
      const findings = curve?.findings ?? [];
      const recorded = checkSignature(unit?.penetapan, findings, { by, hr, conforming, justifications });
      const as = unit?.penetapan?.stage ?? 'hr';
      const pack = curve?.pack ?? unit?.penetapan?.pack ?? '';
      return [
        {
          type: 'cycle.penetapanSigned',
          data: { unitCode, by, as, conforming, findings, justifications: recorded, pack, at },
        },
      ];
    }
  }
}

/** The earliest deadline of a penetapan that would pass on when it comes; null when none would. */
export function nextPenetapanDeadline(state: CycleState): string | null {
  let next: string | null = null;
  for (const unit of Object.values(state.units)) {
    const p = unit.penetapan;
    if (!p || p.signed || unit.released || !nextStage(p)) continue;
    if (next === null || Date.parse(p.deadline) < Date.parse(next)) next = p.deadline;
  }
  return next;
}

/**
 * What a calibrated unit needs next in a cycle with penetapan: wait, open its penetapan, or release it.
 * A unit that keeps today's numeric limits on its own counts (`ok`) is released as before, and so is one
 * whose curve conforms over its calibration group; one that would have been held needs its penetapan.
 */
export function penetapanStep(
  outcome: {
    ok: boolean;
    unitPredikat: string | null;
    violations: ReadonlyArray<{ rule: string }>;
    curve?: { conforms: boolean } | undefined;
  },
  unit: UnitState | undefined,
): 'wait' | 'open' | 'release' {
  // Without a capaian, or while akhir ratings are still to be set, there is nothing to check yet.
  const ready =
    outcome.unitPredikat !== null &&
    outcome.curve !== undefined &&
    !outcome.violations.some((v) => v.rule === 'unit.ratingsPending' || v.rule === 'unit.predikatMissing');
  if (!ready) return 'wait';
  if (outcome.ok || outcome.curve?.conforms || unit?.penetapan?.signed) return 'release';
  return unit?.penetapan ? 'wait' : 'open';
}
