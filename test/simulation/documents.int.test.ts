// `simulate --documents DIR` on a small organisation: every document of the simulated year is written as
// a PDF named for what it is, with seals.json, and each checks out with no database at all; an edited
// copy does not.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../documents/read-pdf.ts';
import type { PublishedSeal } from '../../documents/seals.ts';
import { verifyCode, verifyOffline } from '../../documents/verify-document.ts';
import { type Predikat, predikatLabels } from '../../domain/rating/predikat.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { runSimulation, type SimulationSummary } from '../../simulation/run-simulation.ts';
import { createTestDatabase } from '../support/database.ts';
import { startTimeSkippingEnv } from '../support/temporal.ts';

describe('simulate --documents', () => {
  let env: TestWorkflowEnvironment;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Kysely<Database>;
  let summary: SimulationSummary;
  const dir = join(mkdtempSync(join(tmpdir(), 'siklus-sim-documents-')), 'out');

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    database = await createTestDatabase('simulate_documents');
    db = createDb(database.url);
    await migrateToLatest(db);
    summary = await runSimulation(env, db, { employees: 12, units: 2, seed: 11, documents: dir });
  }, 600_000);

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
    await env?.teardown();
  });

  it('writes each agreed SKP and every evaluation of the year, and counts them', async () => {
    const agreed = await db
      .selectFrom('appraisals')
      .select('appraisal_id')
      .where(sql<boolean>`state->'agreement'->>'agreedVersion' is not null`)
      .execute();
    const files = readdirSync(dir);
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    expect(files).toContain('seals.json');
    expect(summary.documents).toBe(pdfs.length);
    expect(agreed.length).toBeGreaterThan(0);
    expect(pdfs.filter((f) => /^skp-\d{18}\.pdf$/.test(f))).toHaveLength(agreed.length);
    expect(pdfs.filter((f) => /^evaluasi-akhir-\d{18}\.pdf$/.test(f)).length).toBe(summary.completed);
    expect(pdfs.filter((f) => /^evaluasi-TW1-\d{18}\.pdf$/.test(f)).length).toBeGreaterThan(0);
    expect(
      pdfs.every(
        (f) =>
          /^(skp|keberatan|evaluasi-(TW[1-4]|akhir))-\d{18}\.pdf$/.test(f) ||
          /^penetapan-[A-Z0-9]+-(TW[1-4]|akhir)\.pdf$/.test(f),
      ),
    ).toBe(true);
  });

  it("prints each unit's penetapan with everyone's predikat as the record gives it", async () => {
    const units = await db
      .selectFrom('appraisals')
      .select(['unit_code', 'nip', 'predikat'])
      .where('cycle_id', '=', summary.cycleId)
      .execute();
    const codes = [...new Set(units.map((u) => u.unit_code))];
    for (const unit of codes) {
      const file = join(dir, `penetapan-${unit}-akhir.pdf`);
      const read = await readPdf(readFileSync(file));
      const keys = read.payload?.facts?.map(([key]) => key) ?? [];
      expect(read.printed.get(keys.indexOf('unit')), unit).toMatch(new RegExp(`\\(${unit}\\)$`));
    }
    const someone = units.find((u) => u.predikat !== null);
    expect(someone).toBeDefined();
    const read = await readPdf(readFileSync(join(dir, `penetapan-${someone?.unit_code}-akhir.pdf`)));
    const keys = read.payload?.facts?.map(([key]) => key) ?? [];
    const at = keys.indexOf(`person.${someone?.nip}.predikat`);
    expect(at).toBeGreaterThan(-1);
    expect(read.printed.get(at)).toBe(predikatLabels[someone?.predikat as Predikat]);
    // And against the log: the unit's stream and its members' as they stood at the seal.
    expect(await verifyCode(db, read.payload?.code ?? '')).toMatchObject({ intact: true, logAgrees: true });
  });

  it('proves every document with the published seals alone, and no edited one', async () => {
    const seals = JSON.parse(readFileSync(join(dir, 'seals.json'), 'utf8')) as PublishedSeal[];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.pdf'))) {
      const check = verifyOffline(await readPdf(readFileSync(join(dir, file))), seals);
      expect({ file, findings: check.findings }).toEqual({ file, findings: [] });
    }
    const tampered = seals.map((s) => ({ ...s, root: s.root.replace(/^./, (c) => (c === '0' ? '1' : '0')) }));
    const some = readdirSync(dir).find((f) => f.startsWith('evaluasi-akhir-')) ?? '';
    const check = verifyOffline(await readPdf(readFileSync(join(dir, some))), tampered);
    expect(check.intact).toBe(false);
  });
});
