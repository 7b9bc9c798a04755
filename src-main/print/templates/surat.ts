import { letterPaperMm, professionLabels, type Letter, type SharedSettings } from '../../contract';
import { tanggalPanjang } from '../../domain/waktu';
import { qrSvg } from '../barcode';
import { esc, kopLines, printDocument } from '../html';

/** Everything a letter template gets: the letter, the settings (kop), whether it is a copy, the verify URL. */
export interface LetterContext {
  letter: Letter;
  settings: SharedSettings;
  copy: boolean;
  verifyUrl: string;
}

/** One kind's part of a letter: its title and its body; the frame adds kop, number, place/date, signer and QR. */
export interface LetterContent {
  title: string;
  body: string;
  /** Who signs, above the name ("Dokter Pemeriksa"); default: the signer's profession. */
  signerRole?: string;
  css?: string;
}

export const sexLabel = (sex: string) => (sex === 'P' ? 'Perempuan' : 'Laki-laki');

/** Rows of "label : value" with the values escaped; null/'' values are left out. */
export function factRows(rows: [string, string | number | null | undefined][]): string {
  return `<table class="facts">${rows
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `<tr><td class="k">${esc(k)}</td><td class="c">:</td><td>${esc(v)}</td></tr>`)
    .join('')}</table>`;
}

/** "The undersigned doctor of … states that:" and who the letter is about (sick-leave and health letters). */
export function doctorAttests(ctx: LetterContext, d: { ageYears: number; sex: string; occupation: string; address: string }): string {
  return `<p>Yang bertanda tangan di bawah ini, dokter pada ${esc(ctx.settings.puskesmas.name)}, menerangkan bahwa:</p>
  ${factRows([
    ['Nama', ctx.letter.patient.name],
    ['Umur', `${d.ageYears} tahun`],
    ['Jenis kelamin', sexLabel(d.sex)],
    ['Pekerjaan', d.occupation],
    ['Alamat', d.address],
    ['No. rekam medis', ctx.letter.patient.rmNumber],
  ])}`;
}

/** A date as letters write it: "23 November 2026". */
export const longDate = (iso: string) => esc(tanggalPanjang(iso));

/**
 * The frame every letter shares, for A4 or F4: kop surat with the logo and a double rule, the
 * title and number, the body, place and date, the signer (name, NIP, SIP/STR) and the QR code
 * with the verification URL and the code printed under it. A reprint says SALINAN; a cancelled
 * letter says DIBATALKAN.
 */
export function letterDocument(ctx: LetterContext, content: LetterContent): string {
  const { letter, settings } = ctx;
  const paper = letterPaperMm[letter.paper];
  const kop = kopLines(settings.puskesmas);
  const logo = settings.letters.logoDataUrl;
  const place = settings.letters.place || settings.puskesmas.name;
  const s = letter.signer;
  return printDocument({
    title: `${content.title} ${letter.number}`,
    widthMm: paper.widthMm,
    heightMm: paper.heightMm,
    css: `
.page { padding: 12mm 20mm 14mm 22mm; display: flex; flex-direction: column; font-size: 11.5pt; line-height: 1.45; }
.kop { display: flex; align-items: center; gap: 4mm; padding-bottom: 2mm; border-bottom: 1.2mm double #000; }
.kop .logo { width: 24mm; height: 24mm; flex: none; display: flex; align-items: center; justify-content: center; }
.kop .logo img { max-width: 24mm; max-height: 24mm; }
.kop .text { flex: 1; text-align: center; }
.kop .gov { font-size: 12pt; line-height: 1.25; } .kop .name { font-size: 16pt; font-weight: bold; line-height: 1.3; }
.kop .contact { font-size: 9pt; }
.kop .spacer { width: 24mm; flex: none; }
h1 { text-align: center; font-size: 13.5pt; text-decoration: underline; margin: 7mm 0 0; letter-spacing: 0.5pt; }
.no { text-align: center; margin-bottom: 6mm; }
p { margin: 0 0 3mm; text-align: justify; }
table.facts { border-collapse: collapse; margin: 0 0 3mm 8mm; }
table.facts td { padding: 0.4mm 0; vertical-align: top; } table.facts td.k { width: 42mm; } table.facts td.c { width: 5mm; }
.foot { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 6mm; }
.qr { width: 42mm; text-align: center; font-size: 8pt; line-height: 1.25; }
.qr .code { width: 24mm; height: 24mm; margin: 0 auto 1mm; } .qr .code svg { width: 100%; height: 100%; display: block; }
.qr .vc { font-size: 10pt; font-weight: bold; letter-spacing: 0.5pt; }
.qr .url { overflow-wrap: anywhere; }
.sign { width: 72mm; text-align: left; }
.sign .space { height: 22mm; }
.sign .nm { font-weight: bold; text-decoration: underline; }
.stamp { position: absolute; top: 8mm; right: 12mm; font-size: 15pt; font-weight: bold; letter-spacing: 2pt; border: 0.6mm solid #000; padding: 1mm 4mm; }
.void { position: absolute; top: 45%; left: 0; right: 0; text-align: center; font-size: 54pt; font-weight: bold; color: rgba(0,0,0,0.18); transform: rotate(-24deg); }
${content.css ?? ''}`,
    body: `<div class="sheet page">
  ${ctx.copy ? '<div class="stamp">SALINAN</div>' : ''}
  ${letter.status === 'batal' ? '<div class="void">DIBATALKAN</div>' : ''}
  <div class="kop">
    <div class="logo">${logo ? `<img src="${esc(logo)}" alt="Logo">` : ''}</div>
    <div class="text">
      ${kop.government ? `<div class="gov">${esc(kop.government)}</div>` : ''}
      ${kop.office ? `<div class="gov">${esc(kop.office)}</div>` : ''}
      <div class="name">${esc(kop.name)}</div>
      ${kop.contact ? `<div class="contact">${esc(kop.contact)}</div>` : ''}
    </div>
    <div class="spacer"></div>
  </div>
  <h1>${esc(content.title.toUpperCase())}</h1>
  <div class="no">Nomor: ${esc(letter.number)}</div>
  ${content.body}
  <div class="foot">
    <div class="qr">
      <div class="code">${qrSvg(ctx.verifyUrl)}</div>
      <div>Kode verifikasi</div>
      <div class="vc mono">${esc(letter.verifyCode)}</div>
      <div class="url">${esc(ctx.verifyUrl)}</div>
    </div>
    <div class="sign">
      <div>${esc(place)}, ${longDate(letter.issuedDate)}</div>
      <div>${esc(content.signerRole ?? professionLabels[s.profession])}</div>
      <div class="space"></div>
      <div class="nm">${esc(s.name)}</div>
      ${s.nip ? `<div>NIP. ${esc(s.nip)}</div>` : ''}
      ${s.sip ? `<div>SIP. ${esc(s.sip)}</div>` : ''}
      ${s.str ? `<div>STR. ${esc(s.str)}</div>` : ''}
    </div>
  </div>
</div>`,
  });
}
