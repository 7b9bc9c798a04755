/**
 * The records room after closing time, by keyboard: the Terlambat tab lists the folders still at
 * their units (with how long they have been out) and prints the list; the Inaktif tab moves a
 * batch of long-unused folders to inactive storage at once; a full folder gets a new volume
 * (Alt+B) and its label. The host's clock is set to the day's late afternoon.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Folder, PatientRecord, Unit } from '../../src-main/contract';
import { localDate } from '../../src-main/domain/waktu';
import { ensureRendererBuilt, launchBrowser, loginByKeyboard, newContext, watchProblems } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

/** Today in WIB (the browser's date too) at a wall-clock time. */
const today = localDate(new Date(), 'Asia/Jakarta');
const wib = (hhmm: string) => new Date(`${today}T${hhmm}:00+07:00`);

describe('Rekam Medis: late folders, inactive storage and volumes', () => {
  let h: HttpHost;
  let browser: Browser;
  let admin: string;
  let clock = wib('07:30');
  const patients: PatientRecord[] = [];
  const old: PatientRecord[] = [];

  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  const folderOf = async (p: PatientRecord) => (await ok<{ folder: Folder }>('folders.locate', { code: p.rmNumber })).folder;

  beforeAll(async () => {
    h = await httpHost({ rendererDir: ensureRendererBuilt(), now: () => clock });
    admin = await adminToken(h);
    await ok('users.create', { username: 'rm2', fullName: 'Rudi Perekam', role: 'rekam_medis', password: 'rahasia-rm-002' });
    const units = new Map((await ok<Unit[]>('units.list', {})).map((u) => [u.code, u]));
    // Two folders go out to their units in the morning and are still there after closing (14.00).
    for (const [name, unit, at] of [
      ['Sri Wahyuni', 'UMUM', '08:00'],
      ['Agus Salim', 'GIGI', '09:15'],
    ] as const) {
      clock = wib(at);
      const { patient } = await ok<{ patient: PatientRecord }>('patients.create', { ignoreSimilar: true, name, birthDate: '1975-04-02', sex: 'P' });
      patients.push(patient);
      await ok('visits.register', { patientId: patient.id, payer: 'umum', unitId: units.get(unit)!.id });
      clock = wib(at.replace(/:(\d+)/, (_, m: string) => `:${String(Number(m) + 5).padStart(2, '0')}`));
      await ok('folders.move', { folderId: (await folderOf(patient)).id, to: 'unit', unitId: units.get(unit)!.id, method: 'scan' });
    }
    // Three folders made years ago without a visit since: candidates for inactive storage.
    for (const name of ['Lama Satu', 'Lama Dua', 'Lama Tiga']) {
      const { patient } = await ok<{ patient: PatientRecord }>('patients.create', { ignoreSimilar: true, name, birthDate: '1940-01-01', sex: 'L' });
      old.push(patient);
      h.host.store.sqlite.prepare(`UPDATE folder SET created_at = '2015-01-01T00:00:00.000Z' WHERE id = ?`).run((await folderOf(patient)).id);
    }
    clock = wib('16:30');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  it('lists and prints the late folders, moves old ones to inactive storage and opens a new volume', async () => {
    const page = await (await newContext(browser)).newPage();
    const problems = watchProblems(page);
    await loginByKeyboard(page, h.url, 'rm2', 'rahasia-rm-002');
    await page.keyboard.press('Alt+3');
    await page.locator('h1#screen-title', { hasText: 'Rekam Medis' }).waitFor();

    // Terlambat (Alt+J): both folders, with their unit, closing time and time out (8.05 → 16.30 = 8 j 25 mnt).
    await page.keyboard.press('Alt+J');
    const late = page.getByRole('table', { name: 'Berkas terlambat' });
    const row = (p: PatientRecord) => late.locator('tr', { hasText: p.rmNumber });
    await row(patients[1]!).waitFor();
    expect(await late.locator('tbody tr').count()).toBe(2);
    expect(await row(patients[0]!).textContent()).toMatch(/Poli Umum.*tutup 14\.00.*8 j 25 mnt/);
    expect(await row(patients[1]!).textContent()).toMatch(/Poli Gigi dan Mulut.*7 j 10 mnt/);
    await page.getByRole('button', { name: 'Cetak daftar terlambat' }).click();
    const preview = page.getByRole('dialog', { name: 'Cetak daftar berkas terlambat' });
    await preview.getByTitle(/^Pratinjau/).waitFor();
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });

    // Inaktif (Alt+N): Alt+A picks the three shown, Alt+V moves them in one go.
    await page.keyboard.press('Alt+N');
    const inactive = page.getByRole('table', { name: 'Berkas inaktif' });
    await inactive.getByText(old[2]!.rmNumber).waitFor();
    await page.keyboard.press('Alt+A');
    await page.getByRole('button', { name: /Pindahkan 3 berkas ke rak inaktif/ }).waitFor();
    await page.keyboard.press('Alt+V');
    await page.getByText('3 berkas dipindah ke rak inaktif.').waitFor();
    for (const p of old) expect((await folderOf(p)).status).toBe('inaktif');

    // A full folder on the shelf: scan it, Alt+B, Enter keeps the old volume on the shelf; the
    // new volume's label opens in the print preview.
    await page.keyboard.press('Alt+T');
    const scanField = page.getByRole('textbox', { name: /Pindai No. RM/ });
    await scanField.focus();
    const { patient: thick } = await ok<{ patient: PatientRecord }>('patients.create', {
      ignoreSimilar: true,
      name: 'Tebal Sekali',
      birthDate: '1960-06-06',
      sex: 'P',
    });
    await page.keyboard.type(thick.rmNumber);
    await page.keyboard.press('Enter');
    await page.getByTestId('hasil-pindai').getByText(thick.rmNumber).waitFor();
    await page.keyboard.press('Alt+B');
    await page.getByRole('form', { name: 'Buka jilid baru' }).waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await page.keyboard.press('Enter');
    const label = page.getByRole('dialog', { name: 'Cetak label berkas jilid 2' });
    await label.getByTitle(/^Pratinjau/).waitFor();
    await page.keyboard.press('Escape');
    await label.waitFor({ state: 'detached' });
    await page.getByText(`Jilid 2 berkas ${thick.rmNumber} dibuka`, { exact: false }).waitFor();
    const current = await folderOf(thick);
    expect(current).toMatchObject({ volume: 2, volumes: 2, status: 'di_rak' });
    const first = (await ok<{ folder: Folder }>('folders.locate', { code: `${thick.rmNumber}/J1` })).folder;
    expect(first).toMatchObject({ volume: 1, status: 'di_rak' });
    expect(problems.list).toEqual([]);
  });
});
