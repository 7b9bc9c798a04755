import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service, TicketPrint } from '../../src-main/contract';
import { launchBrowser, screenshotDir } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';
import { pageSizeMm, pdfToPng, renderPdf, type RenderedPdf } from '../helpers/pdf';

const shots = screenshotDir(mkdtempSync(join(tmpdir(), 'loket-karcis-')));

/** The whole karcis on one page of the roll width and the template's length. */
function expectOnePage(pdf: RenderedPdf, widthMm: number, heightMm: number): void {
  expect(pdf.pages).toBe(1);
  const size = pageSizeMm(pdf.file);
  expect(size.width).toBeCloseTo(widthMm, 0);
  expect(size.height).toBeCloseTo(heightMm, 0);
}

describe('the HTML queue ticket for browser kiosks (Chromium → PDF → pdftotext)', () => {
  let h: HttpHost;
  let admin: string;
  let browser: Browser;
  async function ok<T>(method: string, input: unknown, token: string | null = admin): Promise<T> {
    const r = await h.call<T>(method, input, token);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }

  beforeAll(async () => {
    // 08.15 WIB on Monday 23 November 2026.
    h = await httpHost({ now: () => new Date('2026-11-23T01:15:00.000Z') });
    admin = await adminToken(h);
    browser = await launchBrowser();
    await ok('settings.update', { puskesmas: { name: 'UPT Puskesmas Sukamaju', address: 'Jl. Raya Sukamaju No. 1 <b>&' } });
    // No ticket printer on the host: the kiosk's browser prints.
    await ok('workstation.update', { printers: { ticket: null }, ticketPaperMm: 58 });
  });
  afterAll(async () => {
    await browser?.close();
    await h.cleanup();
  });

  it('prints a 58 mm ticket on one page: the number, service, date and time, people ahead, QR and footer', async () => {
    const service = (await ok<Service[]>('services.list', {})).find((s) => s.active)!;
    await ok('queue.issueTicket', { serviceId: service.id }, null);
    const issued = await ok<{ ticket: { id: number; code: string; laneName: string }; waitingAhead: number; estimatedWaitMinutes: number }>(
      'queue.issueTicket',
      { serviceId: service.id },
      null,
    );
    const printed = await ok<TicketPrint>('documents.queueTicket', { ticketId: issued.ticket.id }, null);
    if (printed.mode !== 'html') throw new Error(`expected html, got ${printed.mode}`);
    const doc = printed.document;
    expect(doc.html).not.toMatch(/<script/i);
    expect(doc.html).toContain('Jl. Raya Sukamaju No. 1 &lt;b&gt;&amp;');
    const pdf = await renderPdf(browser, doc);
    pdfToPng(pdf.file, join(shots, '29-cetak-karcis-antrean'), 200);
    expectOnePage(pdf, 58, 105);
    for (const text of [
      'UPT PUSKESMAS SUKAMAJU',
      'Jl. Raya Sukamaju No. 1 <b>&',
      'NOMOR ANTREAN',
      issued.ticket.code,
      issued.ticket.laneName,
      'Senin, 23 November 2026 08.15 WIB',
      `Antrean di depan Anda: ${issued.waitingAhead}`,
      `Perkiraan menunggu: ${issued.estimatedWaitMinutes} menit`,
      // The last line: the content fits the page.
      'Simpan karcis ini. Nomor akan dipanggil.',
    ]) {
      expect(pdf.text.replace(/\s+/g, ' ')).toContain(text);
    }
    expect(issued.waitingAhead).toBe(1);
    // The QR code is vector drawing, not an image that a printer driver would dither.
    expect(doc.html).toMatch(/<div class="qr"><svg[^>]*viewBox/);
  });

  it('prints the 80 mm test sample marked CETAK UJI on one page', async () => {
    const printed = await ok<TicketPrint>('documents.testTicketPrinter', { address: 'html', paperMm: 80 });
    if (printed.mode !== 'html') throw new Error('expected html');
    const pdf = await renderPdf(browser, printed.document);
    expectOnePage(pdf, 80, 115);
    expect(pdf.compact).toContain('CETAKUJI');
    for (const text of ['A001', 'Contoh layanan', 'Antrean di depan Anda: 0', 'Simpan karcis ini.']) expect(pdf.text).toContain(text);
  });
});
