import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPdf, type ChromiumPdf } from '../../src-main/app/pdf-chromium';
import type { Facility, InternalReferral, PatientRecord, Practitioner, Referral, Unit } from '../../src-main/contract';
import { screenshotDir } from '../helpers/browser';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';
import { expectPdfText, pageSizeMm, pdfToPng, readPdf, type RenderedPdf } from '../helpers/pdf';

const shots = screenshotDir(mkdtempSync(join(tmpdir(), 'loket-referral-print-')));
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('surat rujukan and the internal slip as PDF (Chromium → pdftotext)', () => {
  let h: HttpHost;
  let pdf: ChromiumPdf;
  let admin: string;
  let doctor: Practitioner;
  let patient: PatientRecord;
  let rsud: Facility;
  let units: Unit[];
  const clock = new Date('2026-11-23T02:00:00Z');
  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  async function pdfOf(id: number, name: string): Promise<RenderedPdf> {
    const { base64 } = await ok<{ base64: string }>('letters.pdf', { id });
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
      },
      letters: { unitCode: 'PKM-SJ', place: 'Sukajaya' },
    });
    units = await ok<Unit[]>('units.list', {});
    doctor = await ok<Practitioner>('practitioners.save', {
      name: 'dr. Rina Wulandari',
      profession: 'dokter',
      nip: '198501012010012001',
      sip: '445/123/SIP/2024',
      str: null,
      unitId: units.find((u) => u.code === 'UMUM')!.id,
    });
    rsud = await ok<Facility>('facilities.save', {
      name: 'RSUD Prof. Dr. Margono Soekarjo',
      kind: 'rs',
      code: '0302R001',
      address: 'Jl. Dr. Gumbreg No. 1, Purwokerto',
      phone: '0281-632708',
    });
    await ok('facilities.saveSpecialties', { facilityId: rsud.id, specialties: ['Jantung dan Pembuluh Darah', 'Penyakit Dalam'] });
    await ok('diagnoses.import', {
      file: { name: 'icd.csv', contentBase64: b64('kode;nama\nI21.9;Infark miokard akut, tidak spesifik\n') },
      dryRun: false,
    });
    patient = (
      await ok<{ patient: PatientRecord }>('patients.create', {
        name: 'Slamet Riyadi',
        birthDate: '1961-04-09',
        birthPlace: 'Banyumas',
        sex: 'L',
        phone: '081234567890',
        bpjsNumber: '0001234567890',
        nik: '3302120904610003',
        addressStreet: 'Jl. Merdeka No. 7',
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

  for (const paper of ['A4', 'F4'] as const) {
    it(`prints every SISRUTE field of a referral on one ${paper} page`, async () => {
      const r = await ok<Referral>('letters.createReferral', {
        patientId: patient.id,
        signerId: doctor.id,
        facilityId: rsud.id,
        specialty: 'Jantung dan Pembuluh Darah',
        emergency: true,
        anamnesis: 'Nyeri dada kiri menjalar ke lengan kiri sejak 2 jam, keringat dingin, mual.',
        physicalExam: 'Tampak sakit berat, akral dingin, ronki basah halus di basal paru.',
        vitals: { systolic: 160, diastolic: 100, pulse: 112, respiration: 24, temperature: 36.8, spo2: 93, consciousness: 'compos mentis' },
        supportingResults: 'EKG: ST elevasi V1–V4.',
        diagnosisCode: 'I21.9',
        therapy: 'Aspirin 160 mg dikunyah, ISDN 5 mg sublingual, O2 3 L/menit.',
        reason: 'Butuh penanganan spesialis jantung dan kateterisasi.',
        paper,
      });
      const p = await pdfOf(r.letterId, `surat-rujukan-${paper}`);
      has(
        p,
        'UPT PUSKESMAS SUKAJAYA',
        'SURAT RUJUKAN',
        `Nomor: ${r.number}`,
        'GAWAT DARURAT',
        'Jantung dan Pembuluh Darah',
        'RSUD Prof. Dr. Margono Soekarjo',
        'Jl. Dr. Gumbreg No. 1, Purwokerto',
        'Telp. 0281-632708',
        patient.rmNumber,
        'Slamet Riyadi',
        'Laki-laki',
        'Banyumas, 9 April 1961 (65 tahun)',
        'Jl. Merdeka No. 7, RT 002/RW 005',
        '081234567890',
        '0001234567890',
        '3302120904610003',
        'Riwayat penyakit (anamnesis)',
        'Nyeri dada kiri menjalar ke lengan kiri sejak 2 jam',
        'ronki basah halus',
        'TD 160/100 mmHg',
        'Nadi 112 x/menit',
        'RR 24 x/menit',
        'Suhu 36,8 °C',
        'SpO2 93%',
        'Kesadaran compos mentis',
        'EKG: ST elevasi V1–V4.',
        'I21.9 — Infark miokard akut, tidak spesifik',
        'Aspirin 160 mg dikunyah',
        'Butuh penanganan spesialis jantung dan kateterisasi.',
        'Sukajaya, 23 November 2026',
        'Dokter Perujuk',
        'dr. Rina Wulandari',
        'NIP. 198501012010012001',
      );
      expect(p.pages).toBe(1);
      const size = pageSizeMm(p.file);
      expect(size.width).toBeCloseTo(paper === 'A4' ? 210 : 215, 0);
      expect(size.height).toBeCloseTo(paper === 'A4' ? 297 : 330, 0);
      pdfToPng(p.file, join(shots, paper === 'A4' ? '56-surat-rujukan-a4' : '57-surat-rujukan-f4'), 80);
    });
  }

  it('prints the internal slip: to and from which unit, the patient and the request', async () => {
    const unit = (code: string) => units.find((u) => u.code === code)!.id;
    const slip = await ok<InternalReferral>('letters.createInternal', {
      patientId: patient.id,
      signerId: doctor.id,
      fromUnitId: unit('UMUM'),
      toUnitId: unit('LAB'),
      request: 'Darah rutin, GDS, kolesterol total',
      note: 'Pasien puasa sejak malam',
    });
    const p = await pdfOf(slip.letterId, 'rujukan-internal');
    has(
      p,
      'RUJUKAN INTERNAL (LINTAS KLASTER)',
      `Nomor: ${slip.number}`,
      'Kepada',
      'Laboratorium',
      'Poli Umum',
      patient.rmNumber,
      'Slamet Riyadi',
      'Laki-laki, 65 tahun',
      'Darah rutin, GDS, kolesterol total',
      'Pasien puasa sejak malam',
      'dr. Rina Wulandari',
    );
    expect(p.pages).toBe(1);
    pdfToPng(p.file, join(shots, '58-rujukan-internal'), 80);
  });
});
