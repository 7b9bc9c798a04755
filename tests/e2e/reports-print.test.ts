/**
 * Rekap bulanan/tahunan and the pustu follow-up list: the A4 printouts through Chromium →
 * PDF → pdftotext, and the recap tab by keyboard at 1366×768.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recapTables, type Printable, type Recap } from '../../src-main/contract';
import {
  ensureRendererBuilt,
  horizontalOverflow,
  launchBrowser,
  loginByKeyboard,
  newContext,
  screenshotDir,
  watchProblems,
} from '../helpers/browser';
import { seedFrontOfficeDay, type SeededDay } from '../helpers/front-office';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';
import { pageSizeMm, pdfToPng, renderPdf } from '../helpers/pdf';

const shots = screenshotDir(mkdtempSync(join(tmpdir(), 'loket-reports-print-')));
const bulan = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

describe('recaps and the pustu follow-up list on paper and on screen', () => {
  let h: HttpHost;
  let admin: string;
  let browser: Browser;
  let day: SeededDay;
  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }

  beforeAll(async () => {
    h = await httpHost({ rendererDir: ensureRendererBuilt() });
    admin = await adminToken(h);
    await ok('settings.update', {
      puskesmas: { name: 'UPT Puskesmas Sokaraja', pemerintah: 'Pemerintah Kabupaten Banyumas', dinas: 'Dinas Kesehatan' },
      reports: { pustu: [{ name: 'Karangrau', villages: ['33.02.12.2002'] }] },
    });
    day = await seedFrontOfficeDay(h.host);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  const thisMonth = () => ({ year: Number(day.today.slice(0, 4)), month: Number(day.today.slice(5, 7)) });

  it('prints the monthly recap on A4: the kop, every table heading with its figures and chart', async () => {
    const doc = await ok<Printable>('documents.recap', thisMonth());
    expect(doc.paper).toEqual({ widthMm: 210, heightMm: 297 });
    expect(doc.html).not.toMatch(/<script/i);
    const pdf = await renderPdf(browser, doc);
    pdfToPng(pdf.file, join(shots, '70-rekap-bulanan'));
    const size = pageSizeMm(pdf.file);
    expect(size.width).toBeCloseTo(210, 0);
    expect(size.height).toBeCloseTo(297, 0);
    const recap = await ok<Recap>('reports.recap', thisMonth());
    const monthName = `${bulan[thisMonth().month - 1]} ${thisMonth().year}`;
    expect(pdf.compact).toContain('UPTPUSKESMASSOKARAJA');
    expect(pdf.compact).toContain(`REKAPKUNJUNGANBULAN${monthName.toUpperCase().replace(/\s/g, '')}`);
    expect(pdf.compact).toContain('5kunjungan');
    for (const t of recapTables(recap)) expect(pdf.compact, t.title).toContain(t.title.replace(/\s/g, ''));
    // Sex, payer and village lines with their L, P and total (the chart repeats the total).
    expect(pdf.text).toMatch(/Laki-laki\s+2\s+0\s+2/);
    expect(pdf.text).toMatch(/Perempuan\s+0\s+3\s+3/);
    expect(pdf.text).toMatch(/BPJS\s+1\s+1\s+2/);
    expect(pdf.text).toMatch(/Sokaraja Kulon\s+1\s+2\s+3/);
    expect(pdf.text).toMatch(/Karangrau\s+1\s+1\s+2/);
    expect(pdf.text).toMatch(/Jumlah\s+2\s+3\s+5/);
    expect(doc.html).toContain('<svg class="chart"');
  });

  it('prints the follow-up list on A4 landscape with one section per pustu, address and phone', async () => {
    const visits = await ok<{ visits: { visitId: number; rmNumber: string }[] }>('followUps.visitsOfDay', {});
    const byRm = new Map(visits.visits.map((v) => [v.rmNumber, v.visitId]));
    await ok('followUps.mark', { visitId: byRm.get('000102'), reason: 'Kunjungan nifas di rumah' });
    await ok('followUps.mark', { visitId: byRm.get('000103'), reason: 'Pantau tekanan darah', note: 'Minum obat tidak teratur' });
    const doc = await ok<Printable>('documents.followUps', { from: day.today, to: day.today });
    expect(doc.paper).toEqual({ widthMm: 297, heightMm: 210 });
    const pdf = await renderPdf(browser, doc);
    pdfToPng(pdf.file, join(shots, '71-tindak-lanjut-pustu'));
    expect(pdf.compact).toContain('DAFTARTINDAKLANJUTUNTUKPUSTU');
    expect(pdf.compact).toContain('PustuKarangrau—1pasien');
    expect(pdf.compact).toContain('Kelurahan/desatanpapustu—1pasien');
    expect(pdf.text).toContain('Siti Rahayu');
    expect(pdf.text).toContain('Jl. Merdeka No. 4, RT 002/RW');
    expect(pdf.text).toContain('081234567801');
    expect(pdf.text).toContain('Kunjungan nifas di');
    expect(pdf.text).toContain('Pantau tekanan');
    // Each pustu starts on its own page.
    expect(pdf.pages).toBe(2);
  });

  it('walks the recap tab by keyboard at 1366×768: tab, period, year, print preview', async () => {
    const page = await (await newContext(browser)).newPage();
    const problems = watchProblems(page);
    await loginByKeyboard(page, h.url);
    await page.keyboard.press('Alt+6');
    await page.locator('h1#screen-title', { hasText: 'Laporan' }).waitFor();
    await page.keyboard.press('Alt+B');
    const title = page.getByTestId('rekap-judul');
    const { month, year } = thisMonth();
    await expect.poll(() => title.textContent()).toContain(`bulan ${bulan[month - 1]} ${year}`);
    await expect.poll(() => page.getByTestId('rekap-kunjungan').textContent()).toContain('5');
    await page.getByRole('table', { name: 'Kunjungan per kelompok umur (LB1)' }).waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: join(shots, '72-laporan-rekap.png') });

    await page.keyboard.press('Alt+PageUp');
    const prev = month === 1 ? `${bulan[11]} ${year - 1}` : `${bulan[month - 2]} ${year}`;
    await expect.poll(() => title.textContent()).toContain(prev);
    await expect.poll(() => page.getByTestId('rekap-kunjungan').textContent()).toContain('0');
    await page.keyboard.press('Alt+H');
    await expect.poll(() => title.textContent()).toContain(`${bulan[month - 1]} ${year}`);
    await page.keyboard.press('Alt+Y');
    await expect.poll(() => title.textContent()).toContain(`tahun ${year}`);

    await page.keyboard.press('Alt+P');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect
      .poll(async () => (await page.frameLocator('dialog iframe').locator('h1').textContent()) ?? '')
      .toContain(`REKAP KUNJUNGAN TAHUN ${year}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.keyboard.press('Alt+T');
    await page.getByRole('region', { name: 'Pustu Karangrau' }).waitFor();
    await expect.poll(() => page.getByTestId('tindak-daftar').textContent()).toContain('Siti Rahayu');
    await page.screenshot({ path: join(shots, '73-laporan-tindak-lanjut.png') });
    expect(problems.list).toEqual([]);
  });
});
