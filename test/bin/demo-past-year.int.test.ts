// The demo's finished previous year, run for real for the smallest demo organisation (Asemrowo, 17
// people) on the past-time test server against a real database: closed, every appraisal finished, an
// objection and referrals in it, its events dated in that year, and the audit verifies it; its workflow
// histories, archived before that server stopped, replay from the archive.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCycleHistories, replayCycleHistories } from '../../audit/histories.ts';
import { verifyCycle } from '../../audit/verify-cycle.ts';
import { type PastYearOutcome, runDemoPastYear } from '../../bin/demo-past-year.ts';
import { seedDemoStandards } from '../../bin/demo-standards.ts';
import { seedDemoOrganisations } from '../../demo/seed.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';
import { startDevEnv } from '../support/temporal.ts';

const today = new Date('2026-11-27T03:00:00Z');

describe('demo: the previous year, finished', () => {
  let outcome: PastYearOutcome;
  const live = {} as MigratedDatabase;
  beforeAll(async () => {
    Object.assign(live, await createMigratedDatabase('demo_past_year'));
    await seedDemoStandards(live.db, await seedDemoOrganisations(live.db));
    outcome = await runDemoPastYear(live.db, 'asemrowo', { today });
  }, 600_000);
  afterAll(async () => {
    await live.close?.();
  });

  it('runs 2025 (the year whose follow-up ended before today) and closes its cycle', async () => {
    expect(outcome).toMatchObject({ org: 'asemrowo', year: 2025, cycleId: 'asemrowo.2025', ran: true });
    const cycle = await live.db
      .selectFrom('cycles')
      .select(['status', 'closed_at'])
      .where('cycle_id', '=', 'asemrowo.2025')
      .executeTakeFirstOrThrow();
    expect(cycle.status).toBe('closed');
    expect(cycle.closed_at?.toISOString().slice(0, 4)).toBe('2026');
  });

  it('finishes every appraisal: completed with a predikat, or cancelled', async () => {
    const rows = await live.db
      .selectFrom('appraisals')
      .select(['step', 'predikat'])
      .where('cycle_id', '=', 'asemrowo.2025')
      .execute();
    expect(rows).toHaveLength(17);
    for (const row of rows) {
      expect(['completed', 'cancelled']).toContain(row.step);
      if (row.step === 'completed') expect(row.predikat).not.toBeNull();
    }
    expect(rows.filter((r) => r.step === 'completed').length).toBeGreaterThan(12);
  });

  it('holds an objection, decided, and a training referral', async () => {
    const counts = await sql<{ type: string; n: string }>`
      select type, count(*) as n from events
      where type in ('objection.filed', 'objection.decided', 'referral.created') group by type`.execute(
      live.db,
    );
    const count = (type: string) => Number(counts.rows.find((r) => r.type === type)?.n ?? 0);
    expect(count('objection.filed')).toBeGreaterThanOrEqual(1);
    expect(count('objection.decided')).toBe(count('objection.filed'));
    expect(count('referral.created')).toBeGreaterThanOrEqual(1);
  });

  it("dates the year's events in that year, as the workflows saw the time", async () => {
    // Everything of the cycle's and appraisals' streams: the launch in December 2024 to the follow-up's end.
    const range = await sql<{ first: string; last: string; n: string; undated: string }>`
      select min(data->>'at') as first, max(data->>'at') as last, count(*) as n,
             count(*) filter (where not data ? 'at') as undated
      from events where metadata->>'workflowId' like ${'%asemrowo.2025%'}`.execute(live.db);
    const row = range.rows[0];
    expect(Number(row?.n)).toBeGreaterThan(300);
    expect(Number(row?.undated)).toBe(0);
    expect(row?.first.slice(0, 7)).toBe('2024-12');
    expect(Date.parse(row?.last ?? '')).toBeLessThan(Date.parse('2026-07-01T00:00:00Z'));
    const periods = await sql<{ at: string }>`
      select data->>'at' as at from events where type = 'period.rated'`.execute(live.db);
    expect(periods.rows.length).toBeGreaterThan(0);
    for (const { at } of periods.rows)
      expect(at.slice(0, 4) === '2025' || at.startsWith('2026-01')).toBe(true);
  });

  it('is verified by the audit (chains, schemas, projections, seals) and issued its documents', async () => {
    const verdict = await verifyCycle(live.db, 'asemrowo.2025');
    expect(verdict.findings).toEqual([]);
    expect(verdict.ok).toBe(true);
    expect(outcome.ran && outcome.documents).toBeGreaterThan(17);
  });

  it("keeps the year's workflow histories, which replay from the archive once its server has stopped", async () => {
    expect(outcome.ran && outcome.histories).toMatchObject({ runs: 18, stored: 18 });
    // A server that never ran the year: every history comes from the archive.
    const server = await startDevEnv();
    try {
      const histories = await exportCycleHistories(server.client, 'asemrowo.2025', undefined, {
        db: live.db,
      });
      const outcomes = await replayCycleHistories(histories);
      expect(outcomes).toHaveLength(18);
      expect(outcomes.filter((o) => !o.ok)).toEqual([]);
      expect(new Set(outcomes.map((o) => o.source))).toEqual(new Set(['archive']));
    } finally {
      await server.teardown();
    }
  }, 300_000);

  it('is not run again on the next start', async () => {
    const before = await sql<{ n: string }>`select count(*) as n from events`.execute(live.db);
    expect(await runDemoPastYear(live.db, 'asemrowo', { today })).toMatchObject({
      ran: false,
      reason: 'already there',
    });
    const after = await sql<{ n: string }>`select count(*) as n from events`.execute(live.db);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
