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

  it('prints the overdue list on A4 by unit, borrowed folders past their due date last', async () => {
    const empty = await renderPdf(browser, await ok<Printable>('documents.overdue', {}));
    expect(empty.text).toContain('Semua berkas sudah kembali ke rak.');
    const folder = await folderOf(patients[2]!);
    const umum = units.find((u) => u.code === 'UMUM')!;
    clock = new Date('2026-11-23T05:10:00.000Z'); // 12.10 WIB
    await ok('folders.move', { folderId: folder.id, to: 'unit', unitId: umum.id, method: 'scan' });
    clock = new Date('2026-11-23T07:30:00.000Z'); // 14.30 WIB: Poli Umum closed at 14.00
    let pdf = await renderPdf(browser, await ok<Printable>('documents.overdue', {}));
    expect(pdf.compact).toContain('BERKASREKAMMEDISTERLAMBATKEMBALI');
    for (const text of ['Poli Umum (1)', folder.rmNumber, 'Dewi Lestari', '14.00', '2 j 20 mnt']) expect(pdf.text).toContain(text);
    expect(pdf.text).not.toContain('Pengadilan');
    // A week later the borrowed folder is past its due date too; one unit can be printed alone.
    clock = new Date('2026-12-01T02:00:00.000Z');
    admin = (await ok<{ token: string }>('auth.login', { username: 'admin', password: 'rahasia-admin-1' })).token; // sessions idle out after 12 h
    const later = await ok<Printable>('documents.overdue', {});
    expect(later.html).toContain('Pengadilan Negeri Cibinong · 30 November 2026');
    pdf = await renderPdf(browser, later);
    pdfToPng(pdf.file, join(shots, '43-cetak-berkas-terlambat'), 150);
    const size = pageSizeMm(pdf.file);
    expect([Math.round(size.width), Math.round(size.height)]).toEqual([210, 297]);
    for (const text of ['Poli Umum (1)', 'Dipinjam (1)', '7 hr 20 j 50 mnt']) expect(pdf.text).toContain(text);
    // Table cells wrap across lines in the extracted text: the words are checked there, the due date in the HTML above.
    for (const text of ['PengadilanNegeriCibinong', '8hr48mnt']) expect(pdf.compact).toContain(text);
    expect(pdf.text.indexOf('Poli Umum (1)')).toBeLessThan(pdf.text.indexOf('Dipinjam (1)'));
    const onlyUmum = await renderPdf(browser, await ok<Printable>('documents.overdue', { unitId: umum.id }));
    expect(onlyUmum.text).not.toContain('Dipinjam');
    expect((await h.call('documents.overdue', { unitId: 0 }, admin)).status).toBe(400);
  });
});
