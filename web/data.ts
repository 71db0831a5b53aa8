// Reads the pages need beyond the API's answers: names, units, positions and their standards, the cycles
// of an organisation, the live feed's current position. Plain read-model queries, never workflow queries.
import type { Kysely } from 'kysely';
import { feedStart, readFeed } from '../notifications/feed.ts';
import type { Database } from '../schema/database.ts';

type Db = Kysely<Database>;

export async function employeeName(db: Db, org: string, nip: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('employees')
    .select('name')
    .where('org_id', '=', org)
    .where('nip', '=', nip)
    .executeTakeFirst();
  return row?.name;
}

export async function employeeNames(db: Db, org: string, nips: string[]): Promise<Map<string, string>> {
  if (nips.length === 0) return new Map();
  const rows = await db
    .selectFrom('employees')
    .select(['nip', 'name'])
    .where('org_id', '=', org)
    .where('nip', 'in', [...new Set(nips)])
    .execute();
  return new Map(rows.map((r) => [r.nip, r.name]));
}

export interface PickerPerson {
  nip: string;
  name: string;
  unit: string;
  position: string;
}

/** The dev login picker: every organisation with its active people, grouped by unit. */
export async function organisationsWithPeople(db: Db) {
  const [orgs, people] = await Promise.all([
    db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute(),
    db
      .selectFrom('employees as e')
      .innerJoin('units as u', (j) =>
        j.onRef('u.org_id', '=', 'e.org_id').onRef('u.code', '=', 'e.unit_code'),
      )
      .innerJoin('positions as p', (j) =>
        j.onRef('p.org_id', '=', 'e.org_id').onRef('p.code', '=', 'e.position_code'),
      )
      .select(['e.org_id', 'e.nip', 'e.name', 'u.name as unit', 'p.name as position'])
      .where('e.active', '=', true)
      .orderBy('e.org_id')
      .orderBy('u.name')
      .orderBy('e.name')
      .execute(),
  ]);
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    people: people.filter((p) => p.org_id === o.id) as PickerPerson[],
  }));
}

export interface Standards {
  unit: string;
  position: string;
  duties: string[];
  indicators: Array<{ description: string; aspect: string; target: string }>;
}

/** The standards of a person's position (tupoksi and default indicators), as HR published them. */
export async function standardsOf(db: Db, org: string, nip: string): Promise<Standards | null> {
  const row = await db
    .selectFrom('employees as e')
    .innerJoin('units as u', (j) => j.onRef('u.org_id', '=', 'e.org_id').onRef('u.code', '=', 'e.unit_code'))
    .innerJoin('positions as p', (j) =>
      j.onRef('p.org_id', '=', 'e.org_id').onRef('p.code', '=', 'e.position_code'),
    )
    .select(['u.name as unit', 'p.name as position', 'p.duties', 'p.default_indicators'])
    .where('e.org_id', '=', org)
    .where('e.nip', '=', nip)
    .executeTakeFirst();
  if (!row) return null;
  return { unit: row.unit, position: row.position, duties: row.duties, indicators: row.default_indicators };
}

export async function cyclesOf(db: Db, org: string) {
  return db
    .selectFrom('cycles')
    .select(['cycle_id', 'year', 'status', 'launched'])
    .where('org_id', '=', org)
    .orderBy('year', 'desc')
    .execute();
}

export async function unitNames(db: Db, org: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('units').select(['code', 'name']).where('org_id', '=', org).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Where my live feed stands now: the page subscribes from here, so it is not woken by old news. */
export async function feedPositionNow(db: Db, who: { org: string; nip: string; hr: boolean }) {
  let position = feedStart;
  for (;;) {
    const page = await readFeed(db, who, position, 1000);
    position = page.position;
    if (page.items.length < 1000) return `${position.transactionId}-${position.notificationId}`;
  }
}
