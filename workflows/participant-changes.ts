// HR's changes during the year to the people of one EmployeeAppraisalWorkflow: the rater corrected (the
// superior following), an acting rater (Plt/Plh) for a range of days, a mutasi or promotion (a new SKP
// period). Workflow Updates, so HR's request
// is answered with the rule that refuses it or with the events recorded; the rules and the task moves
// are domain/appraisal/participant-changes.ts. An acting rater's range is followed by a timer to its next
// boundary, started with the first appointment.
import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, condition, patched, setHandler } from '@temporalio/workflow';
import type * as ChangeRequests from '../domain/appraisal/change-requests.ts';
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import { recordMutasi } from '../domain/appraisal/mutasi.ts';
import {
  appointActingRater,
  changeRater,
  followActing,
  nextActingBoundary,
} from '../domain/appraisal/participant-changes.ts';
import type { AppraisalState } from '../domain/appraisal/state.ts';
import {
  type ActResult,
  appointActingRaterUpdate,
  changeRaterUpdate,
  recordMutasiUpdate,
} from './messages.ts';

/** What the appraisal workflow lends this module: its state, its decide-record-evolve, its clock. */
export interface ChangeContext {
  state: () => AppraisalState;
  apply: (decide: (s: AppraisalState) => AppraisalEvent[], actorNip: string) => Promise<AppraisalEvent[]>;
  /** A decision is being recorded: the state is about to change, so the handler decides after it. */
  busy: () => boolean;
  version: () => number;
  now: () => string;
  toFailure: (error: unknown) => unknown;
  /** Who the workflow's own steps are recorded as (the launching HR). */
  system: string;
}

/**
 * The histories that took a change carry this patch's marker (and those with an acting rater, the
 * second's, where the timer to a range's boundary begins): code that later changes what a change records
 * or when it follows a range can tell them apart (deprecatePatch); a history without it never took one.
 */
export const participantChangesPatch = 'participant-changes';
export const actingRaterPatch = 'acting-rater';
/** The histories that took a mutasi or promotion (a new SKP period) carry this one too. */
export const mutasiPatch = 'mutasi';

// zod, loaded on the first change only (see the command schemas in employee-appraisal.ts).
let requests: typeof ChangeRequests | undefined;
function schemas(): typeof ChangeRequests {
  requests ??= require('../domain/appraisal/change-requests.ts') as typeof ChangeRequests;
  return requests;
}

/** Takes HR's changes; `stop()` ends the acting rater's timer and waits for a move in flight. */
export function acceptParticipantChanges(ctx: ChangeContext): { stop(): Promise<void> } {
  let follower: Promise<void> | undefined;
  let appointed = 0;
  let stopped = false;

  /** Sleeps to the next boundary of an acting rater's range (or a new appointment), then follows it. */
  const follow = async () => {
    for (;;) {
      const next = nextActingBoundary(ctx.state());
      const seen = appointed;
      const woken = () => stopped || appointed !== seen;
      if (next === null) await condition(woken);
      else {
        const ms = Date.parse(next) - Date.now();
        if (ms > 0 && (await condition(woken, ms))) continue;
      }
      if (stopped) return;
      await ctx.apply((s) => followActing(s, ctx.now()), ctx.system);
    }
  };

  const handle = <T>(
    update: UpdateDefinition<ActResult, [T]>,
    parse: (request: unknown) => { success: true; data: T } | { success: false },
    decide: (s: AppraisalState, change: T, now: string) => AppraisalEvent[],
    by: (change: T) => string,
    after?: () => void,
    patch?: string,
  ) =>
    setHandler(
      update,
      async (request) => {
        const parsed = parse(request);
        if (!parsed.success) throw invalid();
        patched(participantChangesPatch);
        if (patch) patched(patch);
        try {
          const events = await ctx.apply((s) => decide(s, parsed.data, ctx.now()), by(parsed.data));
          after?.();
          return { version: ctx.version(), eventTypes: events.map((e) => e.type) };
        } catch (error) {
          throw ctx.toFailure(error);
        }
      },
      {
        validator: (request) => {
          const parsed = parse(request);
          if (!parsed.success) throw invalid();
          if (ctx.busy()) return;
          try {
            decide(ctx.state(), parsed.data, ctx.now());
          } catch (error) {
            throw ctx.toFailure(error);
          }
        },
      },
    );

  handle(
    changeRaterUpdate,
    (r) => schemas().raterChangeSchema.safeParse(r),
    changeRater,
    (c) => c.by,
  );
  handle(
    appointActingRaterUpdate,
    (r) => schemas().actingAppointmentSchema.safeParse(r),
    appointActingRater,
    (c) => c.by,
    () => {
      appointed++;
      if (!follower && patched(actingRaterPatch)) follower = follow();
    },
  );

  handle(
    recordMutasiUpdate,
    (r) => schemas().mutasiSchema.safeParse(r),
    recordMutasi,
    (c) => c.by,
    undefined,
    mutasiPatch,
  );

  return {
    async stop() {
      stopped = true;
      await follower;
    },
  };
}

const invalid = () =>
  ApplicationFailure.create({
    type: 'invalid_request',
    message: 'The change has the wrong shape',
    nonRetryable: true,
  });
