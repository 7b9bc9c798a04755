import type { Executor } from './executor';

/** Every granted right as role → permissions (strings as stored; the service narrows them). */
export async function listRolePermissions(db: Executor): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('role_permission').select(['role', 'permission']).orderBy('role').orderBy('permission').execute();
  const byRole = new Map<string, string[]>();
  for (const r of rows) byRole.set(r.role, [...(byRole.get(r.role) ?? []), r.permission]);
  return byRole;
}

/** Replaces one role's rights with exactly `permissions` (call inside the caller's transaction). */
export async function replaceRolePermissions(db: Executor, role: string, permissions: readonly string[]): Promise<void> {
  await db.deleteFrom('role_permission').where('role', '=', role).execute();
  if (permissions.length > 0)
    await db
      .insertInto('role_permission')
      .values(permissions.map((permission) => ({ role, permission })))
      .execute();
}
