// The simulated people's side: read open tasks from the inbox projection (as the UI would), answer them
// through Workflow Updates, and calibrate units the way an HR office would when a rule is violated.

import { type WorkflowHandle, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import { createLimiter } from '../activities/limiter.ts';
import type { AppraisalCommand } from '../domain/appraisal/commands.ts';
import { appraisalWorkflowId, parseAppraisalId } from '../domain/ids.ts';
import type { Database } from '../schema/database.ts';
import { actUpdate, calibrateNowUpdate, signPenetapanUpdate } from '../workflows/messages.ts';
import { answer, type OpenTaskRow } from './people.ts';
import type { Random } from './random.ts';
import type { SeedEmployee } from './seed.ts';

/**
 * Updates in flight at once. Each waits for its workflow task and its activity's commit, so a small window
 * left the worker idle between them: a year of 1000 took 440 s with 16, 373 s with 48 (quiet machine).
 */
const concurrency = 48;

export class Inbox {
  rejected = 0;
  private readonly units = new Map<string, string[]>();
  private readonly supervisors = new Map<string, string | null>();
  /** A second HR admin (any other employee of the office). */
  private readonly deputy: string;

  constructor(
    private readonly env: TestWorkflowEnvironment,
    private readonly db: Kysely<Database>,
    private readonly cycleId: string,
    private readonly hr: string,
    private readonly random: Random,
    employees: SeedEmployee[],
    private readonly progress: (phase: string, done: number, total: number) => void,
  ) {
    this.deputy = employees.find((e) => e.nip !== hr)?.nip ?? hr;
    for (const e of employees) {
      this.units.set(e.unitCode, [...(this.units.get(e.unitCode) ?? []), e.nip]);
      this.supervisors.set(e.nip, e.supervisorNip);
    }
  }

  /** Open tasks of this kind. */
  count(kind: string): Promise<number> {
    return this.openTasks(kind);
  }

  /** Open tasks of this kind due at or before `iso`: the ones a deadline is about to close or hand over. */
  dueBy(kind: string, iso: string): Promise<number> {
    return this.openTasks(kind, new Date(iso));
  }

  openInSteps(steps: string[]): Promise<number> {
    return this.appraisals('in', steps);
  }

  unfinished(): Promise<number> {
    return this.appraisals('not in', ['completed', 'cancelled']);
  }

  private async openTasks(kind: string, dueBy?: Date): Promise<number> {
    const row = await this.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('cycle_id', '=', this.cycleId)
      .where('kind', '=', kind)
      .where('status', '=', 'open')
      .$if(dueBy !== undefined, (q) => q.where('due_at', '<=', dueBy as Date))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** The cycle's appraisals whose step is (or is not) one of `steps`. */
  private async appraisals(op: 'in' | 'not in', steps: string[]): Promise<number> {
    const row = await this.db
      .selectFrom('appraisals')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('cycle_id', '=', this.cycleId)
      .where('step', op, steps)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async waitUntil(phase: string, check: () => Promise<boolean>, timeoutMs = 300_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > until)
        throw new Error(`simulation: ${phase} did not settle within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /**
   * Answers every open task of these kinds (people who let it slide leave theirs open). With
   * `objectorsAtLeast`, that many of the feedback readers object at least (a small office's year then
   * still shows an objection).
   */
  async work(phase: string, kinds: string[], objectorsAtLeast = 0): Promise<void> {
    const tasks = await this.db
      .selectFrom('tasks')
      .select(['task_id', 'appraisal_id', 'kind', 'assignee_nip', 'assignee_role'])
      .where('cycle_id', '=', this.cycleId)
      .where('kind', 'in', kinds)
      .where('status', '=', 'open')
      .orderBy('task_id')
      .execute();
    // A proposal names the supervisor's RHK once the supervisor's SKP is agreed (the cascade rule).
    const agreed = kinds.includes('proposeIndicators') ? await this.agreedNips() : new Set<string>();
    const parentOf = (appraisalId: string) => {
      const supervisor = this.supervisors.get(parseAppraisalId(appraisalId)?.nip ?? '');
      return supervisor && agreed.has(supervisor) ? 'rhk-1' : null;
    };
    const answers = tasks.map(
      (task) => [task, answer(task, this.random, (id) => this.peersOf(id), parentOf)] as const,
    );
    const objecting = (command: AppraisalCommand | null) => command?.type === 'fileObjection';
    let missing = objectorsAtLeast - answers.filter(([, command]) => objecting(command)).length;
    for (const [i, [task, command]] of answers.entries()) {
      if (missing <= 0) break;
      if (task.kind !== 'readFeedback' || objecting(command)) continue;
      answers[i] = [task, { type: 'fileObjection', reasons: 'Penilaian tidak sesuai bukti dukung' }];
      missing--;
    }
    // A window of `concurrency` Updates in flight, refilled as each returns (no wait for a whole batch).
    const limiter = createLimiter(concurrency);
    let done = 0;
    await Promise.all(
      answers.map(([task, command]) =>
        limiter.run(async () => {
          if (command) await this.act(task, command);
          done++;
          if (done % concurrency === 0 || done === answers.length) this.progress(phase, done, answers.length);
        }),
      ),
    );
  }

  /** Calibration as HR runs it: wait for the verdicts, fix ratings where a rule fails, release. */
  async calibrate(cycle: WorkflowHandle): Promise<void> {
    const units = async () =>
      this.db.selectFrom('unit_calibration').selectAll().where('cycle_id', '=', this.cycleId).execute();
    const memberUnits = await this.db
      .selectFrom('cycle_members')
      .select('unit_code')
      .distinct()
      .where('cycle_id', '=', this.cycleId)
      .execute();
    await this.waitUntil(
      'calibration',
      async () => (await units()).filter((u) => u.ok !== null).length >= memberUnits.length,
    );
    for (let round = 0; round < 5; round++) {
      const held = (await units()).filter((u) => u.ok === false && u.released_at === null);
      if (held.length === 0) break;
      for (const unit of held) await this.fixUnit(unit.unit_code);
      await cycle.executeUpdate(calibrateNowUpdate, { args: [{ by: this.hr }] });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    // A unit still off its rule has a penetapan open: whoever holds it signs, with a justification.
    await this.waitUntil('release', async () => {
      await this.signPenetapans(cycle);
      return (await units()).every((u) => u.released_at !== null);
    });
  }

  private readonly signed = new Set<string>();

  private async signPenetapans(cycle: WorkflowHandle): Promise<void> {
    const open = await this.db
      .selectFrom('unit_penetapan')
      .select(['unit_code', 'stage', 'assignee_nip', 'findings'])
      .where('cycle_id', '=', this.cycleId)
      .where('signed_at', 'is', null)
      .execute();
    for (const p of open.filter((p) => !this.signed.has(p.unit_code))) {
      this.signed.add(p.unit_code);
      let rules = p.findings.map((f) => f.rule);
      // The findings are the unit's latest curve's: the refusal names what the signature misses.
      for (let attempt = 0; attempt < 4; attempt++) {
        const request = {
          unitCode: p.unit_code,
          by: p.assignee_nip ?? this.hr,
          hr: p.stage === 'hr',
          conforming: rules.length === 0,
          justifications: [...new Set(rules)].map((rule) => ({ rule, text: justification })),
        };
        const refused = await cycle.executeUpdate(signPenetapanUpdate, { args: [request] }).then(
          () => null,
          (error: unknown) => {
            if (!(error instanceof WorkflowUpdateFailedError)) throw error;
            return error;
          },
        );
        if (!refused) break;
        const details = (refused.cause instanceof ApplicationFailure ? refused.cause.details?.[0] : null) as {
          findings?: string[];
          missing?: string[];
          rules?: string[];
        } | null;
        const code = refusalCode(refused);
        if (code === 'penetapan_conforms') rules = [];
        else if (code === 'penetapan_has_findings') rules = details?.findings ?? rules;
        else if (code === 'justification_required') rules = [...rules, ...(details?.missing ?? [])];
        else if (code === 'unknown_finding') rules = rules.filter((r) => !details?.rules?.includes(r));
        else {
          // Passed on meanwhile, say: its next holder tries on the next look.
          this.signed.delete(p.unit_code);
          break;
        }
      }
    }
  }

  private async fixUnit(unitCode: string): Promise<void> {
    const rated = await this.db
      .selectFrom('appraisals')
      .select(['appraisal_id', 'predikat', 'supervisor_nip'])
      .where('cycle_id', '=', this.cycleId)
      .where('unit_code', '=', unitCode)
      .where('step', '=', 'rating')
      .execute();
    const baik = rated.filter((a) => a.predikat === 'baik');
    const low = rated.filter((a) => a.predikat === 'butuhPerbaikan' || a.predikat === 'kurang');
    const changes: Array<[(typeof rated)[number], AppraisalCommand]> = [];
    if (low.length === 0 && rated[0])
      changes.push([
        baik[0] ?? rated[0],
        { type: 'setRating', results: 'diBawah', behaviour: 'sesuai', feedback: 'Hasil kalibrasi unit' },
      ]);
    const tooMany = baik.length - Math.floor((rated.length * 70) / 100) - (low.length === 0 ? 1 : 0);
    for (const a of baik.slice(low.length === 0 ? 1 : 0, (low.length === 0 ? 1 : 0) + Math.max(0, tooMany))) {
      changes.push([
        a,
        { type: 'setRating', results: 'diAtas', behaviour: 'diAtas', feedback: 'Hasil kalibrasi unit' },
      ]);
    }
    for (const [a, command] of changes) {
      await this.act(
        {
          task_id: '',
          appraisal_id: a.appraisal_id,
          kind: 'setRating',
          assignee_nip: a.supervisor_nip,
          assignee_role: a.supervisor_nip ? 'supervisor' : 'hr',
        },
        command,
      );
    }
  }

  /** Whose SKP is agreed in this cycle (every simulated SKP has the RHK rhk-1). */
  private async agreedNips(): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('appraisals')
      .select(['nip', 'state'])
      .where('cycle_id', '=', this.cycleId)
      .execute();
    const isAgreed = (state: unknown) =>
      (state as { agreement?: { agreedVersion?: number | null } }).agreement?.agreedVersion != null;
    return new Set(rows.filter((r) => isAgreed(r.state)).map((r) => r.nip));
  }

  private peersOf(appraisalId: string): string[] {
    const nip = parseAppraisalId(appraisalId)?.nip ?? '';
    const unit = [...this.units.entries()].find(([, nips]) => nips.includes(nip))?.[0];
    return (this.units.get(unit ?? '') ?? []).filter(
      (n) => n !== nip && n !== this.supervisors.get(nip) && this.supervisors.get(n) !== nip,
    );
  }

  private async act(task: OpenTaskRow, answer: AppraisalCommand): Promise<void> {
    let command = answer;
    // Nobody rates themselves: the HR office's other admin acts on the appraisal of the one who is HR.
    const admin = parseAppraisalId(task.appraisal_id)?.nip === this.hr ? this.deputy : this.hr;
    const nip = task.assignee_nip ?? admin;
    const roles = task.assignee_role === 'hr' || nip === admin ? (['hr'] as const) : ([] as const);
    const handle = this.env.client.workflow.getHandle(appraisalWorkflowId(task.appraisal_id));
    // The launch records a batch's opening events (its tasks) before it starts the batch's workflows: a
    // task can be in the inbox a moment before its workflow exists, as the API's 503 appraisal_starting says.
    for (let attempt = 1; ; attempt++) {
      try {
        await handle.executeUpdate(actUpdate, { args: [{ actor: { nip, roles: [...roles] }, command }] });
        return;
      } catch (error) {
        // A unit leader's rating hasil kerja is their unit's capaian: told so, the rater leaves it out.
        if (error instanceof WorkflowUpdateFailedError && refusalCode(error) === 'results_from_capaian') {
          if (command.type === 'setRating' && command.results !== undefined) {
            const { results: _capaian, ...rest } = command;
            command = rest;
            continue;
          }
        }
        // A rule said no (e.g. a window closed meanwhile): people see the message and move on.
        if (error instanceof WorkflowUpdateFailedError) {
          this.rejected++;
          return;
        }
        if (!(error instanceof WorkflowNotFoundError) || attempt >= 150) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
}

const justification = 'Unit kecil: sebaran mengikuti kinerja yang terbukti';

/** The rule's code a refused Update carries (its ApplicationFailure's type). */
function refusalCode(error: WorkflowUpdateFailedError): string | undefined {
  const cause = error.cause;
  return cause instanceof ApplicationFailure ? (cause.type ?? undefined) : undefined;
}
