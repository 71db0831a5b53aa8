// The organisation heads its documents: its name, region and logo as HR set them are printed on the
// first page above the title, and the document still verifies (the kop is not one of its proven facts).
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDocuments } from '../../documents/issue.ts';
import { readPdf } from '../../documents/read-pdf.ts';
import { published, sealsOf } from '../../documents/seals.ts';
import { verifyOffline } from '../../documents/verify-document.ts';
import { setLogo, setProfile } from '../../organisation/profile.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { appendAppraisalEvents } from '../support/appraisal-events.ts';
import { createTestDatabase } from '../support/database.ts';
import { appraisalId, cycleId, evaluationLog, everyone } from '../support/evaluation-log.ts';
import { tinyPng } from '../support/tiny-png.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Kysely<Database>;
const options = { lang: 'id' as const, actor: 'system:test', publicUrl: 'https://siklus.test' };

/** Every text item of the first page, top to bottom, and whether it draws an image. */
async function firstPage(pdf: Uint8Array): Promise<{ lines: string[]; images: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false })
    .promise;
  try {
    const page = await doc.getPage(1);
    const content = await page.getTextContent();
    const lines = content.items.flatMap((i) => ('str' in i && i.str.trim() ? [i.str.trim()] : []));
    const ops = await page.getOperatorList();
    const images = ops.fnArray.filter((f) => f === pdfjs.OPS.paintImageXObject).length;
    return { lines, images };
  } finally {
    await doc.destroy();
  }
}

beforeAll(async () => {
  database = await createTestDatabase('letterhead');
  db = createDb(database.url);
  await migrateToLatest(db);
  await seedOrganisation(db, 'bungo', ['PKM'], everyone);
  await appendAppraisalEvents(db, appraisalId, 0, evaluationLog().events);
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('the letterhead of the documents', () => {
  it('prints the name and region, and the logo once there is one, above the title; the document still verifies', async () => {
    await setProfile(db, 'bungo', everyone[0]!.nip, {
      name: 'Pemerintah Kabupaten Bungo',
      region: 'Provinsi Jambi',
    });
    const plain = await issueDocuments(db, 'bungo', cycleId, [{ appraisalId, kind: 'skp' }], options);
    const before = await firstPage(plain.documents[0]!.pdf);
    expect(before.lines.slice(0, 2)).toEqual(['PEMERINTAH KABUPATEN BUNGO', 'Provinsi Jambi']);
    expect(before.images).toBe(0);

    await setLogo(db, 'bungo', everyone[0]!.nip, { bytes: tinyPng(8), type: 'image/png' });
    const { documents } = await issueDocuments(db, 'bungo', cycleId, [{ appraisalId, kind: 'skp' }], options);
    const skp = documents[0]!;
    const after = await firstPage(skp.pdf);
    expect(after.images).toBe(1);
    expect(after.lines[0]).toBe('PEMERINTAH KABUPATEN BUNGO');
    const read = await readPdf(skp.pdf);
    expect(verifyOffline(read, (await sealsOf(db, cycleId)).map(published))).toMatchObject({
      intact: true,
      findings: [],
    });
  });
});
