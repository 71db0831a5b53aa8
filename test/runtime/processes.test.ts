// Reading other processes: a child's parent is this process, and a pid with no process has none.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { parentPid, processArgs, procStat } from '../../runtime/processes.ts';

describe('processes', () => {
  it("reads a running child's parent and command line, and nothing once it has gone", async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    await once(child, 'spawn');
    const pid = child.pid as number;
    expect(parentPid(pid)).toBe(process.pid);
    expect(processArgs(pid)).toBe('sleep 30');
    expect(procStat(pid)).toMatchObject({ ppid: process.pid, comm: 'sleep' });
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(parentPid(pid)).toBeUndefined();
    expect(procStat(pid)).toBeUndefined();
    expect(parentPid(0)).toBeUndefined();
  });
});
