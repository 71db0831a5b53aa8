// The read trail over real HTTP against real PostgreSQL: opening an evaluation file (API and web) or a
// document writes one row naming who, whose, what and the request, a refused read writes none; only
// auditors read the trail (API and page), and the table refuses UPDATE and DELETE.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFromEnv } from '../../auth/config.ts';
import { loadDevKey, signDevToken } from '../../auth/dev-keys.ts';
import { createServerApp } from '../../bin/server.ts';
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
  peer,
  rater,
} from '../support/evaluation-log.ts';
import { type ServedApp, serveApp } from '../support/web-app.ts';

const auditorNip = '197001011995031009';
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Kysely<Database>;
let served: ServedApp;
let token: (nip: string, roles?: string[]) => Promise<string>;

beforeAll(async () => {
  database = await createTestDatabase('read_trail');
  db = createDb(database.url);
  await migrateToLatest(db);
  await seedOrganisation(db, 'bungo', ['PKM'], everyone);
  await appendAppraisalEvents(db, appraisalId, 0, evaluationLog().events);
  const dataDir = mkdtempSync(join(tmpdir(), 'siklus-trail-'));
  const identity = await identityFromEnv(dataDir, { SIKLUS_DEV_AUTH: '1' });
  const devKey = await loadDevKey(dataDir);
  served = await serveApp(
    createServerApp({ db, temporal: new Client(), taskQueue: 'trail', identity, web: { devKey } }),
  );
  token = (nip, roles = ['employee']) => signDevToken(devKey, { org: 'bungo', nip, roles });
}, 60_000);

afterAll(async () => {
  await served?.close();
  await db?.destroy();
  await database?.drop();
});

const rows = () => db.selectFrom('read_trail').selectAll().orderBy('id').execute();
const get = async (path: string, bearer: string, requestId?: string) =>
  fetch(`${served.base}${path}`, {
    headers: { authorization: `Bearer ${bearer}`, ...(requestId ? { 'x-request-id': requestId } : {}) },
  });
const trailPath = `/v1/orgs/bungo/cycles/${cycleId}/read-trail`;

describe('the read trail', () => {
  it('records the rater opening the evaluation file once, and nothing for a refused read', async () => {
    const before = (await rows()).length;
    const refused = await get(
      `/v1/orgs/bungo/appraisals/${appraisalId}/evaluation-file`,
      await token(peer.nip),
    );
    expect(refused.status).toBe(403);
    expect(await rows()).toHaveLength(before);
    const opened = await get(
      `/v1/orgs/bungo/appraisals/${appraisalId}/evaluation-file`,
      await token(rater.nip),
      'req-rater-1',
    );
    expect(opened.status).toBe(200);
    const added = (await rows()).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      org_id: 'bungo',
      cycle_id: cycleId,
      subject: appraisalId,
      reader_nip: rater.nip,
      kind: 'evaluationFile',
      detail: null,
      via: 'api',
      request_id: 'req-rater-1',
    });
    // The evaluation page in front of the rater is a read as well, through the web.
    const page = await fetch(`${served.base}/app/audit/cycles/${cycleId}/read-trail`, {
      headers: { cookie: `siklus_session=${await token(rater.nip)}` },
    });
    expect(page.status).toBe(403);
  });

  it('records a document download with which document it was', async () => {
    const before = (await rows()).length;
    const pdf = await get(
      `/v1/orgs/bungo/appraisals/${appraisalId}/documents/evaluasi?period=TW1`,
      await token(rater.nip),
    );
    expect(pdf.status).toBe(200);
    const added = (await rows()).slice(before);
    expect(added.map((r) => [r.kind, r.detail, r.reader_nip])).toEqual([
      ['document', 'evaluasi TW1', rater.nip],
    ]);
    expect(added[0]?.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is refused to an employee as a problem, and read by an auditor with names', async () => {
    const refused = await get(trailPath, await token(employee.nip));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(((await refused.json()) as { code: string }).code).toBe('forbidden_role');
    const answer = await get(`${trailPath}?appraisal=${appraisalId}`, await token(auditorNip, ['auditor']));
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as {
      timeZone: string;
      reads: Array<{ kind: string; reader: { nip: string; name: string | null }; employee: { nip: string } }>;
    };
    expect(body.timeZone).toBe('Asia/Jakarta');
    expect(body.reads.map((r) => r.kind)).toEqual(['document', 'evaluationFile']);
    expect(body.reads[1]?.reader).toEqual({ nip: rater.nip, name: rater.name });
    expect(body.reads[1]?.employee.nip).toBe(employee.nip);
  });

  it("renders the auditor's page in one language with names, NIPs and times in WIB", async () => {
    const page = async (lang: string) => {
      const response = await fetch(`${served.base}/app/audit/cycles/${cycleId}/read-trail`, {
        headers: { cookie: `siklus_session=${await token(auditorNip, ['auditor'])}; lang=${lang}` },
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    const en = await page('en');
    expect(en).toContain('aria-current="page">Read trail');
    expect(en).toContain(`${rater.name} (${rater.nip}) opened the evaluation file of`);
    expect(en).toContain(`${employee.name} (${employee.nip})`);
    expect(en).toMatch(/\d{2}:\d{2} WIB/);
    expect(en).not.toContain('membuka');
    const id = await page('id');
    expect(id).toContain(`${rater.name} (${rater.nip}) membuka berkas evaluasi milik`);
    // Opening the appraisal's audit page shows its reviewers' names: that too is on the trail.
    const before = (await rows()).length;
    const audit = await fetch(`${served.base}/app/audit/appraisals/${appraisalId}`, {
      headers: { cookie: `siklus_session=${await token(auditorNip, ['auditor'])}` },
    });
    expect(audit.status).toBe(200);
    expect(await audit.text()).toContain(`/read-trail?appraisal=${appraisalId}`);
    expect((await rows()).slice(before).map((r) => [r.kind, r.reader_nip, r.via])).toEqual([
      ['reviewIdentities', auditorNip, 'web'],
    ]);
  });

  it('refuses to change or delete a row', async () => {
    await expect(sql`update read_trail set reader_nip = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from read_trail`.execute(db)).rejects.toThrow(/append-only/);
  });
});
