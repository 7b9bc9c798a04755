import type { TicketPaperWidth } from '../../contract';
import { qrSvg } from '../barcode';
import { esc, printDocument } from '../html';
import { TICKET_FOOTER, TICKET_HEADING, ticketDetailLines, type TicketSlip } from '../ticket-slip';

/**
 * Page length of the HTML ticket. Roll paper has none, but a browser prints pages: this is the
 * content's height with a little room, so a kiosk printer's driver feeds no blank paper after it.
 */
export const ticketPageHeightMm: Record<TicketPaperWidth, number> = { 58: 105, 80: 115 };

/**
 * Karcis antrean as HTML for kiosks that print through the browser (no ESC/POS printer on the
 * host): the same lines as the thermal ticket, 58 or 80 mm wide, the QR code as inline SVG.
 */
export function karcisAntrean(slip: TicketSlip, paper: TicketPaperWidth): string {
  const details = ticketDetailLines(slip);
  const wide = paper === 80;
  return printDocument({
    title: `Karcis antrean ${slip.code}`,
    widthMm: paper,
    heightMm: ticketPageHeightMm[paper],
    css: `
.ticket { padding: 3mm ${wide ? 5 : 4}mm; text-align: center; display: flex; flex-direction: column; align-items: center; gap: 0.8mm; }
.mark { font-weight: bold; letter-spacing: 2pt; background: #000; color: #fff; padding: 0.5mm 3mm; font-size: ${wide ? 11 : 10}pt; }
.name { font-weight: bold; font-size: ${wide ? 12 : 10}pt; text-transform: uppercase; line-height: 1.2; }
.addr { font-size: ${wide ? 8.5 : 7.5}pt; }
.rule { width: 100%; border-top: 0.3mm dashed #000; margin: 1mm 0; }
.heading { font-size: ${wide ? 9 : 8}pt; letter-spacing: 1.5pt; }
.number { font-size: ${wide ? 60 : 46}pt; font-weight: bold; line-height: 1; letter-spacing: 1pt; }
.service { font-size: ${wide ? 14 : 12}pt; font-weight: bold; }
.line { font-size: ${wide ? 9.5 : 8.5}pt; }
.nw { white-space: nowrap; }
.qr { width: ${wide ? 26 : 22}mm; height: ${wide ? 26 : 22}mm; margin: 1.5mm 0; }
.qr svg { display: block; width: 100%; height: 100%; }
.foot { font-size: ${wide ? 8.5 : 7.5}pt; font-style: italic; }`,
    body: `<div class="sheet ticket">
  ${slip.mark ? `<div class="mark">${esc(slip.mark)}</div>` : ''}
  <div class="name">${esc(slip.puskesmasName)}</div>
  ${slip.address ? `<div class="addr">${esc(slip.address)}</div>` : ''}
  <div class="rule"></div>
  <div class="heading">${TICKET_HEADING}</div>
  <div class="number mono">${esc(slip.code)}</div>
  <div class="service">${esc(slip.serviceName)}</div>
  <div class="line"><span class="nw">${esc(details.whenParts[0])}</span> <span class="nw">${esc(details.whenParts[1])}</span></div>
  <div class="line">${esc(details.ahead)}</div>
  ${details.wait ? `<div class="line">${esc(details.wait)}</div>` : ''}
  <div class="qr">${qrSvg(slip.code)}</div>
  <div class="foot">${esc(TICKET_FOOTER)}</div>
</div>`,
  });
}
