// Demo data for a fresh installation: three instansi from the project's source documents (Kabupaten
// Bungo, Kota Bukittinggi, Kecamatan Asemrowo), each with a few units, positions with standards (tupoksi
// and default indicators) and some twenty people with valid NIPs (a few PPPK with their NI PPPK), ranks and
// a supervisor chain. People and
// texts are made up; the themes (puskesmas waiting times, document turnaround, e-kinerja) follow the
// documents. Organisations that already exist are left untouched, so calling it twice is harmless.
import type { Kysely } from 'kysely';
import type { EmploymentStatus } from '../domain/organisation/employment.ts';
import type { Database } from '../schema/database.ts';
import { organisations, positions } from './data.ts';
import { demoRank, pppkNames } from './employment.ts';

/** A valid NIP made from the person's place in the list: birth date, appointment, gender, serial. */
export function demoNip(orgIndex: number, index: number, gender: 1 | 2): string {
  const birthYear = 1968 + ((index * 7 + orgIndex * 3) % 28);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const birth = `${birthYear}${pad(1 + ((index * 5 + orgIndex) % 12))}${pad(1 + ((index * 11 + orgIndex) % 28))}`;
  const appointment = `${birthYear + 23 + (index % 4)}${pad(1 + ((index * 3) % 12))}`;
  return `${birth}${appointment}${gender}${pad(orgIndex * 100 + index + 1, 3)}`;
}

/** A valid NI PPPK the same way: the birth date of demoNip, a first contract in 2019-2024, digits 21. */
export function demoNiPppk(orgIndex: number, index: number, gender: 1 | 2): string {
  const year = 2019 + ((index + orgIndex) % 6);
  return `${demoNip(orgIndex, index, gender).slice(0, 8)}${year}21${gender}${String(orgIndex * 100 + index + 1).padStart(3, '0')}`;
}

export interface DemoPerson {
  org: string;
  nip: string;
  name: string;
  unitCode: string;
  positionCode: string;
  supervisorNip: string | null;
  /** The first person of a unit leads it (units.head_nip). */
  leads: boolean;
  employmentStatus: EmploymentStatus;
  rank: string;
}

/** Everyone of the demo, with NIPs and supervisors resolved (also used by tests to pick people). */
export function demoPeople(): DemoPerson[] {
  const out: DemoPerson[] = [];
  organisations.forEach((org, orgIndex) => {
    const leaders = new Map<string, string>();
    let index = 0;
    for (const unit of org.units) {
      unit.people.forEach(([name, positionCode, gender], i) => {
        const employmentStatus: EmploymentStatus = pppkNames.has(name) ? 'PPPK' : 'PNS';
        const nip = (employmentStatus === 'PPPK' ? demoNiPppk : demoNip)(orgIndex, index++, gender);
        const leader = leaders.get(unit.code);
        const supervisorNip =
          i === 0 ? (unit.parent ? (leaders.get(unit.parent) ?? null) : null) : (leader ?? null);
        if (i === 0) leaders.set(unit.code, nip);
        const rank = demoRank(positionCode, employmentStatus);
        out.push({
          org: org.id,
          nip,
          name,
          unitCode: unit.code,
          positionCode,
          supervisorNip,
          leads: i === 0,
          employmentStatus,
          rank,
        });
      });
    }
  });
  return out;
}

/** Seeds the three demo organisations that are not there yet; answers the ids it seeded. */
export async function seedDemoOrganisations(db: Kysely<Database>): Promise<string[]> {
  const existing = new Set((await db.selectFrom('organisations').select('id').execute()).map((r) => r.id));
  const people = demoPeople();
  const seeded: string[] = [];
  for (const org of organisations) {
    if (existing.has(org.id)) continue;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('organisations')
        .values({ id: org.id, name: org.name, time_zone: org.timeZone })
        .execute();
      // The first person of each unit leads it; Pimpinan Kecamatan is an independent unit.
      const heads = new Map(
        people.filter((p) => p.org === org.id && p.leads).map((p) => [p.unitCode, p.nip] as const),
      );
      await trx
        .insertInto('units')
        .values(
          org.units.map((u) => ({
            org_id: org.id,
            code: u.code,
            name: u.name,
            parent_code: u.parent ?? null,
            head_nip: heads.get(u.code) ?? null,
            independent: u.independent ?? false,
          })),
        )
        .execute();
      await trx
        .insertInto('positions')
        .values(
          Object.entries(positions).map(([code, p]) => ({
            org_id: org.id,
            code,
            name: p.name,
            kind: p.kind,
            duties: JSON.stringify(p.duties),
            default_indicators: JSON.stringify(p.indicators),
          })),
        )
        .execute();
      const languages = new Map(
        org.units.flatMap((u) => u.people.map(([name, , , lang]) => [name, lang ?? 'id'] as const)),
      );
      await trx
        .insertInto('employees')
        .values(
          people
            .filter((p) => p.org === org.id)
            .map((p) => ({
              org_id: org.id,
              nip: p.nip,
              name: p.name,
              email: `${p.nip}@${org.domain}`,
              unit_code: p.unitCode,
              position_code: p.positionCode,
              supervisor_nip: p.supervisorNip,
              language: languages.get(p.name) ?? 'id',
              employment_status: p.employmentStatus,
              rank: p.rank,
              updated_at: new Date(),
            })),
        )
        .execute();
    });
    seeded.push(org.id);
  }
  return seeded;
}
