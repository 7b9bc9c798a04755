/**
 * The renderer in a real Chromium against a real host over HTTP: first-run setup, login, every
 * screen walked by keyboard, live updates over SSE, the disconnected banner, the public
 * display and kiosk. Screenshots: see tests/helpers/browser.ts (LOKET_SCREENSHOTS=1).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, listen, type RunningServer } from '../../src-main/http/server';
import {
  ensureRendererBuilt,
  FULL_HD,
  horizontalOverflow,
  launchBrowser,
  LAPTOP,
  newContext,
  screenshotDir,
  watchProblems,
  type PageProblems,
} from '../helpers/browser';
import { seedFrontOfficeDay, type SeededDay } from '../helpers/front-office';
import { httpHost, tempDir, type HttpHost } from '../helpers/host';

const ADMIN_PASSWORD = 'rahasia-admin-1';
const ADMIN_PASSWORD_NEW = 'sandi-baru-admin-2';
const PUSKESMAS = 'Puskesmas Sokaraja I';

let h: HttpHost;
let rendererDir: string;
let seeded: SeededDay;
let browser: Browser;
let page: Page;
let problems: PageProblems;
let shots: string;
let replacement: RunningServer | null = null;
const pageProblems: PageProblems[] = [];

async function openPage(viewport = LAPTOP): Promise<{ page: Page; problems: PageProblems }> {
  const context = await newContext(browser, viewport);
  const p = await context.newPage();
  const watched = watchProblems(p);
  pageProblems.push(watched);
  return { page: p, problems: watched };
}

const heading = (p: Page) => p.locator('h1#screen-title');

async function expectScreen(p: Page, title: string): Promise<void> {
  await p.locator('h1#screen-title', { hasText: title }).waitFor();
  expect(await heading(p).textContent()).toBe(title);
}

async function expectNoSidewaysScroll(p: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await horizontalOverflow(p);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

async function shot(p: Page, name: string): Promise<void> {
  // Let the last data and fonts settle; the caret and animations are hidden by Playwright.
  await p.evaluate(() => document.fonts.ready);
  await p.screenshot({ path: join(shots, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

const focusedName = (p: Page) => p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name || document.activeElement?.id || null);
const focusedLabel = (p: Page) =>
  p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? document.activeElement?.textContent ?? null);

describe('renderer over HTTP in Chromium', () => {
  beforeAll(async () => {
    rendererDir = ensureRendererBuilt();
    h = await httpHost({ rendererDir });
    seeded = await seedFrontOfficeDay(h.host);
    browser = await launchBrowser();
    ({ page, problems } = await openPage());
    shots = screenshotDir(tempDir('loket-shots-'));
  });

  afterAll(async () => {
    await browser?.close();
    await replacement?.close();
    await h?.cleanup();
    if (shots && !shots.endsWith('docs/screenshots')) rmSync(shots, { recursive: true, force: true });
  });

  afterEach(() => {
    // No console error and no uncaught exception on any page, ever.
    expect(pageProblems.flatMap((p) => p.list)).toEqual([]);
  });

  it('creates the first administrator and logs in, by keyboard only', async () => {
    await page.goto(`${h.url}/`);
    await page.getByRole('heading', { name: 'Penyiapan pertama' }).waitFor();
    expect(await focusedName(page)).toBe('fullName');
    await shot(page, '00-penyiapan-pertama');
    await page.keyboard.type('Admin Puskesmas');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('username');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN_PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.type('bukan-sandi-yang-sama');
    await page.keyboard.press('Enter');
    // The two passwords differ: the form says so next to the field, nothing reaches the host.
    await page.getByText('Kedua kata sandi tidak sama').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
    expect(await page.getByTestId('status-pengguna').textContent()).toBe('Admin Puskesmas · Administrator');
    await expectNoSidewaysScroll(page);

    // Log out (Alt+K) and in again.
    await page.keyboard.press('Alt+K');
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await page.getByText('Anda sudah keluar.').waitFor();
    expect(await focusedName(page)).toBe('username');
    await shot(page, '01-masuk');
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();

    // The status bar: host connection, counter, user and role, today's date in Indonesian.
    await page.getByTestId('status-koneksi').filter({ hasText: 'Host tersambung' }).waitFor();
    const date = await page.getByTestId('status-tanggal').textContent();
    const expected = new Intl.DateTimeFormat('id-ID', {
      timeZone: 'Asia/Jakarta',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date());
    expect(date).toBe(expected);
    expect(date).toMatch(/^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} [A-Z][a-z]+ \d{4}$/);
  });

  it('edits settings and reference data by keyboard, with field errors from the contract', async () => {
    await page.keyboard.press('Alt+7');
    await expectScreen(page, 'Pengaturan');

    // Profil Puskesmas: heading → tab row → first field.
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Profil Puskesmas');
    await page.keyboard.press('Tab');
    await page.getByLabel('Nama puskesmas').waitFor();
    expect(await focusedLabel(page)).toBe('Nama puskesmas');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(PUSKESMAS);
    await page.keyboard.press('Enter');
    await page.getByText('Profil puskesmas tersimpan.').waitFor();
    // settings.changed reaches the shell: the sidebar shows the new name.
    await page.locator('.brand-org', { hasText: PUSKESMAS }).waitFor();

    // Komputer ini: this browser's own counter number.
    await page.keyboard.press('Alt+T');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'Komputer ini', selected: true }).waitFor();
    expect(page.url()).toMatch(/#\/pengaturan\/komputer$/);
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Nomor loket');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.getByText('Nomor loket browser ini tersimpan.').waitFor();
    expect(await page.getByTestId('status-loket').textContent()).toBe('Loket 2');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('loket.counterNumber'))).toBe('2');

    // Unit: a bad code shows the contract's message next to the field; fixed, it saves.
    await page.keyboard.press('Alt+T');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'Unit', selected: true }).waitFor();
    await page.getByRole('cell', { name: 'Poli Umum', exact: true }).waitFor();
    await page.keyboard.press('Alt+N');
    await expect.poll(() => focusedLabel(page)).toBe('Kode');
    await page.keyboard.type('bad code!');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Poli Akupresur');
    await page.keyboard.press('Enter');
    await page.locator('.field-error', { hasText: 'Kode 1–12 karakter: huruf, angka atau minus' }).waitFor();
    await shot(page, '09-pengaturan-unit');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('akup');
    await page.keyboard.press('Enter');
    await page.getByText('Data unit “Poli Akupresur” tersimpan.').waitFor();
    await page.getByRole('cell', { name: 'AKUP', exact: true }).waitFor();

    // Layanan and Loket: the host's lists.
    await page.keyboard.press('Alt+T');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'Layanan', selected: true }).waitFor();
    await page.getByRole('cell', { name: 'Umum / BPJS' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'Loket', selected: true }).waitFor();
    await page.getByRole('cell', { name: 'Loket 3' }).waitFor();

    // Tenaga Kesehatan (past the Antrean tab).
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'Antrean', selected: true }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'Tenaga Kesehatan', selected: true }).waitFor();
    await page.getByText('Belum ada data tenaga kesehatan.').waitFor();
    await page.keyboard.press('Alt+N');
    await expect.poll(() => focusedLabel(page)).toBe('Nama lengkap dan gelar');
    await page.keyboard.type('dr. Rina Wulandari');
    await page.keyboard.press('Tab'); // profesi: Dokter
    await page.keyboard.press('Tab'); // unit
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('NIP');
    await page.keyboard.type('198501012010012001');
    await page.keyboard.press('Enter');
    await page.getByText('Data tenaga kesehatan “dr. Rina Wulandari” tersimpan.').waitFor();

    // Faskes Rujukan.
    await page.keyboard.press('Alt+T');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'Faskes Rujukan', selected: true }).waitFor();
    await page.keyboard.press('Alt+N');
    await expect.poll(() => focusedLabel(page)).toBe('Nama fasilitas');
    await page.keyboard.type('RSUD Prof. Dr. Margono Soekarjo');
    await page.keyboard.press('Tab'); // jenis: Rumah Sakit Umum
    await page.keyboard.press('Tab');
    await page.keyboard.type('3302015');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Jl. Dr. Gumbreg No. 1, Purwokerto');
    await page.keyboard.press('Enter');
    await page.getByText('Data faskes rujukan “RSUD Prof. Dr. Margono Soekarjo” tersimpan.').waitFor();

    // Pengguna: a registration clerk for the role test below (past the Diagnosis, Tarif, Surat, Laporan and Suara tabs).
    await page.keyboard.press('Alt+T');
    for (const name of ['Diagnosis', 'Tarif', 'Surat', 'Laporan', 'Suara', 'Pengguna']) {
      // One key at a time: the tab row handles the next arrow after the route has moved.
      await page.keyboard.press('ArrowRight');
      await page.getByRole('tab', { name, selected: true }).waitFor();
    }
    await page.getByRole('cell', { name: 'Admin Puskesmas (Anda)' }).waitFor();
    await page.keyboard.press('Alt+N');
    await expect.poll(() => focusedLabel(page)).toBe('Nama pengguna');
    await page.keyboard.type('petugas1');
    await page.keyboard.press('Tab'); // peran: Petugas Pendaftaran
    await page.keyboard.press('Tab');
    await page.keyboard.type('Petugas Satu');
    await page.keyboard.press('Tab');
    await page.keyboard.type('rahasia-petugas-1');
    await page.keyboard.press('Enter');
    await page.getByText('Data pengguna “petugas1” tersimpan.').waitFor();
    await page.getByRole('cell', { name: 'Petugas Satu' }).waitFor();

    // Ganti kata sandi (the last tab).
    await page.keyboard.press('Alt+T');
    await page.keyboard.press('End');
    await page.getByRole('tab', { name: 'Ganti kata sandi', selected: true }).waitFor();
    // The tab takes the focus on the next tick; Tab from there reaches the form.
    await expect.poll(() => focusedLabel(page)).toBe('Ganti kata sandi');
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Kata sandi lama');
    await page.keyboard.type(ADMIN_PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN_PASSWORD_NEW);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN_PASSWORD_NEW);
    await page.keyboard.press('Enter');
    await page.getByText('Kata sandi sudah diganti.', { exact: false }).waitFor();
    await expectNoSidewaysScroll(page);
  });

  it('walks every screen by keyboard and shows the host’s real data', async () => {
    // Antrean: counters with their services, this browser's counter highlighted.
    await page.keyboard.press('Alt+1');
    await expectScreen(page, 'Antrean');
    await page.locator('.counter-mine', { hasText: 'Loket 2' }).waitFor();
    expect(await page.locator('.counter-card').count()).toBe(3);
    await page.getByRole('cell', { name: 'Lansia, Disabilitas, Ibu Hamil' }).waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, '02-antrean');

    // Pendaftaran: the search field has the focus; arrows move, Enter opens, Esc closes.
    await page.keyboard.press('Alt+2');
    await expectScreen(page, 'Pendaftaran');
    await expect.poll(() => focusedName(page)).toBe('cari-pasien');
    await page.keyboard.type('siti');
    await page.locator('#hasil-pasien tbody tr').nth(1).waitFor();
    expect(await page.locator('#hasil-pasien tbody tr').count()).toBe(2);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const detail = page.locator('aside.detail-panel');
    await detail.getByRole('heading', { name: 'Siti Rahayu' }).waitFor();
    await detail.getByText('3302120000000002').waitFor();
    await detail.getByText('Jl. Merdeka No. 4, RT 002/RW 005, Karangrau').waitFor();
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    // Focus returns on the next tick, after React has put the search view back.
    await expect.poll(() => focusedName(page)).toBe('cari-pasien');
    // An RM number typed without its leading zeros, as a barcode scanner or a clerk would.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('103');
    await page.locator('#hasil-pasien tbody tr', { hasText: 'Budi Santoso' }).waitFor();
    const row = await page.locator('#hasil-pasien tbody tr').first().innerText();
    expect(row).toContain('000103');
    expect(row).toContain('Sokaraja Kulon');
    expect(row).toContain('30 Jul 1958');
    expect(row).toContain('BPJS');
    await page.keyboard.press('Enter');
    await detail.getByRole('heading', { name: 'Budi Santoso' }).waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, '03-pendaftaran');
    await page.keyboard.press('Escape');

    // Rekam Medis: units by cluster with the folder closing time.
    await page.keyboard.press('Alt+3');
    await expectScreen(page, 'Rekam Medis');
    // The units are a tab of the records room (Alt+U); the folder desk opens first.
    await page.keyboard.press('Alt+U');
    await page.getByRole('heading', { name: 'Klaster 3 — Dewasa dan Lansia' }).waitFor();
    await page.getByRole('cell', { name: 'Poli Akupresur' }).waitFor();
    await page.getByRole('cell', { name: 'Imunisasi' }).waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, '04-rekam-medis');

    // Register Harian: today's five visits and the totals at the foot.
    await page.keyboard.press('Alt+4');
    await expectScreen(page, 'Register Harian');
    const registerRows = page.locator('table.table-register tbody tr');
    await registerRows.nth(seeded.visits.length - 1).waitFor();
    expect(await registerRows.count()).toBe(seeded.visits.length);
    expect(await registerRows.first().innerText()).toContain('Siti Aminah');
    const totals = page.getByTestId('register-jumlah');
    const totalsText = (await totals.innerText()).replace(/\s+/g, ' ');
    expect(totalsText).toContain('Jumlah kunjungan 5');
    expect(totalsText).toContain('Laki-laki / Perempuan 2 / 3');
    expect(totalsText).toContain('Kunjungan baru / lama 3 / 2');
    expect(totalsText).toContain('Pasien baru / lama 1 / 4');
    expect(totalsText).toContain('BPJS 2');
    expect(totalsText).toContain('Umum 2');
    expect(totalsText).toContain('Asuransi lain 1');
    await expectNoSidewaysScroll(page);
    await shot(page, '05-register-harian');
    await page.keyboard.press('Alt+PageUp');
    await page.getByText('Belum ada kunjungan terdaftar pada tanggal ini.').waitFor();
    await page.keyboard.press('Alt+H');
    await registerRows.nth(seeded.visits.length - 1).waitFor();

    // Surat: the practitioner and the facility entered above.
    await page.keyboard.press('Alt+5');
    await expectScreen(page, 'Surat');
    // The signers and destinations tab (Alt+T) of the Surat screen.
    await page.keyboard.press('Alt+T');
    await page.getByRole('cell', { name: 'dr. Rina Wulandari' }).waitFor();
    await page.getByRole('cell', { name: '198501012010012001' }).waitFor();
    await page.getByRole('cell', { name: 'RSUD Prof. Dr. Margono Soekarjo' }).waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, '06-surat');

    // Laporan: today's counts.
    await page.keyboard.press('Alt+6');
    await expectScreen(page, 'Laporan');
    await page.getByTestId('stat-kunjungan').getByText('5', { exact: true }).waitFor();
    expect(await page.getByTestId('stat-pasien').locator('.stat-value').textContent()).toBe(String(seeded.patients.length));
    const unitBar = await page.locator('.bar-row', { hasText: 'Poli Umum' }).innerText();
    expect(unitBar.replace(/\s+/g, ' ')).toBe('Poli Umum 2');
    await page.locator('.bar-row', { hasText: 'Asuransi lain' }).waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, '07-laporan');

    // Pengaturan again, by its shortcut: every tab fits the screen.
    await page.keyboard.press('Alt+7');
    await expectScreen(page, 'Pengaturan');
    await page.keyboard.press('Alt+T');
    await page.keyboard.press('Home');
    await page.getByRole('tab', { name: 'Profil Puskesmas', selected: true }).waitFor();
    await page.getByLabel('Nama puskesmas').waitFor();
    await shot(page, '08-pengaturan-profil');
    const tabNames = await page.getByRole('tab').allTextContents();
    expect(tabNames).toEqual([
      'Profil Puskesmas',
      'Komputer ini',
      'Unit',
      'Layanan',
      'Loket',
      'Antrean',
      'Tenaga Kesehatan',
      'Faskes Rujukan',
      'Diagnosis',
      'Tarif',
      'Surat',
      'Laporan',
      'Suara',
      'Pengguna',
      'Peran',
      'Perangkat',
      'Jejak Audit',
      'Cadangan',
      'Impor Pasien',
      'Ganti kata sandi',
    ]);
    for (const name of tabNames) {
      await page.getByRole('tab', { name, selected: true }).waitFor();
      await page.locator('#panel-pengaturan .panel').first().waitFor();
      await expectNoSidewaysScroll(page);
      await page.keyboard.press('ArrowRight');
    }
    await page.getByRole('tab', { name: 'Profil Puskesmas', selected: true }).waitFor();

    // The help overlay lists the registered shortcuts.
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Pintasan keyboard' });
    await help.waitFor();
    const helpText = await help.innerText();
    for (const text of ['Buka Antrean', 'Buka Pengaturan', 'Keluar (logout)', 'Muat ulang data di layar ini', 'Ke baris tab pengaturan'])
      expect(helpText).toContain(text);
    expect(await help.locator('kbd', { hasText: 'Alt + 1' }).count()).toBe(1);
    await shot(page, '10-bantuan-pintasan');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('refreshes lists when another workstation changes reference data', async () => {
    await page.keyboard.press('Alt+1');
    await expectScreen(page, 'Antrean');
    const login = await h.call<{ token: string }>('auth.login', { username: 'admin', password: ADMIN_PASSWORD_NEW });
    if (!login.body.ok) throw new Error(login.body.error.message);
    const saved = await h.call('counters.save', { number: 4, name: 'Loket 4', serviceIds: [] }, login.body.value.token);
    expect(saved.status).toBe(200);
    await page.locator('.counter-card', { hasText: 'Loket 4' }).waitFor();
  });

  it('shows an error screen with the reason and a reload button when a screen fails to render', async () => {
    // A host answering nonsense (here: no list at all) must not leave a blank page.
    await page.route('**/api/units.list', (route) => route.fulfill({ json: { ok: true, value: null } }));
    await problems.allowWhile(/units|null|Cannot read|The above error occurred|filter/, async () => {
      await page.keyboard.press('Alt+3');
      await page.keyboard.press('Alt+U');
      const crash = page.getByRole('alert').filter({ hasText: 'Terjadi kesalahan pada layar Rekam Medis' });
      await crash.waitFor();
      expect(await crash.locator('.crash-reason').textContent()).toMatch(/null/);
      await crash.getByRole('button', { name: 'Muat ulang' }).waitFor();
      // The rest of the app still works.
      await page.keyboard.press('Alt+1');
      await expectScreen(page, 'Antrean');
      await page.unroute('**/api/units.list');
      await page.keyboard.press('Alt+3');
      await page.keyboard.press('Alt+U');
      await page.getByRole('cell', { name: 'Poli Akupresur' }).waitFor();
    });
    // "Muat ulang" reloads the page; the session survives it.
    await page.route('**/api/units.list', (route) => route.fulfill({ json: { ok: true, value: null } }));
    await problems.allowWhile(/units|null|Cannot read|The above error occurred|filter/, async () => {
      await page.keyboard.press('Alt+1');
      await expectScreen(page, 'Antrean');
      await page.keyboard.press('Alt+3');
      await page.keyboard.press('Alt+U');
      const reload = page.getByRole('button', { name: 'Muat ulang' });
      await reload.waitFor();
      await page.unroute('**/api/units.list');
      await reload.focus();
      await page.keyboard.press('Enter');
      await page.waitForEvent('load');
    });
    await expectScreen(page, 'Rekam Medis');
    await page.keyboard.press('Alt+U');
    await page.getByRole('cell', { name: 'Poli Akupresur' }).waitFor();
  });

  it('shows the red banner while the host is unreachable and recovers by itself', async () => {
    const port = h.server.port;
    const { page: tv, problems: tvProblems } = await openPage();
    await tv.goto(`${h.url}/display`);
    await tv.getByText('Belum ada panggilan').waitFor();
    const offline =
      /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|ERR_INCOMPLETE_CHUNKED_ENCODING|ERR_NETWORK_CHANGED|Failed to load resource|Failed to fetch/;
    await tvProblems.allowWhile(offline, () =>
      problems.allowWhile(offline, async () => {
        await h.server.close();
        const banner = page.getByRole('alert').filter({ hasText: 'Terputus dari host — mencoba menyambung ulang…' });
        await banner.waitFor({ timeout: 10_000 });
        await page.getByTestId('status-koneksi').filter({ hasText: 'Terputus dari host' }).waitFor();
        // The waiting-room display says so too, discreetly.
        await tv.locator('.tv-offline', { hasText: 'Terputus' }).waitFor();
        await shot(page, '11-terputus');
        // The same host behind a new server on the same port (a restarted router, a cable back in).
        replacement = await listen(createHttpApp(h.host.ctx, h.host.dispatcher, { rendererDir }), '127.0.0.1', port);
        await banner.waitFor({ state: 'detached', timeout: 15_000 });
        await tv.locator('.tv-offline').waitFor({ state: 'detached', timeout: 15_000 });
      }),
    );
    await tv.context().close();
    await page.getByTestId('status-koneksi').filter({ hasText: 'Host tersambung' }).waitFor();
    // Data flows again.
    await page.keyboard.press('Alt+4');
    await page
      .locator('table.table-register tbody tr')
      .nth(seeded.visits.length - 1)
      .waitFor();
  });

  it('hides the screens a role cannot view', async () => {
    const { page: clerk } = await openPage();
    await clerk.goto(`${h.url}/`);
    await clerk.getByRole('heading', { name: 'Masuk' }).waitFor();
    await clerk.keyboard.type('petugas1');
    await clerk.keyboard.press('Tab');
    await clerk.keyboard.type('rahasia-petugas-1');
    await clerk.keyboard.press('Enter');
    const nav = clerk.getByRole('navigation', { name: 'Menu utama' });
    await nav.waitFor();
    const entries = (await nav.locator('.nav-list a span').allTextContents()).map((s) => s.trim());
    expect(entries).toEqual(['Antrean', 'Pendaftaran', 'Rekam Medis', 'Register Harian', 'Pengaturan']);
    expect(await clerk.getByTestId('status-pengguna').textContent()).toBe('Petugas Satu · Petugas Pendaftaran');
    // Alt+6 (Laporan) is not registered for this role: the screen stays.
    await expectScreen(clerk, 'Antrean');
    await clerk.keyboard.press('Alt+6');
    await clerk.keyboard.press('Alt+7');
    await expectScreen(clerk, 'Pengaturan');
    expect(await clerk.getByRole('tab', { name: 'Pengguna' }).count()).toBe(0);
    await clerk.context().close();
  });

  it('serves the waiting-room display without login, at 1920×1080 and 1366×768', async () => {
    for (const [viewport, name] of [
      [FULL_HD, '12-display-1920'],
      [LAPTOP, '13-display-1366'],
    ] as const) {
      const { page: tv } = await openPage(viewport);
      await tv.goto(`${h.url}/display`);
      await tv.getByRole('heading', { name: PUSKESMAS }).waitFor();
      await tv.getByText('Belum ada panggilan').waitFor();
      const services = tv.locator('.tv-service');
      await services.nth(2).waitFor();
      expect((await services.allInnerTexts()).map((s) => s.replace(/\s+/g, ' '))).toEqual([
        'A Umum / BPJS 0 menunggu',
        'B Lansia, Disabilitas, Ibu Hamil 0 menunggu',
        'C Ibu dan Anak 0 menunggu',
      ]);
      await tv.locator('.marquee-text', { hasText: 'Selamat datang' }).first().waitFor();
      await expectNoSidewaysScroll(tv);
      await shot(tv, name);
      if (viewport === LAPTOP) {
        // A settings change reaches the screen over SSE (public event, no login).
        const login = await h.call<{ token: string }>('auth.login', { username: 'admin', password: ADMIN_PASSWORD_NEW });
        if (!login.body.ok) throw new Error(login.body.error.message);
        await h.call('settings.update', { runningText: 'Hari ini pelayanan imunisasi sampai pukul 12.00.' }, login.body.value.token);
        await tv.locator('.marquee-text', { hasText: 'imunisasi sampai pukul 12.00' }).first().waitFor();
      }
      await tv.context().close();
    }
  });

  it('serves the kiosk with one button per active service and its queue (issuing: antrean.test.ts)', async () => {
    const { page: kiosk } = await openPage();
    await kiosk.goto(`${h.url}/kiosk`);
    await kiosk.getByRole('heading', { name: PUSKESMAS }).waitFor();
    const buttons = kiosk.locator('.kiosk-button');
    await buttons.nth(2).waitFor();
    expect((await buttons.allInnerTexts()).map((s) => s.replace(/\s+/g, ' '))).toEqual([
      'A Umum / BPJS Tidak ada antrean',
      'B Lansia, Disabilitas, Ibu Hamil Tidak ada antrean',
      'C Ibu dan Anak Tidak ada antrean',
    ]);
    await expectNoSidewaysScroll(kiosk);
    await shot(kiosk, '14-kiosk');
    await kiosk.context().close();
  });
});
