// HR's monitoring per person and reminders, through HTTP on a real Temporal dev server, PostgreSQL and
// worker: a cycle whose socialisation ended before anyone acknowledged, so every employee is behind and
// their supervisor holds a follow-up task; one acknowledges late and is no longer behind. HR filters the
// list, reminds one task and then "all late": each reminder is a recorded `task.reminded` and a
// notification to the task's holder, at most one a task a day, a repeated key acts once; bad requests
// are problem+json that change nothing.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, useTestApi } from '../support/api.ts';
import { nipsOf, type Staff, startAgreementCycle } from '../support/http-cycle.ts';
import { startDevEnv } from '../support/temporal.ts';
import { until } from '../support/until.ts';

const staff = {
  head: ['197003031995031001', 'Hendra Kepala', 'DINKES', 'KADIS'],
  rater: ['197505052000031002', 'Wati Penilai', 'PKM1', 'KAPUS', 'head'],
  nurse: ['199001012015031004', 'Siti Aminah', 'PKM1', 'PERAWAT', 'rater'],
  midwife: ['199202022016042005', 'Rina Bidan', 'PKM1', 'PERAWAT', 'rater'],
  clerk: ['199303032018012007', 'Dodi Arsip', 'DINKES', 'PERAWAT', 'head'],
  hr: ['198909092014022006', 'Yanti Kepegawaian', 'DINKES', 'PERAWAT', 'head'],
} as const satisfies Staff;
const nip = nipsOf(staff);

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
  const live = useTestApi(startDevEnv, 'monitor');
  const token: Record<string, string> = {};
  let cycleId: string;
  let base: string;

  const monitoring = async (query = '', as = 'hr') =>
    live.t.call('GET', `${base}/monitoring${query}`, { token: token[as] });
  const person = async (who: keyof typeof nip) =>
    ((await monitoring()).body.people as Person[]).find((p) => p.nip === nip[who]);
  // The reminders of the HR officer at the list (the workflow's own, before deadlines, are recorded as
  // acts of whoever started the cycle: another HR officer here).
  const reminded = () =>
    live.rig.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', 'like', `appraisal-${cycleId}.%`)
      .where('type', '=', 'task.reminded')
      .where(sql`metadata->>'actor'`, '=', nip.clerk)
      .execute();
  const reminders = () =>
    live.rig.db
      .selectFrom('notifications as n')
      .innerJoin('events as e', 'e.event_id', 'n.event_id')
      .select(['n.task_id', 'n.recipient_nip'])
      .where('n.org_id', '=', 'bungo')
      .where('n.kind', '=', 'reminder')
      .where(sql`e.metadata->>'actor'`, '=', nip.clerk)
      .execute();

  beforeAll(async () => {
    token.starter = await live.t.token('bungo', nip.hr, ['hr', 'employee']);
    token.hr = await live.t.token('bungo', nip.clerk, ['hr', 'employee']);
    token.auditor = await live.t.token('bungo', nip.head, ['auditor', 'employee']);
    token.rater = await live.t.token('bungo', nip.rater);
    token.nurse = await live.t.token('bungo', nip.nurse);
    // Socialisation is over before anybody acknowledged.
    cycleId = await startAgreementCycle(live.t, 'bungo', {
      hr: token.hr,
      starter: token.starter,
      units: ['DINKES', 'PKM1'],
      positions: ['KADIS', 'KAPUS', 'PERAWAT'],
      staff,
    });
    base = `/v1/orgs/bungo/cycles/${cycleId}`;
    await until(async () => {
      const people = (await monitoring()).body.people as Person[] | undefined;
      return people?.length === 6 && people.every((p) => p.behind.includes('acknowledgement'));
    }, 90_000);
    // The nurse acknowledges late (no task any more: on their own appraisal).
    const late = await live.t.call('POST', '/v1/orgs/bungo/me/appraisal/actions', {
      token: token.nurse,
      body: { type: 'acknowledgeStandards' },
    });
    expect(late.status, JSON.stringify(late.body)).toBe(200);
  }, 240_000);

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
      [
        live.t.call('GET', '/v1/orgs/bungo/cycles/bungo.1999/monitoring', { token: token.hr }),
        404,
        'not_found',
      ],
      [monitoring('?late=maybe'), 400, 'invalid_request'],
      [live.t.call('POST', `${base}/reminders`, { token: token.auditor, body: {} }), 403, 'forbidden_role'],
      [
        live.t.call('POST', `${base}/reminders`, { token: token.hr, body: { taskIds: [] } }),
        400,
        'invalid_request',
      ],
      [
        live.t.call('POST', `${base}/reminders`, { token: token.hr, body: { all: true } }),
        400,
        'invalid_request',
      ],
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
    const chosen = await live.t.call('POST', `${base}/reminders`, {
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
    const all = await live.t.call('POST', `${base}/reminders`, { token: token.hr, body, headers });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ reminded: 3, alreadyReminded: 1, refused: 0 });
    const again = await live.t.call('POST', `${base}/reminders`, { token: token.hr, body, headers });
    expect(again.body).toEqual(all.body);
    expect((await reminded()).length).toBe(4);
    expect((await reminders()).length).toBe(4);
    // Without the key, a second "all late" within the day reminds nobody again.
    const second = await live.t.call('POST', `${base}/reminders`, { token: token.hr, body });
    expect(second.body).toMatchObject({ reminded: 0, alreadyReminded: 4 });
    expect((await reminded()).length).toBe(4);
    // The nurse, no longer behind, was never reminded.
    const nurseTasks = (await person('nurse'))?.tasks.map((x) => x.taskId) ?? [];
    expect((await reminders()).filter((r) => nurseTasks.includes(r.task_id))).toEqual([]);
  });
});
