import type { DayRecap, RecapLine, SharedSettings } from '../../contract';
import { rupiah, rupiahWords } from '../../domain/terbilang';
import { hariTanggalJam, localClock, localDate, tanggalPanjang } from '../../domain/waktu';
import { esc, kopLines, printDocument } from '../html';

const css = `@page { margin: 12mm 14mm; }
.doc { font-size: 10pt; }
.kop { text-align: center; border-bottom: 0.8mm double #000; padding-bottom: 2mm; margin-bottom: 4mm; }
.kop .gov { font-size: 9.5pt; } .kop .name { font-size: 13pt; font-weight: bold; } .kop .contact { font-size: 8pt; }
h1 { font-size: 13pt; text-align: center; margin: 0 0 1mm; letter-spacing: 1pt; }
.sub { text-align: center; margin-bottom: 4mm; }
h2 { font-size: 10.5pt; margin: 5mm 0 1.5mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.25mm solid #000; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #ddd; } thead { display: table-header-group; } tr { break-inside: avoid; }
td.n, th.n { text-align: right; white-space: nowrap; }
tfoot td { font-weight: bold; }
.total { margin-top: 5mm; border: 0.4mm solid #000; padding: 2mm 3mm; }
.total b { font-size: 12pt; } .words { font-style: italic; }
.state { margin-top: 3mm; }
.signs { display: flex; justify-content: space-between; margin-top: 10mm; break-inside: avoid; }
.sign { width: 65mm; text-align: center; } .sign .line { margin-top: 22mm; border-top: 0.3mm solid #000; padding-top: 1mm; }`;

function lines(title: string, head: string, rows: RecapLine[], total: DayRecap['total']): string {
  return `<h2>${esc(title)}</h2>
<table><thead><tr><th>${esc(head)}</th><th class="n">Jumlah</th><th class="n">Nominal</th></tr></thead><tbody>
${rows.length === 0 ? '<tr><td colspan="3">Tidak ada pembayaran.</td></tr>' : rows.map((r) => `<tr><td>${esc(r.label)}</td><td class="n">${r.count}</td><td class="n">${esc(rupiah(r.amount))}</td></tr>`).join('\n')}
</tbody><tfoot><tr><td>Jumlah</td><td class="n">${total.count}</td><td class="n">${esc(rupiah(total.amount))}</td></tr></tfoot></table>`;
}

/**
 * Rekap kas harian (A4): payments by tariff item and by cashier, voids with their reasons, the
 * day's total in words, whether the day is closed, and signature lines for the kasir and the
 * bendahara penerimaan who receives the money.
 */
export function rekapKasDocument(recap: DayRecap, settings: SharedSettings, printedAt: Date): string {
  const k = kopLines(settings.puskesmas);
  const time = (iso: string) => localClock(new Date(iso), settings.timeZone).replace(':', '.');
  const voids =
    recap.voids.length === 0
      ? '<p>Tidak ada pembatalan.</p>'
      : `<table><thead><tr><th>No.</th><th>Pasien</th><th>Item tarif</th><th class="n">Nominal</th><th>Dibayar</th><th>Dibatalkan</th><th>Alasan</th></tr></thead><tbody>
${recap.voids
  .map(
    (v) =>
      `<tr><td>${v.seq}</td><td>${esc(v.patientName)} (${esc(v.rmNumber)})</td><td>${esc(v.tariffName)}</td><td class="n">${esc(rupiah(v.amount))}</td><td>${esc(time(v.paidAt))} · ${esc(v.cashierName)}</td><td>${esc(v.voidedAt ? time(v.voidedAt) : '')} · ${esc(v.voidedByName)}</td><td>${esc(v.voidReason)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
  const state = recap.closed
    ? `Hari kas <b>DITUTUP</b> oleh ${esc(recap.closed.closedByName)} pada ${esc(hariTanggalJam(new Date(recap.closed.closedAt), settings.timeZone))}.`
    : '<b>Hari kas belum ditutup</b> — angka dapat berubah.';
  const cashier = recap.byCashier.length === 1 ? recap.byCashier[0]!.label : '';
  return printDocument({
    title: `Rekap kas ${recap.date}`,
    widthMm: 210,
    heightMm: 297,
    css,
    body: `<div class="doc">
<div class="kop"><div class="gov">${esc(k.government)}</div><div class="gov">${esc(k.office)}</div><div class="name">${esc(k.name)}</div><div class="contact">${esc(k.contact)}</div></div>
<h1>REKAP PENERIMAAN KAS HARIAN</h1>
<div class="sub">${esc(tanggalPanjang(recap.date))} · dicetak ${esc(hariTanggalJam(printedAt, settings.timeZone))}</div>
${lines('Per item tarif', 'Item tarif', recap.byTariff, recap.total)}
${lines('Per kasir', 'Kasir', recap.byCashier, recap.total)}
<h2>Pembatalan (${recap.voids.length})</h2>
${voids}
<div class="total">Jumlah diterima: <b>${esc(rupiah(recap.total.amount))}</b> dari ${recap.total.count} pembayaran<br><span class="words">${esc(rupiahWords(recap.total.amount))}</span></div>
<div class="state">${state} Salinan kwitansi dicetak: ${recap.copies}. Kunjungan umum belum dibayar: ${recap.unpaid.count} (${esc(rupiah(recap.unpaid.amount))}).</div>
<div class="signs">
  <div class="sign">Mengetahui,<br>Bendahara Penerimaan<div class="line">NIP.</div></div>
  <div class="sign">${esc(tanggalPanjang(localDate(printedAt, settings.timeZone)))}<br>Kasir<div class="line">${esc(cashier)}</div></div>
</div>
</div>`,
  });
}
