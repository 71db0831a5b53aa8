import { join } from 'node:path';
import { cacheDir } from '../../runtime/paths.ts';

// Placeholder until the provisioning ladder lands (runtime/temporal-cli.ts, runtime/test-server.ts).
export async function setupTemporal(): Promise<{ cliPath: string; testServerPath: string }> {
  return { cliPath: join(cacheDir, 'temporal-1.5.1', 'temporal'), testServerPath: '' };
}
