/**
 * The Electron shell: a window, IPC, and the OS integration around the same host that
 * `serve` runs. Everything else lives in the composition root (host.ts) and below.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import ElectronStore from 'electron-store';
import { StartupError } from '../db/connection';
import type { Printable } from '../contract';
import { electronPrintOptions, registerPrintChannel } from '../ipc/print';
import { registerIpcTransport } from '../ipc/transport';
import { CSP } from '../http/server';
import { ArgsError, parseHostArgs } from './cli';
import { startHost, type Host } from './host';
import { describeServing, rendererDir, serveHost, type Serving } from './serving';
import { workstationStoreOn, workstationStoreOptions } from './workstation';

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = pathToFileURL((rendererDir() ?? join(here, '..', 'renderer')) + '/').href;

/** better-sqlite3 built for Electron's ABI (npm run rebuild:electron); Node's build stays for tests. */
function electronNativeBinding(): string | undefined {
  const candidates = [
    join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    join(here, '..', '..', 'native', 'electron', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => existsSync(p));
}

function harden(): void {
  // Every permission is refused except the microphone (audio only) for our own pages: staff
  // re-record the queue voice's clips in Pengaturan → Suara.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const media = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(permission === 'media' && media.length > 0 && media.every((m) => m === 'audio') && details.requestingUrl.startsWith(rendererRoot));
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(rendererRoot)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/**
 * Prints a print-ready document from a hidden, script-less window: the template's `@page` and
 * the paper size decide the layout, exactly as in the PDF the tests look at.
 */
async function printWithElectron(printable: Printable, printer: string | null): Promise<{ cancelled: boolean }> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(printable.html)}`);
    return await new Promise((resolve, reject) => {
      win.webContents.print(electronPrintOptions(printable, printer), (success, failureReason) => {
        if (success) resolve({ cancelled: false });
        else if (failureReason === 'cancelled') resolve({ cancelled: true });
        else reject(new Error(failureReason));
      });
    });
  } finally {
    win.destroy();
  }
}

/**
 * The letters' PDF port (archive and letters.pdf): the same hidden, script-less window as a
 * print, turned into a PDF at the document's own paper size (Electron counts in inches).
 */
async function pdfWithElectron(html: string, paper: { widthMm: number; heightMm: number }): Promise<Uint8Array> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await win.webContents.printToPDF({
      printBackground: true,
      preferCSSPageSize: true,
      margins: { top: 0, right: 0, bottom: 0, left: 0 },
      pageSize: { width: paper.widthMm / 25.4, height: paper.heightMm / 25.4 },
    });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'Loket',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(here, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click would open a link in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(new URL('index.html', rendererRoot).href);
  return win;
}

async function run(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(app.isPackaged ? 1 : 2));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  harden();
  const dataDir = args.data ?? app.getPath('userData');
  const workstation = workstationStoreOn(new ElectronStore(workstationStoreOptions(dataDir)));
  const nativeBinding = electronNativeBinding();
  const host: Host = await startHost({
    dataDir,
    mode: 'electron',
    workstation,
    logToConsole: true,
    renderPdf: pdfWithElectron,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  const serving: Serving = await serveHost(host, args);
  for (const line of describeServing(serving, dataDir)) console.log(line);
  if (!rendererDir()) throw new StartupError('Tampilan Loket belum dibangun (out/renderer tidak ada). Jalankan npm run build.');

  const isTrustedFrame = (url: string) => url.startsWith(rendererRoot);
  const stopIpc = registerIpcTransport(ipcMain, host.dispatcher, host.ctx.events, { isTrustedFrame });
  const stopPrint = registerPrintChannel(ipcMain, {
    isTrustedFrame,
    printerFor: (role) => workstation.get().printers[role],
    print: printWithElectron,
    log: (message, error) => host.log.error(message, error),
  });
  let win = createWindow();
  app.on('second-instance', () => {
    if (win.isDestroyed()) win = createWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    event.preventDefault();
    stopIpc();
    stopPrint();
    void serving.server
      .close()
      .then(() => host.close())
      .finally(() => app.exit(0));
  });
}

run().catch((error: unknown) => {
  const message = error instanceof StartupError || error instanceof ArgsError ? error.message : `Kesalahan tak terduga: ${String(error)}`;
  console.error(`Loket tidak dapat dimulai: ${message}`);
  if (app.isReady()) dialog.showErrorBox('Loket tidak dapat dimulai', message);
  app.exit(1);
});
