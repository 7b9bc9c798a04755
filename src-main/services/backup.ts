import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { access, chmod, constants, copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { LoketError, type BackupCopy, type BackupFacts, type BackupRun, type BackupStatus, type backupMethods } from '../contract';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { backupFileName, backupsToKeep, defaultRotation, parseBackupName } from '../domain/cadangan';
import { localClock, localDate } from '../domain/waktu';
import { decryptFile, encryptFile, isEncryptedBackup } from './backup-file';
import type { ServiceContext } from './context';
import type { Handlers } from './handler';
import { loadSharedSettings } from './settings';

/**
 * The backup settings live on the host only, beside the database (never in it: a copy of the
 * database must not carry the key to the other copies). The passphrase file is readable by the
 * host's user alone.
 */
interface BackupConfig {
  folder: string | null;
  time: string;
  lastRun: BackupRun | null;
  lastSuccess: BackupRun | null;
}

const CONFIG_FILE = 'cadangan.json';
const KEY_FILE = 'cadangan.kunci';
/** A staged restore, swapped in by the next start before the database opens (app/host). */
export const PENDING_RESTORE_FILE = 'pulihkan.db';

const defaults: BackupConfig = { folder: null, time: '12:30', lastRun: null, lastSuccess: null };

function readConfig(dataDir: string): BackupConfig {
  try {
    return { ...defaults, ...(JSON.parse(readFileSync(join(dataDir, CONFIG_FILE), 'utf8')) as Partial<BackupConfig>) };
  } catch {
    return { ...defaults };
  }
}

async function writeConfig(dataDir: string, config: BackupConfig): Promise<void> {
  const tmp = join(dataDir, `${CONFIG_FILE}.tmp`);
  await writeFile(tmp, JSON.stringify(config, null, 2));
  await rename(tmp, join(dataDir, CONFIG_FILE));
}

function readPassphrase(dataDir: string): string | null {
  try {
    return readFileSync(join(dataDir, KEY_FILE), 'utf8') || null;
  } catch {
    return null;
  }
}

async function listCopies(folder: string | null): Promise<BackupCopy[]> {
  if (!folder || !existsSync(folder)) return [];
  const copies: BackupCopy[] = [];
  // A drive that is not there (or a path that is not a folder) simply holds no copies now.
  const files = await readdir(folder).catch(() => [] as string[]);
  for (const file of files) {
    const name = parseBackupName(file);
    if (!name) continue;
    const { size } = await stat(join(folder, file));
    copies.push({ file, date: name.date, time: name.time, encrypted: name.encrypted, bytes: size });
  }
  return copies.sort((a, b) => b.file.localeCompare(a.file));
}

/** A copy by name in the backup folder, or an absolute path to a copy elsewhere (a USB drive). */
function resolveCopy(ref: string, folder: string | null): string {
  const file = isAbsolute(ref) ? ref : folder && parseBackupName(ref) ? join(folder, ref) : null;
  if (!file)
    throw new LoketError('VALIDATION', 'Pilih salinan dari daftar, atau tulis lokasi lengkap berkas cadangan.', [
      { path: 'file', message: 'Tidak dikenal' },
    ]);
  if (!/\.db(\.enc)?$/.test(file))
    throw new LoketError('VALIDATION', 'Berkas cadangan Loket berakhiran .db atau .db.enc.', [{ path: 'file', message: 'Bukan cadangan' }]);
  if (!existsSync(file))
    throw new LoketError('NOT_FOUND', `Berkas cadangan ${file} tidak ditemukan.`, [{ path: 'file', message: 'Tidak ditemukan' }]);
  return file;
}

/** Removes a leftover; a folder that is gone (or is not a folder any more) leaves nothing to remove. */
async function discard(file: string): Promise<void> {
  await rm(file, { force: true }).catch(() => undefined);
}

export interface BackupSchedule {
  /** Stops the daily timer and makes the copy at exit (when a folder is set). */
  stop(): Promise<void>;
}

const instances = new WeakMap<ServiceContext, ReturnType<typeof createBackups>>();
/** One per host, so the button and the timer never copy at the same moment. */
function backupsOf(ctx: ServiceContext): ReturnType<typeof createBackups> {
  let b = instances.get(ctx);
  if (!b) instances.set(ctx, (b = createBackups(ctx)));
  return b;
}

export function backupHandlers(ctx: ServiceContext): Handlers<keyof typeof backupMethods> {
  const b = backupsOf(ctx);
  return {
    'backup.status': async () => b.status(),
    'backup.configure': async (input) => b.configure(input),
    'backup.run': async () => b.run('manual'),
    'backup.preview': async ({ file, passphrase }) => b.preview(file, passphrase),
    'backup.restore': async ({ file, passphrase }) => b.restore(file, passphrase),
  };
}

function createBackups(ctx: ServiceContext) {
  const dataDir = ctx.dataDir;
  let queue: Promise<unknown> = Promise.resolve();

  async function status(): Promise<BackupStatus> {
    const config = readConfig(dataDir);
    return {
      folder: config.folder,
      time: config.time,
      encrypted: readPassphrase(dataDir) !== null,
      dataDir,
      lastRun: config.lastRun,
      lastSuccess: config.lastSuccess,
      copies: await listCopies(config.folder),
      restorePending: existsSync(join(dataDir, PENDING_RESTORE_FILE)),
      rotation: defaultRotation,
    };
  }

  /** Opens a copy as a plain database file (decrypting into the data folder first) and reads it. */
  async function factsOf(file: string, passphrase: string | undefined, keepAs?: string): Promise<BackupFacts> {
    const encrypted = await isEncryptedBackup(file);
    let plain = file;
    const temp = keepAs ?? join(dataDir, `.periksa-${randomBytes(4).toString('hex')}.db`);
    try {
      if (encrypted) {
        const key = passphrase ?? readPassphrase(dataDir);
        if (!key)
          throw new LoketError('VALIDATION', 'Cadangan ini terenkripsi: isi kata sandi cadangannya.', [
            { path: 'passphrase', message: 'Wajib diisi' },
          ]);
        await decryptFile(file, temp, key);
        plain = temp;
      } else if (keepAs) {
        await copyFile(file, keepAs);
        plain = keepAs;
      }
      let facts;
      try {
        facts = ctx.database.inspect(plain);
      } catch (error) {
        throw new LoketError('VALIDATION', `Berkas ${basename(file)} bukan basis data Loket yang sah: ${(error as Error).message}`);
      }
      return {
        file,
        encrypted,
        bytes: (await stat(file)).size,
        ...facts,
        compatible: facts.schemaVersion <= LATEST_SCHEMA_VERSION,
      };
    } finally {
      if (!keepAs && plain !== file) await rm(temp, { force: true });
    }
  }

  /** Copies run one after another (a click during the daily copy waits for it). */
  function run(trigger: BackupRun['trigger']): Promise<BackupRun> {
    const next = queue.then(() => copy(trigger));
    queue = next.catch(() => undefined);
    return next;
  }

  async function copy(trigger: BackupRun['trigger']): Promise<BackupRun> {
    const config = readConfig(dataDir);
    const started = ctx.now();
    const startedMs = Date.now();
    const finish = async (r: Omit<BackupRun, 'at' | 'trigger'>): Promise<BackupRun> => {
      const result: BackupRun = { ...r, at: started.toISOString(), trigger };
      const latest = readConfig(dataDir);
      await writeConfig(dataDir, { ...latest, lastRun: result, lastSuccess: result.ok ? result : latest.lastSuccess });
      if (result.ok) ctx.log.info(`cadangan ${trigger}: ${result.file} (${result.bytes} byte, ${result.ms} ms)`);
      else ctx.log.error(`cadangan ${trigger} gagal: ${result.message}`);
      return result;
    };
    if (!config.folder)
      return finish({ ok: false, message: 'Folder cadangan belum diatur (Pengaturan → Cadangan).', file: null, bytes: null, ms: null });
    const folder = config.folder;
    const { timeZone } = await loadSharedSettings(ctx.db);
    const passphrase = readPassphrase(dataDir);
    // Seconds in the name only when a copy of the same minute exists (a manual copy right after the daily one).
    let name = backupFileName(localDate(started, timeZone), localClock(started, timeZone), passphrase !== null);
    if (existsSync(join(folder, name)))
      name = backupFileName(
        localDate(started, timeZone),
        localClock(started, timeZone),
        passphrase !== null,
        String(started.getSeconds()).padStart(2, '0'),
      );
    const temp = join(folder, `.loket-sementara-${randomBytes(4).toString('hex')}.db`);
    try {
      await mkdir(folder, { recursive: true });
      await ctx.database.snapshot(temp);
      const check = ctx.database.inspect(temp).quickCheck;
      if (check !== 'ok') throw new Error(`pemeriksaan quick_check salinan gagal: ${check}`);
      if (passphrase) await encryptFile(temp, join(folder, `${name}.part`), passphrase);
      else await rename(temp, join(folder, `${name}.part`));
      await rename(join(folder, `${name}.part`), join(folder, name));
      const bytes = (await stat(join(folder, name))).size;
      const removed = await rotate(folder);
      return finish({
        ok: true,
        message: `Cadangan ${name} dibuat dan diperiksa (quick_check ok)${removed > 0 ? `; ${removed} salinan lama dihapus menurut rotasi` : ''}.`,
        file: name,
        bytes,
        ms: Date.now() - startedMs,
      });
    } catch (error) {
      await discard(join(folder, `${name}.part`));
      return finish({
        ok: false,
        message: `Cadangan gagal: ${(error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EACCES' ? `folder ${folder} tidak dapat ditulisi (flashdisk dicabut?)` : (error as Error).message}`,
        file: null,
        bytes: null,
        ms: Date.now() - startedMs,
      });
    } finally {
      await discard(temp);
    }
  }

  async function rotate(folder: string): Promise<number> {
    const names = (await readdir(folder)).flatMap((f) => parseBackupName(f) ?? []);
    const keep = backupsToKeep(names, defaultRotation);
    const drop = names.filter((n) => !keep.has(n.file));
    for (const n of drop) await rm(join(folder, n.file), { force: true });
    return drop.length;
  }

  return {
    status,
    run,
    configure: async ({ folder, time, passphrase }: { folder: string | null; time: string; passphrase?: string | null }) => {
      let target: string | null = null;
      if (folder !== null) {
        if (!isAbsolute(folder))
          throw new LoketError('VALIDATION', 'Tulis lokasi folder lengkap, mis. D:\\Cadangan Loket atau E:\\ (flashdisk).', [
            { path: 'folder', message: 'Bukan lokasi lengkap' },
          ]);
        target = resolve(folder);
        const inside = relative(resolve(dataDir), target);
        if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside)))
          throw new LoketError('VALIDATION', 'Folder cadangan tidak boleh di dalam folder data Loket: pilih disk lain atau flashdisk.', [
            { path: 'folder', message: 'Di dalam folder data' },
          ]);
        try {
          await mkdir(target, { recursive: true });
          await access(target, constants.W_OK);
        } catch {
          throw new LoketError('VALIDATION', `Folder ${target} tidak dapat dibuat atau ditulisi.`, [
            { path: 'folder', message: 'Tidak dapat ditulisi' },
          ]);
        }
      }
      await writeConfig(dataDir, { ...readConfig(dataDir), folder: target, time });
      if (passphrase === null) await rm(join(dataDir, KEY_FILE), { force: true });
      else if (passphrase !== undefined) {
        await writeFile(join(dataDir, KEY_FILE), passphrase, { mode: 0o600 });
        await chmod(join(dataDir, KEY_FILE), 0o600);
      }
      ctx.log.info(`pengaturan cadangan diubah (folder ${target ?? '-'}, jam ${time}, enkripsi ${readPassphrase(dataDir) ? 'ya' : 'tidak'})`);
      return status();
    },

    preview: async (file: string, passphrase?: string) => factsOf(resolveCopy(file, readConfig(dataDir).folder), passphrase),

    restore: async (file: string, passphrase?: string) => {
      const source = resolveCopy(file, readConfig(dataDir).folder);
      const staged = join(dataDir, `${PENDING_RESTORE_FILE}.part`);
      await rm(staged, { force: true });
      let facts: BackupFacts;
      try {
        facts = await factsOf(source, passphrase, staged);
        if (facts.quickCheck !== 'ok')
          throw new LoketError('CONFLICT', `Cadangan ini rusak (quick_check: ${facts.quickCheck.slice(0, 200)}); pilih salinan lain.`);
        if (!facts.compatible)
          throw new LoketError('CONFLICT', `Cadangan ini dari Loket yang lebih baru (skema ${facts.schemaVersion}); pasang Loket terbaru dulu.`);
        await rename(staged, join(dataDir, PENDING_RESTORE_FILE));
      } catch (error) {
        await rm(staged, { force: true });
        throw error;
      }
      ctx.log.info(`pemulihan dari ${basename(source)} disiapkan; diterapkan saat host dibuka lagi`);
      return {
        facts,
        message: `Pemulihan dari ${basename(source)} disiapkan (${facts.patients} pasien, ${facts.visits} kunjungan). Tutup Loket di komputer host lalu buka lagi: basis data sekarang disimpan sebagai salinan "sebelum pulih", tidak dihapus.`,
      };
    },
  };
}

/**
 * The daily copy (after the set time, once a day, checked every few minutes so a PC switched on
 * late still makes it; a failed one is retried after half an hour) and the copy at exit.
 */
export function startBackupSchedule(ctx: ServiceContext, everyMs = 5 * 60_000): BackupSchedule {
  const backups = backupsOf(ctx);
  let running: Promise<unknown> = Promise.resolve();
  const due = async () => {
    const config = readConfig(ctx.dataDir);
    if (!config.folder) return false;
    const { timeZone } = await loadSharedSettings(ctx.db);
    const now = ctx.now();
    if (localClock(now, timeZone) < config.time) return false;
    const today = localDate(now, timeZone);
    const done = config.lastSuccess?.trigger === 'jadwal' && localDate(new Date(config.lastSuccess.at), timeZone) === today;
    const failedLately = config.lastRun?.trigger === 'jadwal' && !config.lastRun.ok && Date.parse(config.lastRun.at) > now.getTime() - 30 * 60_000;
    return !done && !failedLately;
  };
  const tick = () => {
    running = running.then(async () => {
      try {
        if (await due()) await backups.run('jadwal');
      } catch (error) {
        ctx.log.error(`jadwal cadangan: ${(error as Error).message}`);
      }
    });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      if (readConfig(ctx.dataDir).folder) await backups.run('keluar');
    },
  };
}
