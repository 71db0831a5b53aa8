// Each employee's employment status (PNS or PPPK) and rank (a PNS pangkat/golongan such as "Penata Muda,
// III/a", or a PPPK golongan I-XVII; domain/organisation/employment.ts). The status is the kind of the
// person's number, stored so the forms and exports read it; people already listed get it from their
// number's digits 13-14 (21 and 24 are an NI PPPK's, as domain/organisation/nip.ts explains), and no rank.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('employees')
    .addColumn('employment_status', 'text', (c) => c.check(sql`employment_status in ('PNS', 'PPPK')`))
    .addColumn('rank', 'text')
    .execute();
  await sql`update employees set employment_status =
    case when substring(nip from 13 for 2) in ('21', '24') then 'PPPK' else 'PNS' end`.execute(db);
  // No default: whoever writes a person says which they are.
  await db.schema
    .alterTable('employees')
    .alterColumn('employment_status', (c) => c.setNotNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('employees').dropColumn('rank').dropColumn('employment_status').execute();
}
