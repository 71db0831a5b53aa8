// decide for a standards round: the round's start, people's commands and the window's timer, against
// the round's state, give the events to record, or a DomainError. Pure and deterministic: the workflow
// runs it in its Update validator and again in the handler; `now` is the workflow's clock.
import type { Actor } from '../appraisal/types.ts';
import { DomainError } from '../errors.ts';
import { standardsTaskIdFor } from '../ids.ts';
import type { StandardsCommand } from './commands.ts';
import type { RoundPosition, StandardsEvent } from './events.ts';
import type { Standard } from './payloads.ts';
import {
  isHr,
  mayDraft,
  openRoundTasks,
  type PositionState,
  participantRole,
  positionOf,
  type RoundState,
} from './state.ts';

export interface RoundStart {
  roundId: string;
  orgId: string;
  timeZone: string;
  /** 23:59:59 local time on the window's last day. */
  deadline: string;
  positions: RoundPosition[];
  startedBy: string;
}

/** The round's first events: started, and a task for every participant of every position. */
export function startRound(start: RoundStart, at: string): StandardsEvent[] {
  const { roundId, orgId, timeZone, deadline, positions, startedBy } = start;
  return [
    {
      type: 'standards.roundStarted',
      data: { roundId, orgId, timeZone, deadline, positions, by: startedBy, at },
    },
    ...positions.flatMap((p) =>
      p.participants.map(
        (person): StandardsEvent => ({
          type: 'standards.taskAssigned',
          data: {
            taskId: standardsTaskIdFor(roundId, person.nip, p.positionCode),
            positionCode: p.positionCode,
            assigneeNip: person.nip,
            role: person.role,
            dueAt: deadline,
            at,
          },
        }),
      ),
    ),
  ];
}

/** Three days before the deadline: a reminder on every task still open. */
export function remindRound(state: RoundState, now: string): StandardsEvent[] {
  if (state.status !== 'open') return [];
  return openRoundTasks(state)
    .filter((t) => t.remindedAt === null)
    .map((t) => ({
      type: 'standards.taskReminded',
      data: { taskId: t.taskId, assigneeNip: t.assigneeNip, dueAt: t.dueAt, at: now },
    }));
}

/** At the deadline: open tasks expire and comments are no longer taken. */
export function closeWindow(state: RoundState, now: string): StandardsEvent[] {
  if (state.status !== 'open') return [];
  return [
    ...openRoundTasks(state).map(
      (t): StandardsEvent => ({ type: 'standards.taskExpired', data: { taskId: t.taskId, at: now } }),
    ),
    { type: 'standards.windowClosed', data: { at: now } },
  ];
}

export interface StandardsContext {
  actor: Actor;
  now: string;
}

export function decideStandards(
  state: RoundState,
  command: StandardsCommand,
  ctx: StandardsContext,
): StandardsEvent[] {
  const { actor, now } = ctx;
  const by = actor.nip;
  if (state.status === 'closed') throw new DomainError('round_closed', 'The standards round is closed');
  if (command.type === 'closeRound') {
    requireHr(actor);
    return [
      ...openRoundTasks(state).map(
        (t): StandardsEvent => ({ type: 'standards.taskCancelled', data: { taskId: t.taskId, at: now } }),
      ),
      { type: 'standards.roundClosed', data: { by, at: now } },
    ];
  }
  const position = positionOf(state, command.positionCode);
  if (!position)
    throw new DomainError('not_found', `Position ${command.positionCode} is not in this round`, {
      positionCode: command.positionCode,
    });
  const { positionCode } = position;
  switch (command.type) {
    case 'draftStandard': {
      if (!mayDraft(position, actor))
        throw new DomainError('forbidden_actor', 'Only HR or a leader of the unit may draft this standard');
      if (sameStandard(command.standard, position.draft)) return [];
      const revision = position.revision + 1;
      return [
        {
          type: 'standards.drafted',
          data: { positionCode, revision, standard: command.standard, by, at: now },
        },
      ];
    }
    case 'commentStandard': {
      const role = participantRole(position, by);
      if (!role)
        throw new DomainError(
          'forbidden_actor',
          "Only the position's holders and their supervisors may comment on it",
        );
      if (state.status !== 'open' || Date.parse(now) > Date.parse(state.deadline))
        throw new DomainError('window_closed', 'The window for comments has closed', {
          deadline: state.deadline,
        });
      if (command.proposal && sameStandard(command.proposal, position.draft))
        throw new DomainError(
          'proposal_unchanged',
          'The proposal is the draft as it stands; change something or leave it out',
        );
      const commentId = `c${position.comments.length + 1}`;
      const open = openRoundTasks(state).filter(
        (t) => t.positionCode === positionCode && t.assigneeNip === by,
      );
      return [
        {
          type: 'standards.commented',
          data: {
            positionCode,
            commentId,
            revision: position.revision,
            text: command.text,
            proposal: command.proposal ?? null,
            role,
            by,
            at: now,
          },
        },
        ...open.map(
          (t): StandardsEvent => ({
            type: 'standards.taskCompleted',
            data: { taskId: t.taskId, by, at: now },
          }),
        ),
      ];
    }
    case 'answerProposal':
      requireHr(actor);
      return [answer(position, command, by, now)];
    case 'publishStandard': {
      requireHr(actor);
      const open = position.comments.filter((c) => c.proposal && !c.answer);
      if (open.length > 0)
        throw new DomainError('proposals_unanswered', 'Answer every proposal before publishing', {
          commentIds: open.map((c) => c.commentId),
        });
      if (position.published && sameStandard(position.published.standard, position.draft))
        throw new DomainError(
          'nothing_to_publish',
          `The draft is version ${position.published.version} as published`,
          {
            version: position.published.version,
          },
        );
      const decisions = position.comments
        .filter((c) => c.proposal && c.answer && c.publishedIn === null)
        .map((c) => ({
          commentId: c.commentId,
          proposedBy: c.by,
          answer: c.answer?.answer ?? 'declined',
          reason: c.answer?.reason ?? null,
          decidedBy: c.answer?.by ?? by,
        }));
      const version = (position.published?.version ?? 0) + 1;
      return [
        {
          type: 'standards.published',
          data: { positionCode, version, standard: position.draft, decisions, by, at: now },
        },
      ];
    }
  }
}

function answer(
  position: PositionState,
  command: Extract<StandardsCommand, { type: 'answerProposal' }>,
  by: string,
  now: string,
): StandardsEvent {
  const comment = position.comments.find((c) => c.commentId === command.commentId);
  if (!comment?.proposal)
    throw new DomainError('not_found', `No proposal ${command.commentId} on ${position.positionCode}`, {
      commentId: command.commentId,
    });
  if (comment.answer) throw new DomainError('already_done', 'This proposal was answered already');
  const reason = command.reason?.trim() || null;
  if (command.answer === 'declined' && !reason)
    throw new DomainError('reason_required', 'A declined proposal needs the reason');
  if (command.answer === 'changed' && !command.standard)
    throw new DomainError('standard_required', 'Accepting with changes needs the changed standard');
  if (command.answer !== 'changed' && command.standard)
    throw new DomainError('standard_not_allowed', 'Only an answer "changed" carries a standard');
  const standard =
    command.answer === 'accepted'
      ? comment.proposal
      : command.answer === 'changed'
        ? (command.standard ?? null)
        : null;
  return {
    type: 'standards.proposalAnswered',
    data: {
      positionCode: position.positionCode,
      commentId: comment.commentId,
      answer: command.answer,
      reason,
      standard,
      by,
      at: now,
    },
  };
}

function requireHr(actor: Actor): void {
  if (!isHr(actor)) throw new DomainError('forbidden_actor', 'Only HR may do this');
}

/** Equal standards, whatever the order of their keys. */
export function sameStandard(a: Standard, b: Standard): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
