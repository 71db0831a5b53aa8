// The organisation's time zone over real HTTP against real PostgreSQL: HR and auditors read it, HR sets
// it; a zone not among WIB, WITA and WIT, or a person without the hr role, changes nothing.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type loadDevKey, signDevToken } from '../../auth/dev-keys.ts';
import type { Database } from '../../schema/database.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';
import { seedUmum, umumAnalyst, umumNips } from '../support/organisation.ts';
import { type DevServedApp, serveWithoutTemporal } from '../support/web-app.ts';

const nip = umumNips;

describe('the organisation time zone (API)', () => {
  let database: MigratedDatabase;
  let db: Kysely<Database>;
  let served: DevServedApp;
  let devKey: Awaited<ReturnType<typeof loadDevKey>>;

  beforeAll(async () => {
    database = await createMigratedDatabase('time_zone');
    db = database.db;
    // Mamuju (West Sulawesi) keeps WITA; it starts with the default, WIB.
    await seedUmum(db, 'mamuju', [umumAnalyst]);
    served = await serveWithoutTemporal(db, 'zone');
    devKey = served.devKey;
  });

  afterAll(async () => {
    await served?.close();
    await database?.close();
  });

  const api = async (method: string, roles: string[], body?: unknown) => {
    const token = await signDevToken(devKey, {
      org: 'mamuju',
      nip: roles.includes('hr') ? nip.hr : nip.staff,
      roles,
    });
    const response = await fetch(`${served.base}/v1/orgs/mamuju/time-zone`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: JSON of the API, read by the test that asked
    const json: any = await response.json();
    return { status: response.status, type: response.headers.get('content-type'), body: json };
  };
  const stored = async () =>
    (await db.selectFrom('organisations').select('time_zone').where('id', '=', 'mamuju').executeTakeFirst())
      ?.time_zone;

  it('given a new organisation, when HR reads its zone, then it is WIB', async () => {
    expect(await api('GET', ['hr'])).toMatchObject({
      status: 200,
      body: { timeZone: 'Asia/Jakarta', abbreviation: 'WIB' },
    });
  });

  it('given a zone not among the three, when HR sets it, then 422 names the field and the zone stays', async () => {
    for (const wrong of ['Asia/Tokyo', 'WITA', 'UTC', '']) {
      const refused = await api('PUT', ['hr'], { timeZone: wrong });
      expect({ status: refused.status, type: refused.type, body: refused.body }).toMatchObject({
        status: 422,
        type: 'application/problem+json',
        body: { code: 'invalid_time_zone', field: 'timeZone' },
      });
      expect(refused.body.detail).toContain('Asia/Makassar');
    }
    expect((await api('PUT', ['hr'], { zone: 'Asia/Makassar' })).status).toBe(400);
    expect(await stored()).toBe('Asia/Jakarta');
  });

  it('given an employee without the hr role, when they set the zone, then 403 and the zone stays', async () => {
    expect((await api('PUT', ['employee'], { timeZone: 'Asia/Makassar' })).status).toBe(403);
    expect((await api('GET', ['employee'])).status).toBe(403);
    expect(await stored()).toBe('Asia/Jakarta');
  });

  it('given WITA, when HR sets it, then HR and auditors read WITA', async () => {
    expect(await api('PUT', ['hr'], { timeZone: 'Asia/Makassar' })).toMatchObject({
      status: 200,
      body: { timeZone: 'Asia/Makassar', abbreviation: 'WITA' },
    });
    expect(await stored()).toBe('Asia/Makassar');
    expect((await api('GET', ['auditor'])).body).toEqual({ timeZone: 'Asia/Makassar', abbreviation: 'WITA' });
  });
});
