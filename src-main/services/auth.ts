import { createHash, randomBytes } from 'node:crypto';
import { LoketError, rolePermissions, type authMethods, type SessionUser, type User } from '../contract';
import type { Executor } from '../db/repositories/executor';
import * as users from '../db/repositories/users';
import { LOCKOUT, lockedUntil } from '../domain/akses';
import { localClock } from '../domain/waktu';
import type { Call, ClientKind, ServiceContext } from './context';
import { actorOf, type Handlers } from './handler';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { loadSharedSettings } from './settings';

/** A session lives 12 hours after its last use: one working day, then log in again. */
const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export function sessionUserOf(user: User): SessionUser {
  const { id, username, fullName, role, active, createdAt } = user;
  return { id, username, fullName, role, active, createdAt, permissions: [...rolePermissions[role]].sort() };
}

const publicUser = (u: users.UserRecord): User => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  role: u.role,
  active: u.active,
  createdAt: u.createdAt,
});

/** Resolves a bearer token to its user, sliding the session's expiry. */
export async function authenticate(ctx: ServiceContext, token: string | null): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const now = ctx.now();
  const hash = tokenHash(token);
  const user = await users.findSessionUser(ctx.db, hash, now.toISOString());
  if (!user) return null;
  await users.touchSession(ctx.db, hash, now.toISOString(), new Date(now.getTime() + SESSION_IDLE_MS).toISOString());
  return sessionUserOf(user);
}

async function openSession(ctx: ServiceContext, user: users.UserRecord, client: ClientKind) {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  await users.insertSession(ctx.db, {
    tokenHash: tokenHash(token),
    userId: user.id,
    client,
    at: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
  });
  return { token, user: sessionUserOf(user) };
}

const WRONG_LOGIN = 'Nama pengguna atau kata sandi salah.';

export function authHandlers(ctx: ServiceContext): Handlers<keyof typeof authMethods> {
  const requireUser = async (db: Executor, id: number) => {
    const user = await users.getUser(db, id);
    if (!user) throw new LoketError('NOT_FOUND', 'Pengguna tidak ditemukan.');
    return user;
  };

  return {
    'auth.status': async () => ({ needsSetup: (await users.countUsers(ctx.db)) === 0 }),

    'auth.setupAdmin': async (input, call: Call) => {
      const passwordHash = await hashPassword(input.password);
      const at = ctx.now().toISOString();
      // The emptiness check and the insert share one transaction: two first-start forms cannot both win.
      const user = await ctx.db.transaction().execute(async (trx) => {
        if ((await users.countUsers(trx)) > 0) throw new LoketError('CONFLICT', 'Administrator pertama sudah dibuat. Silakan masuk.');
        const id = await users.insertUser(trx, { username: input.username, fullName: input.fullName, role: 'administrator', passwordHash, at });
        return (await users.getUser(trx, id))!;
      });
      ctx.log.info(`auth: administrator pertama dibuat (user ${user.id})`);
      return openSession(ctx, user, call.client);
    },

    'auth.login': async (input, call) => {
      const now = ctx.now();
      const lockedMessage = async (until: Date) =>
        `Terlalu banyak percobaan masuk yang gagal: akun ini dikunci sampai pukul ${localClock(until, (await loadSharedSettings(ctx.db)).timeZone).replace(':', '.')}. ` +
        'Coba lagi nanti, atau minta administrator membuka kuncinya.';
      // Locked: refused before the password is even checked, so guessing on gains nothing.
      const locked = lockedUntil(await users.failuresSinceReset(ctx.db, input.username, LOCKOUT.failures), now);
      if (locked) throw new LoketError('UNAUTHENTICATED', await lockedMessage(locked));
      const user = await users.findUserByUsername(ctx.db, input.username);
      const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
      const attempt = { username: input.username, at: now.toISOString(), client: call.client };
      if (!user || !ok || !user.active) {
        ctx.log.warn(`auth: gagal masuk (${user ? `user ${user.id}` : 'nama tidak dikenal'})`);
        if (user && ok && !user.active) throw new LoketError('UNAUTHENTICATED', 'Akun ini dinonaktifkan. Hubungi administrator.');
        await users.recordLoginAttempt(ctx.db, { ...attempt, outcome: 'gagal' });
        const nowLocked = lockedUntil(await users.failuresSinceReset(ctx.db, input.username, LOCKOUT.failures), now);
        throw new LoketError('UNAUTHENTICATED', nowLocked ? `${WRONG_LOGIN} ${await lockedMessage(nowLocked)}` : WRONG_LOGIN);
      }
      await users.recordLoginAttempt(ctx.db, { ...attempt, outcome: 'berhasil' });
      ctx.log.info(`auth: user ${user.id} masuk lewat ${call.client}`);
      return openSession(ctx, user, call.client);
    },

    'auth.logout': async (_input, call) => {
      if (call.token) await users.revokeSession(ctx.db, tokenHash(call.token), ctx.now().toISOString());
      return { ok: true };
    },

    'auth.me': async (_input, call) => actorOf(call),

    'auth.changePassword': async (input, call) => {
      const user = await requireUser(ctx.db, actorOf(call).id);
      if (!(await verifyPassword(input.oldPassword, user.passwordHash))) {
        throw new LoketError('VALIDATION', 'Kata sandi lama salah.', [{ path: 'oldPassword', message: 'Kata sandi lama salah' }]);
      }
      await users.updateUser(ctx.db, user.id, { passwordHash: await hashPassword(input.newPassword), at: ctx.now().toISOString() });
      return { ok: true };
    },

    'users.list': async () => {
      const now = ctx.now();
      return Promise.all(
        (await users.listUsers(ctx.db)).map(async (u) => {
          const until = lockedUntil(await users.failuresSinceReset(ctx.db, u.username, LOCKOUT.failures), now);
          return { ...publicUser(u), lockedUntil: until ? until.toISOString() : null };
        }),
      );
    },

    'users.unlock': async ({ id }, call) => {
      const user = await requireUser(ctx.db, id);
      await users.recordLoginAttempt(ctx.db, { username: user.username, at: ctx.now().toISOString(), outcome: 'dibuka', client: call.client });
      ctx.log.info(`auth: kunci user ${user.id} dibuka oleh user ${actorOf(call).id}`);
      ctx.events.emit('users.changed', { userId: user.id });
      return { ...publicUser(user), lockedUntil: null };
    },

    'users.create': async (input) => {
      const passwordHash = await hashPassword(input.password);
      const user = await ctx.db.transaction().execute(async (trx) => {
        if (await users.findUserByUsername(trx, input.username)) {
          throw new LoketError('CONFLICT', `Nama pengguna "${input.username}" sudah dipakai.`, [{ path: 'username', message: 'Sudah dipakai' }]);
        }
        const id = await users.insertUser(trx, { ...input, passwordHash, at: ctx.now().toISOString() });
        return (await users.getUser(trx, id))!;
      });
      ctx.events.emit('users.changed', { userId: user.id });
      return publicUser(user);
    },

    'users.update': async (input, call) => {
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      const at = ctx.now().toISOString();
      const user = await ctx.db.transaction().execute(async (trx) => {
        const before = await requireUser(trx, input.id);
        const losesAdmin =
          before.role === 'administrator' &&
          before.active &&
          (input.active === false || (input.role !== undefined && input.role !== 'administrator'));
        if (losesAdmin && (await users.countActiveAdmins(trx)) <= 1) {
          throw new LoketError('CONFLICT', 'Harus tetap ada minimal satu administrator aktif.');
        }
        if (input.id === actorOf(call).id && input.active === false) throw new LoketError('CONFLICT', 'Anda tidak dapat menonaktifkan akun sendiri.');
        await users.updateUser(trx, input.id, { fullName: input.fullName, role: input.role, active: input.active, passwordHash, at });
        // A changed role, status or password ends the user's open sessions.
        if (input.role !== undefined || input.active !== undefined || passwordHash) await users.revokeUserSessions(trx, input.id, at);
        return (await users.getUser(trx, input.id))!;
      });
      ctx.events.emit('users.changed', { userId: user.id });
      return publicUser(user);
    },
  };
}
