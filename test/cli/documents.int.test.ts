// `siklus documents ...` run as a child process against a test database: the export writes every
// document and seals.json into a ZIP; verify finds a PDF intact with no database at all (--seals), fails
// an edited copy naming the predikat and a forged QR code, checks a bare code against the log; seal adds
// a checkpoint seal; usage errors exit 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newestLayouts } from '../../documents/layouts.ts';
import { factsOf } from '../../documents/model.ts';
import { qrText } from '../../documents/proof.ts';
import { readPdf } from '../../documents/read-pdf.ts';
import { renderPdf } from '../../documents/render.ts';
import { sealsOf } from '../../documents/seals.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { appendAppraisalEvents } from '../support/appraisal-events.ts';
import { createTestDatabase } from '../support/database.ts';
import { appraisalId, cycleId, employee, evaluationLog, everyone } from '../support/evaluation-log.ts';
import { runSiklus } from '../support/siklus-cli.ts';

let database: { url: string; drop(): Promise<void> };
let db: Kysely<Database>;
const dir = mkdtempSync(join(tmpdir(), 'siklus-documents-'));
const withDb = () => ({ DATABASE_URL: database.url });
const tw1 = join(dir, `evaluasi-TW1-${employee.nip}.pdf`);
const seals = join(dir, 'seals.json');

beforeAll(async () => {
  database = await createTestDatabase('documents_cli');
  db = createDb(database.url);
  await migrateToLatest(db);
  await seedOrganisation(db, 'bungo', ['PKM'], everyone);
  await appendAppraisalEvents(db, appraisalId, 0, evaluationLog().events);
  const zip = join(dir, 'bungo.zip');
  const run = await runSiklus(
    ['documents', 'export', '--org', 'bungo', '--cycle', '2027', '--out', zip],
    withDb(),
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip))))
    writeFileSync(join(dir, name), bytes);
}, 120_000);
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('siklus documents', () => {
  it('exports the SKP, each rated period and seals.json', async () => {
    const names = Object.keys(unzipSync(readFileSync(join(dir, 'bungo.zip')))).sort();
    expect(names).toEqual(
      [
        `evaluasi-TW1-${employee.nip}.pdf`,
        `evaluasi-TW2-${employee.nip}.pdf`,
        'seals.json',
        `skp-${employee.nip}.pdf`,
      ].sort(),
    );
    const published = JSON.parse(readFileSync(seals, 'utf8')) as Array<{ root: string; sequence: number }>;
    expect(published.map((s) => s.sequence)).toEqual([1]);
    expect(published[0]?.root).toBe((await sealsOf(db, cycleId))[0]?.root);
  });

  it('verifies a PDF with no database, and against the log', async () => {
    const offline = await runSiklus(['documents', 'verify', tw1, '--seals', seals]);
    expect(offline).toMatchObject({ code: 0 });
    expect(offline.stdout).toMatch(/^intact /);
    expect(await runSiklus(['documents', 'verify', tw1], withDb())).toMatchObject({ code: 0 });
  });

  it('fails an edited copy, naming the predikat', async () => {
    const read = await readPdf(readFileSync(tw1));
    const payload = read.payload;
    if (!payload) throw new Error('the exported PDF carries no proof');
    const facts = payload.facts ?? [];
    const predikat = facts.findIndex(([key]) => key === 'predikat');
    const model = {
      kind: 'evaluasi' as const,
      lang: 'id' as const,
      title: 'DOKUMEN EVALUASI KINERJA PEGAWAI',
      subtitle: '',
      cycleId,
      appraisalId,
      period: 'TW1',
      layout: 1,
      fileName: 'x.pdf',
      blocks: [
        {
          kind: 'fields' as const,
          facts: facts.map(([key], i) => ({
            key,
            label: key,
            value: i === predikat ? 'Sangat Baik' : (read.printed.get(i) ?? ''),
          })),
        },
      ],
    };
    expect(factsOf(model)).toHaveLength(facts.length);
    const edited = join(dir, 'edited.pdf');
    writeFileSync(edited, await renderPdf(model, payload, { publicUrl: 'https://siklus.test' }));
    const run = await runSiklus(['documents', 'verify', edited, '--seals', seals]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('NOT intact');
    expect(run.stdout).toContain('predikat: the printed "Sangat Baik" is not what was issued');
  });

  it('checks the QR code: its own passes, a forged one fails', async () => {
    const { payload } = await readPdf(readFileSync(tw1));
    if (!payload) throw new Error('no proof');
    const qr = qrText('https://siklus.test', payload);
    expect(await runSiklus(['documents', 'verify', qr, '--seals', seals])).toMatchObject({ code: 0 });
    const forged = qrText('https://siklus.test', { ...payload, factsHash: 'f'.repeat(64) });
    const run = await runSiklus(['documents', 'verify', forged, '--seals', seals]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/proof does not lead to the root of seal 1/);
  });

  it('checks a bare code against the log and prints what the document must say', async () => {
    const code = (await readPdf(readFileSync(tw1))).payload?.code ?? '';
    const run = await runSiklus(['documents', 'verify', code.toLowerCase()], withDb());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(employee.name);
    expect(run.stdout).toContain(`evaluasi, layout ${newestLayouts.evaluasi}`);
    const unknown = await runSiklus(['documents', 'verify', '0000-0000-0000'], withDb());
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('no seal lists a document 0000-0000-0000');
  });

  it('adds a checkpoint seal chained to the one before', async () => {
    const run = await runSiklus(
      ['documents', 'seal', '--org', 'bungo', '--cycle', '2027', '--reason', 'daily'],
      withDb(),
    );
    expect(run.code).toBe(0);
    const [first, second] = await sealsOf(db, cycleId);
    expect(second).toMatchObject({ sequence: 2, reason: 'daily', previousRoot: first?.root, documents: [] });
  });

  it('answers usage errors with exit 2', async () => {
    for (const args of [
      ['documents', 'verify'],
      ['documents', 'verify', 'not-a-code'],
      ['documents', 'verify', 'AB12-CD34-EF56'],
      ['documents', 'verify', tw1, '--seals', join(dir, 'missing.json')],
      ['documents', 'export', '--org', 'bungo', '--cycle', '2027'],
      ['documents', 'export', '--org', 'bungo', '--cycle', '2031', '--out', join(dir, 'x.zip')],
      ['documents', 'seal', '--org', 'bungo', '--cycle', '2027', '--reason', 'weekly'],
      ['documents', 'shred'],
    ]) {
      const run = await runSiklus(args, args[2] === 'AB12-CD34-EF56' ? {} : withDb());
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^siklus documents: /);
    }
  });
});
