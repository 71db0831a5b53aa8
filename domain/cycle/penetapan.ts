// The penetapan of a unit whose curve has findings (SE MenPANRB 3/2023, Format Penetapan Predikat
// Kinerja): the unit's leader signs it, not conforming, with a written justification for each finding,
// and the signature releases the unit. Unsigned by its deadline it passes to the leader's superior, then
// to HR, each with a deadline of its own: nobody's result waits forever on one person. Pure; the
// CycleWorkflow asks, decideCycle records (decide.ts), evolveCycle folds (state.ts).
import { DomainError } from '../errors.ts';
import type { UnitPredikat } from '../rating/distribution-rules.ts';
import type { Predikat } from '../rating/predikat.ts';

export const penetapanStages = ['leader', 'superior', 'hr'] as const;
export type PenetapanStage = (typeof penetapanStages)[number];

/** Days each holder of a penetapan has to sign it. */
export const penetapanDays = 7;
const dayMs = 86_400_000;

export interface PenetapanState {
  openedAt: string;
  leaderNip: string | null;
  superiorNip: string | null;
  stage: PenetapanStage;
  /** Who signs at this stage; null at HR's (any HR officer). */
  assigneeNip: string | null;
  deadline: string;
  pack: string;
  signed: {
    by: string;
    as: PenetapanStage;
    conforming: boolean;
    justifications: Array<{ rule: string; text: string }>;
    at: string;
  } | null;
}

/** Each stage's deadline of a period's penetapan, from the calendar (period-penetapan.ts). */
export type StageDeadlines = Record<PenetapanStage, string>;

/** The penetapan of one evaluation period of a unit (period-penetapan.ts). */
export interface PeriodPenetapanState extends PenetapanState {
  period: string;
  capaian: UnitPredikat;
  counts: Partial<Record<Predikat, number>>;
  findings: Array<{ rule: string; message: string }>;
  deadlines: StageDeadlines;
}

/** Where a penetapan starts: with the leader; without one, the superior; without either, HR. */
export function firstStage(leaderNip: string | null, superiorNip: string | null) {
  if (leaderNip) return { stage: 'leader' as const, assigneeNip: leaderNip };
  if (superiorNip) return { stage: 'superior' as const, assigneeNip: superiorNip };
  return { stage: 'hr' as const, assigneeNip: null };
}

/** The stage after this one once its deadline passed unsigned; null at HR's, the last. */
export function nextStage(p: Pick<PenetapanState, 'stage' | 'superiorNip'>) {
  if (p.stage === 'leader' && p.superiorNip)
    return { stage: 'superior' as const, assigneeNip: p.superiorNip };
  if (p.stage !== 'hr') return { stage: 'hr' as const, assigneeNip: null };
  return null;
}

/**
 * A stage's deadline from `at`: 7 days, or in a training cycle the minutes its calendar gives each stage
 * (`calendar.training.penetapanMs`; cycles without it, every real one, count days).
 */
export const deadlineFrom = (at: string, calendar?: Record<string, unknown>): string =>
  new Date(Date.parse(at) + (trainingStageMs(calendar) ?? penetapanDays * dayMs)).toISOString();

/** A training cycle's length of each signer's stage; undefined for a real cycle (stages of days). */
export function trainingStageMs(calendar: Record<string, unknown> | undefined): number | undefined {
  const training = calendar?.training as { penetapanMs?: unknown } | undefined;
  return typeof training?.penetapanMs === 'number' ? training.penetapanMs : undefined;
}

export interface SignRequest {
  by: string;
  /** The signer holds the hr role (they sign at HR's stage). */
  hr: boolean;
  conforming: boolean;
  justifications: ReadonlyArray<{ rule: string; text: string }>;
}

/**
 * Checks a signature against the open penetapan and the findings it is signed on; gives the
 * justifications as recorded (one per finding, trimmed, in the findings' order). DomainError otherwise.
 */
export function checkSignature(
  penetapan: PenetapanState | null | undefined,
  findings: ReadonlyArray<{ rule: string }>,
  request: SignRequest,
): Array<{ rule: string; text: string }> {
  requireHolder(penetapan, request);
  if (findings.length === 0) {
    if (!request.conforming)
      throw new DomainError('penetapan_conforms', 'The curve has no findings: sign it as conforming');
    return [];
  }
  if (request.conforming)
    throw new DomainError(
      'penetapan_has_findings',
      'The curve has findings: sign it as not conforming, with a justification for each',
      {
        findings: findings.map((f) => f.rule),
      },
    );
  const given = new Map(request.justifications.map((j) => [j.rule, j.text.trim()]));
  const missing = findings.filter((f) => !given.get(f.rule));
  if (missing.length > 0)
    throw new DomainError('justification_required', 'Each finding needs a written justification', {
      missing: missing.map((f) => f.rule),
    });
  const unknown = request.justifications.filter((j) => !findings.some((f) => f.rule === j.rule));
  if (unknown.length > 0)
    throw new DomainError('unknown_finding', 'A justification names a rule that is not a finding', {
      rules: unknown.map((j) => j.rule),
    });
  return findings.map((f) => ({ rule: f.rule, text: given.get(f.rule) ?? '' }));
}

/** Only whoever holds an open, unsigned penetapan now acts on it: its assignee, or at HR's stage any HR officer. */
export function requireHolder(
  penetapan: PenetapanState | null | undefined,
  request: { by: string; hr: boolean },
): asserts penetapan is PenetapanState {
  if (!penetapan) throw new DomainError('penetapan_not_open', 'This unit has no penetapan to sign');
  if (penetapan.signed) throw new DomainError('already_done', 'This penetapan is signed already');
  const mayHolder =
    penetapan.stage === 'hr'
      ? request.hr
      : penetapan.assigneeNip !== null && penetapan.assigneeNip === request.by;
  if (!mayHolder)
    throw new DomainError(
      'forbidden_actor',
      penetapan.stage === 'hr'
        ? 'The penetapan has passed to HR'
        : `The penetapan is for the ${penetapan.stage === 'leader' ? "unit's leader" : "leader's superior"} to sign`,
    );
}
