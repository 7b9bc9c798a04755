import { sql, type Kysely } from 'kysely';

/**
 * Permissions per role become editable (#8): one row per granted right, seeded with the
 * defaults the code shipped with until now. A session can be locked (idle lock screen) without
 * ending it, and an administrator's temporary password must be changed at the next login.
 */
const domains = ['antrean', 'pasien', 'kunjungan', 'rekam_medis', 'register', 'laporan', 'surat', 'kasir', 'referensi', 'pengaturan', 'pengguna'];
const all = (d: string) => [`${d}:input`, `${d}:correction`, `${d}:view`];

/**
 * The grants as they shipped with this migration, frozen here: a later change of the contract's
 * defaults must not change what an upgrade from an older version seeds (it gets its own migration).
 */
const shippedGrants: Record<string, string[]> = {
  administrator: domains.flatMap(all),
  pendaftaran: [...all('antrean'), ...all('pasien'), 'kunjungan:input', 'kunjungan:view', 'register:view', 'referensi:view', 'rekam_medis:view'],
  rekam_medis: [
    'antrean:view',
    'pasien:view',
    'pasien:correction',
    'kunjungan:view',
    ...all('rekam_medis'),
    ...all('register'),
    'laporan:view',
    'referensi:view',
    'surat:view',
  ],
  kasir: [...all('kasir'), 'kunjungan:view', 'register:view', 'referensi:view'],
  dokter: [
    'antrean:input',
    'antrean:view',
    'pasien:view',
    'kunjungan:view',
    'rekam_medis:view',
    ...all('surat'),
    'laporan:view',
    'register:view',
    'referensi:view',
  ],
};

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
  for (const [role, permissions] of Object.entries(shippedGrants)) {
    for (const permission of [...permissions].sort()) {
      await sql`INSERT INTO role_permission (role, permission) VALUES (${role}, ${permission})`.execute(db);
    }
  }
}
