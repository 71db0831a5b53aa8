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

/** The direct reports of the person moved, each with who rates them from the effective date. */
export interface ReportsPlan {
  reports: Array<{ nip: string; name: string; appraisalId: string; raterNip: string }>;
}

/** HR's choice for one direct report, over the one for all of them. */
export interface ReportRater {
  nip: string;
  raterNip: string;
}

/** One direct report after the mutasi: their new rater, or why the change was refused. */
export type ReportOutcome =
  | { nip: string; raterNip: string; appraisalId: string; movedTasks: number }
  | { nip: string; raterNip: string; refused: { code: string; detail: string } };

/**
 * The direct reports of `nip` and who rates each after the mutasi: HR's choice for that report
 * (`perReport`), else HR's choice for all (`picked`), else the successor in the post. 422
 * successor_required naming reportsRaterNip when a report is left with none; not_a_report naming
 * reportRaters.<i>.nip for a choice about someone `nip` does not rate; unknown_rater or invalid_rater
 * (naming the field) for someone who is no active employee, the person moved, or the report themselves.
 */
export async function planReports(
  services: Services,
  me: Principal,
  cycleId: string,
  nip: string,
  picked: string | undefined,
  perReport: ReportRater[] = [],
): Promise<ReportsPlan> {
  const reports = await directReports(services.db, me.org, cycleId, nip);
  for (const [i, choice] of perReport.entries())
    if (!reports.some((r) => r.nip === choice.nip))
      throw new Refusal(422, 'not_a_report', `${nip} does not rate ${choice.nip} in this cycle`, {
        field: `reportRaters.${i}.nip`,
      });
  const unpicked = reports.filter((r) => !perReport.some((c) => c.nip === r.nip));
  const fallback =
    unpicked.length === 0 ? undefined : (picked ?? (await successorOf(services.db, me.org, nip))?.nip);
  if (unpicked.length > 0 && !fallback)
    throw new Refusal(
      422,
      'successor_required',
      `${nip} rates ${unpicked.length} people in this cycle and no successor is known: say who rates them`,
      { field: 'reportsRaterNip', reports: unpicked.map((r) => r.nip) },
    );
  const planned: ReportsPlan['reports'] = [];
  for (const report of reports) {
    const i = perReport.findIndex((c) => c.nip === report.nip);
    const raterNip = i >= 0 ? (perReport[i]?.raterNip ?? '') : (fallback ?? '');
    const field = { field: i >= 0 ? `reportRaters.${i}.raterNip` : 'reportsRaterNip' };
    if (!(await activeEmployee(services.db, me.org, raterNip)))
      throw new Refusal(422, 'unknown_rater', `No active employee ${raterNip} in the organisation`, field);
    if (raterNip === nip)
      throw new Refusal(
        422,
        'invalid_rater',
        'The person moved cannot go on rating their former reports',
        field,
      );
    if (raterNip === report.nip)
      throw new Refusal(422, 'invalid_rater', `${report.nip} cannot rate themselves`, field);
    planned.push({ ...report, raterNip });
  }
  return { reports: planned };
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
  const reason = `${mutasi.kind} of ${mutasi.nip}: ${mutasi.reason}`.slice(0, 500);
  const outcomes: ReportOutcome[] = [];
  for (const report of plan.reports) {
    const { raterNip } = report;
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
  /** Who rates one report or another, over reportsRaterNip. */
  reportRaters?: ReportRater[] | undefined;
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
  const { reportsRaterNip, reportRaters, ...mutasi } = request;
  const plan = await planReports(services, me, cycleId, nip, reportsRaterNip, reportRaters);
  const result = await recordMutasi(services, me, cycleId, nip, mutasi, key);
  const reports = await moveReports(services, me, cycleId, plan, { ...mutasi, nip }, key);
  return { ...result, reports };
}
