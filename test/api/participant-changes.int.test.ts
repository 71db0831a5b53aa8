// Changes during the year through HTTP, on a real Temporal dev server, PostgreSQL and worker: HR corrects
// an employee's rater in a running appraisal (API and web page), the open tasks move from the wrong
// rater's inbox to the right one's, the org chart follows; HR appoints an acting rater whose range has
// begun, who then holds the rater's part and acts as the rater; a leaver who comes back gets a new
// appraisal in the same cycle; bad requests are problem+json that change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblems, type ProblemCase, useTestApi, webPage } from '../support/api.ts';
import {
  immunisationRhk,
  nipsOf,
  type Staff,
  staffTokens,
  startAgreementCycle,
} from '../support/http-cycle.ts';
import { startDevEnv } from '../support/temporal.ts';
import { until } from '../support/until.ts';

// The org chart says the employee reports to the wrong unit head.
const staff = {
  head: ['197003031995031001', 'Hendra Kepala', 'DINKES', 'KADIS'],
  wrongRater: ['197505052000031002', 'Wati Salah', 'PKM1', 'KAPUS', 'head'],
  rightRater: ['197808082003032003', 'Benar Sitompul', 'PKM2', 'KAPUS', 'head'],
  employee: ['199001012015031004', 'Siti Aminah', 'PKM2', 'PERAWAT', 'wrongRater'],
  colleague: ['199202022016042005', 'Rudi Rekan', 'PKM2', 'PERAWAT', 'rightRater'],
  acting: ['198909092014022006', 'Yanti Pelaksana', 'PKM1', 'PERAWAT', 'wrongRater'],
  leaver: ['199303032018012007', 'Dewi Kembali', 'PKM2', 'PERAWAT', 'rightRater'],
} as const satisfies Staff;
const nip = nipsOf(staff);

describe('changing the rater of a running appraisal (HTTP, dev server, real worker)', () => {
  const live = useTestApi(startDevEnv, 'raters');
  const token: Record<keyof typeof nip | 'hr', string> = {} as never;
  let cycleId: string;
  let appraisalId: string;
  let path: string;

  const inbox = async (who: keyof typeof token) =>
    (await live.t.call('GET', '/v1/orgs/bungo/me/tasks', { token: token[who] })).body.tasks as Array<{
      taskId: string;
      kind: string;
      appraisalId: string;
    }>;
  const changes = () =>
    live.rig.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', `appraisal-${appraisalId}`)
      .where('type', '=', 'participants.changed')
      .execute();
  const change = (body: unknown, options: { as?: keyof typeof token; key?: string } = {}) =>
    live.t.call('POST', path, {
      token: token[options.as ?? 'hr'],
      body,
      ...(options.key ? { headers: { 'idempotency-key': options.key } } : {}),
    });
  const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    // HR is a colleague: nobody the appraisal itself names (the timeline says "HR").
    token.hr = await live.t.token('bungo', nip.colleague, ['hr', 'employee']);
    Object.assign(token, await staffTokens(live.t, 'bungo', staff));
    // Socialisation is over: the agreement is open, the rater must propose.
    cycleId = await startAgreementCycle(live.t, 'bungo', {
      hr: token.hr,
      units: ['DINKES', 'PKM1', 'PKM2'],
      positions: ['KADIS', 'KAPUS', 'PERAWAT'],
      staff,
    });
    appraisalId = `${cycleId}.${nip.employee}`;
    path = `/v1/orgs/bungo/cycles/${cycleId}/employees/${nip.employee}/rater`;
    await until(async () => {
      const kinds = (await inbox('wrongRater'))
        .filter((x) => x.appraisalId === appraisalId)
        .map((x) => x.kind);
      return kinds.includes('proposeIndicators') && kinds.includes('escalateSocialisation');
    });
  }, 180_000);

  it('refuses bad requests as problem+json, and records nothing', async () => {
    const good = { raterNip: nip.rightRater, reason: 'Data atasan salah', effectiveDate: today() };
    const cases: ProblemCase[] = [
      [change(good, { as: 'employee' }), 403, 'forbidden_role'],
      [change(good, { as: 'wrongRater' }), 403, 'forbidden_role'],
      [change({ raterNip: nip.rightRater, effectiveDate: today() }), 400, 'invalid_request'],
      [change({ ...good, raterNip: 'Benar Sitompul' }), 400, 'invalid_request'],
      [change({ ...good, raterNip: '198001012005011099' }), 422, 'unknown_rater'],
      [change({ ...good, raterNip: nip.employee }), 422, 'invalid_rater'],
      [change({ ...good, effectiveDate: '2099-01-01' }), 422, 'invalid_effective_date'],
      [change({ ...good, effectiveDate: '2001-01-01' }), 422, 'invalid_effective_date'],
      [
        live.t.call('POST', `/v1/orgs/bungo/cycles/${cycleId}/employees/198001012005011099/rater`, {
          token: token.hr,
          body: good,
        }),
        404,
        'not_found',
      ],
      [
        live.t.call('POST', path.replace(cycleId, 'bungo.1999'), { token: token.hr, body: good }),
        404,
        'not_found',
      ],
    ];
    await expectProblems(cases);
    expect(await changes()).toEqual([]);
    const row = await live.rig.db
      .selectFrom('employees')
      .select('supervisor_nip')
      .where('nip', '=', nip.employee)
      .executeTakeFirstOrThrow();
    expect(row.supervisor_nip).toBe(nip.wrongRater);
  });

  it('moves the open tasks from the wrong rater to the right one, once for a retried request', async () => {
    const body = { raterNip: nip.rightRater, reason: 'Data atasan di SIMPEG salah', effectiveDate: today() };
    const first = await change(body, { key: 'rater-1' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ appraisalId, movedTasks: 2 });
    expect(first.body.eventTypes).toEqual(['participants.changed', 'task.reassigned', 'task.reassigned']);
    const retry = await change(body, { key: 'rater-1' });
    expect(retry).toMatchObject({ status: 200, body: first.body });
    expect((await changes()).map((c) => c.data)).toEqual([
      expect.objectContaining({
        supervisorNip: nip.rightRater,
        superiorNip: nip.head,
        previousSupervisorNip: nip.wrongRater,
        reason: 'Data atasan di SIMPEG salah',
        effectiveDate: today(),
        by: nip.colleague,
      }),
    ]);
    // The wrong rater's inbox no longer has them; the right rater's has, with a notification each.
    expect((await inbox('wrongRater')).filter((x) => x.appraisalId === appraisalId)).toEqual([]);
    const moved = (await inbox('rightRater')).filter((x) => x.appraisalId === appraisalId);
    expect(moved.map((x) => x.kind).sort()).toEqual(['escalateSocialisation', 'proposeIndicators']);
    const notified = await live.rig.db
      .selectFrom('notifications')
      .select('task_id')
      .where('recipient_nip', '=', nip.rightRater)
      .where('task_id', 'like', `${appraisalId}:%`)
      .execute();
    expect(notified.map((n) => n.task_id).sort()).toEqual(moved.map((x) => x.taskId).sort());
    // The org chart follows, so later cycles take the right rater.
    const row = await live.rig.db
      .selectFrom('employees')
      .select('supervisor_nip')
      .where('nip', '=', nip.employee)
      .executeTakeFirstOrThrow();
    expect(row.supervisor_nip).toBe(nip.rightRater);
    // The same change again is nothing to do.
    expect(await change(body, { key: 'rater-2' })).toMatchObject({
      status: 409,
      body: { code: 'already_done' },
    });
  });

  it('lets the right rater act on the moved task, and not the wrong one', async () => {
    const task = (await inbox('rightRater')).find(
      (x) => x.appraisalId === appraisalId && x.kind === 'proposeIndicators',
    );
    if (!task) throw new Error('no moved task');
    const rhk = immunisationRhk('95 %');
    const act = (who: keyof typeof token) =>
      live.t.call('POST', `/v1/orgs/bungo/tasks/${encodeURIComponent(task.taskId)}/actions`, {
        token: token[who],
        body: { type: 'proposeIndicators', rhk },
      });
    expect(await act('wrongRater')).toMatchObject({ status: 404, body: { code: 'not_found' } });
    const done = await act('rightRater');
    expect(done.status).toBe(200);
    expect(done.body.eventTypes).toContain('agreement.proposed');
  });

  it('says the change in the audit timeline, in both languages', async () => {
    const auditor = await live.t.token('bungo', nip.head, ['auditor']);
    const timeline = async (lang: string) =>
      (
        await live.t.call('GET', `/v1/orgs/bungo/audit/appraisals/${appraisalId}/timeline?lang=${lang}`, {
          token: auditor,
        })
      ).body.entries.map((e: { sentence: string }) => e.sentence) as string[];
    expect(await timeline('en')).toEqual(
      expect.arrayContaining([
        `HR changed the rater from ${nip.wrongRater} to ${nip.rightRater} (the rater's superior ${nip.head}), effective ${today()}: Data atasan di SIMPEG salah`,
        expect.stringMatching(
          new RegExp(`^Task “.+” moved from ${nip.wrongRater} to the supervisor \\(${nip.rightRater}\\)`),
        ),
      ]),
    );
    expect(await timeline('id')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^HR mengganti pejabat penilai dari /)]),
    );
  });

  it('on the web page: HR finds the employee by name, sees the case, and picks the rater by name', async () => {
    const page = (url: string, init?: RequestInit) => webPage(live.t, token.hr, 'en', url, init);
    const search = await page(`/app/hr/changes?cycle=${cycleId}&q=aminah`);
    expect(search.status).toBe(200);
    expect(search.text).toContain(`/app/hr/changes/${nip.employee}?cycle=${encodeURIComponent(cycleId)}`);
    expect(search.text).toContain('Siti Aminah');
    // The case: the rater now, and the open tasks with who holds them.
    const member = await page(`/app/hr/changes/${nip.employee}?cycle=${cycleId}&raterQ=wati`);
    expect(member.status).toBe(200);
    expect(member.text).toMatch(/id="rater">Benar Sitompul/);
    expect(member.text).toContain('Wati Salah');
    expect(member.text).toMatch(/<input type="radio" name="raterNip" value="197505052000031002"/);
    // The form without a reason: the error is next to its field, nothing changes.
    const form = (extra: Record<string, string>) =>
      new URLSearchParams({
        cycle: cycleId,
        raterQ: 'wati',
        effectiveDate: today(),
        _key: 'web-1',
        ...extra,
      });
    const missing = await page(`/app/hr/changes/${nip.employee}/rater`, {
      method: 'POST',
      body: form({ raterNip: nip.wrongRater }),
    });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('id="f-reason-error"');
    expect(await changes()).toHaveLength(1);
    const saved = await page(`/app/hr/changes/${nip.employee}/rater`, {
      method: 'POST',
      body: form({ raterNip: nip.wrongRater, reason: 'Kembali ke data awal' }),
    });
    expect(saved.status).toBe(303);
    const after = await page(saved.location ?? '');
    expect(after.text).toContain('The rater is now Wati Salah; open tasks moved: 1.');
    expect(await changes()).toHaveLength(2);
    // Someone without the HR role gets no such page.
    const employee = await fetch(`${live.t.api.url}/app/hr/changes`, {
      headers: { cookie: `siklus_session=${token.employee}` },
    });
    expect(employee.status).toBe(403);
  });

  it('appoints an acting rater for days that have begun: the rater’s part is theirs, and they act as the rater', async () => {
    const acting = `/v1/orgs/bungo/cycles/${cycleId}/employees/${nip.employee}/acting-rater`;
    const day = (days: number) =>
      new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
    const appoint = (body: Record<string, string>, key?: string) =>
      live.t.call('POST', acting, {
        token: token.hr,
        body: { actingNip: nip.acting, from: today(), to: day(10), reason: 'Kepala Puskesmas cuti', ...body },
        ...(key ? { headers: { 'idempotency-key': key } } : {}),
      });
    const appointed = () =>
      live.rig.db
        .selectFrom('events')
        .select('type')
        .where('stream_id', '=', `appraisal-${appraisalId}`)
        .where('type', 'like', 'actingRater.%')
        .execute();
    for (const [body, status, code] of [
      [{ to: day(-1) }, 422, 'invalid_acting_range'],
      [{ from: day(-3), to: day(-2) }, 422, 'invalid_acting_range'],
      [{ to: `${new Date().getUTCFullYear() + 5}-01-01` }, 422, 'invalid_acting_range'],
      [{ actingNip: '198001012005011099' }, 422, 'unknown_rater'],
      [{ actingNip: nip.employee }, 422, 'invalid_rater'],
      [{ reason: '' }, 400, 'invalid_request'],
    ] as const) {
      const r = await appoint(body);
      expect({ status: r.status, code: r.body.code, type: r.type }).toEqual({
        status,
        code,
        type: 'application/problem+json',
      });
    }
    expect(await appointed()).toEqual([]);
    const first = await appoint({}, 'acting-1');
    expect(first.status).toBe(200);
    expect(first.body.eventTypes).toEqual([
      'actingRater.appointed',
      'actingRater.started',
      'task.reassigned',
    ]);
    expect(await appoint({}, 'acting-1')).toMatchObject({ status: 200, body: first.body });
    expect(await appoint({ from: day(5), to: day(12) })).toMatchObject({
      status: 422,
      body: { code: 'acting_overlap' },
    });
    expect((await appointed()).map((e) => e.type)).toEqual(['actingRater.appointed', 'actingRater.started']);
    // The rater's open task is the acting rater's now.
    const held = (await inbox('acting')).filter((x) => x.appraisalId === appraisalId).map((x) => x.kind);
    expect(held).toEqual(['escalateSocialisation']);
    expect((await inbox('wrongRater')).filter((x) => x.appraisalId === appraisalId)).toEqual([]);
    // A task given to the rater meanwhile goes to the acting rater, who acts on it as the rater.
    const review = (await inbox('employee')).find((x) => x.kind === 'reviewIndicators');
    if (!review) throw new Error('no review task');
    const commented = await live.t.call(
      'POST',
      `/v1/orgs/bungo/tasks/${encodeURIComponent(review.taskId)}/actions`,
      {
        token: token.employee,
        body: { type: 'commentIndicators', version: 1, comment: 'Mohon target 90 %' },
      },
    );
    expect(commented.status).toBe(200);
    const propose = (await inbox('acting')).find((x) => x.kind === 'proposeIndicators');
    if (!propose) throw new Error('the new proposal went elsewhere');
    const rhk = immunisationRhk('90 %');
    const proposed = await live.t.call(
      'POST',
      `/v1/orgs/bungo/tasks/${encodeURIComponent(propose.taskId)}/actions`,
      {
        token: token.acting,
        body: { type: 'proposeIndicators', rhk },
      },
    );
    expect(proposed.status).toBe(200);
    // The acting rater reads the evaluation file as the rater does; the corrected-away rater no longer.
    const file = (who: keyof typeof token) =>
      live.t.call('GET', `/v1/orgs/bungo/appraisals/${appraisalId}/evaluation-file`, { token: token[who] });
    expect((await file('acting')).status).toBe(200);
    expect((await file('rightRater')).status).toBe(403);
    // HR plans the next range on the web page; the page lists both with their days and the zone.
    const later = new URLSearchParams({
      cycle: cycleId,
      actingQ: 'benar',
      actingNip: nip.rightRater,
      from: day(20),
      to: day(25),
      reason: 'Dinas luar',
      _key: 'web-acting-1',
    });
    const posted = await fetch(`${live.t.api.url}/app/hr/changes/${nip.employee}/acting-rater`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: `siklus_session=${token.hr}; lang=en` },
      body: later,
    });
    expect(posted.status).toBe(303);
    const page = await (
      await fetch(`${live.t.api.url}${posted.headers.get('location')}`, {
        headers: { cookie: `siklus_session=${token.hr}; lang=en` },
      })
    ).text();
    expect(page).toContain('Benar Sitompul stands in as the rater from');
    expect(page).toMatch(/Yanti Pelaksana: .+ \(WIB\) · standing in now/);
    expect(page).toMatch(/Benar Sitompul: .+ \(WIB\) · planned/);
    expect(page).toMatch(/id="acting">Yanti Pelaksana/);
  });

  it('starts a new appraisal in the same cycle for a leaver who came back; the cancelled one stays', async () => {
    const base = `/v1/orgs/bungo/cycles/${cycleId}/employees/${nip.leaver}`;
    const first = `${cycleId}.${nip.leaver}`;
    const rejoin = (body: Record<string, string>, key?: string) =>
      live.t.call('POST', `${base}/rejoin`, {
        token: token.hr,
        body: { reason: 'Selesai cuti di luar tanggungan negara', effectiveDate: today(), ...body },
        ...(key ? { headers: { 'idempotency-key': key } } : {}),
      });
    const step = async (appraisal: string) =>
      (
        await live.rig.db
          .selectFrom('appraisals')
          .select(['step', 'deadline'])
          .where('appraisal_id', '=', appraisal)
          .executeTakeFirst()
      )?.step;
    await until(async () => (await step(first)) === 'agreement');
    expect(await rejoin({})).toMatchObject({ status: 409, body: { code: 'not_left' } });
    const removed = await live.t.call('POST', `${base}/remove`, {
      token: token.hr,
      body: { reason: 'Cuti di luar tanggungan negara' },
    });
    expect(removed.body).toMatchObject({ accepted: true });
    await until(async () => (await step(first)) === 'cancelled');
    // Before: adding the person again found them "already in the cycle" and started nothing.
    const added = await live.t.call('POST', `/v1/orgs/bungo/cycles/${cycleId}/employees`, {
      token: token.hr,
      body: { nips: [nip.leaver] },
    });
    expect(added.body).toEqual({ accepted: true, detail: '0 started, 1 already in the cycle' });
    // Refused, and nothing starts: a bad day, one no longer in the org chart, one never in the cycle.
    expect(await rejoin({ effectiveDate: '2099-01-01' })).toMatchObject({
      status: 422,
      body: { code: 'invalid_effective_date' },
    });
    await live.rig.db.updateTable('employees').set({ active: false }).where('nip', '=', nip.leaver).execute();
    expect(await rejoin({})).toMatchObject({ status: 422, body: { code: 'inactive_employee' } });
    await live.rig.db.updateTable('employees').set({ active: true }).where('nip', '=', nip.leaver).execute();
    const stranger = await live.t.call(
      'POST',
      `/v1/orgs/bungo/cycles/${cycleId}/employees/198001012005011099/rejoin`,
      {
        token: token.hr,
        body: { reason: 'x', effectiveDate: today() },
      },
    );
    expect(stranger).toMatchObject({ status: 404, type: 'application/problem+json' });
    const back = await rejoin({}, 'rejoin-1');
    expect(back.status).toBe(200);
    expect(back.body).toEqual({
      accepted: true,
      detail: 'a new appraisal started',
      appraisalId: `${first}-2`,
      previousAppraisalId: first,
    });
    expect(await rejoin({}, 'rejoin-1')).toMatchObject({ status: 200, body: back.body });
    // The new one starts from today: its socialisation is ahead (the cycle's length, PT1H here, taken as
    // one day: to 23:59:59 WIB today), though the cycle's ended a day ago.
    await until(async () => (await step(`${first}-2`)) === 'socialisation');
    const started = await live.rig.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', `appraisal-${first}-2`)
      .where('type', '=', 'appraisal.started')
      .executeTakeFirstOrThrow();
    expect(started.data).toMatchObject({
      rejoined: {
        previousAppraisalId: first,
        reason: 'Selesai cuti di luar tanggungan negara',
        effectiveDate: today(),
      },
    });
    const row = await live.rig.db
      .selectFrom('appraisals')
      .select('deadline')
      .where('appraisal_id', '=', `${first}-2`)
      .executeTakeFirstOrThrow();
    expect(row.deadline?.toISOString()).toBe(`${today()}T16:59:59.000Z`);
    // The cancelled one is as it was; the person's inbox and appraisal are the new one's.
    const old = await live.rig.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', `appraisal-${first}`)
      .orderBy('stream_version', 'desc')
      .executeTakeFirstOrThrow();
    expect(old.type).toBe('appraisal.cancelled');
    expect((await inbox('leaver')).map((x) => x.taskId)).toEqual([`${first}-2:acknowledgeStandards`]);
    const mine = await live.t.call('GET', '/v1/orgs/bungo/me/appraisal', { token: token.leaver });
    expect(mine.body).toMatchObject({ appraisalId: `${first}-2`, step: 'socialisation' });
    const cycleEvents = await live.rig.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', `cycle-${cycleId}`)
      .where('type', '=', 'cycle.employeeRejoined')
      .execute();
    expect(cycleEvents.map((e) => e.data)).toEqual([
      expect.objectContaining({ nip: nip.leaver, effectiveDate: today(), by: nip.colleague }),
    ]);
    // Counted once in the cycle's progress: the cancelled appraisal is not counted.
    const progress = await live.t.call('GET', `/v1/orgs/bungo/cycles/${cycleId}/progress`, {
      token: token.hr,
    });
    const total = Object.values(progress.body.units as Record<string, Record<string, number>>).reduce(
      (sum, steps) => sum + Object.values(steps).reduce((a, b) => a + b, 0),
      0,
    );
    expect(total).toBe(7);
    // On the web page the person's appraisal is the new one; asked again, the refusal is said in words.
    const page = await fetch(`${live.t.api.url}/app/hr/changes/${nip.leaver}/rejoin`, {
      method: 'POST',
      headers: { cookie: `siklus_session=${token.hr}; lang=en` },
      body: new URLSearchParams({
        cycle: cycleId,
        reason: 'Lagi',
        effectiveDate: today(),
        _key: 'web-rejoin',
      }),
    });
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('This employee still has an appraisal running in this cycle.');
  });
});
