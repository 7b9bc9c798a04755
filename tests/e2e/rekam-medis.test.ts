/** Gabung pasien in the browser: records staff merge two records of one person and undo it. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientRecord } from '../../src-main/contract';
import { ensureRendererBuilt, launchBrowser, loginByKeyboard, newContext, watchProblems } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

describe('Rekam Medis: merge duplicate patients', () => {
  let h: HttpHost;
  let browser: Browser;
  let keep: PatientRecord;
  let dup: PatientRecord;

  beforeAll(async () => {
    h = await httpHost({ rendererDir: ensureRendererBuilt() });
    const admin = await adminToken(h);
    const create = async (input: Record<string, unknown>) => {
      const r = await h.call<{ patient: PatientRecord }>('patients.create', { ignoreSimilar: true, ...input }, admin);
      if (!r.body.ok) throw new Error(r.body.error.message);
      return r.body.value.patient;
    };
    keep = await create({ name: 'Sutrisno Wibowo', birthDate: '1958-04-17', sex: 'L' });
    dup = await create({ name: 'Soetrisno Wibowo', birthDate: '1958-04-17', sex: 'L' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h.cleanup();
  });

  it('merges by keyboard and undoes from the history', async () => {
    const page = await (await newContext(browser)).newPage();
    const problems = watchProblems(page);
    await loginByKeyboard(page, h.url);
    await page.keyboard.press('Alt+3');
    await page.locator('h1#screen-title', { hasText: 'Rekam Medis' }).waitFor();
    // The merge is on the units tab (Alt+U); the folder desk opens first.
    await page.keyboard.press('Alt+U');

    await page.getByRole('textbox', { name: 'Pasien yang dipertahankan' }).focus();
    await page.keyboard.type(keep.rmNumber);
    await page.getByRole('button', { name: new RegExp(`${keep.rmNumber} Sutrisno`) }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Pasien ganda (digabung)' }).focus();
    await page.keyboard.type(dup.rmNumber);
    await page.getByRole('button', { name: new RegExp(`${dup.rmNumber} Soetrisno`) }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Alasan' }).focus();
    await page.keyboard.type('Terdaftar dua kali dengan ejaan lama');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.getByText('Pasien digabung.', { exact: false }).waitFor();
    const row = page.getByRole('table', { name: 'Riwayat penggabungan' }).getByRole('row').nth(1);
    await expect.poll(() => row.textContent()).toContain('Soetrisno Wibowo');
    expect((await h.call('patients.get', { id: dup.id }, await adminToken2(h))).status).toBe(404);

    await row.getByRole('button', { name: 'Batalkan' }).focus();
    await page.keyboard.press('Enter');
    await row.getByText('Dibatalkan').waitFor();
    expect(problems.list).toEqual([]);
  });
});

async function adminToken2(h: HttpHost): Promise<string> {
  const r = await h.call<{ token: string }>('auth.login', { username: 'admin', password: 'rahasia-admin-1' });
  if (!r.body.ok) throw new Error(r.body.error.message);
  return r.body.value.token;
}
