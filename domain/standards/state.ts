// The state of one standards round, folded from its stream. The same `evolve` runs in the round's
// workflow, in the projection (standard_rounds.state) and in the auditors' replay.
import type { Actor } from '../appraisal/types.ts';
import type { RoundPosition, StandardsEvent, StandardsEventData } from './events.ts';
import type { ParticipantRole, ProposalAnswer, Standard } from './payloads.ts';

export interface StandardComment {
  commentId: string;
  revision: number;
  text: string;
  proposal: Standard | null;
  role: ParticipantRole;
  by: string;
  at: string;
  answer: { answer: ProposalAnswer; reason: string | null; by: string; at: string } | null;
  /** The version that took up HR's answer, once published. */
  publishedIn: number | null;
}

export interface PositionState {
  positionCode: string;
  name: string;
  baseVersion: number | null;
  /** The last published standard (the base at the start) and its version: what a new version changes. */
  published: { version: number; standard: Standard } | null;
  draft: Standard;
  /** 0 as started; each draft and each answer that changes it counts one. */
  revision: number;
  participants: RoundPosition['participants'];
  leaderNips: string[];
  comments: StandardComment[];
  /** Versions published in this round, oldest first. */
  versions: Array<{ version: number; by: string; at: string }>;
}

export interface RoundTask {
  taskId: string;
  positionCode: string;
  assigneeNip: string;
  role: ParticipantRole;
  dueAt: string;
  status: 'open' | 'completed' | 'expired' | 'cancelled';
  remindedAt: string | null;
}

export interface RoundState {
  roundId: string;
  orgId: string;
  timeZone: string;
  deadline: string;
  /** open: comments are taken until the deadline; windowClosed: HR answers and publishes; closed. */
  status: 'open' | 'windowClosed' | 'closed';
  startedBy: string;
  startedAt: string;
  closed: { by: string; at: string } | null;
  /** Version of the round's stream folded so far. */
  version: number;
  positions: PositionState[];
  tasks: Record<string, RoundTask>;
}

type Started = StandardsEventData<'standards.roundStarted'>;

export function initialRoundState(started: Started): RoundState {
  return {
    roundId: started.roundId,
    orgId: started.orgId,
    timeZone: started.timeZone,
    deadline: started.deadline,
    status: 'open',
    startedBy: started.by,
    startedAt: started.at,
    closed: null,
    version: 1,
    positions: started.positions.map((p) => ({
      positionCode: p.positionCode,
      name: p.name,
      baseVersion: p.baseVersion,
      published: p.baseVersion === null ? null : { version: p.baseVersion, standard: p.standard },
      draft: p.standard,
      revision: 0,
      participants: p.participants,
      leaderNips: p.leaderNips,
      comments: [],
      versions: [],
    })),
    tasks: {},
  };
}

export const positionOf = (state: RoundState, code: string) =>
  state.positions.find((p) => p.positionCode === code);

export const isHr = (actor: Actor) => actor.roles.includes('hr');
export const mayDraft = (position: PositionState, actor: Actor) =>
  isHr(actor) || position.leaderNips.includes(actor.nip);
export const participantRole = (position: PositionState, nip: string): ParticipantRole | undefined =>
  position.participants.find((p) => p.nip === nip)?.role;

/** Folds one event; never mutates its input. */
export function evolveRound(state: RoundState, event: StandardsEvent): RoundState {
  const s: RoundState = { ...state, version: state.version + 1 };
  const position = (code: string, change: (p: PositionState) => PositionState): RoundState => ({
    ...s,
    positions: s.positions.map((p) => (p.positionCode === code ? change(p) : p)),
  });
  const task = (taskId: string, change: Partial<RoundTask>): RoundState => {
    const current = s.tasks[taskId];
    return current ? { ...s, tasks: { ...s.tasks, [taskId]: { ...current, ...change } } } : s;
  };
  switch (event.type) {
    case 'standards.roundStarted':
      return initialRoundState(event.data);
    case 'standards.taskAssigned': {
      const { taskId, positionCode, assigneeNip, role, dueAt } = event.data;
      const assigned: RoundTask = {
        taskId,
        positionCode,
        assigneeNip,
        role,
        dueAt,
        status: 'open',
        remindedAt: null,
      };
      return { ...s, tasks: { ...s.tasks, [taskId]: assigned } };
    }
    case 'standards.taskCompleted':
      return task(event.data.taskId, { status: 'completed' });
    case 'standards.taskReminded':
      return task(event.data.taskId, { remindedAt: event.data.at });
    case 'standards.taskExpired':
      return task(event.data.taskId, { status: 'expired' });
    case 'standards.taskCancelled':
      return task(event.data.taskId, { status: 'cancelled' });
    case 'standards.drafted':
      return position(event.data.positionCode, (p) => ({
        ...p,
        draft: event.data.standard,
        revision: event.data.revision,
      }));
    case 'standards.commented': {
      const { positionCode, commentId, revision, text, proposal, role, by, at } = event.data;
      const comment: StandardComment = {
        commentId,
        revision,
        text,
        proposal,
        role,
        by,
        at,
        answer: null,
        publishedIn: null,
      };
      return position(positionCode, (p) => ({ ...p, comments: [...p.comments, comment] }));
    }
    case 'standards.proposalAnswered': {
      const { positionCode, commentId, answer, reason, standard, by, at } = event.data;
      return position(positionCode, (p) => ({
        ...p,
        ...(standard ? { draft: standard, revision: p.revision + 1 } : {}),
        comments: p.comments.map((c) =>
          c.commentId === commentId ? { ...c, answer: { answer, reason, by, at } } : c,
        ),
      }));
    }
    case 'standards.published': {
      const { positionCode, version, standard, decisions, by, at } = event.data;
      const decided = new Set(decisions.map((d) => d.commentId));
      return position(positionCode, (p) => ({
        ...p,
        published: { version, standard },
        versions: [...p.versions, { version, by, at }],
        comments: p.comments.map((c) => (decided.has(c.commentId) ? { ...c, publishedIn: version } : c)),
      }));
    }
    case 'standards.windowClosed':
      return { ...s, status: 'windowClosed' };
    case 'standards.roundClosed':
      return { ...s, status: 'closed', closed: { by: event.data.by, at: event.data.at } };
  }
}

/** The tasks still waiting for someone. */
export const openRoundTasks = (state: RoundState) =>
  Object.values(state.tasks).filter((t) => t.status === 'open');
