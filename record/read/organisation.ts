// An organisation's units and positions with their standards (tupoksi), as HR published them.
import type { Kysely } from 'kysely';
import { defaultTimeZone, type IndonesianTimeZone } from '../../domain/time/zones.ts';
import type { Database } from '../../schema/database.ts';
import { sameOrg } from '../../schema/same-org.ts';
import { publishedStandard } from './standards.ts';

type Db = Kysely<Database>;

export interface Standards {
  unit: string;
  position: string;
  positionCode: string;
  /** The published version shown; null where none is published (what HR kept on the position). */
  version: number | null;
  duties: string[];
  indicators: Array<{ description: string; aspect: string; target: string }>;
}

/** The standards of a person's position (tupoksi and default indicators): its latest published version. */
export async function standardsOf(db: Db, org: string, nip: string): Promise<Standards | undefined> {
  const row = await db
    .selectFrom('employees as e')
    .innerJoin('units as u', (j) => sameOrg(j, 'u.code', 'e.unit_code'))
    .innerJoin('positions as p', (j) => sameOrg(j, 'p.code', 'e.position_code'))
    .select(['u.name as unit', 'p.code', 'p.name as position', 'p.duties', 'p.default_indicators'])
    .where('e.org_id', '=', org)
    .where('e.nip', '=', nip)
    .executeTakeFirst();
  if (!row) return undefined;
  const base = { unit: row.unit, position: row.position, positionCode: row.code };
  const published = await publishedStandard(db, org, row.code);
  if (!published) return { ...base, version: null, duties: row.duties, indicators: row.default_indicators };
  const { duties, rhk } = published.standard;
  // A kuantitatif target reads as its number and satuan where the standard has no words for it.
  const indicators = rhk.flatMap((r) =>
    r.indicators.map((i) => ({
      description: i.description,
      aspect: i.aspect ?? '',
      target: i.target ?? [i.targetValue, i.satuan].filter((x) => x !== undefined).join(' '),
    })),
  );
  return { ...base, version: published.version, duties, indicators };
}

export async function unitNames(db: Db, org: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('units').select(['code', 'name']).where('org_id', '=', org).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The units by name (for choosing whom a cycle covers). */
export async function unitsOf(db: Db, org: string): Promise<Array<{ code: string; name: string }>> {
  return db.selectFrom('units').select(['code', 'name']).where('org_id', '=', org).orderBy('name').execute();
}

/** The organisation's time zone; the default (WIB) for an organisation not stored yet. */
export async function timeZoneOf(db: Db, org: string): Promise<IndonesianTimeZone> {
  const row = await db
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', org)
    .executeTakeFirst();
  return row?.time_zone ?? defaultTimeZone;
}

/** A unit and a position of the organisation (a mutasi's new post), each undefined when not found. */
export async function postOf(db: Db, org: string, unitCode: string, positionCode: string) {
  const [unit, position] = await Promise.all([
    db
      .selectFrom('units')
      .select(['code', 'name', 'head_nip', 'independent'])
      .where('org_id', '=', org)
      .where('code', '=', unitCode)
      .executeTakeFirst(),
    db
      .selectFrom('positions')
      .select(['code', 'name', 'kind'])
      .where('org_id', '=', org)
      .where('code', '=', positionCode)
      .executeTakeFirst(),
  ]);
  return { unit, position };
}

/** The positions by name (for choosing a mutasi's new post). */
export async function positionsOf(db: Db, org: string): Promise<Array<{ code: string; name: string }>> {
  return db
    .selectFrom('positions')
    .select(['code', 'name'])
    .where('org_id', '=', org)
    .orderBy('name')
    .execute();
}

/** The units with whoever leads each (their name; null: nobody named), for HR's page of unit heads. */
export async function unitHeads(
  db: Db,
  org: string,
): Promise<
  Array<{ code: string; name: string; independent: boolean; headNip: string | null; headName: string | null }>
> {
  const rows = await db
    .selectFrom('units as u')
    .leftJoin('employees as e', (j) => sameOrg(j, 'e.nip', 'u.head_nip'))
    .select(['u.code', 'u.name', 'u.independent', 'u.head_nip', 'e.name as head_name'])
    .where('u.org_id', '=', org)
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    independent: r.independent,
    headNip: r.head_nip,
    headName: r.head_name,
  }));
}

export interface OrganisationProfile {
  id: string;
  name: string;
  region: string | null;
  /** The logo's type when there is one (image/png or image/jpeg). */
  logoType: 'image/png' | 'image/jpeg' | null;
}

/** The organisation's name, region and whether it has a logo; its id as its name until it is stored. */
export async function organisationProfile(db: Db, org: string): Promise<OrganisationProfile> {
  const row = await db
    .selectFrom('organisations')
    .select(['name', 'region', 'logo_type'])
    .where('id', '=', org)
    .executeTakeFirst();
  return { id: org, name: row?.name ?? org, region: row?.region ?? null, logoType: row?.logo_type ?? null };
}

export async function logoOf(
  db: Db,
  org: string,
): Promise<{ bytes: Buffer; type: 'image/png' | 'image/jpeg' } | null> {
  const row = await db
    .selectFrom('organisations')
    .select(['logo', 'logo_type'])
    .where('id', '=', org)
    .executeTakeFirst();
  return row?.logo && row.logo_type ? { bytes: row.logo, type: row.logo_type } : null;
}
