// HR's master data as the lists and edit forms show it: the units as a tree, the positions with their
// kind and default indicators, the employees found by name, NIP or unit, and who last changed a record.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { sameOrg } from '../../schema/same-org.ts';

type Db = Kysely<Database>;

export interface UnitNode {
  code: string;
  name: string;
  parentCode: string | null;
  headNip: string | null;
  headName: string | null;
  independent: boolean;
  /** Active people listed in the unit itself. */
  people: number;
  /** Depth in the tree, 0 for a unit without a parent (or whose parent is not listed). */
  depth: number;
}

/** Every unit, each directly after its parent (depth-first, by name), with its head and headcount. */
export async function unitTree(db: Db, org: string): Promise<UnitNode[]> {
  const rows = await db
    .selectFrom('units as u')
    .leftJoin('employees as h', (j) => sameOrg(j, 'h.nip', 'u.head_nip'))
    .select([
      'u.code',
      'u.name',
      'u.parent_code',
      'u.head_nip',
      'u.independent',
      'h.name as head_name',
      (eb) =>
        eb
          .selectFrom('employees as e')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('e.org_id', '=', 'u.org_id')
          .whereRef('e.unit_code', '=', 'u.code')
          .where('e.active', '=', true)
          .as('people'),
    ])
    .where('u.org_id', '=', org)
    .orderBy('u.name')
    .execute();
  const codes = new Set(rows.map((r) => r.code));
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) {
    const parent = r.parent_code !== null && codes.has(r.parent_code) ? r.parent_code : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: UnitNode[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      if (seen.has(r.code)) continue; // a circle written before the edit rules: shown once
      seen.add(r.code);
      out.push({
        code: r.code,
        name: r.name,
        parentCode: r.parent_code,
        headNip: r.head_nip,
        headName: r.head_name,
        independent: r.independent,
        people: r.people ?? 0,
        depth,
      });
      walk(r.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export interface PositionRecord {
  code: string;
  name: string;
  kind: 'JPT' | 'JA' | 'JF';
  duties: string[];
  defaultIndicators: Array<{ description: string; aspect: string; target: string }>;
  people: number;
}

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (m) => `\\${m}`);

/** Positions whose name or code holds `q` (all without one), by name. */
export async function positionList(db: Db, org: string, q = ''): Promise<PositionRecord[]> {
  let query = db
    .selectFrom('positions as p')
    .select([
      'p.code',
      'p.name',
      'p.kind',
      'p.duties',
      'p.default_indicators',
      (eb) =>
        eb
          .selectFrom('employees as e')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('e.org_id', '=', 'p.org_id')
          .whereRef('e.position_code', '=', 'p.code')
          .where('e.active', '=', true)
          .as('people'),
    ])
    .where('p.org_id', '=', org);
  const text = q.trim();
  if (text) {
    const like = `%${escapeLike(text)}%`;
    query = query.where((eb) => eb.or([eb('p.name', 'ilike', like), eb('p.code', 'ilike', like)]));
  }
  const rows = await query.orderBy('p.name').limit(500).execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    duties: r.duties,
    defaultIndicators: r.default_indicators,
    people: r.people ?? 0,
  }));
}

export interface EmployeeRecord {
  nip: string;
  name: string;
  email: string | null;
  unitCode: string;
  unitName: string | null;
  positionCode: string;
  positionName: string | null;
  supervisorNip: string | null;
  supervisorName: string | null;
  language: 'id' | 'en';
  employmentStatus: 'PNS' | 'PPPK';
  rank: string | null;
  active: boolean;
}

function employeeQuery(db: Db, org: string) {
  return db
    .selectFrom('employees as e')
    .leftJoin('units as u', (j) => sameOrg(j, 'u.code', 'e.unit_code'))
    .leftJoin('positions as p', (j) => sameOrg(j, 'p.code', 'e.position_code'))
    .leftJoin('employees as s', (j) => sameOrg(j, 's.nip', 'e.supervisor_nip'))
    .select([
      'e.nip',
      'e.name',
      'e.email',
      'e.unit_code',
      'u.name as unit_name',
      'e.position_code',
      'p.name as position_name',
      'e.supervisor_nip',
      's.name as supervisor_name',
      'e.language',
      'e.employment_status',
      'e.rank',
      'e.active',
    ])
    .where('e.org_id', '=', org);
}

type EmployeeRow = Awaited<ReturnType<ReturnType<typeof employeeQuery>['execute']>>[number];
const toRecord = (r: EmployeeRow): EmployeeRecord => ({
  nip: r.nip,
  name: r.name,
  email: r.email,
  unitCode: r.unit_code,
  unitName: r.unit_name,
  positionCode: r.position_code,
  positionName: r.position_name,
  supervisorNip: r.supervisor_nip,
  supervisorName: r.supervisor_name,
  language: r.language,
  employmentStatus: r.employment_status,
  rank: r.rank,
  active: r.active,
});

/** A position's name and default indicators (master data), which a first SKP of it starts from. */
export async function positionDefaults(
  db: Db,
  org: string,
  code: string,
): Promise<Pick<PositionRecord, 'name' | 'defaultIndicators'> | undefined> {
  const row = await db
    .selectFrom('positions')
    .select(['name', 'default_indicators'])
    .where('org_id', '=', org)
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? { name: row.name, defaultIndicators: row.default_indicators } : undefined;
}

/** People whose name or NIP holds `q`, in `unit` if given; by name, at most `limit`. */
export async function employeeList(
  db: Db,
  org: string,
  filter: { q?: string; unit?: string; limit?: number } = {},
): Promise<EmployeeRecord[]> {
  let query = employeeQuery(db, org);
  const text = filter.q?.trim();
  if (text) {
    const like = `%${escapeLike(text)}%`;
    query = query.where((eb) => eb.or([eb('e.name', 'ilike', like), eb('e.nip', 'like', like)]));
  }
  if (filter.unit) query = query.where('e.unit_code', '=', filter.unit);
  const rows = await query
    .orderBy('e.name')
    .orderBy('e.nip')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map(toRecord);
}

export async function employeeRecord(db: Db, org: string, nip: string): Promise<EmployeeRecord | undefined> {
  const row = await employeeQuery(db, org).where('e.nip', '=', nip).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export interface ChangeRecord {
  at: Date;
  byNip: string;
  byName: string | null;
  before: unknown;
  after: unknown;
}

/** The latest hand edits of one record, newest first. */
export async function changesOf(
  db: Db,
  org: string,
  kind: 'unit' | 'position' | 'employee' | 'organisation',
  key: string,
  limit = 10,
): Promise<ChangeRecord[]> {
  const rows = await db
    .selectFrom('organisation_changes as c')
    .leftJoin('employees as e', (j) => sameOrg(j, 'e.nip', 'c.by_nip'))
    .select(['c.at', 'c.by_nip', 'e.name', 'c.before', 'c.after'])
    .where((eb) => eb.and({ 'c.org_id': org, 'c.kind': kind, 'c.key': key }))
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ at: r.at, byNip: r.by_nip, byName: r.name, before: r.before, after: r.after }));
}
