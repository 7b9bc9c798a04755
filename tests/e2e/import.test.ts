/**
 * The "Impor Pasien" tab in a real Chromium over HTTP, by keyboard alone: open the tab, choose a
 * small CSV (Alt+O), check the suggested mapping, run the dry run (Alt+U) and read the rejected
 * row, import (Alt+I), and see a second dry run report everything as "sudah ada".
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, launchBrowser, loginByKeyboard, newContext, type PageProblems, watchProblems } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

const CSV = [
  'No. RM;NIK;Nama Pasien;Tgl Lahir;JK;Alamat;Catatan',
  '000501;3201265203900001;Siti Aminah;12-03-1990;P;Kp. Babakan RT 01;pasien lama',
  ';3201260507850002;Budi Santoso;05/07/1985;Laki-laki;Jl. Raya 2;',
  '000503;320126050785;Nik Pendek;05-07-1985;L;;NIK kurang',
].join('\r\n');

let h: HttpHost;
let browser: Browser;
let page: Page;
let problems: PageProblems;

const patientCount = () => (h.host.store.sqlite.prepare('SELECT count(*) AS n FROM patient').get() as { n: number }).n;

describe('Impor Pasien tab', () => {
  beforeAll(async () => {
    const rendererDir = ensureRendererBuilt();
    h = await httpHost({ rendererDir });
    await adminToken(h);
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
    problems = watchProblems(page);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  it('walks choose → mapping → dry run → import by keyboard', async () => {
    await loginByKeyboard(page, h.url);

    // Pengaturan (Alt+7), the tab row (Alt+T), the last tab but one.
    await page.keyboard.press('Alt+7');
    await page.locator('h1#screen-title', { hasText: 'Pengaturan' }).waitFor();
    await page.keyboard.press('Alt+T');
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Ganti kata sandi');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Impor Pasien');
    await page.getByRole('heading', { name: 'Impor pasien dari sistem lain' }).waitFor();

    // Alt+O opens the file dialog; the preview takes the focus to the mapping.
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Alt+O');
    await (await chooser).setFiles({ name: 'export-simpus.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${CSV}`, 'utf8') });
    await page.getByText('3 baris data').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Pemetaan kolom');
    const select = (header: string) => page.getByRole('combobox', { name: `Kolom "${header}" dipakai sebagai` });
    expect(await select('No. RM').inputValue()).toBe('rmNumber');
    expect(await select('Nama Pasien').inputValue()).toBe('name');
    expect(await select('Tgl Lahir').inputValue()).toBe('birthDate');
    expect(await select('Catatan').inputValue()).toBe('');
    // Change one mapping by keyboard: "Alamat" is not used after all, then used again.
    await select('Alamat').focus();
    await page.keyboard.press('Home');
    expect(await select('Alamat').inputValue()).toBe('');
    await select('Alamat').selectOption('addressStreet');

    // Dry run: one row refused with its reason, nothing saved.
    await page.keyboard.press('Alt+U');
    await page.getByText('Uji coba: 2 pasien akan ditambahkan, 0 sudah ada, 0 mungkin duplikat, 1 ditolak. Belum ada yang disimpan.').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Hasil uji coba');
    const rejected = page.getByRole('table', { name: 'Baris yang ditolak' });
    expect(await rejected.textContent()).toContain('NIK harus 16 angka (tertulis 12)');
    expect(patientCount()).toBe(0);

    // Import.
    await page.keyboard.press('Alt+I');
    await page.getByText(/^Impor selesai dalam .* 2 pasien ditambahkan, 0 sudah ada/).waitFor();
    expect(patientCount()).toBe(2);

    // A second dry run: everything is already there, the import button says so.
    await page.keyboard.press('Alt+U');
    await page.getByText('Uji coba: 0 pasien akan ditambahkan, 2 sudah ada, 0 mungkin duplikat, 1 ditolak. Belum ada yang disimpan.').waitFor();
    expect(await page.getByRole('button', { name: 'Tidak ada pasien baru' }).isDisabled()).toBe(true);
    expect(problems.list).toEqual([]);
  });
});
