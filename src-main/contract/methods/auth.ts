import { z } from 'zod';
import { method } from '../method';
import { roles } from '../permissions';
import { emptyInput, idSchema, okSchema, text } from '../schemas';

export const roleSchema = z.enum(roles);
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'Nama pengguna 3–32 karakter: huruf kecil, angka, titik, minus atau garis bawah');
export const passwordSchema = z.string().min(8, 'Kata sandi minimal 8 karakter').max(200, 'Kata sandi maksimal 200 karakter');

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  createdAt: z.string(),
  /** Locked after repeated wrong passwords until this instant (users.list only). */
  lockedUntil: z.string().nullable().optional(),
  /** An administrator chose the password: the user must pick their own at the next login. */
  mustChangePassword: z.boolean().optional(),
});
export type User = z.infer<typeof userSchema>;

export const sessionUserSchema = userSchema.extend({
  permissions: z.array(z.string()),
  /** The idle lock screen is up for this session: only auth.unlock, auth.logout and auth.me answer. */
  locked: z.boolean().optional(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

const loginReply = z.object({ token: z.string(), user: sessionUserSchema });

/** What a locked session may still call (besides public methods): see the dispatcher. */
export const methodsWhileLocked: ReadonlySet<string> = new Set(['auth.unlock', 'auth.logout', 'auth.me']);

/** What a session may call while its password is still the administrator's temporary one. */
export const methodsBeforeOwnPassword: ReadonlySet<string> = new Set(['auth.changePassword', 'auth.logout', 'auth.me', 'auth.lock', 'auth.unlock']);

export const authMethods = {
  'auth.status': method({
    summary: 'Apakah host masih perlu dibuatkan akun administrator pertama',
    guard: 'public',
    input: emptyInput,
    output: z.object({ needsSetup: z.boolean() }),
  }),
  'auth.setupAdmin': method({
    summary: 'Membuat akun administrator pertama (hanya bila belum ada pengguna)',
    guard: 'public',
    input: z.strictObject({ username: usernameSchema, fullName: text(100), password: passwordSchema }),
    output: loginReply,
  }),
  'auth.login': method({
    summary: 'Masuk dengan nama pengguna dan kata sandi',
    guard: 'public',
    input: z.strictObject({
      username: z.string().trim().toLowerCase().min(1, 'Wajib diisi').max(32),
      password: z.string().min(1, 'Wajib diisi').max(200),
    }),
    output: loginReply,
  }),
  'auth.logout': method({ summary: 'Keluar dan mengakhiri sesi ini', guard: 'session', input: emptyInput, output: okSchema }),
  'auth.me': method({ summary: 'Pengguna sesi ini beserta haknya', guard: 'session', input: emptyInput, output: sessionUserSchema }),
  'auth.lock': method({
    summary: 'Mengunci layar sesi ini (komputer ditinggal); dibuka lagi dengan kata sandi',
    guard: 'session',
    input: emptyInput,
    output: okSchema,
  }),
  'auth.unlock': method({
    summary: 'Membuka layar yang terkunci dengan kata sandi pengguna sesi ini',
    guard: 'session',
    input: z.strictObject({ password: z.string().min(1, 'Wajib diisi').max(200) }),
    output: sessionUserSchema,
  }),
  'auth.changePassword': method({
    summary: 'Mengganti kata sandi sendiri',
    guard: 'session',
    input: z.strictObject({ oldPassword: z.string().min(1, 'Wajib diisi').max(200), newPassword: passwordSchema }),
    output: okSchema,
  }),
  'users.list': method({ summary: 'Daftar pengguna', guard: 'pengguna:view', input: emptyInput, output: z.array(userSchema) }),
  'users.create': method({
    summary: 'Menambah pengguna',
    guard: 'pengguna:input',
    input: z.strictObject({
      username: usernameSchema,
      fullName: text(100),
      role: roleSchema,
      password: passwordSchema,
      /** The password is temporary: the user must choose their own at the first login. */
      mustChangePassword: z.boolean().optional(),
    }),
    output: userSchema,
  }),
  'users.unlock': method({
    summary: 'Membuka kunci akun yang terkunci karena kata sandi salah berulang kali',
    guard: 'pengguna:correction',
    input: z.strictObject({ id: idSchema }),
    output: userSchema,
  }),
  'users.update': method({
    summary: 'Mengubah nama, peran, status aktif atau kata sandi pengguna',
    guard: 'pengguna:correction',
    input: z.strictObject({
      id: idSchema,
      fullName: text(100).optional(),
      role: roleSchema.optional(),
      active: z.boolean().optional(),
      password: passwordSchema.optional(),
      /** With `password`: it is temporary, the user must choose their own at the next login. */
      mustChangePassword: z.boolean().optional(),
    }),
    output: userSchema,
  }),
};
