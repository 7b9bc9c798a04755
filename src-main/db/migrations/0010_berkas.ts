import { sql, type Kysely } from 'kysely';

/**
 * Berkas rekam medis: the paper folder and its journey (seed 004 steps 4–14).
 *
 * - `folder`: one per patient, or per family when RM numbers carry a member suffix (`rm_base` is
 *   the RM without it), with volumes; where it is now (shelf, records room desk, a unit, a
 *   borrower, inactive storage or unknown) and since when it is off the shelf. The shelf key is
 *   not stored: it follows the filing order set now (see domain/berkas), so changing the order
 *   never leaves stale keys. A temporary folder (`temporary_for`) stands in for a missing one.
 * - `folder_patient`: which folder each patient's sheets go into.
 * - `folder_movement`: append-only (triggers refuse UPDATE and DELETE): from, to, who, when,
 *   scanned or typed, the visit's request it served, borrower and due date.
 * - `completeness_review` + `completeness_item`: the KLPCM checklist on return; an incomplete
 *   review is open until a later complete review of the same folder resolves it.
 * - `folder_request.delivered_at`: when the folder reached the unit (retrieval time).
 *
 * Backfill: every existing patient gets a folder on the shelf (family folders grouped by the RM
 * without its member suffix when the puskesmas uses family folders).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE folder (
      id INTEGER PRIMARY KEY,
      rm_base TEXT NOT NULL,
      volume INTEGER NOT NULL DEFAULT 1 CHECK (volume >= 1),
      temporary_for INTEGER REFERENCES folder(id),
      status TEXT NOT NULL DEFAULT 'di_rak'
        CHECK (status IN ('di_rak','keluar','dipinjam','hilang','inaktif','digabung')),
      location_kind TEXT NOT NULL DEFAULT 'rak'
        CHECK (location_kind IN ('rak','ruang_rm','unit','peminjam','hilang','rak_inaktif')),
      location_unit_id INTEGER REFERENCES unit(id),
      borrower TEXT,
      due_date TEXT,
      out_since TEXT,
      last_unit_id INTEGER REFERENCES unit(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((location_kind = 'unit') = (location_unit_id IS NOT NULL)),
      CHECK ((status = 'dipinjam') = (borrower IS NOT NULL))
    )`,
    sql`CREATE UNIQUE INDEX folder_rm ON folder(rm_base, volume) WHERE temporary_for IS NULL`,
    // The overdue list reads only the folders that are out: a handful among a million.
    sql`CREATE INDEX folder_out ON folder(status, location_unit_id, out_since) WHERE status IN ('keluar','dipinjam')`,
    sql`CREATE TABLE folder_patient (
      patient_id INTEGER PRIMARY KEY REFERENCES patient(id),
      folder_id INTEGER NOT NULL REFERENCES folder(id)
    )`,
    sql`CREATE INDEX folder_patient_folder ON folder_patient(folder_id)`,
    sql`CREATE TABLE folder_movement (
      id INTEGER PRIMARY KEY,
      folder_id INTEGER NOT NULL REFERENCES folder(id),
      at TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('ambil','kirim','pindah_unit','kembali','simpan','pinjam','kembalikan_lengkapi',
        'hilang','ditemukan','inaktif','aktif','digabung','sementara')),
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
    sql`CREATE INDEX folder_movement_folder ON folder_movement(folder_id, id)`,
    sql`CREATE TRIGGER folder_movement_no_update BEFORE UPDATE ON folder_movement
      BEGIN SELECT RAISE(ABORT, 'folder_movement is append-only'); END`,
    sql`CREATE TRIGGER folder_movement_no_delete BEFORE DELETE ON folder_movement
      BEGIN SELECT RAISE(ABORT, 'folder_movement is append-only'); END`,
    sql`CREATE TABLE completeness_review (
      id INTEGER PRIMARY KEY,
      folder_id INTEGER NOT NULL REFERENCES folder(id),
      unit_id INTEGER NOT NULL REFERENCES unit(id),
      visit_id INTEGER REFERENCES visit(id),
      practitioner_id INTEGER REFERENCES practitioner(id),
      period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
      reviewed_at TEXT NOT NULL,
      reviewed_by INTEGER REFERENCES app_user(id),
      complete INTEGER NOT NULL CHECK (complete IN (0,1)),
      resolves_review_id INTEGER REFERENCES completeness_review(id),
      resolved_at TEXT,
      CHECK (complete = 0 OR resolved_at IS NULL)
    )`,
    sql`CREATE INDEX completeness_review_folder ON completeness_review(folder_id, id)`,
    sql`CREATE INDEX completeness_review_period ON completeness_review(period, unit_id)`,
    sql`CREATE TABLE completeness_item (
      review_id INTEGER NOT NULL REFERENCES completeness_review(id),
      item TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 80),
      present INTEGER NOT NULL CHECK (present IN (0,1)),
      PRIMARY KEY (review_id, item)
    )`,
    sql`ALTER TABLE folder_request ADD COLUMN delivered_at TEXT`,
  ]) {
    await statement.execute(db);
  }
  const family = await sql<{ family: number | null }>`
    SELECT json_extract(value, '$.family') AS family FROM setting WHERE key = 'rmFormat'`.execute(db);
  await sql`INSERT INTO folder (rm_base, created_at, updated_at)
    SELECT DISTINCT ${rmBaseSql(family.rows[0]?.family === 1)}, ${new Date().toISOString()}, ${new Date().toISOString()}
    FROM patient WHERE merged_into IS NULL`.execute(db);
  await sql`INSERT INTO folder_patient (patient_id, folder_id)
    SELECT p.id, f.id FROM patient p JOIN folder f ON f.rm_base = ${rmBaseSql(family.rows[0]?.family === 1, 'p.')} AND f.volume = 1
    WHERE p.merged_into IS NULL`.execute(db);
}

/** The folder's RM: the RM number, without the `-NN` member suffix for family folders. */
function rmBaseSql(family: boolean, alias = '') {
  return family
    ? sql.raw(
        `CASE WHEN ${alias}rm_number GLOB '*-[0-9][0-9]' THEN substr(${alias}rm_number, 1, length(${alias}rm_number) - 3) ELSE ${alias}rm_number END`,
      )
    : sql.raw(`${alias}rm_number`);
}
