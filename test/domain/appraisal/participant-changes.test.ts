// Given/when/then for HR's changes during the year to the people of a running appraisal: the rater
// corrected, with the superior following and the open tasks moving to whoever holds their part now.
import { describe, expect, it } from 'vitest';
import type { Rhk } from '../../../domain/appraisal/events.ts';
import { changeRater, partyOf, type RaterChange } from '../../../domain/appraisal/participant-changes.ts';
import { escalatePeriod, openPeriod } from '../../../domain/appraisal/periodic.ts';
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import * as transitions from '../../../domain/appraisal/transitions.ts';
import { DomainError } from '../../../domain/errors.ts';
import { act, actor, fold, nips, startedAppraisal, t0, types } from './fixtures.ts';

const newRater = '198807072012121008';
const newSuperior = '197504042001121009';
const later = '2026-02-01T02:00:00.000Z';
const correction: RaterChange = {
  raterNip: newRater,
  superiorNip: newSuperior,
  reason: 'Data atasan di SIMPEG salah',
  effectiveDate: '2026-01-01',
  by: nips.hr,
};
const rhk: Rhk[] = [
  {
    id: 'rhk-1',
    kind: 'utama',
    description: 'Waktu tunggu pelayanan turun',
    parentRhkId: null,
    indicators: [{ id: 'iki-1', description: 'Rata-rata waktu tunggu', aspect: 'waktu', target: '30 menit' }],
  },
];

const inAgreement = () => {
  const s = startedAppraisal();
  return fold(s, transitions.enterStep(s, 'agreement', '2026-02-14T16:59:59.000Z', t0));
};
const change = (state: AppraisalState, c: Partial<RaterChange> = {}) => {
  const events = changeRater(state, { ...correction, ...c }, later);
  return { events, state: fold(state, events) };
};
const holders = (state: AppraisalState) =>
  Object.values(state.openTasks).map((t) => [t.kind, t.assigneeNip, t.assigneeRole]);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return 'no error';
};

describe('given an appraisal whose rater must propose the SKP', () => {
  it('when HR corrects the rater, then the change is recorded with its reason and date and the task moves', () => {
    const { events, state } = change(inAgreement());
    expect(types(events)).toEqual(['participants.changed', 'task.reassigned']);
    expect(events[0]?.data).toEqual({
      supervisorNip: newRater,
      superiorNip: newSuperior,
      previousSupervisorNip: nips.supervisor,
      previousSuperiorNip: nips.superior,
      reason: 'Data atasan di SIMPEG salah',
      effectiveDate: '2026-01-01',
      signatureVoided: null,
      by: nips.hr,
      at: later,
    });
    expect(events[1]?.data).toMatchObject({ fromNip: nips.supervisor, assigneeNip: newRater });
    expect(state.participants).toMatchObject({ supervisorNip: newRater, superiorNip: newSuperior });
    expect(holders(state)).toEqual([['proposeIndicators', newRater, 'supervisor']]);
  });

  it('when the new rater proposes, then it is theirs to do; the previous rater is refused', () => {
    const { state } = change(inAgreement());
    const previous = { nip: nips.supervisor, roles: [] };
    expect(codeOf(() => act(state, previous, { type: 'proposeIndicators', rhk }, later))).toBe(
      'forbidden_actor',
    );
    const proposed = act(state, { nip: newRater, roles: [] }, { type: 'proposeIndicators', rhk }, later);
    expect(types(proposed.events)).toContain('agreement.proposed');
    // The employee's review task is the employee's: it went to nobody else.
    expect(holders(proposed.state)).toEqual([['reviewIndicators', nips.employee, 'employee']]);
  });

  it('when the previous rater had signed a version not yet agreed, then the new rater signs it again', () => {
    let s = act(inAgreement(), actor('supervisor'), { type: 'proposeIndicators', rhk }).state;
    s = act(s, actor('supervisor'), { type: 'signAgreement', version: 1 }).state;
    const changed = change(s);
    expect(changed.events[0]?.data).toMatchObject({ signatureVoided: 1 });
    expect(changed.state.agreement.signatures).toEqual({ employee: null, supervisor: null });
    const signed = act(changed.state, actor('employee'), { type: 'signAgreement', version: 1 }, later);
    expect(signed.state.agreement.agreedVersion).toBeNull();
    expect(holders(signed.state)).toEqual([['signAgreement', newRater, 'supervisor']]);
    const agreed = act(
      signed.state,
      { nip: newRater, roles: [] },
      { type: 'signAgreement', version: 1 },
      later,
    );
    expect(agreed.state.agreement.agreedVersion).toBe(1);
  });

  it('when the SKP was agreed with the previous rater, then it stays agreed', () => {
    let s = act(inAgreement(), actor('supervisor'), { type: 'proposeIndicators', rhk }).state;
    s = act(s, actor('employee'), { type: 'signAgreement', version: 1 }).state;
    s = act(s, actor('supervisor'), { type: 'signAgreement', version: 1 }).state;
    const changed = change(s);
    expect(changed.events[0]?.data).toMatchObject({ signatureVoided: null });
    expect(changed.state.agreement).toMatchObject({ agreedVersion: 1, signatures: { supervisor: 1 } });
  });
});

describe('given a period whose rating passed to the superior, and one held by HR', () => {
  const opened = () => {
    const s = startedAppraisal();
    let state = fold(s, openPeriod(s, 'TW1', '2026-04-13T16:59:59.000Z', t0));
    state = fold(state, openPeriod(state, 'TW2', '2026-07-14T16:59:59.000Z', t0));
    state = fold(state, escalatePeriod(state, 'TW1', 'superior', '2026-04-20T16:59:59.000Z', t0));
    return fold(state, escalatePeriod(state, 'TW2', 'hr', '2026-07-21T16:59:59.000Z', t0));
  };

  it("when HR corrects the rater, then the superior's task moves to the new superior and HR's stays", () => {
    const { state } = change(opened());
    expect(holders(state)).toEqual([
      ['recordRealisation', nips.employee, 'employee'],
      ['recordRealisation', nips.employee, 'employee'],
      ['ratePeriod', newSuperior, 'supervisor'],
      ['ratePeriod', null, 'hr'],
    ]);
  });

  it('when the new rater has no superior (top of the org chart), then the superior’s task is HR’s', () => {
    const { state } = change(opened(), { superiorNip: null });
    expect(holders(state).filter(([kind]) => kind === 'ratePeriod')).toEqual([
      ['ratePeriod', null, 'hr'],
      ['ratePeriod', null, 'hr'],
    ]);
  });
});

describe('given an appraisal whose org chart named no rater (HR held the rater’s tasks)', () => {
  it('when HR names the rater, then the rater’s tasks leave HR for them', () => {
    const s = startedAppraisal();
    const headless = { ...s, participants: { ...s.participants, supervisorNip: null, superiorNip: null } };
    const state = fold(
      headless,
      transitions.enterStep(headless, 'agreement', '2026-02-14T16:59:59.000Z', t0),
    );
    expect(holders(state)).toEqual([['proposeIndicators', null, 'hr']]);
    const changed = change(state, { superiorNip: null });
    expect(changed.events[1]?.data).toMatchObject({ fromNip: null, assigneeNip: newRater });
    expect(holders(changed.state)).toEqual([['proposeIndicators', newRater, 'supervisor']]);
  });
});

describe('given an objection waiting for the superior', () => {
  it("when HR corrects the rater, then the decision moves to the new rater's superior", () => {
    const s = startedAppraisal();
    const state = fold(s, [
      {
        type: 'objection.filed',
        data: { reasons: 'x', superiorNip: nips.superior, by: nips.employee, at: t0 },
      },
      {
        type: 'task.assigned',
        data: {
          taskId: `${s.appraisalId}:decideObjection`,
          kind: 'decideObjection',
          assigneeNip: nips.superior,
          assigneeRole: 'objectionReviewer',
          step: 'feedback',
          dueAt: null,
          at: t0,
        },
      },
    ]);
    expect(holders(change(state).state)).toEqual([['decideObjection', newSuperior, 'objectionReviewer']]);
  });
});

describe('refusals: nothing is recorded', () => {
  it.each([
    ['the employee as their own rater', { raterNip: nips.employee }, 'invalid_rater'],
    ['a direct report as the rater', { raterNip: nips.subordinate }, 'invalid_rater'],
    ['a rater who reports to the employee', { superiorNip: nips.employee }, 'invalid_rater'],
    [
      'the rater and superior it already has',
      { raterNip: nips.supervisor, superiorNip: nips.superior },
      'already_done',
    ],
  ])('when HR names %s, then it is refused (%s)', (_, c, code) => {
    expect(codeOf(() => change(inAgreement(), c as Partial<RaterChange>))).toBe(code);
  });

  it('when the rater named is an assigned peer reviewer, then it is refused', () => {
    const s = inAgreement();
    const withPeer = fold(s, [
      { type: 'review.peersAssigned', data: { peerNips: [newRater], by: nips.supervisor, at: t0 } },
    ]);
    expect(codeOf(() => change(withPeer))).toBe('invalid_rater');
  });

  it('when the appraisal is finished, then it is refused as the wrong step', () => {
    const s = inAgreement();
    const cancelled = fold(s, transitions.cancel(s, 'Pindah instansi', nips.hr, t0));
    expect(codeOf(() => change(cancelled))).toBe('wrong_step');
  });
});

describe('whose part a task is', () => {
  it.each([
    ['acknowledgeStandards', undefined, 'employee'],
    ['escalateSocialisation', undefined, 'rater'],
    ['proposeIndicators', 'v2', 'rater'],
    ['reviewIndicators', 'v2', 'employee'],
    ['signAgreement', 'v2', 'rater'],
    ['ratePeriod', 'TW1', 'rater'],
    ['ratePeriod', 'TW1.superior', 'superior'],
    ['ratePeriod', 'M03.hr', 'hr'],
    ['setRating', undefined, 'rater'],
    ['setRating', 'superior', 'superior'],
    ['setRating', 'hr', 'hr'],
    ['supervisorAssessment', undefined, 'rater'],
    ['peerReview', nips.peer, 'reviewer'],
    ['decideObjection', undefined, 'superior'],
    ['assignTraining', undefined, 'hr'],
    ['completeTraining', undefined, 'employee'],
  ] as const)('a %s task (%s) is the %s’s', (kind, qualifier, party) => {
    expect(partyOf(kind, qualifier)).toBe(party);
  });
});
