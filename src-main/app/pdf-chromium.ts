import { existsSync } from 'node:fs';
import type { BrowserContext, chromium as Chromium } from 'playwright-core';
import type { PdfRenderer } from '../services/context';

/** Debian's Chromium unless LOKET_CHROMIUM points at another Chromium-based browser. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOKET_CHROMIUM ?? '/usr/bin/chromium';
}

export interface ChromiumPdf {
  render: PdfRenderer;
  close(): Promise<void>;
}

/**
 * The PDF port outside Electron (`npm run serve`, tests, benchmarks): one headless Chromium,
 * started on the first PDF and kept for the next ones, each document in its own page with
 * JavaScript off. playwright-core is a devDependency, loaded by name at run time so the bundle
 * never carries it: an installed app without it (or without Chromium) gets `null` and the host
 * answers PDFs with UNAVAILABLE.
 */
export async function chromiumPdf(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumPdf | null> {
  const executablePath = chromiumPath(env);
  if (!existsSync(executablePath)) return null;
  const moduleName = 'playwright-core';
  let playwright: { chromium: typeof Chromium };
  try {
    playwright = (await import(/* @vite-ignore */ moduleName)) as { chromium: typeof Chromium };
  } catch {
    return null;
  }
  // One browser and one script-less context for the host's life; a page per document.
  let context: Promise<BrowserContext> | null = null;
  const open = async () => {
    const browser = await playwright.chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    return browser.newContext({ javaScriptEnabled: false });
  };
  return {
    async render(html, paper) {
      context ??= open().catch((error: unknown) => {
        context = null;
        throw error;
      });
      const page = await (await context).newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          width: `${paper.widthMm}mm`,
          height: `${paper.heightMm}mm`,
          preferCSSPageSize: true,
          printBackground: true,
          margin: { top: '0', right: '0', bottom: '0', left: '0' },
        });
      } finally {
        await page.close();
      }
    },
    async close() {
      const opened = context;
      context = null;
      if (opened) await (await opened).browser()?.close();
    },
  };
}
