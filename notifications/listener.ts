// One LISTEN connection per API process fans Postgres notifications out to the open live feeds. When the
// connection is lost (PostgreSQL restarted, the backend was terminated), it connects again with backoff
// and wakes every feed once it listens again, so each reads what committed meanwhile (a feed also polls).
import pg from 'pg';

/** A notification that committed, or `reconnected`: anything may have committed while nobody listened. */
export type Wake = (payload: {
  org: string;
  nip: string | null;
  role: string;
  reconnected?: boolean;
}) => void;

export interface NotificationListener {
  subscribe(wake: Wake): () => void;
  close(): Promise<void>;
}

const channel = 'siklus_notifications';
/** Shows the connection in pg_stat_activity (and lets a test find it). */
export const listenerApplicationName = 'siklus-notification-listener';
const firstRetryMs = 500;
const maxRetryMs = 10_000;

export async function listenForNotifications(databaseUrl: string): Promise<NotificationListener> {
  const subscribers = new Set<Wake>();
  const wakeAll = (payload: Parameters<Wake>[0]) => {
    for (const wake of subscribers) wake(payload);
  };
  let client: pg.Client | undefined;
  let closed = false;
  let retryMs = firstRetryMs;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: listenerApplicationName });
    next.on('notification', (message) => {
      if (!message.payload) return;
      wakeAll(JSON.parse(message.payload) as Parameters<Wake>[0]);
    });
    next.on('error', (error) => console.error('notification listener:', error.message));
    next.on('end', () => {
      if (client === next) lost();
    });
    await next.connect();
    await next.query(`listen ${channel}`);
    client = next;
  };

  const lost = () => {
    client = undefined;
    if (closed || retry) return;
    retry = setTimeout(async () => {
      retry = undefined;
      try {
        await connect();
        retryMs = firstRetryMs;
        console.error('notification listener: listening again');
        // Whatever committed while nobody listened: every feed reads from its own position.
        wakeAll({ org: '', nip: null, role: '', reconnected: true });
      } catch (error) {
        console.error(`notification listener: reconnecting failed (${(error as Error).message})`);
        retryMs = Math.min(maxRetryMs, retryMs * 2);
        lost();
      }
    }, retryMs);
  };

  await connect();
  return {
    subscribe(wake) {
      subscribers.add(wake);
      return () => subscribers.delete(wake);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end();
    },
  };
}
