// Given/when/then for the periodic evaluation and the escalation of a rating nobody gave in time.
import { describe, expect, it } from 'vitest';
import {
  closePeriod,
  escalatePeriod,
  escalateRating,
  openPeriod,
  remindDue,
} from '../../../domain/appraisal/periodic.ts';
import * as transitions from '../../../domain/appraisal/transitions.ts';
import { evaluationPeriods } from '../../../domain/cycle/periods.ts';
import { codeOf } from '../../support/domain-error.ts';
import { act, actor, fold, nips, startedAppraisal, types } from './fixtures.ts';

const [tw1] = evaluationPeriods('quarterly', 2026, 'Asia/Jakarta');
if (!tw1) throw new Error('no TW1');
const opensAt = tw1.opens;
const inWindow = '2026-04-02T03:00:00.000Z';
const late = '2026-04-14T01:00:00.000Z';
const opened = () => fold(startedAppraisal(), openPeriod(startedAppraisal(), 'TW1', tw1.deadline, opensAt));
const realisation = [
  { indicatorId: 'iki-1', value: '31 menit', evidence: [{ url: 'https://arsip.example/1' }] },
];
const rate = {
  type: 'ratePeriod',
  period: 'TW1',
  results: 'diAtas',
  behaviour: 'sesuai',
  feedback: 'Bagus',
} as const;

describe('given TW1 opening (deadline 13 April 23:59:59 WIB)', () => {
  it('when it opens, then the employee records realisation and the rater rates, both due at the deadline', () => {
    const state = opened();
    expect(Object.values(state.openTasks).map((t) => [t.kind, t.assigneeNip, t.dueAt])).toEqual([
      ['recordRealisation', nips.employee, '2026-04-13T16:59:59.000Z'],
      ['ratePeriod', nips.supervisor, '2026-04-13T16:59:59.000Z'],
    ]);
    expect(state.step).toBe('checkIns');
  });

  it('when the rater rates before the realisation is in, then it is refused as the wrong step', () => {
    expect(codeOf(() => act(opened(), actor('supervisor'), rate, inWindow))).toBe('wrong_step');
  });

  it('when the employee records and the rater rates, then the predikat periodik follows the matrix and the employee must acknowledge', () => {
    const recorded = act(
      opened(),
      actor('employee'),
      { type: 'recordRealisation', period: 'TW1', realisations: realisation },
      inWindow,
    );
    const rated = act(recorded.state, actor('supervisor'), rate, inWindow);
    expect(types(rated.events)).toEqual(['period.rated', 'task.completed', 'task.assigned']);
    expect(rated.state.periods.TW1?.rating).toMatchObject({ predikat: 'baik', as: 'rater' });
    expect(Object.values(rated.state.openTasks).map((t) => t.kind)).toEqual(['acknowledgePeriod']);
    const read = act(rated.state, actor('employee'), { type: 'acknowledgePeriod', period: 'TW1' }, inWindow);
    expect(read.state.periods.TW1?.acknowledgedAt).toBe(inWindow);
    expect(read.state.openTasks).toEqual({});
    expect(closePeriod(read.state, 'TW1', late)).toEqual([]);
  });

  it('when the rater gives feedback on an RHK the agreed SKP lacks, then it is refused naming it', () => {
    const agreed = fold(opened(), [
      {
        type: 'agreement.proposed',
        data: {
          version: 1,
          rhk: [
            {
              id: 'rhk-1',
              kind: 'utama',
              description: 'x',
              parentRhkId: null,
              indicators: [{ id: 'iki-1', description: 'y', aspect: 'waktu', target: '30' }],
            },
          ],
          by: nips.supervisor,
          at: inWindow,
        },
      },
      { type: 'agreement.agreed', data: { version: 1, at: inWindow } },
    ]);
    const feedback = (rhkId: string) =>
      act(
        agreed,
        actor('supervisor'),
        { type: 'givePeriodFeedback', period: 'TW1', rhkId, feedback: 'Tingkatkan' },
        inWindow,
      );
    expect(codeOf(() => feedback('rhk-9'))).toBe('unknown_rhk');
    expect(feedback('rhk-1').state.periods.TW1?.feedback).toEqual([
      { rhkId: 'rhk-1', feedback: 'Tingkatkan', by: nips.supervisor, at: inWindow },
    ]);
  });

  it('when 3 days remain, then both open tasks are reminded', () => {
    expect(types(remindDue(opened(), tw1.deadline, '2026-04-10T17:00:00.000Z'))).toEqual([
      'task.reminded',
      'task.reminded',
    ]);
  });
});

describe('given TW1 unrated at its deadline', () => {
  const escalated = () =>
    fold(opened(), escalatePeriod(opened(), 'TW1', 'superior', tw1.superiorDeadline, late));

  it('when it escalates, then the rater’s task expires and the superior has one, due a week later', () => {
    const state = escalated();
    expect(Object.values(state.openTasks).map((t) => [t.kind, t.assigneeNip, t.dueAt])).toEqual([
      ['recordRealisation', nips.employee, tw1.deadline],
      ['ratePeriod', nips.superior, '2026-04-20T16:59:59.000Z'],
    ]);
    expect(state.periods.TW1?.escalatedTo).toBe('superior');
  });

  it('when the superior rates without the realisation, then it is accepted as the superior’s rating', () => {
    const rated = act(escalated(), actor('superior'), rate, late);
    expect(rated.state.periods.TW1?.rating).toMatchObject({ as: 'superior', by: nips.superior });
    expect(Object.values(rated.state.openTasks).map((t) => t.kind)).toEqual([
      'recordRealisation',
      'acknowledgePeriod',
    ]);
  });

  it('when a stranger or the employee rates, then it is refused', () => {
    expect(codeOf(() => act(escalated(), actor('stranger'), rate, late))).toBe('forbidden_actor');
    expect(codeOf(() => act(escalated(), actor('employee'), rate, late))).toBe('forbidden_actor');
  });

  it('when the superior lets it pass too, then HR rates; and when nobody does, the period closes recorded as missed', () => {
    const toHr = fold(escalated(), escalatePeriod(escalated(), 'TW1', 'hr', tw1.hrDeadline, late));
    expect(Object.values(toHr.openTasks).find((t) => t.kind === 'ratePeriod')).toMatchObject({
      assigneeNip: null,
      assigneeRole: 'hr',
    });
    expect(codeOf(() => act(toHr, actor('superior'), rate, late))).toBe('forbidden_actor');
    expect(act(toHr, actor('hr'), rate, late).state.periods.TW1?.rating?.as).toBe('hr');
    const closed = closePeriod(toHr, 'TW1', late);
    expect(closed.at(-1)).toEqual({
      type: 'period.missed',
      data: { period: 'TW1', rating: true, realisation: true, at: late },
    });
  });
});

describe('given the akhir rating not set by the rating deadline', () => {
  const inRating = () => {
    const s = fold(
      startedAppraisal(),
      transitions.enterStep(startedAppraisal(), 'rating', '2027-02-14T16:59:59.000Z', late),
    );
    return fold(s, transitions.closeStep(s, late));
  };
  const set = { type: 'setRating', results: 'sesuai', behaviour: 'sesuai', feedback: 'Sesuai' } as const;

  it('when it escalates, then the superior may rate and the rating records who rated', () => {
    const state = fold(inRating(), escalateRating(inRating(), 'superior', '2027-02-21T16:59:59.000Z', late));
    expect(state.ratingEscalatedTo).toBe('superior');
    const rated = act(state, actor('superior'), set, late);
    expect(rated.events[0]).toMatchObject({ type: 'rating.set', data: { as: 'superior', predikat: 'baik' } });
    expect(rated.state.openTasks).toEqual({});
    // The state keeps who rated, as what and when: the employee's page and the file say so.
    expect(rated.state.rating).toMatchObject({ as: 'superior', by: nips.superior, at: late });
  });

  it('when HR rates after the superior let it pass too, then the state says HR rated', () => {
    const toSuperior = fold(
      inRating(),
      escalateRating(inRating(), 'superior', '2027-02-21T16:59:59.000Z', late),
    );
    const toHr = fold(toSuperior, escalateRating(toSuperior, 'hr', '2027-02-28T16:59:59.000Z', late));
    const rated = act(toHr, actor('hr'), set, late);
    expect(rated.state.rating).toMatchObject({ as: 'hr', predikat: 'baik' });
  });

  it('when the rater rates on time, then the event is as before escalation existed (no `as`)', () => {
    const s = fold(
      startedAppraisal(),
      transitions.enterStep(startedAppraisal(), 'rating', '2027-02-14T16:59:59.000Z', late),
    );
    const rated = act(s, actor('supervisor'), set, late);
    expect(rated.events[0]?.data).not.toHaveProperty('as');
    expect(rated.state.rating).toMatchObject({ as: 'rater', by: nips.supervisor });
  });

  it('when it is already rated, then there is nothing to escalate', () => {
    const s = fold(
      startedAppraisal(),
      transitions.enterStep(startedAppraisal(), 'rating', '2027-02-14T16:59:59.000Z', late),
    );
    const rated = act(s, actor('supervisor'), set, late).state;
    expect(escalateRating(rated, 'superior', '2027-02-21T16:59:59.000Z', late)).toEqual([]);
  });
});
