// The first-task benchmark, run small: it replays the appraisal workflow's first task (and nothing
// after it) as many times as asked, and refuses bad arguments (the real run is `npm run bench --
// first-task`).
import '../setup/quiet-temporal.ts';
import { describe, expect, it } from 'vitest';
import { benchFirstTask, firstTaskHistory, parseFirstTaskArgs } from '../../bench/first-task.ts';
import { UsageError } from '../../bench/launch.ts';

describe('bench first-task', () => {
  it('cuts the recorded year after the first task and the timer it started', () => {
    const types = (firstTaskHistory().events ?? []).map((e) => e.eventType);
    // Numeric enum values of temporal.api.enums.v1.EventType.
    expect(types).toEqual([1, 5, 6, 7, 17]); // started, task scheduled, started, completed, timer started
  });

  it('replays that task once per start and reports the CPU per start', async () => {
    const result = await benchFirstTask({ starts: 10 });
    expect(result).toMatchObject({ workflow: 'EmployeeAppraisalWorkflow', starts: 10, historyEvents: 5 });
    expect(result.cpuMsPerStart).toBeGreaterThan(0);
    expect(result.wallMsPerStart).toBeGreaterThan(0);
  }, 60_000);

  it('takes --starts, 1000 by default, and refuses anything else', () => {
    expect(parseFirstTaskArgs([])).toEqual({ starts: 1000 });
    expect(parseFirstTaskArgs(['--starts', '20'])).toEqual({ starts: 20 });
    for (const args of [
      ['--starts', '0'],
      ['--starts', '2.5'],
      ['--starts', 'x'],
      ['--employees', '5'],
    ])
      expect(() => parseFirstTaskArgs(args)).toThrow(UsageError);
  });
});
