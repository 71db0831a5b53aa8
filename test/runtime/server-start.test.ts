// A Temporal server that misses the SDK's 5 s start window is started again, twice at most; any other
// start failure is thrown at once.
import { describe, expect, it } from 'vitest';
import { withStartRetries } from '../../runtime/server-start.ts';

const slowStart = new Error('ephemeral server at 127.0.0.1:1 did not start within 5s');

describe('withStartRetries', () => {
  it('tries a start that timed out again, and returns the first that works', async () => {
    let calls = 0;
    const server = await withStartRetries(async () => {
      calls++;
      if (calls < 3) throw slowStart;
      return 'running';
    });
    expect([server, calls]).toEqual(['running', 3]);
  });

  it('gives up after three slow starts', async () => {
    let calls = 0;
    const failing = withStartRetries(async () => {
      calls++;
      throw slowStart;
    });
    await expect(failing).rejects.toBe(slowStart);
    expect(calls).toBe(3);
  });

  it('does not retry any other failure', async () => {
    let calls = 0;
    const failing = withStartRetries(async () => {
      calls++;
      throw new Error('executable not found');
    });
    await expect(failing).rejects.toThrow('executable not found');
    expect(calls).toBe(1);
  });
});
