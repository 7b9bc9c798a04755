import type { SharedSettings } from '../contract';
import { hariTanggalJam } from '../domain/waktu';

/**
 * What a queue ticket (karcis antrean) says, whichever way it is printed: ESC/POS bytes for a
 * thermal printer or an HTML page for a browser kiosk. Only public data: the ticket number, its
 * service and times — never a patient's name, RM or NIK.
 */
export interface TicketSlip {
  puskesmasName: string;
  address: string;
  code: string;
  serviceName: string;
  /** ISO instant the ticket was taken. */
  issuedAt: string;
  timeZone: string;
  waitingAhead: number;
  estimatedWaitMinutes: number | null;
  /** SALINAN on a reprint; CETAK UJI on the sample a test print sends. */
  mark: 'SALINAN' | 'CETAK UJI' | null;
}

export const TICKET_HEADING = 'NOMOR ANTREAN';
export const TICKET_FOOTER = 'Simpan karcis ini. Nomor akan dipanggil.';

/** The lines under the big number, in print order; `when` splits into day-and-date and time where a line is too narrow. */
export function ticketDetailLines(slip: TicketSlip): { when: string; whenParts: [string, string]; ahead: string; wait: string | null } {
  const when = hariTanggalJam(new Date(slip.issuedAt), slip.timeZone);
  // "Senin, 23 November 2026" | "08.15 WIB"
  const split = /^(.*\d{4}) (\d{2}\.\d{2}.*)$/.exec(when);
  return {
    when,
    whenParts: split ? [split[1]!, split[2]!] : [when, ''],
    ahead: `Antrean di depan Anda: ${slip.waitingAhead}`,
    wait: slip.estimatedWaitMinutes === null ? null : `Perkiraan menunggu: ${durasi(slip.estimatedWaitMinutes)}`,
  };
}

/** "15 menit", "1 jam 20 menit", "2 jam". */
function durasi(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} menit`;
  const rest = m % 60;
  return `${Math.floor(m / 60)} jam${rest ? ` ${rest} menit` : ''}`;
}

/** The sample a test print sends: clearly marked, numbered like a real ticket so its size shows. */
export function sampleTicketSlip(settings: SharedSettings, now: Date): TicketSlip {
  return {
    puskesmasName: settings.puskesmas.name,
    address: settings.puskesmas.address,
    code: 'A001',
    serviceName: 'Contoh layanan',
    issuedAt: now.toISOString(),
    timeZone: settings.timeZone,
    waitingAhead: 0,
    estimatedWaitMinutes: 5,
    mark: 'CETAK UJI',
  };
}
