// The chaos suite's short form, as CI runs it: a cycle of 200 employees launched and acted on through the
// API while the worker is SIGKILLed twice, the Temporal dev server killed once and PostgreSQL stopped
// twice (its own servers, real processes), every action sent twice; then a second cycle calibrated and
// released while the worker is killed a third time; all along a tenth of the recordEvents calls fail
// after their commit (injected) and are retried. Nothing may be lost, recorded twice, refused wrongly,
// left stuck or fail the audit.
import { describe, expect, it } from 'vitest';
import { runChaos } from '../../reliability/chaos/run-chaos.ts';

describe('npm run chaos, short form', () => {
  it('loses nothing and does nothing twice through worker, Temporal and PostgreSQL restarts', async () => {
    const figures = await runChaos({ employees: 200, seconds: 0 });
    const { afterCommit, ...restarts } = figures.faults;
    expect(restarts).toEqual({ worker: 3, temporal: 1, postgres: 2 });
    // Injected faults after commit happened (each retried), and nothing was recorded twice for them.
    expect(afterCommit).toBeGreaterThan(0);
    // Every unit of the drill released; the third kill fell before the last of them.
    expect(figures.calibration.units).toBeGreaterThan(1);
    expect(figures.calibration.releasedBeforeKill).toBeLessThan(figures.calibration.units);
    expect(figures.actions).toBe(200);
    expect(figures.duplicatesSent).toBe(200);
    expect(
      {
        lostEvents: figures.lostEvents,
        duplicatedEvents: figures.duplicatedEvents,
        projectionMismatches: figures.projectionMismatches,
        stuckWorkflows: figures.stuckWorkflows,
        wrongRefusals: figures.wrongRefusals,
        verify: figures.verify,
      },
      figures.findings.join('\n'),
    ).toEqual({
      lostEvents: 0,
      duplicatedEvents: 0,
      projectionMismatches: 0,
      stuckWorkflows: 0,
      wrongRefusals: 0,
      verify: true,
    });
    // The faults were felt: requests failed during them and were sent again.
    expect(figures.retries).toBeGreaterThan(0);
  }, 900_000);
});
