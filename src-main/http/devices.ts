import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { DEVICE_COOKIE, deviceScopeLabels, deviceScopeMethods, type DeviceScope, type ErrorBody } from '../contract';
import type { ServiceContext } from '../services/context';
import { authenticateDevice, type DeviceIdentity } from '../services/devices';
import { deviceOf, isLoopback } from './rate-limit';

/**
 * LAN devices at the HTTP edge (issue #8). A request from another PC must carry the cookie a
 * pairing gave it; its scope decides what it may call. The host PC itself (loopback) is trusted
 * as before, unless `lanFromLoopback` makes tests treat it as the LAN.
 */

/** 400 days, the most browsers keep a cookie: a TV stays paired; revoking, not expiry, is the control. */
export const DEVICE_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

export const NOT_PAIRED = 'Perangkat ini belum dipasangkan dengan komputer utama. Masukkan kode pemasangan yang tampil di komputer utama.';
export const REVOKED = 'Perangkat ini sudah dicabut; pasangkan ulang.';
export const CROSS_ORIGIN = 'Permintaan dari alamat lain ditolak. Buka Loket langsung dari alamat komputer utama.';

export type Gate = { ok: true; device: DeviceIdentity | null } | { ok: false; error: ErrorBody };

export function isLanRequest(c: Context, lanFromLoopback: boolean): boolean {
  return lanFromLoopback || !isLoopback(deviceOf(c));
}

/** The paired device behind a LAN request; null for the host PC itself. */
export async function gateDevice(ctx: ServiceContext, c: Context, lanFromLoopback: boolean): Promise<Gate> {
  if (!isLanRequest(c, lanFromLoopback)) return { ok: true, device: null };
  const device = await authenticateDevice(ctx, getCookie(c, DEVICE_COOKIE));
  if (!device) return { ok: false, error: { code: 'DEVICE_UNPAIRED', message: NOT_PAIRED } };
  if (device.revoked) return { ok: false, error: { code: 'DEVICE_UNPAIRED', message: REVOKED } };
  return { ok: true, device };
}

/** Whether a device of this scope may call the method; a counter may call anything (its user's role decides). */
export function scopeAllows(scope: DeviceScope, method: string): boolean {
  if (scope === 'counter') return true;
  return (deviceScopeMethods[scope] as readonly string[]).includes(method);
}

export const wrongScope = (scope: DeviceScope, what: string): ErrorBody => ({
  code: 'FORBIDDEN',
  message: `Perangkat ${deviceScopeLabels[scope]} tidak berhak ${what}. Pasangkan perangkat sebagai Loket bila perlu.`,
});

export function setDeviceCookie(c: Context, token: string): void {
  setCookie(c, DEVICE_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: DEVICE_COOKIE_MAX_AGE_S });
}

/**
 * CSRF defence now that a cookie authenticates: a browser names the page that sent a request in
 * `Origin`; anything but this host's own origin is refused. Requests without it (curl, the host's
 * own same-origin GETs) pass: they carry no third-party page.
 */
export function foreignOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return false;
  return origin !== new URL(c.req.url).origin;
}

/** Rate-limit key: the paired device when there is one (several devices may share a NAT), else the address. */
export const limitKeyOf = (c: Context, device: DeviceIdentity | null): string => (device ? `perangkat:${device.id}` : deviceOf(c));
