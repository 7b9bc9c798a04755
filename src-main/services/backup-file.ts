import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { LoketError } from '../contract';

/**
 * An encrypted backup: `LOKETBAK` + format 1 + scrypt salt (16) + GCM nonce (12) + the database
 * encrypted with AES-256-GCM + the tag (16). The key comes from the passphrase alone, so a copy
 * on a USB drive can be restored on a new PC by someone who knows it — and by nobody else.
 */
const MAGIC = Buffer.from('LOKETBAK');
const FORMAT = 1;
const HEADER = MAGIC.length + 1 + 16 + 12;
const TAG = 16;
// N = 2^15: about 0.1 s on a modest PC, once per backup.
const KDF: ScryptOptions = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(passphrase, salt, 32, KDF, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function encryptFile(from: string, to: string, passphrase: string): Promise<void> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  const out = createWriteStream(to, { flags: 'wx' });
  out.write(Buffer.concat([MAGIC, Buffer.from([FORMAT]), salt, iv]));
  await pipeline(createReadStream(from), cipher, out, { end: false });
  await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), (err?: Error | null) => (err ? reject(err) : resolve())));
}

/** Whether a file starts like an encrypted backup (whatever its name says). */
export async function isEncryptedBackup(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    await fh.read(head, 0, MAGIC.length, 0);
    return head.equals(MAGIC);
  } finally {
    await fh.close();
  }
}

/** Decrypts to `to`; a wrong passphrase or a damaged copy fails the tag check and leaves nothing behind. */
export async function decryptFile(from: string, to: string, passphrase: string): Promise<void> {
  const { size } = await stat(from);
  const fh = await open(from, 'r');
  const header = Buffer.alloc(HEADER);
  const tag = Buffer.alloc(TAG);
  try {
    if (size < HEADER + TAG) throw new LoketError('VALIDATION', 'Berkas cadangan terenkripsi ini terpotong atau rusak.');
    await fh.read(header, 0, HEADER, 0);
    await fh.read(tag, 0, TAG, size - TAG);
  } finally {
    await fh.close();
  }
  if (!header.subarray(0, MAGIC.length).equals(MAGIC) || header[MAGIC.length] !== FORMAT)
    throw new LoketError('VALIDATION', 'Berkas ini bukan cadangan Loket terenkripsi.');
  const salt = header.subarray(MAGIC.length + 1, MAGIC.length + 17);
  const iv = header.subarray(MAGIC.length + 17, HEADER);
  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  decipher.setAuthTag(tag);
  try {
    await pipeline(createReadStream(from, { start: HEADER, end: size - TAG - 1 }), decipher, createWriteStream(to, { flags: 'wx' }));
  } catch (error) {
    await rm(to, { force: true });
    if (/auth|unable to authenticate/i.test((error as Error).message))
      throw new LoketError('VALIDATION', 'Kata sandi cadangan salah, atau berkas cadangan rusak/diubah.', [
        { path: 'passphrase', message: 'Tidak cocok' },
      ]);
    throw error;
  }
}
