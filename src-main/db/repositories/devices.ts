import type { Device, DeviceScope } from '../../contract';
import type { Executor } from './executor';

/** What the HTTP layer needs to admit a request: never the token, never the user. */
export interface DeviceIdentity {
  id: number;
  scope: DeviceScope;
  revoked: boolean;
  lastSeenAt: string | null;
}

const selectDevice = (db: Executor) =>
  db
    .selectFrom('device as d')
    .innerJoin('app_user as p', 'p.id', 'd.paired_by')
    .leftJoin('app_user as r', 'r.id', 'd.revoked_by')
    .select([
      'd.id',
      'd.name',
      'd.scope',
      'd.paired_at as pairedAt',
      'p.full_name as pairedBy',
      'd.last_seen_at as lastSeenAt',
      'd.revoked_at as revokedAt',
      'r.full_name as revokedBy',
    ]);

export async function listDevices(db: Executor): Promise<Device[]> {
  // Active devices first, newest pairing first within each group.
  return selectDevice(db)
    .orderBy((eb) => eb('d.revoked_at', 'is', null), 'desc')
    .orderBy('d.id', 'desc')
    .execute();
}

export async function getDevice(db: Executor, id: number): Promise<Device | undefined> {
  return selectDevice(db).where('d.id', '=', id).executeTakeFirst();
}

export async function findDeviceByTokenHash(db: Executor, tokenHash: string): Promise<DeviceIdentity | undefined> {
  const row = await db
    .selectFrom('device')
    .select(['id', 'scope', 'revoked_at', 'last_seen_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && { id: row.id, scope: row.scope, revoked: row.revoked_at !== null, lastSeenAt: row.last_seen_at };
}

export async function insertDevice(
  db: Executor,
  d: { name: string; scope: DeviceScope; tokenHash: string; at: string; pairedBy: number },
): Promise<number> {
  const row = await db
    .insertInto('device')
    .values({ name: d.name, scope: d.scope, token_hash: d.tokenHash, paired_at: d.at, paired_by: d.pairedBy, last_seen_at: d.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function renameDevice(db: Executor, id: number, name: string): Promise<boolean> {
  const result = await db.updateTable('device').set({ name }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Revokes once: a second revoke leaves the first time and person in place. */
export async function revokeDevice(db: Executor, id: number, by: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('device')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function touchDevice(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('device').set({ last_seen_at: at }).where('id', '=', id).execute();
}
