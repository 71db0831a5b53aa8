// The time-skipping test server with its clock starting at a chosen instant: the SDK's environment reads
// that instant and skips on from it; the server exits by itself once the process that owns it is gone.
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../runtime/free-port.ts';
import { resolvePastTimeServer, startPastTimeEnv } from '../../runtime/past-time-test-server.ts';
import { isAlive } from '../../runtime/processes.ts';

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('the past-time test server', () => {
  it('starts its clock at the instant given and skips forward from there', async () => {
    const env = await startPastTimeEnv(new Date('2024-12-02T01:00:00Z'));
    try {
      const start = await env.currentTimeMs();
      expect(start).toBeGreaterThanOrEqual(Date.parse('2024-12-02T01:00:00Z'));
      expect(start).toBeLessThan(Date.parse('2024-12-02T02:00:00Z'));
      await env.sleep(45 * 86_400_000);
      expect(new Date(await env.currentTimeMs()).toISOString().slice(0, 10)).toBe('2025-01-16');
    } finally {
      await env.teardown();
    }
  }, 120_000);

  it('exits once its owner process is gone (a killed npm start leaves no server behind)', async () => {
    const path = await resolvePastTimeServer();
    const owner = spawn('sleep', ['300'], { stdio: 'ignore' });
    const port = await freePort();
    const server = spawn(path, [String(port), String(Date.parse('2025-01-01')), String(owner.pid)], {
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 120 && !(await accepts(port)); i++) await delay(250);
      expect(await accepts(port)).toBe(true);
      // Still serving while its owner lives.
      await delay(1500);
      expect(isAlive(server.pid ?? 0)).toBe(true);
      owner.kill('SIGKILL');
      expect(await Promise.race([exited, delay(20_000).then(() => 'still running')])).toBe(0);
    } finally {
      owner.kill('SIGKILL');
      server.kill('SIGKILL');
    }
  }, 120_000);
});
