// `siklus token --org <org> --nip <nip> [--roles hr,employee] [--ttl 12h]`: a dev-mode bearer token,
// signed with the local dev key in the data folder. Only for SIKLUS_DEV_AUTH=1 deployments.
import { parseArgs } from 'node:util';
import { loadDevKey, signDevToken } from '../auth/dev-keys.ts';
import { parseNip } from '../domain/organisation/nip.ts';
import { dataDir } from '../runtime/paths.ts';

const roles = new Set(['hr', 'employee', 'auditor']);

export async function tokenCommand(argv: string[]): Promise<number> {
  let values: { org?: string; nip?: string; roles?: string; ttl?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        org: { type: 'string' },
        nip: { type: 'string' },
        roles: { type: 'string' },
        ttl: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  if (!values.org) return usage('--org is required');
  if (!values.nip) return usage('--nip is required');
  const nip = parseNip(values.nip);
  if (!nip.ok) return usage(`--nip: ${nip.message}`);
  const granted = (values.roles ?? 'employee')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = granted.filter((r) => !roles.has(r));
  if (unknown.length)
    return usage(`--roles: unknown role ${unknown.join(', ')} (known: ${[...roles].join(', ')})`);
  if (values.ttl && !/^\d+[smhd]$/.test(values.ttl)) return usage('--ttl looks like 30m, 12h or 7d');
  const key = await loadDevKey(dataDir);
  console.log(
    await signDevToken(key, { org: values.org, nip: values.nip, roles: granted }, values.ttl ?? '12h'),
  );
  return 0;
}

function usage(message: string): number {
  console.error(
    `siklus token: ${message}\nusage: siklus token --org <org> --nip <18-digit NIP> [--roles hr,employee,auditor] [--ttl 12h]`,
  );
  return 2;
}
