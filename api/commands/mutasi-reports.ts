// A mutasi or promotion of someone who rates others: their direct reports in the cycle get another rater
// from the same effective date (the successor in the post the person leaves, when the org chart knows one,
// else whom HR picks), each through the change-of-rater path, recorded with the mutasi as its reason, so
// their open tasks move. Checked before the mutasi is recorded: a missing or unfit rater changes nothing.
import type { Principal } from '../../auth/identity.ts';
import { activeEmployee, directReports, successorOf } from '../../record/read/cycle-people.ts';
import { type ChangeResult, changeRater, type MutasiCommand, recordMutasi } from './participants.ts';
import { Refusal, refusalOf } from './refusal.ts';
import { requireHr } from './require.ts';
import type { Services } from './services.ts';

export interface ReportsPlan {
  reports: Array<{ nip: string; name: string; appraisalId: string }>;
  /** Who rates them from the effective date; null when there are none. */
  raterNip: string | null;
}

/** One direct report after the mutasi: their new rater, or why the change was refused. */
export type ReportOutcome =
  | { nip: string; raterNip: string; appraisalId: string; movedTasks: number }
  | { nip: string; raterNip: string; refused: { code: string; detail: string } };

/**
 * The direct reports of `nip` and who rates them after the mutasi: `picked` (HR's choice), else the
 * successor. 422 successor_required naming reportsRaterNip when there are reports and neither is known;
 * unknown_rater or invalid_rater (naming it) for someone who is no active employee, the person moved, or
 * one of the reports.
 */
export async function planReports(
  services: Services,
  me: Principal,
  cycleId: string,
  nip: string,
  picked: string | undefined,
): Promise<ReportsPlan> {
  const reports = await directReports(services.db, me.org, cycleId, nip);
  if (reports.length === 0) return { reports, raterNip: null };
  const field = { field: 'reportsRaterNip' };
  const raterNip = picked ?? (await successorOf(services.db, me.org, nip))?.nip;
  if (!raterNip)
    throw new Refusal(
      422,
      'successor_required',
      `${nip} rates ${reports.length} people in this cycle and no successor is known: say who rates them`,
      { ...field, reports: reports.map((r) => r.nip) },
    );
  if (!(await activeEmployee(services.db, me.org, raterNip)))
    throw new Refusal(422, 'unknown_rater', `No active employee ${raterNip} in the organisation`, field);
  if (raterNip === nip)
    throw new Refusal(
      422,
      'invalid_rater',
      'The person moved cannot go on rating their former reports',
      field,
    );
  if (reports.some((r) => r.nip === raterNip))
    throw new Refusal(422, 'invalid_rater', 'A direct report cannot rate themselves', field);
  return { reports, raterNip };
}

/** Gives each direct report the plan's rater, the mutasi as the reason; one refused does not stop the rest. */
export async function moveReports(
  services: Services,
  me: Principal,
  cycleId: string,
  plan: ReportsPlan,
  mutasi: { kind: string; nip: string; reason: string; effectiveDate: string },
  key: string | undefined,
): Promise<ReportOutcome[]> {
  const raterNip = plan.raterNip;
  if (raterNip === null) return [];
  const reason = `${mutasi.kind} of ${mutasi.nip}: ${mutasi.reason}`.slice(0, 500);
  const outcomes: ReportOutcome[] = [];
  for (const report of plan.reports) {
    const change = { raterNip, reason, effectiveDate: mutasi.effectiveDate };
    try {
      const done: ChangeResult = await changeRater(
        services,
        me,
        cycleId,
        report.nip,
        change,
        key ? `${key}:report:${report.nip}` : undefined,
      );
      outcomes.push({
        nip: report.nip,
        raterNip,
        appraisalId: done.appraisalId,
        movedTasks: done.movedTasks,
      });
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      outcomes.push({ nip: report.nip, raterNip, refused: { code: refusal.code, detail: refusal.message } });
    }
  }
  return outcomes;
}

export interface MutasiWithReports extends MutasiCommand {
  /** Who rates the person's direct reports from the effective date; absent: the successor in the post. */
  reportsRaterNip?: string | undefined;
}

/**
 * A mutasi or promotion (participants.ts recordMutasi), then the change of rater of each direct report
 * of the person moved (planReports before, so a missing successor records nothing).
 */
export async function recordMutasiWithReports(
  services: Services,
  me: Principal,
  cycleId: string,
  nip: string,
  request: MutasiWithReports,
  key: string | undefined,
): Promise<ChangeResult & { reports: ReportOutcome[] }> {
  requireHr(me);
  const { reportsRaterNip, ...mutasi } = request;
  const plan = await planReports(services, me, cycleId, nip, reportsRaterNip);
  const result = await recordMutasi(services, me, cycleId, nip, mutasi, key);
  const reports = await moveReports(services, me, cycleId, plan, { ...mutasi, nip }, key);
  return { ...result, reports };
}
