import type { CompletenessReview, Folder, FolderOverdue, PullList, SharedSettings } from '../../contract';
import { code128Svg } from '../barcode';
import { esc, kopLines, printDocument } from '../html';
import { localClock } from '../../domain/antrean';
import { hariTanggalJam, tanggalPanjang } from '../../domain/waktu';

const A4 = { widthMm: 210, heightMm: 297 };

/** Page margins for documents that run over several pages (the shared base sets margin 0 for single sheets). */
const flowingPage = `@page { margin: 10mm 12mm; }
.doc { font-size: 9.5pt; }
.kop { text-align: center; border-bottom: 0.6mm double #000; padding-bottom: 1.5mm; margin-bottom: 3mm; }
.kop .name { font-size: 12pt; font-weight: bold; } .kop .gov { font-size: 8.5pt; }
h1 { font-size: 13pt; margin: 0 0 1mm; } .sub { margin-bottom: 3mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.25mm solid #000; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #ddd; } thead { display: table-header-group; } tr { break-inside: avoid; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.check { width: 8mm; } .key { font-weight: bold; white-space: nowrap; }`;

function kop(settings: SharedSettings): string {
  const k = kopLines(settings.puskesmas);
  return `<div class="kop"><div class="gov">${esc(k.government)} ${esc(k.office)}</div><div class="name">${esc(k.name)}</div></div>`;
}

/**
 * Daftar tarik berkas (A4): per shelf section in filing order — shelf key, RM, name, unit,
 * registered at, minutes waiting — with a box to tick as each folder is pulled.
 */
export function pullListDocument(list: PullList, settings: SharedSettings): string {
  const time = (iso: string | null) => (iso ? localClock(new Date(iso), settings.timeZone) : '');
  const sections = list.sections
    .map(
      (s) => `<h2>${esc(s.name)} (${s.items.length})</h2>
<table><thead><tr><th class="check">✓</th><th>Kunci rak</th><th>No. RM</th><th>Nama</th><th>Lahir</th><th>Tujuan</th><th>Daftar</th><th>Menunggu</th></tr></thead><tbody>
${s.items
  .map(
    (i) =>
      `<tr><td class="check"></td><td class="key mono">${esc(i.shelfKey)}</td><td class="mono">${esc(i.folder?.rmNumber ?? i.patient.rmNumber)}</td><td>${esc(i.patient.name)}</td><td>${esc(i.patient.birthYear)}</td><td>${esc(i.unitName)}${i.source === 'jadwal' ? ` (kontrol ${esc(tanggalPanjang(i.date))})` : ''}</td><td>${esc(time(i.requestedAt))}</td><td>${i.minutesWaiting === null ? '' : `${i.minutesWaiting} mnt`}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`,
    )
    .join('\n');
  return printDocument({
    title: `Daftar tarik berkas ${list.date}`,
    ...A4,
    css: flowingPage,
    body: `<div class="doc">
${kop(settings)}
<h1>DAFTAR TARIK BERKAS REKAM MEDIS</h1>
<div class="sub">${esc(tanggalPanjang(list.date))} · dicetak ${esc(hariTanggalJam(new Date(list.generatedAt), settings.timeZone))} · ${list.count} berkas · urut rak (${esc(filingOrderLabel[settings.folders.filingOrder])})</div>
${list.count === 0 ? '<p>Tidak ada berkas yang perlu ditarik.</p>' : sections}
</div>`,
  });
}

/** "2 j 15 mnt" — how long a folder has been out. */
function durationText(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days ? `${days} hr` : '', hours ? `${hours} j` : '', `${rest} mnt`].filter(Boolean).join(' ');
}

/**
 * Berkas terlambat kembali (A4): per unit — RM, names, out since, closing time, how long out —
 * for the records clerk's round of the units after closing; borrowed folders past their due
 * date at the end.
 */
export function overdueDocument(overdue: FolderOverdue, settings: SharedSettings): string {
  const when = (iso: string) => hariTanggalJam(new Date(iso), settings.timeZone);
  // Units first (the round after closing), borrowed folders last.
  const groups = [...overdue.byUnit]
    .sort((a, b) => Number(a.unitId === null) - Number(b.unitId === null))
    .map((g) => {
      const items = overdue.items.filter((i) => (i.unitName ?? 'Dipinjam') === g.unitName);
      const borrowed = items[0]?.kind === 'dipinjam';
      return `<h2>${esc(g.unitName)} (${g.count})</h2>
<table><thead><tr><th class="check">✓</th><th>No. RM</th><th>Nama</th><th>Keluar sejak</th><th>${borrowed ? 'Peminjam · batas kembali' : 'Jam tutup'}</th><th>Lama keluar</th></tr></thead><tbody>
${items
  .map(
    (i) =>
      `<tr><td class="check"></td><td class="mono key">${esc(i.rmNumber)}</td><td>${esc(i.names.join(', '))}${i.sentBack ? ' <i>(dikembalikan untuk dilengkapi)</i>' : ''}</td><td>${esc(when(i.outSince))}</td><td>${
        i.kind === 'dipinjam'
          ? `${esc(i.borrower)} · ${esc(i.dueDate ? tanggalPanjang(i.dueDate) : '')}`
          : esc(i.closingTime?.replace(':', '.') ?? '—')
      }</td><td>${esc(durationText(i.minutesOut))}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
    })
    .join('\n');
  return printDocument({
    title: 'Berkas terlambat kembali',
    ...A4,
    css: flowingPage,
    body: `<div class="doc">
${kop(settings)}
<h1>BERKAS REKAM MEDIS TERLAMBAT KEMBALI</h1>
<div class="sub">dicetak ${esc(when(overdue.generatedAt))} · ${overdue.items.length} berkas</div>
${overdue.items.length === 0 ? '<p>Semua berkas sudah kembali ke rak.</p>' : groups}
</div>`,
  });
}

const filingOrderLabel: Record<SharedSettings['folders']['filingOrder'], string> = {
  terminal: 'angka akhir',
  middle: 'angka tengah',
  straight: 'angka langsung',
};

export interface TracerInfo {
  folder: Folder;
  date: string;
  destination: string;
  requestedBy: string;
  reason: string | null;
}

/** Tracer (out-guide), A6: stands in the folder's empty slot on the shelf while it is out. */
export function tracerDocument(t: TracerInfo, settings: SharedSettings): string {
  return printDocument({
    title: `Tracer ${t.folder.rmNumber}`,
    widthMm: 105,
    heightMm: 148,
    css: `
.slip { padding: 6mm; display: flex; flex-direction: column; gap: 2.5mm; font-size: 10pt; border: 1mm solid #000; }
.head { font-size: 14pt; font-weight: bold; letter-spacing: 2pt; text-align: center; border-bottom: 0.4mm solid #000; padding-bottom: 1.5mm; }
.rm { font-size: 24pt; font-weight: bold; text-align: center; }
.k { font-size: 8pt; color: #333; text-transform: uppercase; } .v { font-size: 11pt; font-weight: bold; }
.barcode { height: 12mm; margin-top: auto; }`,
    body: `<div class="sheet slip">
  <div class="head">TRACER · BERKAS KELUAR</div>
  <div class="rm mono">${esc(t.folder.rmNumber)}</div>
  <div><div class="k">Nama</div><div class="v">${esc(t.folder.patients.map((p) => p.name).join(', ') || '-')}</div></div>
  <div><div class="k">Tanggal keluar</div><div class="v">${esc(hariTanggalJam(new Date(t.date), settings.timeZone))}</div></div>
  <div><div class="k">Tujuan</div><div class="v">${esc(t.destination)}</div></div>
  <div><div class="k">Diminta oleh</div><div class="v">${esc(t.requestedBy)}</div></div>
  ${t.reason ? `<div><div class="k">Keperluan</div><div class="v">${esc(t.reason)}</div></div>` : ''}
  <div><div class="k">Rak</div><div class="v mono">${esc(t.folder.section)} · ${esc(t.folder.shelfKey)}</div></div>
  <div class="barcode">${code128Svg(t.folder.rmNumber)}</div>
</div>`,
  });
}

/** Slip kelengkapan (A5): what the unit must complete before the folder comes back. */
export function completenessSlipDocument(review: CompletenessReview, folder: Folder, settings: SharedSettings): string {
  return printDocument({
    title: `Slip kelengkapan ${review.rmNumber}`,
    widthMm: 148,
    heightMm: 210,
    css: `
.page { padding: 10mm; font-size: 10.5pt; display: flex; flex-direction: column; }
.kop { text-align: center; border-bottom: 0.6mm double #000; padding-bottom: 1.5mm; margin-bottom: 3mm; }
.kop .name { font-size: 12pt; font-weight: bold; } .kop .gov { font-size: 8pt; }
h1 { font-size: 13pt; text-align: center; margin: 2mm 0 4mm; }
td { padding: 1mm 0; vertical-align: top; } td.k { width: 34mm; }
ol { margin: 2mm 0 0 0; padding-left: 6mm; font-size: 12pt; font-weight: bold; } li { margin-bottom: 2mm; }
.note { margin-top: 4mm; }
.sign { margin-top: auto; display: flex; justify-content: space-between; text-align: center; }
.sign div { width: 55mm; } .line { margin-top: 16mm; border-top: 0.3mm solid #000; }`,
    body: `<div class="sheet page">
  ${kop(settings)}
  <h1>SLIP KELENGKAPAN REKAM MEDIS</h1>
  <table>
    <tr><td class="k">Kepada</td><td>: <b>${esc(review.unitName)}</b></td></tr>
    <tr><td class="k">No. RM</td><td>: <b class="mono">${esc(review.rmNumber)}</b></td></tr>
    <tr><td class="k">Nama pasien</td><td>: ${esc(folder.patients.map((p) => p.name).join(', '))}</td></tr>
    ${review.practitionerName ? `<tr><td class="k">Dokter</td><td>: ${esc(review.practitionerName)}</td></tr>` : ''}
    <tr><td class="k">Diperiksa</td><td>: ${esc(hariTanggalJam(new Date(review.reviewedAt), settings.timeZone))}${review.reviewedBy ? ` oleh ${esc(review.reviewedBy)}` : ''}</td></tr>
  </table>
  <p class="note">Mohon dilengkapi, lalu berkas dikembalikan ke ruang rekam medis:</p>
  <ol>${review.missing.map((m) => `<li>${esc(m)}</li>`).join('')}</ol>
  <div class="sign"><div>Perekam medis<div class="line"></div></div><div>Diterima unit<div class="line"></div></div></div>
</div>`,
  });
}
