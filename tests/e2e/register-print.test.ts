import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PatientRecord, Printable, Unit } from '../../src-main/contract';
import { launchBrowser, screenshotDir } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';
import { pageSizeMm, pdfToPng, renderPdf } from '../helpers/pdf';

const shots = screenshotDir(mkdtempSync(join(tmpdir(), 'loket-register-print-')));

describe('register harian printout (Chromium → PDF → pdftotext)', () => {
  let h: HttpHost;
  let admin: string;
  let browser: Browser;
  const clock = new Date('2026-11-23T01:00:00.000Z'); // 08:00 WIB
  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  const VISITS = 40;
  // Names take letters only: 8 × 5 distinct ones.
  const first = ['Siti', 'Bambang', 'Dewi', 'Agus', 'Rina', 'Joko', 'Wati', 'Budi'];
  const last = ['Lestari', 'Susilo', 'Rahayu', 'Saputra', 'Wibowo'];
  const nameOf = (i: number) => (i === 0 ? "Siti Nur'aini" : `${first[i % 8]} ${last[Math.floor(i / 8)]}`);

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    browser = await launchBrowser();
    await ok('settings.update', {
      puskesmas: { name: 'UPT Puskesmas Sukamaju', pemerintah: 'Pemerintah Kabupaten Bogor', dinas: 'Dinas Kesehatan' },
    });
    h.host.store.sqlite.exec(`INSERT INTO region (code, parent_code, level, name) VALUES
      ('32', NULL, 1, 'Jawa Barat'), ('32.01', '32', 2, 'Kabupaten Bogor'), ('32.01.01', '32.01', 3, 'Cibinong'), ('32.01.01.1001', '32.01.01', 4, 'Pakansari')`);
    const units = await ok<Unit[]>('units.list', {});
    const umum = units.find((u) => u.code === 'UMUM')!;
    const kia = units.find((u) => u.code === 'KIA')!;
    for (let i = 0; i < VISITS; i++) {
      const bpjs = i % 3 === 0;
      const patient = (
        await ok<{ patient: PatientRecord }>('patients.create', {
          ignoreSimilar: true,
          name: nameOf(i),
          birthDate: i === 1 ? '2026-10-23' : `19${60 + (i % 40)}-03-1${i % 10}`,
          sex: i % 2 ? 'L' : 'P',
          villageCode: '32.01.01.1001',
          ...(i === 1 ? { motherName: 'Ibu Bayi' } : {}),
          ...(bpjs ? { bpjsNumber: `00012345${String(i).padStart(5, '0')}` } : {}),
        })
      ).patient;
      await ok('visits.register', {
        patientId: patient.id,
        payer: bpjs ? 'bpjs' : 'umum',
        ...(bpjs ? { bpjsFaskesConfirmed: true } : {}),
        unitId: i === 1 ? kia.id : umum.id,
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await h.cleanup();
  });

  it('prints A4 landscape: kop, filters, every column, totals at the end and "Halaman X dari Y" on each page', async () => {
    const doc = await ok<Printable>('documents.register', { date: '2026-11-23' });
    expect(doc.html).toContain('Siti Nur&#39;aini');
    expect(doc.html).not.toMatch(/<script/i);
    const pdf = await renderPdf(browser, doc);
    pdfToPng(pdf.file, join(shots, '50-cetak-register-harian'), 100);
    const size = pageSizeMm(pdf.file);
    expect(size.width).toBeCloseTo(297, 0);
    expect(size.height).toBeCloseTo(210, 0);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= pdf.pages; p++) expect(pdf.text).toContain(`Halaman ${p} dari ${pdf.pages}`);
    expect(pdf.compact).toContain('REGISTERHARIANPASIEN');
    for (const text of [
      'UPT PUSKESMAS SUKAMAJU',
      'PEMERINTAH KABUPATEN BOGOR',
      '23 November 2026 · semua unit · semua klaster · semua penjamin',
      // Every column heading.
      'No.',
      'Jam',
      'No. RM',
      'Nama pasien',
      'L/P',
      'Umur',
      'Desa/Kelurahan',
      'Penjamin / No. BPJS',
      'Kunj.',
      'Pasien',
      'Unit',
      'Klaster',
      'Rujuk',
      'Biaya umum',
      // A line's values.
      "Siti Nur'aini",
      'BPJS 0001234500000',
      'Pakansari',
      '08.00',
      'Poli KIA / KB',
      '1 bln',
      'Rp 10.000 belum',
      // Totals.
      'Per penjamin',
      'Per unit',
    ])
      expect(pdf.text).toContain(text);
    expect(pdf.text).toMatch(/Kunjungan\s+40/);
    expect(pdf.text).toMatch(/Umum\s+26/);
    expect(pdf.text).toMatch(/BPJS\s+14/);
    // The totals come after the last line.
    expect(pdf.text.indexOf('Per penjamin')).toBeGreaterThan(pdf.text.indexOf(nameOf(VISITS - 1)));
  });

  it('prints F4 landscape with the filters in the heading', async () => {
    const kia = (await ok<Unit[]>('units.list', {})).find((u) => u.code === 'KIA')!;
    const doc = await ok<Printable>('documents.register', { date: '2026-11-23', unitId: kia.id, payer: 'umum', paper: 'F4' });
    const pdf = await renderPdf(browser, doc);
    const size = pageSizeMm(pdf.file);
    expect(size.width).toBeCloseTo(330, 0);
    expect(size.height).toBeCloseTo(215, 0);
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('Halaman 1 dari 1');
    expect(pdf.text).toContain('Unit Poli KIA / KB · semua klaster · penjamin Umum');
    expect(pdf.text).toContain(nameOf(1));
    expect(pdf.text).not.toContain(nameOf(2));
  });
});
