import { createHash, randomBytes } from 'node:crypto';
import { LoketError, type authMethods, type SessionUser, type User } from '../contract';
import type { Executor } from '../db/repositories/executor';
import * as users from '../db/repositories/users';
import { LOCKOUT, lockedUntil } from '../domain/akses';
import { localClock } from '../domain/waktu';
import type { Call, ClientKind, ServiceContext } from './context';
import { actorOf, type Handlers } from './handler';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { permissionsOfRole } from './roles';
import { loadSharedSettings } from './settings';

/** A session lives 12 hours after its last use: one working day, then log in again. */
const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The user as a session sees it: the role's rights as granted now (role_permission), the lock and password flags. */
export async function sessionUserOf(ctx: ServiceContext, user: users.UserRecord, lockedAt: string | null = null): Promise<SessionUser> {
  const { id, username, fullName, role, active, createdAt, mustChangePassword } = user;
  const permissions = await permissionsOfRole(ctx, role);
  return { id, username, fullName, role, active, createdAt, permissions, locked: lockedAt !== null, mustChangePassword };
}

const publicUser = (u: users.UserRecord): User => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  role: u.role,
  active: u.active,
  createdAt: u.createdAt,
  mustChangePassword: u.mustChangePassword,
});

/** Resolves a bearer token to its user, sliding the session's expiry. */
export async function authenticate(ctx: ServiceContext, token: string | null): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const now = ctx.now();
  const hash = tokenHash(token);
  const found = await users.findSessionUser(ctx.db, hash, now.toISOString());
  if (!found) return null;
  await users.touchSession(ctx.db, hash, now.toISOString(), new Date(now.getTime() + SESSION_IDLE_MS).toISOString());
  return sessionUserOf(ctx, found.user, found.lockedAt);
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
  return { token, user: await sessionUserOf(ctx, user) };
}

const WRONG_LOGIN = 'Nama pengguna atau kata sandi salah.';

export function authHandlers(ctx: ServiceContext): Handlers<keyof typeof authMethods> {
  const requireUser = async (db: Executor, id: number) => {
    const user = await users.getUser(db, id);
    if (!user) throw new LoketError('NOT_FOUND', 'Pengguna tidak ditemukan.');
    return user;
  };
  const lockedMessage = async (until: Date) =>
    `Terlalu banyak percobaan masuk yang gagal: akun ini dikunci sampai pukul ${localClock(until, (await loadSharedSettings(ctx.db)).timeZone).replace(':', '.')}. ` +
    'Coba lagi nanti, atau minta administrator membuka kuncinya.';

  /**
   * The password check login and the lock screen share: a locked-out name is refused before the
   * password is looked at; a wrong password is recorded and counts toward the lockout (domain/akses).
   */
  const checkPassword = async (username: string, password: string, client: ClientKind): Promise<users.UserRecord> => {
    const now = ctx.now();
    const locked = lockedUntil(await users.failuresSinceReset(ctx.db, username, LOCKOUT.failures), now);
    if (locked) throw new LoketError('UNAUTHENTICATED', await lockedMessage(locked));
    const user = await users.findUserByUsername(ctx.db, username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    const attempt = { username, at: now.toISOString(), client };
    if (!user || !ok || !user.active) {
      ctx.log.warn(`auth: gagal masuk (${user ? `user ${user.id}` : 'nama tidak dikenal'})`);
      if (user && ok && !user.active) throw new LoketError('UNAUTHENTICATED', 'Akun ini dinonaktifkan. Hubungi administrator.');
      await users.recordLoginAttempt(ctx.db, { ...attempt, outcome: 'gagal' });
      const nowLocked = lockedUntil(await users.failuresSinceReset(ctx.db, username, LOCKOUT.failures), now);
      throw new LoketError('UNAUTHENTICATED', nowLocked ? `${WRONG_LOGIN} ${await lockedMessage(nowLocked)}` : WRONG_LOGIN);
    }
    await users.recordLoginAttempt(ctx.db, { ...attempt, outcome: 'berhasil' });
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
      const user = await checkPassword(input.username, input.password, call.client);
      ctx.log.info(`auth: user ${user.id} masuk lewat ${call.client}`);
      return openSession(ctx, user, call.client);
    },

    'auth.lock': async (_input, call) => {
      if (call.token) await users.setSessionLock(ctx.db, tokenHash(call.token), ctx.now().toISOString());
      return { ok: true };
    },

    // The same check as a login, so the lock screen is no way around the lockout.
    'auth.unlock': async ({ password }, call) => {
      const me = actorOf(call);
      const user = await checkPassword(me.username, password, call.client);
      if (call.token) await users.setSessionLock(ctx.db, tokenHash(call.token), null);
      return sessionUserOf(ctx, user);
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
      await users.updateUser(ctx.db, user.id, {
        passwordHash: await hashPassword(input.newPassword),
        mustChangePassword: false,
        at: ctx.now().toISOString(),
      });
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
        const { mustChangePassword, ...fields } = input;
        const at = ctx.now().toISOString();
        const id = await users.insertUser(trx, { ...fields, passwordHash, at });
        if (mustChangePassword) await users.updateUser(trx, id, { mustChangePassword, at });
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
        // An administrator's new password is temporary when asked: the user picks their own at next login.
        const mustChangePassword = passwordHash ? (input.mustChangePassword ?? false) : undefined;
        await users.updateUser(trx, input.id, {
          fullName: input.fullName,
          role: input.role,
          active: input.active,
          passwordHash,
          mustChangePassword,
          at,
        });
        // A changed role, status or password ends the user's open sessions.
        if (input.role !== undefined || input.active !== undefined || passwordHash) await users.revokeUserSessions(trx, input.id, at);
        return (await users.getUser(trx, input.id))!;
      });
      ctx.events.emit('users.changed', { userId: user.id });
      return publicUser(user);
    },
  };
}
