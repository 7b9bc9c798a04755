/**
 * Pengaturan → Peran and the idle lock screen, by keyboard (#8): a right ticked in the matrix
 * and saved with Ctrl+Enter reaches an open session of that role at once; "Kembalikan ke bawaan"
 * takes it back. A window left alone past the idle time shows the lock screen with nothing of
 * the shell behind it; a wrong password is refused with the login's sentence, the right one
 * brings the shell back. The browser's clock is moved instead of waiting a minute.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, launchBrowser, loginByKeyboard, newContext, watchProblems } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim());

describe('Peran tab and lock screen', () => {
  let h: HttpHost;
  let browser: Browser;
  let admin: string;
  let kasir: string;
  const kasirSearch = async () => (await h.call('patients.search', { query: 'Siti' }, kasir)).status;

  beforeAll(async () => {
    h = await httpHost({ rendererDir: ensureRendererBuilt() });
    admin = await adminToken(h);
    await h.call('users.create', { username: 'kasir1', fullName: 'Kasir Satu', role: 'kasir', password: 'rahasia-kasir-1' }, admin);
    const r = await h.call<{ token: string }>('auth.login', { username: 'kasir1', password: 'rahasia-kasir-1' });
    if (!r.body.ok) throw new Error(r.body.error.message);
    kasir = r.body.value.token;
    const patient = await h.call('patients.create', { ignoreSimilar: true, name: 'Siti Rahayu Lestari', birthDate: '1980-02-03', sex: 'P' }, admin);
    expect(patient.status).toBe(200);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  it('ticks a right for a role with arrows and Space, saves with Ctrl+Enter, and restores the defaults', async () => {
    const page = await (await newContext(browser)).newPage();
    const problems = watchProblems(page);
    await loginByKeyboard(page, h.url);
    await page.goto(`${h.url}/#/pengaturan/peran`);
    const role = page.getByLabel('Peran yang diatur');
    await role.waitFor();
    expect(await kasirSearch()).toBe(403);

    await role.focus();
    await page.keyboard.press('ArrowDown'); // Perekam Medis
    await page.keyboard.press('ArrowDown'); // Kasir
    expect(await role.inputValue()).toBe('kasir');
    await page.getByRole('table', { name: 'Hak akses Kasir' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Antrean — Input');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focusedLabel(page)).toBe('Identitas pasien — Lihat');
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: 'Identitas pasien — Lihat' }).isChecked()).toBe(true);
    await page.getByText('Ada perubahan yang belum disimpan.').waitFor();
    await page.keyboard.press('Control+Enter');
    await page.getByText('Hak akses Kasir tersimpan.', { exact: false }).waitFor();
    // The cashier's session, open all along, may search patients on its very next call.
    expect(await kasirSearch()).toBe(200);

    // The administrator cannot untick the users-and-roles rights of Administrator.
    await role.focus();
    await page.keyboard.press('Home');
    expect(await role.inputValue()).toBe('administrator');
    expect(await page.getByRole('checkbox', { name: 'Pengguna dan peran — Koreksi' }).isDisabled()).toBe(true);

    // Back to Kasir: "Kembalikan ke bawaan", then save.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await role.inputValue()).toBe('kasir');
    await page.getByText('Berbeda dari bawaan.').waitFor();
    await page.getByRole('button', { name: 'Kembalikan ke bawaan' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('checkbox', { name: 'Identitas pasien — Lihat' }).isChecked()).toBe(false);
    await page.keyboard.press('Control+Enter');
    await page.getByText('Hak akses Kasir tersimpan.', { exact: false }).waitFor();
    await page.getByText('Sama dengan bawaan.').waitFor();
    expect(await kasirSearch()).toBe(403);
    expect(problems.list).toEqual([]);
  });

  it('locks an idle window: nothing of the shell behind it, a wrong password refused, the right one reopens', async () => {
    expect((await h.call('settings.update', { idleLockMinutes: 1 }, admin)).status).toBe(200);
    const page = await (await newContext(browser)).newPage();
    const problems = watchProblems(page);
    await page.clock.install();
    await loginByKeyboard(page, h.url);
    await page.keyboard.press('Alt+2');
    await page.locator('h1#screen-title', { hasText: 'Pendaftaran' }).waitFor();
    await page.keyboard.type('Siti Rahayu');
    await page.keyboard.press('Enter');
    await page.getByText('Siti Rahayu Lestari').first().waitFor();

    // Half a minute idle, then a key: the idle time starts again.
    await page.clock.fastForward(40_000);
    await page.keyboard.press('Shift');
    await page.clock.fastForward(40_000);
    expect(await page.getByRole('heading', { name: 'Layar terkunci' }).count()).toBe(0);
    await page.clock.fastForward(25_000);
    await page.getByRole('heading', { name: 'Layar terkunci' }).waitFor();
    expect(await page.getByTestId('kunci-pengguna').textContent()).toContain('Admin Puskesmas · Administrator');
    const html = await page.content();
    expect(html).not.toContain('Siti Rahayu');
    expect(html).not.toContain('Menu utama');
    // The host has locked the session too: another call with this token is refused.
    const token = await page.evaluate(() => sessionStorage.getItem('loket.token'));
    expect(token).toBeTruthy();
    expect((await h.call('patients.search', { query: 'Siti' }, token)).status).toBe(423);

    // The password field has the focus.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('password');
    await problems.allowWhile(/401 \(Unauthorized\)/, async () => {
      await page.keyboard.type('salah-sekali');
      await page.keyboard.press('Enter');
      await page.getByText('Nama pengguna atau kata sandi salah.').waitFor();
    });
    expect(await page.getByLabel('Kata sandi').inputValue()).toBe('');
    await page.keyboard.type('rahasia-admin-1');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
    expect((await h.call('patients.search', { query: 'Siti' }, token)).status).toBe(200);

    // Locked elsewhere (another window of this session): the next call this window makes is
    // answered 423, and it shows the lock screen too.
    expect((await h.call('auth.lock', {}, token)).status).toBe(200);
    await problems.allowWhile(/423 \(Locked\)/, async () => {
      await page.keyboard.press('Alt+R');
      await page.getByRole('heading', { name: 'Layar terkunci' }).waitFor();
    });
    expect(await page.getByRole('navigation', { name: 'Menu utama' }).count()).toBe(0);
    expect(problems.list).toEqual([]);
  });

  it('a user with a temporary password chooses their own before the shell opens', async () => {
    const created = await h.call(
      'users.create',
      { username: 'baru1', fullName: 'Petugas Baru', role: 'pendaftaran', password: 'sementara-123', mustChangePassword: true },
      admin,
    );
    expect(created.status).toBe(200);
    const page = await (await newContext(browser)).newPage();
    const problems = watchProblems(page);
    await page.goto(`${h.url}/`);
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await page.keyboard.type('baru1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('sementara-123');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ganti kata sandi' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Menu utama' }).count()).toBe(0);
    await page.keyboard.type('sementara-123');
    await page.keyboard.press('Tab');
    await page.keyboard.type('pilihan-sendiri-1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('pilihan-sendiri-1');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
    const login = await h.call<{ user: { mustChangePassword: boolean } }>('auth.login', { username: 'baru1', password: 'pilihan-sendiri-1' });
    expect(login.body).toMatchObject({ ok: true, value: { user: { mustChangePassword: false } } });
    expect(problems.list).toEqual([]);
  });
});
