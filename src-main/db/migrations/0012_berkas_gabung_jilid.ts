import { sql, type Kysely } from 'kysely';

/**
 * Folders follow their patients through a merge, and a full folder gets a new volume.
 *
 * - `folder.combined_into`: the folder whose sheets this one's were put into — a merged
 *   patient's own folder is combined into the kept patient's (status `digabung`), and an undone
 *   merge takes it out again. A temporary stand-in keeps using `temporary_for`.
 * - `folder_movement.kind` gains `dipisah` (taken out again when a merge is undone) and
 *   `jilid_baru` (a new volume opened). SQLite cannot alter a CHECK, so the append-only table is
 *   rebuilt with its rows, index and triggers; nothing references it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`ALTER TABLE folder ADD COLUMN combined_into INTEGER REFERENCES folder(id)`,
    sql`CREATE INDEX folder_combined ON folder(combined_into) WHERE combined_into IS NOT NULL`,
    sql`CREATE TABLE folder_movement_new (
      id INTEGER PRIMARY KEY,
      folder_id INTEGER NOT NULL REFERENCES folder(id),
      at TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('ambil','kirim','pindah_unit','kembali','simpan','pinjam','kembalikan_lengkapi',
        'hilang','ditemukan','inaktif','aktif','digabung','sementara','dipisah','jilid_baru')),
      from_kind TEXT,
      from_unit_id INTEGER REFERENCES unit(id),
      to_kind TEXT NOT NULL,
      to_unit_id INTEGER REFERENCES unit(id),
      user_id INTEGER REFERENCES app_user(id),
      method TEXT NOT NULL CHECK (method IN ('scan','ketik','sistem')),
      request_id INTEGER REFERENCES folder_request(id),
      visit_id INTEGER REFERENCES visit(id),
      reason TEXT,
      borrower TEXT,
      due_date TEXT
    )`,
    sql`INSERT INTO folder_movement_new SELECT id, folder_id, at, kind, from_kind, from_unit_id, to_kind, to_unit_id, user_id, method,
      request_id, visit_id, reason, borrower, due_date FROM folder_movement`,
    sql`DROP TABLE folder_movement`,
    sql`ALTER TABLE folder_movement_new RENAME TO folder_movement`,
    sql`CREATE INDEX folder_movement_folder ON folder_movement(folder_id, id)`,
    sql`CREATE TRIGGER folder_movement_no_update BEFORE UPDATE ON folder_movement
      BEGIN SELECT RAISE(ABORT, 'folder_movement is append-only'); END`,
    sql`CREATE TRIGGER folder_movement_no_delete BEFORE DELETE ON folder_movement
      BEGIN SELECT RAISE(ABORT, 'folder_movement is append-only'); END`,
  ]) {
    await statement.execute(db);
  }
}
