import { describe, expect, it } from 'vitest';
import type { AppraisalCommand } from '../../../domain/appraisal/commands.ts';
import { decide } from '../../../domain/appraisal/decide.ts';
import {
  curveRecheckOf,
  curveRecheckRequest,
  decisionDueAt,
  expireExplanations,
  nextExplanationDue,
} from '../../../domain/appraisal/objection.ts';
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import * as transitions from '../../../domain/appraisal/transitions.ts';
import type { Actor } from '../../../domain/appraisal/types.ts';
import { codeOf } from '../../support/domain-error.ts';
import { actor, fold, nips, ratedAppraisal, types } from './fixtures.ts';

const zone = 'Asia/Jakarta';
const released = '2026-03-01T00:00:00.000Z';
const filedAt = '2026-03-05T03:00:00.000Z';

function act(state: AppraisalState, who: Actor, command: AppraisalCommand, now: string, dayMs?: number) {
  const events = decide(state, command, { actor: who, now, timeZone: zone, dayMs });
  return { events, state: fold(state, events) };
}

/** Rated (results sesuai, behaviour diBawah: kurang), released, and objected to on 5 March. */
function objected(superiorNip: string | null = nips.superior, dayMs?: number): AppraisalState {
  const rating = { results: 'sesuai', behaviour: 'diBawah', feedback: 'Sering terlambat' } as const;
  const rated = ratedAppraisal(rating, { superiorNip }).state;
  const out = fold(rated, transitions.release(rated, '2026-03-15T16:59:59.000Z', released));
  return act(
    out,
    actor('employee'),
    { type: 'fileObjection', reasons: 'Keterlambatan sudah diizinkan' },
    filedAt,
    dayMs,
  ).state;
}

const ask = (from: 'rater' | 'employee', days = 3): AppraisalCommand => ({
  type: 'askExplanation',
  from,
  question: from === 'rater' ? 'Apa bukti keterlambatan?' : 'Siapa yang memberi izin?',
  days,
});

/** The superior's decision that changes both ratings to sesuai. */
const changeToSesuai: AppraisalCommand = {
  type: 'decideObjection',
  decision: 'changed',
  results: 'sesuai',
  behaviour: 'sesuai',
  reason: 'Izin sah',
};

describe('given an objection filed on 5 March (WIB)', () => {
  const state = objected();

  it('then the superior must decide by 23:59:59 WIB of the 14th day after, and sees the reasons', () => {
    expect(decisionDueAt(filedAt, zone)).toBe('2026-03-19T16:59:59.000Z');
    expect(Object.values(state.openTasks)).toEqual([
      expect.objectContaining({ kind: 'decideObjection', dueAt: '2026-03-19T16:59:59.000Z' }),
    ]);
    expect(state.objection?.reasons).toBe('Keterlambatan sudah diizinkan');
  });

  it('when the superior asks the rater and the employee, then each gets a task due at the end of the local day', () => {
    let s = act(state, actor('superior'), ask('rater', 3), '2026-03-06T02:00:00.000Z').state;
    s = act(s, actor('superior'), ask('employee', 2), '2026-03-06T02:00:00.000Z').state;
    const explain = Object.values(s.openTasks).filter((t) => t.kind === 'explainObjection');
    expect(explain).toEqual([
      expect.objectContaining({ assigneeNip: nips.supervisor, dueAt: '2026-03-09T16:59:59.000Z' }),
      expect.objectContaining({ assigneeNip: nips.employee, dueAt: '2026-03-08T16:59:59.000Z' }),
    ]);
    expect(nextExplanationDue(s)).toBe('2026-03-08T16:59:59.000Z');
    expect(s.objection?.explanations?.map((e) => e.from)).toEqual(['rater', 'employee']);
  });

  it('when someone other than the superior asks, or asks the same party twice, then it is refused', () => {
    expect(codeOf(() => act(state, actor('supervisor'), ask('employee'), filedAt))).toBe('forbidden_actor');
    const s = act(state, actor('superior'), ask('rater'), filedAt).state;
    expect(codeOf(() => act(s, actor('superior'), ask('rater'), filedAt))).toBe('already_done');
  });

  it('when the explanation would be due after the decision is, then it is refused with the due time', () => {
    expect(codeOf(() => act(state, actor('superior'), ask('rater', 14), '2026-03-10T00:00:00.000Z'))).toBe(
      'outside_window',
    );
  });

  it('when the rater answers in time, then the answer is recorded for the superior and the task closes', () => {
    const asked = act(state, actor('superior'), ask('rater'), '2026-03-06T02:00:00.000Z').state;
    expect(
      codeOf(() =>
        act(asked, actor('employee'), { type: 'explainObjection', explanation: 'x' }, '2026-03-07T00:00:00Z'),
      ),
    ).toBe('forbidden_actor');
    const answered = act(
      asked,
      actor('supervisor'),
      { type: 'explainObjection', explanation: 'Absensi elektronik mencatat 12 keterlambatan' },
      '2026-03-07T00:00:00.000Z',
    );
    expect(types(answered.events)).toEqual(['objection.explained', 'task.completed']);
    expect(answered.state.objection?.explanations?.[0]).toMatchObject({
      from: 'rater',
      explanation: 'Absensi elektronik mencatat 12 keterlambatan',
      answeredBy: nips.supervisor,
    });
  });

  it('when the deadline passes unanswered, then it expires, and a late answer is refused', () => {
    const asked = act(state, actor('superior'), ask('employee', 1), '2026-03-06T02:00:00.000Z').state;
    expect(expireExplanations(asked, '2026-03-07T16:59:58.000Z')).toEqual([]);
    const expiry = expireExplanations(asked, '2026-03-07T16:59:59.000Z');
    expect(types(expiry)).toEqual(['task.expired', 'objection.explanationMissed']);
    const expired = fold(asked, expiry);
    expect(expired.objection?.explanations?.[0]?.missed).toBe(true);
    expect(nextExplanationDue(expired)).toBeNull();
    expect(
      codeOf(() =>
        act(asked, actor('employee'), { type: 'explainObjection', explanation: 'x' }, '2026-03-08T00:00:00Z'),
      ),
    ).toBe('deadline_passed');
  });

  it('when the superior decides with explanations still awaited, then the decision is final and cancels them', () => {
    const asked = act(state, actor('superior'), ask('rater'), '2026-03-06T02:00:00.000Z').state;
    const decided = act(asked, actor('superior'), changeToSesuai, '2026-03-07T00:00:00.000Z');
    expect(types(decided.events)).toEqual(['objection.decided', 'task.cancelled', 'task.completed']);
    expect(decided.state.openTasks).toEqual({});
  });

  it('when the superior decides without explanations, then the reasons, the pack and the change are recorded, the old rating event stays', () => {
    const decided = act(state, actor('superior'), changeToSesuai, '2026-03-07T00:00:00.000Z');
    expect(decided.events[0]).toEqual({
      type: 'objection.decided',
      data: {
        decision: 'changed',
        results: 'sesuai',
        behaviour: 'sesuai',
        predikat: 'baik',
        previousPredikat: 'kurang',
        reason: 'Izin sah',
        pack: { id: 'asn-2023', effectiveFrom: '2023-01-01' },
        by: nips.superior,
        at: '2026-03-07T00:00:00.000Z',
      },
    });
    expect(decided.state.objection).toMatchObject({ decisionReason: 'Izin sah', decidedBy: nips.superior });
    expect(curveRecheckOf(state, decided.events[0] as never)).toEqual({
      cycleId: 'bungo.2026',
      unitCode: 'DINKES',
      appraisalId: state.appraisalId,
      from: 'kurang',
      to: 'baik',
    });
    const upheld = act(
      state,
      actor('superior'),
      { type: 'decideObjection', decision: 'upheld', reason: 'Tetap' },
      filedAt,
    );
    expect(curveRecheckOf(state, upheld.events[0] as never)).toBeNull();
    // The workflow reads the same from the state once decided: the unit, the person, the change, who decided.
    expect(curveRecheckRequest(state)).toBeNull();
    expect(curveRecheckRequest(decided.state)).toEqual({
      unitCode: 'DINKES',
      appraisalId: state.appraisalId,
      nip: nips.employee,
      from: 'kurang',
      to: 'baik',
      by: nips.superior,
    });
    expect(curveRecheckRequest(upheld.state)).toBeNull();
    expect(
      codeOf(() =>
        act(
          state,
          actor('superior'),
          { type: 'decideObjection', decision: 'upheld', reason: 'x', letterRef: '800/1' },
          filedAt,
        ),
      ),
    ).toBe('invalid_decision');
  });

  it('when asking after the decision, or answering without being asked, then there is no open objection', () => {
    const decided = act(
      state,
      actor('superior'),
      { type: 'decideObjection', decision: 'upheld', reason: 'Tetap' },
      filedAt,
    );
    expect(codeOf(() => act(decided.state, actor('superior'), ask('rater'), filedAt))).toBe('wrong_step');
    expect(
      codeOf(() => act(state, actor('supervisor'), { type: 'explainObjection', explanation: 'x' }, filedAt)),
    ).toBe('forbidden_actor');
  });
});

describe('given an objection in a training cycle, whose day is a minute', () => {
  const minute = 60_000;
  const later = (n: number) => new Date(Date.parse(filedAt) + n * minute).toISOString();
  const state = objected(nips.superior, minute);

  it('then the superior must decide 14 minutes after the filing, and an explanation is due its days in minutes', () => {
    expect(Object.values(state.openTasks)).toEqual([
      expect.objectContaining({ kind: 'decideObjection', dueAt: later(14) }),
    ]);
    const s = act(state, actor('superior'), ask('rater', 3), later(1), minute).state;
    expect(nextExplanationDue(s)).toBe(later(4));
    // Past the decision's 14 minutes no explanation may be due.
    expect(codeOf(() => act(state, actor('superior'), ask('employee', 14), later(1), minute))).toBe(
      'outside_window',
    );
  });
});

describe('given an objection whose rater has no superior in siklus (a Bupati)', () => {
  const state = objected(null);

  it('when HR decides without the decision letter, then it is refused', () => {
    expect(
      codeOf(() =>
        act(state, actor('hr'), { type: 'decideObjection', decision: 'upheld', reason: 'Tetap' }, filedAt),
      ),
    ).toBe('letter_required');
  });

  it('when HR records the decision as the named delegate, then the letter is recorded with HR as who decided', () => {
    const decided = act(
      state,
      actor('hr'),
      {
        type: 'decideObjection',
        decision: 'upheld',
        reason: 'Sesuai SK Bupati',
        letterRef: '800/123/BKPSDM/2026',
      },
      filedAt,
    );
    expect(decided.events[0]).toMatchObject({
      type: 'objection.decided',
      data: { delegate: { letterRef: '800/123/BKPSDM/2026' }, by: nips.hr },
    });
    expect(decided.state.objection?.delegate).toEqual({ letterRef: '800/123/BKPSDM/2026' });
  });
});

describe('given a Kurang/Misconduct predikat at follow-up', () => {
  const cycleEnd = '2026-12-31T00:00:00.000Z';
  const state = objected();
  const upheld = act(
    state,
    actor('superior'),
    { type: 'decideObjection', decision: 'upheld', reason: 'Tetap' },
    filedAt,
  ).state;

  it('when the workflow opens follow-up with pembinaan, then HR has a pembinaan task besides the referral', () => {
    const events = transitions.followUp(upheld, cycleEnd, '2026-03-16T00:00:00.000Z', { pembinaan: true });
    const s = fold(upheld, events);
    expect(Object.values(s.openTasks).map((t) => [t.kind, t.assigneeRole])).toEqual([
      ['assignTraining', 'hr'],
      ['pembinaan', 'hr'],
    ]);
    expect(codeOf(() => act(s, actor('supervisor'), { type: 'recordGuidance', note: 'x' }, cycleEnd))).toBe(
      'forbidden_actor',
    );
    const guided = act(
      s,
      actor('hr'),
      { type: 'recordGuidance', note: 'Konseling 2 sesi' },
      '2026-04-01T00:00:00Z',
    );
    expect(types(guided.events)).toEqual(['guidance.recorded', 'task.completed']);
    expect(guided.state.guidance).toMatchObject({ note: 'Konseling 2 sesi', by: nips.hr });
  });

  it('when the workflow of before opens follow-up, or the predikat is Butuh Perbaikan, then no pembinaan task', () => {
    const before = fold(upheld, transitions.followUp(upheld, cycleEnd, '2026-03-16T00:00:00.000Z'));
    expect(Object.values(before.openTasks).map((t) => t.kind)).toEqual(['assignTraining']);
    const better = act(
      state,
      actor('superior'),
      { type: 'decideObjection', decision: 'changed', results: 'diBawah', behaviour: 'sesuai', reason: 'x' },
      filedAt,
    ).state;
    expect(better.rating?.predikat).toBe('butuhPerbaikan');
    const s = fold(
      better,
      transitions.followUp(better, cycleEnd, '2026-03-16T00:00:00.000Z', { pembinaan: true }),
    );
    expect(Object.values(s.openTasks).map((t) => t.kind)).toEqual(['assignTraining']);
    expect(codeOf(() => act(s, actor('hr'), { type: 'recordGuidance', note: 'x' }, cycleEnd))).toBe(
      'wrong_step',
    );
  });
});

describe('given a rating set', () => {
  it('then it records the regulation pack in force on that local day', () => {
    const { events } = ratedAppraisal({ results: 'sesuai', behaviour: 'sesuai', feedback: 'Baik' });
    expect(events[0]?.data).toMatchObject({ pack: { id: 'asn-2023', effectiveFrom: '2023-01-01' } });
  });
});
