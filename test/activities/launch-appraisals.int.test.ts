// The launch activity across batches (25 employees, then 200 at a time), with real Postgres and a real
// Temporal server: every member is started once and marked; each heartbeat carries the cursor and totals
// of the last batch marked, so a retry from any heartbeat resumes without counting anyone twice; a
// second launch starts nobody; and each workflow's input carries its opening events as stored.
import { randomBytes } from 'node:crypto';
import { MockActivityEnvironment, type TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLaunchAppraisals,
  type LaunchInput,
  type LaunchResult,
} from '../../activities/launch-appraisals.ts';
import { toAppraisalCalendar } from '../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../../domain/cycle/calendar.ts';
import { eventSchemas } from '../../domain/event-registry.ts';
import { appraisalIdFor, appraisalStreamId, appraisalWorkflowId, cycleIdFor } from '../../domain/ids.ts';
import { readStream } from '../../record/store/index.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { generateOrganisation } from '../../simulation/organisation.ts';
import { seededRandom } from '../../simulation/random.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import type { AppraisalInput } from '../../workflows/appraisal-input.ts';
import { createTestDatabase } from '../support/database.ts';
import { startDevEnv } from '../support/temporal.ts';

type Heartbeat = Omit<LaunchResult, 'total'> & { cursor: string };

const n = 260; // batches of 25, 200 and 35
const org = generateOrganisation(seededRandom(11), 'batch', n, 3);
const nips = org.employees.map((e) => e.nip).sort();

describe('launch activity across batches', () => {
  let env: TestWorkflowEnvironment;
  let database: { url: string; drop(): Promise<void> };
  let db: Kysely<Database>;

  beforeAll(async () => {
    env = await startDevEnv();
    database = await createTestDatabase('batches');
    db = createDb(database.url);
    await migrateToLatest(db);
    await seedOrganisation(db, org.orgId, org.units, org.employees);
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
    await env?.teardown();
  });

  it('starts and marks everyone once, heartbeats in batch order, and resumes from any heartbeat', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const cycleId = cycleIdFor(org.orgId, year);
    // No worker polls this queue: the workflows are really started, and then wait.
    const launch = createLaunchAppraisals({
      db,
      temporal: () => env.client,
      taskQueue: `idle-${randomBytes(4).toString('hex')}`,
    });
    const input: LaunchInput = {
      cycleId,
      orgId: org.orgId,
      calendar: toAppraisalCalendar(buildCalendar(year, new Date().toISOString())),
      population: {},
      launchedBy: org.head.nip,
      launchedAt: new Date().toISOString(),
    };
    const run = async (heartbeatDetails?: Heartbeat) => {
      const activity = new MockActivityEnvironment(heartbeatDetails ? { heartbeatDetails } : {});
      const heartbeats: Heartbeat[] = [];
      activity.on('heartbeat', (details: Heartbeat) => heartbeats.push(details));
      return { result: await activity.run(launch, input), heartbeats };
    };

    const first = await run();
    expect(first.result).toEqual({ launched: n, alreadyRunning: 0, total: n });
    // Every heartbeat counts exactly the members up to its cursor, and cursors only move forward.
    const upTo = (cursor: string) => nips.filter((nip) => nip <= cursor).length;
    for (const beat of first.heartbeats) {
      expect(beat.launched + beat.alreadyRunning).toBe(upTo(beat.cursor));
    }
    const cursors = [...new Set(first.heartbeats.map((beat) => beat.cursor))];
    expect(cursors).toEqual([...cursors].sort());
    expect(cursors.filter(Boolean).map(upTo)).toEqual([25, 225, 260]);

    const members = await db
      .selectFrom('cycle_members')
      .select(['nip', 'started_at'])
      .where('cycle_id', '=', cycleId)
      .execute();
    expect(members.map((m) => m.nip).sort()).toEqual(nips);
    expect(members.every((m) => m.started_at !== null)).toBe(true);
    // Described one by one (visibility counts lag): each runs, and its run id says which start it was.
    const runIds = async () =>
      Promise.all(
        nips.map(async (nip) => {
          const workflowId = appraisalWorkflowId(appraisalIdFor(cycleId, nip));
          const { status, runId } = await env.client.workflow.getHandle(workflowId).describe();
          expect(status.name).toBe('RUNNING');
          return runId;
        }),
      );
    const runs = await runIds();
    expect(new Set(runs).size).toBe(n);

    // A retry from the heartbeat after the second batch: the third is redone, counted once.
    const mid = first.heartbeats.find((beat) => upTo(beat.cursor) === 225);
    expect(mid).toBeDefined();
    const resumed = await run(mid);
    expect(resumed.result).toEqual({ launched: 225, alreadyRunning: 35, total: n });

    // A second launch from the start: everyone is running already, nobody is started again.
    const again = await run();
    expect(again.result).toEqual({ launched: 0, alreadyRunning: n, total: n });
    expect(await runIds()).toEqual(runs);
  }, 120_000);

  it('hands each workflow its opening events as they were stored', async () => {
    const year = new Date().getUTCFullYear() + 2;
    const cycleId = cycleIdFor(org.orgId, year);
    const launch = createLaunchAppraisals({
      db,
      temporal: () => env.client,
      taskQueue: `idle-${randomBytes(4).toString('hex')}`,
    });
    const few = nips.slice(0, 3);
    const launched = await new MockActivityEnvironment().run(launch, {
      cycleId,
      orgId: org.orgId,
      calendar: toAppraisalCalendar(buildCalendar(year, `${year}-01-01T00:00:00.000Z`)),
      population: {},
      launchedBy: org.head.nip,
      launchedAt: new Date().toISOString(),
      nips: few,
    });
    expect(launched).toMatchObject({ launched: 3, alreadyRunning: 0 });
    for (const nip of few) {
      const appraisalId = appraisalIdFor(cycleId, nip);
      const history = await env.client.workflow.getHandle(appraisalWorkflowId(appraisalId)).fetchHistory();
      const [payload] = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
      const input = JSON.parse(Buffer.from(payload?.data ?? []).toString('utf8')) as AppraisalInput;
      const stored = await readStream(db, eventSchemas, appraisalStreamId(appraisalId));
      expect(stored.events.map((e) => e.type)).toEqual([
        'appraisal.started',
        'appraisal.stepEntered',
        'task.assigned',
      ]);
      expect(input.opened).toEqual({ events: stored.events.map(({ type, data }) => ({ type, data })) });
    }
  }, 120_000);
});
