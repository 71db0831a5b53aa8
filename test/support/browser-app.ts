// The web UI in dev mode over a real worker, and a browser page to drive it: what the browser tests and
// the journey share. The caller picks the Temporal environment and seeds what it needs.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { signDevToken } from '../../auth/dev-keys.ts';
import { ensureChromium, launchBrowser, type Page } from './browser.ts';
import { type RunningRig, startRunningRig } from './siklus-worker.ts';
import { startDevWebApp } from './web-app.ts';

export interface BrowserApp {
  rig: RunningRig;
  base: string;
  page: Page;
  /** A token as the login picker signs it (the cookie `siklus_session`, or a bearer token). */
  token(org: string, nip: string, roles: string[]): Promise<string>;
  /**
   * Signs in at the login picker as this person of `org` (Bungo unless told) with these roles, after
   * signing out whoever was in; resolves on their inbox.
   */
  signIn(nip: string, roles: string[], org?: string): Promise<void>;
  /** Stops everything, the environment too, last started first. */
  close(): Promise<void>;
}

/** Starts it all on `env`, which it then owns; when a part fails to start, what had started stops. */
export async function startBrowserApp(env: TestWorkflowEnvironment, prefix: string): Promise<BrowserApp> {
  try {
    ensureChromium();
  } catch (error) {
    await env.teardown();
    throw error;
  }
  const rig = await startRunningRig(env, prefix);
  const stops = [rig.stop];
  const close = async () => {
    for (let stop = stops.pop(); stop; stop = stops.pop()) await stop();
  };
  try {
    const web = await startDevWebApp(rig);
    stops.push(() => web.close());
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    const { page } = browser;
    return {
      rig,
      base: web.base,
      page,
      token: (org, nip, roles) => signDevToken(web.devKey, { org, nip, roles }),
      signIn: async (nip, roles, org = 'bungo') => {
        await page.goto(`${web.base}/app/login`);
        if (await page.evaluate<boolean>(`!!document.querySelector('header form button')`)) {
          await page.click('header form button');
          await page.waitFor(`location.pathname === '/app/login'`);
        }
        await page.select(`#person-${org}`, nip);
        for (const role of roles) await page.click(`form:has(#person-${org}) input[value=${role}]`);
        await page.click(`form:has(#person-${org}) button[type=submit]`);
        await page.waitFor(`location.pathname === '/app/inbox'`);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
