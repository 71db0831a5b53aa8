import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type DemoPerson, seedDemoOrganisations } from '../../demo/seed.ts';
import type { Page } from './browser.ts';
import { startBrowserApp } from './browser-app.ts';
import type { SiklusTestRig } from './siklus-worker.ts';
import { startTimeSkippingEnv } from './temporal.ts';

const docsShots = join(process.cwd(), 'docs', 'screenshots');
/** Journey shots README shows, by the file name they get in docs/screenshots. */
const readmeShots: Record<string, string> = {
  '11-rating-phone': 'rating.png',
  '14b-decide-objection-phone': 'objection-decision.png',
};

export interface Journey {
  env: TestWorkflowEnvironment;
  rig: SiklusTestRig;
  base: string;
  page: Page;
  text(): Promise<string>;
  shot(name: string): Promise<string>;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of the API, read by the test that asked
  api(p: DemoPerson, method: string, path: string, body?: unknown, roles?: string[]): Promise<any>;
  /** Waits for an open task of this kind for this person (null: for HR); answers its id. */
  waitForTask(kind: string, nip: string | null): Promise<string>;
  /** Moves the test server's clock to just after this instant. */
  skipTo(iso: string, extraMs?: number): Promise<void>;
  loginAs(p: DemoPerson, hr?: boolean): Promise<void>;
  /** Opens my task of this kind on this person's appraisal from the inbox list. */
  openTask(kind: string, owner: string): Promise<void>;
  /** Clicks a submit button and waits for the inbox with its "saved" notice. */
  submitAndWaitDone(selector: string): Promise<void>;
  close(): Promise<void>;
}

export async function startJourney(org: string): Promise<Journey> {
  const app = await startBrowserApp(await startTimeSkippingEnv(), 'journey');
  const { rig, base, page } = app;
  const env = rig.env;
  await seedDemoOrganisations(rig.db);

  const journey: Journey = {
    env,
    rig,
    base,
    page,
    text: () => page.evaluate<string>('document.body.innerText'),
    shot: async (name) => {
      const path = await page.screenshot(`journey-${name}`);
      // `npm run screenshots`: README shows the rating and the objection decision as a phone shows them.
      const readme = readmeShots[name];
      if (readme && process.env.SIKLUS_UPDATE_DOCS === '1') {
        mkdirSync(docsShots, { recursive: true });
        copyFileSync(path, join(docsShots, readme));
      }
      return path;
    },
    api: async (p, method, path, body, roles = ['employee']) => {
      const token = await app.token(org, p.nip, roles);
      const response = await fetch(`${base}/v1/orgs/${org}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const json = await response.json();
      if (response.status >= 300)
        throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    },
    waitForTask: async (kind, nip) => {
      for (let i = 0; i < 600; i++) {
        const row = await rig.db
          .selectFrom('tasks')
          .select('task_id')
          .where('kind', '=', kind)
          .where((eb) => (nip ? eb('assignee_nip', '=', nip) : eb('assignee_role', '=', 'hr')))
          .where('status', '=', 'open')
          .executeTakeFirst();
        if (row) return row.task_id;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no open ${kind} task for ${nip}`);
    },
    skipTo: async (iso, extraMs = 60_000) => {
      const wait = Date.parse(iso) - (await env.currentTimeMs()) + extraMs;
      if (wait > 0) await env.sleep(wait);
    },
    loginAs: async (p, hr = false) => {
      await page.goto(`${base}/app/login`);
      if (await page.evaluate<boolean>(`!!document.querySelector('header form button')`)) {
        await page.click('header form button');
        await page.waitFor(`location.pathname === '/app/login'`);
      }
      await page.select(`#person-${org}`, p.nip);
      if (hr) await page.click(`form:has(#person-${org}) input[value=hr]`);
      await page.click(`form:has(#person-${org}) button[type=submit]`);
      await page.waitFor(`location.pathname === '/app/inbox'`);
    },
    openTask: async (kind, owner) => {
      const link = `#task-list a[href*="${owner}%3A${kind}"]`;
      await page.goto(`${base}/app/inbox`);
      await page.waitFor(`document.querySelector('${link}')`, 30_000);
      await page.click(link);
      await page.waitFor(
        `location.pathname.startsWith('/app/tasks/') && document.querySelector('main form')`,
      );
    },
    submitAndWaitDone: async (selector) => {
      await page.click(selector);
      await page.waitFor(
        `location.pathname === '/app/inbox' && document.querySelector('.notice.ok')`,
        30_000,
      );
    },
    close: app.close,
  };
  return journey;
}
