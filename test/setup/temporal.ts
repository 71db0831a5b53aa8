// Provisions the Temporal binaries once per test run through the same ladders `npm start` uses,
// building them into the cache when needed (Go for the CLI, Maven for the test server).
import { resolveTemporalCli } from '../../runtime/temporal-cli.ts';
import type { ServerExecutable } from '../../runtime/temporal-provisioning.ts';
import { resolveTestServer } from '../../runtime/test-server.ts';

/**
 * Paths for `{ type: 'existing-path' }`. When a ladder ends at the SDK's own download the path is ''
 * (provide() needs a string); test/support/temporal.ts `executableFor` turns '' back into
 * `{ type: 'cached-download' }`. With go/mvn present, as on the development machine, both are real paths.
 */
export async function setupTemporal(): Promise<{ cliPath: string; testServerPath: string }> {
  const log = (line: string) => console.log(`temporal setup: ${line}`);
  const [cli, testServer] = await Promise.all([resolveTemporalCli({ log }), resolveTestServer({ log })]);
  return { cliPath: pathOf(cli), testServerPath: pathOf(testServer) };
}

function pathOf(executable: ServerExecutable): string {
  return executable.type === 'existing-path' ? executable.path : '';
}
