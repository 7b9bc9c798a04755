import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoketError, type Service, type TicketPrint } from '../../src-main/contract';
import { ticketEscPos } from '../../src-main/print/escpos';
import { sendTcp, sendToTicketPrinter, sendWindowsRaw } from '../../src-main/print/ticket-printer';
import type { TicketSlip } from '../../src-main/print/ticket-slip';
import { decodeEscPos } from '../helpers/escpos-decoder';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';
import { closedPort, silentPrinter, simulatedPrinter, type SimulatedPrinter } from '../helpers/printer';

const slip: TicketSlip = {
  puskesmasName: 'UPT Puskesmas Sukamaju',
  address: 'Jl. Raya Sukamaju No. 1',
  code: 'B007',
  serviceName: 'Lansia / Prioritas',
  issuedAt: '2026-11-23T01:15:00.000Z',
  timeZone: 'Asia/Jakarta',
  waitingAhead: 2,
  estimatedWaitMinutes: 10,
  mark: null,
};

async function refusal(promise: Promise<unknown>): Promise<LoketError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoketError);
  return error as LoketError;
}

describe('sending a ticket to a network printer (raw TCP, port 9100 style)', () => {
  let printer: SimulatedPrinter;
  beforeAll(async () => {
    printer = await simulatedPrinter();
  });
  afterAll(async () => {
    await printer.close();
  });

  it('delivers the ESC/POS bytes whole; decoded they are the ticket', async () => {
    const bytes = ticketEscPos(slip, 80);
    const job = printer.nextJob();
    const sent = await sendToTicketPrinter({ kind: 'tcp', host: '127.0.0.1', port: printer.port }, bytes);
    expect(sent).toMatchObject({ printer: `127.0.0.1:${printer.port}`, bytes: bytes.length });
    const received = await job;
    expect(Buffer.compare(received, Buffer.from(bytes))).toBe(0);
    const { commands, lines } = decodeEscPos(received);
    expect(commands[0]).toEqual({ type: 'init' });
    expect(lines.find((l) => l.text === 'B007')).toMatchObject({ width: 6, height: 6, bold: true });
    expect(lines.map((l) => l.text)).toEqual(
      expect.arrayContaining(['UPT PUSKESMAS SUKAMAJU', 'Lansia / Prioritas', 'Senin, 23 November 2026 08.15 WIB', 'Antrean di depan Anda: 2']),
    );
    expect(commands.find((c) => c.type === 'qr')).toMatchObject({ payload: 'B007' });
    expect(commands.some((c) => c.type === 'cut' && c.partial)).toBe(true);
  });

  it('says so when the printer refuses the connection', async () => {
    const port = await closedPort();
    const e = await refusal(sendTcp('127.0.0.1', port, ticketEscPos(slip, 58)));
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toBe(
      `Printer karcis di 127.0.0.1:${port} menolak sambungan. Periksa alamat IP dan port (biasanya 9100) di Pengaturan → Komputer.`,
    );
  });

  it('gives up on a printer that never answers, within the timeout', async () => {
    const silent = await silentPrinter();
    try {
      const started = performance.now();
      const e = await refusal(sendTcp('127.0.0.1', silent.port, ticketEscPos(slip, 58), 800));
      const waited = performance.now() - started;
      expect(e.code).toBe('UNAVAILABLE');
      expect(e.message).toMatch(/^Printer karcis di 127\.0\.0\.1:\d+ tidak menjawab dalam 0,8 detik\. Periksa apakah printer menyala/);
      expect(waited).toBeGreaterThanOrEqual(750);
      expect(waited).toBeLessThan(3000);
    } finally {
      silent.close();
    }
  });

  it('gives up on a printer that connects but stops taking data (paper out, cover open)', async () => {
    // Accepts and never reads: the socket buffers fill and the write never completes.
    const stuck = createServer({ pauseOnConnect: true }, () => undefined);
    await new Promise<void>((resolve) => stuck.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const port = (stuck.address() as { port: number }).port;
    try {
      const e = await refusal(sendTcp('127.0.0.1', port, new Uint8Array(32 * 1024 * 1024), 800));
      expect(e.message).toMatch(/tidak menerima data dalam 0,8 detik\. Periksa kertas dan tutup printer/);
    } finally {
      stuck.close();
    }
  });

  it('does not send a ticket anywhere when the address is html', async () => {
    const e = await refusal(sendToTicketPrinter({ kind: 'html' }, ticketEscPos(slip, 58)));
    expect(e.code).toBe('CONFLICT');
  });
});

describe('sending a ticket to a Windows printer (RAW through the spooler)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loket-winraw-'));
  /** A stand-in for powershell.exe on Linux: checks how it is called and acts as the spooler would. */
  function fakePowerShell(behaviour: string): string {
    const file = join(dir, `powershell-${Math.random().toString(36).slice(2)}`);
    writeFileSync(
      file,
      `#!${process.execPath}
const args = process.argv.slice(2);
const script = Buffer.from(args[args.indexOf('-EncodedCommand') + 1], 'base64').toString('utf16le');
const name = process.env.LOKET_PRINTER_NAME;
const data = Buffer.from(process.env.LOKET_RAW_DATA, 'base64');
${behaviour}
`,
    );
    chmodSync(file, 0o755);
    return file;
  }

  it('refuses windows:// on a host that is not Windows', async () => {
    const e = await refusal(sendWindowsRaw('POS-58', ticketEscPos(slip, 58)));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/windows:\/\/ hanya berlaku bila host Loket berjalan di Windows/);
  });

  it('passes the printer name and the bytes to the script and reads its OK', async () => {
    const out = join(dir, 'job.bin');
    const ps = fakePowerShell(`
if (!script.includes('winspool.drv') || !args.includes('-NoProfile')) process.exit(9);
require('node:fs').writeFileSync(${JSON.stringify(out)}, Buffer.concat([Buffer.from(name + '\\n'), data]));
console.log('OK ' + data.length);`);
    const bytes = ticketEscPos(slip, 58);
    const sent = await sendToTicketPrinter({ kind: 'windows', name: 'EPSON TM-T82 "Kios"' }, bytes, { platform: 'win32', powershell: ps });
    expect(sent).toMatchObject({ printer: 'printer Windows "EPSON TM-T82 "Kios""', bytes: bytes.length });
    const job = readFileSync(out);
    const newline = job.indexOf(0x0a);
    expect(job.subarray(0, newline).toString()).toBe('EPSON TM-T82 "Kios"');
    expect(Buffer.compare(job.subarray(newline + 1), Buffer.from(bytes))).toBe(0);
    expect(decodeEscPos(job.subarray(newline + 1)).commands.find((c) => c.type === 'qr')).toMatchObject({ payload: 'B007' });
  });

  it('turns the spooler error of an unknown printer into a sentence', async () => {
    const ps = fakePowerShell(`console.error('ERR OpenPrinter 1801'); process.exit(3);`);
    const e = await refusal(sendWindowsRaw('POS-99', new Uint8Array([0x1b, 0x40]), { platform: 'win32', powershell: ps }));
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toBe('Printer Windows "POS-99" tidak ditemukan. Tulis namanya persis seperti di Pengaturan Windows → Printer & pemindai.');
    const other = fakePowerShell(`console.error('ERR WritePrinter 1167'); process.exit(3);`);
    const e2 = await refusal(sendWindowsRaw('POS-58', new Uint8Array([0x1b, 0x40]), { platform: 'win32', powershell: other }));
    expect(e2.message).toBe('Printer Windows "POS-58" gagal mencetak (WritePrinter, kode Windows 1167).');
  });

  it('stops waiting for a spooler that hangs, and says when PowerShell is missing', async () => {
    const hang = fakePowerShell(`setTimeout(() => undefined, 60000);`);
    const e = await refusal(sendWindowsRaw('POS-58', new Uint8Array([0x1b, 0x40]), { platform: 'win32', powershell: hang, timeoutMs: 500 }));
    expect(e.message).toBe('Printer Windows "POS-58" tidak menjawab dalam 0,5 detik. Periksa antrean cetak Windows dan apakah printer menyala.');
    const missing = await refusal(sendWindowsRaw('POS-58', new Uint8Array([1]), { platform: 'win32', powershell: join(dir, 'tidak-ada.exe') }));
    expect(missing.message).toBe('Printer Windows "POS-58": PowerShell tidak ditemukan di komputer host.');
  });
});

describe('documents.queueTicket and documents.testTicketPrinter on a host (HTTP)', () => {
  let h: HttpHost;
  let admin: string;
  let printer: SimulatedPrinter;
  let service: Service;
  // 08.15 WIB, Monday 23 November 2026; tests move it to the next day.
  let now = new Date('2026-11-23T01:15:00.000Z');
  type Issued = { ticket: { id: number; code: string; laneName: string }; waitingAhead: number; estimatedWaitMinutes: number };
  async function ok<T>(method: string, input: unknown, token: string | null = admin): Promise<T> {
    const r = await h.call<T>(method, input, token);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  const issue = () => ok<Issued>('queue.issueTicket', { serviceId: service.id }, null);

  beforeAll(async () => {
    h = await httpHost({ now: () => now });
    admin = await adminToken(h);
    printer = await simulatedPrinter();
    await ok('settings.update', { puskesmas: { name: 'UPT Puskesmas Sukamaju', address: 'Jl. Raya Sukamaju No. 1' } });
    service = (await ok<Service[]>('services.list', {})).find((s) => s.active)!;
    await ok('workstation.update', { printers: { ticket: `127.0.0.1:${printer.port}` }, ticketPaperMm: 58 });
  });
  afterAll(async () => {
    await printer.close();
    await h.cleanup();
  });

  it('stores the printer address in one spelling and refuses a malformed one', async () => {
    const ws = await ok<{ printers: { ticket: string }; ticketPaperMm: number }>('workstation.get', {});
    expect(ws).toMatchObject({ printers: { ticket: `tcp://127.0.0.1:${printer.port}` }, ticketPaperMm: 58 });
    for (const [patch, message] of [
      [{ printers: { ticket: 'http://192.168.1.50' } }, /Alamat printer karcis tidak dikenal/],
      [{ printers: { ticket: 'tcp://192.168.1.50:99999' } }, /Port printer harus 1–65535/],
      [{ ticketPaperMm: 76 }, /58 atau 80 mm/],
    ] as const) {
      const r = await h.call('workstation.update', patch, admin);
      expect(r.status).toBe(400);
      expect(r.body.ok ? '' : r.body.error.message).toMatch(message);
    }
    // Nothing changed.
    expect(await ok('workstation.get', {})).toEqual(ws);
  });

  it('prints a kiosk ticket without a login: the printer receives the number, the people ahead and a QR of the code', async () => {
    const first = await issue();
    const second = await issue();
    expect(second.waitingAhead).toBe(first.waitingAhead + 1);
    const job = printer.nextJob();
    const printed = await ok<TicketPrint>('documents.queueTicket', { ticketId: second.ticket.id }, null);
    expect(printed).toMatchObject({ mode: 'escpos', sent: true, printer: `127.0.0.1:${printer.port}` });
    const { commands, lines } = decodeEscPos(await job);
    const texts = lines.map((l) => l.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'UPT PUSKESMAS SUKAMAJU',
        'NOMOR ANTREAN',
        second.ticket.code,
        second.ticket.laneName,
        'Senin, 23 November 2026',
        '08.15 WIB',
        `Antrean di depan Anda: ${second.waitingAhead}`,
        `Perkiraan menunggu: ${second.estimatedWaitMinutes} menit`,
      ]),
    );
    expect(lines.find((l) => l.text === second.ticket.code)).toMatchObject({ width: 6, height: 6 });
    expect(texts).not.toContain('SALINAN');
    expect(commands.filter((c) => c.type === 'qr')).toEqual([expect.objectContaining({ payload: second.ticket.code })]);
    expect(commands.at(-2)).toMatchObject({ type: 'cut', partial: true });
  });

  it('marks a reprint SALINAN and states the line as it is now', async () => {
    const t = await issue();
    const job = printer.nextJob();
    await ok('documents.queueTicket', { ticketId: t.ticket.id, copy: true }, null);
    const { lines } = decodeEscPos(await job);
    expect(lines[0]).toMatchObject({ text: 'SALINAN', invert: true });
    expect(lines.map((l) => l.text)).toContain(`Antrean di depan Anda: ${t.waitingAhead}`);
  });

  it('hands the kiosk an HTML ticket when the host has no ticket printer', async () => {
    await ok('workstation.update', { printers: { ticket: null }, ticketPaperMm: 80 });
    try {
      const t = await issue();
      const jobs = printer.jobs.length;
      const printed = await ok<TicketPrint>('documents.queueTicket', { ticketId: t.ticket.id }, null);
      if (printed.mode !== 'html') throw new Error('expected html');
      expect(printed.document.paper).toEqual({ widthMm: 80, heightMm: 115 });
      expect(printed.document.html).toContain(`>${t.ticket.code}<`);
      expect(printed.document.html).toContain('Antrean di depan Anda: ');
      expect(printed.document.html).toMatch(/<svg[^>]*viewBox/);
      expect(printer.jobs.length).toBe(jobs);
    } finally {
      await ok('workstation.update', { printers: { ticket: `tcp://127.0.0.1:${printer.port}` }, ticketPaperMm: 58 });
    }
  });

  it('says clearly when the printer is off or refuses, and the ticket stays as it was', async () => {
    const t = await issue();
    const before = await ok<unknown>('queue.board', {}, null);
    const port = await closedPort();
    await ok('workstation.update', { printers: { ticket: `tcp://127.0.0.1:${port}` } });
    const silent = await silentPrinter();
    try {
      const refused = await h.call('documents.queueTicket', { ticketId: t.ticket.id }, null);
      expect(refused.status).toBe(503);
      expect(refused.body).toEqual({
        ok: false,
        error: {
          code: 'UNAVAILABLE',
          message: `Printer karcis di 127.0.0.1:${port} menolak sambungan. Periksa alamat IP dan port (biasanya 9100) di Pengaturan → Komputer.`,
        },
      });
      await ok('workstation.update', { printers: { ticket: `tcp://127.0.0.1:${silent.port}` } });
      const started = performance.now();
      const timedOut = await h.call('documents.queueTicket', { ticketId: t.ticket.id }, null);
      const waited = performance.now() - started;
      expect(timedOut.status).toBe(503);
      expect(timedOut.body.ok ? '' : timedOut.body.error.message).toMatch(/tidak menjawab dalam 5 detik/);
      // The default deadline: 5 s, not a hang.
      expect(waited).toBeGreaterThanOrEqual(4900);
      expect(waited).toBeLessThan(7000);
      // Printing reads only: the queue is exactly as before.
      expect(await ok('queue.board', {}, null)).toEqual(before);
      const state = await ok<{ waiting: { id: number; status: string }[] }>('queue.state', {});
      expect(state.waiting.find((w) => w.id === t.ticket.id)?.status).toBe('menunggu');
    } finally {
      silent.close();
      await ok('workstation.update', { printers: { ticket: `tcp://127.0.0.1:${printer.port}` } });
    }
  }, 20_000);

  it('refuses an unknown ticket and one of another day', async () => {
    const missing = await h.call('documents.queueTicket', { ticketId: 999_999 }, null);
    expect(missing.status).toBe(404);
    const t = await issue();
    now = new Date('2026-11-24T01:00:00.000Z');
    try {
      const old = await h.call('documents.queueTicket', { ticketId: t.ticket.id }, null);
      expect(old.status).toBe(409);
      expect(old.body.ok ? '' : old.body.error.message).toBe(
        `Tiket ${t.ticket.code} adalah antrean tanggal 23 November 2026: nomor antrean sudah berganti hari, karcisnya tidak dicetak lagi.`,
      );
    } finally {
      now = new Date('2026-11-23T01:15:00.000Z');
    }
  });

  it('test print: staff with the settings right send a CETAK UJI sample, to the saved or a typed address', async () => {
    expect((await h.call('documents.testTicketPrinter', {}, null)).status).toBe(401);
    const job = printer.nextJob();
    const sent = await ok<TicketPrint>('documents.testTicketPrinter', {});
    expect(sent).toMatchObject({ mode: 'escpos', sent: true });
    const { lines, commands } = decodeEscPos(await job);
    expect(lines[0]).toMatchObject({ text: 'CETAK UJI', invert: true });
    expect(lines.map((l) => l.text)).toEqual(expect.arrayContaining(['A001', 'Contoh layanan', 'UPT PUSKESMAS SUKAMAJU']));
    expect(commands.some((c) => c.type === 'cut')).toBe(true);
    // An address being typed in the form, 80 mm: checked by the same schema.
    const other = await simulatedPrinter();
    try {
      const job80 = other.nextJob();
      await ok('documents.testTicketPrinter', { address: `tcp://127.0.0.1:${other.port}`, paperMm: 80 });
      const wide = decodeEscPos(await job80).lines;
      expect(wide.map((l) => l.text)).toContain('Senin, 23 November 2026 08.15 WIB');
    } finally {
      await other.close();
    }
    const bad = await h.call('documents.testTicketPrinter', { address: 'tcp://300.1.1.1' }, admin);
    expect(bad.status).toBe(400);
    const html = await ok<TicketPrint>('documents.testTicketPrinter', { address: 'html' });
    expect(html.mode).toBe('html');
  });
});
