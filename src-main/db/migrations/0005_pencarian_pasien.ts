import { sql, type Kysely } from 'kysely';

/**
 * Patient search (see db/repositories/patient-search.ts), kept in step with `patient` by
 * triggers, one row per live (unmerged) patient with rowid = patient id:
 *
 * - `patient_search`: FTS5 over words — the folded name (`name_key`), the village and street
 *   (`place`) and a birth-year token `y1985` (`born`) — with prefix indexes for 2 and 3
 *   letters, so whole words and word beginnings are single index lookups.
 * - `patient_name_trigram`: FTS5 with the trigram tokenizer over ` <name_key> `, for parts of
 *   words ("hayati" in "nurhayati") and typing errors, and the birth year as one trigram.
 *
 * Inserting into `patient` one row per statement re-indexes row by row (FTS5 writes its pending
 * terms at each statement that fires these triggers); bulk loads insert many rows per statement
 * (`INSERT … SELECT` from a staging table) and are several times faster.
 *
 * Both are contentless (they keep only their index, not a second copy of the text) with
 * contentless_delete, so a trigger can delete and re-insert a row by patient id. Plus b-tree
 * indexes for the other things the search field takes: birth date, phone, mother's NIK, KK.
 *
 * The name columns index `name_key`, which the repositories compute with domain/nama; when the
 * folding rules change, the keys are recomputed once at start-up (services/search.ts) and these
 * triggers re-index each row whose key changed.
 */

/** Village name and street, apostrophes dropped (the tokenizer splits at every other mark). */
const place = (row: string) =>
  `replace(coalesce((SELECT r.name FROM region r WHERE r.code = ${row}.village_code), '') || ' ' || coalesce(${row}.address_street, ''), '''', '')`;

const searchValues = (row: string) => `${row}.id, ${row}.name_key, ${place(row)}, 'y' || substr(${row}.birth_date, 1, 4)`;
// The birth year as its last three digits (1985 → '985'): one trigram, unique for 1890–2889.
const trigramValues = (row: string) => `${row}.id, ' ' || ${row}.name_key || ' ', substr(${row}.birth_date, 2, 3)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `CREATE VIRTUAL TABLE patient_search USING fts5(name, place, born, tokenize = 'unicode61', prefix = '2 3', detail = 'column', content = '', contentless_delete = 1)`,
    `CREATE VIRTUAL TABLE patient_name_trigram USING fts5(name, born, tokenize = 'trigram', content = '', contentless_delete = 1)`,
    `CREATE TRIGGER patient_search_insert AFTER INSERT ON patient WHEN new.merged_into IS NULL BEGIN
      INSERT INTO patient_search (rowid, name, place, born) VALUES (${searchValues('new')});
      INSERT INTO patient_name_trigram (rowid, name, born) VALUES (${trigramValues('new')});
    END`,
    `CREATE TRIGGER patient_search_update AFTER UPDATE OF name_key, birth_date, village_code, address_street, merged_into ON patient BEGIN
      DELETE FROM patient_search WHERE rowid = old.id;
      DELETE FROM patient_name_trigram WHERE rowid = old.id;
      INSERT INTO patient_search (rowid, name, place, born) SELECT ${searchValues('new')} WHERE new.merged_into IS NULL;
      INSERT INTO patient_name_trigram (rowid, name, born) SELECT ${trigramValues('new')} WHERE new.merged_into IS NULL;
    END`,
    `CREATE TRIGGER patient_search_delete AFTER DELETE ON patient BEGIN
      DELETE FROM patient_search WHERE rowid = old.id;
      DELETE FROM patient_name_trigram WHERE rowid = old.id;
    END`,
    `INSERT INTO patient_search (rowid, name, place, born) SELECT ${searchValues('p')} FROM patient p WHERE p.merged_into IS NULL`,
    `INSERT INTO patient_name_trigram (rowid, name, born) SELECT ${trigramValues('p')} FROM patient p WHERE p.merged_into IS NULL`,
    `CREATE INDEX patient_birth_date ON patient(birth_date)`,
    `CREATE INDEX patient_phone ON patient(phone) WHERE phone IS NOT NULL`,
    `CREATE INDEX patient_mother_nik ON patient(mother_nik) WHERE mother_nik IS NOT NULL`,
    `CREATE INDEX patient_kk ON patient(kk_number) WHERE kk_number IS NOT NULL`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
