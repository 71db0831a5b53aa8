// The SKP as the regulation writes it, over HTTP only on the time-skipping server: HR marks who leads
// each unit and starts a cycle in the kuantitatif approach; the head of the dinas (JPT) drafts the JPT
// form; the head of the puskesmas (JA, a unit leader) drafts their own SKP and their supervisor signs it;
// a nurse (JF) drafts hers, and the cascade to the puskesmas head's agreed SKP is a rule the API answers
// with 422 naming the RHK; realisations are numbers; and the puskesmas head's rating hasil kerja for TW1
// is the capaian kinerja organisasi HR set for the unit, which the rater cannot choose.
import { describe, expect, it } from 'vitest';
import { ok, postDinasAndPuskesmas, useTestApi } from '../support/api.ts';
import { clockSkipper, startTimeSkippingEnv } from '../support/temporal.ts';

const nip = {
  kadis: '197703032000031003',
  kapkm: '198505052010011002',
  nurse: '199001012015031001',
  hr: '198012122005012006',
};
const org = 'tebo';
const csv = [
  'nip,name,email,unit_code,position_code,supervisor_nip,language',
  `${nip.kadis},dr. Hasnah,${nip.kadis}@tebo.go.id,DINKES,KADIS,,id`,
  `${nip.hr},Analis SDM,${nip.hr}@tebo.go.id,DINKES,ANALIS,${nip.kadis},id`,
  `${nip.kapkm},dr. Riko,${nip.kapkm}@tebo.go.id,PKM,KAPKM,${nip.kadis},id`,
  `${nip.nurse},Ns. Fitri,${nip.nurse}@tebo.go.id,PKM,PERAWAT,${nip.kapkm},id`,
].join('\n');

/** A JA/JF RHK with one kuantitatif indicator. */
const rhk = (id: string, parentRhkId: string | null, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'utama',
  description: `Waktu tunggu pasien turun (${id})`,
  parentRhkId,
  indicators: [
    {
      id: `${id}-iki`,
      description: 'Rata-rata waktu tunggu',
      aspect: 'waktu',
      targetValue: 30,
      satuan: 'menit',
      lowerIsBetter: true,
      ...extra,
    },
  ],
});

describe('the SKP forms, approaches, cascade and unit leaders over HTTP (time-skipping server)', () => {
  const live = useTestApi(startTimeSkippingEnv, 'skp');

  it('given a kuantitatif cycle, each form and rule holds from the draft to the leader’s rating', async () => {
    const { t, rig } = live;
    const env = rig.env;
    const token = (who: keyof typeof nip) =>
      t.token(org, nip[who], who === 'hr' ? ['hr', 'employee'] : ['employee']);
    const hr = await token('hr');
    await postDinasAndPuskesmas(t, org, hr, {
      kadis: nip.kadis,
      kapkm: nip.kapkm,
      puskesmas: 'Puskesmas Tebo',
      positions: [
        ['KADIS', 'JPT'],
        ['KAPKM', 'JA'],
        ['PERAWAT', 'JF'],
        ['ANALIS', 'JF'],
      ],
    });
    expect((await ok(t.call('POST', `/v1/orgs/${org}/employees/import`, { token: hr, csv }))).imported).toBe(
      4,
    );

    // When HR names an approach that is not one of the two, then 422 names the field and nothing starts.
    const now = new Date(await env.currentTimeMs());
    const year = now.getUTCFullYear() + 1;
    const start = now.toISOString().slice(0, 10);
    const wrong = await t.call('POST', `/v1/orgs/${org}/cycles`, {
      token: hr,
      body: { year, start, skpApproach: 'campuran' },
    });
    expect(wrong).toMatchObject({
      status: 422,
      type: 'application/problem+json',
      body: { code: 'invalid_skp_approach', field: 'skpApproach' },
    });
    const { cycleId } = await ok(
      t.call('POST', `/v1/orgs/${org}/cycles`, {
        token: hr,
        body: { year, start, skpApproach: 'kuantitatif' },
      }),
    );
    // biome-ignore lint/suspicious/noExplicitAny: the cycle as the API answers it
    let cycle: any;
    for (let i = 0; i < 300 && !cycle; i++) {
      const r = await t.call('GET', `/v1/orgs/${org}/cycles/${cycleId}`, { token: hr });
      if (r.status === 200) cycle = r.body;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(cycle.calendar.skpApproach).toBe('kuantitatif');

    // Then each appraisal records its form, the cycle's approach, and the unit its employee leads.
    const started = async (who: keyof typeof nip) => {
      for (let i = 0; i < 300; i++) {
        const row = await rig.db
          .selectFrom('events')
          .select('data')
          .where('stream_id', '=', `appraisal-${cycleId}.${nip[who]}`)
          .where('type', '=', 'appraisal.started')
          .executeTakeFirst();
        if (row) return (row.data as { skp?: unknown }).skp;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no appraisal for ${who}`);
    };
    expect(await started('kadis')).toEqual({ form: 'jpt', approach: 'kuantitatif', ledUnitCode: 'DINKES' });
    expect(await started('kapkm')).toEqual({ form: 'jaJf', approach: 'kuantitatif', ledUnitCode: 'PKM' });
    expect(await started('nurse')).toEqual({ form: 'jaJf', approach: 'kuantitatif', ledUnitCode: null });

    const skipTo = clockSkipper(env);
    await skipTo(cycle.calendar.agreement.start);
    const tasksOf = async (who: keyof typeof nip, kind: string) => {
      for (let i = 0; i < 300; i++) {
        const inbox = await ok(
          t.call('GET', `/v1/orgs/${org}/me/tasks?limit=200`, { token: await token(who) }),
        );
        const found = (inbox.tasks as Array<{ kind: string; taskId: string }>).filter((x) => x.kind === kind);
        if (found.length > 0) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no ${kind} task for ${who}`);
    };
    const mine = async (who: keyof typeof nip, command: unknown, key: string) =>
      t.call('POST', `/v1/orgs/${org}/me/appraisal/actions`, {
        token: await token(who),
        body: command,
        headers: { 'idempotency-key': key },
      });
    let keys = 0;
    const onTask = async (who: keyof typeof nip, taskId: string, command: unknown) =>
      t.call('POST', `/v1/orgs/${org}/tasks/${encodeURIComponent(taskId)}/actions`, {
        token: await token(who),
        body: command,
        headers: { 'idempotency-key': `act-${++keys}` },
      });

    // The head of the dinas writes the JPT form: groups and a perspektif on each RHK.
    const jpt = {
      id: 'kadis-1',
      kind: 'instruksiKhusus',
      description: 'Akreditasi puskesmas dipercepat',
      parentRhkId: null,
      indicators: [
        { id: 'kadis-iki', description: 'Puskesmas terakreditasi', targetValue: 3, satuan: 'puskesmas' },
      ],
    };
    const noPerspektif = await mine('kadis', { type: 'proposeIndicators', rhk: [jpt] }, 'kadis-1');
    expect(noPerspektif).toMatchObject({
      status: 422,
      body: { code: 'skp_form', rhkId: 'kadis-1', field: 'perspektif' },
    });
    expect(noPerspektif.body.detail).toContain('RHK kadis-1 (Akreditasi puskesmas dipercepat)');
    const jptDraft = { type: 'proposeIndicators', rhk: [{ ...jpt, perspektif: 'prosesBisnis' }] };
    expect((await mine('kadis', jptDraft, 'kadis-2')).status).toBe(200);

    // The head of the puskesmas drafts their own SKP; their supervisor reviews and signs, then they sign.
    const kapkmDraft = {
      type: 'proposeIndicators',
      rhk: [rhk('pkm-1', null)],
      lampiran: { dukunganSumberDaya: ['Aplikasi antrean daring'] },
    };
    expect((await mine('kapkm', kapkmDraft, 'kapkm-1')).status).toBe(200);
    const [review] = await tasksOf('kadis', 'reviewIndicators');
    expect((await onTask('kadis', review!.taskId, { type: 'signAgreement', version: 1 })).status).toBe(200);
    const [sign] = await tasksOf('kapkm', 'signAgreement');
    expect((await onTask('kapkm', sign!.taskId, { type: 'signAgreement', version: 1 })).status).toBe(200);

    // The nurse's RHK utama must name an RHK of the puskesmas head's agreed SKP.
    const loose = await mine('nurse', { type: 'proposeIndicators', rhk: [rhk('nurse-1', null)] }, 'nurse-1');
    expect(loose).toMatchObject({
      status: 422,
      type: 'application/problem+json',
      body: { code: 'cascade_required', rhkId: 'nurse-1', field: 'parentRhkId' },
    });
    expect(loose.body.detail).toContain('RHK nurse-1 (Waktu tunggu pasien turun (nurse-1))');
    const stray = await mine(
      'nurse',
      { type: 'proposeIndicators', rhk: [rhk('nurse-1', 'pkm-9')] },
      'nurse-2',
    );
    expect(stray).toMatchObject({ status: 422, body: { code: 'cascade_unknown', rhkId: 'nurse-1' } });
    expect(stray.body.detail).toContain('pkm-9');
    // A target in words does not fit the kuantitatif approach.
    const words = rhk('nurse-1', 'pkm-1', {
      target: 'setengah jam',
      targetValue: undefined,
      satuan: undefined,
    });
    const inWords = await mine('nurse', { type: 'proposeIndicators', rhk: [words] }, 'nurse-3');
    expect(inWords).toMatchObject({ status: 422, body: { code: 'skp_approach' } });
    const cascaded = await mine(
      'nurse',
      { type: 'proposeIndicators', rhk: [rhk('nurse-1', 'pkm-1')] },
      'nurse-4',
    );
    expect(cascaded.status).toBe(200);
    // The puskesmas head reviews it and signs; the nurse signs.
    const [nurseReview] = await tasksOf('kapkm', 'reviewIndicators');
    expect((await onTask('kapkm', nurseReview!.taskId, { type: 'signAgreement', version: 1 })).status).toBe(
      200,
    );
    const [nurseSign] = await tasksOf('nurse', 'signAgreement');
    expect((await onTask('nurse', nurseSign!.taskId, { type: 'signAgreement', version: 1 })).status).toBe(
      200,
    );

    // TW1: realisations are numbers.
    const tw1 = (cycle.calendar.periods.windows as Array<{ id: string; opens: string }>)[0]!;
    await skipTo(tw1.opens);
    const [record] = await tasksOf('kapkm', 'recordRealisation');
    const inWordsRealisation = await onTask('kapkm', record!.taskId, {
      type: 'recordRealisation',
      period: 'TW1',
      realisations: [{ indicatorId: 'pkm-1-iki', value: 'sekitar 25 menit', evidence: [] }],
    });
    expect(inWordsRealisation).toMatchObject({ status: 422, body: { code: 'skp_approach' } });
    const recorded = await onTask('kapkm', record!.taskId, {
      type: 'recordRealisation',
      period: 'TW1',
      realisations: [{ indicatorId: 'pkm-1-iki', amount: 24, evidence: [{ note: 'Rekap antrean' }] }],
    });
    expect(recorded.status).toBe(200);

    // The leader's rating hasil kerja waits for the unit's capaian, then is taken from it.
    // (The head of the dinas also rates the HR analyst: the puskesmas head's task is the one.)
    const rate = (await tasksOf('kadis', 'ratePeriod')).find((x) => x.taskId.includes(nip.kapkm));
    const rating = {
      type: 'ratePeriod',
      period: 'TW1',
      behaviour: 'diAtas',
      feedback: 'Memimpin dengan baik',
    };
    expect(await onTask('kadis', rate!.taskId, rating)).toMatchObject({
      status: 422,
      body: { code: 'capaian_missing' },
    });
    await ok(
      t.call('POST', `/v1/orgs/${org}/cycles/${cycleId}/units/PKM/predikat`, {
        token: hr,
        body: { predikat: 'baik', period: 'TW1', document: 'SK 800/1/2027' },
      }),
    );
    const chosen = await onTask('kadis', rate!.taskId, { ...rating, results: 'diAtas' });
    expect(chosen).toMatchObject({ status: 422, body: { code: 'results_from_capaian' } });
    expect(chosen.body.detail).toContain('unit PKM');
    expect((await onTask('kadis', rate!.taskId, rating)).status).toBe(200);

    const file = await ok(
      t.call('GET', `/v1/orgs/${org}/appraisals/${cycleId}.${nip.kapkm}/evaluation-file`, {
        token: await token('kadis'),
      }),
    );
    expect(file.setting).toEqual({ form: 'jaJf', approach: 'kuantitatif', ledUnitCode: 'PKM' });
    expect(file.skp.lampiran).toEqual({ dukunganSumberDaya: ['Aplikasi antrean daring'] });
    expect(file.periods[0].realisation.realisations[0]).toMatchObject({ amount: 24 });
    expect(file.periods[0].rating).toMatchObject({
      results: 'sesuai',
      behaviour: 'diAtas',
      predikat: 'baik',
      capaian: 'baik',
    });
  }, 300_000);
});
