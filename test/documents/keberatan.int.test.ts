// The decision on an objection as a document: an appraisal rated, released, objected to and decided
// (its events appended through the event store) prints the objection's reasons, the decision, the
// ratings and predikat it set and who decided, leaves the rater's explanation visibly empty (siklus does
// not record one yet), and proves itself like every document.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IssuedDocument, issueDocuments } from '../../documents/issue.ts';
import { factsOf } from '../../documents/model.ts';
import { readPdf } from '../../documents/read-pdf.ts';
import { renderPdf } from '../../documents/render.ts';
import { published, sealsOf } from '../../documents/seals.ts';
import { verifyCode, verifyOffline } from '../../documents/verify-document.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { appendAppraisalEvents } from '../support/appraisal-events.ts';
import { createTestDatabase } from '../support/database.ts';
import {
  appraisalId,
  cycleId,
  employee,
  evaluationLog,
  everyone,
  objectionLog,
  superior,
} from '../support/evaluation-log.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Kysely<Database>;
let documents: IssuedDocument[];
const options = { lang: 'id' as const, actor: 'system:test', publicUrl: 'https://siklus.test' };
const reasons = 'Realisasi TW3 tidak dipertimbangkan karena bukti dukung terlambat diunggah.';
const decisionReason = 'Bukti dukung TW3 sah dan diterima; rating hasil kerja dinaikkan.';

beforeAll(async () => {
  database = await createTestDatabase('documents_keberatan');
  db = createDb(database.url);
  await migrateToLatest(db);
  await seedOrganisation(db, 'bungo', ['PKM'], everyone);
  const { events } = evaluationLog();
  await appendAppraisalEvents(db, appraisalId, 0, events);
  await appendAppraisalEvents(
    db,
    appraisalId,
    events.length,
    objectionLog({
      reasons,
      decision: {
        decision: 'changed',
        results: 'sesuai',
        behaviour: 'sesuai',
        predikat: 'baik',
        reason: decisionReason,
      },
    }),
  );
  ({ documents } = await issueDocuments(db, 'bungo', cycleId, [{ appraisalId, kind: 'all' }], options));
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const keberatan = () => {
  const found = documents.find((d) => d.fileName === `keberatan-${employee.nip}.pdf`);
  if (!found) throw new Error(`no keberatan among ${documents.map((d) => d.fileName).join(', ')}`);
  return found;
};

describe('the decision on an objection', () => {
  it('prints the objection, the decision, its ratings and predikat and who decided', async () => {
    const doc = keberatan();
    const read = await readPdf(doc.pdf);
    const printed = (key: string) => read.printed.get(factsOf(doc.model).findIndex((f) => f.key === key));
    expect(printed('objection.reasons')).toBe(reasons);
    expect(printed('objection.explanation')).toBe('-');
    expect(printed('decision')).toBe('Keberatan diterima: predikat diubah');
    expect(printed('decision.previous')).toBe('Butuh Perbaikan');
    expect(printed('rating.results')).toBe('Sesuai Ekspektasi');
    expect(printed('predikat')).toBe('Baik');
    expect(printed('decision.reason')).toBe(decisionReason);
    expect(printed('sign.decider.signName')).toBe(superior.name);
    expect(printed('employee.name')).toBe(employee.name);
  });

  it('proves itself against the seals and the log; an edited decision fails', async () => {
    const doc = keberatan();
    const seals = (await sealsOf(db, cycleId)).map(published);
    expect(verifyOffline(await readPdf(doc.pdf), seals).findings).toEqual([]);
    expect(await verifyCode(db, doc.code)).toMatchObject({ intact: true, logAgrees: true });
    const edited = {
      ...doc.model,
      blocks: doc.model.blocks.map((b) =>
        b.kind === 'fields'
          ? { ...b, facts: b.facts.map((f) => (f.key === 'predikat' ? { ...f, value: 'Sangat Baik' } : f)) }
          : b,
      ),
    };
    const check = verifyOffline(await readPdf(await renderPdf(edited, doc.payload, options)), seals);
    expect(check.findings.map((f) => f.fact)).toEqual(['predikat']);
  });
});
