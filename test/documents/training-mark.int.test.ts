// The documents of a training cycle (the 'training' calendar preset) are marked on every page as not
// official, so a practice penetapan or evaluation is never taken for a real one; a real cycle's are not.
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { issueDocuments } from '../../documents/issue.ts';
import { toAppraisalCalendar } from '../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar, type CalendarOverrides } from '../../domain/cycle/calendar.ts';
import { cycleStreamId } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { appendAppraisalEvents, appendStreamEvents } from '../support/appraisal-events.ts';
import { createTestDatabase } from '../support/database.ts';
import { appraisalId, cycleId, evaluationLog, everyone, hr, orgId } from '../support/evaluation-log.ts';

const options = { lang: 'id' as const, actor: 'system:test', publicUrl: 'https://siklus.test' };
const mark = 'LATIHAN - BUKAN DOKUMEN RESMI';

/** Every page's text as pdf.js reads it, and the PDF's title. */
async function pagesOf(bytes: Uint8Array): Promise<{ title: string; pages: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
    .promise;
  try {
    const title = String(((await pdf.getMetadata()).info as { Title?: unknown }).Title ?? '');
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return { title, pages };
  } finally {
    await pdf.destroy();
  }
}

/** The documents of the evaluation log's appraisal in a cycle started with `overrides`, on a fresh database. */
async function issuedFor(overrides: CalendarOverrides) {
  const database = await createTestDatabase('training_documents');
  const db: Kysely<Database> = createDb(database.url);
  try {
    await migrateToLatest(db);
    await seedOrganisation(db, orgId, ['PKM'], everyone);
    const calendar = toAppraisalCalendar(
      buildCalendar(2027, '2027-01-04T09:00+07:00', overrides, 'Asia/Jakarta'),
    );
    const at = '2027-01-04T02:00:00.000Z';
    const data = { cycleId, orgId, year: 2027, calendar, population: {}, by: hr.nip, at };
    await appendStreamEvents(db, cycleStreamId(cycleId), 0, [{ type: 'cycle.started', data }]);
    await appendAppraisalEvents(db, appraisalId, 0, evaluationLog().events);
    const request = [{ appraisalId, kind: 'all' as const }];
    return (await issueDocuments(db, orgId, cycleId, request, options)).documents;
  } finally {
    await db.destroy();
    await database.drop();
  }
}

describe('documents of a training cycle', () => {
  it('given a real cycle, when its documents are issued, then none carries the training mark', async () => {
    const documents = await issuedFor({ periods: 'quarterly' });
    expect(documents.length).toBeGreaterThan(0);
    for (const d of documents) expect((await pagesOf(d.pdf)).pages.join(' ')).not.toContain(mark);
  }, 60_000);

  it('given a training cycle, when its documents are issued, then every page and the title say LATIHAN', async () => {
    const documents = await issuedFor({ preset: 'training', periods: 'quarterly' });
    expect(documents.length).toBeGreaterThan(0);
    for (const d of documents) {
      const { title, pages } = await pagesOf(d.pdf);
      expect(title, d.fileName).toContain(mark);
      for (const page of pages) expect(page, d.fileName).toContain(mark);
    }
  }, 60_000);
});
