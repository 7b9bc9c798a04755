import { sql, type Kysely } from 'kysely';

/**
 * Patient search, second step: village and street words get their own vocabulary in
 * `patient_search` — each is stored with a `q` in front (`qsukamaju`, `qcibogo`). Folded name
 * words never contain a q (domain/nama folds q to k), so a name word and a place word are
 * different index terms. Before, "pasir" as a name word and "pasir" as a village word were one
 * term with one long list, and asking whether any *name* has the word "pasir" meant reading the
 * whole list of the village (10⁵ entries at 10⁶ patients); now it is one lookup.
 *
 * The insert and update triggers of migration 0005 are replaced, the word index is rebuilt from
 * the patients already stored; the trigram index and the delete trigger stay as they are.
 */

/** Village name and street as words with a `q` in front; apostrophes dropped, the usual marks as spaces. */
const place = (row: string) => {
  let text = `coalesce((SELECT r.name FROM region r WHERE r.code = ${row}.village_code), '') || ' ' || coalesce(${row}.address_street, '')`;
  text = `replace(${text}, '''', '')`;
  for (const mark of ['.', ',', '/', '-', '(', ')', ':', ';', '"']) text = `replace(${text}, '${mark}', ' ')`;
  return `replace(' ' || ${text}, ' ', ' q')`;
};

const searchValues = (row: string) => `${row}.id, ${row}.name_key, ${place(row)}, 'y' || substr(${row}.birth_date, 1, 4)`;
const trigramValues = (row: string) => `${row}.id, ' ' || ${row}.name_key || ' ', substr(${row}.birth_date, 2, 3)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `DROP TRIGGER patient_search_insert`,
    `DROP TRIGGER patient_search_update`,
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
    `INSERT INTO patient_search (patient_search) VALUES ('delete-all')`,
    `INSERT INTO patient_search (rowid, name, place, born) SELECT ${searchValues('p')} FROM patient p WHERE p.merged_into IS NULL`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
