// Which commands a task takes: every command a task allows completes that task when its assignee sends
// it, and a command that needs no task (an activity report) is taken by none.
import { describe, expect, it } from 'vitest';
import type { AppraisalCommand } from '../../../domain/appraisal/commands.ts';
import { openPeriod } from '../../../domain/appraisal/periodic.ts';
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import { commandsForTask, taskTakes } from '../../../domain/appraisal/task-commands.ts';
import * as transitions from '../../../domain/appraisal/transitions.ts';
import { type TaskKind, taskKinds } from '../../../domain/appraisal/types.ts';
import { act, actor, fold, nips, startedAppraisal, t0, types } from './fixtures.ts';

const rhk = [
  {
    id: 'rhk-1',
    kind: 'utama' as const,
    description: 'Waktu tunggu pelayanan turun',
    parentRhkId: null,
    indicators: [{ id: 'iki-1', description: 'Waktu tunggu', aspect: 'waktu' as const, target: '30' }],
  },
];

const inStep = (step: Parameters<typeof transitions.enterStep>[1]) =>
  fold(startedAppraisal(), transitions.enterStep(startedAppraisal(), step, '2026-02-14T00:00:00.000Z', t0));

/** The one open task of this kind, and who holds it (by the fixtures' NIPs). */
function openTask(state: AppraisalState, kind: TaskKind) {
  const task = Object.values(state.openTasks).find((x) => x.kind === kind);
  if (!task) throw new Error(`no open ${kind} task`);
  const who = (Object.keys(nips) as Array<keyof typeof nips>).find((k) => nips[k] === task.assigneeNip);
  if (!who) throw new Error(`nobody holds ${task.taskId}`);
  return { task, who };
}

/** Sends each command the task's kind allows as its assignee; each must complete the task. */
function expectEachCompletes(state: AppraisalState, kind: TaskKind, commands: AppraisalCommand[]) {
  const { task, who } = openTask(state, kind);
  expect(commands.map((c) => c.type).sort()).toEqual([...commandsForTask(kind)].sort());
  for (const command of commands) {
    const { events } = act(state, actor(who), command);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'task.completed',
        data: expect.objectContaining({ taskId: task.taskId }),
      }),
    );
  }
}

describe('the commands a task takes', () => {
  it('are named for every task kind, and only commands that a task asks for', () => {
    for (const kind of taskKinds) expect(Array.isArray(commandsForTask(kind))).toBe(true);
    expect(commandsForTask('acknowledgeStandards')).toEqual(['acknowledgeStandards']);
    expect(commandsForTask('reviewIndicators')).toEqual(['signAgreement', 'commentIndicators']);
    expect(commandsForTask('readFeedback')).toEqual(['acknowledgeFeedback', 'fileObjection']);
    // The escalation closes when the employee acknowledges: the supervisor sends nothing on it.
    expect(commandsForTask('escalateSocialisation')).toEqual([]);
    expect(taskKinds.some((kind) => taskTakes(kind, 'addActivityReport'))).toBe(false);
    expect(taskTakes('acknowledgeStandards', 'setRating')).toBe(false);
    expect(commandsForTask('toString')).toEqual([]);
    expect(commandsForTask('noSuchKind')).toEqual([]);
  });

  it('each complete the task when its assignee sends them', () => {
    expectEachCompletes(inStep('socialisation'), 'acknowledgeStandards', [{ type: 'acknowledgeStandards' }]);

    const agreement = inStep('agreement');
    expectEachCompletes(agreement, 'proposeIndicators', [{ type: 'proposeIndicators', rhk }]);
    const proposed = act(agreement, actor('supervisor'), { type: 'proposeIndicators', rhk }).state;
    expectEachCompletes(proposed, 'reviewIndicators', [
      { type: 'signAgreement', version: 1 },
      { type: 'commentIndicators', version: 1, comment: 'Target terlalu tinggi' },
    ]);
    const signed = act(proposed, actor('employee'), { type: 'signAgreement', version: 1 }).state;
    expectEachCompletes(signed, 'signAgreement', [{ type: 'signAgreement', version: 1 }]);

    const review = inStep('review');
    expectEachCompletes(review, 'selfAssessment', [
      { type: 'submitReview', scores: { akuntabel: 4 }, comment: '' },
    ]);
    expectEachCompletes(review, 'supervisorAssessment', [
      { type: 'submitReview', scores: { akuntabel: 4 }, comment: '' },
    ]);
  });

  it('take the rater’s feedback per RHK on a period’s rating task, which stays open until the rating', () => {
    expect(taskTakes('ratePeriod', 'givePeriodFeedback')).toBe(true);
    expect(commandsForTask('ratePeriod')).toEqual(['ratePeriod']);
    expect(taskKinds.filter((kind) => taskTakes(kind, 'givePeriodFeedback'))).toEqual(['ratePeriod']);
    const agreement = inStep('agreement');
    const proposed = act(agreement, actor('supervisor'), { type: 'proposeIndicators', rhk }).state;
    const signed = act(proposed, actor('employee'), { type: 'signAgreement', version: 1 }).state;
    const agreed = act(signed, actor('supervisor'), { type: 'signAgreement', version: 1 }).state;
    const opened = fold(agreed, openPeriod(agreed, 'TW1', '2026-04-13T16:59:59.000Z', t0));
    const { task } = openTask(opened, 'ratePeriod');
    const feedback = act(opened, actor('supervisor'), {
      type: 'givePeriodFeedback',
      period: 'TW1',
      rhkId: 'rhk-1',
      feedback: 'Waktu tunggu turun',
    });
    expect(types(feedback.events)).toEqual(['period.feedbackGiven']);
    expect(feedback.state.openTasks[task.taskId]).toBeDefined();
    // The rating waits for the employee's realisation while the window is open.
    const realised = act(feedback.state, actor('employee'), {
      type: 'recordRealisation',
      period: 'TW1',
      realisations: [{ indicatorId: 'iki-1', value: '25 menit', evidence: [] }],
    }).state;
    expectEachCompletes(realised, 'ratePeriod', [
      { type: 'ratePeriod', period: 'TW1', results: 'sesuai', behaviour: 'sesuai', feedback: 'Sesuai' },
    ]);
  });
});
