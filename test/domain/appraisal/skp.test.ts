// Given/when/then for the SKP as PermenPANRB 6/2022 writes it: the two forms (JPT, JA/JF), the two
// approaches (kualitatif, kuantitatif), either party drafting, the cascade to the supervisor's agreed
// SKP, and a unit leader's rating hasil kerja taken from the unit's capaian kinerja organisasi.
import { describe, expect, it } from 'vitest';
import type { AppraisalCommand } from '../../../domain/appraisal/commands.ts';
import { type DecideContext, decide } from '../../../domain/appraisal/decide.ts';
import { openPeriod } from '../../../domain/appraisal/periodic.ts';
import {
  achievementPercent,
  ratingFromCapaian,
  type SkpSetting,
  skpFormFor,
} from '../../../domain/appraisal/skp.ts';
import { type AppraisalState, initialState } from '../../../domain/appraisal/state.ts';
import * as transitions from '../../../domain/appraisal/transitions.ts';
import type { Actor } from '../../../domain/appraisal/types.ts';
import { evaluationPeriods } from '../../../domain/cycle/periods.ts';
import { DomainError } from '../../../domain/errors.ts';
import { actor, fold, jptRhk, nips, startedAppraisal, t0, types } from './fixtures.ts';

type Propose = Extract<AppraisalCommand, { type: 'proposeIndicators' }>;
type Rhk = Propose['rhk'][number];

const jaJfKualitatif: SkpSetting = { form: 'jaJf', approach: 'kualitatif', ledUnitCode: null };
const jaJfKuantitatif: SkpSetting = { form: 'jaJf', approach: 'kuantitatif', ledUnitCode: null };
const jptKuantitatif: SkpSetting = { form: 'jpt', approach: 'kuantitatif', ledUnitCode: 'DINKES' };

/** An appraisal started with this SKP setting, in the agreement step. */
function inAgreement(skp: SkpSetting): AppraisalState {
  const started = startedAppraisal();
  const state = initialState({
    appraisalId: started.appraisalId,
    cycleId: started.cycleId,
    orgId: started.orgId,
    participants: started.participants,
    calendar: started.calendar,
    skp,
    at: t0,
  });
  return fold(state, transitions.enterStep(state, 'agreement', '2026-02-14T00:00:00.000Z', t0));
}

function run(
  state: AppraisalState,
  who: Actor,
  command: AppraisalCommand,
  extra: Partial<DecideContext> = {},
) {
  const events = decide(state, command, { actor: who, now: t0, ...extra });
  return { events, state: fold(state, events) };
}

function refusal(fn: () => unknown): { code: string; message: string; details: unknown } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError)
      return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  return { code: 'no error', message: '', details: undefined };
}

const words: Rhk = {
  id: 'rhk-1',
  kind: 'utama',
  description: 'Rekam medis lengkap',
  parentRhkId: 'sup-1',
  indicators: [
    { id: 'iki-1', description: 'Rekam medis lengkap dalam 24 jam', aspect: 'kualitas', target: '95%' },
  ],
};
const numbers: Rhk = {
  ...words,
  indicators: [
    {
      id: 'iki-1',
      description: 'Rata-rata waktu tunggu',
      aspect: 'waktu',
      targetValue: 30,
      satuan: 'menit',
      lowerIsBetter: true,
    },
  ],
};
const openTaskKinds = (s: AppraisalState) =>
  Object.values(s.openTasks)
    .map((t) => `${t.kind}:${t.assigneeRole}`)
    .sort();

describe('given the form follows the position', () => {
  it('when the position is JPT, or its holder leads an independent unit, then the JPT form; else JA/JF', () => {
    expect(skpFormFor('JPT', false)).toBe('jpt');
    expect(skpFormFor('JA', true)).toBe('jpt');
    expect(skpFormFor('JA', false)).toBe('jaJf');
    expect(skpFormFor('JF', false)).toBe('jaJf');
  });
});

describe('given a JA/JF SKP in the kualitatif approach', () => {
  const state = inAgreement(jaJfKualitatif);

  it('when the employee drafts, the supervisor comments, the employee revises and both sign, then every version is kept and the SKP is agreed', () => {
    const drafted = run(
      state,
      actor('employee'),
      { type: 'proposeIndicators', rhk: [words] },
      { supervisorRhk: ['sup-1'] },
    );
    expect(drafted.state.agreement.versions[0]).toMatchObject({ version: 1, role: 'employee' });
    // The supervisor's own draft task closes: the supervisor now reviews the employee's draft.
    expect(openTaskKinds(drafted.state)).toEqual(['reviewIndicators:supervisor']);
    const commented = run(drafted.state, actor('supervisor'), {
      type: 'commentIndicators',
      version: 1,
      comment: 'Tambahkan indikator waktu',
    });
    expect(openTaskKinds(commented.state)).toEqual(['proposeIndicators:employee']);
    const revised = run(
      commented.state,
      actor('employee'),
      { type: 'proposeIndicators', rhk: [words] },
      { supervisorRhk: ['sup-1'] },
    );
    const signed = run(revised.state, actor('supervisor'), { type: 'signAgreement', version: 2 });
    // The author has no task on the version: one to sign it is given.
    expect(openTaskKinds(signed.state)).toEqual(['signAgreement:employee']);
    const agreed = run(signed.state, actor('employee'), { type: 'signAgreement', version: 2 });
    expect(types(agreed.events)).toContain('agreement.agreed');
    expect(agreed.state.agreement.versions.map((v) => [v.version, v.role])).toEqual([
      [1, 'employee'],
      [2, 'employee'],
    ]);
    expect(agreed.state.openTasks).toEqual({});
  });

  it('when the supervisor drafts and the employee signs first, then the supervisor signs as before', () => {
    const drafted = run(
      state,
      actor('supervisor'),
      { type: 'proposeIndicators', rhk: [words] },
      { supervisorRhk: ['sup-1'] },
    );
    expect(openTaskKinds(drafted.state)).toEqual(['reviewIndicators:employee']);
    const signed = run(drafted.state, actor('employee'), { type: 'signAgreement', version: 1 });
    expect(openTaskKinds(signed.state)).toEqual(['signAgreement:supervisor']);
    expect(
      types(run(signed.state, actor('supervisor'), { type: 'signAgreement', version: 1 }).events),
    ).toContain('agreement.agreed');
  });

  it('when the author comments on their own version, then it is refused: the other party reviews', () => {
    const drafted = run(state, actor('employee'), { type: 'proposeIndicators', rhk: [words] });
    expect(
      refusal(() =>
        run(drafted.state, actor('employee'), { type: 'commentIndicators', version: 1, comment: 'x' }),
      ).code,
    ).toBe('forbidden_actor');
  });

  it('when an RHK utama names no RHK of the supervisor’s agreed SKP, then it is refused with a message naming the RHK', () => {
    const loose = { ...words, id: 'rhk-7', description: 'Menyusun laporan', parentRhkId: null };
    const answer = refusal(() =>
      run(
        state,
        actor('employee'),
        { type: 'proposeIndicators', rhk: [words, loose] },
        { supervisorRhk: ['sup-1'] },
      ),
    );
    expect(answer.code).toBe('cascade_required');
    expect(answer.message).toContain('RHK rhk-7 (Menyusun laporan)');
    expect(answer.details).toMatchObject({ rhkId: 'rhk-7', field: 'parentRhkId' });
  });

  it('when an RHK names an RHK the supervisor’s agreed SKP does not have, then it is refused naming both', () => {
    const answer = refusal(() =>
      run(
        state,
        actor('supervisor'),
        { type: 'proposeIndicators', rhk: [{ ...words, parentRhkId: 'sup-9' }] },
        { supervisorRhk: ['sup-1'] },
      ),
    );
    expect(answer.code).toBe('cascade_unknown');
    expect(answer.message).toContain('rhk-1');
    expect(answer.message).toContain('sup-9');
  });

  it('when the supervisor has no agreed SKP, then an RHK utama need not name one; a tambahan never has to', () => {
    const free = [
      { ...words, parentRhkId: null },
      { ...words, id: 'rhk-2', kind: 'tambahan' as const, parentRhkId: null },
    ];
    expect(
      types(
        run(state, actor('employee'), { type: 'proposeIndicators', rhk: free }, { supervisorRhk: [] }).events,
      ),
    ).toContain('agreement.proposed');
    const tambahan = [words, { ...words, id: 'rhk-2', kind: 'tambahan' as const, parentRhkId: null }];
    expect(
      run(
        state,
        actor('employee'),
        { type: 'proposeIndicators', rhk: tambahan },
        { supervisorRhk: ['sup-1'] },
      ).events[0]?.type,
    ).toBe('agreement.proposed');
  });

  it('when the form has JPT parts (instruksi khusus, a perspektif) or an indicator has no aspect, then it is refused', () => {
    const propose = (rhk: Rhk) => () =>
      run(state, actor('supervisor'), { type: 'proposeIndicators', rhk: [rhk] });
    expect(refusal(propose({ ...words, kind: 'instruksiKhusus' })).code).toBe('skp_form');
    expect(refusal(propose({ ...words, perspektif: 'anggaran' })).code).toBe('skp_form');
    const { aspect: _aspect, ...noAspect } = words.indicators[0]!;
    expect(refusal(propose({ ...words, indicators: [noAspect] })).message).toContain('needs an aspect');
  });

  it('when a target is a number, then it is refused: the kualitatif approach describes targets in words', () => {
    const answer = refusal(() =>
      run(state, actor('supervisor'), { type: 'proposeIndicators', rhk: [numbers] }),
    );
    expect(answer.code).toBe('skp_approach');
  });

  it('when the supervisor writes ekspektasi khusus pimpinan, then an employee’s revision carries them and cannot change them', () => {
    const ekspektasi = { akuntabel: 'Laporan tepat waktu setiap bulan' };
    const drafted = run(state, actor('supervisor'), { type: 'proposeIndicators', rhk: [words], ekspektasi });
    const commented = run(drafted.state, actor('employee'), {
      type: 'commentIndicators',
      version: 1,
      comment: 'x',
    });
    // The supervisor revises; the employee cannot.
    expect(
      refusal(() =>
        run(commented.state, actor('employee'), {
          type: 'proposeIndicators',
          rhk: [words],
          ekspektasi: { akuntabel: 'Lain' },
        }),
      ).code,
    ).toBe('ekspektasi_by_rater');
    // The employee's own revision keeps the rater's ekspektasi without writing them.
    const revised = run(commented.state, actor('employee'), { type: 'proposeIndicators', rhk: [words] });
    expect(revised.state.agreement.versions.at(-1)).toMatchObject({
      version: 2,
      role: 'employee',
      ekspektasi,
    });
  });

  it('when a lampiran is written, then the version keeps it', () => {
    const lampiran = { dukunganSumberDaya: ['Aplikasi rekam medis'], konsekuensi: ['Teguran tertulis'] };
    const drafted = run(state, actor('employee'), { type: 'proposeIndicators', rhk: [words], lampiran });
    expect(drafted.state.agreement.versions[0]?.lampiran).toEqual(lampiran);
  });
});

describe('given a JPT SKP in the kuantitatif approach', () => {
  const state = inAgreement(jptKuantitatif);
  const jpt = jptRhk([
    { id: 'iki-1', description: 'Puskesmas terakreditasi paripurna', targetValue: 3, satuan: 'puskesmas' },
  ]);

  it('when RHK are grouped utama, instruksi khusus and tambahan with a perspektif and a number target, then the proposal is taken', () => {
    const rhk = [
      { ...jpt, id: 'a', kind: 'utama' as const },
      jpt,
      { ...jpt, id: 'c', kind: 'tambahan' as const },
    ];
    const proposed = run(state, actor('supervisor'), { type: 'proposeIndicators', rhk });
    expect(proposed.state.agreement.versions[0]?.rhk.map((r) => r.kind)).toEqual([
      'utama',
      'instruksiKhusus',
      'tambahan',
    ]);
  });

  it('when an RHK has no perspektif, then it is refused naming the RHK', () => {
    const { perspektif: _p, ...none } = jpt;
    const answer = refusal(() => run(state, actor('supervisor'), { type: 'proposeIndicators', rhk: [none] }));
    expect(answer).toMatchObject({ code: 'skp_form', details: { rhkId: 'rhk-1', field: 'perspektif' } });
  });

  it('when a target is in words, or a number lacks its satuan, then it is refused', () => {
    const words = { id: 'iki-1', description: 'Akreditasi', target: 'tiga puskesmas' };
    expect(
      refusal(() =>
        run(state, actor('supervisor'), {
          type: 'proposeIndicators',
          rhk: [{ ...jpt, indicators: [words] }],
        }),
      ).code,
    ).toBe('skp_approach');
    const bare = { id: 'iki-1', description: 'Akreditasi', targetValue: 3 };
    expect(
      refusal(() =>
        run(state, actor('supervisor'), { type: 'proposeIndicators', rhk: [{ ...jpt, indicators: [bare] }] }),
      ).message,
    ).toContain('satuan');
  });
});

describe('given the kuantitatif approach in a period', () => {
  const [tw1] = evaluationPeriods('quarterly', 2026, 'Asia/Jakarta');
  if (!tw1) throw new Error('no TW1');
  const agreed = (() => {
    let s = inAgreement(jaJfKuantitatif);
    s = run(s, actor('supervisor'), { type: 'proposeIndicators', rhk: [numbers] }).state;
    s = run(s, actor('employee'), { type: 'signAgreement', version: 1 }).state;
    s = run(s, actor('supervisor'), { type: 'signAgreement', version: 1 }).state;
    return fold(s, openPeriod(s, 'TW1', tw1.deadline, tw1.opens));
  })();

  it('when the realisation is a number, then it is recorded, and its achievement is a percentage', () => {
    const r = run(agreed, actor('employee'), {
      type: 'recordRealisation',
      period: 'TW1',
      realisations: [{ indicatorId: 'iki-1', amount: 24, evidence: [] }],
    });
    expect(types(r.events)).toContain('period.realisationRecorded');
    // 24 minutes against 30, where less is better: (2 - 24/30) = 120 %.
    expect(achievementPercent(numbers.indicators[0]!, 24)).toBe(120);
    expect(
      achievementPercent({ id: 'x', description: 'Dokumen', targetValue: 12, satuan: 'dokumen' }, 9),
    ).toBe(75);
  });

  it('when the realisation is only words, then it is refused', () => {
    const answer = refusal(() =>
      run(agreed, actor('employee'), {
        type: 'recordRealisation',
        period: 'TW1',
        realisations: [{ indicatorId: 'iki-1', value: 'sekitar setengah jam', evidence: [] }],
      }),
    );
    expect(answer).toMatchObject({ code: 'skp_approach', details: { field: 'realisations.0.amount' } });
  });
});

describe('given a unit leader in the rating step', () => {
  const leader = (() => {
    const s = inAgreement({ ...jaJfKualitatif, ledUnitCode: 'PKM' });
    return fold(s, transitions.enterStep(s, 'rating', '2027-02-01T00:00:00.000Z', t0));
  })();
  const rate = { type: 'setRating', behaviour: 'diAtas', feedback: 'Memimpin dengan baik' } as const;

  it('when the unit’s capaian is Baik, then the rating hasil kerja is sesuai ekspektasi, whatever the rater leaves out', () => {
    const rated = run(leader, actor('supervisor'), rate, { capaian: 'baik' });
    expect(rated.events[0]).toMatchObject({
      type: 'rating.set',
      data: { results: 'sesuai', behaviour: 'diAtas', predikat: 'baik', capaian: 'baik' },
    });
    expect([ratingFromCapaian('istimewa'), ratingFromCapaian('kurang')]).toEqual(['diAtas', 'diBawah']);
  });

  it('when the rater picks another rating hasil kerja, then it is refused: it cannot be chosen', () => {
    const answer = refusal(() =>
      run(leader, actor('supervisor'), { ...rate, results: 'diAtas' }, { capaian: 'baik' }),
    );
    expect(answer.code).toBe('results_from_capaian');
    expect(answer.message).toContain('unit PKM');
  });

  it('when HR has not set the capaian, then the rating waits for it', () => {
    expect(refusal(() => run(leader, actor('supervisor'), rate, { capaian: null })).code).toBe(
      'capaian_missing',
    );
  });

  it('when the leader objects, then the superior may change the rating perilaku kerja, never the rating hasil kerja', () => {
    const rated = run(leader, actor('supervisor'), rate, { capaian: 'kurang' }).state;
    const released = fold(rated, transitions.release(rated, '2027-03-01T00:00:00.000Z', t0));
    const objected = run(released, actor('employee'), {
      type: 'fileObjection',
      reasons: 'Capaian unit keliru',
    });
    const change = { type: 'decideObjection', decision: 'changed', reason: 'Ditinjau' } as const;
    expect(
      refusal(() =>
        run(objected.state, actor('superior'), { ...change, results: 'sesuai', behaviour: 'diAtas' }),
      ).code,
    ).toBe('results_from_capaian');
    expect(
      run(objected.state, actor('superior'), { ...change, results: 'diBawah', behaviour: 'sesuai' })
        .events[0],
    ).toMatchObject({ type: 'objection.decided', data: { results: 'diBawah', behaviour: 'sesuai' } });
  });

  it('when the appraised person leads no unit, then the rater picks the rating hasil kerja and must give it', () => {
    const staff = (() => {
      const s = inAgreement(jaJfKualitatif);
      return fold(s, transitions.enterStep(s, 'rating', '2027-02-01T00:00:00.000Z', t0));
    })();
    expect(refusal(() => run(staff, actor('supervisor'), rate)).code).toBe('results_required');
    expect(run(staff, actor('supervisor'), { ...rate, results: 'diAtas' }).events[0]).toMatchObject({
      data: { results: 'diAtas', predikat: 'sangatBaik' },
    });
  });
});

describe('given an appraisal started before the forms', () => {
  const state = fold(
    startedAppraisal(),
    transitions.enterStep(startedAppraisal(), 'agreement', '2026-02-14T00:00:00.000Z', t0),
  );

  it('when the employee proposes, then it is refused as it always was; the supervisor proposes the one shape of old', () => {
    expect(
      refusal(() => run(state, actor('employee'), { type: 'proposeIndicators', rhk: [words] })).code,
    ).toBe('forbidden_actor');
    const proposed = run(state, actor('supervisor'), { type: 'proposeIndicators', rhk: [words] });
    expect(proposed.events[0]).toEqual({
      type: 'agreement.proposed',
      data: { version: 1, rhk: [words], by: nips.supervisor, at: t0 },
    });
    expect(
      refusal(() => run(state, actor('supervisor'), { type: 'proposeIndicators', rhk: [numbers] })).code,
    ).toBe('skp_approach');
  });
});
