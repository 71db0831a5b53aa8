// Read models of the cycle, updated in the same transaction as the events they come from: cycles and
// their members (launch progress), appraisals (state folded by the domain's evolve), open tasks (the
// inbox) with a notification per task, progress per unit and step, and predikat per unit.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cycles')
    .addColumn('cycle_id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('calendar', 'jsonb', (c) => c.notNull())
    .addColumn('population', 'jsonb', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('launched', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('cycle_members')
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('nip', 'text', (c) => c.notNull())
    .addColumn('appraisal_id', 'text', (c) => c.notNull().unique())
    .addColumn('workflow_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('launched_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Set once the member's workflow is known to run: launch progress, and what a retry resumes from.
    .addColumn('started_at', 'timestamptz')
    .addPrimaryKeyConstraint('cycle_members_pk', ['cycle_id', 'nip'])
    .execute();
  await db.schema
    .createTable('unit_calibration')
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('unit_predikat', 'text')
    .addColumn('ok', 'boolean')
    .addColumn('violations', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('released_at', 'timestamptz')
    .addPrimaryKeyConstraint('unit_calibration_pk', ['cycle_id', 'unit_code'])
    .execute();
  await db.schema
    .createTable('appraisals')
    .addColumn('appraisal_id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('nip', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('supervisor_nip', 'text')
    .addColumn('superior_nip', 'text')
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('deadline', 'timestamptz')
    .addColumn('predikat', 'text')
    .addColumn('released_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appraisals_cycle_unit')
    .on('appraisals')
    .columns(['cycle_id', 'unit_code'])
    .execute();
  await db.schema
    .createIndex('appraisals_supervisor')
    .on('appraisals')
    .columns(['org_id', 'supervisor_nip'])
    .execute();
  await db.schema
    .createTable('tasks')
    .addColumn('task_id', 'text', (c) => c.primaryKey())
    .addColumn('appraisal_id', 'text', (c) => c.notNull())
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('assignee_nip', 'text')
    .addColumn('assignee_role', 'text', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'completed', 'expired', 'cancelled')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('reminded_at', 'timestamptz')
    .execute();
  // The inbox: a person's open tasks by due date.
  await db.schema
    .createIndex('tasks_inbox')
    .on('tasks')
    .columns(['org_id', 'assignee_nip', 'due_at', 'task_id'])
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .createTable('notifications')
    .addColumn('notification_id', 'bigserial', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('recipient_nip', 'text')
    .addColumn('recipient_role', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('assigned', 'reminder', 'escalation')`))
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    // Readers of the live feed page by (transaction_id, notification_id) below the oldest open
    // transaction, so a notification committed late is never skipped (as the event log's readers do).
    .addColumn('transaction_id', sql`xid8`, (c) => c.notNull().defaultTo(sql`pg_current_xact_id()`))
    .addColumn('email_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`email_status in ('pending', 'retry', 'sent', 'failed', 'skipped')`),
    )
    .addColumn('email_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('email_sent_at', 'timestamptz')
    .addColumn('email_error', 'text')
    .addUniqueConstraint('notifications_event_task', ['event_id', 'task_id'])
    .execute();
  await db.schema
    .createIndex('notifications_recipient')
    .on('notifications')
    .columns(['org_id', 'recipient_nip', 'notification_id'])
    .execute();
  await db.schema
    .createIndex('notifications_email_due')
    .on('notifications')
    .columns(['email_next_attempt_at'])
    .where(sql.ref('email_status'), 'in', sql`('pending', 'retry')`)
    .execute();
  // Tell listeners (the API's live feed) at commit; the payload only says whom to wake.
  await sql`create function notify_notification() returns trigger language plpgsql as $$
    begin
      perform pg_notify('siklus_notifications', json_build_object('org', new.org_id, 'nip', new.recipient_nip, 'role', new.recipient_role)::text);
      return new;
    end $$`.execute(db);
  await sql`create trigger notifications_notify after insert on notifications for each row execute function notify_notification()`.execute(
    db,
  );
  // Daily activity reports (laporan aktivitas harian), visible to the employee and the supervisor.
  await db.schema
    .createTable('activity_reports')
    .addColumn('appraisal_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('nip', 'text', (c) => c.notNull())
    .addColumn('supervisor_nip', 'text')
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_reports_pk', ['appraisal_id', 'report_id'])
    .execute();
  await db.schema
    .createIndex('activity_reports_supervisor')
    .on('activity_reports')
    .columns(['org_id', 'supervisor_nip', 'date'])
    .execute();
  await db.schema
    .createTable('cycle_progress')
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addPrimaryKeyConstraint('cycle_progress_pk', ['cycle_id', 'unit_code', 'step'])
    .execute();
  await db.schema
    .createTable('unit_distribution')
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('predikat', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addPrimaryKeyConstraint('unit_distribution_pk', ['cycle_id', 'unit_code', 'predikat'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists notify_notification() cascade`.execute(db);
  for (const table of [
    'unit_distribution',
    'cycle_progress',
    'notifications',
    'tasks',
    'appraisals',
    'unit_calibration',
    'cycle_members',
    'cycles',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
