/**
 * The Register Harian screen by keyboard: today's visits, a registration arriving live, a unit
 * filter, the print preview (Alt+P) and the Excel download (Alt+X), the previous day (Alt+PageUp).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientRecord, Unit } from '../../src-main/contract';
import { localDate } from '../../src-main/domain/waktu';
import {
  ensureRendererBuilt,
  horizontalOverflow,
  launchBrowser,
  loginByKeyboard,
  newContext,
  screenshotDir,
  watchProblems,
} from '../helpers/browser';
import { adminToken, httpHost, tempDir, type HttpHost } from '../helpers/host';

describe('Register Harian screen by keyboard', () => {
  let h: HttpHost;
  let browser: Browser;
  let admin: string;
  let units: Map<string, Unit>;
  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  const visit = async (name: string, unit: string) => {
    const { patient } = await ok<{ patient: PatientRecord }>('patients.create', { ignoreSimilar: true, name, birthDate: '1985-03-12', sex: 'P' });
    await ok('visits.register', { patientId: patient.id, payer: 'umum', unitId: units.get(unit)!.id });
  };

  beforeAll(async () => {
    h = await httpHost({ rendererDir: ensureRendererBuilt() });
    admin = await adminToken(h);
    units = new Map((await ok<Unit[]>('units.list', {})).map((u) => [u.code, u]));
    await ok('users.create', { username: 'kasir1', fullName: 'Kasir Satu', role: 'kasir', password: 'rahasia-kasir-1' });
    await visit('Siti Aminah', 'UMUM');
    await visit('Dewi Lestari', 'KIA');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  it('shows the day live, filters, previews the printout and downloads the Excel file', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await loginByKeyboard(page, h.url, 'kasir1', 'rahasia-kasir-1');
    await page.keyboard.press('Alt+4');
    await page.locator('h1#screen-title', { hasText: 'Register Harian' }).waitFor();

    const rows = page.locator('table.table-register tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    // A registration at the counter shows up without a reload.
    await visit('Budi Santoso', 'UMUM');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(2).innerText()).toContain('Budi Santoso');
    expect((await page.getByTestId('register-jumlah').innerText()).replace(/\s+/g, ' ')).toContain('Poli Umum 2');
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(screenshotDir(tempDir('loket-shots-')), '51-register-harian.png'), animations: 'disabled', caret: 'hide' });
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);

    // Unit filter from the keyboard: the first unit in the list is Poli Umum.
    await page.locator('#register-unit').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator('.screen-sub').innerText()).toContain('Unit Poli Umum');

    // Alt+P: the print preview of the filtered register; Esc closes it.
    await page.keyboard.press('Alt+P');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect.poll(async () => (await dialog.locator('iframe').getAttribute('srcdoc')) ?? '').toContain('REGISTER HARIAN PASIEN');
    expect(await dialog.locator('iframe').getAttribute('srcdoc')).toContain('Budi Santoso');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Alt+X: the .xlsx downloads with the same filter.
    const today = localDate(new Date(), 'Asia/Jakarta');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Alt+X')]);
    expect(download.suggestedFilename()).toBe(`register-harian-${today}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('Register')!;
    expect([sheet.getCell('E5').value, sheet.getCell('E6').value]).toEqual(['Siti Aminah', 'Budi Santoso']);
    await page.getByRole('status').filter({ hasText: 'diunduh' }).waitFor();

    // Alt+PageUp: yesterday had no visits.
    await page.keyboard.press('Alt+PageUp');
    await page.getByText('Belum ada kunjungan terdaftar pada tanggal ini.').waitFor();
    expect(problems.list).toEqual([]);
    await context.close();
  });
});
