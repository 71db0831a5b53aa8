import { describe, expect, it } from 'vitest';
import type { Rhk } from '../../../domain/appraisal/events.ts';
import * as transitions from '../../../domain/appraisal/transitions.ts';
import { codeOf } from '../../support/domain-error.ts';
import { act, actor, fold, nips, startedAppraisal, t0, types } from './fixtures.ts';

const rhk: Rhk[] = [
  {
    id: 'rhk-1',
    kind: 'utama',
    description: 'Waktu tunggu pelayanan puskesmas turun',
    parentRhkId: 'sup-rhk-1',
    indicators: [
      { id: 'iki-1', description: 'Rata-rata waktu tunggu', aspect: 'waktu', target: '<= 30 menit' },
    ],
  },
];

const inStep = (step: Parameters<typeof transitions.enterStep>[1], deadline = '2026-02-14T00:00:00.000Z') =>
  fold(startedAppraisal(), transitions.enterStep(startedAppraisal(), step, deadline, t0));

describe('given an appraisal in socialisation', () => {
  const state = inStep('socialisation', '2026-01-14T00:00:00.000Z');

  it('when the step opens, then the employee has an acknowledge task due at the deadline', () => {
    expect(Object.values(state.openTasks)).toEqual([
      expect.objectContaining({
        kind: 'acknowledgeStandards',
        assigneeNip: nips.employee,
        dueAt: '2026-01-14T00:00:00.000Z',
      }),
    ]);
  });

  it('when the employee acknowledges, then it is recorded and the task closes', () => {
    const result = act(state, actor('employee'), { type: 'acknowledgeStandards' });
    expect(types(result.events)).toEqual(['socialisation.acknowledged', 'task.completed']);
    expect(result.state.openTasks).toEqual({});
  });

  it('when the employee acknowledges a published version of their standard, then the version is recorded', () => {
    const standard = { positionCode: state.participants.employee.positionCode, version: 2 };
    const result = act(state, actor('employee'), { type: 'acknowledgeStandards', standard });
    expect(result.events[0]).toEqual({
      type: 'socialisation.acknowledged',
      data: { by: nips.employee, standard, at: expect.any(String) },
    });
    expect(result.state.socialisation.standard).toEqual(standard);
    expect(
      codeOf(() =>
        act(state, actor('employee'), {
          type: 'acknowledgeStandards',
          standard: { positionCode: 'ANOTHER', version: 1 },
        }),
      ),
    ).toBe('wrong_position');
  });

  it('when someone else acknowledges, then it is rejected as a wrong actor', () => {
    expect(codeOf(() => act(state, actor('supervisor'), { type: 'acknowledgeStandards' }))).toBe(
      'forbidden_actor',
    );
  });

  it('when 3 days remain, then the open task gets a reminder', () => {
    expect(types(transitions.remind(state, '2026-01-11T00:00:00.000Z'))).toEqual(['task.reminded']);
  });

  it('when the deadline passes unacknowledged, then the supervisor gets an escalation task and the cycle goes on', () => {
    const events = transitions.closeStep(state, '2026-01-14T00:00:00.000Z');
    expect(types(events)).toEqual(['task.expired', 'socialisation.escalated', 'task.assigned']);
    const after = fold(state, events);
    expect(Object.values(after.openTasks)).toEqual([
      expect.objectContaining({ kind: 'escalateSocialisation', assigneeNip: nips.supervisor }),
    ]);
    const late = act(after, actor('employee'), { type: 'acknowledgeStandards' });
    expect(late.state.openTasks).toEqual({});
  });
});

describe('given an appraisal in indicator agreement', () => {
  const state = inStep('agreement');

  it('when the supervisor proposes, the employee comments and both sign, then every version is kept and the SKP is agreed', () => {
    let s = act(state, actor('supervisor'), { type: 'proposeIndicators', rhk }).state;
    s = act(s, actor('employee'), {
      type: 'commentIndicators',
      version: 1,
      comment: 'Targetnya terlalu tinggi',
    }).state;
    s = act(s, actor('supervisor'), {
      type: 'proposeIndicators',
      rhk: [{ ...rhk[0]!, indicators: [{ ...rhk[0]!.indicators[0]!, target: '<= 40 menit' }] }],
    }).state;
    s = act(s, actor('employee'), { type: 'signAgreement', version: 2 }).state;
    const last = act(s, actor('supervisor'), { type: 'signAgreement', version: 2 });
    expect(types(last.events)).toContain('agreement.agreed');
    expect(last.state.agreement.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(last.state.agreement.agreedVersion).toBe(2);
    expect(last.state.openTasks).toEqual({});
  });

  it('when someone signs an old version, then it is rejected as stale', () => {
    let s = act(state, actor('supervisor'), { type: 'proposeIndicators', rhk }).state;
    s = act(s, actor('supervisor'), { type: 'proposeIndicators', rhk }).state;
    expect(codeOf(() => act(s, actor('employee'), { type: 'signAgreement', version: 1 }))).toBe(
      'stale_version',
    );
  });

  it('when the employee proposes, then it is rejected', () => {
    expect(codeOf(() => act(state, actor('employee'), { type: 'proposeIndicators', rhk }))).toBe(
      'forbidden_actor',
    );
  });

  it('when a rating is attempted in this step, then it is rejected as the wrong step', () => {
    expect(
      codeOf(() =>
        act(state, actor('supervisor'), {
          type: 'setRating',
          results: 'sesuai',
          behaviour: 'sesuai',
          feedback: 'ok',
        }),
      ),
    ).toBe('wrong_step');
  });
});

describe('given the review step', () => {
  const assigned = act(inStep('checkIns'), actor('supervisor'), {
    type: 'assignPeers',
    peerNips: [nips.peer],
  }).state;
  const state = fold(assigned, transitions.enterStep(assigned, 'review', '2026-02-05T00:00:00.000Z', t0));

  it('when it opens, then self, supervisor, the peer and the subordinate each have a task', () => {
    expect(
      Object.values(state.openTasks)
        .map((t) => t.kind)
        .sort(),
    ).toEqual(['peerReview', 'selfAssessment', 'subordinateReview', 'supervisorAssessment']);
  });

  it('when the peer never reviews, then the deadline records the missing review and closes the step', () => {
    let s = act(state, actor('employee'), {
      type: 'submitReview',
      scores: { akuntabel: 4 },
      comment: '',
    }).state;
    s = act(s, actor('supervisor'), { type: 'submitReview', scores: { akuntabel: 4 }, comment: '' }).state;
    s = act(s, actor('subordinate'), { type: 'submitReview', scores: { akuntabel: 5 }, comment: '' }).state;
    const closed = fold(s, transitions.closeStep(s, '2026-02-05T00:00:00.000Z'));
    expect(closed.review.missed).toEqual([
      { reviewerNip: nips.peer, role: 'peer', at: '2026-02-05T00:00:00.000Z' },
    ]);
    expect(closed.openTasks).toEqual({});
  });

  it('when a stranger reviews, then it is rejected', () => {
    expect(
      codeOf(() => act(state, actor('stranger'), { type: 'submitReview', scores: {}, comment: '' })),
    ).toBe('forbidden_actor');
  });
});

describe('given a released rating', () => {
  const rated = act(inStep('rating'), actor('supervisor'), {
    type: 'setRating',
    results: 'sesuai',
    behaviour: 'diBawah',
    feedback: 'Perlu meningkatkan perilaku kerja',
  }).state;
  const state = fold(
    rated,
    transitions.release(rated, '2026-03-15T00:00:00.000Z', '2026-03-01T00:00:00.000Z'),
  );

  it('when released, then the predikat follows the matrix and the employee must read the feedback', () => {
    expect(state.rating?.predikat).toBe('kurang');
    expect(Object.values(state.openTasks).map((t) => t.kind)).toEqual(['readFeedback']);
  });

  it('when the employee objects and the superior changes the ratings, then the predikat is recomputed and it is final', () => {
    let s = act(
      state,
      actor('employee'),
      { type: 'fileObjection', reasons: 'Perilaku dinilai tanpa bukti' },
      '2026-03-05T00:00:00.000Z',
    ).state;
    expect(Object.values(s.openTasks)).toEqual([
      expect.objectContaining({ kind: 'decideObjection', assigneeNip: nips.superior }),
    ]);
    expect(
      codeOf(() => act(s, actor('supervisor'), { type: 'decideObjection', decision: 'upheld', reason: 'x' })),
    ).toBe('forbidden_actor');
    const decided = act(s, actor('superior'), {
      type: 'decideObjection',
      decision: 'changed',
      results: 'sesuai',
      behaviour: 'sesuai',
      reason: 'Bukti mendukung',
    });
    s = decided.state;
    expect(decided.events[0]).toMatchObject({
      type: 'objection.decided',
      data: { previousPredikat: 'kurang', predikat: 'baik' },
    });
    expect(s.rating?.predikat).toBe('baik');
    expect(
      codeOf(() =>
        act(s, actor('superior'), { type: 'decideObjection', decision: 'upheld', reason: 'again' }),
      ),
    ).toBe('wrong_step');
  });

  it('when the objection comes after 14 days, then it is rejected', () => {
    expect(
      codeOf(() =>
        act(state, actor('employee'), { type: 'fileObjection', reasons: 'late' }, '2026-03-16T00:00:00.000Z'),
      ),
    ).toBe('deadline_passed');
  });

  it('when the window closes on a low predikat, then a training referral is opened for HR, tracked until completed', () => {
    let s = fold(state, transitions.followUp(state, '2026-12-31T00:00:00.000Z', '2026-03-15T00:00:00.000Z'));
    expect(s.step).toBe('followUp');
    expect(s.referral).toMatchObject({ programme: null, completedAt: null });
    s = act(s, actor('hr'), { type: 'assignTraining', programme: 'Diklat pelayanan prima' }).state;
    s = act(s, actor('employee'), { type: 'completeTraining', note: 'selesai' }).state;
    expect(s.referral?.completedAt).not.toBeNull();
  });
});

describe('given a sangat baik rating', () => {
  it('when the window closes, then recognition is recorded and the appraisal completes', () => {
    const rated = act(inStep('rating'), actor('supervisor'), {
      type: 'setRating',
      results: 'diAtas',
      behaviour: 'diAtas',
      feedback: 'Luar biasa',
    }).state;
    const released = fold(rated, transitions.release(rated, '2026-03-15T00:00:00.000Z', t0));
    const events = transitions.followUp(released, '2026-12-31T00:00:00.000Z', '2026-03-15T00:00:00.000Z');
    expect(types(events)).toEqual(['task.expired', 'recognition.recorded', 'appraisal.completed']);
  });
});

describe('given a cancelled appraisal', () => {
  it('when anyone acts, then it is rejected and no task stays open', () => {
    const s = inStep('socialisation');
    const cancelled = fold(s, transitions.cancel(s, 'Pindah instansi', nips.hr, t0));
    expect(cancelled.openTasks).toEqual({});
    expect(codeOf(() => act(cancelled, actor('employee'), { type: 'acknowledgeStandards' }))).toBe(
      'wrong_step',
    );
  });
});
