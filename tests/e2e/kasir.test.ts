/**
 * Kasir and Dasbor in a real Chromium against a real host over HTTP: the kasir pays by keyboard
 * alone (↓, Enter, Enter → the kwitansi preview, Esc; Alt+W reprints SALINAN), and the Dasbor
 * of another session follows a registration live over SSE without reloading.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientRecord, Unit, Visit } from '../../src-main/contract';
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

let h: HttpHost;
let token: string;
let browser: Browser;
let shots: string;
let units: Unit[];
const visits: Visit[] = [];
let patientNo = 0;

async function call<T>(method: string, input: unknown = {}): Promise<T> {
  const { body } = await h.call<T>(method, input, token);
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.value;
}

async function register(name: string, unitCode = 'UMUM'): Promise<Visit> {
  const { patient } = await call<{ patient: PatientRecord }>('patients.create', {
    ignoreSimilar: true,
    name,
    birthDate: `198${patientNo}-02-1${patientNo++}`,
    sex: 'P',
  });
  return (
    await call<{ visit: Visit }>('visits.register', { patientId: patient.id, payer: 'umum', unitId: units.find((u) => u.code === unitCode)!.id })
  ).visit;
}

async function shot(p: Page, name: string): Promise<void> {
  await p.evaluate(() => document.fonts.ready);
  await p.screenshot({ path: join(shots, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

async function expectNoSidewaysScroll(p: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await horizontalOverflow(p);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

const receiptPrints = () =>
  h.host.store.sqlite.prepare('SELECT visit_id, copy FROM receipt_print ORDER BY id').all() as { visit_id: number; copy: number }[];

describe('Kasir and Dasbor in Chromium', () => {
  beforeAll(async () => {
    const rendererDir = ensureRendererBuilt();
    h = await httpHost({ rendererDir });
    token = await adminToken(h);
    units = await call<Unit[]>('units.list');
    await call('users.create', { username: 'kasir1', fullName: 'Kasir Satu', role: 'kasir', password: 'kasir1-rahasia' });
    visits.push(await register('Siti Rahayu'), await register('Bambang Wijaya', 'GIGI'));
    browser = await launchBrowser();
    shots = screenshotDir(tempDir('loket-kasir-shots-'));
  });

  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
    if (shots && !shots.endsWith('docs/screenshots')) rmSync(shots, { recursive: true, force: true });
  });

  it('the kasir pays by Enter and the kwitansi preview opens; Esc skips it; Alt+W reprints SALINAN', async () => {
    const page = await (await newContext(browser)).newPage();
    const problems: PageProblems = watchProblems(page);
    await loginByKeyboard(page, h.url, 'kasir1', 'kasir1-rahasia');
    await page.keyboard.press('Alt+8');
    await page.locator('h1#screen-title', { hasText: 'Kasir' }).waitFor();
    const rows = page.locator('.kasir-unpaid tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('kasir-list'))).toBe(true);

    // The second patient: ↓ then Enter asks, Enter pays.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => rows.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Terima pembayaran' });
    await confirm.getByText('Bambang Wijaya').waitFor();
    await confirm.getByText('Rp 10.000').waitFor();
    await shot(page, '70-kasir-bayar');
    await page.keyboard.press('Enter');

    // The kwitansi preview follows: Enter would print, Esc skips it.
    const preview = page.getByRole('dialog', { name: 'Cetak kwitansi' });
    await preview.locator('iframe').waitFor();
    expect(await preview.frameLocator('iframe').locator('body').innerText()).toMatch(/LUNAS[\s\S]*Kasir Satu/);
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
    await expect.poll(() => rows.count()).toBe(1);
    await page.locator('.kasir-paid tbody tr', { hasText: 'Bambang Wijaya' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('kasir-list'))).toBe(true);
    expect((await call<Visit>('visits.get', { id: visits[1]!.id })).paidAt).not.toBeNull();

    await page.keyboard.press('Alt+W');
    const copy = page.getByRole('dialog', { name: 'Cetak salinan kwitansi' });
    await copy.locator('iframe').waitFor();
    expect(await copy.frameLocator('iframe').locator('body').innerText()).toContain('SALINAN');
    await page.keyboard.press('Escape');
    await copy.waitFor({ state: 'detached' });
    expect(receiptPrints()).toEqual([
      { visit_id: visits[1]!.id, copy: 0 },
      { visit_id: visits[1]!.id, copy: 1 },
    ]);
    await expect.poll(() => page.getByTestId('kasir-total').innerText()).toMatch(/Rp 10\.000\s+1 pembayaran · 0 dibatalkan · 1 salinan/);
    await expectNoSidewaysScroll(page);
    await shot(page, '71-kasir');
    expect(problems.list).toEqual([]);
    await page.context().close();
  });

  it('the Dasbor follows a registration made in another session, without reloading', async () => {
    const page = await (await newContext(browser)).newPage();
    await loginByKeyboard(page, h.url, 'admin', 'rahasia-admin-1');
    await page.keyboard.press('Alt+6');
    await page.locator('h1#screen-title', { hasText: 'Laporan' }).waitFor();
    await page.getByRole('tab', { name: /Dasbor/ }).waitFor();
    const visitsNow = page.getByTestId('stat-kunjungan').locator('.stat-value');
    await expect.poll(() => visitsNow.textContent()).toBe('2');
    expect(await page.getByTestId('stat-kas').locator('.stat-value').textContent()).toBe('Rp 10.000');
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/dashboard.today')) requests.push(r.url());
    });

    await register('Dewi Anggraini', 'KIA');
    await expect.poll(() => visitsNow.textContent(), { timeout: 10_000 }).toBe('3');
    await page.locator('.bar-row', { hasText: 'Poli KIA / KB' }).waitFor();
    await page.getByTestId('dasbor-antrean').getByRole('cell', { name: 'Poli KIA / KB' }).waitFor();
    expect(await page.getByTestId('stat-menunggu').locator('.stat-value').textContent()).toBe('3');
    // One registration sends visits.changed and queue.changed: the two are coalesced into one refetch.
    await new Promise((r) => setTimeout(r, 1500));
    expect(requests.length).toBe(1);
    await expectNoSidewaysScroll(page);
    await shot(page, '72-dasbor');
    await page.context().close();
  });
});
