/**
 * Pengaturan → Perangkat by keyboard (issue #8): the administrator makes a pairing code on the
 * host; a second browser (the TV) opens /display over the "LAN", is asked for the code, types it
 * and shows the waiting-room display; the device appears in the list; revoking it sends the TV
 * back to the pairing page. The TV's token lives only in an HttpOnly cookie, never in a URL or script.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, listen, type RunningServer } from '../../src-main/http/server';
import { ensureRendererBuilt, launchBrowser, loginByKeyboard, newContext, watchProblems } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

describe('Pengaturan → Perangkat', () => {
  let h: HttpHost;
  let lan: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    const rendererDir = ensureRendererBuilt();
    h = await httpHost({ rendererDir });
    await adminToken(h);
    // The same host seen from another PC: pairing and scopes apply.
    lan = await listen(createHttpApp(h.host.ctx, h.host.dispatcher, { rendererDir, lanFromLoopback: true }), '127.0.0.1', 0);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await lan?.close();
    await h?.cleanup();
  });

  it('membuat kode, memasangkan layar di peramban lain, lalu mencabutnya', async () => {
    const page = await (await newContext(browser)).newPage();
    const problems = watchProblems(page);
    await loginByKeyboard(page, h.url);
    await page.goto(`${h.url}/#/pengaturan/perangkat`);
    await page.getByRole('tab', { name: 'Perangkat', selected: true }).waitFor();
    await page.getByText('Belum ada perangkat yang dipasangkan.', { exact: false }).waitFor();

    // Alt+N: the kind of device (Layar ruang tunggu is the first), Tab to the name, Enter.
    await page.keyboard.press('Alt+N');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.labels?.[0]?.textContent))
      .toBe('Jenis perangkat');
    await page.keyboard.press('Tab');
    await page.keyboard.type('TV ruang tunggu');
    await page.keyboard.press('Enter');
    const shown = page.getByRole('status').filter({ hasText: 'menit lagi' });
    await shown.waitFor();
    expect(await shown.textContent()).toBe('Berlaku 5 menit lagi, sekali pakai.');
    const code = (await page.locator('output[aria-label="Kode pemasangan"]').textContent())!;
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);

    // The TV: a fresh browser on the LAN address.
    const tvContext = await newContext(browser);
    const tv = await tvContext.newPage();
    const tvProblems = watchProblems(tv);
    await tvProblems.allowWhile(/401 \(Unauthorized\)|400 \(Bad Request\)/, async () => {
      await tv.goto(`${lan.url}/display`);
      await tv.getByRole('heading', { name: 'Pasangkan perangkat ini' }).waitFor();
      await tv.getByText('Perangkat ini belum dipasangkan dengan komputer utama.', { exact: false }).waitFor();
      // The code field has the focus: a wrong code first, then the right one (typed in lower case).
      await tv.keyboard.type('CCCCCC');
      await tv.keyboard.press('Enter');
      await tv.getByText('Kode pemasangan salah atau sudah tidak berlaku.', { exact: false }).waitFor();
      await tv.keyboard.press('Control+A');
      await tv.keyboard.type(code.toLowerCase());
      await tv.keyboard.press('Enter');
      await tv.getByText('Perangkat “TV ruang tunggu” terpasang sebagai Layar ruang tunggu.', { exact: false }).waitFor();
      // The page reloads by itself into the waiting-room display.
      await tv.getByRole('heading', { name: 'Nomor antrean dipanggil' }).waitFor();
    });
    // The token: an HttpOnly cookie only, out of reach of scripts and never in the address.
    expect(await tv.evaluate(() => document.cookie)).toBe('');
    const cookies = await tvContext.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.path])).toEqual([['loket_perangkat', true, 'Strict', '/']]);
    expect(tv.url()).toBe(`${lan.url}/display`);
    expect(tv.url()).not.toContain(cookies[0]!.value);

    // The host's list shows it, and says the code was used.
    await page.getByText('Perangkat “TV ruang tunggu” sudah terpasang.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'TV ruang tunggu' });
    await row.getByText('Layar ruang tunggu').waitFor();
    await row.getByText('Aktif').waitFor();

    // Revoke by keyboard: the button, then the confirmation (which takes the focus).
    await page.getByRole('button', { name: 'Cabut TV ruang tunggu' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Konfirmasi cabut TV ruang tunggu' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ya, cabut');
    await page.keyboard.press('Enter');
    await page.getByText('Perangkat “TV ruang tunggu” sudah dicabut.', { exact: false }).waitFor();
    await row.getByText(/^Dicabut .* oleh Admin Puskesmas$/).waitFor();

    // The TV, on its next load, is back at the pairing page with the reason.
    await tvProblems.allowWhile(/401 \(Unauthorized\)/, async () => {
      await tv.reload();
      await tv.getByRole('heading', { name: 'Pasangkan perangkat ini' }).waitFor();
      await tv.getByText('Perangkat ini sudah dicabut; pasangkan ulang.').waitFor();
    });
    expect(problems.list).toEqual([]);
    expect(tvProblems.list).toEqual([]);
  });
});
