// The live feed of a person's notifications. Pages are ordered by (transaction_id, notification_id) and
// stop below the oldest transaction still open, so a notification that commits late is never skipped;
// the position doubles as the SSE event id (Last-Event-ID).
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema/database.ts';

export interface FeedPosition {
  transactionId: string;
  notificationId: number;
}

export interface FeedItem {
  id: string;
  notificationId: number;
  kind: 'assigned' | 'reminder' | 'escalation';
  taskId: string;
  createdAt: string;
}

export const feedStart: FeedPosition = { transactionId: '0', notificationId: 0 };

export function parsePosition(lastEventId: string | undefined): FeedPosition {
  const match = lastEventId?.match(/^(\d+)-(\d+)$/);
  return match ? { transactionId: match[1] ?? '0', notificationId: Number(match[2]) } : feedStart;
}

export async function readFeed(
  db: Kysely<Database>,
  who: { org: string; nip: string; hr: boolean },
  after: FeedPosition,
  limit = 500,
): Promise<{ items: FeedItem[]; position: FeedPosition }> {
  const { rows } = await sql<{
    notification_id: number;
    transaction_id: string;
    kind: FeedItem['kind'];
    task_id: string;
    created_at: Date;
  }>`
    select notification_id, transaction_id::text as transaction_id, kind, task_id, created_at
    from notifications
    where org_id = ${who.org}
      and (recipient_nip = ${who.nip} or (${who.hr} and recipient_role = 'hr'))
      and (transaction_id, notification_id) > (${after.transactionId}::xid8, ${after.notificationId})
      and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
    order by transaction_id, notification_id
    limit ${limit}`.execute(db);
  const items = rows.map((r) => ({
    id: `${r.transaction_id}-${r.notification_id}`,
    notificationId: Number(r.notification_id),
    kind: r.kind,
    taskId: r.task_id,
    createdAt: r.created_at.toISOString(),
  }));
  const last = rows.at(-1);
  return {
    items,
    position: last
      ? { transactionId: last.transaction_id, notificationId: Number(last.notification_id) }
      : after,
  };
}

/** Where a feed stands now: a page subscribes from here, so it is not woken by old news. */
export async function feedPositionNow(
  db: Kysely<Database>,
  who: { org: string; nip: string; hr: boolean },
): Promise<string> {
  let position = feedStart;
  for (;;) {
    const page = await readFeed(db, who, position, 1000);
    position = page.position;
    if (page.items.length < 1000) return `${position.transactionId}-${position.notificationId}`;
  }
}
