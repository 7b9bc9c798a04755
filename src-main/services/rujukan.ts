import {
  internalSlipDataSchema,
  LoketError,
  referralLetterDataSchema,
  type InternalReferral,
  type InternalSlipData,
  type Referral,
  type ReferralLetterData,
  type referralMethods,
} from '../contract';
import { diagnosisListSize, facilityById, findDiagnosis, specialtiesOf } from '../db/repositories/diagnoses';
import type { Executor } from '../db/repositories/executor';
import { folderIdOfPatient, getFolder } from '../db/repositories/folders';
import { letterVisit } from '../db/repositories/letters';
import { listUnits } from '../db/repositories/reference';
import * as repo from '../db/repositories/rujukan';
import { checkAdvance, nextStatuses, stepFields } from '../domain/rujukan';
import { localDate } from '../domain/waktu';
import type { ServiceContext } from './context';
import { recordFolderMove } from './folders';
import { actorOf, type Handlers } from './handler';
import { issueLetter, letterIssued, requireLetterPatient } from './letters';
import { emitQueueChanges, transferTicket } from './queue';
import { loadSharedSettings } from './settings';

/*
 * Surat rujukan (seed 002) and the internal referral slip (seed 001 step 7), on the letters core:
 * each is issued by `issueLetter` in the transaction that also writes its own rows, so a refusal
 * anywhere rolls the letter number back (no number consumed).
 *
 * Diagnosis: from the imported list when the list has codes (an unknown or inactive code is
 * refused); while nothing is imported yet the doctor writes it (code optional, text required), so
 * a puskesmas can refer on its first day. Specialty: one of the facility's listed specialties when
 * the directory lists any; otherwise written freely.
 */

const invalid = (path: string, message: string) => new LoketError('VALIDATION', message, [{ path, message }]);

/** "Jl. Melati 3, RT 002/RW 005, Desa/Kel. …" as the letters core prints an address. */
function addressLine(p: { street: string | null; rt: string | null; rw: string | null; region: string | null }): string {
  const rtrw = p.rt || p.rw ? `RT ${p.rt ?? '-'}/RW ${p.rw ?? '-'}` : '';
  return [p.street, rtrw, p.region].filter(Boolean).join(', ') || '-';
}

/** Referrals with their trail and follow-up notes, as the screens see them. */
async function referralsOut(db: Executor, records: repo.ReferralRecord[]): Promise<Referral[]> {
  const ids = records.map((r) => r.letterId);
  const [events, notes] = await Promise.all([repo.referralEvents(db, ids), repo.referralFollowUps(db, ids)]);
  return records.map((r) => {
    const { familyInformedAt: _told, ...rest } = r;
    return {
      ...rest,
      next: nextStatuses(r.status, r.emergency),
      events: events.filter((e) => e.letterId === r.letterId).map(({ letterId: _l, ...e }) => e),
      followUps: notes.filter((n) => n.letterId === r.letterId).map(({ letterId: _l, ...n }) => n),
    };
  });
}

export async function requireReferral(db: Executor, letterId: number): Promise<Referral> {
  const [record] = await repo.listReferrals(db, { letterIds: [letterId] });
  if (!record) throw new LoketError('NOT_FOUND', 'Surat rujukan ini tidak ditemukan (atau suratnya sudah dibatalkan).');
  return (await referralsOut(db, [record]))[0]!;
}

export function referralHandlers(ctx: ServiceContext): Handlers<keyof typeof referralMethods> {
  const changed = (letterId: number, status: string) => ctx.events.emit('referrals.changed', { letterId, status });

  return {
    'letters.createReferral': async (input, call) => {
      const by = actorOf(call).id;
      const at = ctx.now().toISOString();
      if (input.facilityId === undefined) throw invalid('facilityId', 'Pilih fasilitas tujuan rujukan dari direktori.');
      if (!input.diagnosisCode && !input.diagnosisText) throw invalid('diagnosisCode', 'Isi diagnosis: cari kode atau nama dari daftar diagnosis.');
      const issued = await ctx.db.transaction().execute(async (trx) => {
        const patient = await requireLetterPatient(trx, input.patientId);
        const facility = await facilityById(trx, input.facilityId!);
        if (!facility) throw invalid('facilityId', 'Fasilitas tujuan tidak ada di direktori rujukan.');
        if (!facility.active) throw invalid('facilityId', `${facility.name} tidak aktif di direktori rujukan: pilih tujuan lain.`);
        const specialties = await specialtiesOf(trx, facility.id);
        const specialty = input.specialty ?? '';
        if (specialty === '') throw invalid('specialty', `Pilih spesialis/poli tujuan di ${facility.name}.`);
        if (specialties.length > 0 && !specialties.some((s) => s.toLowerCase() === specialty.toLowerCase()))
          throw invalid('specialty', `${facility.name} tidak mempunyai spesialis/poli "${specialty}" di direktori: pilih ${specialties.join(', ')}.`);
        const chosenSpecialty = specialties.find((s) => s.toLowerCase() === specialty.toLowerCase()) ?? specialty;

        let diagnosis: ReferralLetterData['diagnosis'];
        if ((await diagnosisListSize(trx)) > 0) {
          const code = (input.diagnosisCode ?? '').replace(/\s+/g, '').toUpperCase();
          if (code === '') throw invalid('diagnosisCode', 'Pilih diagnosis dari daftar diagnosis (cari kode atau nama).');
          const found = await findDiagnosis(trx, code);
          if (!found || !found.active) throw invalid('diagnosisCode', `Kode diagnosis ${code} tidak ada di daftar diagnosis yang aktif.`);
          diagnosis = { code: found.code, text: found.text, fromList: true };
        } else {
          if (!input.diagnosisText) throw invalid('diagnosisText', 'Daftar diagnosis belum diimpor: tulis nama diagnosis.');
          diagnosis = { code: (input.diagnosisCode ?? '').toUpperCase(), text: input.diagnosisText, fromList: false };
        }
        const facts = await repo.referralPatientFacts(trx, patient.id);
        const settings = await loadSharedSettings(trx);
        // Without a chosen visit the referral belongs to the patient's visit of today (the register counts it there).
        const visitId = input.visitId ?? (await repo.todaysVisitOf(trx, patient.id, localDate(ctx.now(), settings.timeZone)))?.id ?? null;
        const data: ReferralLetterData = {
          patient: {
            rmNumber: patient.rmNumber,
            name: patient.name,
            sex: patient.sex,
            phone: facts?.phone ?? null,
            address: addressLine(patient),
            birthPlace: facts?.birthPlace ?? null,
            birthDate: patient.birthDate,
            jknNumber: facts?.jknNumber ?? null,
            nik: facts?.nik ?? null,
          },
          anamnesis: input.anamnesis,
          physicalExam: input.physicalExam ?? '',
          vitals: input.vitals ?? {},
          supportingResults: input.supportingResults ?? '',
          diagnosis,
          therapy: input.therapy ?? '',
          reason: input.reason,
          facility: { id: facility.id, code: facility.code, name: facility.name, address: facility.address, phone: facility.phone },
          specialty: chosenSpecialty,
          emergency: input.emergency,
        };
        const letter = await issueLetter(trx, ctx, {
          kind: 'rujukan',
          patientId: patient.id,
          visitId,
          signerId: input.signerId,
          paper: input.paper,
          data,
          schema: referralLetterDataSchema,
          issuedBy: by,
        });
        await repo.insertReferral(trx, {
          letterId: letter.id,
          patientId: patient.id,
          visitId,
          date: localDate(ctx.now(), settings.timeZone),
          facilityId: facility.id,
          specialty: chosenSpecialty,
          diagnosisCode: diagnosis.code,
          diagnosisText: diagnosis.text,
          emergency: input.emergency,
          signerId: input.signerId,
          at,
        });
        await repo.insertReferralEvent(trx, {
          letterId: letter.id,
          status: 'dibuat',
          at,
          userId: by,
          note: null,
          sisruteNumber: null,
          reason: null,
          transport: null,
          escortName: null,
          familyInformedAt: null,
          receivedBy: null,
          admitted: null,
        });
        return letter;
      });
      letterIssued(ctx, { id: issued.id, kind: 'rujukan' });
      changed(issued.id, 'dibuat');
      ctx.log.info(`surat rujukan ${issued.id} diterbitkan oleh user ${by}`);
      return requireReferral(ctx.db, issued.id);
    },

    'referrals.get': async ({ letterId }) => requireReferral(ctx.db, letterId),

    'referrals.list': async ({ status, includeClosed, patientId }) => {
      const since = includeClosed ? new Date(ctx.now().getTime() - 30 * 86_400_000).toISOString() : undefined;
      const records = await repo.listReferrals(ctx.db, { status, patientId, open: status === undefined, closedSince: since });
      return referralsOut(ctx.db, records);
    },

    'referrals.advance': async (input, call) => {
      const by = actorOf(call).id;
      const now = ctx.now();
      const at = now.toISOString();
      const { letterId, ...step } = input;
      await ctx.db.transaction().execute(async (trx) => {
        const [current] = await repo.listReferrals(trx, { letterIds: [letterId] });
        if (!current) throw new LoketError('NOT_FOUND', 'Surat rujukan ini tidak ditemukan (atau suratnya sudah dibatalkan).');
        const check = checkAdvance(current, step, now);
        if (!check.ok)
          throw new LoketError(
            check.field === 'status' ? 'CONFLICT' : 'VALIDATION',
            check.message,
            check.field ? [{ path: check.field, message: check.message }] : [],
          );
        const fields = stepFields(step);
        const moved = await repo.setReferralStatus(trx, letterId, current.status, {
          status: step.status,
          at,
          ...(fields.sisruteNumber !== null ? { sisruteNumber: fields.sisruteNumber } : {}),
          ...(fields.familyInformedAt !== null ? { familyInformedAt: new Date(fields.familyInformedAt).toISOString() } : {}),
          ...(fields.admitted !== null ? { admitted: fields.admitted } : {}),
        });
        if (!moved) throw new LoketError('CONFLICT', 'Rujukan ini baru saja diubah petugas lain; muat ulang.');
        await repo.insertReferralEvent(trx, {
          letterId,
          status: step.status,
          at,
          userId: by,
          ...fields,
          familyInformedAt: fields.familyInformedAt === null ? null : new Date(fields.familyInformedAt).toISOString(),
        });
      });
      changed(letterId, step.status);
      return requireReferral(ctx.db, letterId);
    },

    'referrals.followUps': async ({ includeClosed }) =>
      referralsOut(ctx.db, await repo.listReferrals(ctx.db, { followUp: { includeClosed: includeClosed ?? false } })),

    'referrals.addNote': async ({ letterId, kind, note }, call) => {
      const by = actorOf(call).id;
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        const [current] = await repo.listReferrals(trx, { letterIds: [letterId] });
        if (!current) throw new LoketError('NOT_FOUND', 'Surat rujukan ini tidak ditemukan (atau suratnya sudah dibatalkan).');
        if (current.followUpClosed) throw new LoketError('CONFLICT', `Pemantauan ${current.patient.name} sudah ditutup (selesai dipantau).`);
        if (kind !== 'perkembangan' && current.status !== 'serah_terima')
          throw new LoketError('CONFLICT', 'Rujuk balik dan selesai dipantau dicatat sesudah serah terima pasien di rumah sakit.');
        await repo.insertFollowUp(trx, { letterId, kind, note, at, userId: by });
      });
      changed(letterId, 'catatan');
      return requireReferral(ctx.db, letterId);
    },

    'letters.createInternal': async (input, call) => {
      const actor = actorOf(call);
      const now = ctx.now();
      const at = now.toISOString();
      const result = await ctx.db.transaction().execute(async (trx) => {
        const settings = await loadSharedSettings(trx);
        const date = localDate(now, settings.timeZone);
        const patient = await requireLetterPatient(trx, input.patientId);
        // Without a visit named, the patient's visit of today (the one the doctor is writing in).
        const visit = input.visitId !== undefined ? await letterVisit(trx, input.visitId) : await repo.todaysVisitOf(trx, input.patientId, date);
        if (input.visitId !== undefined && (!visit || visit.patientId !== patient.id))
          throw invalid('visitId', 'Kunjungan ini tidak ditemukan atau bukan kunjungan pasien ini.');
        const units = await listUnits(trx);
        const to = units.find((u) => u.id === input.toUnitId);
        if (!to) throw invalid('toUnitId', 'Unit tujuan tidak ditemukan.');
        if (!to.active) throw invalid('toUnitId', `${to.name} sedang tidak aktif.`);
        const fromId = input.fromUnitId ?? visit?.unitId ?? null;
        const from = fromId === null ? null : units.find((u) => u.id === fromId);
        if (fromId !== null && !from) throw invalid('fromUnitId', 'Unit asal tidak ditemukan.');
        if (from && from.id === to.id) throw invalid('toUnitId', `Pasien sudah di ${to.name}: pilih unit lain.`);

        const data: InternalSlipData = {
          patient: { rmNumber: patient.rmNumber, name: patient.name, sex: patient.sex, birthDate: patient.birthDate },
          visitDate: visit?.date ?? null,
          fromUnit: from?.name ?? null,
          toUnit: to.name,
          request: input.request,
          note: input.note ?? '',
        };
        const letter = await issueLetter(trx, ctx, {
          kind: 'rujukan_internal',
          patientId: patient.id,
          visitId: visit?.id ?? null,
          signerId: input.signerId,
          paper: input.paper,
          data,
          schema: internalSlipDataSchema,
          issuedBy: actor.id,
        });

        // The folder follows the patient when it is at a unit (with the referring doctor). On the
        // shelf or in the records room it has not reached the patient yet: the clerk sends it
        // from there with a scan, so only a message is given.
        let movementId: number | null = null;
        let folderMessage: string | null = null;
        let folderId: number | null = null;
        const fid = await folderIdOfPatient(trx, patient.id);
        const folder = fid === undefined ? undefined : await getFolder(trx, fid);
        if (!folder) folderMessage = 'Pasien belum mempunyai berkas rekam medis.';
        else if (folder.locationKind !== 'unit')
          folderMessage = `Berkas ${folder.rmBase} belum di unit (masih di rak atau ruang rekam medis): kirim ke ${to.name} saat diambil.`;
        else if (folder.locationUnitId === to.id) folderMessage = `Berkas ${folder.rmBase} sudah di ${to.name}.`;
        else {
          const moved = await recordFolderMove(trx, {
            folderId: folder.id,
            to: { kind: 'unit', unitId: to.id },
            intent: 'move',
            at,
            day: date,
            actor: { id: actor.id, fullName: actor.fullName },
            settings,
            options: { method: 'sistem', reason: `Rujukan internal ${letter.number}` },
          });
          movementId = moved.movement.id;
          folderId = folder.id;
        }

        // A patient still in the referring poli's queue (waiting or with the doctor) moves to the
        // end of the unit's queue; a ticket already finished stays as it is.
        let ticket: { code: string; id: number } | null = null;
        let queueMessage: string | null = null;
        let changes: Awaited<ReturnType<typeof transferTicket>> | null = null;
        const ticketId = visit ? await repo.openTicketOfVisit(trx, visit.id, date) : undefined;
        if (ticketId === undefined) queueMessage = visit ? 'Kunjungan ini tidak mempunyai tiket antrean yang masih berjalan hari ini.' : null;
        else {
          changes = await transferTicket(trx, { ticketId, toUnitId: to.id, settings, now, at, date, userId: actor.id });
          ticket = { code: changes.ticket.code, id: changes.ticket.id };
        }

        await repo.insertInternalReferral(trx, {
          letterId: letter.id,
          patientId: patient.id,
          visitId: visit?.id ?? null,
          date,
          fromUnitId: from?.id ?? null,
          toUnitId: to.id,
          request: input.request,
          movementId,
          ticketId: ticket?.id ?? null,
          at,
        });
        const out: InternalReferral = {
          letterId: letter.id,
          number: letter.number,
          patient: { id: patient.id, rmNumber: patient.rmNumber, name: patient.name },
          fromUnit: from ? { id: from.id, name: from.name } : null,
          toUnit: { id: to.id, name: to.name },
          folderMoved: movementId !== null,
          folderMessage,
          ticketCode: ticket?.code ?? null,
          queueMessage,
        };
        return { out, folderId, changes, date };
      });
      letterIssued(ctx, { id: result.out.letterId, kind: 'rujukan_internal' });
      if (result.folderId !== null) ctx.events.emit('folders.changed', { folderId: result.folderId, change: 'moved' });
      if (result.changes)
        emitQueueChanges(ctx, [
          { date: result.date, serviceId: result.changes.from.serviceId, unitId: result.changes.from.unitId },
          { date: result.date, serviceId: result.changes.ticket.serviceId, unitId: result.changes.ticket.unitId },
        ]);
      return result.out;
    },
  };
}
