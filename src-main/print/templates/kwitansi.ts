import type { SharedSettings, Visit } from '../../contract';
import { rupiah, rupiahWords } from '../../domain/terbilang';
import { localDate, tanggalPanjang } from '../../domain/waktu';
import { esc, kopLines, printDocument } from '../html';

/** Kwitansi for a pasien umum's fee (A5 landscape); a reprint carries a SALINAN stamp. */
export function kwitansi(visit: Visit, settings: SharedSettings, options: { copy: boolean; cashierName?: string | null }): string {
  const kop = kopLines(settings.puskesmas);
  const number = `KW/${visit.date.replaceAll('-', '')}/${String(visit.seq).padStart(3, '0')}`;
  const paidOn = visit.paidAt ? tanggalPanjang(localDate(new Date(visit.paidAt), settings.timeZone)) : null;
  return printDocument({
    title: `Kwitansi ${number}`,
    widthMm: 210,
    heightMm: 148,
    css: `
.page { padding: 10mm 14mm; display: flex; flex-direction: column; font-size: 10.5pt; }
.kop { text-align: center; border-bottom: 0.8mm double #000; padding-bottom: 2mm; }
.kop .gov { font-size: 10pt; } .kop .name { font-size: 14pt; font-weight: bold; } .kop .contact { font-size: 8.5pt; }
h1 { text-align: center; font-size: 14pt; letter-spacing: 3pt; margin: 4mm 0 1mm; }
.no { text-align: center; margin-bottom: 4mm; }
table { border-collapse: collapse; width: 100%; }
td { padding: 1.2mm 0; vertical-align: top; } td.k { width: 45mm; }
.words { font-style: italic; border: 0.3mm solid #000; padding: 1.5mm 3mm; background: #eee; }
.bottom { display: flex; justify-content: space-between; align-items: flex-end; margin-top: auto; }
.amount { font-size: 16pt; font-weight: bold; border: 0.5mm solid #000; padding: 2mm 5mm; }
.status { font-weight: bold; margin-top: 2mm; }
.sign { text-align: center; width: 60mm; } .sign .line { margin-top: 18mm; border-top: 0.3mm solid #000; }
.copy { position: absolute; top: 8mm; right: 12mm; font-size: 15pt; font-weight: bold; letter-spacing: 2pt; border: 0.6mm solid #000; padding: 1mm 4mm; }`,
    body: `<div class="sheet page">
  ${options.copy ? '<div class="copy">SALINAN</div>' : ''}
  <div class="kop"><div class="gov">${esc(kop.government)}</div><div class="gov">${esc(kop.office)}</div><div class="name">${esc(kop.name)}</div><div class="contact">${esc(kop.contact)}</div></div>
  <h1>KWITANSI</h1>
  <div class="no">Nomor: ${esc(number)}</div>
  <table>
    <tr><td class="k">Telah terima dari</td><td>: <b>${esc(visit.patient.name)}</b> (No. RM ${esc(visit.patient.rmNumber)})</td></tr>
    <tr><td class="k">Uang sejumlah</td><td>: <span class="words">${esc(rupiahWords(visit.fee))}</span></td></tr>
    <tr><td class="k">Untuk pembayaran</td><td>: ${esc(visit.tariffName ?? 'Retribusi pelayanan')} — ${esc(visit.unitName)}, kunjungan ${esc(tanggalPanjang(visit.date))}</td></tr>
  </table>
  <div class="bottom">
    <div><div class="amount">${esc(rupiah(visit.fee))}</div><div class="status">${paidOn ? `LUNAS — ${esc(paidOn)}` : 'BELUM DIBAYAR — silakan membayar di kasir'}</div></div>
    <div class="sign">${esc(tanggalPanjang(visit.date))}<br>Kasir<div class="line">${esc(options.cashierName ?? '')}</div></div>
  </div>
</div>`,
  });
}
