import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PatientRecord, Printable, Unit, Visit } from '../../src-main/contract';
import { launchBrowser } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';
import { pageSizeMm, pdfToPng, renderPdf } from '../helpers/pdf';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { screenshotDir } from '../helpers/browser';

const shots = screenshotDir(mkdtempSync(join(tmpdir(), 'loket-print-')));

describe('printed documents (Chromium → PDF → pdftotext)', () => {
  let h: HttpHost;
  let admin: string;
  let browser: Browser;
  let patient: PatientRecord;
  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }

  beforeAll(async () => {
    h = await httpHost();
    admin = await adminToken(h);
    browser = await launchBrowser();
    await ok('settings.update', {
      puskesmas: {
        name: 'UPT Puskesmas Sukamaju',
        pemerintah: 'Pemerintah Kabupaten Bogor',
        dinas: 'Dinas Kesehatan',
        address: 'Jl. Raya Sukamaju No. 1',
        phone: '(0251) 123456',
      },
    });
    patient = (
      await ok<{ patient: PatientRecord }>('patients.create', {
        name: "Siti Nur'aini",
        nik: '3201015203900001',
        birthDate: '1990-03-12',
        sex: 'P',
        addressStreet: 'Kp. Babakan <b>&',
        rt: '1',
        rw: '4',
      })
    ).patient;
  });
  afterAll(async () => {
    await browser?.close();
    await h.cleanup();
  });

  it('prints the kartu berobat on one ID-1 card with a scannable RM barcode and escaped data', async () => {
    const doc = await ok<Printable>('documents.patientCard', { patientId: patient.id });
    expect(doc.html).not.toContain('Babakan <b>');
    expect(doc.html).toContain('Siti Nur&#39;aini');
    expect(doc.html).toContain('Kp. Babakan &lt;b&gt;&amp;');
    expect(doc.html).not.toMatch(/<script/i);
    const pdf = await renderPdf(browser, doc);
    pdfToPng(pdf.file, join(shots, '20-cetak-kartu-berobat'), 200);
    expect(pdf.pages).toBe(1);
    const size = pageSizeMm(pdf.file);
    expect(size.width).toBeCloseTo(85.6, 0);
    expect(size.height).toBeCloseTo(54, 0);
    expect(pdf.compact).toContain('KARTUBEROBAT');
    for (const text of [
      'UPT PUSKESMAS SUKAMAJU',
      patient.rmNumber,
      "Siti Nur'aini",
      'Kp. Babakan <b>&',
      '12 Maret 1990',
      'RT 001/RW 004',
      'Bawalah kartu ini',
    ]) {
      expect(pdf.text).toContain(text);
    }
    // The barcode is drawn as vector bars.
    expect(doc.html).toMatch(/<svg[^>]*viewBox/);
  });

  it('prints the folder label with the shelf pair emphasised', async () => {
    const doc = await ok<Printable>('documents.folderLabel', { patientId: patient.id });
    const pdf = await renderPdf(browser, doc);
    pdfToPng(pdf.file, join(shots, '21-cetak-label-berkas'), 200);
    expect(pdf.pages).toBe(1);
    expect(pdf.compact).toContain(`${patient.rmNumber.slice(0, 2)}-${patient.rmNumber.slice(2, 4)}-${patient.rmNumber.slice(4)}`);
    expect(pdf.text).toContain("SITI NUR'AINI");
    expect(pdf.text).toContain('Lahir 1990');
  });

  it('prints the kwitansi of an umum visit with the amount in words, and SALINAN on a reprint', async () => {
    const units = await ok<Unit[]>('units.list', {});
    const { visit } = await ok<{ visit: Visit }>('visits.register', {
      patientId: patient.id,
      payer: 'umum',
      unitId: units.find((u) => u.code === 'UMUM')!.id,
    });
    const first = await renderPdf(browser, await ok<Printable>('documents.receipt', { visitId: visit.id }));
    expect(first.pages).toBe(1);
    expect(first.compact).toContain('KWITANSI');
    for (const text of ['Rp 10.000', 'Sepuluh ribu rupiah', 'BELUM DIBAYAR', patient.rmNumber]) expect(first.text).toContain(text);
    expect(first.compact).not.toContain('SALINAN');
    await ok('visits.markPaid', { visitId: visit.id });
    const copy = await renderPdf(browser, await ok<Printable>('documents.receipt', { visitId: visit.id, copy: true }));
    pdfToPng(copy.file, join(shots, '22-cetak-kwitansi-salinan'), 100);
    expect(copy.compact, copy.text).toContain('SALINAN');
    expect(copy.text).toContain('LUNAS');
    // A BPJS visit has no receipt.
    await ok('patients.update', { id: patient.id, bpjsNumber: '0001234567890' });
    const bpjs = await ok<{ visit: Visit }>('visits.register', {
      patientId: patient.id,
      payer: 'bpjs',
      bpjsFaskesConfirmed: true,
      unitId: units.find((u) => u.code === 'GIGI')!.id,
    });
    expect((await h.call('documents.receipt', { visitId: bpjs.visit.id }, admin)).status).toBe(409);
    expect(execFileSync('pdffonts', [first.file], { encoding: 'utf8' })).toMatch(/DejaVu|Arial|Liberation/);
  });
});
