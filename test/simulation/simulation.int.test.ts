// `simulate` with 260 employees, so the launch takes three batches (25, 200, 35): a whole year on the
// time-skipping server; every appraisal finishes, the event log and the projections tell the same story,
// and the audit verifies the year (an order defect of the log hid above 225 employees).
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predikatCounts, stepCounts, type UnitCount } from '../../record/projections/unit-counts.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { runSimulation, type SimulationSummary } from '../../simulation/run-simulation.ts';
import { createTestDatabase } from '../support/database.ts';
import { startTimeSkippingEnv } from '../support/temporal.ts';

describe('simulate: a year for 260 employees', () => {
  let env: TestWorkflowEnvironment;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Kysely<Database>;
  let summary: SimulationSummary;
  const closing: Array<[number, number]> = [];

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    database = await createTestDatabase('simulate');
    db = createDb(database.url);
    await migrateToLatest(db);
    summary = await runSimulation(env, db, {
      employees: 260,
      units: 10,
      seed: 7,
      onProgress: (phase, done, total) => {
        if (phase === 'closing') closing.push([done, total]);
      },
    });
  }, 600_000);

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
    await env?.teardown();
  });

  const eventCount = async (type: string) =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from events where type = ${type}`.execute(db)).rows[0]
        ?.n,
    );
  const rows = async (query: string) =>
    (await sql.raw<{ n: string }>(query).execute(db)).rows.map((r) => Number(r.n));

  it('waits for every workflow to return before it verifies, reporting it as the closing phase', () => {
    expect(closing).toHaveLength(260);
    expect(closing.at(-1)).toEqual([260, 260]);
  });

  it('finishes every appraisal: completed or cancelled', () => {
    expect(summary.employees).toBe(260);
    expect(summary.completed + summary.cancelled).toBe(260);
    expect(summary.completed).toBeGreaterThan(247);
    // No appraisal completes without a predikat: a missed akhir rating went to the superior, then HR.
    expect(Object.values(summary.predikatCounts).reduce((a, b) => a + b, 0)).toBe(summary.completed);
  });

  it('evaluates every period, escalating the ratings raters let pass', async () => {
    expect(Object.keys(summary.periodic)).toEqual(['TW1', 'TW2', 'TW3', 'TW4']);
    for (const [period, counts] of Object.entries(summary.periodic)) {
      const rated = Object.values(counts).reduce((a, b) => a + b, 0);
      const [missed] = await rows(
        `select count(*) as n from events where type = 'period.missed' and data->>'period' = '${period}' and (data->>'rating')::boolean`,
      );
      const [opened] = await rows(
        `select count(*) as n from events where type = 'period.opened' and data->>'period' = '${period}'`,
      );
      expect(rated + (missed ?? 0), period).toBe(opened);
    }
    expect(summary.escalatedRatings).toBeGreaterThan(0);
    const [byEvents] = await rows(
      `select count(*) as n from events where type in ('period.escalated', 'rating.escalated') and data->>'to' = 'superior'`,
    );
    expect(summary.escalatedRatings).toBe(byEvents);
    const [bySuperiorOrHr] = await rows(
      `select count(*) as n from events where type = 'period.rated' and data->>'as' <> 'rater'`,
    );
    expect(bySuperiorOrHr).toBeGreaterThan(0);
  });

  it('has one appraisal row per appraisal.started event, at the stream version', async () => {
    expect(await eventCount('appraisal.started')).toBe(260);
    const [mismatched] = await rows(
      `select count(*) as n from appraisals a join streams s on s.stream_id = 'appraisal-' || a.appraisal_id where s.version <> a.version`,
    );
    expect(mismatched).toBe(0);
    const [total] = await rows('select sum(version) as n from streams');
    expect(total).toBe(summary.events);
  });

  it("passes the full audit verification, with positions that follow every stream's versions", async () => {
    expect(summary.verify).toEqual({ ok: true, findings: [] });
    const [misordered] = await rows(`select count(*) as n from (
      select global_position, lag(global_position) over (partition by stream_id order by stream_version) as previous
      from events) e where previous > global_position`);
    expect(misordered).toBe(0);
  });

  it('has the inbox agree with the task events', async () => {
    const [assigned] = await rows(
      `select count(distinct data->>'taskId') as n from events where type = 'task.assigned'`,
    );
    const [tasks] = await rows('select count(*) as n from tasks');
    expect(tasks).toBe(assigned);
    for (const [type, status] of [
      ['task.completed', 'completed'],
      ['task.expired', 'expired'],
      ['task.cancelled', 'cancelled'],
    ] as const) {
      const [byStatus] = await rows(`select count(*) as n from tasks where status = '${status}'`);
      expect(byStatus, status).toBe(await eventCount(type));
    }
    const open = await db.selectFrom('tasks').select(['kind', 'step']).where('status', '=', 'open').execute();
    expect(open).toEqual([]);
  });

  it('counts objections, referrals and recognitions the same in events and projections', async () => {
    expect(summary.objections).toBe(await eventCount('objection.filed'));
    expect(summary.objections).toBeGreaterThan(0);
    const [referrals] = await rows(
      `select count(*) as n from appraisals where state->'referral' <> 'null'::jsonb`,
    );
    expect(referrals).toBe(summary.trainingReferrals);
    expect(summary.trainingReferrals).toBeGreaterThan(0);
    const [recognised] = await rows(
      `select count(*) as n from appraisals where (state->>'recognised')::boolean`,
    );
    expect(recognised).toBe(await eventCount('recognition.recorded'));
  });

  it('counts per-unit progress and distribution as the summary has them', async () => {
    const sum = (rows: UnitCount[]) => {
      const totals: Record<string, number> = {};
      for (const r of rows) totals[r.bucket] = (totals[r.bucket] ?? 0) + r.count;
      return totals;
    };
    expect(sum(await stepCounts(db, summary.cycleId))).toEqual({ completed: summary.completed });
    expect(sum(await predikatCounts(db, summary.cycleId))).toEqual(summary.predikatCounts);
  });
});
