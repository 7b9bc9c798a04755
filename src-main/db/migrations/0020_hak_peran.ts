import { sql, type Kysely } from 'kysely';
import { rolePermissions } from '../../contract/permissions';

/**
 * Permissions per role become editable (#8): one row per granted right, seeded with the
 * defaults the code shipped with until now. A session can be locked (idle lock screen) without
 * ending it, and an administrator's temporary password must be changed at the next login.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE role_permission (
      role TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 40),
      permission TEXT NOT NULL CHECK (length(permission) BETWEEN 3 AND 60),
      PRIMARY KEY (role, permission)
    ) WITHOUT ROWID`,
    sql`ALTER TABLE user_session ADD COLUMN locked_at TEXT`,
    sql`ALTER TABLE app_user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1))`,
  ]) {
    await statement.execute(db);
  }
  for (const [role, permissions] of Object.entries(rolePermissions)) {
    for (const permission of [...permissions].sort()) {
      await sql`INSERT INTO role_permission (role, permission) VALUES (${role}, ${permission})`.execute(db);
    }
  }
}
