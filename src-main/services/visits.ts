import { LoketError, type SharedSettings, type Unit, type visitMethods } from '../contract';
import type { Executor } from '../db/repositories/executor';
import { getPatientRecord } from '../db/repositories/patient-records';
import { summariesByIds } from '../db/repositories/patients';
import { listTariffs, listUnits, saveTariff } from '../db/repositories/reference';
import { nextNumber } from '../db/repositories/sequences';
import * as visits from '../db/repositories/visit-records';
import { defaultUnit, proposeCluster, routedCluster } from '../domain/klaster';
import { isKunjunganBaru } from '../domain/kunjungan';
import { addDays, localDate } from '../domain/waktu';
import type { ServiceContext } from './context';
import { payVisit } from './cashier';
import { translateConstraint } from './constraint';
import { actorOf, type Handlers } from './handler';
import { emitQueueChanges, enqueueRegisteredVisit, type QueueChange } from './queue';
import { loadSharedSettings } from './settings';

export function visitHandlers(ctx: ServiceContext): Handlers<keyof typeof visitMethods> {
  const today = (s: SharedSettings) => localDate(ctx.now(), s.timeZone);

  async function requirePatient(db: Executor, id: number) {
    const patient = await getPatientRecord(db, id);
    if (!patient)
      throw new LoketError('NOT_FOUND', `Pasien dengan id ${id} tidak ditemukan (atau sudah digabung ke pasien lain).`, [
        { path: 'patientId', message: 'Tidak ditemukan' },
      ]);
    return patient;
  }
  async function requireVisit(db: Executor, id: number) {
    const visit = await visits.getVisit(db, id);
    if (!visit) throw new LoketError('NOT_FOUND', `Kunjungan dengan id ${id} tidak ditemukan.`);
    return visit;
  }
  async function activeUnit(db: Executor, id: number, field = 'unitId'): Promise<Unit> {
    const unit = (await listUnits(db)).find((u) => u.id === id);
    if (!unit) throw new LoketError('VALIDATION', 'Unit tujuan tidak ditemukan.', [{ path: field, message: 'Tidak ditemukan' }]);
    if (!unit.active) throw new LoketError('VALIDATION', `Unit ${unit.name} sedang tidak aktif.`, [{ path: field, message: 'Unit tidak aktif' }]);
    return unit;
  }

  return {
    'visits.propose': async ({ patientId, pregnantOrPostpartum }) => {
      const settings = await loadSharedSettings(ctx.db);
      const day = today(settings);
      const patient = await requirePatient(ctx.db, patientId);
      const proposal = proposeCluster({ birthDate: patient.birthDate, sex: patient.sex, pregnantOrPostpartum }, day, settings.lifeStage);
      const [summary] = await summariesByIds(ctx.db, [patientId]);
      const appointment = await visits.waitingAppointment(ctx.db, patientId, day);
      const units = (await listUnits(ctx.db)).filter((u) => u.active);
      return {
        patient: summary!,
        date: day,
        proposedCluster: proposal.cluster,
        lifeStage: proposal.lifeStage,
        clusterReason: proposal.reason,
        payer: patient.payerDefault,
        kunjunganBaru: isKunjunganBaru(await visits.visitDatesInYear(ctx.db, patientId, day), day),
        pasienBaru: localDate(new Date(patient.createdAt), settings.timeZone) === day,
        registeredTodayUnitIds: await visits.unitsVisitedOn(ctx.db, patientId, day),
        appointmentToday: appointment ? { id: appointment.id, unitId: appointment.unit_id, note: appointment.note } : null,
        defaultUnitId: defaultUnit(units, {
          lifeStage: proposal.lifeStage,
          pregnant: pregnantOrPostpartum === true && patient.sex === 'P',
          cluster: proposal.cluster,
          appointmentUnitId: appointment?.unit_id ?? null,
        }),
        unitClusters: units.map((u) => ({
          unitId: u.id,
          cluster: routedCluster({ emergency: false, unitCluster: u.cluster, proposed: proposal.cluster }),
        })),
      };
    },

    'visits.register': async (input, call) => {
      const settings = await loadSharedSettings(ctx.db);
      const day = today(settings);
      const at = ctx.now().toISOString();
      const clerk = actorOf(call);
      const warnings: string[] = [];
      if (input.payer === 'bpjs' && !input.bpjsFaskesConfirmed) {
        throw new LoketError(
          'VALIDATION',
          'Konfirmasi bahwa puskesmas ini adalah FKTP terdaftar pasien BPJS; bila bukan, daftarkan sebagai pasien umum.',
          [{ path: 'bpjsFaskesConfirmed', message: 'Belum dikonfirmasi' }],
        );
      }
      if (input.payer === 'asuransi_lain' && !input.insuranceName) {
        throw new LoketError('VALIDATION', 'Nama asuransi wajib diisi untuk penjamin asuransi lain.', [
          { path: 'insuranceName', message: 'Wajib diisi' },
        ]);
      }
      let queueChanges: QueueChange[] = [];
      const id = await ctx.db
        .transaction()
        .execute(async (trx) => {
          const patient = await requirePatient(trx, input.patientId);
          if (input.payer === 'bpjs' && !patient.bpjsNumber) {
            throw new LoketError('VALIDATION', 'Pasien belum mempunyai No. BPJS di datanya: lengkapi dulu, atau daftarkan sebagai pasien umum.', [
              { path: 'payer', message: 'No. BPJS belum ada' },
            ]);
          }
          // Emergencies go to UGD whatever was chosen (seed 001 step 3).
          let unit: Unit;
          if (input.emergency) {
            const ugd = (await listUnits(trx)).find((u) => u.code === 'UGD' && u.active);
            if (!ugd)
              throw new LoketError('VALIDATION', 'Unit UGD belum ada atau tidak aktif di Pengaturan → Unit.', [
                { path: 'emergency', message: 'UGD tidak tersedia' },
              ]);
            unit = ugd;
          } else {
            if (input.unitId === undefined) throw new LoketError('VALIDATION', 'Pilih unit tujuan.', [{ path: 'unitId', message: 'Wajib diisi' }]);
            unit = await activeUnit(trx, input.unitId);
          }
          const proposal = proposeCluster(
            { birthDate: patient.birthDate, sex: patient.sex, pregnantOrPostpartum: input.pregnantOrPostpartum },
            day,
            settings.lifeStage,
          );
          const routed = routedCluster({ emergency: input.emergency ?? false, unitCluster: unit.cluster, proposed: proposal.cluster });
          const cluster = input.cluster ?? routed;
          if (cluster !== routed && !input.clusterReason) {
            throw new LoketError('VALIDATION', `Klaster diubah dari usulan (${routed}): tuliskan alasannya.`, [
              { path: 'clusterReason', message: 'Wajib diisi bila klaster diubah' },
            ]);
          }
          const sameUnit = (await visits.unitsVisitedOn(trx, patient.id, day)).includes(unit.id);
          if (sameUnit && !input.allowSameUnitToday) {
            throw new LoketError(
              'CONFLICT',
              `${patient.name} sudah terdaftar ke ${unit.name} hari ini. Daftarkan lagi hanya bila memang kunjungan kedua.`,
              [{ path: 'unitId', message: 'Sudah terdaftar hari ini' }],
            );
          }
          if (sameUnit) warnings.push(`Kunjungan kedua ke ${unit.name} hari ini.`);
          // Pasien umum pay the local tariff at the cashier before service (seed 001 steps 2 and 8).
          let fee = 0;
          let tariffId: number | null = null;
          if (input.payer === 'umum') {
            const tariffs = (await listTariffs(trx)).filter((t) => t.active);
            const tariff = input.tariffId !== undefined ? tariffs.find((t) => t.id === input.tariffId) : tariffs[0];
            if (!tariff)
              throw new LoketError('VALIDATION', 'Tarif pelayanan tidak ditemukan atau tidak aktif: periksa Pengaturan → Tarif.', [
                { path: 'tariffId', message: 'Tidak ditemukan' },
              ]);
            fee = tariff.amount;
            tariffId = tariff.id;
          }
          if (input.appointmentId !== undefined) {
            const appointment = await visits.getAppointment(trx, input.appointmentId);
            if (!appointment || appointment.patient.id !== patient.id || appointment.status !== 'terjadwal' || appointment.date !== day) {
              throw new LoketError('VALIDATION', 'Jadwal kontrol ini bukan milik pasien ini hari ini, atau sudah dipakai/dibatalkan.', [
                { path: 'appointmentId', message: 'Tidak berlaku' },
              ]);
            }
          }
          const visitId = await visits.insertVisit(trx, {
            visit_date: day,
            seq: await nextNumber(trx, 'kunjungan', day),
            registered_at: at,
            patient_id: patient.id,
            payer: input.payer,
            insurance_name: input.payer === 'asuransi_lain' ? (input.insuranceName ?? null) : null,
            unit_id: unit.id,
            cluster,
            cluster_reason: cluster !== routed ? (input.clusterReason ?? null) : null,
            life_stage: proposal.lifeStage,
            emergency: input.emergency ? 1 : 0,
            kunjungan_baru: isKunjunganBaru(await visits.visitDatesInYear(trx, patient.id, day), day) ? 1 : 0,
            pasien_baru: localDate(new Date(patient.createdAt), settings.timeZone) === day ? 1 : 0,
            fee,
            tariff_id: tariffId,
            paid_at: null,
            registered_by: clerk.id,
          });
          // The records room's pull list reads these (seed 004 step 4).
          await visits.insertFolderRequest(trx, { visitId, patientId: patient.id, unitId: unit.id, at });
          if (input.appointmentId !== undefined) await visits.setAppointmentStatus(trx, input.appointmentId, 'hadir', at, visitId);
          // The visit joins its unit's queue; a called loket ticket is linked and finished.
          queueChanges = await enqueueRegisteredVisit(trx, {
            visitId,
            unitId: unit.id,
            emergency: input.emergency ?? false,
            settings,
            date: day,
            at,
            userId: clerk.id,
            queueTicketId: input.queueTicketId,
          });
          return visitId;
        })
        .catch((error: unknown) => (error instanceof LoketError ? Promise.reject(error) : translateConstraint(error, {})));
      ctx.events.emit('visits.changed', { visitId: id, change: 'registered' });
      emitQueueChanges(ctx, queueChanges);
      if (input.appointmentId !== undefined) ctx.events.emit('appointments.changed', { appointmentId: input.appointmentId });
      ctx.log.info(`kunjungan ${id} didaftarkan oleh user ${clerk.id}`);
      return { visit: await requireVisit(ctx.db, id), warnings };
    },

    'visits.get': async ({ id }) => requireVisit(ctx.db, id),

    // The kasir's own code: the payment records who took the money, and a closed day refuses.
    'visits.markPaid': async ({ visitId }, call) => (await payVisit(ctx, visitId, actorOf(call))).visit,

    'tariffs.list': () => listTariffs(ctx.db),
    'tariffs.save': async (input) => {
      const saved = await ctx.db
        .transaction()
        .execute(async (trx) => {
          const id = await saveTariff(trx, input);
          if (id === 0) throw new LoketError('NOT_FOUND', 'Tarif yang akan diubah tidak ditemukan.');
          return (await listTariffs(trx)).find((t) => t.id === id)!;
        })
        .catch((error: unknown) =>
          error instanceof LoketError
            ? Promise.reject(error)
            : translateConstraint(error, { code: { path: 'code', message: 'Kode tarif ini sudah dipakai.' } }),
        );
      ctx.events.emit('reference.changed', { kind: 'tariff' });
      return saved;
    },

    'appointments.create': async ({ patientId, unitId, date, note }, call) => {
      const settings = await loadSharedSettings(ctx.db);
      if (date < today(settings))
        throw new LoketError('VALIDATION', 'Tanggal kontrol tidak boleh sebelum hari ini.', [{ path: 'date', message: 'Sudah lewat' }]);
      const at = ctx.now().toISOString();
      const id = await ctx.db.transaction().execute(async (trx) => {
        await requirePatient(trx, patientId);
        await activeUnit(trx, unitId);
        return visits.insertAppointment(trx, { patientId, unitId, date, note: note || null, createdBy: actorOf(call).id, at });
      });
      ctx.events.emit('appointments.changed', { appointmentId: id });
      return (await visits.getAppointment(ctx.db, id))!;
    },

    'appointments.list': async ({ from, to, includeCancelled, patientId }) => {
      const day = today(await loadSharedSettings(ctx.db));
      const start = from ?? day;
      // Default: today and tomorrow, the records room's planning horizon; for one patient, the year ahead.
      const end = to ?? addDays(day, patientId === undefined ? 1 : 365);
      if (end < start) throw new LoketError('VALIDATION', 'Tanggal akhir sebelum tanggal awal.', [{ path: 'to', message: 'Sebelum tanggal awal' }]);
      return visits.listAppointments(ctx.db, start, end, includeCancelled ?? false, patientId);
    },

    'appointments.cancel': async ({ id }) => {
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        const appointment = await visits.getAppointment(trx, id);
        if (!appointment) throw new LoketError('NOT_FOUND', 'Jadwal kontrol tidak ditemukan.');
        if (!(await visits.setAppointmentStatus(trx, id, 'batal', at)))
          throw new LoketError('CONFLICT', `Jadwal kontrol ini sudah ${appointment.status}.`);
      });
      ctx.events.emit('appointments.changed', { appointmentId: id });
      return (await visits.getAppointment(ctx.db, id))!;
    },
  };
}
