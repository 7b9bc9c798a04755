import type { LetterVerification } from '../contract';
import { tanggalPanjang } from '../domain/waktu';
import { esc } from '../print/html';

const headline: Record<LetterVerification['result'], { text: string; color: string }> = {
  sah: { text: 'SURAT SAH', color: '#146c2e' },
  batal: { text: 'SURAT DIBATALKAN', color: '#8a5a00' },
  tidak_sah: { text: 'KODE TIDAK SAH', color: '#a01616' },
  tidak_dikenal: { text: 'KODE TIDAK DIKENAL', color: '#a01616' },
};

/** Only inline styles, no script, no outside resource: what GET /verify/<code> may load. */
export const VERIFY_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The page a phone opens from a letter's QR code: the letter's key facts, no full name, address
 * or diagnosis (initials and the RM number's last digits let the holder match the paper).
 */
export function verifyPage(v: LetterVerification, code: string): string {
  const h = headline[v.result];
  const l = v.letter;
  const row = (k: string, value: string) => `<tr><th>${esc(k)}</th><td>${esc(value)}</td></tr>`;
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verifikasi surat — ${esc(h.text)}</title>
<style>
body { font-family: system-ui, "Segoe UI", Arial, sans-serif; margin: 0; padding: 24px 16px; background: #f4f5f7; color: #111; }
main { max-width: 560px; margin: 0 auto; background: #fff; border-radius: 8px; padding: 20px 24px; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
h1 { font-size: 26px; margin: 0 0 8px; color: ${h.color}; letter-spacing: .5px; }
p { margin: 0 0 16px; line-height: 1.45; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px 4px; border-top: 1px solid #ddd; vertical-align: top; }
th { width: 40%; font-weight: 600; color: #444; } code { font-size: 15px; }
</style></head>
<body><main>
<h1>${esc(h.text)}</h1>
<p>${esc(v.message)}</p>
${
  l
    ? `<table>
${row('Diterbitkan oleh', l.puskesmasName)}
${row('Jenis surat', l.kindLabel)}
${row('Nomor', l.number)}
${row('Tanggal', tanggalPanjang(l.issuedDate))}
${row('Pasien (inisial)', l.patientInitials)}
${row('No. rekam medis', l.rmTail)}
${row('Penanda tangan', l.signerName)}
${row('Status', l.status === 'batal' ? `Dibatalkan${l.cancelledDate ? ` pada ${tanggalPanjang(l.cancelledDate)}` : ''}` : 'Berlaku')}
</table>`
    : ''
}
<p style="margin-top:16px;color:#555;font-size:13px">Kode yang diperiksa: <code>${esc(code)}</code></p>
</main></body></html>`;
}
