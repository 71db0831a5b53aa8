// Indicators fed by data, over real HTTP, a real worker and PostgreSQL on the time-skipping server: HR
// defines a measure of the puskesmas (waiting time, less is better), imports a CSV in which one row is
// wrong (refused whole, every wrong row by line, nothing written), then the right file; another system
// posts a value (once, whatever the retries). The head of the puskesmas binds an SKP indicator to the
// measure; in TW1 their own read offers the unit's value, a realisation sent without a number is
// pre-filled from it, and one with another number is recorded as an override of it.
import { createHash } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appraisalTimeline } from '../../audit/timeline.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { clockSkipper, startTimeSkippingEnv } from '../support/temporal.ts';

const nip = { kadis: '197703032000031003', kapkm: '198505052010011002', hr: '198012122005012006' };
const org = 'merangin';
const api = `/v1/orgs/${org}`;
const people = [
  'nip,name,email,unit_code,position_code,supervisor_nip,language',
  `${nip.kadis},dr. Hasnah,${nip.kadis}@merangin.go.id,DINKES,KADIS,,id`,
  `${nip.hr},Analis SDM,${nip.hr}@merangin.go.id,DINKES,ANALIS,${nip.kadis},id`,
  `${nip.kapkm},dr. Riko,${nip.kapkm}@merangin.go.id,PKM,KAPKM,${nip.kadis},id`,
].join('\n');

describe('a measure of a unit feeding an indicator (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let rig: RunningRig;
  let t: TestApi;

  beforeAll(async () => {
    rig = await startRunningRig(await startTimeSkippingEnv(), 'measures');
    env = rig.env;
    t = await startTestApi(rig);
  }, 120_000);

  afterAll(async () => {
    await t?.api.close();
    await rig?.stop();
  });

  it('given an imported measure, the bound realisation is pre-filled from it and an override is recorded', async () => {
    const hr = await t.token(org, nip.hr, ['hr', 'employee']);
    const kapkm = await t.token(org, nip.kapkm);
    const kadis = await t.token(org, nip.kadis);
    // biome-ignore lint/suspicious/noExplicitAny: JSON of the API, read by the test that asked
    const ok = async (r: Promise<{ status: number; body: any }>) => {
      const response = await r;
      if (response.status >= 300)
        throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body;
    };
    await ok(
      t.call('POST', `${api}/units`, {
        token: hr,
        body: [
          { code: 'DINKES', name: 'Dinas Kesehatan', headNip: nip.kadis },
          { code: 'PKM', name: 'Puskesmas Bangko', parentCode: 'DINKES', headNip: nip.kapkm },
        ],
      }),
    );
    const position = (code: string, kind: string) => ({
      code,
      name: code,
      kind,
      duties: [],
      defaultIndicators: [],
    });
    await ok(
      t.call('POST', `${api}/positions`, {
        token: hr,
        body: [position('KADIS', 'JPT'), position('KAPKM', 'JA'), position('ANALIS', 'JF')],
      }),
    );
    await ok(t.call('POST', `${api}/employees/import`, { token: hr, csv: people }));
    const waiting = {
      code: 'waktu-tunggu',
      name: 'Rata-rata waktu tunggu pasien',
      satuan: 'menit',
      lowerIsBetter: true,
      target: 30,
    };
    expect(await ok(t.call('POST', `${api}/measures`, { token: hr, body: [waiting] }))).toEqual({
      upserted: 1,
    });

    const now = new Date(await env.currentTimeMs());
    const year = now.getUTCFullYear() + 1;
    const header = 'measure_code,unit_code,year,period,value';
    // One wrong row (an unknown unit, a period that is none) refuses the file: nothing is written.
    const refused = await t.call('POST', `${api}/measures/values/import?source=simpus`, {
      token: hr,
      csv: [header, `waktu-tunggu,PKM,${year},TW1,36`, `waktu-tunggu,PKM-X,${year},TW5,30`].join('\n'),
    });
    expect(refused).toMatchObject({
      status: 422,
      type: 'application/problem+json',
      body: {
        code: 'invalid_measure_rows',
        rows: [
          {
            line: 3,
            errors: [
              'unit_code: unknown unit "PKM-X"',
              'period: "TW5" is not a period (TW1-TW4, M01-M12, S1-S2)',
            ],
          },
        ],
      },
    });
    const read = async () => ok(t.call('GET', `${api}/measures?year=${year}`, { token: hr }));
    expect((await read()).measures[0].values).toEqual([]);
    // An employee may not import.
    const notHr = await t.call('POST', `${api}/measures/values/import`, { token: kapkm, csv: header });
    expect(notHr).toMatchObject({ status: 403, body: { code: 'forbidden_role' } });

    // The same on HR's page: the file refused whole, its wrong row by line; then the right one.
    const upload = async (csv: string) => {
      const form = new FormData();
      form.set('file', new File([csv], 'simpus-tw1.csv', { type: 'text/csv' }));
      form.set('source', 'simpus');
      const r = await fetch(`${t.api.url}/app/measures/import`, {
        method: 'POST',
        body: form,
        headers: { cookie: `siklus_session=${hr}; lang=en` },
      });
      return { status: r.status, text: await r.text() };
    };
    const badUpload = await upload(
      [header, `waktu-tunggu,PKM,${year},TW1,36`, `waktu-tunggu,PKM,${year},TW1,abc`].join('\n'),
    );
    expect(badUpload.status).toBe(422);
    expect(badUpload.text).toContain('<tr data-line="3">');
    expect((await read()).measures[0].values).toEqual([]);
    const goodUpload = await upload([header, `waktu-tunggu,PKM,${year},TW1,36`].join('\n'));
    expect(goodUpload.status).toBe(200);
    expect(goodUpload.text).toContain('Values imported: 1.');
    expect(
      await ok(
        t.call('POST', `${api}/measures/values/import?source=simpus`, {
          token: hr,
          csv: [header, `waktu-tunggu,PKM,${year},TW1,36`].join('\n'),
        }),
      ),
    ).toEqual({ imported: 1 });
    // Another system posts TW2, retried under one key: one answer, one value.
    const posted = {
      source: 'antrean-online',
      recordedAt: `${year}-07-01T08:00:00+07:00`,
      values: [{ measureCode: 'waktu-tunggu', unitCode: 'PKM', year, period: 'TW2', value: 25 }],
    };
    const post = () =>
      t.call('POST', `${api}/measures/values`, {
        token: hr,
        body: posted,
        headers: { 'idempotency-key': 'sys-1' },
      });
    expect(await ok(post())).toEqual({ imported: 1 });
    expect(await ok(post())).toEqual({ imported: 1 });
    const badPost = await t.call('POST', `${api}/measures/values`, {
      token: hr,
      body: { ...posted, values: [{ ...posted.values[0], unitCode: 'NOPE' }] },
    });
    expect(badPost).toMatchObject({
      status: 422,
      body: { code: 'invalid_measure_rows', rows: [{ line: 1 }] },
    });
    const monitored = (await read()).measures[0];
    expect(monitored.periods).toEqual(['TW1', 'TW2']);
    expect(monitored.values).toMatchObject([
      {
        unitCode: 'PKM',
        period: 'TW1',
        value: 36,
        target: 30,
        achievement: 80,
        belowTarget: true,
        source: 'simpus',
      },
      { unitCode: 'PKM', period: 'TW2', value: 25, belowTarget: false, source: 'antrean-online' },
    ]);
    expect(monitored.belowTarget).toEqual([]);
    // The monitoring page: HR and the unit's leader see it; an employee who leads no unit does not.
    const page = async (token: string, path: string) => {
      const r = await fetch(`${t.api.url}/app${path}`, {
        headers: { cookie: `siklus_session=${token}; lang=en` },
      });
      return { status: r.status, text: await r.text() };
    };
    const hrPage = await page(hr, `/measures?year=${year}`);
    expect(hrPage.status).toBe(200);
    expect(hrPage.text).toContain('Rata-rata waktu tunggu pasien');
    expect(hrPage.text).toContain('<svg viewBox="0 0 320');
    expect(hrPage.text).toContain('Every unit meets its target in');
    expect((await page(kapkm, `/measures?year=${year}`)).text).toContain(
      'The units you lead: Puskesmas Bangko.',
    );
    expect((await page(await t.token(org, nip.hr), '/measures')).status).toBe(403);

    // A kuantitatif cycle; the puskesmas head binds an indicator to the measure.
    const start = now.toISOString().slice(0, 10);
    const { cycleId } = await ok(
      t.call('POST', `${api}/cycles`, { token: hr, body: { year, start, skpApproach: 'kuantitatif' } }),
    );
    // biome-ignore lint/suspicious/noExplicitAny: the cycle as the API answers it
    let cycle: any;
    for (let i = 0; i < 300 && !cycle; i++) {
      const r = await t.call('GET', `${api}/cycles/${cycleId}`, { token: hr });
      if (r.status === 200) cycle = r.body;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (let i = 0; i < 300; i++) {
      const started = await rig.db
        .selectFrom('appraisals')
        .select('appraisal_id')
        .where('appraisal_id', '=', `${cycleId}.${nip.kapkm}`)
        .executeTakeFirst();
      if (started) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await clockSkipper(env)(cycle.calendar.agreement.start);
    const indicator = {
      id: 'iki-1',
      description: 'Rata-rata waktu tunggu pasien',
      aspect: 'waktu',
      targetValue: 30,
      satuan: 'menit',
      lowerIsBetter: true,
      measureCode: 'waktu-tunggu',
    };
    const rhk = { id: 'pkm-1', kind: 'utama', description: 'Layanan lebih cepat', parentRhkId: null };
    let keys = 0;
    const mine = (command: unknown) =>
      t.call('POST', `${api}/me/appraisal/actions`, {
        token: kapkm,
        body: command,
        headers: { 'idempotency-key': `k-${++keys}` },
      });
    const draft = (ind: Record<string, unknown>) => ({
      type: 'proposeIndicators',
      rhk: [{ ...rhk, indicators: [ind] }],
    });
    expect(await mine(draft({ ...indicator, measureCode: 'antrean' }))).toMatchObject({
      status: 422,
      body: { code: 'unknown_measure', rhkId: 'pkm-1', indicatorId: 'iki-1', field: 'measureCode' },
    });
    expect(await mine(draft({ ...indicator, lowerIsBetter: false }))).toMatchObject({
      status: 422,
      body: { code: 'measure_direction', field: 'lowerIsBetter' },
    });
    expect((await mine(draft(indicator))).status).toBe(200);
    const tasksOf = async (token: string, kind: string) => {
      for (let i = 0; i < 300; i++) {
        const inbox = await ok(t.call('GET', `${api}/me/tasks?limit=200`, { token }));
        const found = (inbox.tasks as Array<{ kind: string; taskId: string }>).filter((x) => x.kind === kind);
        if (found.length > 0) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no ${kind} task`);
    };
    const onTask = (token: string, taskId: string, command: unknown) =>
      t.call('POST', `${api}/tasks/${encodeURIComponent(taskId)}/actions`, {
        token,
        body: command,
        headers: { 'idempotency-key': `k-${++keys}` },
      });
    const [review] = await tasksOf(kadis, 'reviewIndicators');
    expect((await onTask(kadis, review!.taskId, { type: 'signAgreement', version: 1 })).status).toBe(200);
    const [sign] = await tasksOf(kapkm, 'signAgreement');
    expect((await onTask(kapkm, sign!.taskId, { type: 'signAgreement', version: 1 })).status).toBe(200);

    // The employee's own read offers the unit's values for the bound indicator, with the achievement.
    const me = await ok(t.call('GET', `${api}/me/appraisal`, { token: kapkm }));
    expect(me.measures).toMatchObject([
      {
        indicatorId: 'iki-1',
        period: 'TW1',
        code: 'waktu-tunggu',
        value: 36,
        source: 'simpus',
        achievement: 80,
      },
      { indicatorId: 'iki-1', period: 'TW2', value: 25, source: 'antrean-online', achievement: 116.7 },
    ]);

    const tw1 = (cycle.calendar.periods.windows as Array<{ id: string; opens: string }>)[0]!;
    await clockSkipper(env)(tw1.opens);
    const [record] = await tasksOf(kapkm, 'recordRealisation');
    // The realisation form offers the unit's value of the measure as the number.
    const form = await fetch(`${t.api.url}/app/tasks/${encodeURIComponent(record!.taskId)}`, {
      headers: { cookie: `siklus_session=${kapkm}; lang=en` },
    });
    expect(await form.text()).toMatch(/name="realisations\.0\.amount"[^>]* value="36"/);
    const realisationEvents = async () => {
      const rows = await rig.db
        .selectFrom('events')
        .select('data')
        .where('stream_id', '=', `appraisal-${cycleId}.${nip.kapkm}`)
        .where('type', '=', 'period.realisationRecorded')
        .orderBy('stream_version')
        .execute();
      return rows.map((r) => (r.data as { realisations: unknown[] }).realisations[0]);
    };
    // Without a number, and with a measure of the caller's own: the record's value is taken.
    const forged = {
      code: 'waktu-tunggu',
      value: 10,
      source: 'me',
      recordedAt: now.toISOString(),
      overridden: false,
    };
    // The evidence is also a file, named by its hash: the event names it with its name and size as kept.
    const scan = new TextEncoder().encode('%PDF-1.4\nRekap SIMPUS TW1\n%%EOF\n');
    const evidence = await fetch(
      `${t.api.url}${api}/appraisals/${cycleId}.${nip.kapkm}/evidence?name=rekap-simpus.pdf`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${kapkm}`, 'content-type': 'application/pdf' },
        body: scan,
      },
    );
    expect(evidence.status).toBe(201);
    const kept = (await evidence.json()) as { sha256: string };
    const file = {
      sha256: createHash('sha256').update(scan).digest('hex'),
      name: 'rekap-simpus.pdf',
      size: scan.length,
    };
    expect(kept.sha256).toBe(file.sha256);
    const prefilled = await onTask(kapkm, record!.taskId, {
      type: 'recordRealisation',
      period: 'TW1',
      realisations: [
        {
          indicatorId: 'iki-1',
          evidence: [{ note: 'Rekap SIMPUS', file: { ...file, name: 'lain.pdf', contentType: 'image/png' } }],
          measure: forged,
        },
      ],
    });
    expect(prefilled.status).toBe(200);
    const measure = { code: 'waktu-tunggu', value: 36, source: 'simpus' };
    expect(await realisationEvents()).toMatchObject([
      {
        indicatorId: 'iki-1',
        amount: 36,
        evidence: [{ note: 'Rekap SIMPUS', file: { ...file, contentType: 'application/pdf' } }],
        measure: { ...measure, overridden: false },
      },
    ]);
    // The audit timeline lists the file the event names.
    const timeline = await appraisalTimeline(rig.db, `${cycleId}.${nip.kapkm}`, 'id');
    expect(timeline.map((e) => e.sentence)).toContainEqual(
      expect.stringContaining(`berkas bukti: rekap-simpus.pdf (1 KB, SHA-256 ${file.sha256.slice(0, 12)}…)`),
    );
    // Another number, with a note why: recorded as an override of the measure's value.
    const override = await mine({
      type: 'recordRealisation',
      period: 'TW1',
      realisations: [
        {
          indicatorId: 'iki-1',
          amount: 31,
          value: 'SIMPUS mati 3 hari; dihitung dari buku antrean',
          evidence: [],
        },
      ],
    });
    expect(override.status).toBe(200);
    expect((await realisationEvents())[1]).toMatchObject({
      amount: 31,
      measure: { ...measure, overridden: true },
    });

    // A position's standard may bind a default indicator only to a measure there is, in its direction.
    const day = new Date((await env.currentTimeMs()) + 10 * 86_400_000).toISOString().slice(0, 10);
    const round = await ok(
      t.call('POST', `${api}/standards/rounds`, {
        token: hr,
        body: { until: day, positionCodes: ['KAPKM'] },
      }),
    );
    for (let i = 0; i < 300; i++) {
      if ((await t.call('GET', `${api}/standards/rounds/${round.roundId}`, { token: hr })).status === 200)
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const drafted = (ind: Record<string, unknown>) =>
      t.call('POST', `${api}/standards/rounds/${round.roundId}/actions`, {
        token: hr,
        body: {
          type: 'draftStandard',
          positionCode: 'KAPKM',
          standard: { duties: ['Memimpin pelayanan puskesmas'], rhk: [{ ...rhk, indicators: [ind] }] },
        },
      });
    expect(await drafted({ ...indicator, measureCode: 'antrean' })).toMatchObject({
      status: 422,
      type: 'application/problem+json',
      body: { code: 'unknown_measure', indicatorId: 'iki-1' },
    });
    expect(await drafted({ ...indicator, lowerIsBetter: undefined })).toMatchObject({
      status: 422,
      body: { code: 'measure_direction' },
    });
    expect((await drafted(indicator)).status).toBe(200);
    // A target in words has no direction to disagree with.
    const inWords = {
      id: 'iki-1',
      description: 'Waktu tunggu',
      aspect: 'waktu',
      target: 'paling lama 30 menit',
    };
    expect((await drafted({ ...inWords, measureCode: 'waktu-tunggu' })).status).toBe(200);
  }, 300_000);
});
