// Evidence files sent with a realisation form (a check-in or a period's realisation): one file input per
// indicator (realisations.N.evidenceFile), posted as multipart/form-data so the page needs no script. Every
// file is checked before anything is kept (a PNG, JPEG or PDF by its bytes, at most 5 MiB), then kept the way
// the API keeps them (api/commands/evidence.ts) and named in the realisation by its SHA-256, which the server
// completes with its name, size and kind as kept. A refused command forgets the files this post added.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Principal } from '../../auth/identity.ts';
import type { AppraisalCommand } from '../../domain/appraisal/commands.ts';
import { contentTypeOf } from '../../domain/files/content-type.ts';
import { evidenceFile } from '../../record/read/evidence-files.ts';
import { forgetAddedEvidence, maxEvidenceBytes, uploadEvidence } from '../commands/evidence.ts';
import type { Services } from '../commands/services.ts';
import type { Values } from './forms.ts';

export interface PostedEvidence {
  /** The indicator the file is evidence of (the form row's hidden indicatorId). */
  indicatorId: string;
  name: string;
  bytes: Uint8Array;
}

export type EvidenceCheck =
  | { ok: true; files: PostedEvidence[] }
  /** Field → catalogue key; the status is the API's for the same refusal (413 too large, 422 a wrong kind). */
  | { ok: false; errors: Record<string, string>; status: number };

/** The files of a realisation form, each checked; a form with none sent (an empty input) has none. */
export async function postedEvidence(c: Context, values: Values): Promise<EvidenceCheck> {
  const body = await c.req.parseBody();
  const files: PostedEvidence[] = [];
  const errors: Record<string, string> = {};
  let status = 422;
  for (const [field, value] of Object.entries(body)) {
    const row = /^realisations\.(\d+)\.evidenceFile$/.exec(field)?.[1];
    if (row === undefined || typeof value === 'string' || value.size === 0) continue;
    if (value.size > maxEvidenceBytes) {
      errors[field] = 'field.evidenceFileTooLarge';
      status = 413;
      continue;
    }
    const bytes = new Uint8Array(await value.arrayBuffer());
    if (!contentTypeOf(bytes)) {
      errors[field] = 'field.evidenceFileType';
      continue;
    }
    const name = value.name.split(/[\\/]/).pop()?.trim().slice(-200) || 'bukti';
    files.push({ indicatorId: values[`realisations.${row}.indicatorId`] ?? '', name, bytes });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors, status } : { ok: true, files };
}

type Realisations = Extract<AppraisalCommand, { type: 'recordRealisation' | 'submitCheckIn' }>;

/**
 * Keeps the files, runs the command with each file named in its indicator's evidence, and on a refusal
 * forgets the files this post added (one kept before, perhaps named by an earlier realisation, stays).
 */
export async function withPostedEvidence(
  services: Services,
  me: Principal,
  appraisalId: string,
  files: readonly PostedEvidence[],
  command: AppraisalCommand,
  run: (command: AppraisalCommand) => Promise<unknown>,
): Promise<unknown> {
  if (files.length === 0 || (command.type !== 'recordRealisation' && command.type !== 'submitCheckIn'))
    return run(command);
  const added: string[] = [];
  try {
    const kept: Array<{ indicatorId: string; file: Awaited<ReturnType<typeof uploadEvidence>> }> = [];
    for (const f of files) {
      const sha256 = createHash('sha256').update(f.bytes).digest('hex');
      const before = await evidenceFile(services.db, me.org, appraisalId, sha256);
      const stored = await uploadEvidence(services, me, appraisalId, f.name, f.bytes);
      if (!before && !added.includes(stored.sha256)) added.push(stored.sha256);
      kept.push({ indicatorId: f.indicatorId, file: stored });
    }
    const realisations = (command as Realisations).realisations.map((r) => ({
      ...r,
      evidence: [
        ...r.evidence,
        ...kept.filter((k) => k.indicatorId === r.indicatorId).map((k) => ({ file: k.file })),
      ],
    }));
    return await run({ ...command, realisations } as Realisations);
  } catch (error) {
    if (added.length > 0) await forgetAddedEvidence(services, me.org, appraisalId, added);
    throw error;
  }
}
