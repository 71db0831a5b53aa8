// Audit timelines show their times on the wall clock of the organisation whose record it is, with the
// zone's name: the timeline's sentences and printed lines, the auditor's API (whose entries keep ISO
// instants) and the auditor's pages, also for an auditor of every organisation whose own zone differs.
// Against real PostgreSQL, with an appraisal log of a WITA organisation appended through the event store.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appraisalTimeline, formatTimeline } from '../../audit/timeline.ts';
import { signDevToken } from '../../auth/dev-keys.ts';
import type { Database } from '../../schema/database.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { appendAppraisalEvents } from '../support/appraisal-events.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';
import { appraisalId, evaluationLog, everyone } from '../support/evaluation-log.ts';
import { seedPeriodicCycle } from '../support/periodic-events.ts';
import { type DevServedApp, serveWithoutTemporal } from '../support/web-app.ts';

const auditorNip = '197001011995031009';
let database: MigratedDatabase;
let db: Kysely<Database>;
let served: DevServedApp;
let token: (org: string) => Promise<string>;
let agamCycle: string;

beforeAll(async () => {
  database = await createMigratedDatabase('timeline_zone');
  db = database.db;
  await seedOrganisation(db, 'bungo', ['PKM'], everyone, 'Asia/Makassar');
  await appendAppraisalEvents(db, appraisalId, 0, evaluationLog().events);
  // A cycle of an organisation in WIT, for the cycle's own timeline.
  agamCycle = (await seedPeriodicCycle(db, 'agam')).cycleId;
  await db
    .updateTable('organisations')
    .set({ time_zone: 'Asia/Jayapura' })
    .where('id', '=', 'agam')
    .execute();
  served = await serveWithoutTemporal(db, 'audit', { loginPicker: true });
  const { devKey } = served;
  token = (org) => signDevToken(devKey, { org, nip: auditorNip, roles: ['auditor'] });
}, 60_000);

afterAll(async () => {
  await served?.close();
  await database?.close();
});

/** TW1's rating deadline, 23:59:59 WIB on 13 April as the log records it: 00:59 WITA on 14 April. */
const tw1Deadline = '2027-04-13T16:59:59.000Z';

describe('the appraisal timeline', () => {
  it("says its sentences' times in the zone it is given, with the zone's name, never as ISO instants", async () => {
    const wita = (await appraisalTimeline(db, appraisalId, 'id', 'Asia/Makassar')).map((e) => e.sentence);
    expect(wita).toContain('Evaluasi periode TW1 dibuka, tenggat 14 Apr 2027 00.59 WITA');
    expect(wita.join('\n')).not.toMatch(/\d{4}-\d\d-\d\dT\d\d/);
    const en = (await appraisalTimeline(db, appraisalId, 'en', 'Asia/Makassar')).map((e) => e.sentence);
    expect(en).toContain('The TW1 evaluation opened, due 14 Apr 2027 00:59 WITA');
    expect(en.find((s) => s.startsWith('The rating step began'))).toBe(
      'The rating step began, due 12 Feb 2028 00:59 WITA',
    );
    // WIB when no zone is given (an organisation that never chose one).
    const wib = (await appraisalTimeline(db, appraisalId, 'id')).map((e) => e.sentence);
    expect(wib).toContain('Evaluasi periode TW1 dibuka, tenggat 13 Apr 2027 23.59 WIB');
  });

  it('prints each line with its local time and zone, and keeps the entries’ instants in ISO 8601', async () => {
    const entries = await appraisalTimeline(db, appraisalId, 'id', 'Asia/Makassar');
    const opened = entries.find((e) => e.type === 'period.opened');
    expect(opened?.at).toBe('2027-03-30T17:00:00.000Z');
    const lines = formatTimeline(entries, 'Asia/Makassar').split('\n');
    expect(lines).toHaveLength(entries.length);
    expect(lines.find((l) => l.includes('Evaluasi periode TW1 dibuka'))).toMatch(
      /^2027-03-31 01:00 WITA {2}\S+ {2}Evaluasi periode TW1 dibuka/,
    );
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d WITA {2}/);
  });
});

describe("the auditor's API and pages", () => {
  it('answers the timeline with the organisation’s zone: sentences in local time, entries in ISO 8601', async () => {
    const response = await fetch(
      `${served.base}/v1/orgs/bungo/audit/appraisals/${appraisalId}/timeline?lang=en`,
      { headers: { authorization: `Bearer ${await token('bungo')}` } },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      timeZone: string;
      entries: Array<{ at: string; type: string; sentence: string }>;
    };
    expect(body.timeZone).toBe('Asia/Makassar');
    const opened = body.entries.find((e) => e.type === 'period.opened');
    expect(opened).toMatchObject({
      at: '2027-03-30T17:00:00.000Z',
      sentence: 'The TW1 evaluation opened, due 14 Apr 2027 00:59 WITA',
    });
    expect(body.entries.some((e) => e.sentence.includes(tw1Deadline))).toBe(false);
  });

  it("shows an appraisal's timeline in its organisation's zone, to an auditor of every organisation too", async () => {
    for (const org of ['bungo', '*']) {
      const response = await fetch(`${served.base}/app/audit/appraisals/${appraisalId}`, {
        headers: { cookie: `siklus_session=${await token(org)}; lang=id` },
      });
      expect(response.status).toBe(200);
      const html = await response.text();
      const timeline = html.slice(html.indexOf('id="appraisal-timeline"'));
      expect(timeline).toContain('Evaluasi periode TW1 dibuka, tenggat 14 Apr 2027 00.59 WITA');
      expect(timeline).toContain('<span class="when">31 Mar 2027 01.00 WITA</span>');
      expect(html).not.toMatch(/\d\d\.\d\d WIB/);
    }
  });

  it("shows a cycle's own timeline in its organisation's zone", async () => {
    const response = await fetch(`${served.base}/app/audit/cycles/${agamCycle}`, {
      headers: { cookie: `siklus_session=${await token('*')}; lang=en` },
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    // cycle.started at 00:00 UTC on 1 January 2025: 09:00 on the WIT wall clock.
    expect(html).toContain('<span class="when">1 Jan 2025 09:00 WIT</span>');
    expect(html).not.toMatch(/\d\d:\d\d WIB/);
  });
});
