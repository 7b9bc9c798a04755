import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import type { Printable } from '../../src-main/contract';

export interface RenderedPdf {
  file: string;
  text: string;
  /** The text without any white space: letter-spaced headings come out of pdftotext as "K W I T A N S I". */
  compact: string;
  pages: number;
}

/** Prints a document the way Electron would (same engine), then reads it back with poppler. */
export async function renderPdf(browser: Browser, doc: Printable): Promise<RenderedPdf> {
  const page = await browser.newPage();
  await page.setContent(doc.html, { waitUntil: 'load' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.close();
  return readPdf(pdf);
}

/** A PDF the host made (letters.pdf) or Chromium printed, written to a temporary file and read back with poppler. */
export function readPdf(bytes: Uint8Array, name = 'doc'): RenderedPdf {
  const file = join(mkdtempSync(join(tmpdir(), 'loket-pdf-')), `${name}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  return { file, text, compact: text.replace(/\s+/g, ''), pages };
}

/** Each part appears in the PDF's text, white space ignored (pdftotext breaks and spaces lines as it likes). */
export function expectPdfText(pdf: RenderedPdf, ...parts: string[]): void {
  for (const part of parts) expect(pdf.compact, part).toContain(part.replace(/\s+/g, ''));
}

/** The page size of the first page in millimetres, from pdfinfo. */
export function pageSizeMm(file: string): { width: number; height: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const pt = (v: string | undefined) => (Number(v) * 25.4) / 72;
  return { width: pt(m?.[1]), height: pt(m?.[2]) };
}

/** First page as PNG (for docs/screenshots when LOKET_SCREENSHOTS=1, or to look at while developing). */
export function pdfToPng(file: string, outBase: string, dpi = 150): string {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', file, outBase]);
  return `${outBase}.png`;
}
