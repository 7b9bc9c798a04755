import type { PatientRecord, SharedSettings } from '../../contract';
import { tanggalPanjang } from '../../domain/waktu';
import { code128Svg } from '../barcode';
import { esc, kopLines, printDocument } from '../html';

/** Kartu berobat in ID-1 card size (85.6 × 54 mm), the card a returning patient shows. */
export function kartuBerobat(patient: PatientRecord, settings: SharedSettings): string {
  const kop = kopLines(settings.puskesmas);
  const village = patient.regionPath?.split(', ')[0] ?? null;
  const address = [patient.addressStreet, patient.rt || patient.rw ? `RT ${patient.rt ?? '-'}/RW ${patient.rw ?? '-'}` : null, village]
    .filter(Boolean)
    .join(', ');
  return printDocument({
    title: `Kartu berobat ${patient.rmNumber}`,
    widthMm: 85.6,
    heightMm: 54,
    css: `
.card { padding: 2.5mm 3.5mm; display: flex; flex-direction: column; }
.head { border-bottom: 0.4mm solid #0b5; padding-bottom: 1mm; text-align: center; }
.head .gov { font-size: 5.5pt; letter-spacing: 0.2pt; }
.head .name { font-size: 8pt; font-weight: bold; }
.title { text-align: center; font-size: 7pt; font-weight: bold; letter-spacing: 1.5pt; margin: 1mm 0 0.5mm; }
.rm { text-align: center; font-size: 15pt; font-weight: bold; letter-spacing: 1pt; }
table { width: 100%; border-collapse: collapse; font-size: 6.8pt; }
td { padding: 0.2mm 0; vertical-align: top; }
td.k { width: 17mm; color: #333; }
.barcode { height: 8mm; margin: 1mm 10mm 0; }
.foot { font-size: 5.5pt; text-align: center; margin-top: auto; color: #333; }`,
    body: `<div class="sheet card">
  <div class="head"><div class="gov">${esc(kop.government)}${kop.office ? ` · ${esc(kop.office)}` : ''}</div><div class="name">${esc(kop.name)}</div></div>
  <div class="title">KARTU BEROBAT</div>
  <div class="rm mono">${esc(patient.rmNumber)}</div>
  <table>
    <tr><td class="k">Nama</td><td><b>${esc(patient.name)}</b> (${esc(patient.sex)})</td></tr>
    <tr><td class="k">Tgl. lahir</td><td>${esc(tanggalPanjang(patient.birthDate))}</td></tr>
    <tr><td class="k">Alamat</td><td>${esc(address || '-')}</td></tr>
  </table>
  <div class="barcode">${code128Svg(patient.rmNumber)}</div>
  <div class="foot">Bawalah kartu ini setiap kali berobat</div>
</div>`,
  });
}
