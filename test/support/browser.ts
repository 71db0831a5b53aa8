// A real browser for end-to-end tests without any npm package: Debian's chromium, driven over the Chrome
// DevTools Protocol on its own `--remote-debugging-pipe` (JSON messages ending in NUL on fds 3 and 4).
// playwright-core is not a dependency; if it becomes one, this file is what it would replace.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

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

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

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
  const userDataDir = mkdtempSync(join(tmpdir(), 'siklus-chromium-'));
  const child: ChildProcess = spawn(
    ensureChromium(),
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-pipe',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });

  let nextId = 1;
  const pending = new Map<number, Pending>();
  let buffer = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
      const message = JSON.parse(buffer.slice(0, end)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      buffer = buffer.slice(end + 1);
      const waiter = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiter) continue;
      pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    }
  });
  child.on('exit', () => {
    for (const w of pending.values()) w.reject(new Error(`chromium exited: ${stderr}`));
    pending.clear();
  });

  // biome-ignore lint/suspicious/noExplicitAny: CDP answers are untyped JSON, read where they are asked for
  const send = (method: string, params: object = {}, sessionId?: string): Promise<any> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });

  const { targetInfos } = (await send('Target.getTargets')) as {
    targetInfos: Array<{ targetId: string; type: string }>;
  };
  const target = targetInfos.find((t) => t.type === 'page');
  if (!target) throw new Error('chromium opened no page');
  const { sessionId } = (await send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: true,
  })) as {
    sessionId: string;
  };
  const cdp = (method: string, params: object = {}) => send(method, params, sessionId);
  await cdp('Page.enable');
  await cdp('Runtime.enable');

  const evaluate = async <T>(expression: string): Promise<T> => {
    const r = await cdp('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails)
      throw new Error(`in page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T;
  };
  const waitFor = async (expression: string, timeoutMs = 20_000) => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      // While a navigation replaces the document, evaluation may fail: try again.
      const ok = await evaluate<boolean>(`document.readyState === 'complete' && !!(${expression})`).catch(
        () => false,
      );
      if (ok) return;
      if (Date.now() > end) {
        const where = await evaluate<string>('location.href').catch(() => '?');
        throw new Error(`timed out waiting for ${expression} (at ${where})`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const centre = async (selector: string) => {
    const box = await evaluate<{ x: number; y: number } | null>(`(() => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      // The first line box: a wrapped link's overall box has empty corners.
      const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    })()`);
    if (!box) throw new Error(`no element matches ${selector}`);
    return box;
  };

  const page: Page = {
    goto: async (url) => {
      await cdp('Page.navigate', { url });
      await waitFor(`location.href.startsWith(${JSON.stringify(url.split('#')[0])})`);
    },
    evaluate,
    waitFor,
    click: async (selector) => {
      const { x, y } = await centre(selector);
      const common = { x, y, button: 'left', clickCount: 1 };
      await cdp('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
      await cdp('Input.dispatchMouseEvent', { type: 'mousePressed', ...common });
      await cdp('Input.dispatchMouseEvent', { type: 'mouseReleased', ...common });
    },
    type: async (selector, text) => {
      await evaluate(`document.querySelector(${JSON.stringify(selector)}).focus()`);
      await cdp('Input.insertText', { text });
    },
    select: async (selector, value) => {
      await evaluate(`(() => {
        const el = document.querySelector(${JSON.stringify(selector)});
        el.value = ${JSON.stringify(value)};
        el.dispatchEvent(new Event('change', { bubbles: true }));
      })()`);
    },
    press: async (key) => {
      const code = { Tab: 9, Enter: 13 }[key];
      const text = key === 'Enter' ? { text: '\r' } : {};
      await cdp('Input.dispatchKeyEvent', {
        type: 'keyDown',
        key,
        code: key,
        windowsVirtualKeyCode: code,
        ...text,
      });
      await cdp('Input.dispatchKeyEvent', { type: 'keyUp', key, code: key, windowsVirtualKeyCode: code });
    },
    setViewport: async (width, height, mobile = false) => {
      await cdp('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile });
    },
    screenshot: async (name) => {
      const { data } = (await cdp('Page.captureScreenshot', {
        format: 'png',
        captureBeyondViewport: true,
      })) as {
        data: string;
      };
      mkdirSync(screenshotDir, { recursive: true });
      const path = join(screenshotDir, `${name}.png`);
      writeFileSync(path, Buffer.from(data, 'base64'));
      return path;
    },
  };

  return {
    page,
    close: async () => {
      await send('Browser.close').catch(() => undefined);
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
