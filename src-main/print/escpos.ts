import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { TicketPaperWidth } from '../contract';
import { TICKET_FOOTER, TICKET_HEADING, ticketDetailLines, type TicketSlip } from './ticket-slip';

/** Characters per line in font A (12 × 24 dots) at 203 dpi: 58 mm paper prints 48 mm, 80 mm prints 72 mm. */
export const ticketColumns: Record<TicketPaperWidth, number> = { 58: 32, 80: 48 };

/**
 * Text as printable ASCII. Code page tables behind `ESC t n` differ between printer makers (the
 * same n is CP858 on one and Thai on another), but 0x20–0x7E is the same everywhere, and
 * Indonesian needs no accents: accents are dropped, typographic quotes and dashes become their
 * ASCII forms, anything else (emoji, other scripts, control characters) is removed.
 */
export function asciiText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\u00b1/g, '+/-')
    .replace(/\u00df/g, 'ss')
    .replace(/[\u00c6\u00e6]/g, (c) => (c === '\u00c6' ? 'AE' : 'ae'))
    .replace(/[\u00d8\u00f8]/g, (c) => (c === '\u00d8' ? 'O' : 'o'))
    .replace(/[^\s\x20-\x7e]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The character magnification (GS !) of the ticket number: the largest that fits the line with a
 * column to spare on each side, at most 6× (18 mm tall digits, readable at arm's length; beyond
 * that the 12 × 24 bitmap font turns blocky and the ticket long).
 */
export function bigNumberSize(code: string, columns: number): number {
  return Math.max(1, Math.min(6, Math.floor((columns - 2) / Math.max(1, code.length))));
}

/** QR module size in dots (GS ( k fn 67): about 20 mm square on 58 mm paper, 25 mm on 80 mm. */
const qrModuleDots: Record<TicketPaperWidth, number> = { 58: 6, 80: 8 };

/**
 * The queue ticket as ESC/POS bytes: ESC @, then centred lines — the puskesmas name in bold, its
 * address, the number at the largest size that fits, the service, date and time, the people ahead,
 * the estimated wait — a QR code of the ticket code (GS ( k, model 2), the footer, a feed and a
 * partial cut (GS V 1).
 */
export function ticketEscPos(slip: TicketSlip, paper: TicketPaperWidth): Uint8Array {
  const columns = ticketColumns[paper];
  const code = asciiText(slip.code);
  const details = ticketDetailLines(slip);
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns,
    newline: '\n',
    // Thermal heads sit 3–4 lines above the cutter: feed before the cut so the footer is not cut off.
    feedBeforeCut: 4,
  });
  encoder.initialize().codepage('cp437').align('center');
  if (slip.mark) encoder.invert(true).bold(true).line(` ${slip.mark} `).invert(false).bold(false).newline();
  encoder.bold(true).line(asciiText(slip.puskesmasName).toUpperCase()).bold(false);
  const address = asciiText(slip.address);
  if (address) encoder.line(address);
  // Dashes, not the code page's box-drawing line: the same on every printer.
  encoder.line('-'.repeat(columns));
  encoder.line(TICKET_HEADING);
  const size = bigNumberSize(code, columns);
  encoder.size(size, size).bold(true).line(code).bold(false).size(1, 1);
  // Double height keeps a long service name on one line while it stands out under the number.
  encoder.size(1, 2).bold(true).line(asciiText(slip.serviceName)).bold(false).size(1, 1);
  encoder.newline();
  // "Senin, 23 November 2026 08.15 WIB" is 33 characters: on 32 columns the time goes on its own line.
  if (details.when.length <= columns) encoder.line(asciiText(details.when));
  else for (const part of details.whenParts) if (part) encoder.line(asciiText(part));
  encoder.line(details.ahead);
  if (details.wait) encoder.line(details.wait);
  encoder.newline();
  encoder.qrcode(code, { model: 2, size: qrModuleDots[paper], errorlevel: 'm' });
  encoder.newline();
  encoder.line(TICKET_FOOTER);
  encoder.cut('partial');
  return encoder.encode();
}
