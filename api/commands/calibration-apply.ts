// Applying the calibration assistant's changes all or nothing, as far as the user can tell: every change
// is first decided against its appraisal as it stands (the record's state, the appraisal's own rules), and
// none is applied when any would be refused. Only a change that an appraisal refuses after the others
// were applied (it changed in between: a race) leaves a partial outcome, which is recorded and said.
import type { Principal } from '../../auth/identity.ts';
import type { AppraisalCommand } from '../../domain/appraisal/commands.ts';
import { decide } from '../../domain/appraisal/decide.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { Predikat } from '../../domain/rating/predikat.ts';
import { appraisalState } from '../../record/read/appraisal.ts';
import { actOnAppraisal } from './appraisal.ts';
import { refusalOf } from './refusal.ts';
import type { Services } from './services.ts';

export interface PlannedChange {
  nip: string;
  appraisalId: string;
  from: Predikat;
  to: Predikat;
  command: AppraisalCommand;
}

type Change = { nip: string; from: Predikat; to: Predikat };

/** A change an appraisal refuses (or would), with its rule's code and sentence. */
export interface RefusedChange extends Change {
  code: string;
  detail: string;
}

/** The changes their appraisals would refuse now, each with why; none: all may be applied. */
export async function refusedChanges(
  services: Services,
  me: Principal,
  changes: PlannedChange[],
  timeZone: string,
): Promise<RefusedChange[]> {
  const refused: RefusedChange[] = [];
  const now = new Date().toISOString();
  for (const change of changes) {
    const { nip, from, to } = change;
    const state = await appraisalState(services.db, me.org, change.appraisalId);
    if (!state) {
      refused.push({ nip, from, to, code: 'not_found', detail: `No appraisal ${change.appraisalId}` });
      continue;
    }
    try {
      decide(state, change.command, { actor: { nip: me.nip, roles: me.roles }, now, timeZone });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      refused.push({ nip, from, to, code: error.code, detail: error.message });
    }
  }
  return refused;
}

/**
 * Applies the changes one by one; at the first an appraisal refuses, stops: that one and the ones not
 * tried (`not_tried`) come back as failed, next to those applied.
 */
export async function applyChanges(
  services: Services,
  me: Principal,
  changes: PlannedChange[],
  key: string | undefined,
): Promise<{ applied: Change[]; failed: RefusedChange[] }> {
  const applied: Change[] = [];
  const failed: RefusedChange[] = [];
  for (const change of changes) {
    const { nip, from, to } = change;
    if (failed.length > 0) {
      failed.push({ nip, from, to, code: 'not_tried', detail: 'Not tried after an earlier change failed' });
      continue;
    }
    try {
      await actOnAppraisal(
        services,
        me,
        change.appraisalId,
        change.command,
        key ? `${key}:${nip}` : undefined,
      );
      applied.push({ nip, from, to });
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      failed.push({ nip, from, to, code: refusal.code, detail: refusal.message });
    }
  }
  return { applied, failed };
}
