// first-task: the worker's CPU per workflow start. N appraisal workflows replay their first workflow task
// (test/fixtures/histories/employee-appraisal-year.json, up to that task's commands) on one worker, with
// no server. Each replay is a new workflow, for which the SDK evaluates the workflow modules afresh, as at
// every start of a launch: so a module the workflows import statically costs its evaluation per employee.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { type History, historyFromJSON } from '../audit/history-json.ts';
import { workflowsPath } from '../worker/create-worker.ts';
import { UsageError } from './launch.ts';

const fixture = new URL('../test/fixtures/histories/employee-appraisal-year.json', import.meta.url);

export interface FirstTaskResult {
  workflow: 'EmployeeAppraisalWorkflow';
  starts: number;
  /** Events of the replayed history: the start, the first task and what it issued. */
  historyEvents: number;
  /** This process's CPU (the worker's threads included) per start. */
  cpuMsPerStart: number;
  wallMsPerStart: number;
}

export function parseFirstTaskArgs(args: string[]): { starts: number } {
  const usage = 'usage: npx tsx bench/main.ts first-task [--starts N]  (N a whole number 1-100000)';
  let values: { starts?: string };
  try {
    ({ values } = parseArgs({ args, options: { starts: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  const text = values.starts ?? '1000';
  const starts = Number(text);
  if (!/^\d+$/.test(text) || starts < 1 || starts > 100_000)
    throw new UsageError(`--starts must be a whole number 1-100000; got '${text}'\n${usage}`);
  return { starts };
}

/** The recorded history up to the first workflow task's commands (the events it caused). */
export function firstTaskHistory(): History {
  const { events } = JSON.parse(readFileSync(fixture, 'utf8')) as { events: Array<Record<string, unknown>> };
  const completed = events.findIndex((e) => e.eventType === 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED');
  // A command's event names the task that issued it; the first event that does not is past the task.
  const issued = (e: Record<string, unknown>) =>
    Object.values(e).some((v) => typeof v === 'object' && v !== null && 'workflowTaskCompletedEventId' in v);
  const end = events.findIndex((e, i) => i > completed && !issued(e));
  return historyFromJSON({ events: events.slice(0, end < 0 ? events.length : end) });
}

export async function benchFirstTask(options: { starts: number }): Promise<FirstTaskResult> {
  const history = firstTaskHistory();
  const workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
  const replay = async (count: number) => {
    const histories = Array.from({ length: count }, (_, i) => ({
      workflowId: `appraisal:bench.${i}`,
      history,
    }));
    for await (const result of Worker.runReplayHistories({ workflowBundle }, histories))
      if (result.error) throw result.error;
  };
  await replay(20); // warm-up: the worker's threads and V8's compiled code
  const cpu = process.cpuUsage();
  const started = performance.now();
  await replay(options.starts);
  const { user, system } = process.cpuUsage(cpu);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    workflow: 'EmployeeAppraisalWorkflow',
    starts: options.starts,
    historyEvents: history.events?.length ?? 0,
    cpuMsPerStart: round((user + system) / 1000 / options.starts),
    wallMsPerStart: round((performance.now() - started) / options.starts),
  };
}
