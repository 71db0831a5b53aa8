// Evidence as files: the appraised employee sends a photo or a PDF (at most 5 MiB; its kind read from its
// bytes), kept with the appraisal; whoever may read the appraisal reads it. A realisation names a file by
// its SHA-256 and the server fills in its name, size and kind as kept, so the event that records the
// realisation names exactly the file stored (and the audit trail lists it).
import type { Principal } from '../../auth/identity.ts';
import type { AppraisalCommand } from '../../domain/appraisal/commands.ts';
import { contentTypeOf } from '../../domain/files/content-type.ts';
import { forgetEvidence, storeEvidence } from '../../organisation/evidence-files.ts';
import { evidenceAccess, evidenceFile } from '../../record/read/evidence-files.ts';
import { Refusal } from './refusal.ts';
import type { Services } from './services.ts';

export const maxEvidenceBytes = 5 * 1024 * 1024;

const fileName = (name: string) => {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return base.length > 0 && base.length <= 200 ? base : null;
};

export async function uploadEvidence(
  services: Services,
  me: Principal,
  appraisalId: string,
  name: string,
  bytes: Uint8Array,
) {
  const access = await evidenceAccess(services.db, me, me.org, appraisalId);
  if (!access) throw new Refusal(404, 'not_found', 'No such appraisal');
  if (access.employeeNip !== me.nip)
    throw new Refusal(403, 'forbidden', 'Only the appraised employee adds evidence to their appraisal');
  const kept = fileName(name);
  if (!kept) throw new Refusal(422, 'invalid_file_name', 'name must be 1-200 characters', { field: 'name' });
  if (bytes.length > maxEvidenceBytes)
    throw new Refusal(
      413,
      'evidence_too_large',
      `The file is ${bytes.length} bytes; at most ${maxEvidenceBytes}`,
      {
        field: 'file',
        maxBytes: maxEvidenceBytes,
      },
    );
  const contentType = contentTypeOf(bytes);
  if (!contentType)
    throw new Refusal(
      422,
      'invalid_evidence_type',
      'Evidence must be a PNG or JPEG photo or a PDF (read from its bytes)',
      {
        field: 'file',
      },
    );
  return storeEvidence(services.db, me.org, appraisalId, me.nip, { name: kept, bytes, contentType });
}

/** Forgets files a web form kept for a realisation that was then refused (no event names them). */
export async function forgetAddedEvidence(
  services: Services,
  org: string,
  appraisalId: string,
  sha256s: readonly string[],
): Promise<void> {
  await forgetEvidence(services.db, org, appraisalId, sha256s);
}

export async function readEvidence(services: Services, me: Principal, appraisalId: string, sha256: string) {
  const access = await evidenceAccess(services.db, me, me.org, appraisalId);
  if (!access) throw new Refusal(404, 'not_found', 'No such appraisal');
  if (!access.mayRead) throw new Refusal(403, 'forbidden', 'This appraisal is not yours to read');
  const file = await evidenceFile(services.db, me.org, appraisalId, sha256);
  if (!file) throw new Refusal(404, 'not_found', 'No such evidence file');
  return file;
}

type Realisations = Extract<AppraisalCommand, { type: 'recordRealisation' | 'submitCheckIn' }>;

/** The command with each named file as kept (name, size, kind); a hash not kept for it is 422. */
export async function withEvidenceFiles<C extends Realisations>(
  services: Services,
  org: string,
  appraisalId: string,
  command: C,
): Promise<C> {
  const realisations = [];
  for (const [i, r] of command.realisations.entries()) {
    const evidence = [];
    for (const [j, e] of r.evidence.entries()) {
      if (!e.file) {
        evidence.push(e);
        continue;
      }
      const kept = await evidenceFile(services.db, org, appraisalId, e.file.sha256);
      if (!kept)
        throw new Refusal(
          422,
          'unknown_evidence_file',
          `No evidence file ${e.file.sha256} on this appraisal`,
          {
            field: `realisations.${i}.evidence.${j}.file`,
          },
        );
      evidence.push({
        ...e,
        file: { sha256: kept.sha256, name: kept.name, size: kept.size, contentType: kept.content_type },
      });
    }
    realisations.push({ ...r, evidence });
  }
  return { ...command, realisations };
}
