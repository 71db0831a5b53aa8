// The evaluation file over real HTTP against real PostgreSQL, from an appraisal log appended through the
// event store (the deciders made it; no workflow runs): who may read it (the rater, the rater's superior,
// HR, auditors; not a colleague, not the employee; another organisation's never), what is in it, and the
// rating pages that put it in front of the rater, the period page's feedback form refusing bad input
// without recording anything, and the employee's page of a rated period.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { EvaluationFile } from '../../domain/appraisal/evaluation-file.ts';
import { appendAppraisalEvents } from '../support/appraisal-events.ts';
import { useEvaluationApp } from '../support/evaluation-app.ts';
import {
  appraisalId,
  checkInLog,
  cycleId,
  employee,
  evidenceUrl,
  hr,
  peer,
  rater,
  superior,
  tw4EvidenceUrl,
} from '../support/evaluation-log.ts';

const auditorNip = '197001011995031009';
const oldShapeId = `${cycleId}.${peer.nip}`;
const app = useEvaluationApp('evaluation_file', 'evaluation', (db) =>
  appendAppraisalEvents(db, oldShapeId, 0, checkInLog(oldShapeId, peer.nip, peer.name)),
);

const fileOf = async (id: string, bearer?: string, org = 'bungo') => {
  const response = await fetch(`${app.served.base}/v1/orgs/${org}/appraisals/${id}/evaluation-file`, {
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });
  const body = (await response.json()) as EvaluationFile & { code?: string };
  return { status: response.status, type: response.headers.get('content-type'), body };
};

const eventCount = async () =>
  Number((await sql<{ n: string }>`select count(*) as n from events`.execute(app.db)).rows[0]?.n);

describe('GET /v1/orgs/{org}/appraisals/{appraisalId}/evaluation-file', () => {
  it("opens to the rater, the rater's superior, HR and auditors; not to a colleague or the employee", async () => {
    const allowed = {
      rater: await app.token(rater.nip),
      superior: await app.token(superior.nip),
      hr: await app.token(hr.nip, ['hr', 'employee']),
      auditor: await app.token(auditorNip, ['auditor']),
      everyOrgAuditor: await app.token(auditorNip, ['auditor'], '*'),
    };
    for (const [who, bearer] of Object.entries(allowed)) {
      const r = await fileOf(appraisalId, bearer);
      expect({ who, status: r.status, id: r.body.appraisalId }).toEqual({
        who,
        status: 200,
        id: appraisalId,
      });
    }
    for (const nip of [peer.nip, employee.nip]) {
      const r = await fileOf(appraisalId, await app.token(nip));
      expect({ status: r.status, type: r.type, code: r.body.code }).toEqual({
        status: 403,
        type: 'application/problem+json',
        code: 'forbidden',
      });
      expect(JSON.stringify(r.body)).not.toContain(evidenceUrl);
    }
  });

  it("answers another organisation's caller, an unknown appraisal and no token as absent or unauthenticated", async () => {
    const teboHr = await app.token(hr.nip, ['hr', 'employee'], 'tebo');
    for (const r of [
      await fileOf(appraisalId, teboHr),
      await fileOf(appraisalId, teboHr, 'tebo'),
      await fileOf(`${cycleId}.199909092020121007`, await app.token(hr.nip, ['hr'])),
      await fileOf('not-an-appraisal', await app.token(hr.nip, ['hr'])),
    ]) {
      expect({ status: r.status, type: r.type, code: r.body.code }).toEqual({
        status: 404,
        type: 'application/problem+json',
        code: 'not_found',
      });
      expect(JSON.stringify(r.body)).not.toContain(employee.nip);
    }
    expect((await fileOf(appraisalId)).status).toBe(401);
  });

  it('holds every period with evidence, feedback, ratings and who rated, the reports and the 360', async () => {
    const { body } = await fileOf(appraisalId, await app.token(rater.nip));
    // The heads with their employment as the organisation lists it (seeded with no rank).
    expect(body.employee).toEqual({
      nip: employee.nip,
      name: employee.name,
      unitCode: 'PKM',
      positionCode: 'STAF',
      employmentStatus: 'PNS',
      rank: null,
    });
    expect(body.rater).toEqual({ nip: rater.nip, name: rater.name, employmentStatus: 'PNS', rank: null });
    expect(body.skp?.rhk.map((r) => r.id)).toEqual(['rhk-1', 'rhk-2']);
    expect(body.periods.map((p) => p.period)).toEqual(['TW1', 'TW2', 'TW3', 'TW4']);
    const [tw1, tw2, tw3, tw4] = body.periods;
    expect(tw1?.realisation?.realisations[0]?.evidence).toEqual([
      { url: evidenceUrl, note: 'Rekap antrean' },
    ]);
    expect(tw1?.feedback).toEqual([
      {
        rhkId: 'rhk-1',
        feedback: 'Waktu tunggu sudah di bawah target.',
        by: { nip: rater.nip, name: rater.name },
        at: '2027-04-05T03:00:00.000Z',
      },
    ]);
    expect(tw1?.rating).toMatchObject({ predikat: 'baik', as: 'rater', by: { name: rater.name } });
    expect(tw2?.rating).toMatchObject({ predikat: 'baik', as: 'superior', by: { name: superior.name } });
    expect(tw3?.escalations.map((e) => e.to)).toEqual(['superior', 'hr']);
    expect(tw3?.missed).toMatchObject({ rating: true, realisation: false });
    expect(tw4?.realisation?.realisations[0]?.evidence[0]?.url).toBe(tw4EvidenceUrl);
    expect(body.activityReports).toHaveLength(4);
    expect(body.review).toMatchObject({ colleagueCount: 2, missed: 1, colleagues: { reviewCount: 2 } });
    expect(body.akhir).toEqual({ rating: null, escalations: [], missed: false });
    expect(body.checkIns).toEqual([]);
  });

  it('holds the check-ins of an appraisal of the older shape', async () => {
    const { status, body } = await fileOf(oldShapeId, await app.token(rater.nip));
    expect(status).toBe(200);
    expect([body.periodKind, body.periods]).toEqual([null, []]);
    expect(body.checkIns.map((c) => [c.quarter, c.missed])).toEqual([
      ['I', false],
      ['II', true],
    ]);
    expect(body.checkIns[0]?.submitted?.realisations[0]?.evidence[0]?.url).toBe(evidenceUrl);
  });
});

describe('the rating pages', () => {
  const open = async (taskId: string, nip: string, lang = 'id', init: RequestInit = {}) => {
    const cookie = `siklus_session=${await app.token(nip)}; lang=${lang}`;
    const response = await fetch(`${app.served.base}/app/tasks/${encodeURIComponent(taskId)}`, {
      ...init,
      headers: { cookie, ...init.headers },
      redirect: 'manual',
    });
    return { status: response.status, html: await response.text() };
  };

  it('shows the rater the evaluation file, evidence links included, above the akhir rating form', async () => {
    for (const [lang, title] of [
      ['id', 'Berkas evaluasi kinerja'],
      ['en', 'Evaluation file'],
    ] as const) {
      const { status, html } = await open(`${appraisalId}:setRating`, rater.nip, lang);
      expect(status).toBe(200);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(title);
      expect(html).toContain(`<a href="${evidenceUrl}" rel="noopener noreferrer">`);
      expect(html).toContain(employee.name);
      expect(html.indexOf(evidenceUrl)).toBeLessThan(html.indexOf('name="type" value="setRating"'));
    }
    // Each page shown went on the read trail (one row per opening, through the web); a refused one did not.
    const trail = () =>
      app.db
        .selectFrom('read_trail')
        .select(['reader_nip', 'kind', 'via'])
        .where('subject', '=', appraisalId)
        .where('via', '=', 'web')
        .execute();
    expect(await trail()).toEqual([
      { reader_nip: rater.nip, kind: 'evaluationFile', via: 'web' },
      { reader_nip: rater.nip, kind: 'evaluationFile', via: 'web' },
    ]);
    // A colleague does not hold the task: the page is as absent as a missing one.
    expect((await open(`${appraisalId}:setRating`, peer.nip)).status).toBe(404);
    expect(await trail()).toHaveLength(2);
  });

  it("shows a period's realisation with evidence and a feedback form per RHK; bad feedback changes nothing", async () => {
    const taskId = `${appraisalId}:ratePeriod:TW4`;
    const page = await open(taskId, rater.nip);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<a href="${tw4EvidenceUrl}" rel="noopener noreferrer">`);
    expect(page.html.match(/name="type" value="givePeriodFeedback"/g)).toHaveLength(2);
    const before = await eventCount();
    const form = new URLSearchParams({
      type: 'givePeriodFeedback',
      period: 'TW4',
      rhkId: 'rhk-1',
      rhk: '0',
      'rhkFeedback.0': '   ',
      _key: 'k-1',
    });
    const sent = await open(taskId, rater.nip, 'en', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(sent.status).toBe(422);
    expect(sent.html).toContain('id="f-rhkFeedback-0-error"');
    expect(sent.html).toContain('Required.');
    // A command this task does not take is refused too.
    const wrong = await open(taskId, rater.nip, 'en', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        type: 'setRating',
        results: 'sesuai',
        behaviour: 'sesuai',
        feedback: 'x',
      }).toString(),
    });
    expect(wrong.status).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  it("shows the employee the period's ratings, predikat and feedback on the acknowledgement task", async () => {
    const { status, html } = await open(`${appraisalId}:acknowledgePeriod:TW2`, employee.nip, 'en');
    expect(status).toBe(200);
    expect(html).toContain('Quarter 2');
    expect(html).toContain('>Baik<');
    expect(html).toContain(`Rated by ${superior.name} (the rater&#39;s superior)`);
    expect(html).toContain('name="type" value="acknowledgePeriod"');
  });
});
