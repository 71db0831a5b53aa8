// The refusals of the role decisions in record/read/access.ts, for the commands that need a role.
import type { Principal } from '../../auth/identity.ts';
import { mayManageCycles } from '../../record/read/access.ts';
import { Refusal } from './refusal.ts';

/** HR only: a 403 refusal for anyone else. */
export function requireHr(me: Principal): void {
  if (!mayManageCycles(me)) throw new Refusal(403, 'forbidden_role', 'This needs the hr role');
}
