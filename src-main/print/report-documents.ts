import { followUpStatusLabels, recapTables, type reportDocumentMethods, type FollowUpList, type Recap } from '../contract';
import type { ServiceContext } from '../services/context';
import type { Handlers } from '../services/handler';
import { buildFollowUpList, buildRecap } from '../services/reports';
import { loadSharedSettings } from '../services/settings';
import { tanggalPanjang } from '../domain/waktu';
import { A4, A4_LANDSCAPE, followUpsDocument, recapDocument } from './templates/rekap';
import { writeWorkbook, XLSX_MIME, xlsxFileName, type XlsxColumnKind, type XlsxSheet } from './xlsx';

const download = (fileName: string, bytes: Buffer) => ({ fileName, mime: XLSX_MIME, base64: bytes.toString('base64'), bytes: bytes.length });

/** One sheet per recap table, the same tables the printout shows (percentages as Excel percents). */
export function recapSheets(recap: Recap, puskesmas: string): XlsxSheet[] {
  const subtitle = `${puskesmas} · ${recap.period.label} · ${recap.unit ? `unit ${recap.unit.name}` : 'semua unit'}`;
  return recapTables(recap).map((t) => {
    const kinds: XlsxColumnKind[] = t.columns.map((c) =>
      c.kind === 'text' ? 'text' : c.kind === 'percent' ? 'percent' : c.kind === 'integer' ? 'integer' : 'number',
    );
    const record = (cells: (string | number | null)[]) =>
      Object.fromEntries(cells.map((v, i) => [`c${i}`, kinds[i] === 'percent' && typeof v === 'number' ? v / 100 : v]));
    return {
      name: t.title.replace(/ \(.*\)$/, ''),
      title: t.title,
      subtitle: t.note ? `${subtitle} · ${t.note}` : subtitle,
      columns: t.columns.map((c, i) => ({ header: c.label, key: `c${i}`, kind: kinds[i]!, ...(i === 0 ? { width: 30 } : {}) })),
      rows: t.rows.map(record),
      totals: t.total ? [record(t.total)] : [],
    };
  });
}

export function followUpSheet(list: FollowUpList, puskesmas: string): XlsxSheet {
  const period = list.from === list.to ? tanggalPanjang(list.from) : `${tanggalPanjang(list.from)} – ${tanggalPanjang(list.to)}`;
  return {
    name: 'Tindak lanjut pustu',
    title: 'Daftar tindak lanjut untuk pustu',
    subtitle: `${puskesmas} · kunjungan ${period} · ${list.count} pasien`,
    columns: [
      { header: 'Pustu', key: 'pustu', kind: 'text', width: 22 },
      { header: 'Kelurahan/desa', key: 'village', kind: 'text', width: 22 },
      { header: 'Tgl. kunjungan', key: 'date', kind: 'date' },
      { header: 'No. RM', key: 'rm', kind: 'text', width: 10 },
      { header: 'Nama', key: 'name', kind: 'text', width: 26 },
      { header: 'L/P', key: 'sex', kind: 'text', width: 5 },
      { header: 'Tgl. lahir', key: 'birth', kind: 'date' },
      { header: 'Alamat', key: 'address', kind: 'text', width: 30 },
      { header: 'Telepon', key: 'phone', kind: 'text', width: 15 },
      { header: 'Unit', key: 'unit', kind: 'text', width: 18 },
      { header: 'Perlu ditindaklanjuti', key: 'reason', kind: 'text', width: 34 },
      { header: 'Catatan', key: 'note', kind: 'text', width: 24 },
      { header: 'Ditandai', key: 'markedAt', kind: 'datetime' },
      { header: 'Oleh', key: 'markedBy', kind: 'text', width: 18 },
      { header: 'Status', key: 'status', kind: 'text', width: 16 },
      { header: 'Hasil tindak lanjut', key: 'done', kind: 'text', width: 30 },
    ],
    rows: list.groups.flatMap((g) =>
      g.villages.flatMap((v) =>
        v.items.map((f) => ({
          pustu: g.pustu ?? '–',
          village: v.name,
          date: f.visitDate,
          rm: f.patient.rmNumber,
          name: f.patient.name,
          sex: f.patient.sex,
          birth: f.patient.birthDate,
          address: f.patient.address,
          phone: f.patient.phone,
          unit: f.unitName,
          reason: f.reason,
          note: f.note,
          markedAt: f.markedAt,
          markedBy: f.markedBy,
          status: followUpStatusLabels[f.status],
          done: f.doneNote,
        })),
      ),
    ),
  };
}

/** The recaps and the follow-up list on paper and in Excel. */
export function reportDocumentHandlers(ctx: ServiceContext): Handlers<keyof typeof reportDocumentMethods> {
  return {
    'documents.recap': async (input) => {
      const [recap, settings] = await Promise.all([buildRecap(ctx, input), loadSharedSettings(ctx.db)]);
      return { title: `Rekap kunjungan ${recap.period.label}`, html: recapDocument(recap, settings), paper: A4 };
    },
    'documents.followUps': async (input) => {
      const [list, settings] = await Promise.all([buildFollowUpList(ctx, input), loadSharedSettings(ctx.db)]);
      return { title: `Tindak lanjut pustu ${list.from}`, html: followUpsDocument(list, settings), paper: A4_LANDSCAPE };
    },
    'reports.exportXlsx': async (input) => {
      const [recap, settings] = await Promise.all([buildRecap(ctx, input), loadSharedSettings(ctx.db)]);
      const bytes = await writeWorkbook({
        sheets: recapSheets(recap, settings.puskesmas.name),
        timeZone: settings.timeZone,
        creator: settings.puskesmas.name,
      });
      const period = recap.period.month === null ? String(recap.period.year) : recap.period.from.slice(0, 7);
      return download(xlsxFileName('rekap-kunjungan', period, ...(recap.unit ? [recap.unit.name] : [])), bytes);
    },
    'followUps.exportXlsx': async (input) => {
      const [list, settings] = await Promise.all([buildFollowUpList(ctx, input), loadSharedSettings(ctx.db)]);
      const bytes = await writeWorkbook({
        sheets: [followUpSheet(list, settings.puskesmas.name)],
        timeZone: settings.timeZone,
        creator: settings.puskesmas.name,
      });
      return download(xlsxFileName('tindak-lanjut-pustu', list.from, list.to), bytes);
    },
  };
}
