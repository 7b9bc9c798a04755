/**
 * The records clerk's desk in the browser, by keyboard alone: the pull list fills from today's
 * registrations, each folder is scanned out to its unit (scan, Enter) and leaves the list, comes
 * back (scan, Enter) to the completeness checklist (Enter: complete → shelf; unticked items →
 * back to the unit); an unknown RM is refused and "Di mana berkas?" shows the history.
 * Screenshots 40–44 with LOKET_SCREENSHOTS=1 (see tests/helpers/browser.ts).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletenessReview, FolderMovement, PatientRecord, Unit } from '../../src-main/contract';
import {
  ensureRendererBuilt,
  horizontalOverflow,
  launchBrowser,
  loginByKeyboard,
  newContext,
  screenshotDir,
  watchProblems,
} from '../helpers/browser';
import { adminToken, httpHost, tempDir, type HttpHost } from '../helpers/host';

describe('Rekam Medis: folders out and back by keyboard', () => {
  let h: HttpHost;
  let browser: Browser;
  let admin: string;
  let shots: string;
  let units: Map<string, Unit>;
  const patients: PatientRecord[] = [];

  async function ok<T>(method: string, input: unknown, token = admin): Promise<T> {
    const r = await h.call<T>(method, input, token);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  async function shot(p: Page, name: string): Promise<void> {
    await p.evaluate(() => document.fonts.ready);
    await p.screenshot({ path: join(shots, `${name}.png`), animations: 'disabled', caret: 'hide' });
  }

  beforeAll(async () => {
    h = await httpHost({ rendererDir: ensureRendererBuilt() });
    admin = await adminToken(h);
    shots = screenshotDir(tempDir('loket-shots-'));
    units = new Map((await ok<Unit[]>('units.list', {})).map((u) => [u.code, u]));
    await ok('users.create', { username: 'rm1', fullName: 'Rina Perekam', role: 'rekam_medis', password: 'rahasia-rm-001' });
    const people = [
      ['Siti Aminah', '1985-03-12', 'P', 'UMUM'],
      ['Budi Santoso', '1958-07-30', 'L', 'GIGI'],
      ['Dewi Lestari', '2001-05-20', 'P', 'KIA'],
    ] as const;
    for (const [name, birthDate, sex, unit] of people) {
      const { patient } = await ok<{ patient: PatientRecord }>('patients.create', { ignoreSimilar: true, name, birthDate, sex });
      patients.push(patient);
      await ok('visits.register', { patientId: patient.id, payer: 'umum', unitId: units.get(unit)!.id });
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.cleanup();
  });

  it('scans folders out and back, checks completeness, refuses an unknown RM and shows where a folder is', async () => {
    const page = await (await newContext(browser)).newPage();
    const problems = watchProblems(page);
    await loginByKeyboard(page, h.url, 'rm1', 'rahasia-rm-001');
    await page.keyboard.press('Alt+3');
    await page.locator('h1#screen-title', { hasText: 'Rekam Medis' }).waitFor();

    // The scan field has the focus; the pull list has the three registrations.
    const scanField = page.getByRole('textbox', { name: /Pindai No. RM/ });
    await expect.poll(() => scanField.evaluate((el) => el === document.activeElement)).toBe(true);
    const pull = page.getByRole('table', { name: 'Daftar tarik berkas' });
    const pullRow = (rm: string) => pull.locator(`tr[data-rm="${rm}"]`);
    await pullRow(patients[2]!.rmNumber).waitFor();
    expect(await pull.locator('tr[data-rm]').count()).toBe(3);
    await expect.poll(() => pullRow(patients[1]!.rmNumber).textContent()).toContain(units.get('GIGI')!.name);
    await shot(page, '40-daftar-tarik-berkas');

    // A later registration arrives without reloading.
    const late = await ok<{ patient: PatientRecord }>('patients.create', {
      ignoreSimilar: true,
      name: 'Slamet Riyadi',
      birthDate: '2019-01-15',
      sex: 'L',
    });
    await ok('visits.register', { patientId: late.patient.id, payer: 'umum', unitId: units.get('UMUM')!.id });
    await pullRow(late.patient.rmNumber).waitFor();

    const usulan = page.getByTestId('usulan');
    const sendOut = async (p: PatientRecord, unit: Unit) => {
      await page.keyboard.type(p.rmNumber);
      await page.keyboard.press('Enter');
      await expect.poll(() => usulan.textContent()).toContain(`Kirim ke ${unit.name}`);
      await page.keyboard.press('Enter');
      await page.getByText(`berkas ${p.rmNumber} → ${unit.name}`, { exact: false }).waitFor();
      // Delivered: the row leaves the pull list.
      await pullRow(p.rmNumber).waitFor({ state: 'detached' });
    };
    await page.keyboard.type(patients[0]!.rmNumber);
    await page.keyboard.press('Enter');
    await expect.poll(() => usulan.textContent()).toContain(`Kirim ke ${units.get('UMUM')!.name}`);
    await shot(page, '41-pindai-berkas-usulan');
    await page.keyboard.press('Enter');
    await page.getByText(`berkas ${patients[0]!.rmNumber} → ${units.get('UMUM')!.name}`, { exact: false }).waitFor();
    await pullRow(patients[0]!.rmNumber).waitFor({ state: 'detached' });
    await sendOut(patients[1]!, units.get('GIGI')!);
    expect(await pull.locator('tr[data-rm]').count()).toBe(2);

    // Unknown RM: a clear message, nothing proposed, Enter records nothing.
    const before = await ok<{ movements: FolderMovement[] }>('folders.history', { folderId: await folderId(patients[2]!) });
    const alert = page.locator('.scan-result [role=alert]');
    // The browser logs the refused call (404) itself.
    await problems.allowWhile(/404 \(Not Found\).*folders\.scan/, async () => {
      await page.keyboard.type('999999');
      await page.keyboard.press('Enter');
      await expect.poll(() => alert.textContent()).toMatch(/tidak ditemukan|tidak ada/i);
    });
    await page.keyboard.press('Enter');
    expect(await usulan.count()).toBe(0);
    const after = await ok<{ movements: FolderMovement[] }>('folders.history', { folderId: await folderId(patients[2]!) });
    expect(after.movements).toEqual(before.movements);

    // Back from Poli Umum: return, the checklist opens, Enter files it complete.
    await page.keyboard.type(patients[0]!.rmNumber);
    await page.keyboard.press('Enter');
    await expect.poll(() => usulan.textContent()).toContain('Terima kembali dari');
    await page.keyboard.press('Enter');
    const checklist = page.getByRole('form', { name: `Kelengkapan berkas ${patients[0]!.rmNumber}` });
    await checklist.waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');
    await shot(page, '42-kelengkapan-berkas');
    await page.keyboard.press('Enter');
    await page.getByText(`Berkas ${patients[0]!.rmNumber} lengkap dan disimpan di rak`, { exact: false }).waitFor();
    await expect.poll(() => scanField.evaluate((el) => el === document.activeElement)).toBe(true);

    // Back from Poli Gigi with two items missing: untick them, Enter sends it back to the unit.
    await page.keyboard.type(patients[1]!.rmNumber);
    await page.keyboard.press('Enter');
    await expect.poll(() => usulan.textContent()).toContain('Terima kembali dari');
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: `Kelengkapan berkas ${patients[1]!.rmNumber}` }).waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.getByText(`Berkas ${patients[1]!.rmNumber} belum lengkap (Anamnesis, Diagnosis): dikembalikan ke`, { exact: false }).waitFor();
    // The slip of what is missing opens in the print preview; Esc closes it and the scan field has the focus again.
    const preview = page.getByRole('dialog', { name: 'Cetak slip kelengkapan' });
    await preview.getByTitle(/^Pratinjau/).waitFor();
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
    await expect.poll(() => scanField.evaluate((el) => el === document.activeElement)).toBe(true);
    const incomplete = await ok<CompletenessReview[]>('folders.incomplete', {});
    expect(incomplete).toHaveLength(1);
    expect(incomplete[0]).toMatchObject({ rmNumber: patients[1]!.rmNumber, complete: false, missing: ['Anamnesis', 'Diagnosis'] });
    await page.keyboard.press('Alt+L');
    await page.getByRole('table', { name: 'Berkas belum lengkap' }).getByText('Anamnesis, Diagnosis').waitFor();
    await shot(page, '43-berkas-belum-lengkap');

    // The folder for Poli KIA is not on the shelf: Alt+H marks it missing with a temporary folder for
    // the waiting patient (scanning the RM now finds that one); Alt+E: the original is found again.
    await page.keyboard.press('Alt+T');
    await page.keyboard.type(patients[2]!.rmNumber);
    await page.keyboard.press('Enter');
    await expect.poll(() => usulan.textContent()).toContain('Kirim ke');
    await page.keyboard.press('Alt+H');
    await page.getByText(`Berkas ${patients[2]!.rmNumber} ditandai hilang; berkas sementara dibuat`, { exact: false }).waitFor();
    await page.keyboard.type(patients[2]!.rmNumber);
    await page.keyboard.press('Enter');
    const card = page.getByTestId('hasil-pindai');
    await card.getByText('Berkas sementara').waitFor();
    await expect.poll(() => usulan.textContent()).toContain('Kirim ke');
    await page.keyboard.press('Alt+E');
    await page.getByText(`Berkas asli ${patients[2]!.rmNumber} ditemukan`, { exact: false }).waitFor();
    // Newest first.
    const found = await ok<{ movements: FolderMovement[] }>('folders.history', { folderId: await folderId(patients[2]!) });
    expect(found.movements.map((m) => m.kind)).toEqual(['ditemukan', 'hilang']);

    // Lending for an audit (Alt+P): borrower, purpose, due date (a week by default), Enter.
    await page.keyboard.type(late.patient.rmNumber);
    await page.keyboard.press('Enter');
    await card.getByText(late.patient.rmNumber).waitFor();
    await page.keyboard.press('Alt+P');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('id') !== 'scan-rm')).toBe(true);
    await page.keyboard.type('Tim Audit Dinkes');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Audit klaim');
    await page.keyboard.press('Enter');
    await page.getByText(`Berkas ${late.patient.rmNumber} dipinjam Tim Audit Dinkes sampai`, { exact: false }).waitFor();
    const lent = await ok<{ folder: { status: string; borrower: string | null } }>('folders.locate', { code: late.patient.rmNumber });
    expect(lent.folder).toMatchObject({ status: 'dipinjam', borrower: 'Tim Audit Dinkes' });

    // Indicators: the two folders delivered today, both within minutes of registration.
    await page.keyboard.press('Alt+I');
    const retrieval = page.getByRole('table', { name: 'Waktu penyediaan berkas' });
    await expect.poll(async () => (await retrieval.locator('tbody tr').last().textContent()) ?? '').toMatch(/^Semua.*2/);
    await page.getByRole('table', { name: 'KLPCM per unit' }).waitFor();
    const width = await horizontalOverflow(page);
    expect(width.scrollWidth).toBeLessThanOrEqual(width.innerWidth);

    // The pull list prints on A4 (Alt+Shift+D).
    await page.keyboard.press('Alt+Shift+D');
    const pullPrint = page.getByRole('dialog', { name: 'Cetak daftar tarik berkas' });
    await pullPrint.getByTitle(/^Pratinjau/).waitFor();
    await shot(page, '45-cetak-daftar-tarik');
    await page.keyboard.press('Escape');
    await pullPrint.waitFor({ state: 'detached' });
    // Back to scanning: the scan field has the focus again.
    await expect.poll(() => scanField.evaluate((el) => el === document.activeElement)).toBe(true);

    // The overdue list (Alt+J) prints on A4 for the round of the units after closing.
    await page.keyboard.press('Alt+J');
    const printOverdue = page.getByRole('button', { name: 'Cetak daftar terlambat' });
    await printOverdue.focus();
    await page.keyboard.press('Enter');
    const overduePrint = page.getByRole('dialog', { name: 'Cetak daftar berkas terlambat' });
    await page.frameLocator('iframe[title^="Pratinjau Berkas terlambat"]').getByText('BERKAS REKAM MEDIS TERLAMBAT KEMBALI').waitFor();
    await page.keyboard.press('Escape');
    await overduePrint.waitFor({ state: 'detached' });
    await expect.poll(() => scanField.evaluate((el) => el === document.activeElement)).toBe(true);

    // Di mana berkas? The first folder's history: out to Poli Umum, back, filed — all scanned.
    await page.keyboard.press('Alt+M');
    const locate = page.getByRole('textbox', { name: /^No. RM/ });
    await expect.poll(() => locate.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(patients[0]!.rmNumber);
    await page.keyboard.press('Enter');
    const history = page.getByRole('table', { name: 'Riwayat perpindahan berkas' });
    await expect.poll(() => history.locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('riwayat-berkas').textContent()).toContain('Sekarang: rak penyimpanan');
    expect(await history.textContent()).toMatch(/dipindai|diketik/);
    await shot(page, '44-di-mana-berkas');
    const moves = await ok<{ movements: FolderMovement[] }>('folders.history', { folderId: await folderId(patients[0]!) });
    // Scanned or typed is told from the key timing (tests/unit/berkas-scan.test.ts); a loaded machine may slow the simulated keys.
    expect(moves.movements.map((m) => m.userName)).toEqual(['Rina Perekam', 'Rina Perekam', 'Rina Perekam']);
    expect(moves.movements.every((m) => m.method === 'scan' || m.method === 'ketik')).toBe(true);
    expect(problems.list).toEqual([]);
  });

  async function folderId(p: PatientRecord): Promise<number> {
    return (await ok<{ folder: { id: number } }>('folders.locate', { code: p.rmNumber })).folder.id;
  }
});
