// A supervisor signs several ready SKPs at once, through HTTP on a real Temporal dev server, PostgreSQL
// and worker: the rater proposes three SKPs, two employees sign theirs. Through the API the rater signs
// both with a stray and a wrong task in the batch (one outcome each, the good ones agreed); a repeated key
// signs nothing twice. Then the third employee signs, and the team page lists that SKP as ready; the
// rater signs it from the page and sees the outcome per employee.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.ts';
import { immunisationRhk, nipsOf, type Staff, startAgreementCycle } from '../support/http-cycle.ts';
import { startDevEnv } from '../support/temporal.ts';

const staff = {
  head: ['197003031995031001', 'Hendra Kepala', 'DINKES', 'KADIS'],
  rater: ['197505052000031002', 'Wati Penilai', 'PKM1', 'KAPUS', 'head'],
  ana: ['199001012015031004', 'Ana Perawat', 'PKM1', 'PERAWAT', 'rater'],
  budi: ['199202022016041005', 'Budi Perawat', 'PKM1', 'PERAWAT', 'rater'],
  cici: ['199303032018012007', 'Cici Perawat', 'PKM1', 'PERAWAT', 'rater'],
  hr: ['198909092014022006', 'Yanti Kepegawaian', 'DINKES', 'PERAWAT', 'head'],
} as const satisfies Staff;
const nip = nipsOf(staff);
const rhk = immunisationRhk('95 %');

type Task = { taskId: string; kind: string; appraisalId: string };

describe('signing several ready SKPs at once (HTTP, dev server, real worker)', () => {
  const live = useTestApi(startDevEnv, 'bulksign');
  const token: Record<string, string> = {};
  let cycleId: string;

  const inbox = async (who: string) =>
    (await live.t.call('GET', '/v1/orgs/bungo/me/tasks?limit=200', { token: token[who] })).body
      .tasks as Task[];
  const taskOf = async (who: string, kind: string, of: keyof typeof nip) => {
    for (let i = 0; i < 300; i++) {
      const found = (await inbox(who)).find(
        (x) => x.kind === kind && x.appraisalId === `${cycleId}.${nip[of]}`,
      );
      if (found) return found;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no ${kind} task of ${of} for ${who}`);
  };
  const act = (who: string, taskId: string, command: unknown) =>
    live.t.call('POST', `/v1/orgs/bungo/tasks/${encodeURIComponent(taskId)}/actions`, {
      token: token[who],
      body: command,
    });
  const agreed = async (of: keyof typeof nip) => {
    const row = await live.rig.db
      .selectFrom('appraisals')
      .select('state')
      .where('appraisal_id', '=', `${cycleId}.${nip[of]}`)
      .executeTakeFirstOrThrow();
    return (row.state as { agreement: { agreedVersion: number | null } }).agreement.agreedVersion;
  };
  const signedEvents = async () =>
    (
      await live.rig.db
        .selectFrom('events')
        .select('stream_id')
        .where('stream_id', 'like', `appraisal-${cycleId}.%`)
        .where('type', '=', 'agreement.signed')
        .execute()
    ).length;

  beforeAll(async () => {
    token.hr = await live.t.token('bungo', nip.hr, ['hr', 'employee']);
    for (const who of ['rater', 'ana', 'budi', 'cici'] as const)
      token[who] = await live.t.token('bungo', nip[who]);
    cycleId = await startAgreementCycle(live.t, 'bungo', {
      hr: token.hr,
      units: ['DINKES', 'PKM1'],
      positions: ['KADIS', 'KAPUS', 'PERAWAT'],
      staff,
    });
    for (const who of ['ana', 'budi', 'cici'] as const) {
      const propose = await taskOf('rater', 'proposeIndicators', who);
      expect((await act('rater', propose.taskId, { type: 'proposeIndicators', rhk })).status).toBe(200);
    }
    for (const who of ['ana', 'budi'] as const) {
      const review = await taskOf(who, 'reviewIndicators', who);
      expect((await act(who, review.taskId, { type: 'signAgreement', version: 1 })).status).toBe(200);
    }
  }, 240_000);

  it('signs each ready SKP named, with one outcome per task, and a repeated key signs nothing twice', async () => {
    const ana = await taskOf('rater', 'signAgreement', 'ana');
    const budi = await taskOf('rater', 'signAgreement', 'budi');
    const follow = await taskOf('rater', 'escalateSocialisation', 'cici');
    const cici = await taskOf('cici', 'reviewIndicators', 'cici');
    const body = { taskIds: [ana.taskId, follow.taskId, 'no-such-task', cici.taskId, budi.taskId] };
    const headers = { 'idempotency-key': 'sign-ready-1' };
    const before = await signedEvents();
    const answer = await live.t.call('POST', '/v1/orgs/bungo/me/skp/sign', {
      token: token.rater,
      body,
      headers,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      results: [
        { taskId: ana.taskId, outcome: 'signed' },
        { taskId: follow.taskId, outcome: 'refused', code: 'command_not_for_task' },
        { taskId: 'no-such-task', outcome: 'refused', code: 'not_found' },
        // Someone else's task is as absent as a missing one.
        { taskId: cici.taskId, outcome: 'refused', code: 'not_found' },
        { taskId: budi.taskId, outcome: 'signed' },
      ],
      signed: 2,
      refused: 3,
    });
    expect([await agreed('ana'), await agreed('budi'), await agreed('cici')]).toEqual([1, 1, null]);
    expect(await signedEvents()).toBe(before + 2);
    const again = await live.t.call('POST', '/v1/orgs/bungo/me/skp/sign', {
      token: token.rater,
      body,
      headers,
    });
    expect(again.body).toEqual(answer.body);
    expect(await signedEvents()).toBe(before + 2);
    // An empty batch is a bad request that changes nothing.
    const empty = await live.t.call('POST', '/v1/orgs/bungo/me/skp/sign', {
      token: token.rater,
      body: { taskIds: [] },
    });
    expect([empty.status, empty.body.code]).toEqual([400, 'invalid_request']);
  });

  it('lists the SKP the employee signed on the team page, and signs the selected from there', async () => {
    const review = await taskOf('cici', 'reviewIndicators', 'cici');
    expect((await act('cici', review.taskId, { type: 'signAgreement', version: 1 })).status).toBe(200);
    const sign = await taskOf('rater', 'signAgreement', 'cici');
    const cookie = `siklus_session=${token.rater}`;
    const page = await (await fetch(`${live.t.api.url}/app/team`, { headers: { cookie } })).text();
    const ready = page.slice(
      page.indexOf('id="bulk-sign"'),
      page.indexOf('</form>', page.indexOf('id="bulk-sign"')),
    );
    expect(ready).toContain(`value="${sign.taskId}"`);
    expect(ready).toContain('Cici Perawat');
    // Ana and Budi were signed already: not offered again.
    expect(ready).not.toContain('Ana Perawat');
    const key = /name="_key" value="([^"]+)"/.exec(ready)?.[1] ?? '';
    const form = new URLSearchParams({ _key: key, task: sign.taskId });
    const signed = await fetch(`${live.t.api.url}/app/team/sign`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    const html = await signed.text();
    expect(signed.status).toBe(200);
    expect(html).toContain('1 dari 1 SKP ditandatangani.');
    expect(html).toMatch(/<li>Cici Perawat: ditandatangani<\/li>/);
    expect(html).not.toContain('id="bulk-sign"');
    expect(await agreed('cici')).toBe(1);
  });

  it('links each person on the team page to their appraisal, which opens their evaluation file for the rater (on the read trail) and for no other employee', async () => {
    const cookie = `siklus_session=${token.rater}; lang=id`;
    const page = await (await fetch(`${live.t.api.url}/app/team`, { headers: { cookie } })).text();
    const href = `/app/team/appraisals/${encodeURIComponent(`${cycleId}.${nip.ana}`)}`;
    expect(page).toContain(`<a href="${href}">Ana Perawat</a>`);
    const reads = async () =>
      (
        await live.rig.db
          .selectFrom('read_trail')
          .select('subject')
          .where('subject', '=', `${cycleId}.${nip.ana}`)
          .where('reader_nip', '=', nip.rater)
          .execute()
      ).length;
    const before = await reads();
    const opened = await fetch(`${live.t.api.url}${href}`, { headers: { cookie } });
    expect(opened.status).toBe(200);
    const html = await opened.text();
    expect(html).toContain('<title>Ana Perawat');
    expect(html).toContain('id="evaluation-file"');
    expect(html).toContain('Cakupan imunisasi naik');
    expect(await reads()).toBe(before + 1);
    const other = await fetch(`${live.t.api.url}${href}`, {
      headers: { cookie: `siklus_session=${token.budi}` },
    });
    expect(other.status).toBe(403);
    const absent = await fetch(`${live.t.api.url}/app/team/appraisals/${cycleId}.199901012020011001`, {
      headers: { cookie },
    });
    expect(absent.status).toBe(404);
  });
});
