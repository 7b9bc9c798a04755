import { sickLeaveDataSchema } from '../../contract';
import { daysInWords } from '../../domain/surat';
import { esc } from '../html';
import { doctorAttests, letterDocument, longDate, type LetterContext } from './surat';

/**
 * Surat keterangan sakit: who, the examination date, the days of rest in digits and words, the
 * first and last day (inclusive); the diagnosis only with the patient's consent; the
 * re-examination date when the leave is longer than the policy.
 */
export function suratSakit(ctx: LetterContext): string {
  const d = sickLeaveDataSchema.parse(ctx.letter.data);
  const diagnosis = d.diagnosisConsent && d.diagnosis ? `, dengan diagnosis <b>${esc(d.diagnosis)}</b>,` : '';
  return letterDocument(ctx, {
    title: 'Surat Keterangan Sakit',
    signerRole: 'Dokter Pemeriksa',
    body: `
  ${doctorAttests(ctx, d)}
  <p>Berdasarkan hasil pemeriksaan pada tanggal ${longDate(d.examinationDate)}, yang bersangkutan dalam keadaan sakit${diagnosis}
  sehingga perlu beristirahat selama <b>${esc(daysInWords(d.days))}</b>, terhitung mulai tanggal <b>${longDate(d.startDate)}</b>
  sampai dengan tanggal <b>${longDate(d.endDate)}</b>.</p>
  ${
    d.reexamination
      ? `<p>Yang bersangkutan diminta datang kembali untuk pemeriksaan ulang pada tanggal <b>${longDate(d.reexamination.controlDate)}</b>.</p>`
      : ''
  }
  <p>${
    d.purpose
      ? `Surat keterangan ini diberikan untuk keperluan ${esc(d.purpose)}.`
      : 'Demikian surat keterangan ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.'
  }</p>`,
  });
}
