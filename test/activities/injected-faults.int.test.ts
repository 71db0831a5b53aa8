// The chaos suite's injected fault (activities/injected-faults.ts) on a real PostgreSQL: off without its
// variable (recordEvents never fails); when on, recordEvents fails after its commit and the retry, with the
// same event ids, finds them recorded and writes nothing twice. And the variable cannot be set by halves.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.ts';
import {
  faultAfterCommitVariable,
  injectedFaultMarker,
  injectedFaultsFromEnv,
} from '../../activities/injected-faults.ts';
import { createRecordEvents, type RecordEventsInput } from '../../activities/record-events.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';

let database: MigratedDatabase;

beforeAll(async () => {
  database = await createMigratedDatabase('injected_faults');
}, 60_000);

afterAll(async () => {
  await database?.close();
});

const launched = (streamId: string, expectedVersion: number): RecordEventsInput => ({
  streamId,
  expectedVersion,
  events: [
    {
      eventId: randomUUID(),
      type: 'cycle.launched',
      data: { launched: 1, alreadyRunning: 0, total: 1, at: '2027-01-04T00:00:00.000Z' },
      metadata: { actor: 'system:test', tenant: 'faults' },
    },
  ],
});

const countOf = async (streamId: string) =>
  Number(
    (
      await database.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('stream_id', '=', streamId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('injected faults after commit', () => {
  it('are off without the variable: nothing warned, every recordEvents answers', async () => {
    const warnings: string[] = [];
    const faults = injectedFaultsFromEnv({ DATABASE_URL: 'postgres://x' }, (line) => warnings.push(line));
    expect(faults.afterCommit).toBe(0);
    expect(warnings).toEqual([]);
    // Even a draw that would fail at any probability injects nothing.
    const recordEvents = createRecordEvents({ db: database.db, faults: { ...faults, random: () => 0 } });
    const stream = `cycle-faults-off-${randomUUID()}`;
    for (let version = 0; version < 20; version++)
      await expect(recordEvents(launched(stream, version))).resolves.toEqual({ version: version + 1 });
    expect(await countOf(stream)).toBe(20);
    expect(injectedFaultsFromEnv({ [faultAfterCommitVariable]: '' }).afterCommit).toBe(0);
  });

  it("are not read from the environment by the activities' factory (npm start's worker cannot inject)", async () => {
    const before = process.env[faultAfterCommitVariable];
    process.env[faultAfterCommitVariable] = '1';
    try {
      const { recordEvents } = createActivities({
        db: database.db,
        temporal: () => {
          throw new Error('no Temporal here');
        },
        taskQueue: 'faults',
      });
      const stream = `cycle-faults-start-${randomUUID()}`;
      for (let version = 0; version < 5; version++)
        await expect(recordEvents(launched(stream, version))).resolves.toEqual({ version: version + 1 });
    } finally {
      if (before === undefined) delete process.env[faultAfterCommitVariable];
      else process.env[faultAfterCommitVariable] = before;
    }
  });

  it('when on, fail after the commit, and the retry writes nothing twice', async () => {
    const warnings: string[] = [];
    const fromEnv = injectedFaultsFromEnv({ [faultAfterCommitVariable]: '1' }, (line) => warnings.push(line));
    expect(fromEnv.afterCommit).toBe(1);
    expect(warnings.join('\n')).toMatch(
      /WARNING: SIKLUS_CHAOS_FAULT_AFTER_COMMIT=1: activities FAIL ON PURPOSE/,
    );
    const injected: string[] = [];
    const failing = createRecordEvents({
      db: database.db,
      faults: { afterCommit: 1, onInjected: (what) => injected.push(what) },
    });
    const stream = `cycle-faults-on-${randomUUID()}`;
    const input = launched(stream, 0);
    await expect(failing(input)).rejects.toThrow(injectedFaultMarker);
    expect(injected).toEqual([`recordEvents ${stream} v1`]);
    // Committed although it failed; the retry (same ids, same expected version) finds it and adds nothing.
    expect(await countOf(stream)).toBe(1);
    const retry = createRecordEvents({ db: database.db });
    await expect(retry(input)).resolves.toEqual({ version: 1 });
    expect(await countOf(stream)).toBe(1);
  });

  it('at a probability, fail about that share of the calls', async () => {
    let draw = 0;
    // Draws 0.0, 0.1, ..., 0.9 in turn: at 0.3, three in ten fail.
    const recordEvents = createRecordEvents({
      db: database.db,
      faults: { afterCommit: 0.3, onInjected: () => {}, random: () => (draw++ % 10) / 10 },
    });
    const stream = `cycle-faults-share-${randomUUID()}`;
    let failed = 0;
    for (let version = 0; version < 10; version++)
      await recordEvents(launched(stream, version)).catch(() => failed++);
    expect(failed).toBe(3);
    expect(await countOf(stream)).toBe(10);
  });

  it('refuse a value that is not a probability', () => {
    for (const bad of ['0', '-0.1', '1.5', 'yes', 'NaN'])
      expect(() => injectedFaultsFromEnv({ [faultAfterCommitVariable]: bad }, () => {})).toThrow(
        /must be a probability in \(0, 1\]/,
      );
  });
});
