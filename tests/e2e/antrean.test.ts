/**
 * The queue end to end in real Chromium against a real host: the kiosk issues a ticket, the
 * counter console calls it by keyboard, the waiting-room display (another browser context)
 * shows the number and the spoken sentence; skip, hold, recall and transfer by keyboard; the
 * called ticket becomes a registered visit linked to it; a poli calls its own queue; the daily
 * cap; and a real `serve` process restarted under the display and the kiosk.
 * Screenshots: see tests/helpers/browser.ts (LOKET_SCREENSHOTS=1).
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Counter, OutputOf, Service, Unit } from '../../src-main/contract';
import { insertPatients } from '../../src-main/db/repositories/patients';
import { nameKey } from '../../src-main/domain/nama';
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
import { adminToken, httpHost, tempDir, type HttpHost } from '../helpers/host';
import { decodeEscPos } from '../helpers/escpos-decoder';
import { closedPort, simulatedPrinter } from '../helpers/printer';
import { startProcess, type RunningProcess } from '../helpers/process';

const ADMIN_PASSWORD = 'rahasia-admin-1';
const PUSKESMAS = 'Puskesmas Sokaraja I';
/** What a browser logs while the host is away. */
const OFFLINE =
  /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|ERR_INCOMPLETE_CHUNKED_ENCODING|ERR_NETWORK_CHANGED|Failed to load resource|Failed to fetch/;

let h: HttpHost;
let token: string;
let browser: Browser;
let shots: string;
const watched: PageProblems[] = [];
let services: Service[];
let units: Unit[];

async function call<T>(method: string, input: unknown = {}, url = h.url, bearer: string | null = token): Promise<T> {
  const response = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.value;
}

async function openPage(viewport = LAPTOP): Promise<{ page: Page; problems: PageProblems }> {
  const context = await newContext(browser, viewport);
  const page = await context.newPage();
  const problems = watchProblems(page);
  watched.push(problems);
  return { page, problems };
}

async function shot(p: Page, name: string): Promise<void> {
  await p.evaluate(() => document.fonts.ready);
  await p.screenshot({ path: join(shots, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

async function expectNoSidewaysScroll(p: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await horizontalOverflow(p);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

async function login(p: Page, url = h.url): Promise<void> {
  await p.goto(`${url}/`);
  await p.getByRole('heading', { name: 'Masuk' }).waitFor();
  await p.keyboard.type('admin');
  await p.keyboard.press('Tab');
  await p.keyboard.type(ADMIN_PASSWORD);
  await p.keyboard.press('Enter');
  await p.getByRole('navigation', { name: 'Menu utama' }).waitFor();
}

const serviceId = (code: string) => services.find((s) => s.code === code)!.id;
const unitOf = (code: string) => units.find((u) => u.code === code)!;

type Board = OutputOf<'queue.board'>;
type State = OutputOf<'queue.state'>;

const current = (p: Page) => p.getByTestId('kode-sekarang');
const message = (p: Page) => p.getByTestId('pesan-antrean');
const tvCall = (p: Page) => p.getByTestId('panggilan-sekarang');

async function ticketRow(code: string) {
  return h.host.ctx.db.selectFrom('queue_ticket').select(['status', 'visit_id', 'counter_id']).where('code', '=', code).executeTakeFirstOrThrow();
}

describe('Antrean: kiosk, counter console and waiting-room display in Chromium', () => {
  const root = resolve(import.meta.dirname, '..', '..');
  const serveJs = join(root, 'out', 'main', 'serve.js');
  const urlLine = /Loket berjalan di (http:\/\/127\.0\.0\.1:\d+)/;
  const started: RunningProcess[] = [];
  let data: string | undefined;
  let clerk: Page;
  let tv: Page;
  let kiosk: Page;
  let kioskProblems: PageProblems;

  beforeAll(async () => {
    const rendererDir = ensureRendererBuilt();
    h = await httpHost({ rendererDir });
    token = await adminToken(h, ADMIN_PASSWORD);
    await call('settings.update', {
      puskesmas: { name: PUSKESMAS, address: 'Jl. Jenderal Soedirman No. 1, Sokaraja' },
      runningText: 'Selamat datang. Siapkan kartu berobat atau KTP Anda sebelum dipanggil.',
    });
    services = await call<Service[]>('services.list');
    units = await call<Unit[]>('units.list');
    // A poli open all day, so the transfer does not depend on the hour the suite runs.
    const gigi = unitOf('GIGI');
    await call('units.save', { id: gigi.id, code: gigi.code, name: gigi.name, cluster: gigi.cluster, closingTime: null });
    const at = new Date().toISOString();
    await insertPatients(h.host.ctx.db, [
      {
        rm_number: '000321',
        name: 'Sri Wahyuni',
        name_key: nameKey('Sri Wahyuni'),
        sex: 'P',
        birth_place: 'Banyumas',
        birth_date: '1979-04-21',
        nik: '3302126104790001',
        bpjs_number: '0001234567891',
        payer_default: 'bpjs',
        phone: '081234567811',
        address_street: 'Jl. Merdeka No. 9',
        rt: '001',
        rw: '002',
        village_code: null,
        created_at: at,
        updated_at: at,
      },
      {
        rm_number: '000322',
        name: 'Bambang Triyono',
        name_key: nameKey('Bambang Triyono'),
        sex: 'L',
        birth_place: 'Banyumas',
        birth_date: '1968-09-02',
        nik: '3302120209680002',
        bpjs_number: null,
        payer_default: 'umum',
        phone: '081234567812',
        address_street: 'Jl. Merdeka No. 11',
        rt: '001',
        rw: '002',
        village_code: null,
        created_at: at,
        updated_at: at,
      },
    ]);
    browser = await launchBrowser();
    shots = screenshotDir(tempDir('loket-shots-'));
    ({ page: clerk } = await openPage());
    ({ page: tv } = await openPage(FULL_HD));
    ({ page: kiosk, problems: kioskProblems } = await openPage());
  });

  afterAll(async () => {
    for (const p of started) await p.stop('SIGKILL');
    if (data) rmSync(data, { recursive: true, force: true });
    await browser?.close();
    await h?.cleanup();
    if (shots && !shots.endsWith('docs/screenshots')) rmSync(shots, { recursive: true, force: true });
  });

  afterEach(() => {
    // No console error and no uncaught exception on any page, ever.
    expect(watched.flatMap((w) => w.list)).toEqual([]);
  });

  it('kiosk issues a ticket, the counter calls it by keyboard, the display shows number and caption', async () => {
    await tv.goto(`${h.url}/display`);
    await tv.getByRole('heading', { name: PUSKESMAS }).waitFor();
    await tv.getByText('Belum ada panggilan').waitFor();
    // Browsers keep a page silent until someone clicks: once, on the TV.
    await tv.getByRole('button', { name: 'Aktifkan suara' }).click();
    await tv.getByRole('button', { name: 'Aktifkan suara' }).waitFor({ state: 'detached' });
    expect(await tv.evaluate(() => localStorage.getItem('loket.suara'))).toBe('aktif');
    // The date in Indonesian, as the clerk's status bar writes it.
    expect(await tv.getByTestId('tanggal').textContent()).toMatch(/^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} [A-Z][a-z]+ \d{4}$/);

    // Kiosk: one button per active service with its queue; a touch takes a number.
    await kiosk.goto(`${h.url}/kiosk`);
    await kiosk.getByRole('heading', { name: PUSKESMAS }).waitFor();
    const buttons = kiosk.locator('.kiosk-button');
    await buttons.nth(2).waitFor();
    expect((await kiosk.locator('.kiosk-service').allInnerTexts()).map((s) => s.trim())).toEqual([
      'Umum / BPJS',
      'Lansia, Disabilitas, Ibu Hamil',
      'Ibu dan Anak',
    ]);
    await expectNoSidewaysScroll(kiosk);
    await shot(kiosk, '30-kios-antrean');
    await buttons.filter({ hasText: 'Umum / BPJS' }).click();
    await kiosk.getByTestId('kiosk-nomor').filter({ hasText: 'A001' }).waitFor();
    expect(await kiosk.getByTestId('kiosk-di-depan').textContent()).toBe('0 orang');
    // No ticket printer on the host: the kiosk's browser prints the HTML karcis itself.
    await kiosk.getByTestId('kiosk-cetak').getByText('Silakan ambil karcis Anda.').waitFor();
    await shot(kiosk, '31-kios-nomor');

    // A second patient, lansia: the priority group first, then the service.
    await kiosk.getByRole('button', { name: /Selesai/ }).click();
    await kiosk.getByRole('button', { name: /^Lansia/ }).click();
    expect(await kiosk.getByRole('button', { name: /^Lansia/ }).getAttribute('aria-pressed')).toBe('true');
    await buttons.filter({ hasText: 'Umum / BPJS' }).click();
    await kiosk.getByTestId('kiosk-nomor').filter({ hasText: 'A002' }).waitFor();
    await kiosk.getByText('prioritas lansia').waitFor();
    // And back to the start by itself.
    await kiosk.locator('.kiosk-button').first().waitFor({ timeout: 20_000 });
    expect(await kiosk.getByRole('button', { name: /^Lansia/ }).getAttribute('aria-pressed')).toBe('false');

    // Counter console: this host PC has no loket number, so the clerk picks loket 1 (kept in this browser).
    await call('workstation.update', { counterNumber: null });
    await login(clerk);
    await clerk.keyboard.press('Alt+1');
    await clerk.getByRole('heading', { name: 'Pilih loket atau poli' }).waitFor();
    await clerk.getByRole('button', { name: 'Loket 1', exact: true }).click();
    await clerk.getByText('Memanggil sebagai Loket 1.').waitFor();
    const waiting = clerk.getByRole('table', { name: 'Daftar tunggu' });
    await waiting.locator('tbody tr').nth(1).waitFor();
    // Priority first (the default policy): the lansia ticket leads the list, marked.
    const rows = await waiting.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/^A002\s+Umum \/ BPJS\s+Lansia/);
    expect(rows[1]).toMatch(/^A001\s+Umum \/ BPJS/);

    const started = Date.now();
    await clerk.keyboard.press('F6');
    await tvCall(tv).filter({ hasText: 'A002' }).waitFor({ timeout: 3000 });
    const shownAfterMs = Date.now() - started;
    console.log(`Antrean e2e: F6 di konsol → nomor tampil di layar tunggu dalam ${shownAfterMs} ms`);
    expect(await tvCall(tv).innerText()).toContain('Loket 1');
    expect(await tv.getByTestId('teks-panggilan').textContent()).toBe('Nomor antrean A dua, silakan menuju loket satu');
    await expect.poll(() => tvCall(tv).getAttribute('class')).toContain('tv-call-new');
    // The voice: chime, then the sentence from the shipped clips, on one audio clock.
    const tvRoot = tv.locator('.tv');
    await expect.poll(() => tvRoot.getAttribute('data-suara'), { timeout: 15_000 }).toBe('klip');
    expect(await tvRoot.getAttribute('data-suara-klip')).toBe('bel nomor-antrean huruf-a dua silakan-menuju loket satu');
    expect(await current(clerk).textContent()).toBe('A002');
    await message(clerk).getByText('A002 dipanggil ke Loket 1.').waitFor();

    // Next: A002 is finished by the host, A001 is called.
    await clerk.keyboard.press('F6');
    await current(clerk).filter({ hasText: 'A001' }).waitFor();
    await tvCall(tv).filter({ hasText: 'A001' }).waitFor();
    await tv.locator('.tv-log-row', { hasText: 'A002' }).waitFor();
    expect((await ticketRow('A002')).status).toBe('selesai');
    await expectNoSidewaysScroll(clerk);
    await expectNoSidewaysScroll(tv);
    await shot(tv, '33-layar-tunggu-1920');
    // The display never shows a patient's name, RM or NIK.
    expect(await tv.locator('body').innerText()).not.toMatch(/Sri Wahyuni|Bambang|000321|3302126104790001/);
  });

  it('skips, holds, recalls and transfers by keyboard', async () => {
    for (let i = 0; i < 3; i++) await call('queue.issueTicket', { serviceId: serviceId('UMUM') }, h.url, null);
    // A001 is at loket 1. F8: not here (skipped); F6 calls A003.
    await clerk.keyboard.press('F8');
    await message(clerk)
      .getByText(/A001 dilewati/)
      .waitFor();
    const parked = clerk.getByRole('table', { name: 'Nomor ditahan atau dilewati' });
    await parked.getByRole('cell', { name: 'A001', exact: true }).waitFor();
    await clerk.keyboard.press('F6');
    await current(clerk).filter({ hasText: 'A003' }).waitFor();
    await clerk.getByRole('table', { name: 'Daftar tunggu' }).getByRole('cell', { name: 'A005', exact: true }).waitFor();
    await shot(clerk, '32-konsol-antrean');
    // Alt+H: held (completing documents); F6 calls A004.
    await clerk.keyboard.press('Alt+H');
    await message(clerk)
      .getByText(/A003 ditahan/)
      .waitFor();
    await parked.getByRole('cell', { name: 'A003', exact: true }).waitFor();
    await clerk.keyboard.press('F6');
    await current(clerk).filter({ hasText: 'A004' }).waitFor();
    // F7: called again; the display shows the recall as a new call.
    await clerk.keyboard.press('F7');
    await message(clerk).getByText('A004 dipanggil ulang ke Loket 1.').waitFor();
    await tvCall(tv).filter({ hasText: 'A004' }).waitFor();

    // Alt+S: A004 served. The held A003 comes back: its button in the list, by keyboard.
    await clerk.keyboard.press('Alt+S');
    await message(clerk).getByText('A004 selesai dilayani.').waitFor();
    expect((await ticketRow('A004')).status).toBe('selesai');
    await clerk.getByRole('button', { name: 'Panggil ulang A003' }).focus();
    await clerk.keyboard.press('Enter');
    await current(clerk).filter({ hasText: 'A003' }).waitFor();
    await tvCall(tv).filter({ hasText: 'A003' }).waitFor();

    // Alt+A: transfer A003 to the dental poli's queue; ↓ to choose, Enter to move.
    await clerk.keyboard.press('Alt+A');
    const dialog = clerk.getByRole('dialog', { name: 'Alihkan A003' });
    await dialog.waitFor();
    await expect.poll(() => clerk.evaluate(() => document.activeElement?.id)).toBe('tujuan-alihkan');
    const target = await dialog.locator('option', { hasText: 'Poli Gigi dan Mulut' }).getAttribute('value');
    for (let i = 0; i < 20 && (await dialog.locator('select').inputValue()) !== target; i++) await clerk.keyboard.press('ArrowDown');
    await clerk.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const gigi = await call<State>('queue.state', { unitId: unitOf('GIGI').id });
    expect(gigi.waiting).toHaveLength(1);
    const moved = gigi.waiting[0]!;
    expect(moved).toMatchObject({ transferredFromCode: 'A003', laneName: 'Poli Gigi dan Mulut' });
    await message(clerk).getByText(`A003 dialihkan ke Poli Gigi dan Mulut dengan nomor ${moved.code}.`).waitFor();
    expect((await ticketRow('A003')).status).toBe('dialihkan');

    // Nothing called here now; A001 (skipped) is still there to recall.
    await clerk.getByText('Belum ada nomor yang dipanggil di Loket 1.').waitFor();
    await parked.getByRole('cell', { name: 'A001', exact: true }).waitFor();
    await clerk.keyboard.press('F1');
    const help = clerk.getByRole('dialog', { name: 'Pintasan keyboard' });
    const helpText = await help.innerText();
    // F1 lists the console's keys that work now: calling, not skipping a ticket that is not there.
    expect(helpText).toContain('Panggil nomor antrean berikutnya');
    expect(helpText).not.toContain('Lewati nomor ini');
    await clerk.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('a called ticket leads to a registered visit linked to it', async () => {
    await call('queue.issueTicket', { serviceId: serviceId('UMUM') }, h.url, null);
    await clerk.keyboard.press('F6');
    const code = (await current(clerk).textContent())!;
    expect(code).toMatch(/^A0\d\d$/);
    await clerk.getByText('Kunjungan yang didaftarkan berikutnya ditautkan ke nomor ini, lalu nomor ini selesai.').waitFor();
    // Alt+2: Pendaftaran, with the ticket in the queue bar.
    await clerk.keyboard.press('Alt+2');
    const bar = clerk.getByTestId('bar-antrean');
    await bar.getByText(code, { exact: true }).waitFor();
    await bar.getByText('Kunjungan yang didaftarkan berikutnya ditautkan ke nomor ini.').waitFor();
    await expect.poll(() => clerk.evaluate(() => document.activeElement?.id)).toBe('cari-pasien');
    await shot(clerk, '35-pendaftaran-dengan-tiket');
    // Scan the card, confirm the BPJS faskes, register.
    await clerk.keyboard.type('000321', { delay: 4 });
    await clerk.keyboard.press('Enter');
    const confirm = clerk.getByRole('checkbox', { name: /Faskes terdaftar di puskesmas ini/ });
    await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    await clerk.keyboard.press('Space');
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('pendaftaran-selesai').waitFor();
    const row = await ticketRow(code);
    expect(row.status).toBe('selesai');
    expect(row.visit_id).not.toBeNull();
    // The bar has no ticket any more; F6 from Pendaftaran calls the next one.
    await bar.getByText(/belum ada nomor yang dipanggil/).waitFor();
    // The visit joined the poli queue of its unit.
    const umum = await call<State>('queue.state', { unitId: unitOf('UMUM').id });
    expect(umum.waiting.map((t) => t.visit?.id)).toContain(row.visit_id);
  });

  it('a poli calls its own queue: names for the staff, the number and the poli on the display', async () => {
    await clerk.keyboard.press('Alt+1');
    await clerk.getByLabel('Memanggil sebagai').selectOption({ label: 'Poli Umum' });
    await clerk.getByText('Memanggil antrean Poli Umum.').waitFor();
    const waiting = clerk.getByRole('table', { name: 'Daftar tunggu' });
    await waiting.getByText('Sri Wahyuni').waitFor();
    await clerk.keyboard.press('F6');
    const code = (await current(clerk).textContent())!;
    expect(code).toMatch(/^[A-Z]{1,3}\d{3}$/);
    await clerk.getByTestId('tiket-sekarang').getByText('Sri Wahyuni').waitFor();
    await tvCall(tv).filter({ hasText: code }).waitFor();
    expect(await tvCall(tv).innerText()).toContain('Poli Umum');
    expect(await tv.getByTestId('teks-panggilan').textContent()).toMatch(/silakan menuju poli umum$/);
    expect(await tv.locator('body').innerText()).not.toContain('Sri Wahyuni');
    // Back to the loket for the other tests.
    await clerk.getByLabel('Memanggil sebagai').selectOption({ label: 'Loket 1' });
    await clerk.getByText('Memanggil sebagai Loket 1.').waitFor();
  });

  it('shows the display at 1366×768 and the kiosk says when a service is full', async () => {
    const { page: small } = await openPage(LAPTOP);
    await small.goto(`${h.url}/display`);
    await tvCall(small).waitFor();
    await small.locator('.tv-log-row').first().waitFor();
    await expectNoSidewaysScroll(small);
    await shot(small, '34-layar-tunggu-1366');
    await small.context().close();

    const kia = services.find((s) => s.code === 'KIA')!;
    await call('queue.issueTicket', { serviceId: kia.id }, h.url, null);
    await call('services.save', { id: kia.id, code: kia.code, name: kia.name, prefix: kia.prefix, dailyCap: 1 });
    const full = kiosk.locator('.kiosk-button', { hasText: 'Ibu dan Anak' });
    await full.getByText('Kuota hari ini sudah habis').waitFor();
    expect(await full.isDisabled()).toBe(true);
    // The host refuses too, with a clear message and no ticket.
    const refused = await h.call('queue.issueTicket', { serviceId: kia.id });
    expect(refused.body.ok).toBe(false);
    const board = await call<Board>('queue.board', {}, h.url, null);
    expect(board.services.find((s) => s.serviceId === kia.id)).toMatchObject({ issued: 1, full: true });
  });

  it('prints the karcis at the ticket printer set in Pengaturan, and says so when the printer fails', async () => {
    const printer = await simulatedPrinter();
    try {
      // Pengaturan → Komputer ini: the printer's address, Enter saves; Cetak uji sends a sample.
      await clerk.keyboard.press('Alt+7');
      await clerk.keyboard.press('Alt+T');
      await clerk.keyboard.press('ArrowRight');
      await clerk.getByRole('tab', { name: 'Komputer ini', selected: true }).waitFor();
      const address = clerk.getByLabel('Printer karcis antrean');
      await address.focus();
      await clerk.keyboard.type(`127.0.0.1:${printer.port}`);
      await clerk.keyboard.press('Enter');
      await clerk.getByText(/Pengaturan komputer tersimpan/).waitFor();
      // Stored in one spelling: a bare address is a network printer on port … as typed.
      expect((await call<{ printers: { ticket: string } }>('workstation.get')).printers.ticket).toBe(`tcp://127.0.0.1:${printer.port}`);
      await clerk.getByRole('button', { name: 'Cetak uji karcis' }).click();
      await clerk.getByText(`Contoh karcis dikirim ke 127.0.0.1:${printer.port}`, { exact: false }).waitFor();
      await expect.poll(() => printer.jobs.length).toBe(1);
      expect(decodeEscPos(printer.jobs[0]!).lines.map((l) => l.text)).toContain('CETAK UJI');

      await kiosk.locator('.kiosk-button', { hasText: 'Umum / BPJS' }).click();
      const code = (await kiosk.getByTestId('kiosk-nomor').textContent())!;
      await kiosk.getByTestId('kiosk-cetak').getByText('Karcis dicetak. Silakan ambil karcis Anda.').waitFor();
      await expect.poll(() => printer.jobs.length).toBe(2);
      expect(decodeEscPos(printer.jobs[1]!).lines.map((l) => l.text)).toContain(code);
      await kiosk.getByRole('button', { name: /Selesai/ }).click();
      // A lost karcis: the clerk prints it again from the waiting list, marked SALINAN.
      await clerk.keyboard.press('Alt+1');
      await clerk.getByRole('button', { name: `Cetak ulang karcis ${code}` }).click();
      await message(clerk).getByText(`Karcis ${code} (SALINAN) dikirim ke printer karcis`, { exact: false }).waitFor();
      await expect.poll(() => printer.jobs.length).toBe(3);
      expect(decodeEscPos(printer.jobs[2]!).lines.map((l) => l.text)).toContain('SALINAN');
    } finally {
      await printer.close();
    }
    // The printer is gone: the number still counts, and the kiosk says why there is no karcis.
    await kioskProblems.allowWhile(/status of 503 .*\/api\/documents\.queueTicket/, async () => {
      await kiosk.locator('.kiosk-button', { hasText: 'Umum / BPJS' }).click();
      const code = (await kiosk.getByTestId('kiosk-nomor').textContent())!;
      const failed = kiosk.getByTestId('kiosk-cetak');
      await failed.getByText(/^Karcis tidak dapat dicetak: /).waitFor();
      expect(await failed.textContent()).toContain(`Ingat nomor Anda: ${code}.`);
    });
    await kiosk.getByRole('button', { name: /Selesai/ }).click();
    await call('workstation.update', { printers: { ticket: null } });
  });

  it('changes the queue settings in Pengaturan → Antrean by keyboard', async () => {
    await clerk.keyboard.press('Alt+7');
    await clerk.keyboard.press('Alt+T');
    await clerk.keyboard.press('Home');
    await clerk.getByRole('tab', { name: 'Profil Puskesmas', selected: true }).waitFor();
    for (const name of ['Komputer ini', 'Unit', 'Layanan', 'Loket', 'Antrean']) {
      await clerk.keyboard.press('ArrowRight');
      await clerk.getByRole('tab', { name, selected: true }).waitFor();
    }
    await clerk.getByLabel('Panjang angka nomor tiket').waitFor();
    await clerk.keyboard.press('Tab');
    await expect
      .poll(() => clerk.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent))
      .toBe('Panjang angka nomor tiket');
    await clerk.keyboard.press('Control+A');
    await clerk.keyboard.type('7');
    await clerk.keyboard.press('Enter');
    await clerk.locator('.field-error', { hasText: 'Maksimal 5 angka' }).waitFor();
    await clerk.keyboard.press('Control+A');
    await clerk.keyboard.type('4');
    await clerk.getByLabel('Pasien prioritas').selectOption({ label: 'Satu prioritas setiap N panggilan' });
    await clerk.getByLabel('Satu prioritas setiap … panggilan').fill('3');
    await clerk.keyboard.press('Enter');
    await clerk.getByText('Pengaturan antrean tersimpan.', { exact: false }).waitFor();
    await clerk.getByText('Contoh: A0012', { exact: false }).waitFor();
    await expectNoSidewaysScroll(clerk);
    await shot(clerk, '37-pengaturan-antrean');
    const settings = await call<{ queue: { ticketWidth: number; priorityPolicy: string; priorityInterval: number } }>('settings.get');
    expect(settings.queue).toMatchObject({ ticketWidth: 4, priorityPolicy: 'selang', priorityInterval: 3 });
    // The next ticket has four digits.
    const issued = await call<{ ticket: { code: string } }>('queue.issueTicket', { serviceId: serviceId('PRIORITAS') }, h.url, null);
    expect(issued.ticket.code).toMatch(/^B\d{4}$/);
  });

  it('the display says it is disconnected, reconnects by itself and catches up; the kiosk waits and issues one ticket', async () => {
    const dataDir = tempDir('loket-antrean-serve-');
    data = dataDir;
    const port = await closedPort();
    const serve = () => {
      const p = startProcess(process.execPath, [serveJs, '--port', String(port), '--data', dataDir], root);
      started.push(p);
      return p;
    };
    let host = serve();
    const url = (await host.waitFor(urlLine))[1]!;
    const admin = await call<{ token: string }>('auth.setupAdmin', { username: 'admin', fullName: 'Admin', password: ADMIN_PASSWORD }, url, null);
    const umum = (await call<Service[]>('services.list', {}, url, null)).find((s) => s.code === 'UMUM')!;
    const loket2 = (await call<Counter[]>('counters.list', {}, url, null)).find((c) => c.number === 2)!;

    const { page: display, problems: displayProblems } = await openPage(FULL_HD);
    const { page: lanKiosk, problems: kioskProblems } = await openPage();
    await display.goto(`${url}/display`);
    await lanKiosk.goto(`${url}/kiosk`);
    await lanKiosk.locator('.kiosk-button', { hasText: 'Umum / BPJS' }).click();
    await lanKiosk.getByTestId('kiosk-nomor').filter({ hasText: 'A001' }).waitFor();
    await call('queue.callNext', { counterId: loket2.id }, url, admin.token);
    await tvCall(display).filter({ hasText: 'A001' }).waitFor();

    await displayProblems.allowWhile(OFFLINE, () =>
      kioskProblems.allowWhile(OFFLINE, async () => {
        expect(await host.stop('SIGTERM')).toBe(0);
        await display.locator('.tv-offline', { hasText: 'Terputus dari host' }).waitFor({ timeout: 15_000 });
        // The last number stays on screen (faded) while the host is away.
        expect(await tvCall(display).innerText()).toContain('A001');
        await shot(display, '36-layar-tunggu-terputus');
        // A patient touches the kiosk while the host is down: it waits instead of failing.
        await lanKiosk.getByRole('button', { name: /Selesai/ }).click();
        await lanKiosk.locator('.kiosk-button', { hasText: 'Umum / BPJS' }).click();
        await lanKiosk.getByTestId('kiosk-proses').getByText('Menghubungkan ulang…').waitFor({ timeout: 10_000 });

        host = serve();
        await host.waitFor(urlLine);
        await lanKiosk.getByTestId('kiosk-nomor').filter({ hasText: 'A002' }).waitFor({ timeout: 20_000 });
        await display.locator('.tv-offline').waitFor({ state: 'detached', timeout: 20_000 });
      }),
    );
    // One tap, one ticket: the lane issued exactly two today.
    const board = await call<Board>('queue.board', {}, url, null);
    expect(board.services.find((s) => s.serviceId === umum.id)?.issued).toBe(2);
    // The display caught up (reloaded the board) and takes live calls again.
    expect(await tvCall(display).innerText()).toContain('A001');
    await call('queue.callNext', { counterId: loket2.id }, url, admin.token);
    await tvCall(display).filter({ hasText: 'A002' }).waitFor();
    expect(await display.getByTestId('teks-panggilan').textContent()).toBe('Nomor antrean A dua, silakan menuju loket dua');
    await display.context().close();
    await lanKiosk.context().close();
  });
});
