// The chaos suite's short form, as CI runs it: a cycle of 200 employees launched and acted on through the
// API while the worker is SIGKILLed twice, the Temporal dev server killed once and PostgreSQL stopped
// twice (its own servers, real processes), every action sent twice. Nothing may be lost, recorded twice,
// refused wrongly, left stuck or fail the audit.
import { describe, expect, it } from 'vitest';
import { runChaos } from '../../reliability/chaos/run-chaos.ts';

describe('npm run chaos, short form', () => {
  it('loses nothing and does nothing twice through worker, Temporal and PostgreSQL restarts', async () => {
    const figures = await runChaos({ employees: 200, seconds: 0 });
    expect(figures.faults).toEqual({ worker: 2, temporal: 1, postgres: 2 });
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
