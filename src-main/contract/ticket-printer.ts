import { z } from 'zod';

/**
 * Where queue tickets (karcis antrean) are printed, as the workstation setting `printers.ticket`
 * writes it:
 * - `tcp://192.168.1.50:9100` — a network thermal printer taking raw ESC/POS (port 9100 when omitted);
 * - `windows://EPSON TM-T82` — a printer installed in Windows, sent RAW through the spooler;
 * - `html` (or no setting) — the kiosk's browser prints an HTML ticket itself.
 */
export type TicketPrinterAddress = { kind: 'html' } | { kind: 'tcp'; host: string; port: number } | { kind: 'windows'; name: string };

export const DEFAULT_ESCPOS_PORT = 9100;

export const ticketPaperWidths = [58, 80] as const;
export type TicketPaperWidth = (typeof ticketPaperWidths)[number];
export const ticketPaperSchema = z.union([z.literal(58), z.literal(80)], { error: 'Lebar kertas karcis 58 atau 80 mm' });

const ADDRESS_HINT = 'Tulis tcp://ALAMAT-IP:9100, windows://NAMA-PRINTER atau html';
// An IPv4 address, a host name, or an IPv6 address in brackets (as in URLs).
const hostPattern = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*)$/;
// eslint-disable-next-line no-control-regex -- a printer name with control characters is refused
const controlChars = /[\u0000-\u001f\u007f]/;

export function parseTicketPrinterAddress(value: string): { ok: true; address: TicketPrinterAddress } | { ok: false; message: string } {
  const text = value.trim();
  if (text.toLowerCase() === 'html') return { ok: true, address: { kind: 'html' } };
  const scheme = /^([a-z]+):\/\/(.*)$/i.exec(text);
  // A bare "192.168.1.50" or "192.168.1.50:9100" is what people type: read it as tcp://.
  const [kind, rest] = scheme ? [scheme[1]!.toLowerCase(), scheme[2]!] : /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/.test(text) ? ['tcp', text] : [null, ''];
  if (kind === 'windows') {
    const name = rest.trim();
    if (!name) return { ok: false, message: 'Nama printer Windows kosong: tulis windows://NAMA-PRINTER seperti di Pengaturan Windows' };
    if (controlChars.test(name)) return { ok: false, message: 'Nama printer Windows berisi karakter kendali' };
    return { ok: true, address: { kind: 'windows', name } };
  }
  if (kind !== 'tcp') return { ok: false, message: `Alamat printer karcis tidak dikenal. ${ADDRESS_HINT}` };
  const m = /^([^:/]+|\[[^\]]+\])(?::(\d{1,5}))?\/?$/.exec(rest);
  if (!m || !hostPattern.test(m[1]!)) return { ok: false, message: `Alamat TCP tidak valid. ${ADDRESS_HINT}` };
  const host = m[1]!.replace(/^\[(.*)\]$/, '$1');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) && host.split('.').some((octet) => Number(octet) > 255)) {
    return { ok: false, message: 'Alamat IPv4 tidak valid: setiap bagian 0–255' };
  }
  const port = m[2] === undefined ? DEFAULT_ESCPOS_PORT : Number(m[2]);
  if (port < 1 || port > 65535) return { ok: false, message: 'Port printer harus 1–65535 (biasanya 9100)' };
  return { ok: true, address: { kind: 'tcp', host, port } };
}

/** The canonical spelling stored in the setting. */
export function formatTicketPrinterAddress(address: TicketPrinterAddress): string {
  if (address.kind === 'html') return 'html';
  if (address.kind === 'windows') return `windows://${address.name}`;
  return `tcp://${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
}

/** How an address is named in messages: "192.168.1.50:9100", 'printer Windows "EPSON TM-T82"'. */
export function describeTicketPrinter(address: TicketPrinterAddress): string {
  if (address.kind === 'html') return 'peramban (karcis HTML)';
  if (address.kind === 'windows') return `printer Windows "${address.name}"`;
  return `${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
}

/** The setting as typed: checked and stored in its canonical spelling; empty means "not set" (HTML). */
export const ticketPrinterAddressSchema = z
  .string()
  .trim()
  .max(200, 'Maksimal 200 karakter')
  .transform((value, ctx) => {
    if (value === '') return null;
    const parsed = parseTicketPrinterAddress(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return formatTicketPrinterAddress(parsed.address);
  });
