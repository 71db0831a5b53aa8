// What the subcommands share in reading their arguments: a usage error (exit 2) and the cycle option.
import { cycleIdFor, parseCycleId } from '../domain/ids.ts';

export class UsageError extends Error {}

/** `--cycle 2027` (with --org) or `--cycle bungo.2027`, which must be of --org. */
export function cycleIdOf(org: string, cycle: string): string {
  if (/^\d{4}$/.test(cycle)) return cycleIdFor(org, Number(cycle));
  const parsed = parseCycleId(cycle);
  if (!parsed) throw new UsageError(`--cycle ${cycle} is neither a year nor <org>.<year>`);
  if (parsed.orgId !== org) throw new UsageError(`cycle ${cycle} is not of organisation ${org}`);
  return cycle;
}
