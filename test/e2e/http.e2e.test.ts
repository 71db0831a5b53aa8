// End to end over HTTP only, on the time-skipping server: HR imports 20 employees from CSV and starts a
// cycle; every actor works their inbox through the API for a whole year; feedback is delivered; one
// objection changes a predikat; one training referral is completed; the e-mails arrive over SMTP.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import ExcelJS from 'exceljs';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppraisalCommand } from '../../domain/appraisal/commands.ts';
import { startMailer } from '../../notifications/mailer.ts';
import { generateOrganisation } from '../../simulation/organisation.ts';
import { seededRandom } from '../../simulation/random.ts';
import { ok, startTestApi, type TestApi } from '../support/api.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { clockSkipper, startTimeSkippingEnv } from '../support/temporal.ts';

const org = generateOrganisation(seededRandom(3), 'bukittinggi', 20, 2);
const head = org.employees[0]!;
const u01 = org.employees.filter((e) => e.unitCode === 'U01');
const leader = u01.find((e) => e.supervisorNip === head.nip)!;
const objector = u01.find((e) => e.supervisorNip === leader.nip)!;
const hrOfficer = org.employees.find((e) => e.unitCode === 'U02' && e.supervisorNip !== head.nip)!;
const stars = u01
  .filter((e) => e !== objector)
  .slice(0, 3)
  .map((e) => e.nip);
const csv = [
  'nip,name,email,unit_code,position_code,supervisor_nip,language',
  ...org.employees.map(
    (e) =>
      `${e.nip},${e.name},${e.nip}@bukittinggi.go.id,${e.unitCode},STAF,${e.supervisorNip ?? ''},${e === head ? 'en' : 'id'}`,
  ),
].join('\n');

describe('end to end over HTTP (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let rig: RunningRig;
  let t: TestApi;
  let mailer: { stop(): void };
  const mails: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        mails.push(session.envelope.rcptTo.map((r) => r.address).join(','));
        callback();
      });
    },
  });

  beforeAll(async () => {
    rig = await startRunningRig(await startTimeSkippingEnv(), 'e2e');
    env = rig.env;
    t = await startTestApi(rig);
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    mailer = startMailer(rig.db, `smtp://127.0.0.1:${port}?ignoreTLS=true`, {
      from: 'siklus@bukittinggi.go.id',
      intervalMs: 200,
    });
  }, 120_000);

  afterAll(async () => {
    mailer?.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await t?.api.close();
    await rig?.stop();
  });

  it('runs a whole year through the API', async () => {
    // HR is an officer of unit U02; the head of the instansi is rated by HR, never by themself.
    const hr = await t.token('bukittinggi', hrOfficer.nip, ['hr', 'employee']);
    const tokens = new Map(
      await Promise.all(
        org.employees.map(
          async (e) => [e.nip, e === hrOfficer ? hr : await t.token('bukittinggi', e.nip)] as const,
        ),
      ),
    );
    await ok(
      t.call('POST', '/v1/orgs/bukittinggi/units', {
        token: hr,
        body: org.units.map((code) => ({ code, name: `Unit ${code}` })),
      }),
    );
    await ok(
      t.call('POST', '/v1/orgs/bukittinggi/positions', {
        token: hr,
        body: [{ code: 'STAF', name: 'Staf', kind: 'JF', duties: ['Pelayanan'], defaultIndicators: [] }],
      }),
    );
    expect(
      (await ok(t.call('POST', '/v1/orgs/bukittinggi/employees/import', { token: hr, csv }))).imported,
    ).toBe(20);
    const now = new Date(await env.currentTimeMs());
    const { cycleId } = await ok(
      t.call('POST', '/v1/orgs/bukittinggi/cycles', {
        token: hr,
        body: { year: now.getUTCFullYear() + 1, start: now.toISOString() },
      }),
    );
    let cycle: { calendar: unknown } | undefined;
    for (let i = 0; i < 300 && !cycle; i++) {
      const r = await t.call('GET', `/v1/orgs/bukittinggi/cycles/${cycleId}`, { token: hr });
      if (r.status === 200) cycle = r.body;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!cycle) throw new Error(`cycle ${cycleId} was not readable in 30 s`);
    const calendar = cycle.calendar as {
      agreement: { start: string };
      periods: { windows: Array<{ id: string; opens: string }> };
      review: { start: string };
      rating: { start: string; deadline: string };
    };
    const skipTo = clockSkipper(env);

    /** Everyone reads their inbox over HTTP and answers the tasks of these kinds. */
    const work = async (
      kinds: string[],
      answer: (task: { kind: string; taskId: string }, nip: string) => AppraisalCommand | null,
    ) => {
      let acted = 0;
      for (const e of org.employees) {
        const inbox = await ok(
          t.call('GET', '/v1/orgs/bukittinggi/me/tasks?limit=200', { token: tokens.get(e.nip) }),
        );
        for (const task of inbox.tasks as Array<{ kind: string; taskId: string }>) {
          if (!kinds.includes(task.kind)) continue;
          const command = answer(task, e.nip);
          if (!command) continue;
          await ok(
            t.call('POST', `/v1/orgs/bukittinggi/tasks/${encodeURIComponent(task.taskId)}/actions`, {
              token: tokens.get(e.nip),
              body: command,
              headers: { 'idempotency-key': `${task.taskId}:${command.type}` },
            }),
          );
          acted++;
        }
      }
      return acted;
    };
    const waitForTasks = async (kind: string, count: number) => {
      for (let i = 0; i < 300; i++) {
        const n = await rig.db
          .selectFrom('tasks')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('kind', '=', kind)
          .where('status', '=', 'open')
          .executeTakeFirst();
        if (Number(n?.n) >= count) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no ${kind} tasks appeared`);
    };
    const version = (taskId: string) => Number(taskId.match(/:v(\d+)$/)?.[1] ?? 1);
    const period = (taskId: string) => taskId.split(':').at(-1) ?? '';

    await waitForTasks('acknowledgeStandards', 20);
    expect(await work(['acknowledgeStandards'], () => ({ type: 'acknowledgeStandards' }))).toBe(20);
    await skipTo(calendar.agreement.start);
    await waitForTasks('proposeIndicators', 20);
    const rhk = [
      {
        id: 'rhk-1',
        kind: 'utama',
        description: 'Meningkatkan layanan',
        parentRhkId: null,
        indicators: [{ id: 'iki-1', description: 'Kepuasan', aspect: 'kualitas', target: '85' }],
      },
    ];
    await work(['proposeIndicators'], () => ({ type: 'proposeIndicators', rhk }) as AppraisalCommand);
    await work(['reviewIndicators'], (task) => ({ type: 'signAgreement', version: version(task.taskId) }));
    await work(['signAgreement'], (task) => ({ type: 'signAgreement', version: version(task.taskId) }));
    // The periodic evaluations (quarterly by default): realisation, the rater's rating, the acknowledgement.
    expect(calendar.periods.windows.map((w) => w.id)).toEqual(['TW1', 'TW2', 'TW3', 'TW4']);
    for (const window of calendar.periods.windows) {
      await skipTo(window.opens);
      await waitForTasks('recordRealisation', 20);
      await work(['recordRealisation'], (task) => ({
        type: 'recordRealisation',
        period: period(task.taskId),
        realisations: [{ indicatorId: 'iki-1', value: '86', evidence: [{ note: 'Survei' }] }],
      }));
      expect(
        await work(['ratePeriod'], (task) => ({
          type: 'ratePeriod',
          period: period(task.taskId),
          results: 'sesuai',
          behaviour: 'sesuai',
          feedback: 'Baik, pertahankan',
        })),
      ).toBe(20);
      await work(['acknowledgePeriod'], (task) => ({
        type: 'acknowledgePeriod',
        period: period(task.taskId),
      }));
    }
    await skipTo(calendar.review.start);
    await waitForTasks('selfAssessment', 20);
    await work(['selfAssessment', 'supervisorAssessment', 'subordinateReview'], () => ({
      type: 'submitReview',
      scores: { akuntabel: 4, kompeten: 4 },
      comment: '',
    }));
    await skipTo(calendar.rating.start);
    await waitForTasks('setRating', 20);
    await work(['setRating'], (task) => {
      const ratee = task.taskId.split(':')[0]!.split('.').at(-1)!;
      if (ratee === objector.nip)
        return {
          type: 'setRating',
          results: 'sesuai',
          behaviour: 'diBawah',
          feedback: 'Perilaku kerja perlu diperbaiki',
        };
      if (stars.includes(ratee))
        return { type: 'setRating', results: 'diAtas', behaviour: 'diAtas', feedback: 'Luar biasa' };
      return { type: 'setRating', results: 'sesuai', behaviour: 'sesuai', feedback: 'Sesuai ekspektasi' };
    });
    for (const unit of org.units) {
      await ok(
        t.call('POST', `/v1/orgs/bukittinggi/cycles/${cycleId}/units/${unit}/predikat`, {
          token: hr,
          body: { predikat: unit === 'U01' ? 'baik' : 'istimewa', document: 'SK 800/1/2027' },
        }),
      );
    }
    await skipTo(calendar.rating.deadline, 5 * 60_000);
    await waitForTasks('readFeedback', 20);
    const distribution = await ok(
      t.call('GET', `/v1/orgs/bukittinggi/cycles/${cycleId}/distribution`, { token: hr }),
    );
    expect(distribution.units.every((u: { releasedAt: string | null }) => u.releasedAt !== null)).toBe(true);
    // Feedback is delivered; one employee objects, the rest acknowledge.
    await work(['readFeedback'], (_task, nip) =>
      nip === objector.nip
        ? { type: 'fileObjection', reasons: 'Perilaku dinilai tanpa dialog kinerja' }
        : { type: 'acknowledgeFeedback' },
    );
    // The superior hears it: a request without a day to answer is refused as problem+json and changes
    // nothing; the rater is asked to explain in three days and answers through their own task.
    const objectorAppraisal = `${cycleId}.${objector.nip}`;
    const decideTask = `${objectorAppraisal}:decideObjection`;
    const askBad = await t.call(
      'POST',
      `/v1/orgs/bukittinggi/tasks/${encodeURIComponent(decideTask)}/actions`,
      {
        token: tokens.get(head.nip),
        body: { type: 'askExplanation', from: 'rater', question: 'Dasar penilaian?', days: 0 },
        headers: { 'idempotency-key': 'ask-no-days' },
      },
    );
    expect(askBad.status).toBe(400);
    expect(typeof askBad.body.code).toBe('string');
    expect(
      await work(['decideObjection'], () => ({
        type: 'askExplanation',
        from: 'rater',
        question: 'Apakah dialog kinerja pernah diadakan?',
        days: 3,
      })),
    ).toBe(1);
    await waitForTasks('explainObjection', 1);
    expect(
      await work(['explainObjection'], (_task, nip) => {
        expect(nip).toBe(leader.nip);
        return { type: 'explainObjection', explanation: 'Dialog kinerja belum diadakan tahun ini' };
      }),
    ).toBe(1);
    await work(['decideObjection'], () => ({
      type: 'decideObjection',
      decision: 'changed',
      results: 'diBawah',
      behaviour: 'sesuai',
      reason: 'Hasil kerja di bawah target, perilaku sesuai',
    }));
    const objectorToken = tokens.get(objector.nip);
    const mine = await ok(t.call('GET', '/v1/orgs/bukittinggi/me/appraisal', { token: objectorToken }));
    expect(mine.rating.predikat).toBe('butuhPerbaikan');
    // The employee reads the decision's written reasons and the explanation it heard.
    expect(mine.objection).toMatchObject({
      decision: 'changed',
      decisionReason: 'Hasil kerja di bawah target, perilaku sesuai',
      decidedBy: head.nip,
      previousPredikat: 'kurang',
      explanations: [
        { from: 'rater', nip: leader.nip, explanation: 'Dialog kinerja belum diadakan tahun ini' },
      ],
    });
    // The auditor's timeline says which rules the decision was made under.
    const auditor = await t.token('bukittinggi', hrOfficer.nip, ['auditor']);
    const timeline = await ok(
      t.call('GET', `/v1/orgs/bukittinggi/audit/appraisals/${objectorAppraisal}/timeline`, {
        token: auditor,
      }),
    );
    const decidedEntry = timeline.entries.find((e: { type: string }) => e.type === 'objection.decided');
    expect(decidedEntry.sentence).toContain('asn-2023');
    await skipTo(new Date(Date.parse(mine.release.objectionDeadline)).toISOString(), 10 * 60_000);
    await waitForTasks('assignTraining', 1);
    expect(
      await work(['assignTraining'], () => ({
        type: 'assignTraining',
        programme: 'Pelatihan pelayanan prima',
      })),
    ).toBe(1);
    expect(await work(['completeTraining'], () => ({ type: 'completeTraining', note: 'Sertifikat' }))).toBe(
      1,
    );
    const done = await ok(t.call('GET', '/v1/orgs/bukittinggi/me/appraisal', { token: objectorToken }));
    expect(done).toMatchObject({ step: 'completed', objection: { decision: 'changed' } });
    expect(done.referral.completedAt).not.toBeNull();
    // Each appraisal completes when its own objection window closes (units are released apart): the
    // clock goes on to the last of them before the count.
    const last = await rig.db
      .selectFrom('appraisals')
      .select((eb) => eb.fn.max('deadline').as('at'))
      .where('cycle_id', '=', cycleId)
      .where('step', '=', 'feedback')
      .executeTakeFirst();
    if (last?.at) await skipTo(new Date(String(last.at)).toISOString(), 10 * 60_000);
    const completedNow = async () => {
      const progress = await ok(
        t.call('GET', `/v1/orgs/bukittinggi/cycles/${cycleId}/progress`, { token: hr }),
      );
      return Object.values(progress.units as Record<string, Record<string, number>>).reduce(
        (sum, s) => sum + (s.completed ?? 0),
        0,
      );
    };
    for (let i = 0; i < 100 && (await completedNow()) < 20; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await completedNow()).toBe(20);
    // Results export as CSV and as an XLSX workbook.
    const exported = await t.call('GET', `/v1/orgs/bukittinggi/cycles/${cycleId}/results?format=csv`, {
      token: hr,
    });
    const lines = String(exported.body).trim().split('\r\n');
    expect(lines).toHaveLength(21);
    expect(lines.find((l) => l.startsWith(objector.nip))).toMatch(
      /completed,Butuh Perbaikan,diBawah,sesuai,changed,Pelatihan pelayanan prima,yes,no,\d{4}-\d\d-\d\dT[\d:.]+Z$/,
    );
    const xlsx = await fetch(`${t.api.url}/v1/orgs/bukittinggi/cycles/${cycleId}/results?format=xlsx`, {
      headers: { authorization: `Bearer ${hr}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(21);
    const objectorRow = sheet.getColumn(1).values.indexOf(objector.nip);
    expect(sheet.getRow(objectorRow).getCell(6).value).toBe('Butuh Perbaikan');
    expect(sheet.getRow(objectorRow).getCell(13).value).toBeInstanceOf(Date);
    // Every person with a task got mail.
    for (let i = 0; i < 100 && new Set(mails).size < 20; i++) await new Promise((r) => setTimeout(r, 100));
    expect(new Set(mails)).toEqual(new Set(org.employees.map((e) => `${e.nip}@bukittinggi.go.id`)));
  }, 600_000);
});
