import { afterEach, describe, expect, it } from 'vitest';
import { IPC_PRINT_CHANNEL, type Printable, type PrintOutcome, type Reply } from '../../src-main/contract';
import { electronPrintOptions, registerPrintChannel } from '../../src-main/ipc/print';
import type { IpcInvokeEvent } from '../../src-main/ipc/transport';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

/**
 * The Electron shell's print call, driven the way Electron's ipcMain drives it: the real
 * channel code and a real document from the host; only the OS printer is played by the test.
 */
type Listener = (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function channel(printers: { letter: string | null; label: string | null }, fail = false) {
  const handlers = new Map<string, Listener>();
  const jobs: { title: string; printer: string | null }[] = [];
  const logged: string[] = [];
  const stop = registerPrintChannel(
    { handle: (name, fn) => void handlers.set(name, fn), removeHandler: (name) => void handlers.delete(name) },
    {
      isTrustedFrame: (url) => url.startsWith('file:///loket/'),
      printerFor: (role) => printers[role],
      print: async (printable, printer) => {
        if (fail) throw new Error('printer offline');
        jobs.push({ title: printable.title, printer });
        return { cancelled: printer === null && printable.title.includes('batal') };
      },
      log: (message) => logged.push(message),
    },
  );
  const send = (request: unknown, url = 'file:///loket/index.html') => {
    const handler = handlers.get(IPC_PRINT_CHANNEL)!;
    const sender = { id: 1, send: () => undefined, isDestroyed: () => false, once: () => undefined };
    return handler({ sender, senderFrame: { url } }, request) as Promise<Reply<PrintOutcome>>;
  };
  return { send, jobs, logged, stop, handlers };
}

describe('print channel of the desktop shell', () => {
  let h: HttpHost | undefined;
  afterEach(async () => {
    await h?.cleanup();
    h = undefined;
  });

  async function card(): Promise<Printable> {
    h = await httpHost();
    const token = await adminToken(h);
    const created = await h.call<{ patient: { id: number } }>('patients.create', { name: 'Siti Aminah', sex: 'P', birthDate: '1985-03-12' }, token);
    if (!created.body.ok) throw new Error(created.body.error.message);
    const doc = await h.call<Printable>('documents.patientCard', { patientId: created.body.value.patient.id }, token);
    if (!doc.body.ok) throw new Error(doc.body.error.message);
    return doc.body.value;
  }

  it('sends the document to the printer configured for its role, silently', async () => {
    const printable = await card();
    const c = channel({ letter: 'HP LaserJet', label: 'Zebra ZD220' });
    const reply = await c.send({ printable, printer: 'label' });
    expect(reply).toEqual({ ok: true, value: { printer: 'Zebra ZD220', cancelled: false } });
    expect(c.jobs).toEqual([{ title: printable.title, printer: 'Zebra ZD220' }]);
    expect(electronPrintOptions(printable, 'Zebra ZD220')).toMatchObject({
      silent: true,
      deviceName: 'Zebra ZD220',
      pageSize: { width: 85_600, height: 54_000 },
      margins: { marginType: 'none' },
    });
  });

  it('asks with the system dialog when no printer is set, and reports a cancelled dialog', async () => {
    const printable = await card();
    const c = channel({ letter: null, label: null });
    expect(electronPrintOptions(printable, null)).toMatchObject({ silent: false });
    expect(electronPrintOptions(printable, null)).not.toHaveProperty('deviceName');
    const reply = await c.send({ printable: { ...printable, title: 'Kartu batal' }, printer: 'label' });
    expect(reply).toEqual({ ok: true, value: { printer: null, cancelled: true } });
  });

  it('refuses other pages, malformed jobs, and says so in Indonesian when the printer fails', async () => {
    const printable = await card();
    const c = channel({ letter: 'HP LaserJet', label: null });
    const foreign = await c.send({ printable, printer: 'letter' }, 'https://contoh.invalid/');
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const bad of [
      null,
      {},
      { printable, printer: 'ticket' },
      { printable: { ...printable, paper: { widthMm: 0, heightMm: 10 } }, printer: 'letter' },
    ]) {
      expect(await c.send(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/tidak sah/) as string } });
    }
    expect(c.jobs).toEqual([]);

    const broken = channel({ letter: 'HP LaserJet', label: null }, true);
    const failed = await broken.send({ printable, printer: 'letter' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('printer "HP LaserJet"') as string } });
    expect(broken.logged[0]).toMatch(/gagal/);
    broken.stop();
    expect(broken.handlers.size).toBe(0);
  });
});
