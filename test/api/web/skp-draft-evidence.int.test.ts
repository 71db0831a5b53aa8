// An employee's year on the web pages, over real HTTP, a real worker and PostgreSQL on the time-skipping
// server: a nurse's first SKP draft starts from the default indicators of her position (master data) and
// offers her supervisor's agreed RHK as the cascade's choices, keeping nothing until sent; in TW1 her
// realisation takes a photo as evidence (multipart, no script): a file of another kind or over 5 MiB is
// the page's error and keeps nothing; a photo is kept, named in the event, linked on her page and in the
// evaluation file her rater opens from the team page, and listed in the audit timeline.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appraisalTimeline } from '../../../audit/timeline.ts';
import { startTestApi, type TestApi } from '../../support/api.ts';
import { type RunningRig, startRunningRig } from '../../support/siklus-worker.ts';
import { clockSkipper, startTimeSkippingEnv } from '../../support/temporal.ts';
import { tinyPng } from '../../support/tiny-png.ts';

const nip = {
  kadis: '197703032000031003',
  kabid: '198505052010011002',
  nurse: '199001012015032001',
  hr: '198012122005012006',
  auditor: '197001011995031009',
};
const org = 'tebo';
const api = `/v1/orgs/${org}`;
const people = [
  'nip,name,email,unit_code,position_code,supervisor_nip,language',
  `${nip.kadis},dr. Hasnah,${nip.kadis}@tebo.go.id,DINKES,KADIS,,id`,
  `${nip.hr},Analis SDM,${nip.hr}@tebo.go.id,DINKES,ANALIS,${nip.kadis},id`,
  `${nip.kabid},Ns. Rahmat,${nip.kabid}@tebo.go.id,DINKES,KABID,${nip.kadis},id`,
  `${nip.nurse},Ns. Fitri,${nip.nurse}@tebo.go.id,DINKES,PERAWAT,${nip.kabid},id`,
].join('\n');
const defaults = [
  { description: 'Asuhan keperawatan terdokumentasi', aspect: 'kualitas', target: '100% pasien rawat inap' },
  { description: 'Kunjungan rumah', aspect: 'kuantitas', target: '20 kunjungan' },
];

describe('the SKP draft and the realisation with evidence files (web, time-skipping server)', () => {
  let rig: RunningRig;
  let t: TestApi;
  let cycleId = '';
  // biome-ignore lint/suspicious/noExplicitAny: the cycle as the API answers it
  let cycle: any;
  const token: Record<string, string> = {};
  let keys = 0;
  const appraisalId = () => `${cycleId}.${nip.nurse}`;
  // biome-ignore lint/suspicious/noExplicitAny: JSON of the API, read by the test that asked
  const ok = async (r: Promise<{ status: number; body: any }>) => {
    const response = await r;
    if (response.status >= 300) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const mine = (who: string, command: unknown) =>
    ok(
      t.call('POST', `${api}/me/appraisal/actions`, {
        token: token[who],
        body: command,
        headers: { 'idempotency-key': `k-${++keys}` },
      }),
    );
  const taskOf = async (who: string, kind: string, of: string) => {
    for (let i = 0; i < 300; i++) {
      const inbox = await ok(t.call('GET', `${api}/me/tasks?limit=200`, { token: token[who] }));
      const found = (inbox.tasks as Array<{ kind: string; taskId: string; appraisalId: string }>).find(
        (x) => x.kind === kind && x.appraisalId === `${cycleId}.${of}`,
      );
      if (found) return found.taskId;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no ${kind} task of ${of}`);
  };
  const onTask = (who: string, taskId: string, command: unknown) =>
    ok(
      t.call('POST', `${api}/tasks/${encodeURIComponent(taskId)}/actions`, {
        token: token[who],
        body: command,
        headers: { 'idempotency-key': `k-${++keys}` },
      }),
    );
  /** The one who reviews `of`'s proposed SKP signs it, then `of` signs it too: version 1 is agreed. */
  const signBoth = async (reviewer: keyof typeof nip, of: keyof typeof nip) => {
    await onTask(reviewer, await taskOf(reviewer, 'reviewIndicators', nip[of]), {
      type: 'signAgreement',
      version: 1,
    });
    await onTask(of, await taskOf(of, 'signAgreement', nip[of]), { type: 'signAgreement', version: 1 });
  };
  const page = async (who: string, path: string) => {
    const r = await fetch(`${t.api.url}${path}`, {
      headers: { cookie: `siklus_session=${token[who]}; lang=id` },
    });
    return { status: r.status, text: await r.text(), type: r.headers.get('content-type') ?? '' };
  };
  const nurseEvents = async (type: string) =>
    rig.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', `appraisal-${appraisalId()}`)
      .where('type', '=', type)
      .execute();
  const keptFiles = async () =>
    Number(
      (
        await rig.db
          .selectFrom('evidence_files')
          .select(rig.db.fn.countAll().as('n'))
          .where('appraisal_id', '=', appraisalId())
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    rig = await startRunningRig(await startTimeSkippingEnv(), 'skp_evidence');
    t = await startTestApi(rig);
    for (const who of ['kadis', 'kabid', 'nurse'] as const) token[who] = await t.token(org, nip[who]);
    token.hr = await t.token(org, nip.hr, ['hr', 'employee']);
    token.auditor = await t.token(org, nip.auditor, ['auditor']);
    await ok(
      t.call('POST', `${api}/units`, {
        token: token.hr,
        body: [{ code: 'DINKES', name: 'Dinas Kesehatan' }],
      }),
    );
    const position = (code: string, kind: string, defaultIndicators: typeof defaults = []) => ({
      code,
      name: code === 'PERAWAT' ? 'Perawat Ahli Pertama' : code,
      kind,
      duties: [],
      defaultIndicators,
    });
    await ok(
      t.call('POST', `${api}/positions`, {
        token: token.hr,
        body: [
          position('KADIS', 'JPT'),
          position('KABID', 'JA'),
          position('ANALIS', 'JF'),
          position('PERAWAT', 'JF', defaults),
        ],
      }),
    );
    expect(
      await ok(t.call('POST', `${api}/employees/import`, { token: token.hr, csv: people })),
    ).toMatchObject({
      ok: true,
      rejected: 0,
    });
    const now = new Date(await rig.env.currentTimeMs());
    const started = await ok(
      t.call('POST', `${api}/cycles`, {
        token: token.hr,
        body: { year: now.getUTCFullYear() + 1, start: now.toISOString().slice(0, 10) },
      }),
    );
    cycleId = started.cycleId;
    for (let i = 0; i < 300 && !cycle; i++) {
      const r = await t.call('GET', `${api}/cycles/${cycleId}`, { token: token.hr });
      if (r.status === 200) cycle = r.body;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (let i = 0; i < 300; i++) {
      const row = await rig.db
        .selectFrom('appraisals')
        .select('appraisal_id')
        .where('appraisal_id', '=', appraisalId())
        .executeTakeFirst();
      if (row) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await clockSkipper(rig.env)(cycle.calendar.agreement.start);
    // The nurse's supervisor agrees their own SKP first: its RHK are what hers cascade from.
    await mine('kabid', {
      type: 'proposeIndicators',
      rhk: [
        {
          id: 'kb-1',
          kind: 'utama',
          description: 'Mutu layanan keperawatan naik',
          parentRhkId: null,
          indicators: [
            { id: 'kb-1-1', description: 'Indeks kepuasan pasien', aspect: 'kualitas', target: '85' },
          ],
        },
      ],
    });
    await signBoth('kadis', 'kabid');
  }, 240_000);

  afterAll(async () => {
    await t?.api.close();
    await rig?.stop();
  });

  it("starts the nurse's first SKP draft from her position's default indicators, offers her supervisor's agreed RHK, and keeps nothing until sent", async () => {
    const events = async () =>
      (
        await rig.db
          .selectFrom('events')
          .select('stream_version')
          .where('stream_id', '=', `appraisal-${appraisalId()}`)
          .execute()
      ).length;
    const before = await events();
    for (const [who, path] of [
      ['nurse', '/app/appraisal/skp'],
      ['kabid', `/app/tasks/${encodeURIComponent(await taskOf('kabid', 'proposeIndicators', nip.nurse))}`],
    ] as const) {
      const draft = await page(who, path);
      expect(draft.status).toBe(200);
      expect(draft.text).toContain('Diisi dari indikator bawaan jabatan Perawat Ahli Pertama');
      expect(draft.text).toMatch(
        /name="rhk\.0\.indicators\.0\.description"[^>]*value="Asuhan keperawatan terdokumentasi"/,
      );
      expect(draft.text).toMatch(/name="rhk\.0\.indicators\.0\.target"[^>]*value="100% pasien rawat inap"/);
      expect(draft.text).toMatch(/name="rhk\.0\.indicators\.1\.description"[^>]*value="Kunjungan rumah"/);
      expect(draft.text).toMatch(/<option value="kuantitas" selected>/);
      // The cascade: the supervisor's agreed RHK are the choices of "RHK pimpinan yang diintervensi".
      expect(draft.text).toMatch(/<option value="kb-1">RHK utama: Mutu layanan keperawatan naik<\/option>/);
    }
    expect(await events()).toBe(before);
  });

  it("takes a photo as the realisation's evidence; another kind of file or one over 5 MiB is the page's error and keeps nothing", async () => {
    await mine('nurse', {
      type: 'proposeIndicators',
      rhk: [
        {
          id: 'rhk-1',
          kind: 'utama',
          description: 'Asuhan keperawatan bermutu',
          parentRhkId: 'kb-1',
          indicators: defaults.map((d, j) => ({ id: `iki-1-${j + 1}`, ...d })),
        },
      ],
    });
    await signBoth('kabid', 'nurse');
    const tw1 = (cycle.calendar.periods.windows as Array<{ id: string; opens: string }>)[0];
    await clockSkipper(rig.env)(tw1?.opens ?? '');
    const taskPath = `/app/tasks/${encodeURIComponent(await taskOf('nurse', 'recordRealisation', nip.nurse))}`;
    const form = await page('nurse', taskPath);
    expect(form.text).toMatch(/<form method="post" action="[^"]+" enctype="multipart\/form-data"/);
    expect(form.text).toMatch(
      /<input type="file" accept="image\/png,image\/jpeg,application\/pdf" id="[^"]+" name="realisations\.0\.evidenceFile"/,
    );
    const hidden = Object.fromEntries(
      [...form.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    const send = async (file: Uint8Array, name: string, fields: Record<string, string> = {}) => {
      const body = new FormData();
      for (const [k, v] of Object.entries({ ...hidden, ...fields })) body.set(k, v ?? '');
      body.set('realisations.0.value', 'Semua pasien terdokumentasi');
      body.set('realisations.1.value', '22 kunjungan');
      body.set('realisations.0.evidenceFile', new Blob([file]), name);
      const r = await fetch(`${t.api.url}${taskPath}`, {
        method: 'POST',
        headers: { cookie: `siklus_session=${token.nurse}; lang=id` },
        body,
        redirect: 'manual',
      });
      return { status: r.status, text: await r.text() };
    };
    const notPhoto = await send(new TextEncoder().encode('<html>bukan foto</html>'), 'foto.png');
    expect(notPhoto.status).toBe(422);
    expect(notPhoto.text).toContain('Tidak ada yang disimpan.');
    expect(notPhoto.text).toContain('Berkas ini bukan foto PNG/JPEG atau PDF.');
    const photo = tinyPng(16);
    const tooLarge = await send(Buffer.concat([photo, Buffer.alloc(5 * 1024 * 1024)]), 'besar.png');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.text).toContain('Berkas ini lebih dari 5 MiB.');
    expect(await keptFiles()).toBe(0);
    expect(await nurseEvents('period.realisationRecorded')).toHaveLength(0);

    const sent = await send(photo, 'foto-kegiatan.png');
    expect(sent.status).toBe(303);
    const sha256 = createHash('sha256').update(photo).digest('hex');
    const [recorded] = await nurseEvents('period.realisationRecorded');
    expect((recorded?.data as { realisations?: unknown[] } | undefined)?.realisations?.[0]).toMatchObject({
      indicatorId: 'iki-1-1',
      evidence: [
        { file: { sha256, name: 'foto-kegiatan.png', size: photo.length, contentType: 'image/png' } },
      ],
    });
    expect(await keptFiles()).toBe(1);
    // A realisation refused after its file was kept (a period not open yet) forgets the file again.
    const refused = await send(tinyPng(8), 'lain.png', { period: 'TW2', _key: 'another-attempt' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.text).toContain('name="realisations.0.evidenceFile"');
    expect(await keptFiles()).toBe(1);
    expect(await nurseEvents('period.realisationRecorded')).toHaveLength(1);

    // Linked on her own page, in the evaluation file her rater opens from the team page, and served.
    const link = `<a href="/app/evidence/${sha256}">foto-kegiatan.png</a>`;
    expect((await page('nurse', '/app/appraisal')).text).toContain(link);
    const team = await page('kabid', '/app/team');
    const file = /href="(\/app\/team\/appraisals\/[^"]+)">Ns\. Fitri</.exec(team.text)?.[1] ?? '';
    expect((await page('kabid', file)).text).toContain(link);
    const served = await fetch(`${t.api.url}/app/evidence/${sha256}`, {
      headers: { cookie: `siklus_session=${token.kabid}` },
    });
    expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(Buffer.from(await served.arrayBuffer()).equals(photo)).toBe(true);
    // The audit trail lists the file: its name, size and the start of its hash.
    const listed = `berkas bukti: foto-kegiatan.png (1 KB, SHA-256 ${sha256.slice(0, 12)}…)`;
    const timeline = await appraisalTimeline(rig.db, appraisalId(), 'id');
    expect(timeline.map((e) => e.sentence)).toContainEqual(expect.stringContaining(listed));
    expect((await page('auditor', `/app/audit/appraisals/${appraisalId()}`)).text).toContain(listed);
  });
});
