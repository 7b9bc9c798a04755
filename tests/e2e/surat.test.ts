/** Surat in the browser: a sick-leave letter issued and verified by keyboard alone. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Letter, PatientRecord } from '../../src-main/contract';
import { ensureRendererBuilt, horizontalOverflow, launchBrowser, loginByKeyboard, newContext, watchProblems } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

describe('Surat: sick-leave letter by keyboard', () => {
  let h: HttpHost;
  let browser: Browser;
  let admin: string;
  let patient: PatientRecord;

  beforeAll(async () => {
    h = await httpHost({ rendererDir: ensureRendererBuilt() });
    admin = await adminToken(h);
    const call = async <T>(method: string, input: unknown) => {
      const r = await h.call<T>(method, input, admin);
      if (!r.body.ok) throw new Error(r.body.error.message);
      return r.body.value;
    };
    await call('settings.update', { letters: { unitCode: 'PKM-SJ' } });
    await call('practitioners.save', { name: 'dr. Rina Wulandari', profession: 'dokter', nip: null, sip: 'SIP-1', str: null });
    patient = (
      await call<{ patient: PatientRecord }>('patients.create', { name: 'Budi Santoso', birthDate: '2010-02-03', sex: 'L', ignoreSimilar: true })
    ).patient;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h.cleanup();
  });

  it('finds the patient by RM, issues the letter with Enter, previews it and verifies its code', async () => {
    const page = await (await newContext(browser)).newPage();
    const problems = watchProblems(page);
    await loginByKeyboard(page, h.url);
    await page.keyboard.press('Alt+5');
    await page.locator('h1#screen-title', { hasText: 'Surat' }).waitFor();

    // Surat sakit is the first tab and its RM field has the focus.
    const rm = page.getByRole('textbox', { name: 'No. RM atau nama pasien' });
    await expect.poll(() => rm.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(patient.rmNumber);
    await page.keyboard.press('Enter');
    await page.getByText(`No. RM ${patient.rmNumber}`).waitFor();

    // The days field has the focus: 2 days, Enter issues the letter and opens the print preview.
    const days = page.getByRole('spinbutton', { name: 'Lama (hari)' });
    await expect.poll(() => days.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    const preview = page.getByRole('dialog', { name: /Cetak surat 445\/001\/SKS\/PKM-SJ\//i });
    await preview.waitFor();
    const frame = page.frameLocator('iframe[title^="Pratinjau"]');
    await frame.getByText('2 (dua) hari').waitFor();
    expect(await horizontalOverflow(page)).toMatchObject({ scrollWidth: 1366 });
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });

    const letters = await h.call<Letter[]>('letters.list', {}, admin);
    const letter = letters.body.ok ? letters.body.value[0]! : null;
    expect(letter).toMatchObject({ kind: 'sakit', prints: 1, data: { days: 2 } });

    // Verifikasi (Alt+V): the code typed in lower case, Enter.
    await page.keyboard.press('Alt+V');
    const code = page.getByRole('textbox', { name: /Kode verifikasi/ });
    await expect.poll(() => code.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(letter!.verifyCode.toLowerCase());
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('SURAT SAH').waitFor();
    await page.getByText(letter!.number).waitFor();
    expect(problems.list).toEqual([]);
  });
});
