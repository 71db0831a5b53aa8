// HR's monitoring per person and reminders, through HTTP on a real Temporal dev server, PostgreSQL and
// worker: a cycle whose socialisation ended before anyone acknowledged, so every employee is behind and
// their supervisor holds a follow-up task; one acknowledges late and is no longer behind. HR filters the
// list, reminds one task and then "all late": each reminder is a recorded `task.reminded` and a
// notification to the task's holder, at most one a task a day, a repeated key acts once; bad requests
// are problem+json that change nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { startDevEnv } from '../support/temporal.ts';

const nip = {
  head: '197003031995031001',
  rater: '197505052000031002',
  nurse: '199001012015031004',
  midwife: '199202022016042005',
  clerk: '199303032018012007',
  hr: '198909092014022006',
};
const csv = [
  'nip,name,email,unit_code,position_code,supervisor_nip',
  `${nip.head},Hendra Kepala,hendra@bungo.go.id,DINKES,KADIS,`,
  `${nip.rater},Wati Penilai,wati@bungo.go.id,PKM1,KAPUS,${nip.head}`,
  `${nip.nurse},Siti Aminah,siti@bungo.go.id,PKM1,PERAWAT,${nip.rater}`,
  `${nip.midwife},Rina Bidan,rina@bungo.go.id,PKM1,PERAWAT,${nip.rater}`,
  `${nip.clerk},Dodi Arsip,dodi@bungo.go.id,DINKES,PERAWAT,${nip.head}`,
  `${nip.hr},Yanti Kepegawaian,yanti@bungo.go.id,DINKES,PERAWAT,${nip.head}`,
].join('\n');

interface Person {
  nip: string;
  name: string;
  unitCode: string;
  step: string;
  acknowledged: boolean;
  behind: string[];
  tasks: Array<{ taskId: string; kind: string; holderNip: string; holderName: string; remindedAt: string }>;
}

describe('monitoring per person and reminders (HTTP, dev server, real worker)', () => {
  let rig: RunningRig;
  let t: TestApi;
  const token: Record<string, string> = {};
  let cycleId: string;
  let base: string;

  const monitoring = async (query = '', as = 'hr') =>
    t.call('GET', `${base}/monitoring${query}`, { token: token[as] });
  const person = async (who: keyof typeof nip) =>
    ((await monitoring()).body.people as Person[]).find((p) => p.nip === nip[who]);
  // The reminders of the HR officer at the list (the workflow's own, before deadlines, are recorded as
  // acts of whoever started the cycle: another HR officer here).
  const reminded = () =>
    rig.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', 'like', `appraisal-${cycleId}.%`)
      .where('type', '=', 'task.reminded')
      .where(sql`metadata->>'actor'`, '=', nip.clerk)
      .execute();
  const reminders = () =>
    rig.db
      .selectFrom('notifications as n')
      .innerJoin('events as e', 'e.event_id', 'n.event_id')
      .select(['n.task_id', 'n.recipient_nip'])
      .where('n.org_id', '=', 'bungo')
      .where('n.kind', '=', 'reminder')
      .where(sql`e.metadata->>'actor'`, '=', nip.clerk)
      .execute();

  beforeAll(async () => {
    rig = await startRunningRig(await startDevEnv(), 'monitor');
    t = await startTestApi(rig);
    token.starter = await t.token('bungo', nip.hr, ['hr', 'employee']);
    token.hr = await t.token('bungo', nip.clerk, ['hr', 'employee']);
    token.auditor = await t.token('bungo', nip.head, ['auditor', 'employee']);
    token.rater = await t.token('bungo', nip.rater);
    token.nurse = await t.token('bungo', nip.nurse);
    const units = ['DINKES', 'PKM1'].map((code) => ({ code, name: `Unit ${code}` }));
    await t.call('POST', '/v1/orgs/bungo/units', { token: token.hr, body: units });
    const positions = ['KADIS', 'KAPUS', 'PERAWAT'].map((code) => ({
      code,
      name: `Jabatan ${code}`,
      kind: 'JF',
      duties: [],
      defaultIndicators: [],
    }));
    await t.call('POST', '/v1/orgs/bungo/positions', { token: token.hr, body: positions });
    const imported = await t.call('POST', '/v1/orgs/bungo/employees/import', { token: token.hr, csv });
    expect(imported.body).toMatchObject({ ok: true, imported: 6 });
    // Socialisation ended an hour after a start a day ago: nobody acknowledged in time.
    const start = new Date(Date.now() - 25 * 3_600_000);
    const body = {
      year: start.getUTCFullYear() + 1,
      start: start.toISOString(),
      calendar: { socialisation: 'PT1H' },
    };
    const started = await t.call('POST', '/v1/orgs/bungo/cycles', { token: token.starter, body });
    expect(started.status).toBe(201);
    cycleId = started.body.cycleId;
    base = `/v1/orgs/bungo/cycles/${cycleId}`;
    await until(async () => {
      const people = (await monitoring()).body.people as Person[] | undefined;
      return people?.length === 6 && people.every((p) => p.behind.includes('acknowledgement'));
    });
    // The nurse acknowledges late (no task any more: on their own appraisal).
    const late = await t.call('POST', '/v1/orgs/bungo/me/appraisal/actions', {
      token: token.nurse,
      body: { type: 'acknowledgeStandards' },
    });
    expect(late.status, JSON.stringify(late.body)).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await t?.api.close();
    await rig?.stop();
  });

  it('shows each person where they stand, what they are behind on and who holds their tasks', async () => {
    const nurse = await person('nurse');
    expect(nurse).toMatchObject({ name: 'Siti Aminah', unitCode: 'PKM1', acknowledged: true, behind: [] });
    const midwife = await person('midwife');
    expect(midwife).toMatchObject({ acknowledged: false, step: 'agreement', behind: ['acknowledgement'] });
    // The rater follows up the missed acknowledgement and proposes the SKP.
    expect(midwife?.tasks.map((x) => [x.kind, x.holderName]).sort()).toEqual([
      ['escalateSocialisation', 'Wati Penilai'],
      ['proposeIndicators', 'Wati Penilai'],
    ]);
    const all = await monitoring();
    expect(all.body.counts).toMatchObject({ people: 6, late: 5, acknowledged: 1, agreed: 0 });
    expect(all.body.units).toEqual(['DINKES', 'PKM1']);
  });

  it('filters by unit, step and late only, counting what the filter keeps', async () => {
    const pkm = await monitoring('?unit=PKM1');
    expect((pkm.body.people as Person[]).map((p) => p.name).sort()).toEqual([
      'Rina Bidan',
      'Siti Aminah',
      'Wati Penilai',
    ]);
    expect(pkm.body.counts).toMatchObject({ people: 3, late: 2, acknowledged: 1 });
    const late = await monitoring('?unit=PKM1&late=true');
    expect((late.body.people as Person[]).map((p) => p.name).sort()).toEqual(['Rina Bidan', 'Wati Penilai']);
    expect(late.body.filter).toEqual({ unit: 'PKM1', step: null, lateOnly: true });
    expect((await monitoring('?step=review')).body.counts.people).toBe(0);
    expect((await monitoring('', 'auditor')).status).toBe(200);
  });

  it('refuses others and bad requests as problem+json, reminding nobody', async () => {
    const cases: Array<[ReturnType<TestApi['call']>, number, string]> = [
      [monitoring('', 'rater'), 403, 'forbidden_role'],
      [t.call('GET', '/v1/orgs/bungo/cycles/bungo.1999/monitoring', { token: token.hr }), 404, 'not_found'],
      [monitoring('?late=maybe'), 400, 'invalid_request'],
      [t.call('POST', `${base}/reminders`, { token: token.auditor, body: {} }), 403, 'forbidden_role'],
      [
        t.call('POST', `${base}/reminders`, { token: token.hr, body: { taskIds: [] } }),
        400,
        'invalid_request',
      ],
      [t.call('POST', `${base}/reminders`, { token: token.hr, body: { all: true } }), 400, 'invalid_request'],
    ];
    for (const [response, status, code] of cases) {
      const answer = await response;
      expect([answer.status, answer.body.code]).toEqual([status, code]);
      expect(answer.type).toContain('application/problem+json');
    }
    expect(await reminded()).toEqual([]);
  });

  it('reminds a chosen task, then every late one, each holder once a day, a repeated key once', async () => {
    const midwife = (await person('midwife'))!;
    const follow = midwife.tasks.find((x) => x.kind === 'escalateSocialisation')!;
    const chosen = await t.call('POST', `${base}/reminders`, {
      token: token.hr,
      body: { taskIds: [follow.taskId, 'no-such-task'] },
    });
    expect(chosen.body).toEqual({
      results: [
        { taskId: follow.taskId, outcome: 'reminded' },
        { taskId: 'no-such-task', outcome: 'refused', code: 'not_found' },
      ],
      reminded: 1,
      alreadyReminded: 0,
      refused: 1,
    });
    expect(await reminders()).toEqual([{ task_id: follow.taskId, recipient_nip: nip.rater }]);
    expect((await person('midwife'))?.tasks.find((x) => x.taskId === follow.taskId)?.remindedAt).toBeTruthy();

    // All late in PKM1: the midwife's two tasks and the rater's own; the one just reminded is not again.
    const headers = { 'idempotency-key': 'remind-pkm1-late' };
    const body = { unit: 'PKM1' };
    const all = await t.call('POST', `${base}/reminders`, { token: token.hr, body, headers });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ reminded: 3, alreadyReminded: 1, refused: 0 });
    const again = await t.call('POST', `${base}/reminders`, { token: token.hr, body, headers });
    expect(again.body).toEqual(all.body);
    expect((await reminded()).length).toBe(4);
    expect((await reminders()).length).toBe(4);
    // Without the key, a second "all late" within the day reminds nobody again.
    const second = await t.call('POST', `${base}/reminders`, { token: token.hr, body });
    expect(second.body).toMatchObject({ reminded: 0, alreadyReminded: 4 });
    expect((await reminded()).length).toBe(4);
    // The nurse, no longer behind, was never reminded.
    const nurseTasks = (await person('nurse'))?.tasks.map((x) => x.taskId) ?? [];
    expect((await reminders()).filter((r) => nurseTasks.includes(r.task_id))).toEqual([]);
  });
});

async function until<T>(check: () => Promise<T | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
