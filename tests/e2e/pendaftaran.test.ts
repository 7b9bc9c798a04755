/**
 * Pendaftaran in a real Chromium against a real host over HTTP, by keyboard only: a new
 * patient from KTP data, a returning patient from a scanned card (counting the keystrokes), the
 * same-unit-today warning, a correction, control appointments (created, checked in, cancelled)
 * and the Tarif settings. Screenshots: see tests/helpers/browser.ts (LOKET_SCREENSHOTS=1).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, RegisterRow } from '../../src-main/contract';
import { insertPatients } from '../../src-main/db/repositories/patients';
import { insertRegions } from '../../src-main/db/repositories/regions';
import { nameKey } from '../../src-main/domain/nama';
import { localDate } from '../../src-main/domain/waktu';
import {
  ensureRendererBuilt,
  horizontalOverflow,
  launchBrowser,
  loginByKeyboard,
  newContext,
  type PageProblems,
  screenshotDir,
  watchProblems,
} from '../helpers/browser';
import { adminToken, httpHost, tempDir, type HttpHost } from '../helpers/host';

const ADMIN_PASSWORD = 'rahasia-admin-1';
/** The browser logs every refused call; these refusals are part of the flows under test. */
const EXPECTED_REFUSALS = /status of (400|409) .*\/api\/(patients\.decodeNik|patients\.create|visits\.register)$/;
const MAX_KEYS = 5;

let h: HttpHost;
let token: string;
let browser: Browser;
let page: Page;
let problems: PageProblems;
let shots: string;
let today: string;
const ids = new Map<string, number>();

/** Returning patients, registered more than a year ago. */
const returning = [
  { rm: '000123', name: 'Budi Santoso', sex: 'L', birth: '1980-05-10', nik: '3302121005800003', bpjs: '0001234567890', payer: 'bpjs' },
  { rm: '000124', name: 'Siti Aminah', sex: 'P', birth: '1985-03-12', nik: '3302125203850002', bpjs: null, payer: 'umum' },
  { rm: '000125', name: 'Slamet Riyadi', sex: 'L', birth: '1950-08-17', nik: null, bpjs: null, payer: 'umum' },
] as const;

const focusedId = (p: Page) => p.evaluate(() => document.activeElement?.id ?? null);
const focusedLabel = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return (el?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim();
  });

/** Tab until the field whose label starts with `label` has the focus (as a clerk tabs through a form). */
async function tabTo(p: Page, label: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    await p.keyboard.press('Tab');
    if ((await focusedLabel(p)).startsWith(label)) return;
  }
  throw new Error(`Kolom “${label}” tidak tercapai dengan Tab (fokus di “${await focusedLabel(p)}”)`);
}

async function call<T>(method: string, input: unknown = {}): Promise<T> {
  const { body } = await h.call<T>(method, input, token);
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.value;
}

async function shot(p: Page, name: string): Promise<void> {
  await p.evaluate(() => document.fonts.ready);
  await p.screenshot({ path: join(shots, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

async function expectNoSidewaysScroll(p: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await horizontalOverflow(p);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Back to an empty search field (F2, select all, delete). */
async function clearSearch(p: Page): Promise<void> {
  await p.keyboard.press('F2');
  await p.keyboard.press('Backspace');
  expect(await focusedId(p)).toBe('cari-pasien');
}

const panel = (p: Page) => p.locator('aside.reg-panel');
const done = (p: Page) => p.getByTestId('pendaftaran-selesai');

describe('Pendaftaran by keyboard in Chromium', () => {
  beforeAll(async () => {
    const rendererDir = ensureRendererBuilt();
    h = await httpHost({ rendererDir });
    token = await adminToken(h, ADMIN_PASSWORD);
    const db = h.host.ctx.db;
    today = localDate(h.host.ctx.now(), 'Asia/Jakarta');
    await insertRegions(db, [
      { code: '33', parent_code: null, level: 1, name: 'JAWA TENGAH' },
      { code: '33.02', parent_code: '33', level: 2, name: 'KABUPATEN BANYUMAS' },
      { code: '33.02.12', parent_code: '33.02', level: 3, name: 'Sokaraja' },
      { code: '33.02.12.2001', parent_code: '33.02.12', level: 4, name: 'Sokaraja Kulon' },
      { code: '33.02.12.2002', parent_code: '33.02.12', level: 4, name: 'Sokaraja Wetan' },
      { code: '33.02.12.2003', parent_code: '33.02.12', level: 4, name: 'Karangrau' },
    ]);
    const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString();
    await insertPatients(
      db,
      returning.map((p) => ({
        rm_number: p.rm,
        name: p.name,
        name_key: nameKey(p.name),
        sex: p.sex,
        birth_place: 'Banyumas',
        birth_date: p.birth,
        nik: p.nik,
        bpjs_number: p.bpjs,
        payer_default: p.payer,
        phone: '081234567800',
        address_street: 'Jl. Merdeka No. 3',
        rt: '002',
        rw: '005',
        village_code: '33.02.12.2001',
        created_at: longAgo,
        updated_at: longAgo,
      })),
    );
    for (const r of await db.selectFrom('patient').select(['id', 'rm_number']).execute()) ids.set(r.rm_number, r.id);

    browser = await launchBrowser();
    const context = await newContext(browser);
    page = await context.newPage();
    problems = watchProblems(page);
    shots = screenshotDir(tempDir('loket-shots-'));

    await loginByKeyboard(page, h.url, 'admin', ADMIN_PASSWORD);
    await page.keyboard.press('Alt+2');
    await page.locator('h1#screen-title', { hasText: 'Pendaftaran' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
    if (shots && !shots.endsWith('docs/screenshots')) rmSync(shots, { recursive: true, force: true });
  });

  afterEach(() => {
    // No console error and no uncaught exception, ever.
    expect(problems.list).toEqual([]);
  });

  it('registers a returning patient from a scanned card in at most 5 keystrokes', async () => {
    expect(await focusedId(page)).toBe('cari-pasien');
    // The USB scanner types the RM barcode fast and ends with Enter.
    await page.keyboard.type('000123', { delay: 4 });
    let keys = 0;
    const press = async (key: string) => {
      keys++;
      await page.keyboard.press(key);
    };
    await press('Enter'); // the scanner's own Enter, counted anyway
    await panel(page).getByRole('heading', { name: 'Budi Santoso' }).waitFor();
    const confirm = page.getByRole('checkbox', { name: /Faskes terdaftar di puskesmas ini/ });
    await confirm.waitFor();
    // Prefilled from visits.propose: BPJS, Poli Umum for an adult, klaster 3, kunjungan baru (first this year), pasien lama.
    await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByLabel('Penjamin (Alt+P)').inputValue()).toBe('bpjs');
    expect(await page.getByLabel('Unit tujuan (Alt+U)').locator('option:checked').textContent()).toBe('Poli Umum');
    const panelText = await panel(page).innerText();
    expect(panelText).toContain('Klaster 3 — Dewasa dan Lansia');
    expect(panelText).toContain('Kunjungan baru');
    expect(panelText).toContain('Pasien lama');
    expect(panelText).toContain('10 Mei 1980');
    await expectNoSidewaysScroll(page);
    await shot(page, '16-daftar-kunjungan');

    await press(' '); // faskes terdaftar di puskesmas ini
    await press('Enter'); // daftarkan
    await done(page).waitFor();
    expect(keys).toBeLessThanOrEqual(MAX_KEYS);
    expect(keys).toBe(3);
    expect(await done(page).getByTestId('nomor-register').textContent()).toBe('1');
    const doneText = (await done(page).innerText()).replace(/\s+/g, ' ');
    expect(doneText).toContain('Budi Santoso (000123) terdaftar ke Poli Umum');
    expect(doneText).toContain('Klaster 3 — Dewasa dan Lansia · BPJS');
    expect(doneText).not.toContain('Belum bayar');
    // Ready for the next patient: the search field, empty, has the focus.
    expect(await focusedId(page)).toBe('cari-pasien');
    expect(await page.locator('#cari-pasien').inputValue()).toBe('');

    const register = await call<{ rows: RegisterRow[] }>('register.daily', { date: today });
    expect(register.rows).toHaveLength(1);
    expect(register.rows[0]).toMatchObject({
      seq: 1,
      rmNumber: '000123',
      unitName: 'Poli Umum',
      cluster: 'klaster3',
      payer: 'bpjs',
      kunjunganBaru: true,
      pasienBaru: false,
    });
  });

  it('warns before the same unit twice on one day and registers again with one key', () =>
    problems.allowWhile(EXPECTED_REFUSALS, async () => {
      await page.keyboard.type('000123', { delay: 4 });
      await page.keyboard.press('Enter');
      const confirm = page.getByRole('checkbox', { name: /Faskes terdaftar di puskesmas ini/ });
      await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
      await panel(page).getByText('Sudah terdaftar hari ini ke Poli Umum.').waitFor();
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
      const warning = panel(page).getByRole('alert').filter({ hasText: 'sudah terdaftar ke Poli Umum hari ini' });
      await warning.waitFor();
      const again = warning.getByRole('button', { name: /Daftarkan lagi/ });
      await expect.poll(() => again.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter'); // daftarkan lagi (allowSameUnitToday)
      await done(page).getByText('Kunjungan kedua').waitFor();
      expect(await done(page).getByTestId('nomor-register').textContent()).toBe('2');
      const doneText = (await done(page).innerText()).replace(/\s+/g, ' ');
      expect(doneText).toContain('Kunjungan kedua ke Poli Umum hari ini.');
      expect(await focusedId(page)).toBe('cari-pasien');
      const register = await call<{ rows: RegisterRow[] }>('register.daily', { date: today });
      expect(register.rows.filter((r) => r.rmNumber === '000123')).toHaveLength(2);
    }));

  it('creates a new patient from KTP data, with NIK decoding and duplicate warnings, and registers the visit', () =>
    problems.allowWhile(EXPECTED_REFUSALS, async () => {
      await page.keyboard.press('F3');
      await page.getByRole('form', { name: 'Pasien baru' }).waitFor();
      expect(await focusedLabel(page)).toBe('NIK');

      // 15 digits: the precise reason once the clerk leaves the field.
      await page.keyboard.type('330212540385000');
      await page.getByText('15 dari 16 angka').waitFor();
      await page.keyboard.press('Tab');
      await page.locator('.field-error', { hasText: 'NIK harus 16 angka (tertulis 15)' }).waitFor();

      // Someone else's NIK: blocked, that patient offered.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('3302125203850002');
      const blocked = page.locator('.pf-dup.note-error');
      await blocked.locator('.pf-dup-row', { hasText: 'Siti Aminah' }).waitFor();
      await blocked.getByRole('button', { name: /Pakai pasien ini/ }).waitFor();
      expect(await page.getByRole('button', { name: 'Simpan pasien baru' }).isDisabled()).toBe(true);

      // The new patient's own NIK: a woman (day 54 = 14 + 40) born 14 March 1985, issued in Sokaraja.
      await page.keyboard.press('Control+A');
      await page.keyboard.type('3302125403850007');
      const decoded = page.getByTestId('nik-terbaca');
      await decoded.getByText('14 Mar 1985').waitFor();
      await decoded.getByText('Sokaraja, KABUPATEN BANYUMAS, JAWA TENGAH').waitFor();
      await expect.poll(() => page.locator('input[name="birthDate"]').inputValue()).toBe('1985-03-14');
      expect(await page.locator('select[name="sex"]').inputValue()).toBe('P');
      await blocked.waitFor({ state: 'detached' });

      await page.keyboard.press('Tab');
      expect(await focusedLabel(page)).toMatch(/^Nama lengkap/);
      await page.keyboard.type('Siti Aminah');
      // Same name, born two days apart from patient 000124: a warning with "Pakai pasien ini".
      const similar = page.locator('.pf-dup.note-warn');
      await similar.getByText('000124').waitFor();
      await similar.getByRole('button', { name: /Pakai pasien ini/ }).waitFor();

      await tabTo(page, 'Tempat lahir');
      await page.keyboard.type('Banyumas');
      await tabTo(page, 'Alamat');
      await page.keyboard.type('Jl. Kenanga No. 7');
      await tabTo(page, 'RT');
      await page.keyboard.type('3');
      await tabTo(page, 'RW');
      await page.keyboard.type('5');
      await tabTo(page, 'Desa/Kelurahan');
      await page.keyboard.type('sokaraja');
      const options = page.getByRole('listbox', { name: 'Pilihan desa/kelurahan' }).getByRole('option');
      await options.nth(1).waitFor();
      expect(await options.first().innerText()).toContain('Sokaraja Kulon');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.getByText('Sokaraja Wetan, Sokaraja, KABUPATEN BANYUMAS, JAWA TENGAH').waitFor();
      await tabTo(page, 'Agama');
      await page.keyboard.press('I'); // Islam
      await tabTo(page, 'Pekerjaan');
      await page.keyboard.type('Pedagang');
      await tabTo(page, 'Telepon / HP');
      await page.keyboard.type('0812-2233-4455');
      await expectNoSidewaysScroll(page);
      await shot(page, '15-pasien-baru');

      // Save: the host refuses a similar name until the clerk confirms it is another person.
      await page.keyboard.press('Control+Enter');
      const refusal = page.locator('.pf-confirm');
      await refusal.getByText('Mungkin pasien ini sudah terdaftar').waitFor();
      const yes = refusal.getByRole('button', { name: /Ya, orang yang berbeda/ });
      await expect.poll(() => yes.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');

      // Straight to the registration panel for the new patient.
      await panel(page).getByRole('heading', { name: 'Siti Aminah' }).waitFor();
      await panel(page)
        .getByText(/Pasien baru tersimpan: No\. RM 000001/)
        .waitFor();
      await panel(page).getByText('Pasien baru', { exact: true }).waitFor();
      await panel(page).getByText('Jl. Kenanga No. 7, RT 003/RW 005, Sokaraja Wetan').waitFor();
      const payer = page.getByLabel('Penjamin (Alt+P)');
      await expect.poll(() => payer.evaluate((el) => el === document.activeElement)).toBe(true);

      // The new patient's kartu berobat: Alt+C shows it as it prints; Esc goes back to the form.
      await page.keyboard.press('Alt+C');
      const preview = page.getByRole('dialog', { name: 'Cetak kartu berobat' });
      await preview.waitFor();
      const card = page.frameLocator('iframe[title^="Pratinjau Kartu berobat"]');
      await card.getByText('000001').first().waitFor();
      expect((await card.locator('body').innerText()).replace(/\s+/g, ' ')).toContain('Nama Siti Aminah (P) Tgl. lahir 14 Maret 1985');
      await expect.poll(() => preview.getByTestId('cetak').evaluate((el) => el === document.activeElement)).toBe(true);
      await shot(page, '23-cetak-kartu');
      await page.keyboard.press('Escape');
      await preview.waitFor({ state: 'detached' });
      await panel(page).getByRole('heading', { name: 'Siti Aminah' }).waitFor();
      await expect.poll(() => payer.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await payer.inputValue()).toBe('umum');
      await panel(page).getByText('Belum bayar Rp 10.000 sampai kasir menandai lunas.').waitFor();
      await page.keyboard.press('Enter');
      await done(page).getByText('Siti Aminah').waitFor();
      // A pasien umum: the kwitansi opens by itself and Enter prints it (the browser's dialog here).
      const receipt = page.getByRole('dialog', { name: 'Cetak kwitansi' });
      await receipt.waitFor();
      const kwitansi = page.frameLocator('iframe[title^="Pratinjau Kwitansi"]');
      await kwitansi.getByText('Sepuluh ribu rupiah', { exact: false }).waitFor();
      expect(await kwitansi.locator('body').innerText()).not.toContain('SALINAN');
      await expect.poll(() => receipt.getByTestId('cetak').evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await receipt.waitFor({ state: 'detached' });
      const doneText = (await done(page).innerText()).replace(/\s+/g, ' ');
      expect(doneText).toContain('(000001) terdaftar ke Poli Umum');
      expect(doneText).toContain('Umum');
      expect(doneText).toContain('pasien baru');
      expect(doneText).toContain('Belum bayar Rp 10.000');
      expect(doneText).toMatch(/Dialog cetak kwitansi .* sudah dibuka/);
      expect(doneText).toContain('Cetak salinan kwitansi (Alt+W)');
      await expect.poll(() => focusedId(page)).toBe('cari-pasien');
      // A reprint is marked SALINAN.
      await page.keyboard.press('Alt+W');
      const copy = page.getByRole('dialog', { name: 'Cetak salinan kwitansi' });
      await copy.waitFor();
      await page.frameLocator('iframe[title^="Pratinjau Kwitansi"]').getByText('SALINAN').waitFor();
      await page.keyboard.press('Escape');
      await copy.waitFor({ state: 'detached' });
      await expect.poll(() => focusedId(page)).toBe('cari-pasien');

      const register = await call<{ rows: RegisterRow[] }>('register.daily', { date: today });
      expect(register.rows.find((r) => r.rmNumber === '000001')).toMatchObject({
        payer: 'umum',
        pasienBaru: true,
        cluster: 'klaster3',
        sex: 'P',
        birthDate: '1985-03-14',
      });
    }));

  it('corrects a patient from the panel', async () => {
    await page.keyboard.type('000124');
    await page.locator('#hasil-pasien tbody tr', { hasText: 'Siti Aminah' }).waitFor();
    await page.keyboard.press('Enter');
    await panel(page).getByRole('heading', { name: 'Siti Aminah' }).waitFor();
    await page.keyboard.press('Alt+E');
    await page.getByRole('form', { name: 'Koreksi data pasien' }).waitFor();
    await tabTo(page, 'Telepon / HP', 30);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('+62 813 1111 2222');
    await page.keyboard.press('Control+Enter');
    await panel(page).getByText('Data pasien sudah dikoreksi.').waitFor();
    await panel(page).getByText('081311112222').waitFor();
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'detached' });
    await clearSearch(page);
  });

  it('schedules a control appointment, checks it in and cancels another', async () => {
    await page.keyboard.type('slamet');
    await page.locator('#hasil-pasien tbody tr', { hasText: 'Slamet Riyadi' }).waitFor();
    await page.keyboard.press('Enter');
    await panel(page).getByRole('heading', { name: 'Slamet Riyadi' }).waitFor();
    await page.getByLabel('Penjamin (Alt+P)').waitFor();
    // A lansia goes to Poli Lansia.
    expect(await page.getByLabel('Unit tujuan (Alt+U)').locator('option:checked').textContent()).toBe('Poli Lansia');

    await page.keyboard.press('Alt+J');
    await page.getByRole('form', { name: 'Jadwal kontrol' }).waitFor();
    expect(await focusedLabel(page)).toMatch(/^Tanggal kontrol/);
    // The date field types in the browser's order (dd/mm or mm/dd); the quick choices do not depend on it.
    await tabTo(page, 'Hari ini');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel(/^Tanggal kontrol/).inputValue()).toBe(today);
    await tabTo(page, 'Catatan');
    await page.keyboard.type('Kontrol tekanan darah');
    await page.keyboard.press('Enter');
    await panel(page)
      .getByText(/Jadwal kontrol .* ke Poli Lansia tersimpan\./)
      .waitFor();
    // Back in the visit form, which now knows the appointment.
    await panel(page)
      .getByText(/Jadwal kontrol hari ini ke Poli Lansia \(Kontrol tekanan darah\)/)
      .waitFor();
    // Scheduling again shows what the patient already has ahead.
    await page.keyboard.press('Alt+J');
    await panel(page)
      .getByTestId('jadwal-pasien')
      .getByText(/ke Poli Lansia/)
      .waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('form', { name: 'Jadwal kontrol' }).waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'detached' });

    // Another appointment tomorrow, made at another counter.
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const other = await call<Appointment>('appointments.create', {
      patientId: ids.get('000124')!,
      unitId: (await unitId('KIA'))!,
      date: tomorrow,
      note: 'Kontrol KB',
    });

    await clearSearch(page);
    const list = page.getByRole('table', { name: 'Jadwal kontrol' });
    const slamet = list.locator('tr', { hasText: 'Slamet Riyadi' });
    await slamet.getByText('Hari ini').waitFor();
    await list.locator('tr', { hasText: 'Kontrol KB' }).getByText('Besok').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, '17-jadwal-kontrol');

    // F4 → the first button of the list: today's check-in.
    await page.keyboard.press('F4');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Daftarkan');
    await page.keyboard.press('Enter');
    await panel(page).getByRole('heading', { name: 'Slamet Riyadi' }).waitFor();
    await panel(page)
      .getByText(/pendaftaran ini mencatat kehadirannya/)
      .waitFor();
    const payer = page.getByLabel('Penjamin (Alt+P)');
    await expect.poll(() => payer.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await done(page).getByText('Slamet Riyadi').waitFor();
    const doneText = (await done(page).innerText()).replace(/\s+/g, ' ');
    expect(doneText).toContain('terdaftar ke Poli Lansia');
    expect(doneText).toContain('jadwal kontrol hadir');
    // Pasien umum: the kwitansi preview opened by itself; Esc leaves it unprinted for now.
    const receipt = page.getByRole('dialog', { name: 'Cetak kwitansi' });
    await receipt.waitFor();
    await page.keyboard.press('Escape');
    await receipt.waitFor({ state: 'detached' });
    expect((await done(page).innerText()).replace(/\s+/g, ' ')).toContain('Cetak kwitansi (Alt+W)');
    await slamet.getByText('Hadir').waitFor();
    const appointments = await call<Appointment[]>('appointments.list', {});
    expect(appointments.find((a) => a.patient.rmNumber === '000125')).toMatchObject({ status: 'hadir', date: today });
    expect(appointments.find((a) => a.patient.rmNumber === '000125')?.visitId).not.toBeNull();

    // Cancel tomorrow's: F4 lands on its only button; Enter asks, Enter again cancels.
    await page.keyboard.press('F4');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Batalkan');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Yakin batalkan? (Enter)' }).waitFor();
    await page.keyboard.press('Enter');
    await list.locator('tr', { hasText: 'Kontrol KB' }).waitFor({ state: 'detached' });
    expect((await call<Appointment[]>('appointments.list', { includeCancelled: true })).find((a) => a.id === other.id)?.status).toBe('batal');
  });

  it('edits tariffs in Pengaturan → Tarif', async () => {
    await page.keyboard.press('Alt+7');
    await page.locator('h1#screen-title', { hasText: 'Pengaturan' }).waitFor();
    await page.keyboard.press('Alt+T');
    await page.keyboard.press('Home');
    await page.getByRole('tab', { name: 'Profil Puskesmas', selected: true }).waitFor();
    const names = await page.getByRole('tab').allTextContents();
    expect(names).toContain('Tarif');
    for (const name of names.slice(1, names.indexOf('Tarif') + 1)) {
      await page.keyboard.press('ArrowRight');
      await page.getByRole('tab', { name, selected: true }).waitFor();
    }
    await page.getByRole('cell', { name: 'KARCIS', exact: true }).waitFor();
    await page.keyboard.press('Alt+N');
    await expect.poll(() => focusedLabel(page)).toBe('Kode');
    await page.keyboard.type('gigi-cabut');
    await page.keyboard.press('Tab');
    await page.keyboard.type('25.000');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Pencabutan gigi susu');
    await page.keyboard.press('Enter');
    await page.getByText('Data tarif “Pencabutan gigi susu” tersimpan.').waitFor();
    await page.getByRole('cell', { name: 'GIGI-CABUT' }).waitFor();
    await page.getByRole('cell', { name: '25.000' }).waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, '18-pengaturan-tarif');
    const tariffs = await call<{ code: string; amount: number }[]>('tariffs.list');
    expect(tariffs.find((t) => t.code === 'GIGI-CABUT')?.amount).toBe(25_000);
  });
});

async function unitId(code: string): Promise<number | undefined> {
  return (await call<{ id: number; code: string }[]>('units.list')).find((u) => u.code === code)?.id;
}
