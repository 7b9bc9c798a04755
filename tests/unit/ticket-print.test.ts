import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTicketPrinterAddress, ticketPrinterAddressSchema } from '../../src-main/contract';
import { hariTanggalJam } from '../../src-main/domain/waktu';
import { asciiText, bigNumberSize, ticketColumns, ticketEscPos } from '../../src-main/print/escpos';
import { WINDOWS_RAW_SCRIPT, windowsRawInvocation } from '../../src-main/print/ticket-printer';
import type { TicketSlip } from '../../src-main/print/ticket-slip';
import { decodeEscPos } from '../helpers/escpos-decoder';

const slip: TicketSlip = {
  puskesmasName: 'UPT Puskesmas Sukamaju',
  address: 'Jl. Raya Sukamaju No. 1, Cibinong',
  code: 'A012',
  serviceName: 'Umum / BPJS',
  // 08.15 WIB on a Monday.
  issuedAt: '2026-11-23T01:15:00.000Z',
  timeZone: 'Asia/Jakarta',
  waitingAhead: 4,
  estimatedWaitMinutes: 20,
  mark: null,
};

describe('Indonesian date and time on a ticket', () => {
  it('names the day, the date and the local time with its zone', () => {
    expect(hariTanggalJam(new Date('2026-11-23T01:15:00Z'), 'Asia/Jakarta')).toBe('Senin, 23 November 2026 08.15 WIB');
    // 23:05 UTC on Sunday is already Monday 08.05 in Jayapura, still Sunday in no zone east of it.
    expect(hariTanggalJam(new Date('2026-11-22T23:05:00Z'), 'Asia/Jayapura')).toBe('Senin, 23 November 2026 08.05 WIT');
    expect(hariTanggalJam(new Date('2026-11-22T15:59:00Z'), 'Asia/Makassar')).toBe('Minggu, 22 November 2026 23.59 WITA');
    expect(hariTanggalJam(new Date('2026-11-22T16:00:00Z'), 'Asia/Makassar')).toBe('Senin, 23 November 2026 00.00 WITA');
  });
});

describe('text for the printer code page', () => {
  it('keeps ASCII, drops accents, turns typographic marks into ASCII and removes the rest', () => {
    expect(asciiText("Siti Nur'aini")).toBe("Siti Nur'aini");
    expect(asciiText('Poli Gigi – Klaster “2”')).toBe('Poli Gigi - Klaster "2"');
    expect(asciiText('Café Señor Ågård')).toBe('Cafe Senor Agard');
    expect(asciiText('Jl. Dr. Sutomo\tNo. 5\n')).toBe('Jl. Dr. Sutomo No. 5');
    expect(asciiText('Antrean 😀 مرحبا ±5…')).toBe('Antrean +/-5...');
    expect(asciiText('Straße Æbø')).toBe('Strasse AEbo');
  });
});

describe('the ESC/POS ticket', () => {
  for (const paper of [58, 80] as const) {
    it(`prints every line of a ${paper} mm ticket within ${ticketColumns[paper]} columns, the number large, a QR and a cut`, () => {
      const bytes = ticketEscPos(slip, paper);
      const { commands, lines } = decodeEscPos(bytes);
      const columns = ticketColumns[paper];
      expect(commands[0]).toEqual({ type: 'init' });
      expect(commands).toContainEqual({ type: 'codepage', page: 0 });
      // Every byte is ASCII or an ESC/POS command: the decoder saw no code page characters.
      expect(lines.every((l) => !l.text.includes('\\x'))).toBe(true);
      for (const l of lines) expect(l.columns, l.text).toBeLessThanOrEqual(columns);

      const texts = lines.map((l) => l.text);
      const name = lines.find((l) => l.text === 'UPT PUSKESMAS SUKAMAJU');
      expect(name?.bold).toBe(true);
      // Long lines wrap at a word, centred.
      expect(texts.join(' ')).toContain('Jl. Raya Sukamaju No. 1, Cibinong');
      expect(texts).toContain('NOMOR ANTREAN');
      const number = lines.find((l) => l.text === 'A012')!;
      const size = bigNumberSize('A012', columns);
      expect(size).toBe(6);
      expect(number).toMatchObject({ bold: true, width: size, height: size });
      // Centred: as many columns left of it as right of it (± one).
      expect(Math.abs(number.indent * 2 + 4 * size - columns)).toBeLessThanOrEqual(1);
      expect(lines.find((l) => l.text === 'Umum / BPJS')).toMatchObject({ bold: true, width: 1, height: 2 });
      if (paper === 58) {
        // 33 characters do not fit 32 columns: the time moves to its own line.
        expect(texts).toContain('Senin, 23 November 2026');
        expect(texts).toContain('08.15 WIB');
      } else {
        expect(texts).toContain('Senin, 23 November 2026 08.15 WIB');
      }
      expect(texts).toContain('Antrean di depan Anda: 4');
      expect(texts).toContain('Perkiraan menunggu: 20 menit');
      expect(texts.join(' ')).toContain('Simpan karcis ini. Nomor akan dipanggil.');

      const qr = commands.find((c) => c.type === 'qr');
      expect(qr).toEqual({ type: 'qr', payload: 'A012', model: 2, moduleSize: paper === 58 ? 6 : 8, errorLevel: 'M' });
      const cutAt = commands.findIndex((c) => c.type === 'cut');
      expect(commands[cutAt]).toMatchObject({ type: 'cut', partial: true });
      expect(commands.slice(cutAt + 1).every((c) => c.type === 'text' && c.text === '')).toBe(true);
      // Fed before the cut, so the footer clears the cutter.
      const blankLinesBeforeCut = commands
        .slice(0, cutAt)
        .reverse()
        .findIndex((c) => c.type === 'text' && c.text.trim() !== '');
      expect(blankLinesBeforeCut).toBeGreaterThanOrEqual(3);
      expect(bytes.length).toBeLessThan(1024);
    });
  }

  it('marks a reprint and leaves out an unknown wait; foreign text never reaches the printer', () => {
    const { lines } = decodeEscPos(
      ticketEscPos(
        {
          ...slip,
          mark: 'SALINAN',
          estimatedWaitMinutes: null,
          serviceName: 'Pelayanan “Lansia” – Prioritas',
          puskesmasName: 'Puskesmas Kota Baru 😀',
        },
        58,
      ),
    );
    expect(lines[0]).toMatchObject({ text: 'SALINAN', invert: true, bold: true });
    expect(lines.map((l) => l.text)).toContain('PUSKESMAS KOTA BARU');
    expect(lines.map((l) => l.text)).toContain('Pelayanan "Lansia" - Prioritas');
    expect(lines.some((l) => l.text.startsWith('Perkiraan'))).toBe(false);
  });

  it('shrinks a long ticket code so it still fits the line', () => {
    expect(bigNumberSize('KIA007', 32)).toBe(5);
    expect(bigNumberSize('KIA00007', 32)).toBe(3);
    expect(bigNumberSize('KIA00007', 48)).toBe(5);
    const { lines } = decodeEscPos(ticketEscPos({ ...slip, code: 'KIA00007' }, 58));
    expect(lines.find((l) => l.text === 'KIA00007')).toMatchObject({ width: 3, height: 3 });
  });

  it('states a long wait in hours and minutes', () => {
    const texts = decodeEscPos(ticketEscPos({ ...slip, estimatedWaitMinutes: 80 }, 80)).lines.map((l) => l.text);
    expect(texts).toContain('Perkiraan menunggu: 1 jam 20 menit');
  });
});

describe('ticket printer addresses', () => {
  const ok = (s: string) => ticketPrinterAddressSchema.parse(s);
  const refused = (s: string) => {
    const r = ticketPrinterAddressSchema.safeParse(s);
    expect(r.success, s).toBe(false);
    return r.error!.issues[0]!.message;
  };

  it('reads tcp, windows and html addresses and stores them in one spelling', () => {
    expect(parseTicketPrinterAddress('tcp://192.168.1.50:9100')).toEqual({ ok: true, address: { kind: 'tcp', host: '192.168.1.50', port: 9100 } });
    expect(ok('tcp://192.168.1.50')).toBe('tcp://192.168.1.50:9100');
    expect(ok(' TCP://printer-karcis.local:9101 ')).toBe('tcp://printer-karcis.local:9101');
    expect(ok('192.168.1.50')).toBe('tcp://192.168.1.50:9100');
    expect(ok('192.168.1.50:9200')).toBe('tcp://192.168.1.50:9200');
    expect(ok('tcp://[::1]:9100')).toBe('tcp://[::1]:9100');
    expect(ok('windows://EPSON TM-T82 Receipt')).toBe('windows://EPSON TM-T82 Receipt');
    expect(ok('windows://\\\\KASIR\\POS-58')).toBe('windows://\\\\KASIR\\POS-58');
    expect(ok('HTML')).toBe('html');
    expect(ok('')).toBeNull();
  });

  it('refuses what is not an address with a message saying what to write', () => {
    expect(refused('http://192.168.1.50')).toMatch(/tidak dikenal.*tcp:\/\/ALAMAT-IP:9100/);
    expect(refused('EPSON TM-T82')).toMatch(/tidak dikenal/);
    expect(refused('tcp://192.168.1.300:9100')).toMatch(/0–255/);
    expect(refused('tcp://192.168.1.50:70000')).toMatch(/Port printer harus 1–65535/);
    expect(refused('tcp://192.168.1.50:0')).toMatch(/Port/);
    expect(refused('tcp://')).toMatch(/Alamat TCP tidak valid/);
    expect(refused('tcp://host name:9100')).toMatch(/Alamat TCP tidak valid/);
    expect(refused('windows://')).toMatch(/Nama printer Windows kosong/);
    expect(refused('windows://POS\u000758')).toMatch(/karakter kendali/);
    expect(refused('x'.repeat(201))).toMatch(/Maksimal 200/);
  });
});

describe('Windows RAW printing (the script is checked here; it runs only on Windows)', () => {
  it('starts PowerShell without a profile, the script encoded, the name and bytes outside it', () => {
    const name = "EPSON TM-T82'; Remove-Item C:\\ -Recurse; '";
    const data = new Uint8Array([0x1b, 0x40, 0x41, 0x0a, 0x1d, 0x56, 0x01]);
    const run = windowsRawInvocation(name, data);
    expect(run.file).toBe('powershell.exe');
    expect(run.args.slice(0, 6)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    const script = Buffer.from(run.args[6]!, 'base64').toString('utf16le');
    expect(script).toBe(WINDOWS_RAW_SCRIPT);
    // The printer name is data, never code.
    expect(script).not.toContain('EPSON');
    expect(run.env.LOKET_PRINTER_NAME).toBe(name);
    expect(Buffer.from(run.env.LOKET_RAW_DATA!, 'base64')).toEqual(Buffer.from(data));
    // PowerShell's -EncodedCommand is limited by the 32,767-character command line.
    expect(run.args.join(' ').length).toBeLessThan(32_767);
  });

  it('hands the bytes to the spooler as RAW through winspool.drv and reports each failing step', () => {
    for (const call of ['OpenPrinterW', 'StartDocPrinterW', 'StartPagePrinter', 'WritePrinter', 'EndPagePrinter', 'EndDocPrinter', 'ClosePrinter']) {
      expect(WINDOWS_RAW_SCRIPT).toContain(call);
    }
    expect(WINDOWS_RAW_SCRIPT).toContain('DllImport("winspool.drv"');
    expect(WINDOWS_RAW_SCRIPT).toContain('info.pDatatype = "RAW"');
    expect(WINDOWS_RAW_SCRIPT).toContain('$env:LOKET_PRINTER_NAME');
    expect(WINDOWS_RAW_SCRIPT).toContain('[Convert]::FromBase64String($env:LOKET_RAW_DATA)');
    expect(WINDOWS_RAW_SCRIPT).toMatch(/Marshal\.GetLastWin32Error\(\)/);
    // Partial writes are continued until every byte is written.
    expect(WINDOWS_RAW_SCRIPT).toMatch(/while \(offset < data\.Length\)/);
    // The here-string delimiters of PowerShell stand alone on their lines.
    expect(WINDOWS_RAW_SCRIPT).toMatch(/@'\nusing System;/);
    expect(WINDOWS_RAW_SCRIPT).toMatch(/\n'@\n/);
  });

  // Mono's C# compiler checks the helper's C# where it is installed (apt-get install mono-mcs); the
  // P/Invoke signatures compile on any platform even though winspool.drv exists only on Windows.
  const hasMcs = spawnSync('mcs', ['--version']).status === 0;
  it.runIf(hasMcs)('the C# helper compiles (mcs)', () => {
    const cs = /@'\n([\s\S]*?)\n'@/.exec(WINDOWS_RAW_SCRIPT)![1]!;
    const dir = mkdtempSync(join(tmpdir(), 'loket-cs-'));
    writeFileSync(join(dir, 'LoketRawPrinter.cs'), cs);
    expect(() =>
      execFileSync('mcs', ['-target:library', '-warnaserror+', `-out:${join(dir, 'raw.dll')}`, join(dir, 'LoketRawPrinter.cs')]),
    ).not.toThrow();
  });
});
