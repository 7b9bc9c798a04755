import { registerPayerText, type Register, type RegisterRow, type SharedSettings } from '../../contract';
import { rupiah } from '../../domain/terbilang';
import { hariTanggalJam, localClock } from '../../domain/waktu';
import { esc, kopLines, printDocument } from '../html';

/** Landscape sheets: A4 and F4 (folio, 215 × 330 mm) as used by Indonesian offices. */
export const registerPaperSizes = {
  A4: { widthMm: 297, heightMm: 210 },
  F4: { widthMm: 330, heightMm: 215 },
} as const;

export const clusterShort: Record<RegisterRow['cluster'], string> = {
  klaster1: 'K1',
  klaster2: 'K2',
  klaster3: 'K3',
  klaster4: 'K4',
  lintas: 'Lintas',
};

/** The fee cell: "Rp 10.000 lunas" / "Rp 10.000 belum"; empty when nothing is billed. */
export function feeText(r: Pick<RegisterRow, 'payer' | 'fee' | 'paid'>): string {
  if (r.payer !== 'umum' || r.fee === 0) return '';
  return `${rupiah(r.fee)} ${r.paid ? 'lunas' : 'belum'}`;
}

/**
 * Page margins hold the page numbers: Chromium prints CSS margin boxes, so "Halaman X dari Y"
 * is counted by the engine on every page, however the rows break.
 */
const css = (footer: string) => `@page {
  margin: 9mm 9mm 12mm;
  @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font: 8pt "DejaVu Sans", Arial, sans-serif; }
  @bottom-left { content: "${cssString(footer)}"; font: 8pt "DejaVu Sans", Arial, sans-serif; }
}
.doc { font-size: 7.5pt; }
.kop { text-align: center; border-bottom: 0.6mm double #000; padding-bottom: 1mm; margin-bottom: 2mm; }
.kop .name { font-size: 11pt; font-weight: bold; } .kop .gov { font-size: 8pt; } .kop .contact { font-size: 7.5pt; }
h1 { font-size: 11pt; margin: 0 0 0.5mm; text-align: center; letter-spacing: 0.5pt; }
.sub { margin-bottom: 2mm; text-align: center; font-size: 8pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.2mm solid #000; padding: 0.6mm 1mm; text-align: left; vertical-align: top; }
th { background: #ddd; font-weight: bold; } thead { display: table-header-group; } tr { break-inside: avoid; }
td.n, th.n { text-align: right; } .nw { white-space: nowrap; }
.totals { margin-top: 3mm; break-inside: avoid; display: flex; gap: 4mm; align-items: flex-start; }
.totals table { width: auto; } .totals h2 { font-size: 9pt; margin: 0 0 1mm; }`;

/** Text inside a CSS string in a <style> element: quotes, backslashes and line breaks escaped, no "<" to close the element. */
function cssString(text: string): string {
  return text.replace(/[\\"]/g, '\\$&').replace(/[\r\n<>]/g, ' ');
}

function kop(settings: SharedSettings): string {
  const k = kopLines(settings.puskesmas);
  return `<div class="kop"><div class="gov">${esc(k.government)}</div><div class="gov">${esc(k.office)}</div><div class="name">${esc(k.name)}</div>${
    k.contact ? `<div class="contact">${esc(k.contact)}</div>` : ''
  }</div>`;
}

const yes = (b: boolean) => (b ? 'Ya' : '');
const bl = (baru: boolean) => (baru ? 'B' : 'L');

/** "dd/mm" before the time when the register covers several days. */
function when(r: RegisterRow, timeZone: string, manyDays: boolean): string {
  const time = localClock(new Date(r.registeredAt), timeZone).replace(':', '.');
  return manyDays ? `${r.visitDate.slice(8, 10)}/${r.visitDate.slice(5, 7)} ${time}` : time;
}

function totalsBlock(reg: Register): string {
  const t = reg.totals;
  const row = (label: string, value: string | number) => `<tr><td>${esc(label)}</td><td class="n">${esc(value)}</td></tr>`;
  return `<div class="totals">
<div><h2>Jumlah</h2><table><tbody>
${row('Kunjungan', t.visits)}
${row('Laki-laki / Perempuan', `${t.male} / ${t.female}`)}
${row('Kunjungan baru / lama', `${t.kunjunganBaru} / ${t.kunjunganLama}`)}
${row('Pasien baru / lama', `${t.pasienBaru} / ${t.pasienLama}`)}
${row('Dirujuk keluar', t.referredOut)}
${row('Biaya umum ditagih / dibayar', `${rupiah(t.feeBilled)} / ${rupiah(t.feePaid)}`)}
</tbody></table></div>
<div><h2>Per penjamin</h2><table><tbody>${t.byPayer.map((p) => row(p.label, p.count)).join('')}</tbody></table></div>
<div><h2>Per unit</h2><table><tbody>${t.byUnit.length ? t.byUnit.map((u) => row(u.label, u.count)).join('') : row('—', 0)}</tbody></table></div>
</div>`;
}

/**
 * Register harian, landscape: the puskesmas kop, the period and filters, one line per visit
 * with every column of the register book, the totals after the last line, "Halaman X dari Y".
 */
export function registerDocument(reg: Register, settings: SharedSettings, opts: { paper: keyof typeof registerPaperSizes; printedAt: Date }): string {
  const manyDays = reg.date !== reg.dateTo;
  const tz = settings.timeZone;
  const lines = reg.rows
    .map(
      (r) =>
        `<tr><td class="n">${r.seq}</td><td class="nw">${esc(when(r, tz, manyDays))}</td><td class="mono nw">${esc(r.rmNumber)}</td><td>${esc(r.patientName)}</td><td>${r.sex}</td><td class="nw">${esc(r.ageText)}</td><td>${esc(r.village ?? '')}</td><td>${esc(registerPayerText(r))}</td><td>${bl(r.kunjunganBaru)}</td><td>${bl(r.pasienBaru)}</td><td>${esc(r.unitName)}${r.emergency ? ' (GD)' : ''}</td><td>${clusterShort[r.cluster]}</td><td>${yes(r.referredOut)}</td><td class="nw">${esc(feeText(r))}</td></tr>`,
    )
    .join('\n');
  const footer = `Register harian · ${reg.description}`;
  return printDocument({
    title: `Register harian ${reg.date}${manyDays ? ` s.d. ${reg.dateTo}` : ''}`,
    ...registerPaperSizes[opts.paper],
    css: css(footer),
    body: `<div class="doc">
${kop(settings)}
<h1>REGISTER HARIAN PASIEN</h1>
<div class="sub">${esc(reg.description)} · dicetak ${esc(hariTanggalJam(opts.printedAt, tz))}</div>
<table><thead><tr><th class="n">No.</th><th>${manyDays ? 'Tgl/Jam' : 'Jam'}</th><th>No. RM</th><th>Nama pasien</th><th>L/P</th><th>Umur</th><th>Desa/Kelurahan</th><th>Penjamin / No. BPJS</th><th title="Kunjungan">Kunj.</th><th>Pasien</th><th>Unit</th><th>Klaster</th><th>Rujuk</th><th>Biaya umum</th></tr></thead><tbody>
${reg.rows.length ? lines : '<tr><td colspan="14">Tidak ada kunjungan pada periode dan filter ini.</td></tr>'}
</tbody></table>
<div class="legend">Kunj./Pasien: B = baru, L = lama · GD = gawat darurat · Klaster: K1 manajemen, K2 ibu-anak-remaja, K3 dewasa-lansia, K4 penyakit menular</div>
${totalsBlock(reg)}
</div>`,
  });
}
