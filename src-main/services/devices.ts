import { createHash, randomBytes, randomInt } from 'node:crypto';
import {
  LoketError,
  PAIRING_ALPHABET,
  PAIRING_CODE_LENGTH,
  pairingCodeSchema,
  type DeviceScope,
  type deviceMethods,
  type PairReply,
  type PendingPairing,
} from '../contract';
import * as devices from '../db/repositories/devices';
import type { DeviceIdentity } from '../db/repositories/devices';
import type { ServiceContext } from './context';
import { actorOf, type Handlers } from './handler';

export type { DeviceIdentity };

/** A code lives five minutes: long enough to walk to the TV, short enough to be useless later. */
export const PAIRING_TTL_MS = 5 * 60 * 1000;
/** Wrong codes tried (from anywhere) before every waiting code is burnt. */
export const PAIRING_MAX_WRONG = 5;
const MAX_PENDING = 5;
/** last_seen_at is written at most once a minute per device, not on every call. */
const SEEN_EVERY_MS = 60_000;

interface Pending {
  id: string;
  codeHash: string;
  name: string;
  scope: DeviceScope;
  expiresAt: number;
  pairedBy: number;
  wrong: number;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

// Codes are kept in memory only (hashed): a restart simply cancels the pairings under way.
const pendingByHost = new WeakMap<ServiceContext, Map<string, Pending>>();

function pendingOf(ctx: ServiceContext): Map<string, Pending> {
  let map = pendingByHost.get(ctx);
  if (!map) pendingByHost.set(ctx, (map = new Map<string, Pending>()));
  const now = ctx.now().getTime();
  for (const [id, p] of map) if (p.expiresAt <= now) map.delete(id);
  return map;
}

const shown = (p: Pending): PendingPairing => ({ id: p.id, name: p.name, scope: p.scope, expiresAt: new Date(p.expiresAt).toISOString() });

function newCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

export const WRONG_CODE = 'Kode pemasangan salah atau sudah tidak berlaku. Periksa kode yang tampil di komputer utama.';

/**
 * Exchanges a pairing code for a new device and its token (shown once: the HTTP layer puts it
 * in the cookie). A wrong code counts against every waiting code; after five, they are burnt.
 */
export async function pairDevice(ctx: ServiceContext, rawCode: unknown): Promise<PairReply & { token: string }> {
  const parsed = pairingCodeSchema.safeParse(rawCode);
  const pending = pendingOf(ctx);
  const hash = parsed.success ? sha256(parsed.data) : null;
  const match = hash === null ? undefined : [...pending.values()].find((p) => p.codeHash === hash);
  if (!match) {
    let burnt = false;
    for (const [id, p] of pending) {
      p.wrong++;
      if (p.wrong >= PAIRING_MAX_WRONG) {
        pending.delete(id);
        burnt = true;
      }
    }
    if (burnt) {
      ctx.log.warn(`pemasangan perangkat: kode dibatalkan setelah ${PAIRING_MAX_WRONG} kali salah`);
      ctx.events.emit('devices.changed', { deviceId: null });
    }
    throw new LoketError('VALIDATION', WRONG_CODE, [{ path: 'code', message: WRONG_CODE }]);
  }
  // Single use: gone before the insert, so two browsers racing with one code cannot both win.
  pending.delete(match.id);
  const token = randomBytes(32).toString('base64url');
  const at = ctx.now().toISOString();
  const id = await ctx.db
    .transaction()
    .execute((trx) => devices.insertDevice(trx, { name: match.name, scope: match.scope, tokenHash: sha256(token), at, pairedBy: match.pairedBy }));
  ctx.log.info(`perangkat ${id} dipasangkan (${match.scope})`);
  ctx.events.emit('devices.changed', { deviceId: id });
  return { id, name: match.name, scope: match.scope, token };
}

/** The device a token belongs to (revoked ones too, so the caller can say so); null: unknown. */
export async function authenticateDevice(ctx: ServiceContext, token: string | null | undefined): Promise<DeviceIdentity | null> {
  if (!token || token.length > 200) return null;
  const device = await devices.findDeviceByTokenHash(ctx.db, sha256(token));
  if (!device) return null;
  const now = ctx.now();
  if (!device.revoked && (device.lastSeenAt === null || now.getTime() - Date.parse(device.lastSeenAt) >= SEEN_EVERY_MS)) {
    await devices.touchDevice(ctx.db, device.id, now.toISOString());
  }
  return device;
}

export function deviceHandlers(ctx: ServiceContext): Handlers<keyof typeof deviceMethods> {
  const requireDevice = async (id: number) => {
    const device = await devices.getDevice(ctx.db, id);
    if (!device) throw new LoketError('NOT_FOUND', 'Perangkat tidak ditemukan.');
    return device;
  };
  return {
    'devices.list': async () => ({ devices: await devices.listDevices(ctx.db), pending: [...pendingOf(ctx).values()].map(shown) }),

    'devices.startPairing': async ({ scope, name }, call) => {
      const pending = pendingOf(ctx);
      if (pending.size >= MAX_PENDING) {
        throw new LoketError(
          'CONFLICT',
          `Sudah ada ${MAX_PENDING} kode pemasangan yang menunggu. Batalkan salah satu atau tunggu sampai kedaluwarsa.`,
        );
      }
      let code = newCode();
      const taken = new Set([...pending.values()].map((p) => p.codeHash));
      while (taken.has(sha256(code))) code = newCode();
      const p: Pending = {
        id: randomBytes(8).toString('hex'),
        codeHash: sha256(code),
        name,
        scope,
        expiresAt: ctx.now().getTime() + PAIRING_TTL_MS,
        pairedBy: actorOf(call).id,
        wrong: 0,
      };
      pending.set(p.id, p);
      ctx.events.emit('devices.changed', { deviceId: null });
      return { ...shown(p), code };
    },

    'devices.cancelPairing': async ({ id }) => {
      if (pendingOf(ctx).delete(id)) ctx.events.emit('devices.changed', { deviceId: null });
      return { ok: true as const };
    },

    'devices.rename': async ({ id, name }) => {
      await requireDevice(id);
      await ctx.db.transaction().execute((trx) => devices.renameDevice(trx, id, name));
      ctx.events.emit('devices.changed', { deviceId: id });
      return requireDevice(id);
    },

    'devices.revoke': async ({ id }, call) => {
      const revoked = await ctx.db.transaction().execute(async (trx) => {
        const device = await devices.getDevice(trx, id);
        if (!device) throw new LoketError('NOT_FOUND', 'Perangkat tidak ditemukan.');
        if (device.revokedAt) throw new LoketError('CONFLICT', `Perangkat “${device.name}” sudah dicabut.`);
        await devices.revokeDevice(trx, id, actorOf(call).id, ctx.now().toISOString());
        return devices.getDevice(trx, id);
      });
      ctx.log.info(`perangkat ${id} dicabut`);
      ctx.events.emit('devices.changed', { deviceId: id });
      return revoked!;
    },
  };
}
