// A standards round over real HTTP, a real worker and real PostgreSQL, on the demo organisation Bungo (its
// standards published as version 1): HR starts a round of the nurses' position, the nurses and their
// supervisor get it in their inbox, a nurse proposes a change (once, whatever the retries), her colleague
// sees it, HR answers and publishes version 2, and socialisation acknowledges version 2. Bad requests are
// problem+json with a code and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStandards } from '../../bin/demo-standards.ts';
import { positions } from '../../demo/data.ts';
import { demoPeople, seedDemoOrganisations } from '../../demo/seed.ts';
import { demoStandard } from '../../demo/standards.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { startDevEnv } from '../support/temporal.ts';

const bungo = demoPeople().filter((p) => p.org === 'bungo');
const person = (name: string) => {
  const found = bungo.find((p) => p.name === name);
  if (!found) throw new Error(`no ${name} in the demo`);
  return found;
};
const hr = person('Drs. Zulkifli');
const fitri = person('Ns. Fitri Handayani');
const junaidi = person('Ns. Junaidi');
const head = person('dr. Riko Saputra');
const stranger = person('Dedi Kurniawan');
const api = '/v1/orgs/bungo';

/** The published nursing standard with its first indicator's target changed. */
const nursing = (target: string) => {
  const s = demoStandard(positions.PERAWAT!);
  const [rhk] = s.rhk;
  if (!rhk) throw new Error('the demo standard has an RHK');
  return {
    ...s,
    rhk: [{ ...rhk, indicators: rhk.indicators.map((i, n) => (n === 0 ? { ...i, target } : i)) }],
  };
};

describe('a standards round through the API', () => {
  let rig: RunningRig;
  let t: TestApi;
  const tokens: Record<string, string> = {};
  let roundId = '';

  beforeAll(async () => {
    rig = await startRunningRig(await startDevEnv(), 'standards_api');
    t = await startTestApi(rig);
    await seedDemoOrganisations(rig.db);
    expect(await seedDemoStandards(rig.db, ['bungo'])).toEqual(['bungo']);
    expect(await seedDemoStandards(rig.db, ['bungo'])).toEqual([]);
    tokens.hr = await t.token('bungo', hr.nip, ['hr', 'employee']);
    for (const [key, p] of Object.entries({ fitri, junaidi, head, stranger }))
      tokens[key] = await t.token('bungo', p.nip);
  }, 180_000);

  afterAll(async () => {
    await t?.api.close();
    await rig?.stop();
  });

  const localDay = (daysAhead: number) =>
    new Date(Date.now() + 7 * 3_600_000 + daysAhead * 86_400_000).toISOString().slice(0, 10);
  const rounds = async () =>
    (await t.call('GET', `${api}/standards/rounds`, { token: tokens.hr })).body.rounds;
  const act = (who: string, body: unknown, key?: string) =>
    t.call('POST', `${api}/standards/rounds/${roundId}/actions`, {
      token: tokens[who],
      body,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });

  it('refuses a bad start with a code and starts nothing', async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ until: 'next week' }, 422, 'invalid_until'],
      [{ until: '2020-01-31' }, 422, 'window_in_past'],
      [{ until: localDay(10), positionCodes: ['NOPE'] }, 422, 'unknown_position'],
      [{ until: localDay(10), extra: 1 }, 400, 'invalid_request'],
    ];
    for (const [body, status, code] of cases) {
      const r = await t.call('POST', `${api}/standards/rounds`, { token: tokens.hr, body });
      expect({ status: r.status, type: r.type, code: r.body.code }).toEqual({
        status,
        type: 'application/problem+json',
        code,
      });
    }
    const employee = await t.call('POST', `${api}/standards/rounds`, {
      token: tokens.fitri,
      body: { until: localDay(10) },
    });
    expect(employee.status).toBe(403);
    expect((await rounds()).map((r: { roundId: string }) => r.roundId)).toEqual(['bungo.standards-1']);
  });

  it('starts a round of the nurses: version 1 as the draft, a task for each nurse and their supervisor', async () => {
    const started = await t.call('POST', `${api}/standards/rounds`, {
      token: tokens.hr,
      body: { until: localDay(10), positionCodes: ['PERAWAT'] },
      headers: { 'idempotency-key': 'round-2' },
    });
    expect(started.status).toBe(201);
    roundId = started.body.roundId;
    expect(roundId).toBe('bungo.standards-2');
    // 23:59:59 WIB on the last day.
    expect(started.body.deadline).toBe(`${localDay(10)}T16:59:59.000Z`);
    const again = await t.call('POST', `${api}/standards/rounds`, {
      token: tokens.hr,
      body: { until: localDay(10), positionCodes: ['PERAWAT'] },
    });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'round_open' });

    for (const who of ['fitri', 'junaidi', 'head']) {
      let tasks: Array<{ kind: string; step: string; dueAt: string }> = [];
      for (let i = 0; i < 100 && tasks.length === 0; i++) {
        tasks = (await t.call('GET', `${api}/me/tasks`, { token: tokens[who] })).body.tasks;
        if (tasks.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(
        tasks.map((x) => [x.kind, x.step, x.dueAt]),
        who,
      ).toEqual([['reviewStandard', 'standards', started.body.deadline]]);
    }
    const seen = (await t.call('GET', `${api}/standards/rounds/${roundId}`, { token: tokens.fitri })).body;
    expect(
      seen.positions.map((p: { positionCode: string; baseVersion: number }) => [
        p.positionCode,
        p.baseVersion,
      ]),
    ).toEqual([['PERAWAT', 1]]);
    expect(seen.positions[0].draft).toEqual(nursing('100% dalam 24 jam'));
  });

  it('takes a nurse’s proposal once, shows it to her colleague, and refuses people outside the position', async () => {
    const proposal = {
      type: 'commentStandard',
      positionCode: 'PERAWAT',
      text: 'Saat pasien ramai, 95% lebih realistis',
      proposal: nursing('95% dalam 24 jam'),
    };
    const first = await act('fitri', proposal, 'fitri-1');
    const retry = await act('fitri', proposal, 'fitri-1');
    expect(first.status).toBe(200);
    expect(first.body.eventTypes).toEqual(['standards.commented', 'standards.taskCompleted']);
    expect(retry.body).toEqual(first.body);
    const colleague = (await t.call('GET', `${api}/standards/rounds/${roundId}`, { token: tokens.junaidi }))
      .body;
    expect(colleague.positions[0].comments.map((c: { by: string; text: string }) => [c.by, c.text])).toEqual([
      [fitri.nip, proposal.text],
    ]);
    const outsider = await act('stranger', {
      type: 'commentStandard',
      positionCode: 'PERAWAT',
      text: 'Boleh ikut?',
    });
    expect({ status: outsider.status, code: outsider.body.code }).toEqual({
      status: 403,
      code: 'forbidden_actor',
    });
    expect(
      (await t.call('GET', `${api}/standards/rounds/${roundId}`, { token: tokens.stranger })).body.positions,
    ).toEqual([]);
    const shape = await act('fitri', { type: 'commentStandard', positionCode: 'PERAWAT' });
    expect({ status: shape.status, type: shape.type }).toEqual({
      status: 400,
      type: 'application/problem+json',
    });
  });

  it('lets HR answer and publish version 2 with who proposed and who decided', async () => {
    const early = await act('hr', { type: 'publishStandard', positionCode: 'PERAWAT' });
    expect({ status: early.status, code: early.body.code, commentIds: early.body.commentIds }).toEqual({
      status: 422,
      code: 'proposals_unanswered',
      commentIds: ['c1'],
    });
    const noReason = await act('hr', {
      type: 'answerProposal',
      positionCode: 'PERAWAT',
      commentId: 'c1',
      answer: 'declined',
    });
    expect({ status: noReason.status, code: noReason.body.code }).toEqual({
      status: 422,
      code: 'reason_required',
    });
    const byLeader = await act('head', {
      type: 'answerProposal',
      positionCode: 'PERAWAT',
      commentId: 'c1',
      answer: 'accepted',
    });
    expect(byLeader.status).toBe(403);
    expect(
      (
        await act('hr', {
          type: 'answerProposal',
          positionCode: 'PERAWAT',
          commentId: 'c1',
          answer: 'accepted',
        })
      ).status,
    ).toBe(200);
    expect((await act('hr', { type: 'publishStandard', positionCode: 'PERAWAT' })).status).toBe(200);

    const standard = (await t.call('GET', `${api}/standards/positions/PERAWAT`, { token: tokens.junaidi }))
      .body;
    expect(standard.current).toEqual({ version: 2, standard: nursing('95% dalam 24 jam') });
    expect(standard.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(standard.versions[0].decisions).toEqual([
      { commentId: 'c1', proposedBy: fitri.nip, answer: 'accepted', reason: null, decidedBy: hr.nip },
    ]);
    expect((await t.call('GET', `${api}/standards/positions/NOPE`, { token: tokens.junaidi })).status).toBe(
      404,
    );
  });

  it('has socialisation acknowledge version 2, and refuses an acknowledgement of version 1 as stale', async () => {
    const cycle = await t.call('POST', `${api}/cycles`, {
      token: tokens.hr,
      body: {
        year: new Date().getUTCFullYear() + 1,
        start: new Date().toISOString(),
        population: { unitCodes: ['PKM-MB'] },
      },
    });
    expect(cycle.status).toBe(201);
    let taskId: string | undefined;
    for (let i = 0; i < 150 && !taskId; i++) {
      const tasks = (await t.call('GET', `${api}/me/tasks?step=socialisation`, { token: tokens.junaidi }))
        .body.tasks;
      taskId = tasks?.[0]?.taskId;
      if (!taskId) await new Promise((r) => setTimeout(r, 200));
    }
    const path = `${api}/tasks/${encodeURIComponent(taskId ?? '')}/actions`;
    const stale = await t.call('POST', path, {
      token: tokens.junaidi,
      body: { type: 'acknowledgeStandards', standard: { positionCode: 'PERAWAT', version: 1 } },
    });
    expect({ status: stale.status, code: stale.body.code, current: stale.body.current }).toEqual({
      status: 409,
      code: 'stale_standard',
      current: { positionCode: 'PERAWAT', version: 2 },
    });
    const ack = await t.call('POST', path, { token: tokens.junaidi, body: { type: 'acknowledgeStandards' } });
    expect(ack.status).toBe(200);
    const event = await rig.db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'socialisation.acknowledged')
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ by: junaidi.nip, standard: { positionCode: 'PERAWAT', version: 2 } });
  }, 60_000);

  it('closes the round: its workflow ends and nothing more is taken', async () => {
    expect((await act('fitri', { type: 'closeRound' })).status).toBe(403);
    expect((await act('hr', { type: 'closeRound' })).status).toBe(200);
    const handle = rig.env.client.workflow.getHandle(`standards:${roundId}`);
    expect((await handle.result()).status).toBe('closed');
    const late = await act('hr', { type: 'publishStandard', positionCode: 'PERAWAT' });
    expect([late.status, late.body.code]).toEqual([409, 'round_closed']);
    const open = (await t.call('GET', `${api}/me/tasks`, { token: tokens.head })).body.tasks.filter(
      (x: { kind: string }) => x.kind === 'reviewStandard',
    );
    expect(open).toEqual([]);
  });
});
