// A real browser for end-to-end tests: playwright-core driving Debian's chromium (installed with apt-get
// when missing; playwright's own browser download is never used). Tests use the small Page below.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page as PlaywrightPage } from 'playwright-core';

export const chromiumPath = process.env.SIKLUS_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = join(process.cwd(), '.test-results', 'screenshots');

/** Installs Debian's chromium when it is missing (never a browser download); needs root and apt. */
export function ensureChromium(): string {
  if (existsSync(chromiumPath)) return chromiumPath;
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  let result = install();
  if (result.status !== 0) {
    // A fresh machine has no package lists yet.
    spawnSync('apt-get', ['update'], { encoding: 'utf8' });
    result = install();
  }
  if (result.status !== 0 || !existsSync(chromiumPath))
    throw new Error(`could not install chromium with apt-get: ${result.stderr || result.error}`);
  return chromiumPath;
}

export interface Page {
  goto(url: string): Promise<void>;
  /** Evaluates an expression in the page and returns its (JSON) value. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** Polls an expression until it is truthy. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  /** A real mouse click in the middle of the first element matching the selector. */
  click(selector: string): Promise<void>;
  /** Focuses the element and types into it, as a keyboard would. */
  type(selector: string, text: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  /** A key press on the focused element, as a keyboard sends it (Tab, Enter, ...). */
  press(key: 'Tab' | 'Enter'): Promise<void>;
  setViewport(width: number, height: number, mobile?: boolean): Promise<void>;
  screenshot(name: string): Promise<string>;
}

export interface Browser {
  page: Page;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let current: PlaywrightPage = await context.newPage();

  const evaluate = async <T>(expression: string): Promise<T> => (await current.evaluate(expression)) as T;
  const waitFor = async (expression: string, timeoutMs = 20_000) => {
    try {
      await current.waitForFunction(`document.readyState === 'complete' && !!(${expression})`, undefined, {
        timeout: timeoutMs,
        polling: 100,
      });
    } catch (error) {
      throw new Error(
        `timed out waiting for ${expression} (at ${current.url()}): ${(error as Error).message}`,
      );
    }
  };

  const page: Page = {
    goto: async (url) => {
      await current.goto(url);
    },
    evaluate,
    waitFor,
    click: async (selector) => {
      await current.locator(selector).first().click();
    },
    type: async (selector, text) => {
      await current.locator(selector).first().focus();
      await current.keyboard.insertText(text);
    },
    select: async (selector, value) => {
      // A <select> picks an option; other controls (a date input) take the value.
      const element = current.locator(selector).first();
      if ((await element.evaluate((el) => el.tagName)) === 'SELECT') await element.selectOption(value);
      else await element.fill(value);
    },
    press: async (key) => {
      await current.keyboard.press(key);
    },
    setViewport: async (width, height, mobile = false) => {
      if (!mobile) return current.setViewportSize({ width, height });
      // Touch and the mobile viewport are properties of a context: open the same URL in a phone context.
      const url = current.url();
      const cookies = await current.context().cookies();
      const phone = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true });
      await phone.addCookies(cookies);
      current = await phone.newPage();
      if (url.startsWith('http')) await current.goto(url);
    },
    screenshot: async (name) => {
      mkdirSync(screenshotDir, { recursive: true });
      const path = join(screenshotDir, `${name}.png`);
      await current.screenshot({ path, fullPage: true });
      return path;
    },
  };

  return { page, close: () => browser.close() };
}
