import { sql, type Kysely } from 'kysely';

/**
 * Rujukan (issue #7): the imported diagnosis list, the referral directory's specialties, the
 * referral and its status trail, the follow-up of admitted patients, the internal referral slip.
 *
 * - `diagnosis`: code + text from the file the puskesmas imports (no ICD list is bundled); a code
 *   leaves the list by becoming inactive, never by deletion (letters name it). `diagnosis_search`
 *   (FTS5, external content) finds words by prefix ("ispa", "gastro"); codes are found by range
 *   on the unique index (`J06` → `J06`, `J06.9`).
 * - `facility_specialty`: the specialties/poli each FKRTL offers (the directory).
 * - `referral`: one row per surat rujukan (J's `letter`, kind `rujukan`) with the columns reports
 *   count by — destination, specialty, diagnosis, emergency, local date — and the current status.
 *   "Referrals out by destination" is `SELECT facility_id, count(*) FROM referral WHERE
 *   referral_date BETWEEN … GROUP BY facility_id`.
 * - `referral_event`: append-only trail (triggers refuse UPDATE and DELETE).
 * - `referral_followup`: append-only notes on admitted patients (perkembangan, rujuk balik, selesai).
 * - `internal_referral`: one row per slip (letter kind `rujukan_internal`): from which unit to which,
 *   and the folder movement and queue ticket it caused.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const appendOnly = (table: string) => [
    sql.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`),
    sql.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`),
  ];
  for (const statement of [
    sql`CREATE TABLE diagnosis (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 20 AND code = upper(code)),
      text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 250),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
      updated_at TEXT NOT NULL
    )`,
    sql`CREATE VIRTUAL TABLE diagnosis_search USING fts5(
      code, text, content='diagnosis', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )`,
    sql`CREATE TRIGGER diagnosis_search_insert AFTER INSERT ON diagnosis BEGIN
      INSERT INTO diagnosis_search (rowid, code, text) VALUES (new.id, new.code, new.text);
    END`,
    sql`CREATE TRIGGER diagnosis_search_update AFTER UPDATE OF code, text ON diagnosis BEGIN
      INSERT INTO diagnosis_search (diagnosis_search, rowid, code, text) VALUES ('delete', old.id, old.code, old.text);
      INSERT INTO diagnosis_search (rowid, code, text) VALUES (new.id, new.code, new.text);
    END`,
    sql`CREATE TRIGGER diagnosis_search_delete AFTER DELETE ON diagnosis BEGIN
      INSERT INTO diagnosis_search (diagnosis_search, rowid, code, text) VALUES ('delete', old.id, old.code, old.text);
    END`,
    sql`CREATE TABLE facility_specialty (
      facility_id INTEGER NOT NULL REFERENCES facility(id),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
      sort_order INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (facility_id, name)
    )`,
    sql`CREATE TABLE referral (
      letter_id INTEGER PRIMARY KEY REFERENCES letter(id),
      patient_id INTEGER NOT NULL REFERENCES patient(id),
      visit_id INTEGER REFERENCES visit(id),
      referral_date TEXT NOT NULL CHECK (referral_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      facility_id INTEGER NOT NULL REFERENCES facility(id),
      specialty TEXT NOT NULL,
      diagnosis_code TEXT NOT NULL,
      diagnosis_text TEXT NOT NULL,
      emergency INTEGER NOT NULL CHECK (emergency IN (0,1)),
      signer_id INTEGER NOT NULL REFERENCES practitioner(id),
      status TEXT NOT NULL DEFAULT 'dibuat'
        CHECK (status IN ('dibuat','dikirim','diterima','ditolak','berangkat','serah_terima')),
      sisrute_number TEXT,
      family_informed_at TEXT,
      admitted INTEGER CHECK (admitted IN (0,1)),
      follow_up_closed_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    sql`CREATE INDEX referral_by_date ON referral(referral_date, facility_id)`,
    sql`CREATE INDEX referral_by_patient ON referral(patient_id)`,
    // The open list and the follow-up list read a handful of rows among years of referrals.
    sql`CREATE INDEX referral_open ON referral(status) WHERE status NOT IN ('ditolak','serah_terima')`,
    sql`CREATE INDEX referral_follow_up ON referral(letter_id) WHERE admitted = 1 AND follow_up_closed_at IS NULL`,
    sql`CREATE TABLE referral_event (
      id INTEGER PRIMARY KEY,
      letter_id INTEGER NOT NULL REFERENCES referral(letter_id),
      status TEXT NOT NULL CHECK (status IN ('dibuat','dikirim','diterima','ditolak','berangkat','serah_terima')),
      at TEXT NOT NULL,
      user_id INTEGER REFERENCES app_user(id),
      note TEXT,
      sisrute_number TEXT,
      reason TEXT,
      transport TEXT CHECK (transport IN ('ambulans','kendaraan_dinas','pribadi')),
      escort_name TEXT,
      family_informed_at TEXT,
      received_by TEXT,
      admitted INTEGER CHECK (admitted IN (0,1))
    )`,
    sql`CREATE INDEX referral_event_letter ON referral_event(letter_id, id)`,
    ...appendOnly('referral_event'),
    sql`CREATE TABLE referral_followup (
      id INTEGER PRIMARY KEY,
      letter_id INTEGER NOT NULL REFERENCES referral(letter_id),
      kind TEXT NOT NULL CHECK (kind IN ('perkembangan','rujuk_balik','selesai')),
      note TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 1000),
      at TEXT NOT NULL,
      user_id INTEGER REFERENCES app_user(id)
    )`,
    sql`CREATE INDEX referral_followup_letter ON referral_followup(letter_id, id)`,
    ...appendOnly('referral_followup'),
    sql`CREATE TABLE internal_referral (
      letter_id INTEGER PRIMARY KEY REFERENCES letter(id),
      patient_id INTEGER NOT NULL REFERENCES patient(id),
      visit_id INTEGER REFERENCES visit(id),
      referral_date TEXT NOT NULL,
      from_unit_id INTEGER REFERENCES unit(id),
      to_unit_id INTEGER NOT NULL REFERENCES unit(id),
      request TEXT NOT NULL,
      movement_id INTEGER REFERENCES folder_movement(id),
      ticket_id INTEGER REFERENCES queue_ticket(id),
      created_at TEXT NOT NULL
    )`,
    sql`CREATE INDEX internal_referral_by_date ON internal_referral(referral_date, to_unit_id)`,
  ]) {
    await statement.execute(db);
  }
}
