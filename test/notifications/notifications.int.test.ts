// Notifications: an e-mail per task to a real SMTP server on loopback (Indonesian or English, the deadline
// on the wall clock of the organisation's zone, retried with backoff, a delivery status each), and the live feed over SSE that misses nothing across a reconnect.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import { type Kysely, sql } from 'kysely';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFromEnv } from '../../auth/config.ts';
import { loadDevKey, signDevToken } from '../../auth/dev-keys.ts';
import { startServer } from '../../bin/server.ts';
import {
  listenerApplicationName,
  listenForNotifications,
  type NotificationListener,
  type Wake,
} from '../../notifications/listener.ts';
import { deliverDueEmails } from '../../notifications/mailer.ts';
import type { Database } from '../../schema/database.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { assignTasks, startAppraisal } from '../support/appraisal-events.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';

const siti = '199001012015032001';
const john = '198505052010011002';

describe('notifications', () => {
  let database: MigratedDatabase;
  let db: Kysely<Database>;
  const received: Array<{ to: string; raw: string }> = [];
  let rejectNext = 0;
  let smtp: SMTPServer;
  let smtpPort = 0;

  beforeAll(async () => {
    database = await createMigratedDatabase('notify');
    db = database.db;
    await seedOrganisation(
      db,
      'bungo',
      ['U1'],
      [
        { nip: john, name: 'John Doe', unitCode: 'U1', supervisorNip: null },
        { nip: siti, name: 'Siti Aminah', unitCode: 'U1', supervisorNip: john },
      ],
    );
    await db.updateTable('employees').set({ language: 'en' }).where('nip', '=', john).execute();
    // An organisation in Papua: its people read deadlines in WIT.
    await db
      .updateTable('organisations')
      .set({ time_zone: 'Asia/Jayapura' })
      .where('id', '=', 'bungo')
      .execute();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(_address, _session, callback) {
        if (rejectNext > 0) {
          rejectNext--;
          return callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
        }
        callback();
      },
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await database?.close();
  });

  it('mails each task in the person’s language, retries a refused delivery, and records the status', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    const sitiAppraisal = await startAppraisal(db, 'bungo', siti, john);
    await assignTasks(db, sitiAppraisal, 1, siti, 1);
    const johnAppraisal = await startAppraisal(db, 'bungo', john, null);
    await assignTasks(db, johnAppraisal, 1, john, 1);

    rejectNext = 1;
    const first = await deliverDueEmails(db, transport, { from: 'siklus@bungo.go.id', backoffMs: 60_000 });
    expect(first).toEqual({ sent: 1, retried: 1, failed: 0, skipped: 0 });
    const retrying = await db
      .selectFrom('notifications')
      .select(['email_status', 'email_attempts', 'email_next_attempt_at', 'email_error'])
      .where('email_status', '=', 'retry')
      .executeTakeFirstOrThrow();
    expect(retrying.email_attempts).toBe(1);
    expect(retrying.email_next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(retrying.email_error).toMatch(/busy/);
    // Not due yet: nothing happens until the backoff has passed.
    expect(await deliverDueEmails(db, transport, { from: 'siklus@bungo.go.id' })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
      skipped: 0,
    });
    await db
      .updateTable('notifications')
      .set({ email_next_attempt_at: new Date() })
      .where('email_status', '=', 'retry')
      .execute();
    expect(await deliverDueEmails(db, transport, { from: 'siklus@bungo.go.id' })).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
      skipped: 0,
    });

    const statuses = await db
      .selectFrom('notifications')
      .select(['recipient_nip', 'email_status'])
      .orderBy('notification_id')
      .execute();
    expect(statuses).toEqual([
      { recipient_nip: siti, email_status: 'sent' },
      { recipient_nip: john, email_status: 'sent' },
    ]);
    const toSiti = received.find((m) => m.to === `${siti}@example.test`);
    const toJohn = received.find((m) => m.to === `${john}@example.test`);
    // The task is named as the inbox names it.
    expect(toSiti?.raw).toMatch(/Subject: Tugas baru: Isi realisasi triwulan/);
    expect(toJohn?.raw).toMatch(/Subject: New task: Report the quarter's realisation/);
    // The deadline in WIT (UTC+9), with the zone: Indonesian writes the time with a dot.
    const { due_at } = await db
      .selectFrom('tasks')
      .select('due_at')
      .where('assignee_nip', '=', siti)
      .executeTakeFirstOrThrow();
    const witHour = String((due_at!.getUTCHours() + 9) % 24).padStart(2, '0');
    const minute = String(due_at!.getUTCMinutes()).padStart(2, '0');
    expect(toSiti?.raw).toMatch(
      new RegExp(`Batas waktu: \\d{1,2} \\w{3} \\d{4} ${witHour}\\.${minute} WIT\\.`),
    );
    expect(toJohn?.raw).toMatch(new RegExp(`Due: \\d{1,2} \\w{3} \\d{4} ${witHour}:${minute} WIT\\.`));
    transport.close();
  });

  it('streams notifications over SSE, and a reconnect with Last-Event-ID misses nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'siklus-sse-'));
    const identity = await identityFromEnv(dataDir, { SIKLUS_DEV_AUTH: '1' });
    const token = await signDevToken(await loadDevKey(dataDir), {
      org: 'bungo',
      nip: siti,
      roles: ['employee'],
    });
    const listener: NotificationListener = await listenForNotifications(database.url);
    const api = await startServer(
      { db, temporal: new Client(), taskQueue: 'unused', identity, listener },
      { port: 0 },
    );
    const appraisalId = `bungo.2027.${siti}`;
    const already = (
      await db
        .selectFrom('notifications')
        .select('notification_id')
        .where('recipient_nip', '=', siti)
        .execute()
    ).length;
    try {
      const first = await openFeed(`${api.url}/v1/orgs/bungo/me/events`, token);
      const initial = await first.next(already);
      let version = await assignTasks(db, appraisalId, 2, siti, 2);
      const live = await first.next(2);
      first.close();
      expect(live.map((e) => e.data.taskId)).toEqual([
        `${appraisalId}:submitCheckIn:2`,
        `${appraisalId}:submitCheckIn:3`,
      ]);
      // While disconnected, two more arrive; the reconnect gets exactly those.
      version = await assignTasks(db, appraisalId, version, siti, 2);
      const second = await openFeed(`${api.url}/v1/orgs/bungo/me/events`, token, live.at(-1)?.id);
      const resumed = await second.next(2);
      second.close();
      expect(resumed.map((e) => e.data.taskId)).toEqual([
        `${appraisalId}:submitCheckIn:4`,
        `${appraisalId}:submitCheckIn:5`,
      ]);
      expect(new Set([...initial, ...live, ...resumed].map((e) => e.id)).size).toBe(already + 4);
    } finally {
      await api.close();
      await listener.close();
    }
  });
  it('listens again after its connection is lost, and wakes every feed when it does', async () => {
    const listener = await listenForNotifications(database.url);
    const heard: Array<Parameters<Wake>[0]> = [];
    listener.subscribe((payload) => heard.push(payload));
    const payload = JSON.stringify({ org: 'bungo', nip: siti, role: 'employee' });
    const notify = () => sql`select pg_notify('siklus_notifications', ${payload})`.execute(db);
    const until = async (done: () => boolean, what: string) => {
      for (let i = 0; i < 150 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
      expect(done(), what).toBe(true);
    };
    try {
      await notify();
      await until(() => heard.length === 1, 'the first notification');
      // As when PostgreSQL restarts: the server ends the listening backend.
      const { rows } = await sql<{ ended: boolean }>`select pg_terminate_backend(pid) as ended
        from pg_stat_activity
        where application_name = ${listenerApplicationName} and datname = current_database()`.execute(db);
      expect(rows.map((r) => r.ended)).toEqual([true]);
      await until(() => heard.some((p) => p.reconnected), 'the listener to listen again and wake the feeds');
      const before = heard.length;
      await notify();
      await until(() => heard.length === before + 1, 'a notification after the reconnect');
      expect(heard.at(-1)).toEqual({ org: 'bungo', nip: siti, role: 'employee' });
    } finally {
      await listener.close();
    }
  });
});

async function openFeed(url: string, token: string, lastEventId?: string) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queue: Array<{ id: string; data: { taskId: string } }> = [];
  return {
    async next(count: number, timeoutMs = 15_000) {
      const end = Date.now() + timeoutMs;
      while (queue.filter(Boolean).length < count) {
        if (Date.now() > end) throw new Error(`only ${queue.length} of ${count} events arrived`);
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const fields = Object.fromEntries(
            block.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
          );
          if (fields.event === 'notification' && fields.id && fields.data)
            queue.push({ id: fields.id, data: JSON.parse(fields.data) });
          cut = buffer.indexOf('\n\n');
        }
      }
      return queue.splice(0, count);
    },
    close: () => controller.abort(),
  };
}
