// The employee's own evaluations: every period of their appraisal with its realisations and evidence, the
// rater's feedback per RHK, the periodic ratings and predikat with who rated (the rater, or the rater's
// superior or HR after an escalation) and whether they have acknowledged it; the periods still to come;
// and the akhir result once it is released to them. The same fold as the evaluation file
// (evaluation-file.ts), without what only the raters read (the reviews by who gave them, the reports).
import type { Kysely } from 'kysely';
import type { Principal } from '../../auth/identity.ts';
import type { EvaluationFile, PeriodFile, RatingRecord } from '../../domain/appraisal/evaluation-file.ts';
import type { PeriodKind } from '../../domain/cycle/periods.ts';
import { parseTaskId, qualifierOf } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';
import { myAppraisal } from './appraisal.ts';
import { cycleOf } from './cycles.ts';
import { foldedFile } from './evaluation-file.ts';
import { cyclePeriods } from './periodic.ts';

export interface MyPeriod extends PeriodFile {
  /** My open task to read and acknowledge the period's result; null when there is none (any more). */
  acknowledgeTaskId: string | null;
}

export interface MyEvaluations {
  appraisalId: string;
  cycleId: string;
  step: EvaluationFile['step'];
  rater: EvaluationFile['rater'];
  superior: EvaluationFile['superior'];
  skp: EvaluationFile['skp'];
  /** null for a cycle without periods (it has the quarterly check-ins of old). */
  periodKind: PeriodKind | null;
  /** The periods opened so far, in order. */
  periods: MyPeriod[];
  /** The cycle's periods not opened yet: when their evaluation window opens and is due. */
  upcoming: Array<{ period: string; opens: string; deadline: string }>;
  /** The akhir rating with who set it, once released to me (never before: calibration may change it). */
  akhir: { rating: RatingRecord | null; release: { at: string; objectionDeadline: string } | null };
}

/** My evaluations in the latest cycle, or in the given one; undefined when I have no appraisal there. */
export async function myEvaluations(
  db: Kysely<Database>,
  principal: Principal,
  cycleId?: string,
): Promise<MyEvaluations | undefined> {
  const mine = await myAppraisal(db, principal, cycleId);
  if (!mine) return undefined;
  const { state } = mine;
  const [file, cycle] = await Promise.all([
    foldedFile(db, principal.org, mine.appraisalId),
    cycleOf(db, principal.org, state.cycleId),
  ]);
  const acknowledgeTasks = new Map(
    Object.keys(state.openTasks).flatMap((taskId) =>
      parseTaskId(taskId)?.kind === 'acknowledgePeriod' ? [[qualifierOf(taskId) ?? '', taskId] as const] : [],
    ),
  );
  const planned = cycle ? cyclePeriods(cycle) : null;
  const opened = new Set(file.periods.map((p) => p.period));
  const windows = (cycle?.calendar.periods as { windows?: Array<Record<string, unknown>> } | undefined)
    ?.windows;
  return {
    appraisalId: mine.appraisalId,
    cycleId: state.cycleId,
    step: file.step,
    rater: file.rater,
    superior: file.superior,
    skp: file.skp,
    periodKind: planned?.kind ?? file.periodKind,
    periods: file.periods.map((p) => ({ ...p, acknowledgeTaskId: acknowledgeTasks.get(p.period) ?? null })),
    upcoming: (windows ?? []).flatMap((w) =>
      typeof w.id === 'string' &&
      typeof w.opens === 'string' &&
      typeof w.deadline === 'string' &&
      !opened.has(w.id)
        ? [{ period: w.id, opens: w.opens, deadline: w.deadline }]
        : [],
    ),
    akhir: {
      rating: state.release ? file.akhir.rating : null,
      release: state.release,
    },
  };
}
