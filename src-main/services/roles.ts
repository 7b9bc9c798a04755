import {
  LoketError,
  permissions as allPermissions,
  rolePermissions,
  roles,
  type Permission,
  type Role,
  type RoleGrants,
  type roleMethods,
  type SessionUser,
} from '../contract';
import * as repo from '../db/repositories/roles';
import type { Executor } from '../db/repositories/executor';
import type { ServiceContext } from './context';
import { actorOf, type Handlers } from './handler';

type Grants = ReadonlyMap<Role, ReadonlySet<Permission>>;

/**
 * The role_permission table in memory, one copy per host (ServiceContext): every call's
 * permission check reads it, so it must cost nothing; roles.update drops it right after its
 * transaction commits, so the very next call of any session reads the change.
 */
const cache = new WeakMap<ServiceContext, Promise<Grants>>();

const known = new Set<string>(allPermissions);

async function load(db: Executor): Promise<Grants> {
  const stored = await repo.listRolePermissions(db);
  // A permission string a later version dropped is ignored rather than trusted.
  return new Map(roles.map((r) => [r, new Set((stored.get(r) ?? []).filter((p): p is Permission => known.has(p)))]));
}

function grantsOf(ctx: ServiceContext): Promise<Grants> {
  let grants = cache.get(ctx);
  if (!grants) {
    grants = load(ctx.db);
    cache.set(ctx, grants);
    // A failed read must not stick: the next call tries again.
    grants.catch(() => cache.delete(ctx));
  }
  return grants;
}

/** The role's permissions as granted now (sorted), for SessionUser.permissions. */
export async function permissionsOfRole(ctx: ServiceContext, role: Role): Promise<Permission[]> {
  return [...((await grantsOf(ctx)).get(role) ?? [])].sort();
}

/** Whether the session's user may do this; the dispatcher and services ask here, never the defaults. */
export function may(actor: SessionUser, permission: Permission): boolean {
  return actor.permissions.includes(permission);
}

const ADMIN_KEEPS: readonly Permission[] = ['pengguna:view', 'pengguna:correction'];

const sorted = (set: Iterable<Permission>): Permission[] => [...set].sort();

function grantsReply(role: Role, granted: Iterable<Permission>): RoleGrants {
  return { role, permissions: sorted(granted), defaults: sorted(rolePermissions[role]) };
}

export function roleHandlers(ctx: ServiceContext): Handlers<keyof typeof roleMethods> {
  return {
    'roles.list': async () => {
      const grants = await grantsOf(ctx);
      return roles.map((r) => grantsReply(r, grants.get(r) ?? []));
    },

    'roles.update': async ({ role, permissions }, call) => {
      const wanted = new Set(permissions);
      // Without these the administrator could take away everyone's way back into this screen.
      const missing = role === 'administrator' ? ADMIN_KEEPS.filter((p) => !wanted.has(p)) : [];
      if (missing.length > 0) {
        throw new LoketError(
          'CONFLICT',
          'Hak "Pengguna dan peran" (lihat dan koreksi) tidak dapat dicabut dari Administrator: tanpa itu tidak ada yang dapat mengatur pengguna dan peran lagi.',
          [{ path: 'permissions', message: 'Administrator harus tetap boleh melihat dan mengoreksi pengguna' }],
        );
      }
      const next = await ctx.db.transaction().execute(async (trx) => {
        await repo.replaceRolePermissions(trx, role, sorted(wanted));
        return load(trx);
      });
      // Dropped rather than replaced: a read begun before this commit can then never outlive it.
      cache.delete(ctx);
      ctx.log.info(`peran: hak ${role} diubah oleh user ${actorOf(call).id} (${wanted.size} hak)`);
      ctx.events.emit('roles.changed', { role });
      return grantsReply(role, next.get(role) ?? []);
    },
  };
}
