// Given/when/then for a mutasi or promotion during the year: the current SKP period closes with what was
// agreed and evaluated in it, a new one opens under the new unit, position and rater, and the akhir
// rating records both.
import { describe, expect, it } from 'vitest';
import type { AppraisalCommand } from '../../../domain/appraisal/commands.ts';
import { evaluationFile } from '../../../domain/appraisal/evaluation-file.ts';
import type { AppraisalEvent, Rhk } from '../../../domain/appraisal/events.ts';
import { type MutasiRequest, recordMutasi } from '../../../domain/appraisal/mutasi.ts';
import { openPeriod } from '../../../domain/appraisal/periodic.ts';
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import * as transitions from '../../../domain/appraisal/transitions.ts';
import type { Actor } from '../../../domain/appraisal/types.ts';
import { codeOf } from '../../support/domain-error.ts';
import { act, actor, fold, nips, recordedSkpPeriods, startedAppraisal, t0, types } from './fixtures.ts';

const newRater = '198807072012121008';
const newSuperior = '197504042001121009';
const july = '2026-07-03T02:00:00.000Z';
const move: MutasiRequest = {
  kind: 'mutasi',
  unitCode: 'PKM-MUARA',
  positionCode: 'BIDAN',
  raterNip: newRater,
  superiorNip: newSuperior,
  reason: 'SK Bupati 821/2026: mutasi ke Puskesmas Muara',
  effectiveDate: '2026-07-01',
  by: nips.hr,
};
const rhk = (id: string): Rhk[] => [
  {
    id,
    kind: 'utama',
    description: 'Waktu tunggu pelayanan turun',
    parentRhkId: null,
    indicators: [{ id: `${id}-iki`, description: 'Waktu tunggu', aspect: 'waktu', target: '30 menit' }],
  },
];
const rater = { nip: newRater, roles: [] };

/** The start of this appraisal, with the participants it started with, for its evaluation file. */
const startedEvent = (s: AppraisalState): AppraisalEvent => ({
  type: 'appraisal.started',
  data: {
    appraisalId: s.appraisalId,
    cycleId: s.cycleId,
    orgId: s.orgId,
    participants: startedAppraisal().participants,
    calendar: {},
    at: t0,
  },
});

/** Agreed SKP v1 with the first rater; TW1 and TW2 opened, realised and rated by them. Events into `log`. */
function halfYear(log: AppraisalEvent[] = []): AppraisalState {
  let state = startedAppraisal();
  const record = (events: AppraisalEvent[]) => {
    log.push(...events);
    state = fold(state, events);
  };
  const by = (who: Actor, command: AppraisalCommand) => record(act(state, who, command).events);
  record(transitions.enterStep(state, 'agreement', '2026-02-14T16:59:59.000Z', t0));
  by(actor('supervisor'), { type: 'proposeIndicators', rhk: rhk('rhk-1') });
  by(actor('employee'), { type: 'signAgreement', version: 1 });
  by(actor('supervisor'), { type: 'signAgreement', version: 1 });
  for (const [period, results, behaviour] of [
    ['TW1', 'sesuai', 'sesuai'],
    ['TW2', 'diAtas', 'diAtas'],
  ] as const) {
    record(openPeriod(state, period, '2026-12-31T16:59:59.000Z', t0));
    const realisations = [{ indicatorId: 'rhk-1-iki', value: '31 menit', evidence: [] }];
    by(actor('employee'), { type: 'recordRealisation', period, realisations });
    by(actor('supervisor'), { type: 'ratePeriod', period, results, behaviour, feedback: 'Baik' });
  }
  return state;
}
const mutate = (state: AppraisalState, request: Partial<MutasiRequest> = {}, now = july) => {
  const events = recordMutasi(state, { ...move, ...request }, now);
  return { events, state: fold(state, events) };
};

describe('given an employee with an agreed SKP and two rated periods', () => {
  it('when HR records a mutasi, then the SKP period closes with what it held and the new rater is to propose', () => {
    const before = halfYear();
    const { events, state } = mutate(before);
    expect(types(events)).toEqual(['mutasi.recorded', 'task.assigned']);
    expect(events[0]?.data).toMatchObject({
      kind: 'mutasi',
      skpPeriod: 2,
      effectiveDate: '2026-07-01',
      unitCode: 'PKM-MUARA',
      positionCode: 'BIDAN',
      supervisorNip: newRater,
      superiorNip: newSuperior,
      closed: {
        unitCode: 'DINKES',
        positionCode: 'PERAWAT',
        supervisorNip: nips.supervisor,
        superiorNip: nips.superior,
        agreedVersion: 1,
        periods: ['TW1', 'TW2'],
      },
    });
    expect(events[1]?.data).toMatchObject({
      taskId: `${before.appraisalId}:proposeIndicators:v2`,
      assigneeNip: newRater,
    });
    expect(state.participants).toMatchObject({
      employee: { unitCode: 'PKM-MUARA', positionCode: 'BIDAN' },
      supervisorNip: newRater,
      superiorNip: newSuperior,
    });
    expect(state.closedSkpPeriods).toEqual([
      expect.objectContaining({ number: 1, from: null, until: '2026-07-01', agreedVersion: 1 }),
    ]);
    expect(state.skpPeriod).toEqual({ number: 2, kind: 'mutasi', from: '2026-07-01' });
    // What the closed period held stays as it was.
    expect(state.periods).toEqual(before.periods);
    expect(state.agreement.versions).toEqual(before.agreement.versions);
    expect(state.agreement.agreedVersion).toBeNull();
  });

  it('when the new rater proposes while the year runs on, then both sign it; the former rater may not', () => {
    let { state } = mutate(halfYear());
    expect(state.step).toBe('checkIns');
    expect(codeOf(() => act(state, actor('supervisor'), { type: 'proposeIndicators', rhk: rhk('x') }))).toBe(
      'forbidden_actor',
    );
    state = act(state, rater, { type: 'proposeIndicators', rhk: rhk('rhk-9') }, july).state;
    state = act(state, actor('employee'), { type: 'signAgreement', version: 2 }, july).state;
    const signed = act(state, rater, { type: 'signAgreement', version: 2 }, july);
    expect(types(signed.events)).toContain('agreement.agreed');
    expect(signed.state.agreement.agreedVersion).toBe(2);
  });

  it('when TW3 is rated under the new SKP and the year is rated, then the akhir rating records both SKP periods', () => {
    let { state } = mutate(halfYear());
    state = act(state, rater, { type: 'proposeIndicators', rhk: rhk('rhk-9') }, july).state;
    state = act(state, actor('employee'), { type: 'signAgreement', version: 2 }, july).state;
    state = act(state, rater, { type: 'signAgreement', version: 2 }, july).state;
    state = fold(state, openPeriod(state, 'TW3', '2026-12-31T16:59:59.000Z', july));
    const realisations = [{ indicatorId: 'rhk-9-iki', value: '25 menit', evidence: [] }];
    state = act(state, actor('employee'), { type: 'recordRealisation', period: 'TW3', realisations }).state;
    const tw3 = { results: 'diBawah' as const, behaviour: 'sesuai' as const, feedback: 'Perlu adaptasi' };
    state = act(state, rater, { type: 'ratePeriod', period: 'TW3', ...tw3 }).state;
    state = fold(state, transitions.enterStep(state, 'rating', '2027-01-31T16:59:59.000Z', july));
    const akhir = { results: 'sesuai' as const, behaviour: 'sesuai' as const, feedback: 'Dua SKP' };
    const { events } = act(state, rater, { type: 'setRating', ...akhir });
    expect(events[0]).toMatchObject({
      type: 'rating.set',
      data: {
        predikat: 'baik',
        skpPeriods: recordedSkpPeriods([
          [1, 'DINKES', 'PERAWAT', nips.supervisor, { TW1: 'baik', TW2: 'sangatBaik' }],
          [2, 'PKM-MUARA', 'BIDAN', newRater, { TW3: 'butuhPerbaikan' }],
        ]),
      },
    });
  });

  it('when a promotion follows the mutasi, then a third SKP period opens, not before the second began', () => {
    const { state } = mutate(halfYear());
    const early = { kind: 'promotion' as const, positionCode: 'KASUBAG', effectiveDate: '2026-06-30' };
    expect(codeOf(() => mutate(state, early))).toBe('invalid_effective_date');
    const promoted = mutate(
      state,
      { kind: 'promotion', positionCode: 'KASUBAG', effectiveDate: '2026-09-01' },
      '2026-09-02T02:00:00.000Z',
    );
    expect(promoted.events[0]?.data).toMatchObject({ kind: 'promotion', skpPeriod: 3 });
    expect(promoted.state.closedSkpPeriods?.map((c) => [c.number, c.from, c.until, c.positionCode])).toEqual([
      [1, null, '2026-07-01', 'PERAWAT'],
      [2, '2026-07-01', '2026-09-01', 'BIDAN'],
    ]);
  });
});

describe('given a year without a mutasi', () => {
  it('when the year is rated, then the rating keeps its one-SKP shape', () => {
    let state = halfYear();
    state = fold(state, transitions.enterStep(state, 'rating', '2027-01-31T16:59:59.000Z', july));
    const akhir = { results: 'sesuai' as const, behaviour: 'sesuai' as const, feedback: 'Setahun' };
    const { events } = act(state, actor('supervisor'), { type: 'setRating', ...akhir });
    expect(events[0]?.data).not.toHaveProperty('skpPeriods');
  });
});

describe('given a mutasi HR may not record', () => {
  it('then a period of the closing SKP open and unrated is refused, naming it', () => {
    let state = halfYear();
    state = fold(state, openPeriod(state, 'TW3', '2026-12-31T16:59:59.000Z', july));
    let error: unknown;
    try {
      recordMutasi(state, move, july);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'period_unrated', details: { period: 'TW3' } });
  });

  it('then the post held already, the employee as rater, a direct report as rater are refused', () => {
    const state = halfYear();
    expect(codeOf(() => mutate(state, { unitCode: 'DINKES', positionCode: 'PERAWAT' }))).toBe('already_done');
    expect(codeOf(() => mutate(state, { raterNip: nips.employee }))).toBe('invalid_rater');
    expect(codeOf(() => mutate(state, { raterNip: nips.subordinate }))).toBe('invalid_rater');
  });

  it('then once the rating has begun it is too late, and a cancelled appraisal takes none', () => {
    const state = halfYear();
    const rating = fold(state, transitions.enterStep(state, 'rating', '2027-01-31T16:59:59.000Z', july));
    expect(codeOf(() => mutate(rating))).toBe('too_late');
    const cancelled = fold(state, transitions.cancel(state, 'Pensiun', nips.hr, july));
    expect(codeOf(() => mutate(cancelled))).toBe('wrong_step');
  });
});

describe('given the SKP still being drafted', () => {
  it('when HR records a mutasi, then the open proposal moves to the new rater and the review task ends', () => {
    const s = startedAppraisal();
    let state = fold(s, transitions.enterStep(s, 'agreement', '2026-02-14T16:59:59.000Z', t0));
    state = act(state, actor('supervisor'), { type: 'proposeIndicators', rhk: rhk('rhk-1') }).state;
    const { events, state: after } = mutate(state, { effectiveDate: '2026-01-20' });
    expect(types(events)).toEqual(['mutasi.recorded', 'task.cancelled', 'task.assigned']);
    expect(Object.values(after.openTasks).map((t) => [t.kind, t.assigneeNip])).toEqual([
      ['proposeIndicators', newRater],
    ]);
  });
});

describe('the evaluation file of a year with a mutasi', () => {
  it('lists each SKP period with its post, rater, days, agreed SKP and evaluation periods', () => {
    const log: AppraisalEvent[] = [];
    const s = halfYear(log);
    const moved = recordMutasi(s, move, july);
    const started = startedEvent(s);
    const names = new Map([
      [nips.supervisor, 'Kepala Puskesmas'],
      [newRater, 'Kepala Puskesmas Muara'],
    ]);
    const file = evaluationFile([started, ...log, ...moved], (nip) => names.get(nip) ?? null);
    expect(file.skpPeriods).toEqual([
      {
        skpPeriod: 1,
        began: 'year',
        unitCode: 'DINKES',
        positionCode: 'PERAWAT',
        rater: { nip: nips.supervisor, name: 'Kepala Puskesmas' },
        from: null,
        until: '2026-07-01',
        agreedVersion: 1,
        periods: ['TW1', 'TW2'],
      },
      {
        skpPeriod: 2,
        began: 'mutasi',
        unitCode: 'PKM-MUARA',
        positionCode: 'BIDAN',
        rater: { nip: newRater, name: 'Kepala Puskesmas Muara' },
        from: '2026-07-01',
        until: null,
        agreedVersion: null,
        periods: [],
      },
    ]);
    // The periods of the closed SKP stay in the file as they were rated.
    expect(file.periods.map((p) => [p.period, p.rating?.predikat])).toEqual([
      ['TW1', 'baik'],
      ['TW2', 'sangatBaik'],
    ]);
    expect(evaluationFile([started, ...log], (nip) => names.get(nip) ?? null)).not.toHaveProperty(
      'skpPeriods',
    );
  });
});

describe('the periods of a year with a mutasi, once the new SKP is agreed', () => {
  it('reads each period against the SKP agreed in its own SKP period, not the current one', () => {
    const log: AppraisalEvent[] = [];
    const s = halfYear(log);
    let state = fold(s, recordMutasi(s, move, july));
    log.push(...recordMutasi(s, move, july));
    const by = (who: Actor, command: AppraisalCommand) => {
      const done = act(state, who, command, july);
      log.push(...done.events);
      state = done.state;
    };
    by(rater, { type: 'proposeIndicators', rhk: rhk('rhk-9') });
    by(actor('employee'), { type: 'signAgreement', version: 2 });
    by(rater, { type: 'signAgreement', version: 2 });
    const opened = openPeriod(state, 'TW3', '2026-12-31T16:59:59.000Z', july);
    log.push(...opened);
    state = fold(state, opened);
    by(actor('employee'), {
      type: 'recordRealisation',
      period: 'TW3',
      realisations: [{ indicatorId: 'rhk-9-iki', value: '25 menit', evidence: [] }],
    });
    const started = startedEvent(s);
    const file = evaluationFile([started, ...log], () => null);
    expect(file.skp?.version).toBe(2);
    const skpOf = (period: string) => {
      const p = file.periods.find((x) => x.period === period);
      return [p?.skp?.version, p?.skp?.rhk.map((r) => r.id), p?.realisation?.realisations[0]?.indicatorId];
    };
    expect(skpOf('TW1')).toEqual([1, ['rhk-1'], 'rhk-1-iki']);
    expect(skpOf('TW2')).toEqual([1, ['rhk-1'], 'rhk-1-iki']);
    expect(skpOf('TW3')).toEqual([2, ['rhk-9'], 'rhk-9-iki']);
  });
});
