// A join within one organisation. Every table is keyed by its organisation first (org_id), and a NIP or a
// unit's code alone may match another tenant's row: so a join matches the key and the organisation both.
import type { JoinBuilder, ReferenceExpression } from 'kysely';

/**
 * `(j) => sameOrg(j, 's.nip', 'e.supervisor_nip')`: the joined row whose key is the other's, in the same
 * organisation (`s.org_id = e.org_id`). Both sides name their table's alias, which has an org_id.
 */
export function sameOrg<DB, TB extends keyof DB, R extends ReferenceExpression<DB, TB> & string>(
  join: JoinBuilder<DB, TB>,
  joined: R,
  other: R,
): JoinBuilder<DB, TB> {
  return join.onRef(orgOf(joined), '=', orgOf(other)).onRef(joined, '=', other);
}

// The org_id of a reference's table alias: `s.nip` → `s.org_id`.
function orgOf<R extends string>(ref: R): R {
  return `${ref.slice(0, ref.indexOf('.'))}.org_id` as R;
}
