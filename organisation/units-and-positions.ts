// HR's organisation data: units (unit kerja) and positions with their standards (tupoksi), created or
// updated in place by code.
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.ts';
import { recordImport } from './import-trail.ts';

type Db = Kysely<Database>;

export interface UnitInput {
  code: string;
  name: string;
  parentCode: string | null;
  /** Who leads the unit (none when absent); a re-post replaces it, as it does the name and parent. */
  headNip?: string | null;
  /** An independent unit (unit kerja mandiri); false when absent. */
  independent?: boolean;
}

export interface PositionInput {
  code: string;
  name: string;
  kind: 'JPT' | 'JA' | 'JF';
  duties: string[];
  defaultIndicators: Array<{ description: string; aspect: string; target: string }>;
}

/** The organisation row everything else refers to, named after its id until someone names it. */
export async function ensureOrganisation(db: Db, orgId: string): Promise<void> {
  await db
    .insertInto('organisations')
    .values({ id: orgId, name: orgId })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** `by`: who posts the list; each unit created or changed then goes on the change trail, in one transaction. */
export async function upsertUnits(db: Db, orgId: string, units: UnitInput[], by?: string): Promise<void> {
  await ensureOrganisation(db, orgId);
  if (units.length === 0) return;
  if (!by) return writeUnits(db, orgId, units);
  const codes = units.map((u) => u.code);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('units')
      .select(['code', 'name', 'parent_code', 'head_nip', 'independent'])
      .where('org_id', '=', orgId)
      .where('code', 'in', codes)
      .execute();
    await writeUnits(trx, orgId, units);
    const was = new Map(before.map((u) => [u.code, u]));
    await recordImport(
      trx,
      orgId,
      by,
      'unit',
      units.map((u) => ({
        key: u.code,
        before: was.get(u.code),
        after: {
          code: u.code,
          name: u.name,
          parent_code: u.parentCode,
          head_nip: u.headNip ?? null,
          independent: u.independent ?? false,
        },
      })),
    );
  });
}

async function writeUnits(db: Db, orgId: string, units: UnitInput[]): Promise<void> {
  await db
    .insertInto('units')
    .values(
      units.map((u) => ({
        org_id: orgId,
        code: u.code,
        name: u.name,
        parent_code: u.parentCode,
        head_nip: u.headNip ?? null,
        independent: u.independent ?? false,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['org_id', 'code']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        parent_code: eb.ref('excluded.parent_code'),
        head_nip: eb.ref('excluded.head_nip'),
        independent: eb.ref('excluded.independent'),
      })),
    )
    .execute();
}

/** `by`: who posts the list; each position created or changed then goes on the change trail, in one transaction. */
export async function upsertPositions(
  db: Db,
  orgId: string,
  positions: PositionInput[],
  by?: string,
): Promise<void> {
  await ensureOrganisation(db, orgId);
  if (positions.length === 0) return;
  if (!by) return writePositions(db, orgId, positions);
  const codes = positions.map((p) => p.code);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('positions')
      .select(['code', 'name', 'kind', 'duties', 'default_indicators'])
      .where('org_id', '=', orgId)
      .where('code', 'in', codes)
      .execute();
    await writePositions(trx, orgId, positions);
    const was = new Map(before.map((p) => [p.code, p]));
    await recordImport(
      trx,
      orgId,
      by,
      'position',
      positions.map((p) => ({
        key: p.code,
        before: was.get(p.code),
        after: {
          code: p.code,
          name: p.name,
          kind: p.kind,
          duties: p.duties,
          default_indicators: p.defaultIndicators,
        },
      })),
    );
  });
}

async function writePositions(db: Db, orgId: string, positions: PositionInput[]): Promise<void> {
  await db
    .insertInto('positions')
    .values(
      positions.map((p) => ({
        org_id: orgId,
        code: p.code,
        name: p.name,
        kind: p.kind,
        duties: JSON.stringify(p.duties),
        default_indicators: JSON.stringify(p.defaultIndicators),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['org_id', 'code']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        kind: eb.ref('excluded.kind'),
        duties: eb.ref('excluded.duties'),
        default_indicators: eb.ref('excluded.default_indicators'),
      })),
    )
    .execute();
}
