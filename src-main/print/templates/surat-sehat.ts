import { colorVisionLabels, healthDataSchema } from '../../contract';
import { esc } from '../html';
import { doctorAttests, factRows, letterDocument, longDate, type LetterContext } from './surat';

const number = (v: number | null, unit: string) => (v === null ? null : `${new Intl.NumberFormat('id-ID').format(v)} ${unit}`);

/** Surat keterangan sehat: who, the examination with its findings, the conclusion and the purpose. */
export function suratSehat(ctx: LetterContext): string {
  const d = healthDataSchema.parse(ctx.letter.data);
  return letterDocument(ctx, {
    title: 'Surat Keterangan Sehat',
    signerRole: 'Dokter Pemeriksa',
    css: '.conclusion { font-size: 13pt; font-weight: bold; letter-spacing: 1pt; }',
    body: `
  ${doctorAttests(ctx, d)}
  <p>telah diperiksa kesehatannya pada tanggal ${longDate(d.examinationDate)} dengan hasil:</p>
  ${factRows([
    ['Tinggi badan', number(d.heightCm, 'cm')],
    ['Berat badan', number(d.weightKg, 'kg')],
    ['Tekanan darah', d.bloodPressure && `${d.bloodPressure} mmHg`],
    ['Nadi', d.pulse === null ? null : `${d.pulse} kali/menit`],
    ['Golongan darah', d.bloodType],
    ['Tes buta warna', d.colorVision && colorVisionLabels[d.colorVision]],
    ['Catatan', d.note],
  ])}
  <p>Kesimpulan: yang bersangkutan dinyatakan <span class="conclusion">${esc(d.conclusion)}</span>.</p>
  <p>Surat keterangan ini diberikan untuk keperluan ${esc(d.purpose)}.</p>`,
  });
}
