import type { z } from 'zod';
import {
  LoketError,
  checkLetterPattern,
  healthDataSchema,
  letterKindLabels,
  MAX_LEAVE_DAYS,
  renderLetterNumber,
  sickLeaveDataSchema,
  type HealthData,
  type Letter,
  type LetterKind,
  type LetterPaper,
  type LetterVerification,
  type letterMethods,
  type SharedSettings,
  type SickLeaveData,
} from '../contract';
import type { Executor } from '../db/repositories/executor';
import * as letters from '../db/repositories/letters';
import { listPractitioners, listUnits } from '../db/repositories/reference';
import { nextNumber } from '../db/repositories/sequences';
import { getAppointment, insertAppointment } from '../db/repositories/visit-records';
import { daysInWords, leaveDays, leaveEndDate, makeVerifyCode, nameInitials, parseVerifyCode, rmTail, verifyCodeMatches } from '../domain/surat';
import { addDays, ageInYears, localDate, tanggalPanjang } from '../domain/waktu';
import { translateConstraint } from './constraint';
import type { ServiceContext } from './context';
import { actorOf, type Handlers } from './handler';
import { loadSharedSettings } from './settings';

export interface IssueLetter<T> {
  kind: LetterKind;
  patientId: number;
  visitId?: number | null;
  signerId: number;
  /** Default: Pengaturan → Surat. */
  paper?: LetterPaper;
  data: T;
  /** The kind's schema: `data` is checked against it before it is stored. */
  schema: z.ZodType<T>;
  issuedBy: number;
}

export interface IssuedLetter {
  id: number;
  number: string;
  verifyCode: string;
  issuedDate: string;
}

/** The letter's patient, refused when unknown or merged into another (no number is taken). */
export async function requireLetterPatient(db: Executor, patientId: number) {
  const patient = await letters.letterPatient(db, patientId);
  if (!patient)
    throw new LoketError('NOT_FOUND', `Pasien dengan id ${patientId} tidak ditemukan.`, [{ path: 'patientId', message: 'Tidak ditemukan' }]);
  if (patient.mergedInto !== null) {
    const kept = await letters.letterPatient(db, patient.mergedInto);
    throw new LoketError(
      'CONFLICT',
      `${patient.name} (${patient.rmNumber}) sudah digabung ke pasien lain${kept ? ` (No. RM ${kept.rmNumber})` : ''}: terbitkan surat untuk pasien itu.`,
      [{ path: 'patientId', message: 'Pasien sudah digabung' }],
    );
  }
  return patient;
}

/** An active practitioner from the list; anyone else cannot sign (or record) a letter. */
export async function requireActivePractitioner(db: Executor, id: number, path = 'signerId') {
  const p = (await listPractitioners(db)).find((x) => x.id === id);
  if (!p || !p.active) {
    throw new LoketError(
      'VALIDATION',
      p
        ? `${p.name} tidak aktif di daftar tenaga kesehatan: pilih penanda tangan yang aktif.`
        : 'Penanda tangan harus tenaga kesehatan di daftar tenaga kesehatan (Pengaturan → Tenaga Kesehatan).',
      [{ path, message: p ? 'Tidak aktif' : 'Bukan tenaga kesehatan terdaftar' }],
    );
  }
  return p;
}

async function requireVisitOf(db: Executor, visitId: number, patientId: number) {
  const visit = await letters.letterVisit(db, visitId);
  if (!visit || visit.patientId !== patientId) {
    throw new LoketError('VALIDATION', 'Kunjungan ini tidak ditemukan atau bukan kunjungan pasien ini.', [
      { path: 'visitId', message: 'Tidak cocok' },
    ]);
  }
  return visit;
}

/**
 * The core every kind of letter is issued through, inside the caller's transaction: checks the
 * patient (not merged) and the signer (an active practitioner), takes the next number of the
 * kind's yearly sequence, renders it with the kind's pattern and stores the letter with its
 * verification code. A refusal anywhere in the caller's transaction rolls the sequence back, so
 * no number is consumed. After the commit, call `letterIssued` (it archives the PDF).
 */
export async function issueLetter<T>(trx: Executor, ctx: ServiceContext, input: IssueLetter<T>): Promise<IssuedLetter> {
  await requireLetterPatient(trx, input.patientId);
  await requireActivePractitioner(trx, input.signerId);
  if (input.visitId != null) await requireVisitOf(trx, input.visitId, input.patientId);
  const parsed = input.schema.safeParse(input.data);
  if (!parsed.success) throw new Error(`isi surat ${input.kind} tidak sesuai skemanya: ${parsed.error.message}`);
  const settings = await loadSharedSettings(trx);
  const pattern = settings.letters.patterns[input.kind];
  const check = checkLetterPattern(pattern);
  if (!check.ok)
    throw new LoketError('VALIDATION', `Pola nomor ${letterKindLabels[input.kind].toLowerCase()} di Pengaturan → Surat salah: ${check.reason}`);
  const issuedAt = ctx.now().toISOString();
  const issuedDate = localDate(ctx.now(), settings.timeZone);
  const year = Number(issuedDate.slice(0, 4));
  const seq = await nextNumber(trx, `surat:${input.kind}`, String(year));
  const number = renderLetterNumber(pattern, { seq, unitCode: settings.letters.unitCode, date: issuedDate });
  const secret = await letters.letterSecret(trx);
  const { id, verifyCode } = await letters
    .insertLetter(
      trx,
      {
        kind: input.kind,
        number,
        seq,
        year,
        patientId: input.patientId,
        visitId: input.visitId ?? null,
        signerId: input.signerId,
        issuedAt,
        issuedDate,
        issuedBy: input.issuedBy,
        data: parsed.data,
        paper: input.paper ?? settings.letters.paper,
      },
      (id) => makeVerifyCode(secret, { id, kind: input.kind, number, patientId: input.patientId, issuedAt, signerId: input.signerId }),
    )
    .catch((error: unknown) =>
      translateConstraint(error, {
        number: {
          path: 'number',
          message: `Nomor surat ${number} sudah dipakai surat lain: pola nomor tiap jenis surat harus berbeda (Pengaturan → Surat).`,
        },
      }),
    );
  return { id, number, verifyCode, issuedDate };
}

/** After the issuing transaction committed: lists reload and the print layer archives the PDF. */
export function letterIssued(ctx: ServiceContext, letter: { id: number; kind: LetterKind }): void {
  ctx.events.emit('letters.changed', { letterId: letter.id, kind: letter.kind, change: 'issued' });
}

export async function requireLetter(db: Executor, id: number): Promise<Letter> {
  const letter = await letters.getLetter(db, id);
  if (!letter) throw new LoketError('NOT_FOUND', `Surat dengan id ${id} tidak ditemukan.`);
  return letter;
}

/** "Jl. Melati 3 RT 002/RW 005, Desa/Kel. …": the address as a letter prints it. */
function addressOf(p: { street: string | null; rt: string | null; rw: string | null; region: string | null }): string {
  const rtrw = p.rt || p.rw ? `RT ${p.rt ?? '-'}/RW ${p.rw ?? '-'}` : '';
  return [p.street, rtrw, p.region].filter(Boolean).join(', ') || '-';
}

/** Facts shared by the sick-leave and health letters: examination date, age, occupation, address. */
async function personFacts(
  db: Executor,
  settings: SharedSettings,
  now: Date,
  input: { patientId: number; visitId?: number; examinationDate?: string; occupation?: string },
) {
  const patient = await requireLetterPatient(db, input.patientId);
  const visit = input.visitId !== undefined ? await requireVisitOf(db, input.visitId, input.patientId) : null;
  const today = localDate(now, settings.timeZone);
  const examinationDate = input.examinationDate ?? visit?.date ?? today;
  if (examinationDate > today)
    throw new LoketError('VALIDATION', 'Tanggal pemeriksaan tidak boleh sesudah hari ini.', [{ path: 'examinationDate', message: 'Belum terjadi' }]);
  return {
    patient,
    visit,
    today,
    examinationDate,
    facts: {
      occupation: input.occupation || patient.occupation || '-',
      address: addressOf(patient),
      ageYears: ageInYears(patient.birthDate, examinationDate),
      sex: patient.sex as 'L' | 'P',
      examinationDate,
    },
  };
}

/** Days and last day of a leave from what the doctor filled in, or a clear refusal. */
export function leaveSpan(input: { startDate: string; days?: number; endDate?: string }): { days: number; endDate: string } {
  if (input.days === undefined && input.endDate === undefined)
    throw new LoketError('VALIDATION', 'Isi lama istirahat (jumlah hari) atau tanggal terakhir istirahat.', [
      { path: 'days', message: 'Wajib diisi' },
    ]);
  if (input.endDate !== undefined && input.endDate < input.startDate)
    throw new LoketError(
      'VALIDATION',
      `Tanggal terakhir istirahat (${tanggalPanjang(input.endDate)}) sebelum tanggal mulainya (${tanggalPanjang(input.startDate)}).`,
      [{ path: 'endDate', message: 'Sebelum tanggal mulai' }],
    );
  const days = input.days ?? leaveDays(input.startDate, input.endDate!);
  if (days < 1) throw new LoketError('VALIDATION', 'Lama istirahat minimal 1 (satu) hari.', [{ path: 'days', message: 'Minimal 1 hari' }]);
  if (days > MAX_LEAVE_DAYS)
    throw new LoketError('VALIDATION', `Lama istirahat ${days} hari terlalu panjang untuk satu surat (paling lama ${daysInWords(MAX_LEAVE_DAYS)}).`, [
      { path: 'days', message: `Maksimal ${MAX_LEAVE_DAYS} hari` },
    ]);
  const endDate = leaveEndDate(input.startDate, days);
  if (input.endDate !== undefined && input.endDate !== endDate)
    throw new LoketError(
      'VALIDATION',
      `${daysInWords(days)} sejak ${tanggalPanjang(input.startDate)} berakhir ${tanggalPanjang(endDate)}, bukan ${tanggalPanjang(input.endDate)}.`,
      [{ path: 'endDate', message: 'Tidak cocok dengan jumlah hari' }],
    );
  return { days, endDate };
}

export function letterHandlers(ctx: ServiceContext): Handlers<keyof typeof letterMethods> {
  return {
    'letters.createSickLeave': async (input, call) => {
      const by = actorOf(call).id;
      const at = ctx.now().toISOString();
      const { days, endDate } = leaveSpan(input);
      const result = await ctx.db.transaction().execute(async (trx) => {
        const settings = await loadSharedSettings(trx);
        const { visit, examinationDate, facts } = await personFacts(trx, settings, ctx.now(), input);
        if (input.startDate < examinationDate)
          throw new LoketError('VALIDATION', 'Istirahat tidak boleh dimulai sebelum tanggal pemeriksaan.', [
            { path: 'startDate', message: 'Sebelum tanggal pemeriksaan' },
          ]);
        const policy = settings.letters;
        if (days > policy.sickLeaveMaxDays && !input.reexamination)
          throw new LoketError('VALIDATION', policy.sickLeaveMessage, [
            { path: 'days', message: `Lebih dari ${policy.sickLeaveMaxDays} hari: catat pemeriksaan ulang` },
          ]);
        const signer = await requireActivePractitioner(trx, input.signerId);
        let reexamination: SickLeaveData['reexamination'] = null;
        let appointmentId: number | null = null;
        if (input.reexamination) {
          const doctor = await requireActivePractitioner(trx, input.reexamination.recordedBy, 'reexamination.recordedBy');
          // The control visit: the day after the last day of leave (seed 000: back on day 4).
          const controlDate = addDays(endDate, 1);
          const unitId = input.reexamination.unitId ?? visit?.unitId ?? signer.unitId;
          const unit = (await listUnits(trx)).find((u) => u.id === unitId && u.active);
          if (!unit)
            throw new LoketError('VALIDATION', 'Pilih unit aktif untuk kunjungan kontrol pemeriksaan ulang.', [
              { path: 'reexamination.unitId', message: 'Unit kontrol belum dipilih' },
            ]);
          appointmentId = await insertAppointment(trx, {
            patientId: input.patientId,
            unitId: unit.id,
            date: controlDate,
            note: `Pemeriksaan ulang setelah istirahat sakit ${daysInWords(days)}: ${input.reexamination.note}`.slice(0, 200),
            createdBy: by,
            at,
          });
          reexamination = { recordedById: doctor.id, recordedByName: doctor.name, note: input.reexamination.note, controlDate };
        }
        const data: SickLeaveData = {
          ...facts,
          startDate: input.startDate,
          endDate,
          days,
          purpose: input.purpose ?? '',
          diagnosis: input.diagnosis ?? '',
          diagnosisConsent: input.diagnosisConsent ?? false,
          reexamination,
          appointmentId,
        };
        const issued = await issueLetter(trx, ctx, {
          kind: 'sakit',
          patientId: input.patientId,
          visitId: input.visitId ?? null,
          signerId: input.signerId,
          paper: input.paper,
          data,
          schema: sickLeaveDataSchema,
          issuedBy: by,
        });
        return { issued, appointmentId };
      });
      letterIssued(ctx, { id: result.issued.id, kind: 'sakit' });
      if (result.appointmentId !== null) ctx.events.emit('appointments.changed', { appointmentId: result.appointmentId });
      ctx.log.info(`surat keterangan sakit ${result.issued.id} diterbitkan oleh user ${by}`);
      return {
        letter: await requireLetter(ctx.db, result.issued.id),
        appointment: result.appointmentId !== null ? ((await getAppointment(ctx.db, result.appointmentId)) ?? null) : null,
      };
    },

    'letters.createHealth': async (input, call) => {
      const by = actorOf(call).id;
      const issued = await ctx.db.transaction().execute(async (trx) => {
        const settings = await loadSharedSettings(trx);
        const { facts } = await personFacts(trx, settings, ctx.now(), input);
        const data: HealthData = {
          ...facts,
          purpose: input.purpose,
          heightCm: input.heightCm ?? null,
          weightKg: input.weightKg ?? null,
          bloodPressure: input.bloodPressure ?? null,
          pulse: input.pulse ?? null,
          bloodType: input.bloodType ?? null,
          colorVision: input.colorVision ?? null,
          note: input.note ?? '',
          conclusion: input.conclusion || 'SEHAT',
        };
        return issueLetter(trx, ctx, {
          kind: 'sehat',
          patientId: input.patientId,
          visitId: input.visitId ?? null,
          signerId: input.signerId,
          paper: input.paper,
          data,
          schema: healthDataSchema,
          issuedBy: by,
        });
      });
      letterIssued(ctx, { id: issued.id, kind: 'sehat' });
      ctx.log.info(`surat keterangan sehat ${issued.id} diterbitkan oleh user ${by}`);
      return requireLetter(ctx.db, issued.id);
    },

    'letters.get': async ({ id }) => requireLetter(ctx.db, id),

    'letters.list': async ({ kind, from, to, patientId, text, status, limit }) => {
      if (from && to && to < from)
        throw new LoketError('VALIDATION', 'Tanggal akhir sebelum tanggal awal.', [{ path: 'to', message: 'Sebelum tanggal awal' }]);
      return letters.listLetters(ctx.db, { kind, from, to, patientId, text: text || undefined, status, limit });
    },

    'letters.cancel': async ({ id, reason }, call) => {
      const by = actorOf(call).id;
      const at = ctx.now().toISOString();
      const letter = await ctx.db.transaction().execute(async (trx) => {
        const current = await requireLetter(trx, id);
        if (!(await letters.cancelLetter(trx, id, { at, by, reason })))
          throw new LoketError('CONFLICT', `Surat ${current.number} sudah dibatalkan pada ${current.cancelledAt ?? '-'}.`);
        return current;
      });
      ctx.events.emit('letters.changed', { letterId: id, kind: letter.kind, change: 'cancelled' });
      ctx.log.info(`surat ${id} dibatalkan oleh user ${by}`);
      return requireLetter(ctx.db, id);
    },

    'letters.verify': async ({ code }) => verifyLetter(ctx, code),
  };
}

/** What the verify screen and GET /verify/<code> show; never the full name, address or diagnosis. */
export async function verifyLetter(ctx: ServiceContext, input: string): Promise<LetterVerification> {
  const parsed = parseVerifyCode(input);
  const unknown: LetterVerification = {
    result: 'tidak_dikenal',
    message: 'Kode verifikasi tidak dikenal: surat dengan kode ini tidak pernah diterbitkan oleh puskesmas ini.',
    letter: null,
  };
  if (!parsed) return unknown;
  const secret = await letters.existingLetterSecret(ctx.db);
  if (secret === null) return unknown;
  const row =
    (await letters.letterForVerification(ctx.db, { code: parsed.code })) ?? (await letters.letterForVerification(ctx.db, { id: parsed.id }));
  if (!row) return unknown;
  const facts = { id: row.id, kind: row.kind, number: row.number, patientId: row.patientId, issuedAt: row.issuedAt, signerId: row.signerId };
  if (row.verifyCode !== parsed.code || !verifyCodeMatches(secret, facts, parsed.code)) {
    return {
      result: 'tidak_sah',
      message:
        'Kode verifikasi tidak sah: kode ini tidak cocok dengan surat yang diterbitkan. Periksa kembali ketikan kode; bila sama dengan yang tercetak, surat ini patut diduga palsu atau diubah.',
      letter: null,
    };
  }
  const settings = await loadSharedSettings(ctx.db);
  const kind = row.kind as LetterKind;
  const cancelled = row.status === 'batal';
  return {
    result: cancelled ? 'batal' : 'sah',
    message: cancelled
      ? 'Surat ini pernah diterbitkan tetapi sudah DIBATALKAN oleh puskesmas: tidak berlaku.'
      : 'Surat ini SAH: diterbitkan oleh puskesmas ini dan tidak dibatalkan.',
    letter: {
      kind,
      kindLabel: letterKindLabels[kind],
      number: row.number,
      issuedDate: row.issuedDate,
      patientInitials: nameInitials(row.patientName),
      rmTail: rmTail(row.rmNumber),
      signerName: row.signerName,
      puskesmasName: settings.puskesmas.name,
      status: cancelled ? 'batal' : 'terbit',
      cancelledDate: row.cancelledAt ? localDate(new Date(row.cancelledAt), settings.timeZone) : null,
    },
  };
}
