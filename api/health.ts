// GET /health: is each real dependency reachable right now? 200 when all are, 503 otherwise.
import type { Client } from '@temporalio/client';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema/database.ts';

export interface DependencyHealth {
  ok: boolean;
  latencyMs: number;
  detail?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  postgres: DependencyHealth;
  temporal: DependencyHealth;
}

const timeoutMs = 2_000;

async function probe(check: () => Promise<string | undefined>): Promise<DependencyHealth> {
  const started = performance.now();
  try {
    const detail = await Promise.race([
      check(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started), ...(detail ? { detail } : {}) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, latencyMs: Math.round(performance.now() - started), detail };
  }
}

export async function checkHealth(db: Kysely<Database>, temporal: Client): Promise<HealthReport> {
  const [postgres, temporalHealth] = await Promise.all([
    probe(async () => {
      const { rows } = await sql<{
        version: string;
      }>`select current_setting('server_version') as version`.execute(db);
      return `PostgreSQL ${rows[0]?.version ?? '?'}`;
    }),
    probe(async () => {
      const info = await temporal.workflowService.getSystemInfo({});
      return `Temporal server ${info.serverVersion || '?'} (namespace ${temporal.options.namespace})`;
    }),
  ]);
  return { status: postgres.ok && temporalHealth.ok ? 'ok' : 'degraded', postgres, temporal: temporalHealth };
}
