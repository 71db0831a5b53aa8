// Training mode on the start form, in a real browser against the real API, worker, Temporal dev server
// and PostgreSQL with the demo organisations: HR sets the organisation's zone to WITA, chooses "Mode
// latihan", sees the date-and-time field labelled WITA, a length typed in as well refused at its field,
// the preview marked as training with times to the minute in WITA, and starts the practice year; the
// cycle is listed as training on HR's pages and the auditor's. Over the API, a compressed calendar not marked training is refused by the
// 14-day rule, and the preset with a length of its own by name. Screenshots at desktop width and 360 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, seedDemoOrganisations } from '../../../demo/seed.ts';
import type { Page } from '../../support/browser.ts';
import { type BrowserApp, startBrowserApp } from '../../support/browser-app.ts';
import { startDevEnv } from '../../support/temporal.ts';

const hrOfficer = demoPeople().find((p) => p.org === 'bungo' && p.name === 'Desi Ratnasari')!;
const auditor = demoPeople().find((p) => p.org === 'bungo' && p.name === 'Andi Pratama')!;

describe('training mode on the start form (real browser, WITA)', () => {
  let app: BrowserApp | undefined;
  let base: string;
  let page: Page;
  let bearer: string;

  beforeAll(async () => {
    app = await startBrowserApp(await startDevEnv(), 'webtraining');
    ({ base, page } = app);
    await seedDemoOrganisations(app.rig.db);
    bearer = await app.token('bungo', hrOfficer.nip, ['hr', 'employee']);
  }, 600_000);

  afterAll(() => app?.close());

  const startOverApi = (calendar: Record<string, string>) =>
    fetch(`${base}/v1/orgs/bungo/cycles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        year: new Date().getUTCFullYear() + 1,
        start: new Date().toISOString(),
        calendar,
      }),
    });

  it('refuses over the API a compressed calendar not marked training, and the preset with a length of its own', async () => {
    const compressed = await startOverApi({ socialisation: 'PT5M', agreement: 'PT6M', feedback: 'PT12M' });
    expect(compressed.status).toBe(422);
    expect(compressed.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await compressed.json()) as { code: string; detail: string };
    expect(problem.code).toBe('calendar.objectionWindowTooShort');
    expect(problem.detail).toContain("preset 'training'");
    const withLength = await startOverApi({ preset: 'training', feedback: 'PT1M' });
    expect(withLength.status).toBe(422);
    expect(((await withLength.json()) as { code: string }).code).toBe('calendar.invalidOverrides');
  }, 60_000);

  it('starts a practice year from a local date and time in WITA, marked as training', async () => {
    await page.setViewport(1280, 900);
    await app!.signIn(hrOfficer.nip, ['hr']);
    await page.goto(`${base}/app/hr/start`);
    await page.click('#time-zone input[value="Asia/Makassar"]');
    await page.click('#time-zone button[type=submit]');
    await page.waitFor(`location.search.includes('zone=saved')`);
    const label = await page.evaluate<string>(`document.querySelector('label[for=f-startAt]').textContent`);
    expect(label).toContain('WITA');
    expect(await page.evaluate<string>(`document.querySelector('#f-startAt').type`)).toBe('datetime-local');

    // A length typed in as well is shown at its field: the preset sets every length itself.
    await page.click('input[name=mode][value=training]');
    const year = Number(await page.evaluate<string>(`document.querySelector('#f-year').value`));
    await page.select('#f-startAt', `${year}-01-04T09:00`);
    await page.select('#f-feedback', 'PT1M');
    await page.click('main form button[value=preview]');
    await page.waitFor(`document.querySelector('#f-feedback-error')`);
    expect(await page.evaluate<string>(`document.querySelector('#f-feedback-error').textContent`)).toContain(
      'Mode latihan',
    );
    await page.select('#f-feedback', '');
    await page.click('main form button[value=preview]');
    await page.waitFor(`document.querySelector('#calendar-table')`);
    const preview = await page.evaluate<string>(
      `document.querySelector('#calendar-preview').parentElement.innerText`,
    );
    expect(preview).toContain(`Jadwal LATIHAN siklus ${year}`);
    // 09:00 WITA on 4 January: socialisation for 5 minutes, the agreement from 09.05 WITA.
    const rows = await page.evaluate<string[]>(
      `[...document.querySelectorAll('#calendar-table tbody tr')].map((tr) => tr.innerText)`,
    );
    expect(rows[0]).toMatch(/09[.:]00 WITA\s+.*09[.:]05 WITA/);
    expect(rows[1]).toMatch(/09[.:]05 WITA\s+.*09[.:]11 WITA/);
    expect(rows.at(-1)).toMatch(/09[.:]46 WITA\s+.*09[.:]58 WITA/);
    await page.screenshot('hr-start-training');
    await page.setViewport(360, 800);
    const fits = await page.evaluate<boolean>(
      'document.documentElement.scrollWidth <= document.documentElement.clientWidth',
    );
    expect(fits).toBe(true);
    await page.screenshot('hr-start-training-360');
    await page.setViewport(1280, 900);

    await page.click('main form button[value=start]');
    await page.waitFor(`location.pathname === '/app/hr' && location.search.includes('started=1')`, 30_000);
    const cycle = await page.evaluate<string>(`document.querySelector('#cycle option:checked').textContent`);
    expect(cycle).toContain('LATIHAN');
    const read = await fetch(`${base}/v1/orgs/bungo/cycles/bungo.${year}`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    const body = (await read.json()) as {
      calendar: { socialisation: { start: string }; training?: unknown };
    };
    expect(body.calendar.socialisation.start).toBe(`${year}-01-04T01:00:00.000Z`);
    expect(body.calendar.training).toEqual({
      reminderLeadMs: 60_000,
      objectionWindowMs: 720_000,
      penetapanMs: 300_000,
      dayMs: 60_000,
    });
    // The auditor's list of cycles and the cycle's timeline name it as training too.
    const cookie = `siklus_session=${await app?.token('bungo', auditor.nip, ['auditor'])}`;
    const list = await (await fetch(`${base}/app/audit`, { headers: { cookie } })).text();
    expect(list).toContain(`Siklus ${year} · LATIHAN`);
    const timeline = await fetch(`${base}/app/audit/cycles/bungo.${year}`, { headers: { cookie } });
    expect(await timeline.text()).toContain(`Linimasa siklus ${year} · LATIHAN`);
  }, 180_000);
});
