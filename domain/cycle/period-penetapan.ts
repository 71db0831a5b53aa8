// The penetapan of one evaluation period (TW1 ...) of a unit: the periodic predikat is what TPP/tukin is
// paid on, so each period's capaian and its curve are signed like the year's (penetapan.ts). Opened for
// every unit with the period's capaian once the period's ratings are in (its HR rating deadline passed),
// signed by the unit's leader (conforming, or not with a justification per finding); unsigned by its
// deadline it passes to the leader's superior, then HR. Each stage's deadline comes from the calendar:
// `penetapanDays` local days after the period's last rating deadline for the leader, twice that for the
// superior, three times for HR, each at 23:59:59 in the organisation's zone (period-penetapan-deadlines.ts). A period's signature holds
// nobody's release: it records the capaian the period's predikat are paid on.
import { DomainError } from '../errors.ts';
import type { UnitPredikat } from '../rating/distribution-rules.ts';
import type { Predikat } from '../rating/predikat.ts';
import type { CycleEvent } from './events.ts';
import {
  checkSignature,
  firstStage,
  nextStage,
  type PeriodPenetapanState,
  type SignRequest,
  type StageDeadlines,
} from './penetapan.ts';
import type { CycleState } from './state.ts';

export type PeriodPenetapanCommand =
  | {
      type: 'openPeriodPenetapan';
      unitCode: string;
      period: string;
      leaderNip: string | null;
      superiorNip: string | null;
      capaian: UnitPredikat;
      counts: Partial<Record<Predikat, number>>;
      findings: Array<{ rule: string; message: string }>;
      pack: string;
      deadlines: StageDeadlines;
    }
  | { type: 'escalatePeriodPenetapans' }
  | ({ type: 'signPeriodPenetapan'; unitCode: string; period: string } & SignRequest);

/** The penetapan of a unit's period, when one was opened. */
export function periodPenetapanOf(
  state: CycleState | null,
  unitCode: string,
  period: string,
): PeriodPenetapanState | null {
  return state?.units[unitCode]?.periodPenetapans?.[period] ?? null;
}

export function decidePeriodPenetapan(
  state: CycleState,
  command: PeriodPenetapanCommand,
  at: string,
): CycleEvent[] {
  switch (command.type) {
    case 'openPeriodPenetapan': {
      const { type: _, leaderNip, superiorNip, deadlines, ...rest } = command;
      // Opened once per unit and period.
      if (periodPenetapanOf(state, command.unitCode, command.period)) return [];
      const first = firstStage(leaderNip, superiorNip);
      const data = { ...rest, leaderNip, superiorNip, ...first, deadline: deadlines[first.stage] };
      return [{ type: 'cycle.periodPenetapanOpened', data: { ...data, deadlines, at } }];
    }
    case 'escalatePeriodPenetapans': {
      const events: CycleEvent[] = [];
      for (const [unitCode, unit] of Object.entries(state.units).sort(([a], [b]) => a.localeCompare(b))) {
        const byPeriod = Object.entries(unit.periodPenetapans ?? {}).sort(([a], [b]) => a.localeCompare(b));
        for (const [period, p] of byPeriod) {
          if (p.signed || Date.parse(p.deadline) > Date.parse(at)) continue;
          const next = nextStage(p);
          if (!next) continue;
          const data = { unitCode, period, from: p.stage, to: next.stage, assigneeNip: next.assigneeNip };
          events.push({
            type: 'cycle.periodPenetapanEscalated',
            data: { ...data, deadline: p.deadlines[next.stage], at },
          });
        }
      }
      return events;
    }
    case 'signPeriodPenetapan': {
      const { unitCode, period, by, hr, conforming, justifications } = command;
      const p = periodPenetapanOf(state, unitCode, period);
      if (!p)
        throw new DomainError(
          'penetapan_not_open',
          `Unit ${unitCode} has no penetapan for ${period} to sign`,
          {
            field: 'period',
          },
        );
      const recorded = checkSignature(p, p.findings, { by, hr, conforming, justifications });
      const data = { unitCode, period, by, as: p.stage, conforming, findings: p.findings, pack: p.pack };
      return [{ type: 'cycle.periodPenetapanSigned', data: { ...data, justifications: recorded, at } }];
    }
  }
}

/** The earliest deadline of a period's penetapan that would pass on when it comes; null when none would. */
export function nextPeriodPenetapanDeadline(state: CycleState | null): string | null {
  let next: string | null = null;
  for (const unit of Object.values(state?.units ?? {}))
    for (const p of Object.values(unit.periodPenetapans ?? {})) {
      if (p.signed || !nextStage(p)) continue;
      if (next === null || Date.parse(p.deadline) < Date.parse(next)) next = p.deadline;
    }
  return next;
}
