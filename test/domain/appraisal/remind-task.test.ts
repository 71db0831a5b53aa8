// HR's reminder of a task (the monitoring page's "send reminder" to the people behind): only HR, only an
// open task, and at most one a day, so sending "remind all late" twice reminds each holder once.
import { describe, expect, it } from 'vitest';
import * as transitions from '../../../domain/appraisal/transitions.ts';
import { codeOf } from '../../support/domain-error.ts';
import { act, actor, fold, nips, startedAppraisal, t0, types } from './fixtures.ts';

const due = '2026-01-14T00:00:00.000Z';
const state = fold(startedAppraisal(), transitions.enterStep(startedAppraisal(), 'socialisation', due, t0));
const task = Object.values(state.openTasks)[0]!;
const late = '2026-01-15T03:00:00.000Z';
const remind = { type: 'remindTask', taskId: task.taskId } as const;

describe('HR reminds the holder of a late task', () => {
  it('records a reminder to the holder, marked on the task', () => {
    const result = act(state, actor('hr'), remind, late);
    expect(result.events).toEqual([
      {
        type: 'task.reminded',
        data: { taskId: task.taskId, assigneeNip: nips.employee, dueAt: due, at: late },
      },
    ]);
    expect(result.state.openTasks[task.taskId]?.remindedAt).toBe(late);
  });

  it('sends no second reminder within a day, and one again the day after', () => {
    const once = act(state, actor('hr'), remind, late).state;
    expect(act(once, actor('hr'), remind, '2026-01-15T20:00:00.000Z').events).toEqual([]);
    expect(types(act(once, actor('hr'), remind, '2026-01-16T03:00:00.000Z').events)).toEqual([
      'task.reminded',
    ]);
  });

  it('refuses anyone but HR, and a task that is not open', () => {
    expect(codeOf(() => act(state, actor('supervisor'), remind, late))).toBe('forbidden_actor');
    expect(codeOf(() => act(state, actor('employee'), remind, late))).toBe('forbidden_actor');
    const acknowledged = act(state, actor('employee'), { type: 'acknowledgeStandards' }).state;
    expect(codeOf(() => act(acknowledged, actor('hr'), remind, late))).toBe('wrong_step');
    expect(codeOf(() => act(state, actor('hr'), { type: 'remindTask', taskId: 'nope' }, late))).toBe(
      'wrong_step',
    );
  });
});
