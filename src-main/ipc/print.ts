import { IPC_PRINT_CHANNEL, printRequestSchema, type Printable, type PrinterRole, type PrintOutcome, type Reply } from '../contract';
import type { IpcMainLike } from './transport';

export interface PrintChannelOptions {
  isTrustedFrame(url: string): boolean;
  /** The OS printer configured for a role on this PC, or null to ask with the system dialog. */
  printerFor(role: PrinterRole): string | null;
  /** Prints with Electron (Electron's webContents.print, in app/main.ts); rejects when the printer fails. */
  print(printable: Printable, printer: string | null): Promise<{ cancelled: boolean }>;
  log(message: string, error: unknown): void;
}

/**
 * The shell's print call. The renderer already holds the document (it came from a contract
 * method under its session), so this only checks who sends it and that it is a document.
 */
export function registerPrintChannel(ipcMain: IpcMainLike, options: PrintChannelOptions): () => void {
  ipcMain.handle(IPC_PRINT_CHANNEL, async (event, raw): Promise<Reply<PrintOutcome>> => {
    if (!options.isTrustedFrame(event.senderFrame?.url ?? '')) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Permintaan cetak dari halaman yang tidak dikenal ditolak.' } };
    }
    const parsed = printRequestSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: 'Dokumen yang akan dicetak tidak lengkap atau tidak sah.' } };
    const printer = options.printerFor(parsed.data.printer);
    try {
      const { cancelled } = await options.print(parsed.data.printable, printer);
      return { ok: true, value: { printer, cancelled } };
    } catch (error) {
      options.log(`cetak "${parsed.data.printable.title}" ke ${printer ?? 'dialog sistem'} gagal`, error);
      const where = printer ? `printer "${printer}"` : 'printer';
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `Dokumen tidak dapat dicetak ke ${where}. Periksa printer menyala, berkertas dan terhubung; lalu coba lagi.`,
        },
      };
    }
  });
  return () => ipcMain.removeHandler(IPC_PRINT_CHANNEL);
}

/**
 * Options for Electron's `webContents.print`: the paper of the document (Electron counts in
 * microns), no margins (the templates place everything themselves), silent only when a
 * printer is named, so an unconfigured PC still shows the system dialog.
 */
export function electronPrintOptions(printable: Printable, printer: string | null) {
  return {
    silent: printer !== null,
    ...(printer !== null ? { deviceName: printer } : {}),
    printBackground: true,
    margins: { marginType: 'none' as const },
    pageSize: { width: Math.round(printable.paper.widthMm * 1000), height: Math.round(printable.paper.heightMm * 1000) },
  };
}
