// One LISTEN connection per API process fans Postgres notifications out to the open live feeds.
import pg from 'pg';

export type Wake = (payload: { org: string; nip: string | null; role: string }) => void;

export interface NotificationListener {
  subscribe(wake: Wake): () => void;
  close(): Promise<void>;
}

export async function listenForNotifications(databaseUrl: string): Promise<NotificationListener> {
  const subscribers = new Set<Wake>();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  client.on('notification', (message) => {
    if (!message.payload) return;
    const payload = JSON.parse(message.payload) as Parameters<Wake>[0];
    for (const wake of subscribers) wake(payload);
  });
  client.on('error', (error) => console.error('notification listener:', error.message));
  await client.query('listen siklus_notifications');
  return {
    subscribe(wake) {
      subscribers.add(wake);
      return () => subscribers.delete(wake);
    },
    close: () => client.end(),
  };
}
