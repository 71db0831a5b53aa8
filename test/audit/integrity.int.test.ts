// Integrity findings read from the log in PostgreSQL (events appended through the store and its
// projections): a rater who gave four people one predikat in TW1, and an objection decided in 5 minutes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrityFindingsOf, integrityFindingText } from '../../audit/integrity-read.ts';
import { identityFromEnv } from '../../auth/config.ts';
import { loadDevKey, signDevToken } from '../../auth/dev-keys.ts';
import { createServerApp } from '../../bin/server.ts';
import { appendAppraisalEvents, startAppraisal } from '../support/appraisal-events.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';
import { seedPeriodicCycle } from '../support/periodic-events.ts';
import { type ServedApp, serveApp } from '../support/web-app.ts';

const rater = '197001011990031001';
const staff = ['199001012015031001', '199002022015032002', '199003032015031003', '199004042015032004'];

describe('integrity findings from the log', () => {
  let database: MigratedDatabase;

  beforeAll(async () => {
    database = await createMigratedDatabase('integrity');
    for (const [i, nip] of staff.entries()) {
      const appraisalId = await startAppraisal(database.db, 'inspek', nip, rater);
      const at = new Date(Date.UTC(2027, 3, 1, 2, i)).toISOString();
      await appendAppraisalEvents(database.db, appraisalId, 1, [
        {
          type: 'period.rated',
          data: {
            period: 'TW1',
            results: 'sesuai',
            behaviour: 'sesuai',
            predikat: 'baik',
            feedback: 'ok',
            as: 'rater',
            by: rater,
            at,
          },
        },
      ]);
    }
    const first = `inspek.2027.${staff[0]}`;
    const filed = new Date(Date.UTC(2028, 0, 10, 1, 0)).toISOString();
    const decided = new Date(Date.UTC(2028, 0, 10, 1, 5)).toISOString();
    await appendAppraisalEvents(database.db, first, 2, [
      {
        type: 'objection.filed',
        data: { reasons: 'Tidak sesuai bukti', superiorNip: rater, by: staff[0], at: filed },
      },
      {
        type: 'objection.decided',
        data: {
          decision: 'upheld',
          results: 'sesuai',
          behaviour: 'sesuai',
          predikat: 'baik',
          previousPredikat: 'baik',
          reason: 'Sudah sesuai',
          by: rater,
          at: decided,
        },
      },
    ]);
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  it('finds the rater’s one predikat and the hasty decision, with sentences in the zone', async () => {
    const found = await integrityFindingsOf(database.db, 'inspek.2027');
    expect(found.map((f) => [f.rule, f.appraisalIds.length])).toEqual([
      ['samePredikatForAll', 4],
      ['hastyObjectionDecision', 1],
    ]);
    expect(integrityFindingText(found[1]!, 'id', 'Asia/Jakarta')).toBe(
      `2028-01-10 08:05 WIB  Keberatan diputus 5 menit setelah diajukan (penilaian dipertahankan, oleh ${rater}).`,
    );
    expect(integrityFindingText(found[0]!, 'en', 'Asia/Makassar')).toContain(
      `Rater ${rater} gave 4 employees the same predikat, Baik (TW1).`,
    );
  });

  it('shows an auditor the findings of a cycle as its page, and another organisation’s auditor nothing', async () => {
    const { cycleId } = await seedPeriodicCycle(database.db, 'sidak');
    const dataDir = mkdtempSync(join(tmpdir(), 'siklus-integrity-'));
    const identity = await identityFromEnv(dataDir, { SIKLUS_DEV_AUTH: '1' });
    const devKey = await loadDevKey(dataDir);
    const served: ServedApp = await serveApp(
      createServerApp({
        db: database.db,
        temporal: new Client(),
        taskQueue: 'audit',
        identity,
        web: { devKey },
      }),
    );
    try {
      const page = async (org: string, lang: string) => {
        const token = await signDevToken(devKey, { org, nip: rater, roles: ['auditor'] });
        return fetch(`${served.base}/app/audit/cycles/${cycleId}/findings`, {
          headers: { cookie: `siklus_session=${token}; lang=${lang}` },
        });
      };
      const expected = await integrityFindingsOf(database.db, cycleId);
      const response = await page('sidak', 'en');
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('Integrity findings of the 2025 cycle');
      expect(html).toContain('aria-current="page">Integrity findings');
      const items = html.match(/<li data-rule="/g) ?? [];
      expect(items.length).toBe(expected.length);
      if (expected.length === 0) expect(html).toContain('No integrity findings in this cycle.');
      for (const f of expected) expect(html).toContain(`data-rule="${f.rule}"`);
      expect((await page('inspek', 'id')).status).toBe(404);
    } finally {
      await served.close();
    }
  });

  it('says there is no such cycle', async () => {
    await expect(integrityFindingsOf(database.db, 'inspek.2031')).rejects.toThrow(/no events of cycle/);
  });
});
