/**
 * Pengaturan → Laporan by keyboard: the recap's age groups and the pustu, one per line; a gap
 * between groups is refused with the host's sentence and nothing saved; a corrected list saves.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedSettings } from '../../src-main/contract';
import { ensureRendererBuilt, launchBrowser, loginByKeyboard, newContext, watchProblems } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

describe('Pengaturan → Laporan', () => {
  let h: HttpHost;
  let browser: Browser;
  let admin: string;
  beforeAll(async () => {
    h = await httpHost({ rendererDir: ensureRendererBuilt() });
    admin = await adminToken(h);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });
  const saved = async () => {
    const r = await h.call<SharedSettings>('settings.get', {}, admin);
    if (!r.body.ok) throw new Error(r.body.error.message);
    return r.body.value.reports;
  };

  it('edits the age groups and the pustu, refusing a gap', async () => {
    const before = await saved();
    const page = await (await newContext(browser)).newPage();
    const problems = watchProblems(page);
    await loginByKeyboard(page, h.url);
    await page.goto(`${h.url}/#/pengaturan/laporan`);
    const groups = page.getByLabel('Kelompok umur rekap (LB1)');
    await groups.waitFor();
    expect((await groups.inputValue()).split('\n')[0]).toBe('0–7 hari; 0; 7; hari');

    // A gap: 0–5 hari then 8–28 hari.
    await groups.focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('0–5 hari; 0; 5; hari');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Pustu Karanganyar: 33.02.12.2001, 33.02.12.2002');
    await problems.allowWhile(/400 \(Bad Request\)/, async () => {
      await page.keyboard.press('Control+Enter');
      await page.getByText(/Ada celah antara "0–5 hari" dan "8–28 hari"/).waitFor();
    });
    expect(await saved()).toEqual(before);

    // Corrected: 0–7 hari again, saved with the pustu.
    await groups.focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('0–7 hari; 0; 7; hari');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Pengaturan laporan tersimpan.', { exact: false }).waitFor();
    const after = await saved();
    expect(after.ageGroups).toEqual(before.ageGroups);
    expect(after.pustu).toEqual([{ name: 'Pustu Karanganyar', villages: ['33.02.12.2001', '33.02.12.2002'] }]);
    expect(problems.list).toEqual([]);
  });
});
