// An organisation set up and a cycle started through the HTTP API, as HR does it, for the tests of what
// happens in a running appraisal (changes of rater, mutasi, monitoring, signing).
import { expect } from 'vitest';
import type { TestApi } from './api.ts';

/**
 * The people of a test organisation by role: NIP, name, unit, position and the role of their supervisor
 * (none for the head).
 */
export type Staff = Record<
  string,
  readonly [nip: string, name: string, unitCode: string, positionCode: string, supervisor?: string]
>;

/** Each role's NIP. */
export function nipsOf<S extends Staff>(staff: S): { [R in keyof S]: string } {
  return Object.fromEntries(Object.entries(staff).map(([role, [nip]]) => [role, nip])) as never;
}

/** A token for each of the staff: whoever has the role `hr` also holds HR's roles, the others are employees. */
export async function staffTokens<S extends Staff>(
  t: TestApi,
  org: string,
  staff: S,
): Promise<{ [R in keyof S]: string }> {
  const tokens: Record<string, string> = {};
  for (const [role, [nip]] of Object.entries(staff))
    tokens[role] = await t.token(org, nip, role === 'hr' ? ['hr', 'employee'] : undefined);
  return tokens as never;
}

/** The employees CSV HR imports; each e-mail is the first name, in lower case, at `domain`. */
export function employeesCsv(domain: string, staff: Staff): string {
  const nipOf = (role: string) => {
    const person = staff[role];
    if (!person) throw new Error(`no ${role} in the staff`);
    return person[0];
  };
  return [
    'nip,name,email,unit_code,position_code,supervisor_nip',
    ...Object.values(staff).map(([nip, name, unit, position, supervisor]) => {
      const email = `${name.split(' ')[0]?.toLowerCase()}@${domain}`;
      return `${nip},${name},${email},${unit},${position},${supervisor ? nipOf(supervisor) : ''}`;
    }),
  ].join('\n');
}

/**
 * HR posts the units and JF positions (no duties), imports the employees (every row must be taken) and
 * `starter` (HR by default) starts the next year's cycle. Socialisation ended an hour after a start a day
 * ago: the agreement is open, the raters must propose. Returns the cycle's id.
 */
export async function startAgreementCycle(
  t: TestApi,
  org: string,
  setup: { hr: string; starter?: string; units: string[]; positions: string[]; staff: Staff },
): Promise<string> {
  const units = setup.units.map((code) => ({ code, name: `Unit ${code}` }));
  await t.call('POST', `/v1/orgs/${org}/units`, { token: setup.hr, body: units });
  const positions = setup.positions.map((code) => ({
    code,
    name: `Jabatan ${code}`,
    kind: 'JF',
    duties: [],
    defaultIndicators: [],
  }));
  await t.call('POST', `/v1/orgs/${org}/positions`, { token: setup.hr, body: positions });
  const csv = employeesCsv(`${org}.go.id`, setup.staff);
  const imported = await t.call('POST', `/v1/orgs/${org}/employees/import`, { token: setup.hr, csv });
  expect(imported.body, JSON.stringify(imported.body.rows)).toMatchObject({
    ok: true,
    imported: Object.keys(setup.staff).length,
  });
  const start = new Date(Date.now() - 25 * 3_600_000);
  const body = {
    year: start.getUTCFullYear() + 1,
    start: start.toISOString(),
    calendar: { socialisation: 'PT1H' },
  };
  const started = await t.call('POST', `/v1/orgs/${org}/cycles`, { token: setup.starter ?? setup.hr, body });
  expect(started.status).toBe(201);
  return started.body.cycleId;
}

/** The SKP a rater proposes in these tests: one RHK, immunisation coverage up to `target`. */
export const immunisationRhk = (target: string) => [
  {
    id: 'rhk-1',
    kind: 'utama',
    description: 'Cakupan imunisasi naik',
    parentRhkId: null,
    indicators: [{ id: 'iki-1', description: 'Cakupan', aspect: 'kuantitas', target }],
  },
];
