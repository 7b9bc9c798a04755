import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Payment, PatientRecord, Printable, Tariff, Unit, Visit } from '../../src-main/contract';
import { launchBrowser, screenshotDir } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';
import { pageSizeMm, pdfToPng, renderPdf } from '../helpers/pdf';

const shots = screenshotDir(mkdtempSync(join(tmpdir(), 'loket-cashier-print-')));

describe('kasir documents (Chromium → PDF → pdftotext)', () => {
  let h: HttpHost;
  let admin: string;
  let browser: Browser;
  let clock = new Date('2026-11-23T01:00:00.000Z'); // 08:00 WIB
  const visits: Visit[] = [];
  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    browser = await launchBrowser();
    await ok('settings.update', {
      puskesmas: { name: 'UPT Puskesmas Sukamaju', pemerintah: 'Pemerintah Kabupaten Bogor', dinas: 'Dinas Kesehatan' },
    });
    const gigi = await ok<Tariff>('tariffs.save', { code: 'GIGI', name: 'Pemeriksaan gigi', amount: 15_000 });
    const units = await ok<Unit[]>('units.list', {});
    for (const [i, name] of ["Siti Nur'aini", 'Bambang Susilo', 'Dewi Lestari'].entries()) {
      const { patient } = await ok<{ patient: PatientRecord }>('patients.create', {
        ignoreSimilar: true,
        name,
        birthDate: `198${i}-05-0${i + 1}`,
        sex: i % 2 ? 'L' : 'P',
      });
      const unit = units.find((u) => u.code === (i === 1 ? 'GIGI' : 'UMUM'))!;
      visits.push(
        (
          await ok<{ visit: Visit }>('visits.register', {
            patientId: patient.id,
            payer: 'umum',
            unitId: unit.id,
            ...(i === 1 ? { tariffId: gigi.id } : {}),
          })
        ).visit,
      );
    }
    for (const v of visits) await ok('cashier.pay', { visitId: v.id });
    const payments = await ok<Payment[]>('cashier.payments', {});
    await ok('cashier.void', { paymentId: payments[0]!.id, reason: 'Pasien batal diperiksa' });
  });
  afterAll(async () => {
    await browser?.close();
    await h.cleanup();
  });

  it('prints the day recap on A4: by tariff item and cashier, the void with its reason, totals in words, signature lines', async () => {
    clock = new Date('2026-11-23T07:30:00.000Z'); // 14:30 WIB
    const doc = await ok<Printable>('documents.cashRecap', {});
    expect(doc.paper).toEqual({ widthMm: 210, heightMm: 297 });
    expect(doc.html).toContain('Siti Nur&#39;aini');
    expect(doc.html).not.toMatch(/<script/i);
    const pdf = await renderPdf(browser, doc);
    pdfToPng(pdf.file, join(shots, 'rekap-kas'));
    const size = pageSizeMm(pdf.file);
    expect(Math.round(size.width)).toBe(210);
    expect(Math.round(size.height)).toBe(297);
    expect(pdf.pages).toBe(1);
    const text = pdf.text.replace(/[ \t]+/g, ' ');
    expect(text).toContain('UPT PUSKESMAS SUKAMAJU');
    expect(text).toContain('REKAP PENERIMAAN KAS HARIAN');
    expect(text).toContain('23 November 2026');
    // Live: Bambang gigi 15.000 and Dewi karcis 10.000; Siti's karcis voided.
    expect(text).toMatch(/Karcis rawat jalan[^\n]* 1 Rp 10\.000/);
    expect(text).toMatch(/Pemeriksaan gigi 1 Rp 15\.000/);
    expect(text).toMatch(/Admin Puskesmas 2 Rp 25\.000/);
    expect(text).toMatch(/Jumlah 2 Rp 25\.000/);
    expect(text).toContain('Pembatalan (1)');
    // The void's columns wrap: its words come out of pdftotext interleaved.
    for (const word of ['Siti', "Nur'aini", '(000001)', 'Pasien', 'batal', 'diperiksa']) expect(text).toContain(word);
    expect(text).toMatch(/08\.00 · 08\.00 ·/);
    expect(pdf.compact).toContain('Jumlahditerima:Rp25.000');
    expect(pdf.compact.toLowerCase()).toContain('duapuluhlimariburupiah');
    expect(text).toContain('Hari kas belum ditutup');
    expect(text).toContain('Bendahara Penerimaan');
    expect(text).toContain('Kasir');
  });

  it('says who closed the day once it is closed', async () => {
    await ok('cashier.closeDay', {});
    const pdf = await renderPdf(browser, await ok<Printable>('documents.cashRecap', { date: '2026-11-23' }));
    expect(pdf.text.replace(/\s+/g, ' ')).toMatch(/Hari kas DITUTUP oleh Admin Puskesmas pada Senin, 23 November 2026/);
  });

  it('marks a reprinted kwitansi SALINAN and names the cashier', async () => {
    const copy = await renderPdf(browser, await ok<Printable>('documents.receipt', { visitId: visits[1]!.id, copy: true }));
    expect(copy.compact).toContain('SALINAN');
    expect(copy.compact).toContain('LUNAS');
    expect(copy.text).toContain('Admin Puskesmas');
  });
});
