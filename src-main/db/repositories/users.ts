import type { Role, User } from '../../contract';
import type { AppUserRow } from '../schema';
import { defined, fromBool, toBool, type Executor } from './executor';

export interface UserRecord extends User {
  passwordHash: string;
  mustChangePassword: boolean;
}

const userOf = (r: AppUserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  fullName: r.full_name,
  role: r.role as Role,
  active: toBool(r.active),
  createdAt: r.created_at,
  passwordHash: r.password_hash,
  mustChangePassword: toBool(r.must_change_password),
});

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserByUsername(db: Executor, username: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  return row && userOf(row);
}

export async function getUser(db: Executor, id: number): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  return row && userOf(row);
}

export async function listUsers(db: Executor): Promise<UserRecord[]> {
  const rows = await db.selectFrom('app_user').selectAll().orderBy('username').execute();
  return rows.map(userOf);
}

export async function insertUser(
  db: Executor,
  u: { username: string; fullName: string; role: Role; passwordHash: string; at: string },
): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({ username: u.username, full_name: u.fullName, role: u.role, password_hash: u.passwordHash, created_at: u.at, updated_at: u.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  db: Executor,
  id: number,
  u: {
    fullName?: string | undefined;
    role?: Role | undefined;
    active?: boolean | undefined;
    passwordHash?: string | undefined;
    mustChangePassword?: boolean | undefined;
    at: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set(
      defined({
        full_name: u.fullName,
        role: u.role,
        active: fromBool(u.active),
        password_hash: u.passwordHash,
        must_change_password: fromBool(u.mustChangePassword),
        updated_at: u.at,
      }),
    )
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countActiveAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'administrator')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSession(
  db: Executor,
  s: { tokenHash: string; userId: number; client: string; at: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      client: s.client,
      created_at: s.at,
      last_seen_at: s.at,
      expires_at: s.expiresAt,
      revoked_at: null,
    })
    .execute();
}

/** The live session's user, or undefined when unknown, revoked, expired or the user is inactive. */
export async function findSessionUser(
  db: Executor,
  tokenHash: string,
  now: string,
): Promise<{ user: UserRecord; lockedAt: string | null } | undefined> {
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select('s.locked_at')
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', 1)
    .executeTakeFirst();
  return row && { user: userOf(row), lockedAt: row.locked_at };
}

/** Puts the idle lock on a session (an instant) or lifts it (null). */
export async function setSessionLock(db: Executor, tokenHash: string, lockedAt: string | null): Promise<void> {
  await db.updateTable('user_session').set({ locked_at: lockedAt }).where('token_hash', '=', tokenHash).execute();
}

/**
 * Slides the session's expiry, at most once a minute: an UPDATE that changes no row writes
 * nothing, so a clerk's busy minute costs one disk sync for the session, not one per action.
 */
export async function touchSession(db: Executor, tokenHash: string, now: string, expiresAt: string): Promise<void> {
  const minuteAgo = new Date(Date.parse(now) - 60_000).toISOString();
  await db
    .updateTable('user_session')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .where('last_seen_at', '<=', minuteAgo)
    .execute();
}

export async function revokeSession(db: Executor, tokenHash: string, now: string): Promise<void> {
  await db.updateTable('user_session').set({ revoked_at: now }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
}

export async function revokeUserSessions(db: Executor, userId: number, now: string): Promise<void> {
  await db.updateTable('user_session').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

export async function recordLoginAttempt(
  db: Executor,
  attempt: { username: string; at: string; outcome: 'berhasil' | 'gagal' | 'dibuka'; client: string | null },
): Promise<void> {
  await db.insertInto('login_attempt').values(attempt).execute();
}

/** Failed attempts for a user name since its last success or unlock (newest first, at most `limit`). */
export async function failuresSinceReset(db: Executor, username: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('login_attempt')
    .select(['at', 'outcome'])
    .where('username', '=', username)
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const stop = rows.findIndex((r) => r.outcome !== 'gagal');
  return (stop === -1 ? rows : rows.slice(0, stop)).map((r) => r.at);
}
