import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { describeTicketPrinter, LoketError, type TicketPrinterAddress } from '../contract';

/** A printer that has not connected or taken the bytes within this time is reported as not answering. */
export const TCP_TIMEOUT_MS = 5_000;
/** PowerShell's start plus compiling the small C# helper takes 1–4 s on an office PC. */
export const WINDOWS_TIMEOUT_MS = 20_000;
/** The C# helper reads the bytes from an environment variable (at most 32,767 characters of base64). */
export const WINDOWS_MAX_BYTES = 16 * 1024;

export interface SendResult {
  printer: string;
  bytes: number;
  ms: number;
}

export interface SendOptions {
  timeoutMs?: number;
  /** For tests on Linux: the platform to act as, and a stand-in for powershell.exe. */
  platform?: NodeJS.Platform;
  powershell?: string;
}

/** Sends raw printer bytes (ESC/POS) to a network or Windows printer; `html` prints in the browser instead. */
export async function sendToTicketPrinter(address: TicketPrinterAddress, data: Uint8Array, options: SendOptions = {}): Promise<SendResult> {
  const started = performance.now();
  if (address.kind === 'tcp') await sendTcp(address.host, address.port, data, options.timeoutMs ?? TCP_TIMEOUT_MS);
  else if (address.kind === 'windows') await sendWindowsRaw(address.name, data, options);
  else throw new LoketError('CONFLICT', 'Printer karcis diatur "html": karcis dicetak oleh peramban, bukan dikirim oleh host.');
  return { printer: describeTicketPrinter(address), bytes: data.length, ms: Math.round(performance.now() - started) };
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10}`.replace('.', ',');

/**
 * Raw TCP as printers on port 9100 take it: connect, write, half-close. Resolves once the bytes are
 * handed to the network; the socket then waits for the printer to close its side (closing first
 * with unread data would send a reset that can discard the tail of the ticket).
 */
export function sendTcp(host: string, port: number, data: Uint8Array, timeoutMs = TCP_TIMEOUT_MS): Promise<void> {
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return new Promise<void>((resolve, reject) => {
    const socket = connect({ host, port });
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(new LoketError('UNAVAILABLE', message));
    };
    // One deadline for connect and write: a printer that is off drops the SYN and never refuses.
    const deadline = setTimeout(
      () =>
        fail(
          socket.connecting
            ? `Printer karcis di ${where} tidak menjawab dalam ${seconds(timeoutMs)} detik. Periksa apakah printer menyala, kabel jaringannya, dan alamat IP-nya.`
            : `Printer karcis di ${where} tidak menerima data dalam ${seconds(timeoutMs)} detik. Periksa kertas dan tutup printer, lalu cetak ulang.`,
        ),
      timeoutMs,
    );
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      fail(tcpErrorMessage(where, error));
    });
    socket.on('data', () => {
      // Status bytes some printers send unasked: read and ignore them.
    });
    socket.once('connect', () => {
      socket.end(data, () => {
        clearTimeout(deadline);
        if (settled) return;
        settled = true;
        resolve();
        // A printer that keeps its side open is let go after a grace period.
        setTimeout(() => socket.destroy(), 10_000).unref();
      });
    });
    socket.once('close', () => clearTimeout(deadline));
  });
}

function tcpErrorMessage(where: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return `Printer karcis di ${where} menolak sambungan. Periksa alamat IP dan port (biasanya 9100) di Pengaturan → Komputer.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return `Printer karcis di ${where} tidak terjangkau dari komputer host. Periksa jaringan dan alamat IP printer.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Nama printer karcis "${where}" tidak dikenal di jaringan. Pakai alamat IP printer.`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `Printer karcis di ${where} memutus sambungan sebelum karcis terkirim. Cetak ulang; bila terulang, nyalakan ulang printer.`;
    default:
      return `Karcis tidak dapat dikirim ke printer di ${where} (${error.code ?? error.message}).`;
  }
}

/**
 * The PowerShell script that hands bytes RAW to the Windows spooler through winspool.drv:
 * OpenPrinter → StartDocPrinter (datatype RAW, so the driver does not render them) →
 * StartPagePrinter → WritePrinter until all is written → End…/ClosePrinter. The printer name and the
 * bytes come from environment variables, never spliced into the script, so no name can inject code.
 * It prints `OK <bytes>` or, on failure, `ERR <step> <Win32 error>` on stderr with exit code 3.
 */
export const WINDOWS_RAW_SCRIPT = String.raw`$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
public static class LoketRawPrinter {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public class DocInfo1 {
    [MarshalAs(UnmanagedType.LPWStr)] public string pDocName;
    [MarshalAs(UnmanagedType.LPWStr)] public string pOutputFile;
    [MarshalAs(UnmanagedType.LPWStr)] public string pDatatype;
  }
  [DllImport("winspool.drv", EntryPoint = "OpenPrinterW", CharSet = CharSet.Unicode, SetLastError = true)]
  static extern bool OpenPrinter(string name, out IntPtr printer, IntPtr defaults);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool ClosePrinter(IntPtr printer);
  [DllImport("winspool.drv", EntryPoint = "StartDocPrinterW", CharSet = CharSet.Unicode, SetLastError = true)]
  static extern int StartDocPrinter(IntPtr printer, int level, [In] DocInfo1 info);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool EndDocPrinter(IntPtr printer);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool StartPagePrinter(IntPtr printer);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool EndPagePrinter(IntPtr printer);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool WritePrinter(IntPtr printer, IntPtr bytes, int count, out int written);

  public static string Send(string name, byte[] data) {
    IntPtr printer;
    if (!OpenPrinter(name, out printer, IntPtr.Zero)) return "OpenPrinter " + Marshal.GetLastWin32Error();
    IntPtr buffer = Marshal.AllocCoTaskMem(data.Length);
    try {
      Marshal.Copy(data, 0, buffer, data.Length);
      DocInfo1 info = new DocInfo1();
      info.pDocName = "Karcis antrean Loket";
      info.pDatatype = "RAW";
      if (StartDocPrinter(printer, 1, info) == 0) return "StartDocPrinter " + Marshal.GetLastWin32Error();
      try {
        if (!StartPagePrinter(printer)) return "StartPagePrinter " + Marshal.GetLastWin32Error();
        int offset = 0;
        while (offset < data.Length) {
          int written;
          if (!WritePrinter(printer, IntPtr.Add(buffer, offset), data.Length - offset, out written) || written <= 0)
            return "WritePrinter " + Marshal.GetLastWin32Error();
          offset += written;
        }
        if (!EndPagePrinter(printer)) return "EndPagePrinter " + Marshal.GetLastWin32Error();
      } finally {
        EndDocPrinter(printer);
      }
      return "OK " + data.Length;
    } finally {
      Marshal.FreeCoTaskMem(buffer);
      ClosePrinter(printer);
    }
  }
}
'@
$data = [Convert]::FromBase64String($env:LOKET_RAW_DATA)
$result = [LoketRawPrinter]::Send($env:LOKET_PRINTER_NAME, $data)
if ($result.StartsWith('OK ')) { [Console]::Out.WriteLine($result); exit 0 }
[Console]::Error.WriteLine('ERR ' + $result)
exit 3
`;

export interface WindowsRawInvocation {
  file: string;
  args: string[];
  env: Record<string, string>;
}

/** How powershell.exe is started: the script as -EncodedCommand (UTF-16LE base64, no quoting to get wrong). */
export function windowsRawInvocation(name: string, data: Uint8Array, powershell = 'powershell.exe'): WindowsRawInvocation {
  return {
    file: powershell,
    args: [
      '-NoLogo',
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
      Buffer.from(WINDOWS_RAW_SCRIPT, 'utf16le').toString('base64'),
    ],
    env: { LOKET_PRINTER_NAME: name, LOKET_RAW_DATA: Buffer.from(data).toString('base64') },
  };
}

/** Win32 errors a clerk can act on; the rest are reported with their number. */
const win32Hints: Record<string, string> = {
  '1801': 'tidak ditemukan. Tulis namanya persis seperti di Pengaturan Windows → Printer & pemindai',
  '5': 'menolak akses. Periksa izin printer untuk akun Windows yang menjalankan Loket',
  '1722': 'tidak terjangkau (server cetak tidak menjawab)',
  '1804': 'tidak menerima jenis data RAW. Pilih driver "Generic / Text Only" atau driver ESC/POS dari pembuat printer',
};

export function sendWindowsRaw(name: string, data: Uint8Array, options: SendOptions = {}): Promise<void> {
  const label = `Printer Windows "${name}"`;
  if ((options.platform ?? process.platform) !== 'win32') {
    return Promise.reject(
      new LoketError('CONFLICT', `${label}: alamat windows:// hanya berlaku bila host Loket berjalan di Windows. Pakai tcp://ALAMAT-IP:9100.`),
    );
  }
  if (data.length > WINDOWS_MAX_BYTES) {
    return Promise.reject(new LoketError('CONFLICT', `${label}: data cetak ${data.length} bita melebihi batas ${WINDOWS_MAX_BYTES} bita.`));
  }
  const run = windowsRawInvocation(name, data, options.powershell);
  const timeoutMs = options.timeoutMs ?? WINDOWS_TIMEOUT_MS;
  return new Promise<void>((resolve, reject) => {
    const child = spawn(run.file, run.args, { env: { ...process.env, ...run.env }, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill();
      reject(
        new LoketError(
          'UNAVAILABLE',
          `${label} tidak menjawab dalam ${seconds(timeoutMs)} detik. Periksa antrean cetak Windows dan apakah printer menyala.`,
        ),
      );
    }, timeoutMs);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new LoketError(
          'UNAVAILABLE',
          error.code === 'ENOENT'
            ? `${label}: PowerShell tidak ditemukan di komputer host.`
            : `${label}: PowerShell tidak dapat dijalankan (${error.code ?? error.message}).`,
        ),
      );
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && /^OK \d+/m.test(stdout)) return resolve();
      const failure = /ERR (\w+) (\d+)/.exec(stderr);
      if (failure) {
        const [, step, win32] = failure as unknown as [string, string, string];
        const hint = win32Hints[win32];
        return reject(new LoketError('UNAVAILABLE', hint ? `${label} ${hint}.` : `${label} gagal mencetak (${step}, kode Windows ${win32}).`));
      }
      // Killed by the timeout: that rejection already went out.
      if (code === null) return;
      reject(new LoketError('UNAVAILABLE', `${label} gagal mencetak (PowerShell keluar dengan kode ${code}: ${stderr.trim().slice(0, 200)}).`));
    });
  });
}
