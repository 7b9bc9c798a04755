import { z } from 'zod';
import { method } from '../method';
import { emptyInput, idSchema, okSchema, text } from '../schemas';

/**
 * Devices on the LAN (issue #8). Each PC or TV other than the host pairs once with a short code
 * shown on the host and then carries a token (an HttpOnly cookie) whose scope limits what it may call.
 */
export const deviceScopes = ['display', 'kiosk', 'counter'] as const;
export type DeviceScope = (typeof deviceScopes)[number];

export const deviceScopeLabels: Record<DeviceScope, string> = {
  display: 'Layar ruang tunggu',
  kiosk: 'Kios tiket',
  counter: 'Loket',
};

/**
 * What a display or a kiosk may call: the methods its page uses and nothing that names a patient.
 * A counter may call everything, still behind a user's login.
 */
export const deviceScopeMethods = {
  display: ['system.health', 'settings.public', 'queue.board', 'voice.clip'],
  kiosk: ['system.health', 'settings.public', 'queue.board', 'queue.issueTicket', 'documents.queueTicket'],
} as const satisfies Record<Exclude<DeviceScope, 'counter'>, readonly string[]>;

/** The cookie that carries a device's token; HttpOnly, so no script (and no URL) ever holds it. */
export const DEVICE_COOKIE = 'loket_perangkat';

/** Alphabet of pairing codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B to misread on a TV across the room. */
export const PAIRING_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const PAIRING_CODE_LENGTH = 6;

export const pairingCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${PAIRING_ALPHABET}]{${PAIRING_CODE_LENGTH}}$`), `Kode pemasangan ${PAIRING_CODE_LENGTH} huruf/angka`));

export const deviceScopeSchema = z.enum(deviceScopes);
const deviceNameSchema = text(60);

export const deviceSchema = z.object({
  id: idSchema,
  name: z.string(),
  scope: deviceScopeSchema,
  pairedAt: z.string(),
  pairedBy: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
});
export type Device = z.infer<typeof deviceSchema>;

/** A code waiting for its device; the code itself is shown once, by startPairing. */
export const pendingPairingSchema = z.object({ id: z.string(), name: z.string(), scope: deviceScopeSchema, expiresAt: z.string() });
export type PendingPairing = z.infer<typeof pendingPairingSchema>;

/** What `POST /api/pair` answers (the token goes only into the cookie). */
export const pairReplySchema = z.object({ id: idSchema, name: z.string(), scope: deviceScopeSchema });
export type PairReply = z.infer<typeof pairReplySchema>;

export const deviceMethods = {
  'devices.list': method({
    summary: 'Daftar perangkat LAN yang pernah dipasangkan dan kode pemasangan yang masih menunggu',
    guard: 'pengguna:view',
    input: emptyInput,
    output: z.object({ devices: z.array(deviceSchema), pending: z.array(pendingPairingSchema) }),
  }),
  'devices.startPairing': method({
    summary: 'Membuat kode pemasangan sekali pakai (berlaku 5 menit) untuk satu perangkat baru',
    guard: 'pengguna:input',
    input: z.strictObject({ scope: deviceScopeSchema, name: deviceNameSchema }),
    output: pendingPairingSchema.extend({ code: z.string() }),
  }),
  'devices.cancelPairing': method({
    summary: 'Membatalkan kode pemasangan yang belum dipakai',
    guard: 'pengguna:input',
    input: z.strictObject({ id: z.string().max(40) }),
    output: okSchema,
  }),
  'devices.rename': method({
    summary: 'Mengganti nama perangkat',
    guard: 'pengguna:correction',
    input: z.strictObject({ id: idSchema, name: deviceNameSchema }),
    output: deviceSchema,
  }),
  'devices.revoke': method({
    summary: 'Mencabut perangkat: tokennya tidak berlaku lagi dan perangkat harus dipasangkan ulang',
    guard: 'pengguna:correction',
    input: z.strictObject({ id: idSchema }),
    output: deviceSchema,
  }),
};
