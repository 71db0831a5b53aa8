// The standards of positions: every published version (standard_versions), the rounds (standard_rounds,
// their state folded by the domain), and what a new round starts from: each position's current standard,
// who holds it, their supervisors and the unit leader who may draft it (from the org chart).
import type { Kysely } from 'kysely';
import type { RoundPosition } from '../../domain/standards/events.ts';
import { type Standard, standardSchema } from '../../domain/standards/payloads.ts';
import type { RoundState } from '../../domain/standards/state.ts';
import type { Database } from '../../schema/database.ts';

type Db = Kysely<Database>;

export interface PublishedStandard {
  positionCode: string;
  version: number;
  roundId: string;
  standard: Standard;
  decisions: Array<{
    commentId: string;
    proposedBy: string;
    answer: string;
    reason: string | null;
    decidedBy: string;
  }>;
  publishedBy: string;
  publishedAt: string;
}

const toPublished = (r: {
  position_code: string;
  version: number;
  round_id: string;
  standard: Standard;
  decisions: PublishedStandard['decisions'];
  published_by: string;
  published_at: Date;
}): PublishedStandard => ({
  positionCode: r.position_code,
  version: r.version,
  roundId: r.round_id,
  standard: r.standard,
  decisions: r.decisions,
  publishedBy: r.published_by,
  publishedAt: r.published_at.toISOString(),
});

/** Every published version of a position's standard, newest first. */
export async function standardVersions(
  db: Db,
  org: string,
  positionCode: string,
): Promise<PublishedStandard[]> {
  const rows = await db
    .selectFrom('standard_versions')
    .selectAll()
    .where('org_id', '=', org)
    .where('position_code', '=', positionCode)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toPublished);
}

/** The latest published version of each of these positions (all of the organisation's without codes). */
export async function publishedStandards(
  db: Db,
  org: string,
  positionCodes?: readonly string[],
): Promise<Map<string, PublishedStandard>> {
  if (positionCodes?.length === 0) return new Map();
  let query = db
    .selectFrom('standard_versions')
    .selectAll()
    .distinctOn('position_code')
    .where('org_id', '=', org)
    .orderBy('position_code')
    .orderBy('version', 'desc');
  if (positionCodes) query = query.where('position_code', 'in', [...positionCodes]);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.position_code, toPublished(r)]));
}

export async function publishedStandard(
  db: Db,
  org: string,
  positionCode: string,
): Promise<PublishedStandard | undefined> {
  return (await publishedStandards(db, org, [positionCode])).get(positionCode);
}

/**
 * A position's standard as HR kept it before any was published (positions.duties and
 * default_indicators): its duties, and the default indicators under one RHK utama.
 */
export function legacyStandard(
  name: string,
  duties: readonly string[],
  indicators: ReadonlyArray<{ description: string; aspect: string; target: string }>,
): Standard {
  const kept = duties.map((d) => d.trim()).filter(Boolean);
  const rhk =
    indicators.length === 0
      ? []
      : [
          {
            id: 'rhk-1',
            kind: 'utama',
            description: kept[0] ?? name,
            parentRhkId: null,
            indicators: indicators.map((ind, i) => ({
              id: `iki-${i + 1}`,
              description: ind.description,
              aspect: ind.aspect,
              target: ind.target,
            })),
          },
        ];
  const parsed = standardSchema.safeParse({ duties: kept, rhk });
  // Data HR typed before the schema existed may not fit it: the duties alone then.
  return parsed.success ? parsed.data : { duties: kept.slice(0, 50).map((d) => d.slice(0, 1000)), rhk: [] };
}

/**
 * What a round of these positions (every position someone holds, without codes) starts from: the
 * current standard, the holders and their direct supervisors, and the leader of the one unit all other
 * holders work in (its head: the person there whose supervisor works elsewhere, or who has none).
 */
export async function roundPositions(
  db: Db,
  org: string,
  positionCodes?: readonly string[],
): Promise<RoundPosition[]> {
  const [positions, people, published] = await Promise.all([
    db
      .selectFrom('positions')
      .select(['code', 'name', 'duties', 'default_indicators'])
      .where('org_id', '=', org)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('employees')
      .select(['nip', 'unit_code', 'position_code', 'supervisor_nip'])
      .where('org_id', '=', org)
      .where('active', '=', true)
      .orderBy('nip')
      .execute(),
    publishedStandards(db, org),
  ]);
  const unitOf = new Map(people.map((p) => [p.nip, p.unit_code]));
  const heads = new Map<string, string[]>();
  for (const p of people) {
    if (p.supervisor_nip && unitOf.get(p.supervisor_nip) === p.unit_code) continue;
    heads.set(p.unit_code, [...(heads.get(p.unit_code) ?? []), p.nip]);
  }
  const wanted = positionCodes ? new Set(positionCodes) : null;
  return positions.flatMap((position) => {
    const holders = people.filter((p) => p.position_code === position.code);
    if (wanted ? !wanted.has(position.code) : holders.length === 0) return [];
    const supervisors = [...new Set(holders.flatMap((h) => (h.supervisor_nip ? [h.supervisor_nip] : [])))]
      .filter((nip) => !holders.some((h) => h.nip === nip))
      .sort();
    const current = published.get(position.code);
    const units = new Set(holders.map((h) => h.unit_code));
    const [unit] = units;
    const leaderNips =
      units.size === 1 && unit
        ? (heads.get(unit) ?? []).filter((nip) => !holders.some((h) => h.nip === nip))
        : [];
    return [
      {
        positionCode: position.code,
        name: position.name,
        baseVersion: current?.version ?? null,
        standard:
          current?.standard ?? legacyStandard(position.name, position.duties, position.default_indicators),
        participants: [
          ...holders.map((h) => ({ nip: h.nip, role: 'holder' as const })),
          ...supervisors.map((nip) => ({ nip, role: 'supervisor' as const })),
        ],
        leaderNips,
      },
    ];
  });
}

export interface RoundSummary {
  roundId: string;
  status: RoundState['status'];
  deadline: string;
  startedBy: string;
  startedAt: string;
  closedAt: string | null;
}

/** The organisation's rounds, newest first. */
export async function roundsOf(db: Db, org: string): Promise<RoundSummary[]> {
  const rows = await db
    .selectFrom('standard_rounds')
    .select(['round_id', 'status', 'deadline', 'started_by', 'started_at', 'closed_at'])
    .where('org_id', '=', org)
    .orderBy('started_at', 'desc')
    .orderBy('round_id', 'desc')
    .execute();
  return rows.map((r) => ({
    roundId: r.round_id,
    status: r.status,
    deadline: r.deadline.toISOString(),
    startedBy: r.started_by,
    startedAt: r.started_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
  }));
}

/** One round of the organisation (its folded state); undefined for another organisation's or none. */
export async function roundOf(db: Db, org: string, roundId: string): Promise<RoundState | undefined> {
  const row = await db
    .selectFrom('standard_rounds')
    .select('state')
    .where((eb) => eb.and({ org_id: org, round_id: roundId }))
    .executeTakeFirst();
  return row?.state as RoundState | undefined;
}

/** The number the organisation's next round takes. */
export async function nextRoundNumber(db: Db, org: string): Promise<number> {
  const row = await db
    .selectFrom('standard_rounds')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', org)
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}

export interface PositionStandard {
  positionCode: string;
  name: string;
  /** The latest published version, or (version null) the duties and indicators HR kept before any. */
  current: { version: number | null; standard: Standard };
  versions: PublishedStandard[];
}

/** A position's standard as it stands and every published version; undefined for no such position. */
export async function positionStandard(
  db: Db,
  org: string,
  positionCode: string,
): Promise<PositionStandard | undefined> {
  const [position, versions] = await Promise.all([
    db
      .selectFrom('positions')
      .select(['code', 'name', 'duties', 'default_indicators'])
      .where('org_id', '=', org)
      .where('code', '=', positionCode)
      .executeTakeFirst(),
    standardVersions(db, org, positionCode),
  ]);
  if (!position) return undefined;
  const [latest] = versions;
  return {
    positionCode,
    name: position.name,
    current: latest
      ? { version: latest.version, standard: latest.standard }
      : {
          version: null,
          standard: legacyStandard(position.name, position.duties, position.default_indicators),
        },
    versions,
  };
}
