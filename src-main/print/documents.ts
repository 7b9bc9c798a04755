import { LoketError, type documentMethods } from '../contract';
import { getPatientRecord } from '../db/repositories/patient-records';
import { getVisit } from '../db/repositories/visit-records';
import type { ServiceContext } from '../services/context';
import type { Handlers } from '../services/handler';
import { livePaymentOfVisit, recordReceiptPrint } from '../services/cashier';
import { buildOverdue, buildPullList, folderView, reviewsByIds, tracerFacts } from '../services/folders';
import { loadSharedSettings } from '../services/settings';
import { completenessSlipDocument, overdueDocument, pullListDocument, tracerDocument } from './templates/berkas';
import { kartuBerobat } from './templates/kartu-berobat';
import { kwitansi } from './templates/kwitansi';
import { labelBerkas } from './templates/label-berkas';
import { cashierDocumentHandlers } from './cashier-documents';
import { ticketDocumentHandlers } from './ticket-documents';
import { letterDocumentHandlers } from './letter-documents';
import { reportDocumentHandlers } from './report-documents';
import { registerDocumentHandlers } from './register-documents';
import { localDate } from '../domain/waktu';

/** Printable documents; the composition root hands these to the dispatcher beside the services. */
export function documentHandlers(ctx: ServiceContext): Handlers<keyof typeof documentMethods> {
  const patientOf = async (id: number) => {
    const patient = await getPatientRecord(ctx.db, id);
    if (!patient) throw new LoketError('NOT_FOUND', `Pasien dengan id ${id} tidak ditemukan.`);
    return patient;
  };
  return {
    ...ticketDocumentHandlers(ctx),
    ...cashierDocumentHandlers(ctx),
    ...letterDocumentHandlers(ctx),
    ...reportDocumentHandlers(ctx),
    ...registerDocumentHandlers(ctx),
    'documents.patientCard': async ({ patientId }) => {
      const patient = await patientOf(patientId);
      return {
        title: `Kartu berobat ${patient.rmNumber}`,
        html: kartuBerobat(patient, await loadSharedSettings(ctx.db)),
        paper: { widthMm: 85.6, heightMm: 54 },
      };
    },
    'documents.folderLabel': async ({ patientId, volume }) => {
      const patient = await patientOf(patientId);
      return { title: `Label berkas ${patient.rmNumber}`, html: labelBerkas(patient, volume), paper: { widthMm: 90, heightMm: 40 } };
    },
    'documents.pullList': async ({ unitId, includeDone }) => {
      const list = await buildPullList(ctx, { unitId, includeDone });
      return {
        title: `Daftar tarik berkas ${list.date}`,
        html: pullListDocument(list, await loadSharedSettings(ctx.db)),
        paper: { widthMm: 210, heightMm: 297 },
      };
    },
    'documents.overdue': async ({ unitId }) => {
      const settings = await loadSharedSettings(ctx.db);
      const overdue = await buildOverdue(ctx, unitId);
      return {
        title: `Berkas terlambat kembali ${localDate(new Date(overdue.generatedAt), settings.timeZone)}`,
        html: overdueDocument(overdue, settings),
        paper: { widthMm: 210, heightMm: 297 },
      };
    },
    'documents.tracer': async ({ folderId, requestId }) => {
      const facts = await tracerFacts(ctx, folderId, requestId);
      return {
        title: `Tracer ${facts.folder.rmNumber}`,
        html: tracerDocument(facts, await loadSharedSettings(ctx.db)),
        paper: { widthMm: 105, heightMm: 148 },
      };
    },
    'documents.completenessSlip': async ({ reviewId }) => {
      const [review] = await reviewsByIds(ctx.db, [reviewId]);
      if (!review) throw new LoketError('NOT_FOUND', `Hasil pemeriksaan kelengkapan dengan id ${reviewId} tidak ditemukan.`);
      if (review.complete) throw new LoketError('CONFLICT', `Berkas ${review.rmNumber} lengkap pada pemeriksaan ini: tidak ada slip kelengkapan.`);
      return {
        title: `Slip kelengkapan ${review.rmNumber}`,
        html: completenessSlipDocument(review, await folderView(ctx.db, review.folderId), await loadSharedSettings(ctx.db)),
        paper: { widthMm: 148, heightMm: 210 },
      };
    },
    'documents.receipt': async ({ visitId, copy }, call) => {
      const visit = await getVisit(ctx.db, visitId);
      if (!visit) throw new LoketError('NOT_FOUND', `Kunjungan dengan id ${visitId} tidak ditemukan.`);
      if (visit.payer !== 'umum' || visit.fee === 0) throw new LoketError('CONFLICT', 'Kunjungan ini tidak dikenai biaya: tidak ada kwitansi.');
      const payment = await livePaymentOfVisit(ctx, visitId);
      // Every kwitansi handed out is counted; the day's recap shows the SALINAN ones.
      await recordReceiptPrint(ctx, visitId, copy ?? false, call.actor?.id ?? null);
      return {
        title: `Kwitansi kunjungan ${visit.seq}`,
        html: kwitansi(visit, await loadSharedSettings(ctx.db), {
          copy: copy ?? false,
          cashierName: payment?.cashierId ? payment.cashierName : null,
        }),
        paper: { widthMm: 210, heightMm: 148 },
      };
    },
  };
}
