/**
 * Pengaturan → Jejak Audit by keyboard: today's rows, a patient's history by RM with the changed
 * field before → after, "Periksa keutuhan" (Alt+V) on an intact and on a tampered log, and an
 * unknown RM refused with the host's sentence.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientRecord } from '../../src-main/contract';
import { join } from 'node:path';
import { ensureRendererBuilt, launchBrowser, loginByKeyboard, newContext, screenshotDir, watchProblems } from '../helpers/browser';
import { adminToken, httpHost, tempDir, type HttpHost } from '../helpers/host';

describe('Pengaturan → Jejak Audit', () => {
  let h: HttpHost;
  let browser: Browser;
  let admin: string;
  let patient: PatientRecord;
  beforeAll(async () => {
    h = await httpHost({ rendererDir: ensureRendererBuilt() });
    admin = await adminToken(h);
    const created = await h.call<{ patient: PatientRecord }>(
      'patients.create',
      { ignoreSimilar: true, name: 'Siti Jejak', birthDate: '1990-02-02', sex: 'P' },
      admin,
    );
    if (!created.body.ok) throw new Error(created.body.error.message);
    patient = created.body.value.patient;
    const updated = await h.call('patients.update', { id: patient.id, name: 'Siti Jejak Audit' }, admin);
    if (!updated.body.ok) throw new Error(updated.body.error.message);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  it('filters by RM, shows the change, and checks the chain', async () => {
    const page = await (await newContext(browser)).newPage();
    const problems = watchProblems(page);
    await loginByKeyboard(page, h.url);
    await page.goto(`${h.url}/#/pengaturan/audit`);
    await page.getByRole('tab', { name: 'Jejak Audit', selected: true }).waitFor();
    const table = page.getByRole('table', { name: 'Catatan jejak audit' });
    // Today's rows include the login just made.
    await table.getByText('Masuk', { exact: true }).first().waitFor();

    // Alt+F → No. RM; Enter applies.
    await page.keyboard.press('Alt+F');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('audit-rm');
    await page.keyboard.type(patient.rmNumber);
    await page.keyboard.press('Enter');
    const change = table.locator('summary', { hasText: 'name: Siti Jejak → Siti Jejak Audit' });
    await change.waitFor();
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    for (const rm of await rows.locator('td:nth-child(6)').allTextContents()) expect(rm).toBe(patient.rmNumber);
    // The summary opens by keyboard to every changed field.
    await change.focus();
    await page.keyboard.press('Enter');
    await table.locator('li', { hasText: 'name_key:' }).first().waitFor();
    await page.screenshot({ path: join(screenshotDir(tempDir('loket-shots-')), '85-jejak-audit.png') });

    await page.keyboard.press('Alt+V');
    await page
      .getByRole('status')
      .filter({ hasText: /^Jejak audit utuh: \d+ baris diperiksa/ })
      .waitFor();

    // Someone edits the file behind the app's back: the check names the row.
    const sqlite = h.host.store.sqlite;
    const target = (sqlite.prepare(`SELECT id FROM audit_log WHERE action = 'ubah' AND entity = 'patient'`).get() as { id: number }).id;
    sqlite.exec(`DROP TRIGGER audit_log_no_update`);
    sqlite.prepare(`UPDATE audit_log SET "after" = replace("after", 'Siti Jejak Audit', 'Orang Lain') WHERE id = ?`).run(target);
    await page.keyboard.press('Alt+V');
    await page
      .getByRole('status')
      .filter({ hasText: `Baris jejak audit #${target} telah diubah` })
      .waitFor();

    // An RM nobody has: the host's sentence, nothing listed.
    await page.keyboard.press('Alt+F');
    await page.keyboard.press('Control+A');
    await problems.allowWhile(/404 \(Not Found\)/, async () => {
      await page.keyboard.type('999999');
      await page.keyboard.press('Enter');
      await page.getByText('Pasien dengan No. RM 999999 tidak ditemukan.').waitFor();
    });
    expect(problems.list).toEqual([]);
  });
});
