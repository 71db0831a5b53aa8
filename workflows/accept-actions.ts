// People acting on one EmployeeAppraisalWorkflow: every task's command is a Workflow Update, validated
// before anything is written to history and decided by the pure domain (domain/appraisal/decide.ts)
// under the workflow's lock, with what the SKP's rules need looked up first (skp-lookups.ts).
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import { decide } from '../domain/appraisal/decide.ts';
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import type { AppraisalState } from '../domain/appraisal/state.ts';
import { commandSchemas } from './command-schemas.ts';
import { actUpdate } from './messages.ts';
import { lookupsFor } from './skp-lookups.ts';
import { toFailure } from './update-failure.ts';

/** What the appraisal workflow lends this module: its state, its decide-record-evolve, its clock. */
export interface ActionContext {
  state: () => AppraisalState;
  apply: (decide: (s: AppraisalState) => AppraisalEvent[], actorNip: string) => Promise<AppraisalEvent[]>;
  /** A decision is being recorded: the state is about to change, so the handler decides after it. */
  busy: () => boolean;
  version: () => number;
  now: () => string;
  /** The zone the decisions count days in, and a training cycle's day. */
  zoned: { timeZone: string | undefined; dayMs: number | undefined };
}

/**
 * The command schemas (and zod), loaded on the first Update: the SDK evaluates a workflow's static
 * imports at every start, and thousands of appraisals see no Update for days. This keeps a start's first
 * task at 5.3 ms of CPU, against 18.5 ms with a static import (`npm run bench -- first-task`), and the
 * launch ratio at 0.82, against 0.69 (README, Benchmarks). One copy serves every workflow of the worker
 * (workflows/command-schemas.ts).
 */
const schemas = commandSchemas;

export function acceptActions(ctx: ActionContext): void {
  setHandler(
    actUpdate,
    async (request) => {
      const command = schemas().appraisalCommandSchema.parse(request.command);
      try {
        // The SKP's rules may need the supervisor's agreed RHK or a unit's capaian (appraisals with an
        // SKP setting only; the validator decided without them).
        const looked = await lookupsFor(ctx.state(), command);
        const events = await ctx.apply(
          (s) => decide(s, command, { actor: request.actor, now: ctx.now(), ...ctx.zoned, ...looked }),
          request.actor.nip,
        );
        return { version: ctx.version(), eventTypes: events.map((e) => e.type) };
      } catch (error) {
        // Another Update may have changed the state since validation: reject this one, never the task.
        throw toFailure(error);
      }
    },
    {
      // Rejects a wrong actor, step or shape before anything is written to history.
      validator: (request) => {
        const actor = schemas().actorSchema.safeParse(request?.actor);
        const command = schemas().appraisalCommandSchema.safeParse(request?.command);
        if (!actor.success || !command.success) {
          throw ApplicationFailure.create({
            type: 'invalid_request',
            message: 'The request has the wrong shape',
            nonRetryable: true,
          });
        }
        // While a decision is being recorded, the state is about to change (the record, and so the
        // inbox people act from, may already show it): the handler decides after it, under the lock.
        if (ctx.busy()) return;
        try {
          decide(ctx.state(), command.data, { actor: actor.data, now: ctx.now(), ...ctx.zoned });
        } catch (error) {
          throw toFailure(error);
        }
      },
    },
  );
}
