/** Rujukan in the browser: a referral issued and sent (SISRUTE number) by keyboard alone. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facility, PatientRecord, Referral } from '../../src-main/contract';
import {
  ensureRendererBuilt,
  horizontalOverflow,
  launchBrowser,
  loginByKeyboard,
  newContext,
  screenshotDir,
  watchProblems,
} from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

const shots = screenshotDir(mkdtempSync(join(tmpdir(), 'loket-rujukan-')));
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('Surat rujukan by keyboard', () => {
  let h: HttpHost;
  let browser: Browser;
  let admin: string;
  let patient: PatientRecord;

  beforeAll(async () => {
    h = await httpHost({ rendererDir: ensureRendererBuilt(), now: () => new Date('2026-11-23T02:00:00Z') });
    admin = await adminToken(h);
    const call = async <T>(method: string, input: unknown) => {
      const r = await h.call<T>(method, input, admin);
      if (!r.body.ok) throw new Error(r.body.error.message);
      return r.body.value;
    };
    await call('settings.update', { letters: { unitCode: 'PKM-SJ' } });
    await call('practitioners.save', { name: 'dr. Rina Wulandari', profession: 'dokter', nip: null, sip: 'SIP-1', str: null });
    const rs = await call<Facility>('facilities.save', { name: 'RSUD Banyumas', kind: 'rs' });
    await call('facilities.saveSpecialties', { facilityId: rs.id, specialties: ['Anak', 'Jantung dan Pembuluh Darah', 'Penyakit Dalam'] });
    await call('diagnoses.import', {
      file: { name: 'icd.csv', contentBase64: b64('kode;nama\nI21.9;Infark miokard akut\nI10;Hipertensi esensial\nJ06.9;ISPA\n') },
      dryRun: false,
    });
    patient = (
      await call<{ patient: PatientRecord }>('patients.create', { name: 'Slamet Riyadi', birthDate: '1961-04-09', sex: 'L', ignoreSimilar: true })
    ).patient;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h.cleanup();
  });

  it('finds the patient, fills the SISRUTE set, picks the diagnosis as typed, issues it and records the SISRUTE number', async () => {
    const page = await (await newContext(browser)).newPage();
    const problems = watchProblems(page);
    const focused = (name: string | RegExp, role: 'textbox' | 'combobox' | 'button' = 'combobox') =>
      expect.poll(() => page.getByRole(role, { name }).evaluate((el) => el === document.activeElement)).toBe(true);
    await loginByKeyboard(page, h.url);
    await page.keyboard.press('Alt+5');
    await page.locator('h1#screen-title', { hasText: 'Surat' }).waitFor();
    await page.keyboard.press('Alt+J');
    await page.getByRole('tab', { name: /Surat rujukan/, selected: true }).waitFor();

    await focused('No. RM atau nama pasien', 'textbox');
    await page.keyboard.type(patient.rmNumber);
    await page.keyboard.press('Enter');
    await page.getByText(`No. RM ${patient.rmNumber}`).waitFor();

    // Destination and specialty from the directory, chosen by typing their first letters.
    await focused('Fasilitas tujuan');
    await page.keyboard.type('RSUD');
    await page.keyboard.press('Tab');
    await focused('Spesialis/poli tujuan');
    await page.keyboard.type('Jantung');
    await page.keyboard.press('Tab'); // gawat darurat: no
    await page.keyboard.press('Tab');
    await page.keyboard.type('Nyeri dada kiri sejak 2 jam');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Akral dingin');
    for (const v of ['160', '100', '110', '24', '36,8', '94']) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(v);
    }
    await page.keyboard.press('Tab');
    await page.keyboard.type('EKG: ST elevasi');
    await page.keyboard.press('Tab');
    await focused(/Diagnosis — cari kode atau nama/);
    await page.keyboard.type('infark');
    await page.getByRole('option', { name: /I21\.9 Infark miokard akut/ }).waitFor();
    await page.keyboard.press('Enter');
    await focused('Ganti diagnosis', 'button');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Aspirin 160 mg');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Butuh kateterisasi jantung');
    expect(await horizontalOverflow(page)).toMatchObject({ scrollWidth: 1366 });
    await page.screenshot({ path: join(shots, '59-surat-rujukan-form.png') });
    await page.keyboard.press('Control+Enter');

    const preview = page.getByRole('dialog', { name: /Cetak surat/i });
    await preview.waitFor();
    const frame = page.frameLocator('iframe[title^="Pratinjau"]');
    await frame.getByText('I21.9 — Infark miokard akut').waitFor();
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });

    const list = await h.call<Referral[]>('referrals.list', {}, admin);
    const referral = list.body.ok ? list.body.value[0]! : null;
    expect(referral).toMatchObject({
      status: 'dibuat',
      specialty: 'Jantung dan Pembuluh Darah',
      diagnosis: { code: 'I21.9' },
      facility: { name: 'RSUD Banyumas' },
    });

    // Jejak rujukan (Alt+L): the next step is "Dikirim"; the SISRUTE number, Enter.
    await page.keyboard.press('Alt+L');
    await focused('Langkah berikutnya');
    await page.keyboard.press('Tab');
    await focused('Nomor rujukan SISRUTE', 'textbox');
    await page.keyboard.type('SR-3302-0042');
    await page.keyboard.press('Enter');
    await page.getByText('· SISRUTE SR-3302-0042').waitFor();
    await page.getByRole('table', { name: 'Daftar rujukan' }).getByText('Dikirim (SISRUTE)').waitFor();
    await page.screenshot({ path: join(shots, '60-jejak-rujukan.png') });
    expect(problems.list).toEqual([]);
  });
});
