import {
  followUpStatusLabels,
  recapTables,
  type FollowUpList,
  type Recap,
  type RecapCell,
  type RecapColumn,
  type SharedSettings,
} from '../../contract';
import { hariTanggalJam, tanggalPanjang } from '../../domain/waktu';
import { angka, barChartSvg } from '../chart';
import { esc, kopLines, printDocument } from '../html';

export const A4 = { widthMm: 210, heightMm: 297 };
/** The follow-up list has ten columns: A4 landscape. */
export const A4_LANDSCAPE = { widthMm: 297, heightMm: 210 };

const css = `@page { margin: 10mm 12mm; }
.doc { font-size: 9pt; }
.kop { text-align: center; border-bottom: 0.6mm double #000; padding-bottom: 1.5mm; margin-bottom: 3mm; }
.kop .name { font-size: 12pt; font-weight: bold; } .kop .gov { font-size: 8.5pt; } .kop .contact { font-size: 8pt; }
h1 { font-size: 13pt; margin: 0 0 1mm; } .sub { margin-bottom: 3mm; }
h2 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
h3 { font-size: 9.5pt; margin: 3mm 0 1mm; break-after: avoid; }
.note { font-size: 8pt; margin: 0 0 1.5mm; font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.25mm solid #000; padding: 0.7mm 1.2mm; text-align: left; vertical-align: top; }
th { background: #ddd; } thead { display: table-header-group; } tr { break-inside: avoid; }
td.n, th.n { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; background: #f0f0f0; }
.section { break-inside: avoid; }
.side { display: flex; gap: 4mm; align-items: flex-start; } .side > table { flex: 0 0 92mm; width: 92mm; }
.chart { display: block; margin-top: 1mm; }
.pustu + .pustu { break-before: page; }
.mono { font-family: "DejaVu Sans Mono", Consolas, monospace; }
.nowrap { white-space: nowrap; }`;

function kop(settings: SharedSettings): string {
  const k = kopLines(settings.puskesmas);
  return `<div class="kop"><div class="gov">${esc(k.government)} ${esc(k.office)}</div><div class="name">${esc(k.name)}</div>${
    k.contact ? `<div class="contact">${esc(k.contact)}</div>` : ''
  }</div>`;
}

function cell(value: RecapCell, column: RecapColumn): string {
  if (value === null) return `<td class="n">–</td>`;
  if (typeof value === 'string') return `<td>${esc(value)}</td>`;
  const text = column.kind === 'percent' ? `${angka(value)} %` : angka(value);
  return `<td class="n">${esc(text)}</td>`;
}

/** A chart draws at most this many bars (the first rows of the table): a chart taller than a page cannot break. */
const MAX_BARS = 40;

/**
 * Rekap kunjungan (A4): the kop, the period and unit, then every table of the recap with its
 * bar chart beside it (below it when the table is wide or long).
 */
export function recapDocument(recap: Recap, settings: SharedSettings): string {
  const sections = recapTables(recap)
    .map((t) => {
      const head = t.columns.map((c) => `<th${c.kind === 'text' ? '' : ' class="n"'}>${esc(c.label)}</th>`).join('');
      const body = t.rows.map((r) => `<tr>${r.map((v, i) => cell(v, t.columns[i]!)).join('')}</tr>`).join('\n');
      const total = t.total ? `<tr class="total">${t.total.map((v, i) => cell(v, t.columns[i]!)).join('')}</tr>` : '';
      const empty = t.rows.length === 0 ? `<tr><td colspan="${t.columns.length}">Tidak ada data pada periode ini.</td></tr>` : '';
      const table = `<table><thead><tr>${head}</tr></thead><tbody>
${body}${empty}
${total}
</tbody></table>`;
      // Counts (four narrow columns) print with the chart beside them, wider tables with it below.
      const side = t.columns.length <= 4;
      const bars = t.chart && t.chart.bars.some((b) => b.value > 0) ? t.chart.bars.slice(0, MAX_BARS) : [];
      const more = t.chart && t.chart.bars.length > MAX_BARS ? `<p class="note">Grafik: ${MAX_BARS} baris pertama.</p>` : '';
      const chart = bars.length ? `<div>${barChartSvg({ bars, unit: t.chart!.unit, widthMm: side ? 88 : 180 })}${more}</div>` : '';
      return `<div class="${t.rows.length <= 24 ? 'section' : ''}" id="tabel-${esc(t.id)}">
<h2>${esc(t.title)}</h2>
${t.note ? `<p class="note">${esc(t.note)}</p>` : ''}
${side ? `<div class="side">${table}${chart}</div>` : `${table}${chart}`}
</div>`;
    })
    .join('\n');
  const title =
    recap.period.month === null ? `REKAP KUNJUNGAN TAHUN ${recap.period.year}` : `REKAP KUNJUNGAN BULAN ${recap.period.label.toUpperCase()}`;
  return printDocument({
    title: `Rekap kunjungan ${recap.period.label}`,
    ...A4,
    css,
    body: `<div class="doc">
${kop(settings)}
<h1>${esc(title)}</h1>
<div class="sub">${esc(tanggalPanjang(recap.period.from))} – ${esc(tanggalPanjang(recap.period.to))} · ${
      recap.unit ? `unit ${esc(recap.unit.name)}` : 'semua unit'
    } · ${angka(recap.byUnit.total.total)} kunjungan · dicetak ${esc(hariTanggalJam(new Date(recap.generatedAt), settings.timeZone))}</div>
${sections}
</div>`,
  });
}

/**
 * Daftar tindak lanjut untuk pustu (A4 landscape): one section per pustu starting on its own page, by
 * village; the patient's address and phone, why, and an empty column for what the pustu did.
 */
export function followUpsDocument(list: FollowUpList, settings: SharedSettings): string {
  const period = list.from === list.to ? tanggalPanjang(list.from) : `${tanggalPanjang(list.from)} – ${tanggalPanjang(list.to)}`;
  const groups = list.groups
    .map((g) => {
      const count = g.villages.reduce((s, v) => s + v.items.length, 0);
      const villages = g.villages
        .map(
          (v) => `<h3>${esc(v.name)} (${v.items.length})</h3>
<table><thead><tr><th>Tgl. kunjungan</th><th>No. RM</th><th>Nama</th><th>L/P</th><th>Alamat</th><th>Telepon</th><th>Unit</th><th>Perlu ditindaklanjuti</th><th>Status</th><th>Hasil tindak lanjut</th></tr></thead><tbody>
${v.items
  .map(
    (f) =>
      `<tr><td class="nowrap">${esc(tanggalPanjang(f.visitDate))}</td><td class="mono">${esc(f.patient.rmNumber)}</td><td class="nowrap">${esc(f.patient.name)}</td><td>${esc(f.patient.sex)}</td><td>${esc(
        f.patient.address,
      )}</td><td class="mono">${esc(f.patient.phone ?? '–')}</td><td>${esc(f.unitName)}</td><td>${esc(f.reason)}${f.note ? `<br><i>${esc(f.note)}</i>` : ''}</td><td>${esc(
        followUpStatusLabels[f.status],
      )}</td><td style="width:28mm">${esc(f.doneNote ?? '')}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`,
        )
        .join('\n');
      return `<div class="pustu">
<h2>${esc(g.label)} — ${count} pasien</h2>
${villages}
</div>`;
    })
    .join('\n');
  return printDocument({
    title: `Tindak lanjut pustu ${period}`,
    ...A4_LANDSCAPE,
    css,
    body: `<div class="doc">
${kop(settings)}
<h1>DAFTAR TINDAK LANJUT UNTUK PUSTU</h1>
<div class="sub">Kunjungan ${esc(period)} · ${list.count} pasien · dicetak ${esc(hariTanggalJam(new Date(list.generatedAt), settings.timeZone))}</div>
${list.count === 0 ? '<p>Tidak ada kunjungan yang ditandai untuk ditindaklanjuti pada periode ini.</p>' : groups}
</div>`,
  });
}
