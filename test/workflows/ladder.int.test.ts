// The provisioning ladders' decisions (runtime/temporal-cli.ts, runtime/test-server.ts) in throwaway
// caches and PATHs, plus the one real build that is quick: the test server's Maven classpath wrapper,
// which must accept connections within the 5 s the SDK allows.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../runtime/free-port.ts';
import { cachedTemporalCliPath, resolveTemporalCli, temporalCliVersion } from '../../runtime/temporal-cli.ts';
import { provisionOnce } from '../../runtime/temporal-provisioning.ts';
import {
  cachedTestServerPath,
  resolveTestServer,
  testServerPom,
  testServerVersion,
} from '../../runtime/test-server.ts';
import { launcherClass, launcherSource, launcherSourceFile } from '../../runtime/test-server-launcher.ts';

const scratch = mkdtempSync(join(tmpdir(), 'siklus-ladder-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let scratchCount = 0;
function freshDir(): string {
  scratchCount += 1;
  const dir = join(scratch, String(scratchCount));
  mkdirSync(dir, { recursive: true });
  return dir;
}

function writeScript(path: string, mode = 0o755): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, mode);
  return path;
}

const offline = async () => false;
const online = async () => true;

describe('Temporal CLI ladder', () => {
  it('rejects a TEMPORAL_CLI that does not exist, with a clear message', async () => {
    const missing = join(freshDir(), 'no-such-temporal');
    await expect(resolveTemporalCli({ env: { TEMPORAL_CLI: missing, PATH: '' } })).rejects.toThrow(
      `TEMPORAL_CLI is set to "${missing}", but that is not an executable file`,
    );
  });

  it('rejects a TEMPORAL_CLI that is not executable', async () => {
    const notExecutable = writeScript(join(freshDir(), 'temporal'), 0o644);
    await expect(resolveTemporalCli({ env: { TEMPORAL_CLI: notExecutable } })).rejects.toThrow(
      'not an executable file',
    );
  });

  it('takes TEMPORAL_CLI before a `temporal` on PATH', async () => {
    const real = inject('temporalCliPath');
    const binDir = freshDir();
    writeScript(join(binDir, 'temporal'));
    expect(await resolveTemporalCli({ env: { TEMPORAL_CLI: real, PATH: binDir } })).toEqual({
      type: 'existing-path',
      path: real,
    });
  });

  it('takes `temporal` on PATH before the cache', async () => {
    const binDir = freshDir();
    const onPath = writeScript(join(binDir, 'temporal'));
    const cacheRoot = freshDir();
    writeScript(cachedTemporalCliPath(cacheRoot));
    expect(await resolveTemporalCli({ env: { PATH: binDir }, cacheRoot })).toEqual({
      type: 'existing-path',
      path: onPath,
    });
  });

  it('takes the cached build when nothing else is set', async () => {
    const cacheRoot = freshDir();
    const cached = writeScript(join(cacheRoot, `temporal-${temporalCliVersion}`, 'temporal'));
    expect(await resolveTemporalCli({ env: { PATH: freshDir() }, cacheRoot })).toEqual({
      type: 'existing-path',
      path: cached,
    });
  });

  it('without go but with internet, leaves it to the SDK download', async () => {
    const result = await resolveTemporalCli({
      env: { PATH: freshDir() },
      cacheRoot: freshDir(),
      internetReachable: online,
    });
    expect(result).toEqual({ type: 'cached-download' });
  });

  it('without go or internet, throws one error naming all three ways out', async () => {
    const attempt = resolveTemporalCli({
      env: { PATH: freshDir() },
      cacheRoot: freshDir(),
      internetReachable: offline,
    });
    await expect(attempt).rejects.toThrow(/set TEMPORAL_CLI/);
    await expect(attempt).rejects.toThrow(/install Go/);
    await expect(attempt).rejects.toThrow(/internet access to temporal\.download/);
    await expect(attempt).rejects.toThrow(/go was not found on PATH/);
  });
});

describe('provisionOnce', () => {
  it('builds once when two callers race, and clears leftovers of killed builds', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, '.build-killed'));
    const target = join(dir, 'artifact');
    let builds = 0;
    const build = async () => {
      builds += 1;
      await delay(200);
      writeFileSync(target, 'done');
    };
    const ready = () => existsSync(target);
    await Promise.all([
      provisionOnce(dir, ready, build, () => {}),
      provisionOnce(dir, ready, build, () => {}),
    ]);
    expect(builds).toBe(1);
    expect(existsSync(join(dir, '.build-killed'))).toBe(false);
    expect(existsSync(join(dir, '.lock'))).toBe(false);
  });

  it('takes over a lock whose process is gone', async () => {
    const dir = freshDir();
    const child = spawn('true');
    const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid ?? 0)));
    writeFileSync(join(dir, '.lock'), `${deadPid}\n`);
    const target = join(dir, 'artifact');
    await provisionOnce(
      dir,
      () => existsSync(target),
      async () => writeFileSync(target, 'done'),
      () => {},
    );
    expect(readFileSync(target, 'utf8')).toBe('done');
  });
});

/** Milliseconds until something accepts TCP connections on the port, or Infinity after `limitMs`. */
async function msUntilListening(port: number, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (accepted) return performance.now() - started;
    await delay(25);
  }
  return Number.POSITIVE_INFINITY;
}

describe('test server ladder', () => {
  const { TEMPORAL_TEST_SERVER: _ignored, ...hostEnv } = process.env;

  it('rejects a TEMPORAL_TEST_SERVER that does not exist', async () => {
    const missing = join(freshDir(), 'no-such-server');
    await expect(resolveTestServer({ env: { TEMPORAL_TEST_SERVER: missing } })).rejects.toThrow(
      `TEMPORAL_TEST_SERVER is set to "${missing}", but that is not an executable file`,
    );
  });

  it('without mvn, java or internet, throws one error naming all three ways out', async () => {
    const attempt = resolveTestServer({
      env: { PATH: freshDir() },
      cacheRoot: freshDir(),
      internetReachable: offline,
    });
    await expect(attempt).rejects.toThrow(/set TEMPORAL_TEST_SERVER/);
    await expect(attempt).rejects.toThrow(/install Maven and Java/);
    await expect(attempt).rejects.toThrow(/internet access to temporal\.download/);
    await expect(attempt).rejects.toThrow(/mvn and java not found on PATH/);
  });

  it('builds a Maven classpath wrapper that accepts connections within 5 s, then reuses it', async () => {
    const cacheRoot = freshDir();
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const wrapper = cachedTestServerPath(cacheRoot);

    expect(await resolveTestServer({ env: hostEnv, cacheRoot, log, internetReachable: offline })).toEqual({
      type: 'existing-path',
      path: wrapper,
    });
    expect(readFileSync(wrapper, 'utf8')).toContain(`${launcherClass} "$@"`);
    expect(readFileSync(join(wrapper, '..', 'classpath.txt'), 'utf8')).toContain(
      `temporal-test-server-${testServerVersion}.jar`,
    );

    // The SDK starts it as `<wrapper> <port>` and gives up after 5 s.
    const port = await freePort();
    const server = spawn(wrapper, [String(port)], { stdio: 'ignore' });
    try {
      const startMs = await msUntilListening(port, 10_000);
      console.log(`test server ${testServerVersion} accepted connections after ${Math.round(startMs)} ms`);
      expect(startMs).toBeLessThan(5_000);
    } finally {
      server.kill();
    }

    // The launcher's repair: the clock keeps no unlock events, so releasing a lock stays O(1).
    const check = spawnSync(wrapper, ['--self-check'], { encoding: 'utf8', timeout: 60_000 });
    expect(check.status, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual({ unlockEventsKept: 0 });

    lines.length = 0;
    await resolveTestServer({ env: hostEnv, cacheRoot, log, internetReachable: offline });
    expect(lines).toEqual([`Temporal test server: ${wrapper} (cached)`]);
  });

  it.each([
    {
      reason: 'a jar of the recorded classpath has gone',
      pomOnDisk: testServerPom,
      launcherOnDisk: launcherSource,
      jarExists: false,
    },
    {
      reason: 'the cache was made from another pom',
      pomOnDisk: testServerPom.replace('slf4j-nop', 'slf4j-simple'),
      launcherOnDisk: launcherSource,
      jarExists: true,
    },
    {
      reason: 'the cache was made with another launcher',
      pomOnDisk: testServerPom,
      launcherOnDisk: launcherSource.replace('10_000', '10'),
      jarExists: true,
    },
  ])('resolves again when $reason', async ({ pomOnDisk, launcherOnDisk, jarExists }) => {
    const cacheRoot = freshDir();
    const wrapper = writeScript(cachedTestServerPath(cacheRoot));
    const jar = join(cacheRoot, 'recorded.jar');
    if (jarExists) writeFileSync(jar, '');
    writeFileSync(join(wrapper, '..', 'pom.xml'), pomOnDisk);
    writeFileSync(join(wrapper, '..', 'classpath.txt'), jar);
    mkdirSync(join(wrapper, '..', 'launcher'));
    writeFileSync(join(wrapper, '..', 'launcher', launcherSourceFile), launcherOnDisk);

    const lines: string[] = [];
    await resolveTestServer({
      env: hostEnv,
      cacheRoot,
      log: (l) => lines.push(l),
      internetReachable: offline,
    });
    expect(lines).toContain(`Temporal test server: ${wrapper} (Maven classpath)`);
    expect(readFileSync(wrapper, 'utf8')).toContain(launcherClass);
    expect(readFileSync(join(wrapper, '..', 'pom.xml'), 'utf8')).toBe(testServerPom);
    expect(readFileSync(join(wrapper, '..', 'launcher', launcherSourceFile), 'utf8')).toBe(launcherSource);
  });
});
