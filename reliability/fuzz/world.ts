// What the fuzzer runs against: two organisations (`fuzz` with a cycle running, `lain` beside it), a
// token for each caller, the real ids of both to put in paths, and a fingerprint of the record.
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { type Kysely, sql } from 'kysely';
import { devAudience, devIssuer, type loadDevKey, signDevToken } from '../../auth/dev-keys.ts';
import type { Database } from '../../schema/database.ts';
import { generateOrganisation } from '../../simulation/organisation.ts';
import { seededRandom } from '../../simulation/random.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import type { Caller, KnownValues } from './requests.ts';

export const fuzzOrg = 'fuzz';
export const otherOrg = 'lain';

export interface FuzzWorld {
  tokens: Partial<Record<Caller, string>>;
  known: KnownValues;
  fingerprint(): Promise<string>;
}

type DevKey = Awaited<ReturnType<typeof loadDevKey>>;

/** Seeds both organisations, starts this year's cycle through the API and waits for its appraisals. */
export async function buildWorld(db: Kysely<Database>, baseUrl: string, devKey: DevKey): Promise<FuzzWorld> {
  const own = generateOrganisation(seededRandom(11), fuzzOrg, 14, 2);
  const other = generateOrganisation(seededRandom(12), otherOrg, 5, 1);
  await seedOrganisation(db, fuzzOrg, own.units, own.employees);
  await seedOrganisation(db, otherOrg, other.units, other.employees);
  const staff = own.employees.filter((e) => e.supervisorNip && e.supervisorNip !== own.head.nip);
  const employee = staff[0];
  const peer = staff[1];
  const supervisor = own.employees.find((e) => e.nip === employee?.supervisorNip);
  if (!employee || !peer || !supervisor) throw new Error('the fuzz organisation has too few people');
  const sign = (org: string, nip: string, roles: string[]) => signDevToken(devKey, { org, nip, roles });
  const tokens: Partial<Record<Caller, string>> = {
    employee: await sign(fuzzOrg, employee.nip, ['employee']),
    peer: await sign(fuzzOrg, peer.nip, ['employee']),
    supervisor: await sign(fuzzOrg, supervisor.nip, ['employee']),
    superior: await sign(fuzzOrg, own.head.nip, ['employee']),
    hr: await sign(fuzzOrg, own.head.nip, ['hr', 'employee']),
    auditor: await sign(fuzzOrg, own.head.nip, ['auditor']),
    otherHr: await sign(otherOrg, other.head.nip, ['hr', 'employee']),
    garbage: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    ...(await badTokens(devKey, employee.nip)),
  };
  await startCycle(baseUrl, tokens.hr ?? '');
  await waitForAppraisals(db, own.employees.length);
  const fingerprint = await fingerprinter(db);
  await quiet(fingerprint);
  return { tokens, known: await knownValues(db), fingerprint };
}

/** Signed by the dev key but expired, or for another audience; or well formed but by another key. */
async function badTokens(devKey: DevKey, nip: string): Promise<Partial<Record<Caller, string>>> {
  const devPrivate = await importJWK(devKey.privateJwk, 'ES256');
  const foreign = await generateKeyPair('ES256');
  const now = Math.floor(Date.now() / 1000);
  const token = (audience: string, expires: number, key: Parameters<SignJWT['sign']>[0]) =>
    new SignJWT({ org: fuzzOrg, roles: ['hr'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'dev' })
      .setSubject(nip)
      .setIssuer(devIssuer)
      .setAudience(audience)
      .setIssuedAt(now - 7200)
      .setExpirationTime(expires)
      .sign(key);
  return {
    expired: await token(devAudience, now - 3600, devPrivate),
    wrongAudience: await token('another-api', now + 3600, devPrivate),
    foreignKey: await token(devAudience, now + 3600, foreign.privateKey),
  };
}

async function startCycle(baseUrl: string, hrToken: string): Promise<void> {
  const now = new Date();
  const response = await fetch(`${baseUrl}/v1/orgs/${fuzzOrg}/cycles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hrToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ year: now.getUTCFullYear() + 1, start: now.toISOString() }),
  });
  if (response.status !== 201) throw new Error(`the fuzz cycle did not start: ${await response.text()}`);
}

async function waitForAppraisals(db: Kysely<Database>, count: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const row = await db
      .selectFrom('tasks')
      .select((eb) => eb.fn.count<string>('task_id').as('n'))
      .where('org_id', '=', fuzzOrg)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(row?.n ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the fuzz cycle did not open its tasks within 2 minutes');
}

/** Until the launch has written its last (the cycle's launched event comes after the tasks): 2 s unchanged. */
async function quiet(fingerprint: () => Promise<string>): Promise<void> {
  let last = await fingerprint();
  for (let unchanged = 0, i = 0; unchanged < 4 && i < 240; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await fingerprint();
    unchanged = now === last ? unchanged + 1 : 0;
    last = now;
  }
}

/** The real ids of both organisations, by the parameter names the API's paths and queries use. */
async function knownValues(db: Kysely<Database>): Promise<KnownValues> {
  const column = async (query: Promise<Array<Record<string, unknown>>>) =>
    (await query).map((row) => String(Object.values(row)[0]));
  const nips = await column(db.selectFrom('employees').select('nip').execute());
  return {
    org: [fuzzOrg, otherOrg],
    cycleId: await column(db.selectFrom('cycles').select('cycle_id').execute()),
    appraisalId: await column(db.selectFrom('appraisals').select('appraisal_id').execute()),
    taskId: await column(db.selectFrom('tasks').select('task_id').limit(40).execute()),
    nip: nips,
    unitCode: await column(db.selectFrom('units').select('code').execute()),
    positionCode: ['STAF'],
    roundId: ['standards-1'],
    step: ['socialisation', 'agreement', 'checkIns', 'rating'],
    period: ['TW1', 'TW2', 'akhir'],
    limit: ['1', '50', '1000'],
  };
}

/**
 * A digest of every table but the idempotency keys (a rejected request may leave its answer there to
 * repeat it) and the migrations; notifications by their count, since delivery updates them.
 */
async function fingerprinter(db: Kysely<Database>): Promise<() => Promise<string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const parts = tables.rows
    .map((t) => t.name)
    .filter((name) => !name.startsWith('idempotency') && !name.startsWith('kysely_'))
    .map((name) =>
      name === 'notifications'
        ? `select '${name}' as t, count(*)::text as d from "${name}"`
        : `select '${name}' as t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '') as d from "${name}" x`,
    );
  const query = sql.raw<{ t: string; d: string }>(parts.join(' union all '));
  return async () => (await query.execute(db)).rows.map((r) => `${r.t}=${r.d}`).join('|');
}
