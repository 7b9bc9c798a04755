import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (never a downloaded browser); LOKET_CHROMIUM points elsewhere if needed. */
export const CHROMIUM = process.env.LOKET_CHROMIUM ?? '/usr/bin/chromium';

export const RENDERER_DIR = resolve('out/renderer');

/** The e2e suite drives the built renderer: `npm test` builds first; a bare vitest run rebuilds here when sources are newer. */
export function ensureRendererBuilt(): string {
  execFileSync(process.execPath, [resolve('scripts/build-if-needed.mjs')], { stdio: 'inherit' });
  return RENDERER_DIR;
}

/** `extraArgs`: more Chromium flags for one suite (e.g. a fake microphone). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium tidak ditemukan di ${CHROMIUM}. Pasang dengan: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=id-ID',
      ...extraArgs,
    ],
  });
}

export const LAPTOP = { width: 1366, height: 768 };
export const FULL_HD = { width: 1920, height: 1080 };

export async function newContext(browser: Browser, viewport = LAPTOP): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta', deviceScaleFactor: 1 });
}

export interface PageProblems {
  /** Console errors and uncaught page errors seen so far (minus those allowed at the time). */
  readonly list: string[];
  /** While `fn` runs, console errors matching `pattern` are expected (e.g. refused connections). */
  allowWhile<T>(pattern: RegExp, fn: () => Promise<T>): Promise<T>;
}

/** Records every console error and uncaught exception of a page. */
export function watchProblems(page: Page): PageProblems {
  const list: string[] = [];
  const allowed: RegExp[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = `${m.text()} @ ${m.location().url}`;
    if (!allowed.some((a) => a.test(text))) list.push(`console: ${text}`);
  });
  page.on('pageerror', (e) => list.push(`pageerror: ${e.message}`));
  return {
    list,
    async allowWhile(pattern, fn) {
      allowed.push(pattern);
      try {
        return await fn();
      } finally {
        allowed.splice(allowed.indexOf(pattern), 1);
      }
    },
  };
}

/** Whether the page scrolls sideways (the app must fit 1366 px). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

/**
 * Screenshots go to a temporary folder; with LOKET_SCREENSHOTS=1 they replace the committed
 * ones in docs/screenshots (so an ordinary test run leaves the work tree clean).
 */
export function screenshotDir(fallback: string): string {
  const dir = process.env.LOKET_SCREENSHOTS === '1' ? resolve('docs/screenshots') : fallback;
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Logs in on the Masuk screen by keyboard, as a clerk does, and waits for the shell's menu. */
export async function loginByKeyboard(page: Page, url: string, username = 'admin', password = 'rahasia-admin-1'): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByRole('heading', { name: 'Masuk' }).waitFor();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
}
