// Evidence as files over real HTTP against real PostgreSQL: the appraised employee adds a photo or a PDF
// (at most 5 MiB, its kind read from its bytes), kept by its SHA-256; whoever may read the appraisal reads
// it, nobody else; a realisation naming the file carries its hash, name and size as kept.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withEvidenceFiles } from '../../api/commands/evidence.ts';
import { identityFromEnv } from '../../auth/config.ts';
import { loadDevKey, signDevToken } from '../../auth/dev-keys.ts';
import { createServerApp } from '../../bin/server.ts';
import { realisationSchema } from '../../domain/appraisal/payloads.ts';
import type { Database } from '../../schema/database.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';
import { seedUmum, umumAnalyst, umumNips } from '../support/organisation.ts';
import { tinyPng } from '../support/tiny-png.ts';
import { type ServedApp, serveApp } from '../support/web-app.ts';

const nip = { rater: umumNips.head, employee: umumNips.staff, peer: '199202022016042004', hr: umumNips.hr };
const appraisalId = `mamuju.2027.${nip.employee}`;

describe('evidence files (API)', () => {
  let database: MigratedDatabase;
  let db: Kysely<Database>;
  let served: ServedApp;
  let devKey: Awaited<ReturnType<typeof loadDevKey>>;
  let deps: Parameters<typeof withEvidenceFiles>[0];

  beforeAll(async () => {
    database = await createMigratedDatabase('evidence_files');
    db = database.db;
    await seedUmum(db, 'mamuju', [
      { nip: nip.peer, name: 'Staf Lain', unitCode: 'UMUM', supervisorNip: nip.rater },
      umumAnalyst,
    ]);
    await seedOrganisation(db, 'lain', ['X'], []);
    await db
      .insertInto('appraisals')
      .values({
        appraisal_id: appraisalId,
        cycle_id: 'mamuju.2027',
        org_id: 'mamuju',
        nip: nip.employee,
        unit_code: 'UMUM',
        supervisor_nip: nip.rater,
        superior_nip: null,
        step: 'checkIns',
        version: 1,
        state: JSON.stringify({}),
        updated_at: new Date(),
      })
      .execute();
    const dataDir = mkdtempSync(join(tmpdir(), 'siklus-evidence-'));
    const identity = await identityFromEnv(dataDir, { SIKLUS_DEV_AUTH: '1' });
    devKey = await loadDevKey(dataDir);
    deps = { db, temporal: new Client(), taskQueue: 'evidence', identity } as unknown as typeof deps;
    served = await serveApp(createServerApp({ db, temporal: new Client(), taskQueue: 'evidence', identity }));
  });

  afterAll(async () => {
    await served?.close();
    await database?.close();
  });

  const call = async (
    who: string,
    method: string,
    path: string,
    body?: Uint8Array,
    org = 'mamuju',
    roles = ['employee'],
  ) => {
    const token = await signDevToken(devKey, { org, nip: who, roles });
    const r = await fetch(`${served.base}/v1/orgs/${org}/appraisals/${appraisalId}/evidence${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/octet-stream' } : {}),
      },
      ...(body ? { body } : {}),
    });
    const type = r.headers.get('content-type') ?? '';
    return {
      status: r.status,
      type,
      body: type.includes('json') ? await r.json() : Buffer.from(await r.arrayBuffer()),
    };
  };
  const kept = async () =>
    Number(
      (await db.selectFrom('evidence_files').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
    );
  const photo = tinyPng(12);
  const sha256 = createHash('sha256').update(photo).digest('hex');

  it('keeps a photo the appraised employee sends, named by its SHA-256', async () => {
    const r = await call(nip.employee, 'POST', '?name=foto%20kegiatan.png', photo);
    expect(r).toMatchObject({
      status: 201,
      body: { sha256, name: 'foto kegiatan.png', size: photo.length, contentType: 'image/png' },
    });
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    expect(await call(nip.employee, 'POST', '?name=laporan.pdf', pdf)).toMatchObject({
      status: 201,
      body: { contentType: 'application/pdf' },
    });
  });

  it('refuses a file that is no photo or PDF by its bytes, one over 5 MiB, and anyone but the employee; keeping nothing', async () => {
    const before = await kept();
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    expect(await call(nip.employee, 'POST', '?name=foto.png', html)).toMatchObject({
      status: 422,
      type: 'application/problem+json',
      body: { code: 'invalid_evidence_type', field: 'file' },
    });
    const big = Buffer.concat([photo, Buffer.alloc(5 * 1024 * 1024)]);
    expect(await call(nip.employee, 'POST', '?name=besar.png', big)).toMatchObject({
      status: 413,
      body: { code: 'evidence_too_large' },
    });
    expect((await call(nip.rater, 'POST', '?name=x.png', tinyPng(3))).status).toBe(403);
    expect((await call(nip.employee, 'POST', '?name=x.png', tinyPng(3), 'lain')).status).toBe(404);
    expect(await kept()).toBe(before);
  });

  it('is read by whoever may read the appraisal (the employee, the rater, HR), not by a colleague or another organisation', async () => {
    for (const [who, roles] of [
      [nip.employee, ['employee']],
      [nip.rater, ['employee']],
      [nip.hr, ['hr']],
    ] as const) {
      const r = await call(who, 'GET', `/${sha256}`, undefined, 'mamuju', [...roles]);
      expect({ who, status: r.status, type: r.type }).toEqual({ who, status: 200, type: 'image/png' });
      expect(Buffer.from(r.body as Buffer).equals(photo)).toBe(true);
    }
    expect(await call(nip.peer, 'GET', `/${sha256}`)).toMatchObject({
      status: 403,
      body: { code: 'forbidden' },
    });
    expect((await call(nip.hr, 'GET', `/${sha256}`, undefined, 'lain', ['hr'])).status).toBe(404);
    expect((await call(nip.employee, 'GET', `/${'0'.repeat(64)}`)).status).toBe(404);
  });

  it("fills a realisation's file from what is kept (hash, name, size), whatever the caller claims; an unknown hash is 422", async () => {
    const claimed = { sha256, name: 'lain.png', size: 1, contentType: 'application/pdf' as const };
    const command = {
      type: 'recordRealisation' as const,
      period: 'TW1',
      realisations: [{ indicatorId: 'iki-1', value: 'Selesai', evidence: [{ note: 'Foto', file: claimed }] }],
    };
    const prepared = await withEvidenceFiles(deps, 'mamuju', appraisalId, command);
    const file = prepared.realisations[0]?.evidence[0]?.file;
    expect(file).toEqual({ sha256, name: 'foto kegiatan.png', size: photo.length, contentType: 'image/png' });
    // The hash the realisation names is the hash of the bytes kept.
    const row = await db
      .selectFrom('evidence_files')
      .select('bytes')
      .where('sha256', '=', file!.sha256)
      .executeTakeFirstOrThrow();
    expect(createHash('sha256').update(row.bytes).digest('hex')).toBe(file!.sha256);
    expect(realisationSchema.safeParse(prepared.realisations[0]).success).toBe(true);
    const unknown = {
      ...command,
      realisations: [
        { ...command.realisations[0]!, evidence: [{ file: { ...claimed, sha256: 'a'.repeat(64) } }] },
      ],
    };
    await expect(withEvidenceFiles(deps, 'mamuju', appraisalId, unknown)).rejects.toMatchObject({
      status: 422,
      code: 'unknown_evidence_file',
      extra: { field: 'realisations.0.evidence.0.file' },
    });
  });

  it('links the kept file on the pages for the same readers (/app/evidence/<sha256>), not for a colleague', async () => {
    const page = async (who: string, hash = sha256) => {
      const token = await signDevToken(devKey, { org: 'mamuju', nip: who, roles: ['employee'] });
      const r = await fetch(`${served.base}/app/evidence/${hash}`, {
        headers: { cookie: `siklus_session=${token}` },
      });
      return {
        status: r.status,
        type: r.headers.get('content-type') ?? '',
        bytes: Buffer.from(await r.arrayBuffer()),
      };
    };
    const rater = await page(nip.rater);
    expect({ status: rater.status, type: rater.type, same: rater.bytes.equals(photo) }).toEqual({
      status: 200,
      type: 'image/png',
      same: true,
    });
    expect((await page(nip.peer)).status).toBe(403);
    expect((await page(nip.employee, 'b'.repeat(64))).status).toBe(404);
  });
});
