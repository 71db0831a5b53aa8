// StandardsRoundWorkflow: one organisation's round of drafting its positions' standards with the people
// who hold them. Thin: it records the start, keeps the window's timer (a reminder 3 days before the
// deadline, then the close of the window), and takes people's commands as validated Updates until HR
// closes the round. Every decision is the pure domain's (domain/standards/decide.ts), recorded as events.
import { ApplicationFailure, allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import { standardsStreamId } from '../domain/ids.ts';
import type * as Commands from '../domain/standards/commands.ts';
import {
  closeWindow,
  decideStandards,
  type RoundStart,
  remindRound,
  startRound,
} from '../domain/standards/decide.ts';
import type { StandardsEvent } from '../domain/standards/events.ts';
import { evolveRound, initialRoundState, type RoundState } from '../domain/standards/state.ts';
import { createRecorder } from './event-recorder.ts';
import { createLock } from './lock.ts';
import { actOnStandardsUpdate, standardsRoundQuery } from './messages.ts';
import { toFailure } from './update-failure.ts';

export type StandardsRoundInput = RoundStart;

/**
 * The command schemas (and zod), loaded on the first Update: every workflow of the bundle evaluates its
 * static imports at start, appraisals included (see workflows/employee-appraisal.ts).
 */
let commandModule: typeof Commands | undefined;
function schemas(): typeof Commands {
  commandModule ??= require('../domain/standards/commands.ts') as typeof Commands;
  return commandModule;
}

const reminderLeadMs = 3 * 86_400_000;
const nowIso = () => new Date().toISOString();

export async function StandardsRoundWorkflow(input: StandardsRoundInput): Promise<RoundState> {
  const recorder = createRecorder(standardsStreamId(input.roundId), input.orgId);
  const withLock = createLock();
  let state: RoundState | null = null;

  const apply = (decideEvents: (s: RoundState | null) => StandardsEvent[], actorNip: string) =>
    withLock(async () => {
      const events = decideEvents(state);
      await recorder.record(events, actorNip);
      for (const event of events)
        state =
          event.type === 'standards.roundStarted'
            ? initialRoundState(event.data)
            : state && evolveRound(state, event);
      return events;
    });

  setHandler(standardsRoundQuery, () => state);
  setHandler(
    actOnStandardsUpdate,
    async (request) => {
      const command = schemas().standardsCommandSchema.parse(request.command);
      try {
        const events = await apply((s) => {
          if (!s)
            throw ApplicationFailure.create({
              type: 'wrong_step',
              message: 'The round has not started',
              nonRetryable: true,
            });
          return decideStandards(s, command, { actor: request.actor, now: nowIso() });
        }, request.actor.nip);
        return { version: recorder.version, eventTypes: events.map((e) => e.type) };
      } catch (error) {
        throw toFailure(error);
      }
    },
    {
      // Rejects a wrong actor, moment or shape before anything is written to history.
      validator: (request) => {
        const actor = schemas().actorSchema.safeParse(request?.actor);
        const command = schemas().standardsCommandSchema.safeParse(request?.command);
        if (!actor.success || !command.success)
          throw ApplicationFailure.create({
            type: 'invalid_request',
            message: 'The request has the wrong shape',
            nonRetryable: true,
          });
        if (withLock.busy() || !state) return;
        try {
          decideStandards(state, command.data, { actor: actor.data, now: nowIso() });
        } catch (error) {
          throw toFailure(error);
        }
      },
    },
  );

  await apply(() => startRound(input, nowIso()), input.startedBy);
  const closed = () => state?.status === 'closed';
  const until = (iso: string) => Math.max(0, Date.parse(iso) - Date.now());
  const reminderAt = new Date(Date.parse(input.deadline) - reminderLeadMs).toISOString();
  if (!(await condition(closed, until(reminderAt))))
    await apply((s) => (s ? remindRound(s, nowIso()) : []), input.startedBy);
  if (!(await condition(closed, until(input.deadline))))
    await apply((s) => (s ? closeWindow(s, nowIso()) : []), input.startedBy);
  // HR answers and publishes after the window, and closes the round when done.
  await condition(closed);
  await condition(allHandlersFinished);
  return state as unknown as RoundState;
}
