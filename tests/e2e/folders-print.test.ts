import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { CompletenessReview, Folder, PatientRecord, Printable, Unit } from '../../src-main/contract';
import { launchBrowser, screenshotDir } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';
import { pageSizeMm, pdfToPng, renderPdf } from '../helpers/pdf';

const shots = screenshotDir(mkdtempSync(join(tmpdir(), 'loket-folders-print-')));
const checklist = ['Identitas pasien', 'Tanggal', 'Anamnesis', 'Diagnosis', 'Terapi', 'Nama dan tanda tangan dokter', 'Tulisan terbaca'];

describe('records room documents (Chromium → PDF → pdftotext)', () => {
  let h: HttpHost;
  let admin: string;
  let browser: Browser;
  let units: Unit[];
  const patients: PatientRecord[] = [];
  let clock = new Date('2026-11-23T01:00:00.000Z'); // 08:00 WIB
  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  const folderOf = async (p: PatientRecord) => (await ok<{ folder: Folder }>('folders.locate', { code: p.rmNumber })).folder;

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    browser = await launchBrowser();
    await ok('settings.update', {
      puskesmas: { name: 'UPT Puskesmas Sukamaju', pemerintah: 'Pemerintah Kabupaten Bogor', dinas: 'Dinas Kesehatan' },
    });
    units = await ok<Unit[]>('units.list', {});
    for (const [i, name] of ["Siti Nur'aini", 'Bambang Susilo', 'Dewi Lestari', 'Agus Salim'].entries()) {
      patients.push(
        (
          await ok<{ patient: PatientRecord }>('patients.create', {
            ignoreSimilar: true,
            name,
            birthDate: `198${i}-05-0${i + 1}`,
            sex: i % 2 ? 'L' : 'P',
          })
        ).patient,
      );
      await ok('visits.register', { patientId: patients[i]!.id, payer: 'umum', unitId: units.find((u) => u.code === (i % 2 ? 'GIGI' : 'UMUM'))!.id });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await h.cleanup();
  });

  it('prints the pull list on A4 in shelf order, with names escaped', async () => {
    clock = new Date('2026-11-23T01:12:00.000Z');
    const doc = await ok<Printable>('documents.pullList', {});
    expect(doc.paper).toEqual({ widthMm: 210, heightMm: 297 });
    expect(doc.html).toContain('Siti Nur&#39;aini');
    expect(doc.html).not.toMatch(/<script/i);
    const pdf = await renderPdf(browser, doc);
    pdfToPng(pdf.file, join(shots, '40-cetak-daftar-tarik-berkas'), 100);
    expect(pdf.pages).toBe(1);
    const size = pageSizeMm(pdf.file);
    expect(size.width).toBeCloseTo(210, 0);
    expect(size.height).toBeCloseTo(297, 0);
    expect(pdf.compact).toContain('DAFTARTARIKBERKASREKAMMEDIS');
    for (const text of ['UPT PUSKESMAS SUKAMAJU', 'Rak A (4)', 'Bambang Susilo', 'Poli Gigi dan Mulut', '12 mnt', '01-00-00'])
      expect(pdf.text).toContain(text);
    // Terminal digit: 000001, 000002, 000003, 000004 stand in that order on shelf A.
    const order = patients.map((p) => pdf.text.indexOf(p.rmNumber));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('prints a tracer for the folder pulled for a visit: RM, name, date, destination, requested by', async () => {
    const folder = await folderOf(patients[1]!);
    const doc = await ok<Printable>('documents.tracer', { folderId: folder.id });
    const pdf = await renderPdf(browser, doc);
    pdfToPng(pdf.file, join(shots, '41-cetak-tracer'), 150);
    expect(pdf.pages).toBe(1);
    const size = pageSizeMm(pdf.file);
    expect(size.width).toBeCloseTo(105, 0);
    expect(size.height).toBeCloseTo(148, 0);
    expect(pdf.compact).toContain('TRACER');
    for (const text of [folder.rmNumber, 'Bambang Susilo', '23 November 2026', 'Poli Gigi dan Mulut', 'Admin Puskesmas (pendaftaran)', 'Rak A'])
      expect(pdf.text).toContain(text);
    expect(doc.html).toMatch(/<svg[^>]*viewBox/);
    // A borrowed folder's tracer names the borrower and the purpose.
    const lent = await folderOf(patients[3]!);
    await ok('folders.move', { folderId: lent.id, to: 'unit', unitId: units.find((u) => u.code === 'GIGI')!.id, method: 'scan' });
    await ok('folders.return', { folderId: lent.id, method: 'scan' });
    await ok('folders.review', { folderId: lent.id, items: checklist.map((item) => ({ item, present: true })) });
    await ok('folders.borrow', {
      folderId: lent.id,
      borrower: 'Pengadilan Negeri Cibinong',
      reason: 'Visum et repertum',
      dueDate: '2026-11-30',
      method: 'ketik',
    });
    const borrowed = await renderPdf(browser, await ok<Printable>('documents.tracer', { folderId: lent.id }));
    for (const text of ['Pengadilan Negeri Cibinong', 'Visum et repertum']) expect(borrowed.text).toContain(text);
  });

  it('prints the completeness slip for the unit with what is missing; a complete check has none', async () => {
    const folder = await folderOf(patients[0]!);
    const umum = units.find((u) => u.code === 'UMUM')!;
    await ok('folders.move', { folderId: folder.id, to: 'unit', unitId: umum.id, method: 'scan' });
    clock = new Date('2026-11-23T05:00:00.000Z');
    await ok('folders.return', { folderId: folder.id, method: 'scan' });
    const { review } = await ok<{ review: CompletenessReview }>('folders.review', {
      folderId: folder.id,
      items: checklist.map((item) => ({ item, present: item !== 'Diagnosis' && item !== 'Nama dan tanda tangan dokter' })),
    });
    const doc = await ok<Printable>('documents.completenessSlip', { reviewId: review.id });
    const pdf = await renderPdf(browser, doc);
    pdfToPng(pdf.file, join(shots, '42-cetak-slip-kelengkapan'), 150);
    expect(pdf.pages).toBe(1);
    const size = pageSizeMm(pdf.file);
    expect(size.width).toBeCloseTo(148, 0);
    expect(size.height).toBeCloseTo(210, 0);
    expect(pdf.compact).toContain('SLIPKELENGKAPANREKAMMEDIS');
    for (const text of ['Poli Umum', folder.rmNumber, "Siti Nur'aini", 'Diagnosis', 'Nama dan tanda tangan dokter', '12.00 WIB'])
      expect(pdf.text).toContain(text);
    expect(pdf.text).not.toContain('Anamnesis');

    const complete = await ok<{ review: CompletenessReview }>('folders.review', {
      folderId: (await ok<{ folder: Folder }>('folders.return', { folderId: folder.id, method: 'scan' })).folder.id,
      items: checklist.map((item) => ({ item, present: true })),
    });
    const refused = await h.call('documents.completenessSlip', { reviewId: complete.review.id }, admin);
    expect(refused.status).toBe(409);
    if (refused.body.ok) throw new Error('expected a refusal');
    expect(refused.body.error.message).toMatch(/lengkap pada pemeriksaan ini/);
    const shelved = await h.call('documents.tracer', { folderId: folder.id }, admin);
    expect(shelved.status).toBe(409);
  });
});
