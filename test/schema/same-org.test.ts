// A join within one organisation matches the organisation as well as the key: a NIP alone could match
// another tenant's employee.
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../schema/database.ts';
import { sameOrg } from '../../schema/same-org.ts';

const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('sameOrg', () => {
  it('joins on the key and on the two aliases’ organisations', () => {
    const { sql } = db
      .selectFrom('employees as e')
      .leftJoin('employees as s', (j) => sameOrg(j, 's.nip', 'e.supervisor_nip'))
      .select(['e.nip', 's.supervisor_nip'])
      .compile();
    expect(sql).toContain(
      'left join "employees" as "s" on "s"."org_id" = "e"."org_id" and "s"."nip" = "e"."supervisor_nip"',
    );
  });

  it('takes the organisation of each side’s own alias', () => {
    const { sql } = db
      .selectFrom('appraisals as a')
      .innerJoin('units as u', (j) => sameOrg(j, 'u.code', 'a.unit_code'))
      .select('u.name')
      .compile();
    expect(sql).toContain('on "u"."org_id" = "a"."org_id" and "u"."code" = "a"."unit_code"');
  });
});
