// Documents issued from a real log (appended through the event store) and checked back from their PDFs:
// the facts read back from the pages are the log's, an intact document passes, and an edited copy, a
// forged proof and a document of another cycle fail with a reason naming what is wrong.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IssuedDocument, issueDocuments } from '../../documents/issue.ts';
import { factsOf } from '../../documents/model.ts';
import { factHashesOf, factsHashOf } from '../../documents/proof.ts';
import { readPdf } from '../../documents/read-pdf.ts';
import { renderPdf } from '../../documents/render.ts';
import { published, sealsOf } from '../../documents/seals.ts';
import { verifyCode, verifyOffline, verifyWithLog } from '../../documents/verify-document.ts';
import { predikatLabels } from '../../domain/rating/predikat.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { appendAppraisalEvents } from '../support/appraisal-events.ts';
import { createTestDatabase } from '../support/database.ts';
import { appraisalId, cycleId, employee, evaluationLog, everyone, rater } from '../support/evaluation-log.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Kysely<Database>;
let documents: IssuedDocument[];
const options = { lang: 'id' as const, actor: 'system:test', publicUrl: 'https://siklus.test' };

const byName = (name: string) => {
  const found = documents.find((d) => d.fileName === name);
  if (!found) throw new Error(`no ${name} among ${documents.map((d) => d.fileName).join(', ')}`);
  return found;
};

beforeAll(async () => {
  database = await createTestDatabase('documents');
  db = createDb(database.url);
  await migrateToLatest(db);
  await seedOrganisation(db, 'bungo', ['PKM'], everyone);
  await appendAppraisalEvents(db, appraisalId, 0, evaluationLog().events);
  ({ documents } = await issueDocuments(db, 'bungo', cycleId, [{ appraisalId, kind: 'all' }], options));
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('documents from the log', () => {
  it('prints the SKP and each rated period, and the pages read back as the log says', async () => {
    expect(documents.map((d) => d.fileName)).toEqual(
      expect.arrayContaining([`skp-${employee.nip}.pdf`, `evaluasi-TW1-${employee.nip}.pdf`]),
    );
    const tw1 = byName(`evaluasi-TW1-${employee.nip}.pdf`);
    const read = await readPdf(tw1.pdf);
    const printed = (key: string) => read.printed.get(factsOf(tw1.model).findIndex((f) => f.key === key));
    const rating = evaluationLog().state.periods.TW1?.rating;
    expect(rating).toBeDefined();
    expect(printed('predikat')).toBe(predikatLabels[rating?.predikat ?? 'baik']);
    expect(printed('employee.name')).toBe(employee.name);
    expect(printed('employee.nip')).toBe(employee.nip);
    expect(printed('rater.name')).toBe(rater.name);
    expect(read.codes.every((c) => c === tw1.code)).toBe(true);
    const skp = await readPdf(byName(`skp-${employee.nip}.pdf`).pdf);
    expect([...skp.printed.values()]).toContain('Waktu tunggu pelayanan puskesmas turun');
  });

  it('verifies an intact document against the log, its code, and the published seals', async () => {
    const tw1 = byName(`evaluasi-TW1-${employee.nip}.pdf`);
    const read = await readPdf(tw1.pdf);
    const seals = (await sealsOf(db, cycleId)).map(published);
    expect(verifyOffline(read, seals)).toMatchObject({ intact: true, findings: [] });
    expect(await verifyWithLog(db, read)).toMatchObject({ intact: true, logAgrees: true, findings: [] });
    const byCode = await verifyCode(db, tw1.code);
    expect(byCode.intact).toBe(true);
    expect(byCode.facts?.find((f) => f.key === 'predikat')?.value).toBe(printedPredikat(tw1));
  });

  it('fails an edited copy, naming the printed predikat that changed', async () => {
    const tw1 = byName(`evaluasi-TW1-${employee.nip}.pdf`);
    const edited = await renderPdf(withPredikat(tw1, 'Sangat Baik X'), tw1.payload, options);
    const check = verifyOffline(await readPdf(edited), (await sealsOf(db, cycleId)).map(published));
    expect(check.intact).toBe(false);
    expect(check.findings.map((f) => f.fact)).toEqual(['predikat']);
    expect(check.findings[0]?.reason).toContain('Sangat Baik X');
  });

  it('fails a forged proof whose fact hashes were made for the edited text', async () => {
    const tw1 = byName(`evaluasi-TW1-${employee.nip}.pdf`);
    const model = withPredikat(tw1, 'Sangat Baik');
    const facts = factHashesOf(tw1.code, factsOf(model));
    const forged = await renderPdf(model, { ...tw1.payload, facts, factsHash: factsHashOf(facts) }, options);
    const check = await verifyWithLog(db, await readPdf(forged));
    expect(check.intact).toBe(false);
    expect(check.findings.map((f) => f.reason).join('\n')).toMatch(
      /proof does not lead to the root of seal 1/,
    );
  });

  it('fails a document of another cycle', async () => {
    const tw1 = byName(`evaluasi-TW1-${employee.nip}.pdf`);
    const read = await readPdf(tw1.pdf);
    const otherSeals = (await sealsOf(db, cycleId)).map((s) => ({ ...published(s), cycleId: 'bungo.2026' }));
    const check = verifyOffline(read, otherSeals);
    expect(check.intact).toBe(false);
    expect(check.findings[0]?.reason).toMatch(/no seal 1 of cycle bungo.2027 is known/);
  });
});

function printedPredikat(d: IssuedDocument): string {
  return factsOf(d.model).find((f) => f.key === 'predikat')?.value ?? '';
}

function withPredikat(d: IssuedDocument, predikat: string) {
  return {
    ...d.model,
    blocks: d.model.blocks.map((b) =>
      b.kind === 'fields'
        ? { ...b, facts: b.facts.map((f) => (f.key === 'predikat' ? { ...f, value: predikat } : f)) }
        : b,
    ),
  };
}
