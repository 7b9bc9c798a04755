import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { LoketError, letterKindLabels, letterPaperMm, type Letter, type LetterKind, type letterDocumentMethods, type Printable } from '../contract';
import { insertLetterPrint, markLetterArchived } from '../db/repositories/letters';
import type { ServiceContext } from '../services/context';
import { actorOf, type Handlers } from '../services/handler';
import { requireLetter } from '../services/letters';
import { loadSharedSettings } from '../services/settings';
import type { LetterContext } from './templates/surat';
import { suratSakit } from './templates/surat-sakit';
import { suratSehat } from './templates/surat-sehat';
import { slipRujukanInternal, suratRujukan } from './templates/surat-rujukan';

/** One template per kind of letter; a kind without one cannot be printed yet. Add a kind with one line. */
export const letterTemplates: Partial<Record<LetterKind, (ctx: LetterContext) => string>> = {
  sakit: suratSakit,
  sehat: suratSehat,
  rujukan: suratRujukan,
  rujukan_internal: slipRujukanInternal,
};

/** The first LAN IPv4 address of this PC, for a host listening on every interface. */
function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

/** Where the QR code points: this host's LAN server, `GET /verify/<code>`. */
export function verifyUrl(ctx: ServiceContext, code: string): string {
  const lan = ctx.workstation.get().lan;
  let host = lan.bindAddress;
  if (host === '0.0.0.0' || host === '::') host = lanAddress() ?? '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${lan.port}/verify/${code}`;
}

/** The letter as a print-ready document (A4 or F4 as issued). */
export async function letterPrintable(ctx: ServiceContext, letter: Letter, copy: boolean): Promise<Printable> {
  const template = letterTemplates[letter.kind];
  if (!template) throw new LoketError('UNAVAILABLE', `${letterKindLabels[letter.kind]} belum mempunyai templat cetak.`);
  const settings = await loadSharedSettings(ctx.db);
  return {
    title: `${letterKindLabels[letter.kind]} ${letter.number}`,
    html: template({ letter, settings, copy, verifyUrl: verifyUrl(ctx, letter.verifyCode) }),
    paper: letterPaperMm[letter.paper],
  };
}

/** `445/012/SKS/PKM/XI/2026` → `445-012-SKS-PKM-XI-2026.pdf`: a file name on every OS. */
export function archiveFileName(number: string): string {
  return `${number.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '')}.pdf`;
}

export function archivePath(ctx: ServiceContext, letter: Pick<Letter, 'year' | 'number'>): string {
  return join(ctx.dataDir, 'surat', String(letter.year), archiveFileName(letter.number));
}

const noEngine = () =>
  new LoketError(
    'UNAVAILABLE',
    'PDF surat tidak dapat dibuat di komputer ini: mesin peramban (Chromium) tidak tersedia. Surat tetap dapat dicetak lewat pratinjau cetak.',
  );

/**
 * Writes the original (not SALINAN) PDF of a letter to `<dataDir>/surat/<year>/`, once; returns
 * its bytes. Written to a temporary name first, so a half-written file is never taken for the archive.
 */
export async function archiveLetter(ctx: ServiceContext, letter: Letter): Promise<Uint8Array> {
  const render = ctx.renderPdf;
  if (!render) throw noEngine();
  const file = archivePath(ctx, letter);
  if (letter.archivedAt) {
    const existing = await readFile(file).catch(() => null);
    if (existing) return existing;
  }
  // The background archiver and a letters.pdf right after issuing share one rendering.
  let job = archiving.get(file);
  if (!job) {
    job = (async () => {
      const doc = await letterPrintable(ctx, letter, false);
      const pdf = await render(doc.html, doc.paper);
      await mkdir(join(ctx.dataDir, 'surat', String(letter.year)), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, pdf);
      await rename(tmp, file);
      await markLetterArchived(ctx.db, letter.id, ctx.now().toISOString());
      return pdf;
    })().finally(() => archiving.delete(file));
    archiving.set(file, job);
  }
  return job;
}

const archiving = new Map<string, Promise<Uint8Array>>();

/**
 * Archives each newly issued letter after its transaction committed. A failure is logged and
 * left for the next `letters.pdf` of that letter; issuing never waits for it nor fails by it.
 */
export function startLetterArchive(ctx: ServiceContext): { stop(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  const unsubscribe = ctx.events.subscribe((event) => {
    if (event.name !== 'letters.changed' || !ctx.renderPdf) return;
    const { letterId, change } = event.payload as { letterId: number; change: string };
    if (change !== 'issued') return;
    const job = requireLetter(ctx.db, letterId)
      .then((letter) => archiveLetter(ctx, letter))
      .then(
        () => undefined,
        (error: unknown) => ctx.log.warn(`arsip PDF surat ${letterId} gagal (dicoba lagi saat PDF diminta)`, error),
      )
      .finally(() => pending.delete(job));
    pending.add(job);
  });
  return {
    async stop() {
      unsubscribe();
      await Promise.all([...pending]);
    },
  };
}

export function letterDocumentHandlers(ctx: ServiceContext): Handlers<keyof typeof letterDocumentMethods> {
  /** A letter printed before is a copy whatever the caller says: only one original leaves the puskesmas. */
  async function recordPrint(letter: Letter, wantCopy: boolean | undefined, by: number, target: 'cetak' | 'pdf'): Promise<boolean> {
    const copy = wantCopy === true || letter.prints > 0;
    await ctx.db.transaction().execute((trx) => insertLetterPrint(trx, { letterId: letter.id, at: ctx.now().toISOString(), by, copy, target }));
    ctx.events.emit('letters.changed', { letterId: letter.id, kind: letter.kind, change: 'printed' });
    return copy;
  }

  return {
    'documents.letter': async ({ id, copy }, call) => {
      const letter = await requireLetter(ctx.db, id);
      const printable = await letterPrintable(ctx, letter, copy === true || letter.prints > 0);
      await recordPrint(letter, copy, actorOf(call).id, 'cetak');
      return printable;
    },
    'letters.pdf': async ({ id, copy }, call) => {
      const letter = await requireLetter(ctx.db, id);
      if (!ctx.renderPdf) throw noEngine();
      // The archive is written even when a copy is asked for: a failed archive is retried here.
      const original = await archiveLetter(ctx, letter);
      const isCopy = copy === true || letter.prints > 0;
      let pdf = original;
      if (isCopy) {
        const doc = await letterPrintable(ctx, letter, true);
        pdf = await ctx.renderPdf(doc.html, doc.paper);
      }
      await recordPrint(letter, copy, actorOf(call).id, 'pdf');
      const base64 = Buffer.from(pdf).toString('base64');
      return {
        fileName: archiveFileName(letter.number).replace(/\.pdf$/, isCopy ? '-SALINAN.pdf' : '.pdf'),
        mime: 'application/pdf',
        base64,
        bytes: pdf.byteLength,
      };
    },
  };
}
