// Given/when/then for HR's changes during the year to the people of a running appraisal: the rater
// corrected, with the superior following and the open tasks moving to whoever holds their part now.
import { describe, expect, it } from 'vitest';
import type { Rhk } from '../../../domain/appraisal/events.ts';
import {
  type ActingAppointmentRequest,
  appointActingRater,
  changeRater,
  followActing,
  nextActingBoundary,
  type RaterChange,
} from '../../../domain/appraisal/participant-changes.ts';
import { partyOf } from '../../../domain/appraisal/parties.ts';
import { escalatePeriod, openPeriod } from '../../../domain/appraisal/periodic.ts';
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import * as transitions from '../../../domain/appraisal/transitions.ts';
import { codeOf } from '../../support/domain-error.ts';
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

const acting = '198909092014022010';
const plh: ActingAppointmentRequest = {
  actingNip: acting,
  from: '2026-02-01',
  to: '2026-02-10',
  timeZone: 'Asia/Jakarta',
  reason: 'Kepala Puskesmas cuti tahunan',
  by: nips.hr,
};
// 00:00 WIB on 1 February and on 11 February, as instants.
const starts = '2026-01-31T17:00:00.000Z';
const ends = '2026-02-10T17:00:00.000Z';
const before = '2026-01-20T03:00:00.000Z';
const during = '2026-02-05T03:00:00.000Z';
const appoint = (state: AppraisalState, request: Partial<ActingAppointmentRequest> = {}, now = before) => {
  const events = appointActingRater(state, { ...plh, ...request }, now);
  return { events, state: fold(state, events) };
};
const follow = (state: AppraisalState, now: string) => {
  const events = followActing(state, now);
  return { events, state: fold(state, events) };
};
const asActing = { nip: acting, roles: [] };

describe('given an acting rater (Plt/Plh) appointed for 1-10 February, WIB', () => {
  it('when HR appoints them ahead, then the range is recorded as days and instants and the rater keeps the part until it begins', () => {
    const { events, state } = appoint(inAgreement());
    expect(types(events)).toEqual(['actingRater.appointed']);
    expect(events[0]?.data).toEqual({
      appointment: 1,
      actingNip: acting,
      raterNip: nips.supervisor,
      from: '2026-02-01',
      to: '2026-02-10',
      timeZone: 'Asia/Jakarta',
      startsAt: starts,
      endsAt: ends,
      reason: 'Kepala Puskesmas cuti tahunan',
      by: nips.hr,
      at: before,
    });
    expect(holders(state)).toEqual([['proposeIndicators', nips.supervisor, 'supervisor']]);
    expect(nextActingBoundary(state)).toBe(starts);
    expect(followActing(state, '2026-01-31T16:59:59.000Z')).toEqual([]);
    expect(codeOf(() => act(state, asActing, { type: 'proposeIndicators', rhk }, before))).toBe(
      'forbidden_actor',
    );
  });

  it('when the first day begins, then the rater’s open tasks and new ones are the acting rater’s, and only they rate', () => {
    const started = follow(appoint(inAgreement()).state, starts);
    expect(types(started.events)).toEqual(['actingRater.started', 'task.reassigned']);
    expect(started.events[1]?.data).toMatchObject({ reason: 'Plt/Plh 2026-02-01 – 2026-02-10' });
    expect(holders(started.state)).toEqual([['proposeIndicators', acting, 'supervisor']]);
    expect(nextActingBoundary(started.state)).toBe(ends);
    expect(
      codeOf(() => act(started.state, actor('supervisor'), { type: 'proposeIndicators', rhk }, during)),
    ).toBe('forbidden_actor');
    let s = act(started.state, asActing, { type: 'proposeIndicators', rhk }, during).state;
    s = act(
      s,
      actor('employee'),
      { type: 'commentIndicators', version: 1, comment: 'Target terlalu tinggi' },
      during,
    ).state;
    // The next proposal is asked of whoever rates now.
    expect(holders(s)).toEqual([['proposeIndicators', acting, 'supervisor']]);
  });

  it('when the last day ends, then the part returns to the rater, open tasks too', () => {
    const started = follow(appoint(inAgreement()).state, starts);
    const ended = follow(started.state, ends);
    expect(types(ended.events)).toEqual(['actingRater.ended', 'task.reassigned']);
    expect(holders(ended.state)).toEqual([['proposeIndicators', nips.supervisor, 'supervisor']]);
    expect(ended.state.acting).toBeNull();
    expect(nextActingBoundary(ended.state)).toBeNull();
    expect(codeOf(() => act(ended.state, asActing, { type: 'proposeIndicators', rhk }, ends))).toBe(
      'forbidden_actor',
    );
  });

  it('when the range has begun already, then the acting rater steps in at once', () => {
    const { events, state } = appoint(inAgreement(), {}, during);
    expect(types(events)).toEqual(['actingRater.appointed', 'actingRater.started', 'task.reassigned']);
    expect(state.acting).toEqual({ nip: acting, appointment: 1 });
  });

  it("when a rating has passed to the superior, then it stays the superior's while someone acts", () => {
    const s = startedAppraisal();
    let state = fold(s, openPeriod(s, 'TW1', '2026-04-13T16:59:59.000Z', t0));
    state = fold(state, escalatePeriod(state, 'TW1', 'superior', '2026-04-20T16:59:59.000Z', t0));
    const { state: acted } = appoint(
      state,
      { from: '2026-04-14', to: '2026-04-30' },
      '2026-04-15T00:00:00.000Z',
    );
    expect(holders(acted).filter(([kind]) => kind === 'ratePeriod')).toEqual([
      ['ratePeriod', nips.superior, 'supervisor'],
    ]);
  });

  it('when one range ends the day another begins, then the one steps down and the other in, in one move', () => {
    let { state } = appoint(inAgreement(), { actingNip: acting, from: '2026-02-11', to: '2026-02-20' });
    state = appoint(state, { actingNip: newRater, from: '2026-02-01', to: '2026-02-10' }).state;
    state = follow(state, starts).state;
    expect(state.acting).toEqual({ nip: newRater, appointment: 2 });
    const next = follow(state, ends);
    expect(types(next.events)).toEqual(['actingRater.ended', 'actingRater.started', 'task.reassigned']);
    expect(next.state.acting).toEqual({ nip: acting, appointment: 1 });
    expect(holders(next.state)).toEqual([['proposeIndicators', acting, 'supervisor']]);
  });

  it('counts the days of the organisation’s zone: in WITA the first day begins at 16:00 UTC the day before', () => {
    const { events } = appoint(inAgreement(), { timeZone: 'Asia/Makassar' });
    expect(events[0]?.data).toMatchObject({
      startsAt: '2026-01-31T16:00:00.000Z',
      endsAt: '2026-02-10T16:00:00.000Z',
    });
  });

  it.each([
    ['a range that ends before it begins', { from: '2026-02-10', to: '2026-02-01' }, 'invalid_acting_range'],
    ['a range already over', { from: '2026-01-01', to: '2026-01-10' }, 'invalid_acting_range'],
    ['the employee', { actingNip: nips.employee }, 'invalid_rater'],
    ['the rater', { actingNip: nips.supervisor }, 'invalid_rater'],
    ['a direct report', { actingNip: nips.subordinate }, 'invalid_rater'],
  ])('when HR appoints %s, then it is refused (%s)', (_, request, code) => {
    expect(codeOf(() => appoint(inAgreement(), request as Partial<ActingAppointmentRequest>))).toBe(code);
  });

  it('when a second range overlaps the first, then it is refused; after the first one, it is taken', () => {
    const { state } = appoint(inAgreement());
    expect(codeOf(() => appoint(state, { actingNip: newRater, from: '2026-02-10', to: '2026-02-12' }))).toBe(
      'acting_overlap',
    );
    expect(
      types(appoint(state, { actingNip: newRater, from: '2026-02-11', to: '2026-02-12' }).events),
    ).toEqual(['actingRater.appointed']);
  });

  it('when the appraisal is finished, then nothing is followed and no range is taken', () => {
    const { state } = appoint(inAgreement());
    const cancelled = fold(state, transitions.cancel(state, 'Pindah instansi', nips.hr, t0));
    expect(followActing(cancelled, starts)).toEqual([]);
    expect(nextActingBoundary(cancelled)).toBeNull();
    expect(codeOf(() => appoint(cancelled))).toBe('wrong_step');
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
