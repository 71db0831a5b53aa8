// Settings read from the environment: a bad value is refused with the setting's name, never guessed at.
import { describe, expect, it } from 'vitest';
import { workflowCacheFromEnv } from '../../runtime/config.ts';

describe('SIKLUS_WORKFLOW_CACHE', () => {
  it("is the SDK's figure when unset or empty, else the whole number given", () => {
    expect(workflowCacheFromEnv({})).toBeUndefined();
    expect(workflowCacheFromEnv({ SIKLUS_WORKFLOW_CACHE: '' })).toBeUndefined();
    expect(workflowCacheFromEnv({ SIKLUS_WORKFLOW_CACHE: '6200' })).toBe(6200);
    expect(workflowCacheFromEnv({ SIKLUS_WORKFLOW_CACHE: '2' })).toBe(2);
  });

  it('refuses what is not a whole number of workflows from 2', () => {
    for (const raw of ['1', '0', '-5', '2.5', '1e4', 'lots', ' 100', '2000000'])
      expect(() => workflowCacheFromEnv({ SIKLUS_WORKFLOW_CACHE: raw })).toThrow(/SIKLUS_WORKFLOW_CACHE/);
  });
});
