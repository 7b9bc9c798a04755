import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPdf, type ChromiumPdf } from '../../src-main/app/pdf-chromium';
import type { Letter, PatientRecord, Practitioner, Unit } from '../../src-main/contract';
import { screenshotDir } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';
import { expectPdfText, pageSizeMm, pdfToPng, readPdf, type RenderedPdf } from '../helpers/pdf';

const shots = screenshotDir(mkdtempSync(join(tmpdir(), 'loket-letters-print-')));
// A simple emblem (green circle with a cross) stands in for the puskesmas's logo.
const LOGO =
  'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAxMDAgMTAwIj48Y2lyY2xlIGN4PSI1MCIgY3k9IjUwIiByPSI0NiIgZmlsbD0iIzFiN2YzYiIvPjxjaXJjbGUgY3g9IjUwIiBjeT0iNTAiIHI9IjM4IiBmaWxsPSIjZmZmIi8+PHBhdGggZD0iTTQyIDIyaDE2djIwaDIwdjE2SDU4djIwSDQyVjU4SDIyVjQyaDIweiIgZmlsbD0iIzFiN2YzYiIvPjwvc3ZnPg==';

describe('letters as PDF (Chromium → pdftotext)', () => {
  let h: HttpHost;
  let pdf: ChromiumPdf;
  let admin: string;
  let doctor: Practitioner;
  let patient: PatientRecord;
  const clock = new Date('2026-11-23T02:00:00Z');
  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  async function pdfOf(id: number, name: string): Promise<RenderedPdf> {
    const { base64, fileName } = await ok<{ base64: string; fileName: string }>('letters.pdf', { id });
    expect(fileName).toMatch(/\.pdf$/);
    return readPdf(Buffer.from(base64, 'base64'), name);
  }
  const has = expectPdfText;

  beforeAll(async () => {
    const engine = await chromiumPdf();
    if (!engine) throw new Error('Chromium tidak ditemukan (LOKET_CHROMIUM atau /usr/bin/chromium)');
    pdf = engine;
    h = await httpHost({ now: () => clock, renderPdf: pdf.render });
    admin = await adminToken(h);
    await ok('settings.update', {
      puskesmas: {
        name: 'UPT Puskesmas Sukajaya',
        pemerintah: 'Pemerintah Kabupaten Banyumas',
        dinas: 'Dinas Kesehatan',
        address: 'Jl. Raya Sukajaya No. 1',
        phone: '0281-123456',
        email: 'pkm.sukajaya@example.go.id',
      },
      letters: { unitCode: 'PKM-SJ', place: 'Sukajaya', logoDataUrl: LOGO },
    });
    const umum = (await ok<Unit[]>('units.list', {})).find((u) => u.code === 'UMUM')!;
    doctor = await ok<Practitioner>('practitioners.save', {
      name: 'dr. Rina Wulandari',
      profession: 'dokter',
      nip: '198501012010012001',
      sip: '445/123/SIP/2024',
      str: 'STR-3321-0099',
      unitId: umum.id,
    });
    patient = (
      await ok<{ patient: PatientRecord }>('patients.create', {
        name: 'Siti Nurhaliza',
        birthDate: '1990-05-17',
        sex: 'P',
        occupation: 'Guru SD',
        addressStreet: 'Jl. Melati No. 3',
        rt: '002',
        rw: '005',
        ignoreSimilar: true,
      })
    ).patient;
  });
  afterAll(async () => {
    await h?.cleanup();
    await pdf?.close();
  });

  it('prints every field of a sick-leave letter on A4, archives it and records the print', async () => {
    const { letter } = await ok<{ letter: Letter }>('letters.createSickLeave', {
      patientId: patient.id,
      signerId: doctor.id,
      startDate: '2026-11-23',
      days: 3,
      diagnosis: 'Demam tifoid',
      diagnosisConsent: true,
      purpose: 'izin tidak masuk kerja',
    });
    const p = await pdfOf(letter.id, 'surat-sakit-a4');
    has(
      p,
      'PEMERINTAH KABUPATEN BANYUMAS',
      'DINAS KESEHATAN',
      'UPT PUSKESMAS SUKAJAYA',
      'Jl. Raya Sukajaya No. 1',
      'Telp. 0281-123456',
      'pkm.sukajaya@example.go.id',
      'SURAT KETERANGAN SAKIT',
      'Nomor: 445/001/SKS/PKM-SJ/XI/2026',
      'Siti Nurhaliza',
      '36 tahun',
      'Perempuan',
      'Guru SD',
      'Jl. Melati No. 3, RT 002/RW 005',
      patient.rmNumber,
      'pemeriksaan pada tanggal 23 November 2026',
      'Demam tifoid',
      '3 (tiga) hari',
      'mulai tanggal 23 November 2026',
      'sampai dengan tanggal 25 November 2026',
      'izin tidak masuk kerja',
      'Sukajaya, 23 November 2026',
      'Dokter Pemeriksa',
      'dr. Rina Wulandari',
      'NIP. 198501012010012001',
      'SIP. 445/123/SIP/2024',
      'STR. STR-3321-0099',
      letter.verifyCode,
      `/verify/${letter.verifyCode}`,
    );
    expect(p.compact).not.toContain('SALINAN');
    const size = pageSizeMm(p.file);
    expect(size.width).toBeCloseTo(210, 0);
    expect(size.height).toBeCloseTo(297, 0);
    pdfToPng(p.file, join(shots, '50-surat-sakit-a4'), 80);

    // The archive: the original PDF in <dataDir>/surat/<year>/.
    const archived = join(h.host.dataDir, 'surat', '2026', '445-001-SKS-PKM-SJ-XI-2026.pdf');
    await expect.poll(() => existsSync(archived)).toBe(true);
    expect(readFileSync(archived).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await ok<Letter>('letters.get', { id: letter.id })).archivedAt).not.toBeNull();

    // A second PDF is a copy: same number, SALINAN; both prints recorded.
    const copy = await pdfOf(letter.id, 'surat-sakit-salinan');
    has(copy, 'SALINAN', 'Nomor: 445/001/SKS/PKM-SJ/XI/2026');
    expect((await ok<Letter>('letters.get', { id: letter.id })).prints).toBe(2);
  });

  it('leaves the diagnosis out without consent and states the re-examination date on F4', async () => {
    const { letter } = await ok<{ letter: Letter }>('letters.createSickLeave', {
      patientId: patient.id,
      signerId: doctor.id,
      startDate: '2026-11-23',
      endDate: '2026-11-27',
      diagnosis: 'Demam tifoid',
      reexamination: { recordedBy: doctor.id, note: 'Demam belum turun' },
      paper: 'F4',
    });
    const p = await pdfOf(letter.id, 'surat-sakit-f4');
    has(p, '5 (lima) hari', 'sampai dengan tanggal 27 November 2026', 'pemeriksaan ulang pada tanggal 28 November 2026', 'sebagaimana mestinya');
    expect(p.compact).not.toContain('Demamtifoid');
    const size = pageSizeMm(p.file);
    expect(size.width).toBeCloseTo(215, 0);
    expect(size.height).toBeCloseTo(330, 0);
    expect(execFileSync('pdfinfo', [p.file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);
    pdfToPng(p.file, join(shots, '51-surat-sakit-f4'), 80);
  });

  it('prints every field of a health letter on A4 and F4', async () => {
    for (const paper of ['A4', 'F4'] as const) {
      const letter = await ok<Letter>('letters.createHealth', {
        patientId: patient.id,
        signerId: doctor.id,
        purpose: 'melamar pekerjaan',
        heightCm: 158,
        weightKg: 52.5,
        bloodPressure: '110/70',
        pulse: 80,
        bloodType: 'O',
        colorVision: 'normal',
        note: 'Tidak ada kelainan',
        paper,
      });
      const p = await pdfOf(letter.id, `surat-sehat-${paper}`);
      has(
        p,
        'SURAT KETERANGAN SEHAT',
        `Nomor: ${letter.number}`,
        'Siti Nurhaliza',
        '36 tahun',
        'Guru SD',
        'telah diperiksa kesehatannya pada tanggal 23 November 2026',
        '158 cm',
        '52,5 kg',
        '110/70 mmHg',
        '80 kali/menit',
        'Golongan darah',
        'Normal (tidak buta warna)',
        'Tidak ada kelainan',
        'SEHAT',
        'untuk keperluan melamar pekerjaan',
        'Sukajaya, 23 November 2026',
        'dr. Rina Wulandari',
        'NIP. 198501012010012001',
        letter.verifyCode,
      );
      const size = pageSizeMm(p.file);
      expect(size.width).toBeCloseTo(paper === 'A4' ? 210 : 215, 0);
      expect(size.height).toBeCloseTo(paper === 'A4' ? 297 : 330, 0);
      pdfToPng(p.file, join(shots, paper === 'A4' ? '52-surat-sehat-a4' : '53-surat-sehat-f4'), 80);
    }
  });

  it('retries a missing archive on the next letters.pdf', async () => {
    const letter = await ok<Letter>('letters.createHealth', { patientId: patient.id, signerId: doctor.id, purpose: 'sekolah' });
    const archived = join(h.host.dataDir, 'surat', '2026', `${letter.number.replaceAll('/', '-')}.pdf`);
    await expect.poll(() => existsSync(archived)).toBe(true);
    execFileSync('rm', [archived]);
    await pdfOf(letter.id, 'again');
    expect(existsSync(archived)).toBe(true);
  });
});
