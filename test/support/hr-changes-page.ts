// HR's page of changes in a real browser, as the browser tests reach a member's page on it.
import type { Page } from './browser.ts';

/**
 * On a 360 px phone, HR (signed in) opens the page of changes, searches the member by name, opens their
 * page from the results and waits until `ready` (a selector) is on it.
 */
export async function openMemberChanges(page: Page, name: string, nip: string, ready: string): Promise<void> {
  await page.setViewport(360, 780, true);
  await page.click('nav a[href="/app/hr/changes"]');
  await page.waitFor(`location.pathname === '/app/hr/changes' && document.querySelector('#q')`);
  await page.type('#q', name);
  await page.click('main form button[type=submit]');
  await page.waitFor(`document.querySelector('#found a[href*="${nip}"]')`);
  await page.click(`#found a[href*="${nip}"]`);
  await page.waitFor(`document.querySelector('${ready}')`);
}
