import {
  LoketError,
  parseTicketPrinterAddress,
  type documentMethods,
  type TicketPaperWidth,
  type TicketPrint,
  type TicketPrinterAddress,
} from '../contract';
import type { ServiceContext } from '../services/context';
import type { Handlers } from '../services/handler';
import { ticketWaitingPosition } from '../services/queue-ticket';
import { loadSharedSettings } from '../services/settings';
import { ticketEscPos } from './escpos';
import { karcisAntrean, ticketPageHeightMm } from './templates/ticket';
import { sendToTicketPrinter } from './ticket-printer';
import { sampleTicketSlip, type TicketSlip } from './ticket-slip';

type TicketMethod = 'documents.queueTicket' | 'documents.testTicketPrinter';

/**
 * Queue tickets: the host sends ESC/POS to the ticket printer of its workstation settings, or,
 * when none is set (or it is `html`), hands the kiosk an HTML ticket to print in its browser.
 */
export function ticketDocumentHandlers(ctx: ServiceContext): Handlers<Extract<keyof typeof documentMethods, TicketMethod>> {
  async function print(slip: TicketSlip, setting: string | null, paper: TicketPaperWidth): Promise<TicketPrint> {
    const address = printerAddress(setting);
    if (address.kind === 'html') {
      return {
        mode: 'html',
        sent: false,
        document: {
          title: `Karcis antrean ${slip.code}`,
          html: karcisAntrean(slip, paper),
          paper: { widthMm: paper, heightMm: ticketPageHeightMm[paper] },
        },
      };
    }
    try {
      const sent = await sendToTicketPrinter(address, ticketEscPos(slip, paper));
      ctx.log.info(`karcis ${slip.code} terkirim ke ${sent.printer} (${sent.bytes} bita, ${sent.ms} ms)`);
      return { mode: 'escpos', sent: true, ...sent };
    } catch (error) {
      if (error instanceof LoketError) ctx.log.warn(`karcis ${slip.code} tidak tercetak: ${error.message}`);
      throw error;
    }
  }

  return {
    'documents.queueTicket': async ({ ticketId, copy }) => {
      const settings = await loadSharedSettings(ctx.db);
      // A public read: the code, lane, time and place in line — never the visit or the patient.
      const { ticket, waitingAhead, estimatedWaitMinutes } = await ticketWaitingPosition(ctx.db, ticketId, settings, ctx.now());
      const workstation = ctx.workstation.get();
      const slip: TicketSlip = {
        puskesmasName: settings.puskesmas.name,
        address: settings.puskesmas.address,
        code: ticket.code,
        serviceName: ticket.laneName,
        issuedAt: ticket.issuedAt,
        timeZone: settings.timeZone,
        waitingAhead,
        estimatedWaitMinutes,
        mark: copy ? 'SALINAN' : null,
      };
      return print(slip, workstation.printers.ticket, workstation.ticketPaperMm);
    },
    'documents.testTicketPrinter': async ({ address, paperMm }) => {
      const workstation = ctx.workstation.get();
      const slip = sampleTicketSlip(await loadSharedSettings(ctx.db), ctx.now());
      return print(slip, address === undefined ? workstation.printers.ticket : address, paperMm ?? workstation.ticketPaperMm);
    },
  };
}

/** The workstation setting as an address; not set means the browser prints. */
function printerAddress(setting: string | null): TicketPrinterAddress {
  if (setting === null || setting.trim() === '') return { kind: 'html' };
  const parsed = parseTicketPrinterAddress(setting);
  if (!parsed.ok) throw new LoketError('CONFLICT', `Alamat printer karcis di Pengaturan → Komputer tidak valid ("${setting}"): ${parsed.message}.`);
  return parsed.address;
}
