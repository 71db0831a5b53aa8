// The launch benchmark, run tiny against the test run's Postgres and Temporal CLI: it must launch and
// count every employee and report every figure (the real run is `npm run bench -- launch`).
import { spawnSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { benchLaunch, parseLaunchArgs, startConcurrency, UsageError } from '../../bench/launch.ts';
import { executableFor } from '../support/temporal.ts';

describe('bench launch', () => {
  it('launches 20 employees between two empty-workflow baseline loops in each of 3 rounds, and reports the median round', async () => {
    const result = await benchLaunch({
      employees: 20,
      databaseUrl: inject('databaseUrl'),
      temporalExecutable: executableFor(inject('temporalCliPath')),
      warmup: 3,
      rounds: 3,
    });
    expect(result.rounds).toHaveLength(3);
    const ratios = result.rounds.map((r) => r.ratio).sort((a, b) => a - b);
    expect(result.ratio).toBe(ratios[1]);
    const { before, after } = result.baseline;
    expect(result.rounds).toContainEqual({
      launchesPerSec: result.launch.launchesPerSec,
      baselinePerSec: [before.launchesPerSec, after.launchesPerSec],
      ratio: result.ratio,
    });
    // The baseline is both loops, the one before the launch and the one after it, together.
    expect(result.baseline.launchesPerSec).toBe(Math.round((40 * 1000) / (before.ms + after.ms)));
    expect(result.employees).toBe(20);
    expect(result.startConcurrency).toBe(startConcurrency);
    expect(result.launch.tasks).toBe(20);
    expect(result.launch.notifications).toBe(20);
    expect(result.launch.recordedMs).toBeGreaterThanOrEqual(result.launch.ms);
    for (const phase of [result.launch, before, after]) {
      expect(phase.workflowsRunAtStop).toBeGreaterThanOrEqual(0);
      expect(phase.workflowsRunAtStop).toBeLessThanOrEqual(20);
    }
    for (const perSec of [result.launch.launchesPerSec, before.launchesPerSec, after.launchesPerSec]) {
      expect(perSec).toBeGreaterThan(0);
    }
    expect(before.completedMs).toBeGreaterThanOrEqual(before.ms);
    expect(result.ratio).toBeCloseTo(result.launch.launchesPerSec / result.baseline.launchesPerSec, 1);
    expect(result.peakRssMb).toBeGreaterThanOrEqual(result.rssBeforeMb);
    expect(result.launch.cpuSec.workerProcess).toBeGreaterThan(0);
    expect(result.verify).toEqual({ ok: true, cycles: 3, findings: [] });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  }, 180_000);

  it('rejects bad arguments', () => {
    expect(parseLaunchArgs([])).toEqual({ employees: 2000 });
    expect(parseLaunchArgs(['--employees', '500'])).toEqual({ employees: 500 });
    expect(parseLaunchArgs(['--employees=7'])).toEqual({ employees: 7 });
    for (const args of [['--employees', '0'], ['--employees', '1.5'], ['--employees'], ['--fast'], ['x']]) {
      expect(() => parseLaunchArgs(args)).toThrow(UsageError);
    }
  });

  it('exits with code 2 and a message on bad arguments', () => {
    const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
    const main = new URL('../../bench/main.ts', import.meta.url).pathname;
    const result = spawnSync(tsx, [main, 'launch', '--employees', 'many'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--employees must be a whole number');
    expect(result.stdout).toBe('');
  });
});
