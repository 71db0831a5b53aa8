// The SKP agreement of an appraisal with an SKP form (skp.ts): either party drafts. The employee proposes
// and the supervisor reviews, or the reverse; the reviewer comments (the author then revises) or signs;
// every version is kept and both sign the latest. The proposal must fit the form and the approach, and
// in the JA/JF form each RHK utama names an RHK of the supervisor's agreed SKP (the cascade), which the
// workflow looks up before it decides. Appraisals of before keep decide.ts's own agreement.
import { DomainError } from '../errors.ts';
import { versionQualifier } from '../ids.ts';
import type { AppraisalCommand } from './commands.ts';
import type { AppraisalEvent } from './events.ts';
import { isEmployee, isSupervisor, requireActor } from './guards.ts';
import { requireAgreementOpen } from './mutasi.ts';
import { proposalIssues, type SkpIssue } from './skp.ts';
import type { AppraisalState, OpenTask } from './state.ts';
import { assignTask, completeTask, taskId, tasksOfKind } from './tasks.ts';
import type { Actor } from './types.ts';

type Party = 'employee' | 'supervisor';
type AgreementCommand = Extract<
  AppraisalCommand,
  { type: 'proposeIndicators' | 'commentIndicators' | 'signAgreement' }
>;

export interface AgreementContext {
  actor: Actor;
  now: string;
  /** The ids of the supervisor's agreed RHK ([]: none agreed); undefined: not looked up (not checked). */
  supervisorRhk?: readonly string[] | undefined;
}

/** The first issue of a proposal as the error the API answers (422), naming the RHK. */
export function issueError(issue: SkpIssue): DomainError {
  return new DomainError(issue.code, issue.message, {
    field: issue.field,
    ...(issue.rhkId !== undefined ? { rhkId: issue.rhkId } : {}),
    ...(issue.rhk !== undefined ? { rhk: issue.rhk } : {}),
    ...(issue.indicator !== undefined ? { indicator: issue.indicator } : {}),
  });
}

const other = (party: Party): Party => (party === 'employee' ? 'supervisor' : 'employee');

/** The side a task is on: the employee's, or the supervisor's (HR standing in for none). */
const sideOf = (task: OpenTask): Party => (task.assigneeRole === 'employee' ? 'employee' : 'supervisor');

function partyOf(state: AppraisalState, actor: Actor): Party | null {
  if (isEmployee(state, actor)) return 'employee';
  return isSupervisor(state, actor) ? 'supervisor' : null;
}

function assignTo(state: AppraisalState, now: string, party: Party, kind: OpenTask['kind'], version: number) {
  const p = state.participants;
  return assignTask(state, now, {
    kind,
    qualifier: versionQualifier(version),
    assigneeNip: party === 'employee' ? p.employee.nip : p.supervisorNip,
    assigneeRole: party,
    step: 'agreement',
    // After a mutasi the new SKP is agreed outside the agreement step: no step deadline is its own.
    dueAt: state.step === 'agreement' ? state.deadline : null,
  });
}

function requireLatest(state: AppraisalState, version: number): void {
  const latest = state.agreement.versions.length;
  if (latest === 0) throw new DomainError('wrong_step', 'No indicators have been proposed yet');
  if (version !== latest)
    throw new DomainError('stale_version', `Version ${version} is not the latest (${latest})`, { latest });
}

const sameText = (a: object | undefined, b: object | undefined) =>
  JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());

export function decideSkpAgreement(
  state: AppraisalState,
  command: AgreementCommand,
  ctx: AgreementContext,
): AppraisalEvent[] {
  const { actor, now } = ctx;
  const by = actor.nip;
  requireAgreementOpen(state);
  const party = partyOf(state, actor);
  requireActor(party !== null, 'employee or the supervisor');
  const me = party as Party;
  switch (command.type) {
    case 'proposeIndicators': {
      if (state.agreement.agreedVersion !== null)
        throw new DomainError('already_done', 'The SKP is already signed by both');
      const latest = state.agreement.versions.at(-1);
      // The ekspektasi khusus pimpinan are the rater's to write: an employee's draft carries them over.
      if (me === 'employee' && command.ekspektasi && !sameText(command.ekspektasi, latest?.ekspektasi))
        throw new DomainError(
          'ekspektasi_by_rater',
          'The ekspektasi khusus pimpinan are written by the rater, not the employee',
          { field: 'ekspektasi' },
        );
      const issue = proposalIssues(state.skp, command, ctx.supervisorRhk)[0];
      if (issue) throw issueError(issue);
      const ekspektasi = me === 'supervisor' ? command.ekspektasi : latest?.ekspektasi;
      const version = state.agreement.versions.length + 1;
      const stale = ['proposeIndicators', 'reviewIndicators', 'signAgreement'] as const;
      return [
        {
          type: 'agreement.proposed',
          data: {
            version,
            rhk: command.rhk,
            role: me,
            ...(ekspektasi ? { ekspektasi } : {}),
            ...(command.lampiran ? { lampiran: command.lampiran } : {}),
            by,
            at: now,
          },
        },
        ...stale
          .flatMap((kind) => tasksOfKind(state, kind))
          .flatMap((t) => completeTask(state, now, by, t.taskId)),
        ...assignTo(state, now, other(me), 'reviewIndicators', version),
      ];
    }
    case 'commentIndicators': {
      requireLatest(state, command.version);
      const author: Party = state.agreement.versions.at(-1)?.role ?? 'supervisor';
      requireActor(me !== author, author === 'employee' ? 'supervisor' : 'employee');
      return [
        {
          type: 'agreement.commented',
          data: { version: command.version, comment: command.comment, by, at: now },
        },
        ...completeTask(state, now, by, taskId(state, 'reviewIndicators', versionQualifier(command.version))),
        // The author revises.
        ...assignTo(state, now, author, 'proposeIndicators', command.version + 1),
      ];
    }
    case 'signAgreement': {
      const { version } = command;
      requireLatest(state, version);
      if (state.agreement.signatures[me] === version)
        throw new DomainError('already_done', `Version ${version} is already signed by the ${me}`);
      const q = versionQualifier(version);
      const mine = [taskId(state, 'reviewIndicators', q), taskId(state, 'signAgreement', q)].filter((id) => {
        const task = state.openTasks[id];
        return task !== undefined && sideOf(task) === me;
      });
      const bothSigned = state.agreement.signatures[other(me)] === version;
      // The other party signs next: through their review task, or a task to sign when they have none.
      const othersTask = [taskId(state, 'reviewIndicators', q), taskId(state, 'signAgreement', q)].some(
        (id) => {
          const task = state.openTasks[id];
          return task !== undefined && sideOf(task) === other(me);
        },
      );
      return [
        { type: 'agreement.signed', data: { version, role: me, by, at: now } },
        ...mine.flatMap((id) => completeTask(state, now, by, id)),
        ...(bothSigned
          ? [{ type: 'agreement.agreed', data: { version, at: now } } as const]
          : othersTask
            ? []
            : assignTo(state, now, other(me), 'signAgreement', version)),
      ];
    }
  }
}
