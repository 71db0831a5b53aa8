// HR's changes during the year to the people of one EmployeeAppraisalWorkflow: the rater corrected (the
// superior following). A Workflow Update, so HR's request is answered with the rule that refuses it or
// with the events recorded; the rules and the task moves are domain/appraisal/participant-changes.ts.
import { ApplicationFailure, patched, setHandler } from '@temporalio/workflow';
import type * as ChangeRequests from '../domain/appraisal/change-requests.ts';
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import { changeRater } from '../domain/appraisal/participant-changes.ts';
import type { AppraisalState } from '../domain/appraisal/state.ts';
import { changeRaterUpdate } from './messages.ts';

/** What the appraisal workflow lends this module: its state, its decide-record-evolve, its clock. */
export interface ChangeContext {
  state: () => AppraisalState;
  apply: (decide: (s: AppraisalState) => AppraisalEvent[], actorNip: string) => Promise<AppraisalEvent[]>;
  /** A decision is being recorded: the state is about to change, so the handler decides after it. */
  busy: () => boolean;
  version: () => number;
  now: () => string;
  toFailure: (error: unknown) => unknown;
}

/**
 * The histories that took a change carry this patch's marker: code that later changes what a change
 * records can tell them apart (deprecatePatch), and a history without it never took one.
 */
export const participantChangesPatch = 'participant-changes';

// zod, loaded on the first change only (see the command schemas in employee-appraisal.ts).
let requests: typeof ChangeRequests | undefined;
function schemas(): typeof ChangeRequests {
  requests ??= require('../domain/appraisal/change-requests.ts') as typeof ChangeRequests;
  return requests;
}

export function acceptParticipantChanges(ctx: ChangeContext): void {
  setHandler(
    changeRaterUpdate,
    async (request) => {
      const change = schemas().raterChangeSchema.parse(request);
      patched(participantChangesPatch);
      try {
        const events = await ctx.apply((s) => changeRater(s, change, ctx.now()), change.by);
        return { version: ctx.version(), eventTypes: events.map((e) => e.type) };
      } catch (error) {
        throw ctx.toFailure(error);
      }
    },
    {
      validator: (request) => {
        const change = schemas().raterChangeSchema.safeParse(request);
        if (!change.success)
          throw ApplicationFailure.create({
            type: 'invalid_request',
            message: 'The change has the wrong shape',
            nonRetryable: true,
          });
        if (ctx.busy()) return;
        try {
          changeRater(ctx.state(), change.data, ctx.now());
        } catch (error) {
          throw ctx.toFailure(error);
        }
      },
    },
  );
}
