import { clusterLabels, registerPayerText, type Register, type registerDocumentMethods } from '../contract';
import type { ServiceContext } from '../services/context';
import type { Handlers } from '../services/handler';
import { buildRegister } from '../services/register';
import { loadSharedSettings } from '../services/settings';
import { registerDocument, registerPaperSizes } from './templates/register';
import { writeWorkbook, XLSX_MIME, xlsxFileName, type XlsxColumn, type XlsxSheet } from './xlsx';

const ageUnitWords = { th: 'tahun', bln: 'bulan', hr: 'hari' } as const;
const baruLama = (baru: boolean) => (baru ? 'Baru' : 'Lama');

const columns: XlsxColumn[] = [
  { header: 'No.', key: 'seq', kind: 'integer', width: 6 },
  { header: 'Tanggal', key: 'visitDate', kind: 'date' },
  { header: 'Waktu daftar', key: 'registeredAt', kind: 'datetime' },
  { header: 'No. RM', key: 'rmNumber', kind: 'text', width: 11 },
  { header: 'Nama pasien', key: 'patientName', kind: 'text', width: 28 },
  { header: 'L/P', key: 'sex', kind: 'text', width: 5 },
  { header: 'Tanggal lahir', key: 'birthDate', kind: 'date' },
  { header: 'Umur', key: 'age', kind: 'integer', width: 7 },
  { header: 'Satuan umur', key: 'ageUnit', kind: 'text', width: 8 },
  { header: 'Desa/Kelurahan', key: 'village', kind: 'text', width: 20 },
  { header: 'Penjamin', key: 'payer', kind: 'text', width: 18 },
  { header: 'No. BPJS', key: 'bpjsNumber', kind: 'text', width: 16 },
  { header: 'Kunjungan', key: 'kunjungan', kind: 'text', width: 10 },
  { header: 'Pasien', key: 'pasien', kind: 'text', width: 8 },
  { header: 'Unit', key: 'unitName', kind: 'text', width: 22 },
  { header: 'Klaster', key: 'cluster', kind: 'text', width: 24 },
  { header: 'Gawat darurat', key: 'emergency', kind: 'text', width: 8 },
  { header: 'Dirujuk keluar', key: 'referredOut', kind: 'text', width: 8 },
  { header: 'Biaya umum', key: 'fee', kind: 'rupiah' },
  { header: 'Lunas', key: 'paid', kind: 'text', width: 7 },
  { header: 'Waktu bayar', key: 'paidAt', kind: 'datetime' },
];

/** The register as two sheets: the lines (with a totals line) and the totals by category. */
function registerSheets(reg: Register, title: string): XlsxSheet[] {
  const t = reg.totals;
  const rows = reg.rows.map((r) => ({
    seq: r.seq,
    visitDate: r.visitDate,
    registeredAt: r.registeredAt,
    rmNumber: r.rmNumber,
    patientName: r.patientName,
    sex: r.sex,
    birthDate: r.birthDate,
    age: r.age?.value,
    ageUnit: r.age ? ageUnitWords[r.age.unit] : '',
    village: r.village,
    payer: registerPayerText({ ...r, bpjsNumber: null }),
    bpjsNumber: r.payer === 'bpjs' ? r.bpjsNumber : null,
    kunjungan: baruLama(r.kunjunganBaru),
    pasien: baruLama(r.pasienBaru),
    unitName: r.unitName,
    cluster: clusterLabels[r.cluster],
    emergency: r.emergency ? 'Ya' : '',
    referredOut: r.referredOut ? 'Ya' : 'Tidak',
    fee: r.payer === 'umum' && r.fee > 0 ? r.fee : null,
    paid: r.payer === 'umum' && r.fee > 0 ? (r.paid ? 'Ya' : 'Belum') : '',
    paidAt: r.paidAt,
  }));
  const count = (label: string, value: number, group: string) => ({ group, label, count: value });
  const summary = [
    count('Kunjungan', t.visits, 'Jumlah'),
    count('Laki-laki', t.male, 'Jenis kelamin'),
    count('Perempuan', t.female, 'Jenis kelamin'),
    count('Kunjungan baru', t.kunjunganBaru, 'Kunjungan'),
    count('Kunjungan lama', t.kunjunganLama, 'Kunjungan'),
    count('Pasien baru', t.pasienBaru, 'Pasien'),
    count('Pasien lama', t.pasienLama, 'Pasien'),
    count('Dirujuk keluar', t.referredOut, 'Rujukan'),
    ...t.byPayer.map((p) => count(p.label, p.count, 'Penjamin')),
    ...t.byUnit.map((u) => count(u.label, u.count, 'Unit')),
  ];
  return [
    {
      name: 'Register',
      title,
      subtitle: reg.description,
      columns,
      rows,
      totals: [{ rmNumber: 'Jumlah', patientName: `${t.visits} kunjungan (L ${t.male}, P ${t.female})`, fee: t.feeBilled }],
    },
    {
      name: 'Jumlah',
      title,
      subtitle: reg.description,
      columns: [
        { header: 'Kelompok', key: 'group', kind: 'text', width: 16 },
        { header: 'Uraian', key: 'label', kind: 'text', width: 30 },
        { header: 'Jumlah', key: 'count', kind: 'integer', width: 10 },
        { header: 'Rupiah', key: 'amount', kind: 'rupiah' },
      ],
      rows: [
        ...summary,
        { group: 'Biaya umum', label: 'Ditagih', amount: t.feeBilled },
        { group: 'Biaya umum', label: 'Dibayar', amount: t.feePaid },
      ],
    },
  ];
}

/** The register's printout and its Excel file; both read the same `buildRegister`. */
export function registerDocumentHandlers(ctx: ServiceContext): Handlers<keyof typeof registerDocumentMethods> {
  return {
    'documents.register': async ({ paper, ...filter }) => {
      const settings = await loadSharedSettings(ctx.db);
      const reg = await buildRegister(ctx, filter);
      const size = paper ?? 'A4';
      return {
        title: `Register harian ${reg.date}${reg.dateTo !== reg.date ? ` s.d. ${reg.dateTo}` : ''}`,
        html: registerDocument(reg, settings, { paper: size, printedAt: ctx.now() }),
        paper: registerPaperSizes[size],
      };
    },
    'register.exportXlsx': async (filter) => {
      const settings = await loadSharedSettings(ctx.db);
      const reg = await buildRegister(ctx, filter);
      const bytes = await writeWorkbook({
        timeZone: settings.timeZone,
        sheets: registerSheets(reg, `Register Harian Pasien ${settings.puskesmas.name}`),
      });
      return {
        fileName: xlsxFileName('register-harian', reg.date, ...(reg.dateTo !== reg.date ? [reg.dateTo] : [])),
        mime: XLSX_MIME,
        base64: bytes.toString('base64'),
        bytes: bytes.length,
      };
    },
  };
}
