import { internalSlipDataSchema, referralLetterDataSchema, type Vitals } from '../../contract';
import { ageInYears } from '../../domain/waktu';
import { esc } from '../html';
import { factRows, letterDocument, longDate, sexLabel, type LetterContext } from './surat';

const num = (v: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(v);

/** "TD 160/100 mmHg · Nadi 110 x/menit · …": the vital signs measured, in the order of a referral form. */
export function vitalsLine(v: Vitals): string {
  const parts: string[] = [];
  if (v.systolic != null || v.diastolic != null)
    parts.push(`TD ${v.systolic != null ? num(v.systolic) : '-'}/${v.diastolic != null ? num(v.diastolic) : '-'} mmHg`);
  if (v.pulse != null) parts.push(`Nadi ${num(v.pulse)} x/menit`);
  if (v.respiration != null) parts.push(`RR ${num(v.respiration)} x/menit`);
  if (v.temperature != null) parts.push(`Suhu ${num(v.temperature)} °C`);
  if (v.spo2 != null) parts.push(`SpO2 ${num(v.spo2)}%`);
  if (v.weightKg != null) parts.push(`BB ${num(v.weightKg)} kg`);
  if (v.consciousness) parts.push(`Kesadaran ${v.consciousness}`);
  return parts.join(' · ') || '-';
}

/** A numbered clinical section: the heading and the text as written (line breaks kept), '-' when empty. */
const section = (n: number, title: string, text: string) =>
  `<div class="sec"><div class="h">${n}. ${esc(title)}</div><div class="t">${esc(text || '-')}</div></div>`;

const css = `
.page { font-size: 10.5pt; line-height: 1.35; }
.to { margin: 0 0 3mm; }
.emergency { align-self: flex-start; border: 0.5mm solid #000; font-weight: bold; padding: 0.5mm 3mm; letter-spacing: 1pt; margin-bottom: 2mm; }
table.facts { margin-bottom: 2mm; } table.facts td.k { width: 40mm; }
.sec { margin: 0 0 1.6mm 8mm; } .sec .h { font-weight: bold; } .sec .t { white-space: pre-wrap; margin-left: 4.5mm; }
.foot { margin-top: 3mm; } .sign .space { height: 17mm; }
`;

/**
 * Surat rujukan to an FKRTL laid out like the SISRUTE referral form (seed 002): destination and
 * specialty, the patient's identity (RM, name, sex, place and date of birth, address, contact,
 * JKN, NIK), then the clinical part — history, examination with vital signs, supporting results,
 * diagnosis with its code, therapy given, reason — and the referring doctor. One page on A4 or F4.
 */
export function suratRujukan(ctx: LetterContext): string {
  const d = referralLetterDataSchema.parse(ctx.letter.data);
  const p = d.patient;
  const age = ageInYears(p.birthDate, ctx.letter.issuedDate);
  const diagnosis = d.diagnosis.code ? `${d.diagnosis.code} — ${d.diagnosis.text}` : d.diagnosis.text;
  const destination = [d.facility.name, d.facility.address, d.facility.phone && `Telp. ${d.facility.phone}`].filter(Boolean).join(', ');
  return letterDocument(ctx, {
    title: 'Surat Rujukan',
    signerRole: 'Dokter Perujuk',
    css,
    body: `
  ${d.emergency ? '<div class="emergency">GAWAT DARURAT</div>' : ''}
  <p class="to">Kepada Yth.<br>dokter spesialis/poli <b>${esc(d.specialty)}</b><br>${esc(destination)}<br>di tempat</p>
  <p>Dengan hormat, mohon pemeriksaan dan penanganan lebih lanjut terhadap pasien:</p>
  ${factRows([
    ['No. rekam medis', p.rmNumber],
    ['Nama', p.name],
    ['Jenis kelamin', sexLabel(p.sex)],
    ['Tempat, tanggal lahir', `${p.birthPlace ? `${p.birthPlace}, ` : ''}${longDate(p.birthDate)} (${age} tahun)`],
    ['Alamat', p.address],
    ['No. telepon', p.phone ?? '-'],
    ['No. JKN/BPJS', p.jknNumber ?? '-'],
    ['NIK', p.nik ?? '-'],
  ])}
  ${section(1, 'Riwayat penyakit (anamnesis)', d.anamnesis)}
  ${section(2, 'Pemeriksaan fisik dan tanda vital', [d.physicalExam, vitalsLine(d.vitals)].filter(Boolean).join('\n'))}
  ${section(3, 'Pemeriksaan penunjang', d.supportingResults)}
  ${section(4, 'Diagnosis', diagnosis)}
  ${section(5, 'Terapi/tindakan yang telah diberikan', d.therapy)}
  ${section(6, 'Alasan rujukan', d.reason)}
  <p>Atas perhatian dan kerja sama Teman Sejawat, kami ucapkan terima kasih.</p>`,
  });
}

const slipCss = `
.page { font-size: 10.5pt; line-height: 1.35; }
table.facts td.k { width: 42mm; }
.foot { margin-top: 2mm; } .sign .space { height: 15mm; }
`;

/**
 * Slip rujukan internal (lintas klaster, seed 001 step 7): from which unit to which, the patient,
 * what the receiving unit is asked to do. Short: it travels with the patient and the folder.
 */
export function slipRujukanInternal(ctx: LetterContext): string {
  const d = internalSlipDataSchema.parse(ctx.letter.data);
  const p = d.patient;
  return letterDocument(ctx, {
    title: 'Rujukan Internal (Lintas Klaster)',
    signerRole: 'Dokter/Petugas Perujuk',
    css: slipCss,
    body: `
  ${factRows([
    ['Kepada', d.toUnit],
    ['Dari', d.fromUnit ?? '-'],
    ['Tanggal kunjungan', d.visitDate ? longDate(d.visitDate) : longDate(ctx.letter.issuedDate)],
    ['No. rekam medis', p.rmNumber],
    ['Nama', p.name],
    ['Jenis kelamin / umur', `${sexLabel(p.sex)}, ${ageInYears(p.birthDate, ctx.letter.issuedDate)} tahun`],
    ['Mohon', d.request],
    ['Catatan', d.note],
  ])}
  <p>Setelah dilayani, pasien kembali ke ${esc(d.fromUnit ?? 'unit perujuk')} bila perlu konsultasi ulang, atau ke farmasi.</p>`,
  });
}
