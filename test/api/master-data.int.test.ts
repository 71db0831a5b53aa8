// HR's master data over real HTTP against real PostgreSQL: the unit tree, positions and employees listed,
// searched and edited one at a time; a broken rule is 422 naming the field and changes nothing; an edit is
// recorded with who and when; only HR of the organisation gets in; the CSV template imports as it is.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFromEnv } from '../../auth/config.ts';
import { loadDevKey, signDevToken } from '../../auth/dev-keys.ts';
import { createServerApp } from '../../bin/server.ts';
import type { Database } from '../../schema/database.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';
import { tinyPng } from '../support/tiny-png.ts';
import { type ServedApp, serveApp } from '../support/web-app.ts';

const nip = {
  head: '197703032000031003',
  staff: '199001012015031001',
  hr: '198012122005012006',
  pppk: '199312282021212001',
  other: '198503122010011003',
};

describe('master data (API)', () => {
  let database: MigratedDatabase;
  let db: Kysely<Database>;
  let served: ServedApp;
  let devKey: Awaited<ReturnType<typeof loadDevKey>>;

  beforeAll(async () => {
    database = await createMigratedDatabase('master_data');
    db = database.db;
    await seedOrganisation(
      db,
      'mamuju',
      ['SETDA', 'UMUM'],
      [
        { nip: nip.head, name: 'Sekretaris Daerah', unitCode: 'SETDA', supervisorNip: null },
        { nip: nip.staff, name: 'Staf Umum', unitCode: 'UMUM', supervisorNip: nip.head },
        { nip: nip.hr, name: 'Analis SDM', unitCode: 'UMUM', supervisorNip: nip.head },
      ],
    );
    await seedOrganisation(
      db,
      'lain',
      ['X'],
      [{ nip: nip.other, name: 'Orang Lain', unitCode: 'X', supervisorNip: null }],
    );
    const dataDir = mkdtempSync(join(tmpdir(), 'siklus-master-'));
    const identity = await identityFromEnv(dataDir, { SIKLUS_DEV_AUTH: '1' });
    devKey = await loadDevKey(dataDir);
    served = await serveApp(createServerApp({ db, temporal: new Client(), taskQueue: 'master', identity }));
  });

  afterAll(async () => {
    await served?.close();
    await database?.close();
  });

  const api = async (
    method: string,
    path: string,
    body?: unknown,
    who: { nip?: string; roles?: string[]; org?: string } = {},
  ) => {
    const token = await signDevToken(devKey, {
      org: who.org ?? 'mamuju',
      nip: who.nip ?? nip.hr,
      roles: who.roles ?? ['hr'],
    });
    const response = await fetch(`${served.base}/v1/orgs/mamuju${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    // biome-ignore lint/suspicious/noExplicitAny: JSON of the API, read by the test that asked
    return { status: response.status, type: response.headers.get('content-type'), body: parsed as any };
  };
  const employeeRow = (n: string) =>
    db
      .selectFrom('employees')
      .selectAll()
      .where('org_id', '=', 'mamuju')
      .where('nip', '=', n)
      .executeTakeFirst();
  const changeCount = async () =>
    (
      await db
        .selectFrom('organisation_changes')
        .select(db.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('moves a unit under another and lists the units as a tree, each after its parent', async () => {
    const put = await api('PUT', '/units/UMUM', {
      name: 'Bagian Umum',
      parentCode: 'SETDA',
      headNip: nip.staff,
    });
    expect(put).toMatchObject({ status: 200, body: { action: 'updated' } });
    const tree = await api('GET', '/units');
    expect(tree.body.units.map((u: { code: string; depth: number }) => [u.code, u.depth])).toEqual([
      ['SETDA', 0],
      ['UMUM', 1],
    ]);
    expect(tree.body.units[1]).toMatchObject({ name: 'Bagian Umum', headName: 'Staf Umum', people: 2 });
  });

  it('refuses a unit placed under its own child, or led by someone not listed, naming the field; nothing changes', async () => {
    const before = await changeCount();
    const circle = await api('PUT', '/units/SETDA', { name: 'Setda', parentCode: 'UMUM' });
    expect(circle).toMatchObject({
      status: 422,
      type: 'application/problem+json',
      body: { code: 'invalid_master_data', field: 'parentCode' },
    });
    const head = await api('PUT', '/units/BARU', { name: 'Baru', headNip: nip.other });
    expect(head).toMatchObject({ status: 422, body: { field: 'headNip' } });
    const name = await api('PUT', '/units/BARU', { name: '' });
    expect(name.body.errors).toEqual([{ field: 'name', message: 'is required' }]);
    const units = await db
      .selectFrom('units')
      .select(['code', 'parent_code'])
      .where('org_id', '=', 'mamuju')
      .orderBy('code')
      .execute();
    expect(units).toEqual([
      { code: 'SETDA', parent_code: null },
      { code: 'UMUM', parent_code: 'SETDA' },
    ]);
    expect(await changeCount()).toBe(before);
  });

  it('creates a position with its kind and default indicators, finds it by name, and refuses an unknown kind', async () => {
    const body = {
      name: 'Perawat Ahli Pertama',
      kind: 'JF',
      duties: ['Asuhan keperawatan'],
      defaultIndicators: [{ description: 'Pasien terlayani', aspect: 'kuantitas', target: '100 pasien' }],
    };
    expect(await api('PUT', '/positions/PERAWAT', body)).toMatchObject({
      status: 200,
      body: { action: 'created' },
    });
    const found = await api('GET', '/positions?q=perawat');
    expect(found.body.positions).toEqual([
      expect.objectContaining({
        code: 'PERAWAT',
        kind: 'JF',
        defaultIndicators: body.defaultIndicators,
        people: 0,
      }),
    ]);
    const bad = await api('PUT', '/positions/PERAWAT', {
      ...body,
      kind: 'JX',
      defaultIndicators: [{ ...body.defaultIndicators[0], aspect: 'mutu' }],
    });
    expect(bad).toMatchObject({ status: 422, body: { code: 'invalid_master_data' } });
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'kind',
      'defaultIndicators.0.aspect',
    ]);
    const kept = await db
      .selectFrom('positions')
      .select('kind')
      .where('code', '=', 'PERAWAT')
      .executeTakeFirstOrThrow();
    expect(kept.kind).toBe('JF');
  });

  it('edits an employee by the import rules, records who and when, and finds them by name', async () => {
    const edit = {
      name: 'Staf Umum Baru',
      email: 'staf@example.go.id',
      unitCode: 'UMUM',
      positionCode: 'PERAWAT',
      supervisorNip: nip.head,
      employmentStatus: 'PNS',
      rank: 'III/b',
    };
    const started = Date.now();
    expect(await api('PUT', `/employees/${nip.staff}`, edit)).toMatchObject({
      status: 200,
      body: { action: 'updated' },
    });
    expect(await employeeRow(nip.staff)).toMatchObject({
      name: 'Staf Umum Baru',
      position_code: 'PERAWAT',
      rank: 'Penata Muda Tingkat I, III/b',
    });
    const one = await api('GET', `/employees/${nip.staff}`);
    expect(one.body).toMatchObject({
      supervisorName: 'Sekretaris Daerah',
      employmentStatus: 'PNS',
      positionName: 'Perawat Ahli Pertama',
    });
    expect(one.body.changes[0]).toMatchObject({
      byNip: nip.hr,
      byName: 'Analis SDM',
      before: { name: 'Staf Umum' },
      after: { name: 'Staf Umum Baru' },
    });
    expect(Date.parse(one.body.changes[0].at)).toBeGreaterThanOrEqual(started - 5000);
    const search = await api('GET', '/employees?q=umum%20baru');
    expect(search.body.employees.map((e: { nip: string }) => e.nip)).toEqual([nip.staff]);
  });

  it('refuses an employee edit the CSV import would refuse, naming each field, and changes nothing', async () => {
    const before = await employeeRow(nip.staff);
    const changes = await changeCount();
    const wrong = await api('PUT', `/employees/${nip.staff}`, {
      name: 'X',
      email: 'not-an-address',
      unitCode: 'NOPE',
      positionCode: 'PERAWAT',
      employmentStatus: 'PPPK',
      rank: 'IX',
    });
    expect(wrong).toMatchObject({
      status: 422,
      type: 'application/problem+json',
      body: { code: 'invalid_master_data', field: 'email' },
    });
    expect(wrong.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email',
      'employmentStatus',
      'rank',
    ]);
    // References are checked once the rows' own rules pass, as the import does.
    const unit = await api('PUT', `/employees/${nip.staff}`, {
      name: 'X',
      email: 'x@example.go.id',
      unitCode: 'NOPE',
      positionCode: 'PERAWAT',
    });
    expect(unit.body.errors).toEqual([{ field: 'unitCode', message: 'unknown unit "NOPE"' }]);
    // The head may not come to report to their own report.
    const circle = await api('PUT', `/employees/${nip.head}`, {
      name: 'Sekda',
      email: 'a@example.go.id',
      unitCode: 'SETDA',
      positionCode: 'STAF',
      supervisorNip: nip.staff,
    });
    expect(circle.body.errors).toEqual([
      { field: 'supervisorNip', message: expect.stringContaining('reports to') },
    ]);
    const pppk = await api('PUT', '/employees/199312282015212001', {
      name: 'P',
      email: 'p@example.go.id',
      unitCode: 'UMUM',
      positionCode: 'STAF',
    });
    expect(pppk.body.field).toBe('nip');
    expect(await employeeRow(nip.staff)).toEqual(before);
    expect(await changeCount()).toBe(changes);
  });

  it('creates a PPPK with a golongan', async () => {
    const r = await api('PUT', `/employees/${nip.pppk}`, {
      name: 'Perawat PPPK',
      email: 'p@example.go.id',
      unitCode: 'UMUM',
      positionCode: 'PERAWAT',
      supervisorNip: nip.head,
      rank: 'IX',
    });
    expect(r).toMatchObject({ status: 200, body: { action: 'created' } });
    expect(await employeeRow(nip.pppk)).toMatchObject({ employment_status: 'PPPK', rank: 'IX' });
  });

  it('serves the import template, whose example row imports as it is', async () => {
    const template = await api('GET', '/employees/import/template.csv');
    expect(template.status).toBe(200);
    expect(template.type).toContain('text/csv');
    const lines = String(template.body).trim().split('\r\n');
    expect(lines[0]).toBe(
      'nip,name,email,unit_code,position_code,supervisor_nip,language,employment_status,rank',
    );
    expect(lines).toHaveLength(2);
    const token = await signDevToken(devKey, { org: 'mamuju', nip: nip.hr, roles: ['hr'] });
    const imported = await fetch(`${served.base}/v1/orgs/mamuju/employees/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: String(template.body),
    });
    expect(await imported.json()).toMatchObject({ ok: true, imported: 1, rejected: 0 });
  });

  it('puts each unit, position and employee an import creates or changes on the change trail (a row sent as it was is none), and the record page says it came by import', async () => {
    const trail = async (kind: string, key: string) =>
      (await api('GET', `/master-data/${kind}/${key}/changes`)).body.changes as Array<{
        byNip: string;
        before: unknown;
        after: Record<string, unknown>;
      }>;
    const unitsBefore = (await trail('unit', 'SETDA')).length;
    // SETDA is sent as it is (no change); HUKUM is new.
    const setda = (await api('GET', '/units')).body.units.find((u: { code: string }) => u.code === 'SETDA');
    const units = await api('POST', '/units', [
      { code: 'SETDA', name: setda.name, parentCode: null, headNip: setda.headNip ?? null },
      { code: 'HUKUM', name: 'Bagian Hukum', parentCode: 'SETDA' },
    ]);
    expect(units.status).toBe(200);
    expect(await trail('unit', 'SETDA')).toHaveLength(unitsBefore);
    expect(await trail('unit', 'HUKUM')).toEqual([
      expect.objectContaining({
        byNip: nip.hr,
        before: null,
        after: expect.objectContaining({ name: 'Bagian Hukum', parent_code: 'SETDA', via: 'import' }),
      }),
    ]);
    const position = {
      code: 'ANALIS',
      name: 'Analis Hukum',
      kind: 'JF',
      duties: ['Menganalisis produk hukum'],
      defaultIndicators: [],
    };
    expect((await api('POST', '/positions', [position])).status).toBe(200);
    expect((await api('POST', '/positions', [{ ...position, name: 'Analis Hukum Ahli Muda' }])).status).toBe(
      200,
    );
    const positionTrail = await trail('position', 'ANALIS');
    expect(positionTrail.map((c) => c.after.name)).toEqual(['Analis Hukum Ahli Muda', 'Analis Hukum']);
    expect(positionTrail[0]?.before).toMatchObject({ name: 'Analis Hukum' });

    const newcomer = '199205052019031002';
    const token = await signDevToken(devKey, { org: 'mamuju', nip: nip.hr, roles: ['hr'] });
    const importCsv = async (name: string) =>
      (
        await fetch(`${served.base}/v1/orgs/mamuju/employees/import`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
          body: `nip,name,email,unit_code,position_code,supervisor_nip\n${newcomer},${name},baru@example.go.id,HUKUM,ANALIS,${nip.head}\n`,
        })
      ).json();
    expect(await importCsv('Pegawai Baru')).toMatchObject({ ok: true, imported: 1 });
    expect(await importCsv('Pegawai Baru')).toMatchObject({ ok: true, imported: 1 });
    expect(await importCsv('Pegawai Baru Sekali')).toMatchObject({ ok: true, imported: 1 });
    const employeeTrail = await trail('employee', newcomer);
    expect(employeeTrail).toHaveLength(2);
    expect(employeeTrail[0]).toMatchObject({
      byNip: nip.hr,
      before: { name: 'Pegawai Baru', unit_code: 'HUKUM' },
      after: { name: 'Pegawai Baru Sekali', via: 'import', line: 2 },
    });
    expect(employeeTrail[1]).toMatchObject({ before: null, after: { name: 'Pegawai Baru', via: 'import' } });
    const page = await fetch(`${served.base}/app/hr/employees/${newcomer}`, {
      headers: { cookie: `siklus_session=${token}; lang=id` },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.match(/lewat impor \(baris berkas 2\)/g)).toHaveLength(2);
  });

  it('lets only HR of the organisation in: 403 for an employee or an auditor, 404 for another organisation', async () => {
    const staff = await api('GET', '/employees', undefined, { nip: nip.staff, roles: ['employee'] });
    expect(staff).toMatchObject({
      status: 403,
      type: 'application/problem+json',
      body: { code: 'forbidden_role' },
    });
    const auditor = await api('PUT', '/units/UMUM', { name: 'X' }, { nip: nip.staff, roles: ['auditor'] });
    expect(auditor.status).toBe(403);
    const other = await api('GET', '/employees', undefined, { org: 'lain', nip: nip.other });
    expect(other.status).toBe(404);
    const otherPut = await api(
      'PUT',
      `/employees/${nip.staff}`,
      { name: 'Dirusak' },
      { org: 'lain', nip: nip.other },
    );
    expect(otherPut.status).toBe(404);
    expect((await employeeRow(nip.staff))?.name).toBe('Staf Umum Baru');
  });

  const raw = async (method: string, path: string, body: Uint8Array, type: string, roles = ['hr']) => {
    const token = await signDevToken(devKey, { org: 'mamuju', nip: nip.hr, roles });
    const r = await fetch(`${served.base}/v1/orgs/mamuju${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body,
    });
    return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
  };
  const storedLogo = async () =>
    (await db.selectFrom('organisations').select('logo').where('id', '=', 'mamuju').executeTakeFirstOrThrow())
      .logo;

  it("sets the organisation's name, region and logo, read by everyone of it; a logo that is no PNG or JPEG by its bytes, or too large, is refused", async () => {
    const profile = await api('PUT', '/profile', {
      name: 'Pemerintah Kabupaten Mamuju',
      region: 'Provinsi Sulawesi Barat',
    });
    expect(profile).toMatchObject({
      status: 200,
      body: { name: 'Pemerintah Kabupaten Mamuju', region: 'Provinsi Sulawesi Barat', logoType: null },
    });
    expect((await api('PUT', '/profile', { name: '' })).body).toMatchObject({
      code: 'invalid_master_data',
      field: 'name',
    });
    const png = tinyPng(6);
    const set = await raw('PUT', '/logo', png, 'image/png');
    expect(set).toMatchObject({ status: 200, body: { size: png.length, type: 'image/png' } });
    // A GIF sent as a PNG is read by its bytes: refused, the logo stays.
    const gif = await raw('PUT', '/logo', new TextEncoder().encode('GIF89a\x01\x00'), 'image/png');
    expect(gif).toMatchObject({
      status: 422,
      type: 'application/problem+json',
      body: { code: 'invalid_logo_type', field: 'logo' },
    });
    const big = Buffer.concat([png, Buffer.alloc(256 * 1024)]);
    expect(await raw('PUT', '/logo', big, 'image/png')).toMatchObject({
      status: 413,
      body: { code: 'logo_too_large' },
    });
    expect(Buffer.from((await storedLogo()) ?? []).equals(png)).toBe(true);
    expect((await raw('PUT', '/logo', png, 'image/png', ['employee'])).status).toBe(403);
    // Everyone of the organisation reads it; the change is recorded with who made it.
    const token = await signDevToken(devKey, { org: 'mamuju', nip: nip.staff, roles: ['employee'] });
    const read = await fetch(`${served.base}/v1/orgs/mamuju/logo`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await read.arrayBuffer()).equals(png)).toBe(true);
    expect(
      (await api('GET', '/profile', undefined, { nip: nip.staff, roles: ['employee'] })).body.logoType,
    ).toBe('image/png');
    const changes = await db
      .selectFrom('organisation_changes')
      .select(['by_nip', 'after'])
      .where('kind', '=', 'organisation')
      .orderBy('id')
      .execute();
    expect(changes.map((c) => c.by_nip)).toEqual([nip.hr, nip.hr]);
    expect(changes[1]?.after).toMatchObject({ logo: { size: png.length, type: 'image/png' } });
  });
});
