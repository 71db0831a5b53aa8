// E-mail delivery of notifications through SMTP (nodemailer), with retry and exponential backoff and a
// delivery status per notification. Rows are claimed with SKIP LOCKED, so several mailers can run.
// Delivery is at least once: a crash between sending and recording may send a mail again.
import type { Kysely, Updateable } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import { defaultTimeZone } from '../domain/time/zones.ts';
import type { Database } from '../schema/database.ts';
import { sameOrg } from '../schema/same-org.ts';
import { emailText } from './email-text.ts';

export interface MailerOptions {
  from: string;
  batchSize?: number;
  maxAttempts?: number;
  /** First retry delay; doubles with each attempt, capped at an hour. */
  backoffMs?: number;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

export async function deliverDueEmails(
  db: Kysely<Database>,
  transport: Transporter,
  options: MailerOptions,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, skipped: 0 };
  const maxAttempts = options.maxAttempts ?? 5;
  const backoffMs = options.backoffMs ?? 30_000;
  await db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('notifications as n')
      .leftJoin('employees as e', (j) => sameOrg(j, 'e.nip', 'n.recipient_nip'))
      .leftJoin('tasks as t', 't.task_id', 'n.task_id')
      .leftJoin('organisations as o', 'o.id', 'n.org_id')
      .select([
        'n.notification_id',
        'n.kind',
        'n.email_attempts',
        'e.email',
        'e.name',
        'e.language',
        't.kind as task_kind',
        't.due_at',
        'o.time_zone',
      ])
      .where('n.email_status', 'in', ['pending', 'retry'])
      .where('n.email_next_attempt_at', '<=', new Date())
      .orderBy('n.notification_id')
      .limit(options.batchSize ?? 50)
      .forUpdate('n')
      .skipLocked()
      .execute();
    for (const n of due) {
      const record = (values: Updateable<Database['notifications']>) =>
        trx
          .updateTable('notifications')
          .set(values)
          .where('notification_id', '=', n.notification_id)
          .execute();
      if (!n.email || !n.name) {
        // A task for the HR pool, or a person without an address: the inbox carries it.
        await record({ email_status: 'skipped' });
        report.skipped++;
        continue;
      }
      const text = emailText({
        language: n.language === 'en' ? 'en' : 'id',
        name: n.name,
        kind: n.kind,
        taskKind: n.task_kind ?? '',
        dueAt: n.due_at ?? null,
        timeZone: n.time_zone ?? defaultTimeZone,
      });
      let sendError: unknown = null;
      try {
        await transport.sendMail({ from: options.from, to: n.email, subject: text.subject, text: text.body });
      } catch (error) {
        sendError = error;
      }
      if (sendError === null) {
        await record({
          email_status: 'sent',
          email_sent_at: new Date(),
          email_attempts: n.email_attempts + 1,
          email_error: null,
        });
        report.sent++;
      } else {
        const error = sendError;
        const attempts = n.email_attempts + 1;
        const failed = attempts >= maxAttempts;
        const delay = Math.min(3_600_000, backoffMs * 2 ** (attempts - 1));
        await record({
          email_status: failed ? 'failed' : 'retry',
          email_attempts: attempts,
          email_next_attempt_at: new Date(Date.now() + delay),
          email_error: error instanceof Error ? error.message.slice(0, 500) : String(error),
        });
        failed ? report.failed++ : report.retried++;
      }
    }
  });
  return report;
}

/** Polls for due e-mails until stopped. */
export function startMailer(
  db: Kysely<Database>,
  smtpUrl: string,
  options: MailerOptions & { intervalMs?: number },
) {
  const transport = nodemailer.createTransport(smtpUrl);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      const report = await deliverDueEmails(db, transport, options);
      if (!stopped)
        timer = setTimeout(
          tick,
          report.sent + report.retried + report.failed + report.skipped > 0
            ? 0
            : (options.intervalMs ?? 2_000),
        );
    } catch (error) {
      console.error('mailer:', error instanceof Error ? error.message : error);
      if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 2_000);
    }
  };
  timer = setTimeout(tick, 0);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      transport.close();
    },
  };
}
