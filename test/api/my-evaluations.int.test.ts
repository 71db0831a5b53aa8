// The employee's own periodic results over real HTTP against real PostgreSQL, from appraisal logs appended
// through the event store (the deciders made them; no workflow runs): the API's read of them
// (`/me/appraisal/evaluations`) and the "my appraisal" page made from the same read. Each period with its
// realisation and evidence, the rater's feedback per RHK, the ratings and predikat periodik, who rated
// (the rater, or the superior after an escalation, and why), the acknowledgement; the periods still to
// come; the akhir result with who set it, once released and not before; times in the organisation's zone.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../auth/dev-keys.ts';
import { decide } from '../../domain/appraisal/decide.ts';
import type { AppraisalEvent } from '../../domain/appraisal/events.ts';
import { escalateRating } from '../../domain/appraisal/periodic.ts';
import { evolve } from '../../domain/appraisal/state.ts';
import { release } from '../../domain/appraisal/transitions.ts';
import type { MyEvaluations } from '../../record/read/my-evaluations.ts';
import type { Database } from '../../schema/database.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { appendAppraisalEvents } from '../support/appraisal-events.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';
import {
  appraisalId,
  employee,
  evaluationLog,
  everyone,
  evidenceUrl,
  hr,
  rater,
  superior,
} from '../support/evaluation-log.ts';
import { people, seedPeriodicCycle } from '../support/periodic-events.ts';
import { type DevServedApp, serveWithoutTemporal } from '../support/web-app.ts';

let database: MigratedDatabase;
let db: Kysely<Database>;
let served: DevServedApp;
let token: (nip: string, org?: string, roles?: string[]) => Promise<string>;

/** The year of evaluation-log.ts, its akhir rating passed to the superior, who set it, then released. */
function releasedYear(): AppraisalEvent[] {
  const { events, state } = evaluationLog();
  const log = [...events];
  let s = state;
  const add = (more: AppraisalEvent[]) => {
    log.push(...more);
    s = more.reduce(evolve, s);
  };
  add(escalateRating(s, 'superior', '2028-02-18T15:59:59.000Z', '2028-02-11T16:00:00.000Z'));
  add(
    decide(
      s,
      { type: 'setRating', results: 'sesuai', behaviour: 'diAtas', feedback: 'Baik sepanjang tahun.' },
      { actor: { nip: superior.nip, roles: [] }, now: '2028-02-12T03:00:00.000Z' },
    ),
  );
  add(release(s, '2028-03-03T15:59:59.000Z', '2028-02-18T16:00:00.000Z'));
  return log;
}

beforeAll(async () => {
  database = await createMigratedDatabase('my_evaluations');
  db = database.db;
  // An organisation in WITA: every time the employee reads is on its wall clock.
  await seedOrganisation(db, 'bungo', ['PKM'], everyone, 'Asia/Makassar');
  await appendAppraisalEvents(db, appraisalId, 0, releasedYear());
  // A quarterly cycle through TW2 (test/support/periodic-events.ts): TW3 and TW4 are still to come.
  await seedPeriodicCycle(db, 'agam');
  served = await serveWithoutTemporal(db, 'mine', { loginPicker: true });
  const { devKey } = served;
  token = (nip, org = 'bungo', roles = ['employee']) => signDevToken(devKey, { org, nip, roles });
}, 60_000);

afterAll(async () => {
  await served?.close();
  await database?.close();
});

const mine = async (nip: string, org = 'bungo') => {
  const response = await fetch(`${served.base}/v1/orgs/${org}/me/appraisal/evaluations`, {
    headers: { authorization: `Bearer ${await token(nip, org)}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as MyEvaluations & { code?: string },
  };
};

const page = async (nip: string, org = 'bungo', lang: 'id' | 'en' = 'id') => {
  const response = await fetch(`${served.base}/app/appraisal`, {
    headers: { cookie: `siklus_session=${await token(nip, org)}; lang=${lang}` },
  });
  return { status: response.status, html: await response.text() };
};

/** The part of a page between one element id and the next given one. */
const between = (html: string, from: string, to?: string) =>
  html.slice(html.indexOf(`id="${from}"`), to ? html.indexOf(`id="${to}"`) : undefined);

describe('GET /v1/orgs/{org}/me/appraisal/evaluations', () => {
  it('gives the employee each period: realisation with evidence, feedback per RHK, ratings, who rated, acknowledgement', async () => {
    const { status, body } = await mine(employee.nip);
    expect(status).toBe(200);
    expect(body).toMatchObject({ appraisalId, periodKind: 'quarterly', upcoming: [] });
    expect(body.periods.map((p) => p.period)).toEqual(['TW1', 'TW2', 'TW3', 'TW4']);
    const [tw1, tw2, tw3, tw4] = body.periods;
    expect(tw1?.realisation?.realisations[0]).toMatchObject({
      value: '28 menit',
      evidence: [{ url: evidenceUrl, note: 'Rekap antrean' }],
    });
    expect(tw1?.feedback).toMatchObject([
      { rhkId: 'rhk-1', feedback: 'Waktu tunggu sudah di bawah target.', by: { name: rater.name } },
    ]);
    expect(tw1?.rating).toMatchObject({ predikat: 'baik', as: 'rater', by: { name: rater.name } });
    expect([tw1?.acknowledgedAt, tw1?.acknowledgeTaskId]).toEqual(['2027-04-07T03:00:00.000Z', null]);
    // TW2: the superior rated after the escalation; the employee has yet to read it, through this task.
    expect(tw2?.rating).toMatchObject({ as: 'superior', by: { nip: superior.nip, name: superior.name } });
    expect(tw2?.escalations).toMatchObject([{ to: 'superior' }]);
    expect(tw2?.acknowledgedAt).toBeNull();
    expect(tw2?.acknowledgeTaskId).toBe(`${appraisalId}:acknowledgePeriod:TW2`);
    expect(tw3?.missed).toMatchObject({ rating: true });
    expect(tw4?.rating).toBeNull();
    // The akhir result is released: with who set it.
    expect(body.akhir.rating).toMatchObject({
      predikat: 'baik',
      as: 'superior',
      by: { name: superior.name },
    });
    expect(body.akhir.release?.objectionDeadline).toBe('2028-03-03T15:59:59.000Z');
  });

  it('keeps the akhir rating from the employee until it is released, and lists the periods to come', async () => {
    const { status, body } = await mine(people.ahmad.nip, 'agam');
    expect(status).toBe(200);
    expect(body.periods.map((p) => [p.period, p.rating?.predikat])).toEqual([
      ['TW1', 'sangatBaik'],
      ['TW2', 'sangatKurang'],
    ]);
    // Ahmad's annual rating is set but not released: not his to read yet.
    expect(body.akhir).toEqual({ rating: null, release: null });
    expect(body.upcoming.map((u) => u.period)).toEqual(['TW3', 'TW4']);
    expect(body.upcoming[0]?.deadline).toBe('2025-10-13T16:59:59.000Z');
  });

  it('answers someone without an appraisal with a 404 problem', async () => {
    const { status, type, body } = await mine(hr.nip);
    expect({ status, type, code: body.code }).toEqual({
      status: 404,
      type: 'application/problem+json',
      code: 'not_found',
    });
  });
});

describe('the my-appraisal page', () => {
  it('lists each period with its realisation, feedback, ratings, predikat, who rated and why, in the organisation’s zone', async () => {
    const { status, html } = await page(employee.nip);
    expect(status).toBe(200);
    const periods = between(html, 'periods', 'reviews');
    expect(periods).toContain('Evaluasi kinerja periodik');
    expect(html).not.toContain('id="checkins"');
    const tw1 = between(periods, 'period-TW1', 'period-TW2');
    expect(tw1).toContain('Triwulan I');
    expect(tw1).toContain('28 menit');
    expect(tw1).toContain(`<a href="${evidenceUrl}" rel="noopener noreferrer">`);
    expect(tw1).toContain('Waktu tunggu sudah di bawah target.');
    expect(tw1).toContain('<strong>Baik</strong>');
    expect(tw1).toContain('Di Atas Ekspektasi');
    expect(tw1).toContain(`Dinilai oleh ${rater.name} (pejabat penilai)`);
    // Read on 7 April at 03:00 UTC: 11.00 on the WITA wall clock.
    expect(tw1).toContain('Anda telah membaca hasil ini 7 Apr 2027 11.00 WITA');
    const tw2 = between(periods, 'period-TW2', 'period-TW3');
    expect(tw2).toContain(`Dinilai oleh ${superior.name} (atasan pejabat penilai)`);
    expect(tw2).toContain('karena pejabat penilai tidak menilai sampai tenggat');
    expect(tw2).toContain('Anda belum menyatakan sudah membaca hasil ini.');
    expect(tw2).toContain(`href="/app/tasks/${encodeURIComponent(`${appraisalId}:acknowledgePeriod:TW2`)}"`);
    expect(between(periods, 'period-TW3', 'period-TW4')).toContain('Periode ditutup tanpa penilaian.');
    expect(periods).not.toMatch(/\d\d\.\d\d WIB/);
  });

  it('shows the released akhir result with who set it and why', async () => {
    const result = between((await page(employee.nip)).html, 'result', 'standards');
    expect(result).toContain('<p class="predikat">Baik</p>');
    expect(result).toContain(`Dinilai oleh ${superior.name} (atasan pejabat penilai)`);
    expect(result).toContain(
      'Dinilai oleh atasan pejabat penilai karena pejabat penilai tidak menilai sampai tenggat.',
    );
    const en = between((await page(employee.nip, 'bungo', 'en')).html, 'result', 'standards');
    expect(en).toContain('Rated by the rater&#39;s superior because the rater did not rate by the deadline.');
  });

  it('links the task that acknowledges a period, whose page shows its times in the organisation’s zone too', async () => {
    const taskId = `${appraisalId}:acknowledgePeriod:TW2`;
    const response = await fetch(`${served.base}/app/tasks/${encodeURIComponent(taskId)}`, {
      headers: { cookie: `siklus_session=${await token(employee.nip)}; lang=id` },
    });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('name="period" value="TW2"');
    // Rated by the superior on 15 July at 03:00 UTC: 11.00 WITA.
    expect(html).toContain('15 Jul 2027 11.00 WITA');
    expect(html).not.toMatch(/\d\d\.\d\d WIB/);
  });

  it('shows the periods still to come, and no akhir result before its release', async () => {
    const { html } = await page(people.ahmad.nip, 'agam', 'en');
    expect(html).toContain('<html lang="en">');
    const tw3 = between(html, 'period-TW3', 'period-TW4');
    expect(tw3).toContain('Quarter 3');
    // TW III's window opens 30 September 00:00 and is due 13 October 23:59:59 (agam is in WIB).
    expect(tw3).toContain(
      'The evaluation opens 30 Sept 2025 00:00 WIB; the rating is due 13 Oct 2025 23:59 WIB.',
    );
    expect(between(html, 'result', 'standards')).not.toContain('Rated by');
  });
});
