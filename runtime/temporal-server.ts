// The Temporal server behind `npm start`: an external one when TEMPORAL_ADDRESS is set, otherwise the
// Temporal CLI's dev server on a SQLite file, so stopping and starting again keeps every workflow.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { withStartRetries } from './server-start.ts';
import { resolveTemporalCli, type ServerExecutable } from './temporal-cli.ts';

export interface DevServerOptions {
  /** SQLite file for the server's state; in memory (lost on stop) when omitted. */
  dbFilename?: string;
  /** Frontend (gRPC) port; a free one when omitted. */
  port?: number;
  /** Web UI port; the SDK's default is `port + 1000`. */
  uiPort?: number;
  namespace?: string;
  log?: (line: string) => void;
  /** Which CLI to run; defaults to the provisioning ladder (`resolveTemporalCli`). */
  executable?: ServerExecutable;
}

export interface RunningTemporal {
  /** host:port of the frontend. */
  address: string;
  /** The web UI, when this process started the server. */
  uiUrl?: string;
  namespace: string;
  stop(): Promise<void>;
  /** The SDK environment owning the dev server process (absent for an external server). */
  env?: TestWorkflowEnvironment;
}

export async function startTemporalDevServer(options: DevServerOptions = {}): Promise<RunningTemporal> {
  const namespace = options.namespace ?? 'default';
  const external = process.env.TEMPORAL_ADDRESS;
  if (external) {
    options.log?.(`using the external Temporal server at ${external} (TEMPORAL_ADDRESS)`);
    // Not ours to stop.
    return { address: external, namespace, stop: async () => {} };
  }

  const executable = options.executable ?? (await resolveTemporalCli({ log: options.log }));
  if (options.dbFilename) mkdirSync(dirname(options.dbFilename), { recursive: true });
  const env = await withStartRetries(() =>
    TestWorkflowEnvironment.createLocal({
      server: {
        executable,
        dbFilename: options.dbFilename,
        ip: '127.0.0.1',
        port: options.port,
        ui: true,
        uiPort: options.uiPort,
        namespace,
        // One partition per task queue (the server's default is four): on a single dev server, more
        // partitions only add forwarding between them, which costs CPU on every task dispatched.
        extraArgs: [
          '--dynamic-config-value',
          'matching.numTaskqueueReadPartitions=1',
          '--dynamic-config-value',
          'matching.numTaskqueueWritePartitions=1',
        ],
      },
    }),
  );
  const port = Number(env.address.slice(env.address.lastIndexOf(':') + 1));
  const uiPort = options.uiPort ?? port + 1000;
  return {
    address: env.address,
    uiUrl: `http://127.0.0.1:${uiPort}`,
    namespace,
    stop: () => env.teardown(),
    env,
  };
}
