// The soak benchmark, run tiny against the test run's Postgres and Temporal CLI: the inbox and task
// actions under load while a cycle launches, every figure reported and what it wrote verified (the real
// run is `npm run bench -- soak`).
import { availableParallelism } from 'node:os';
import { describe, expect, inject, it } from 'vitest';
import { UsageError } from '../../bench/launch.ts';
import { benchSoak, parseSoakArgs } from '../../bench/soak.ts';
import { minLoadWindowMs } from '../../bench/soak-capacity.ts';
import { executableFor } from '../support/temporal.ts';

describe('bench soak', () => {
  it('serves the inbox and acknowledgements of 20 users while 20 employees launch, with no error, each action one event', async () => {
    const result = await benchSoak({
      seconds: 15,
      employees: 20,
      rate: 40,
      databaseUrl: inject('databaseUrl'),
      temporalExecutable: executableFor(inject('temporalCliPath')),
    });
    expect(result.users).toBe(20);
    expect(result.errors).toBe(0);
    expect(result.inbox.requests).toBeGreaterThan(50);
    expect(result.inbox.p99Ms).toBeGreaterThanOrEqual(result.inbox.p50Ms);
    expect(result.actions.accepted).toBeGreaterThan(0);
    expect(result.actions.accepted).toBe(result.actions.requests);
    expect(result.verify).toMatchObject({
      ok: true,
      acknowledgedEvents: result.actions.accepted,
      findings: [],
    });
    // Each process's CPU while the load ran, per 1,000 requests: the API's, PostgreSQL's, the dev server's,
    // this process's (the worker) and the load generator's own, which runs apart from the worker.
    const cpu = result.cpuPer1000Requests;
    for (const figure of [cpu.apiSec, cpu.temporalSec, cpu.loadGeneratorSec])
      expect(figure).toBeGreaterThan(0);
    // The test run's PostgreSQL is not the benchmark's own: not counted rather than counted as nothing.
    expect(cpu.postgresSec).toBeNull();
    expect(cpu.benchProcessSec).toBeGreaterThanOrEqual(0);
    expect(result.launch.idlePerSec).toBeGreaterThan(0);
    expect(result.launch.busyPerSec).toBeGreaterThan(0);
    expect(result.launch.ratio).toBeCloseTo(result.launch.busyPerSec / result.launch.idlePerSec, 1);
    // The busy launch ran under the load and its clock stopped at its last write: a clock read only
    // once the load ended made every busy launch last the whole load (the ratio was capped by it).
    expect(result.launch.busyWithinLoad).toBe(true);
    expect(result.launch.busyMs).toBeLessThan(15_000);
    expect(result.launch.busyPerSec).toBe(Math.round((20 / result.launch.busyMs) * 1000));
    // What the machine gave each phase, read from /proc: the idle launch's cores, the load's alone, and the
    // two added against the machine's cores.
    const { capacity } = result;
    expect(capacity.cores).toBe(availableParallelism());
    expect(capacity.idleLaunchCores).toBeGreaterThan(0);
    expect(capacity.loadWindowMs).toBeGreaterThanOrEqual(minLoadWindowMs(15));
    expect(capacity.loadCores).toBeGreaterThan(0);
    expect(capacity.busyDemand).toBeCloseTo(
      ((capacity.idleLaunchCores ?? 0) + (capacity.loadCores ?? 0)) / capacity.cores,
      1,
    );
    expect(capacity.countsPostgres).toBe(false);
  }, 240_000);

  it('rejects bad arguments', () => {
    expect(parseSoakArgs([], {})).toEqual({ seconds: 120, employees: 2000 });
    expect(parseSoakArgs([], { SIKLUS_WORKFLOW_CACHE: '6200' })).toEqual({
      seconds: 120,
      employees: 2000,
      maxCachedWorkflows: 6200,
    });
    expect(() => parseSoakArgs([], { SIKLUS_WORKFLOW_CACHE: '1' })).toThrow(UsageError);
    expect(parseSoakArgs(['--seconds', '30', '--employees=500'], {})).toEqual({
      seconds: 30,
      employees: 500,
    });
    for (const args of [['--seconds', '0'], ['--employees', 'x'], ['--rate', '5'], ['y']])
      expect(() => parseSoakArgs(args)).toThrow(UsageError);
  });
});
