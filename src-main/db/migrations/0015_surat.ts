import { sql, type Kysely } from 'kysely';

/**
 * Letters (issue #7): one `letter` row per issued letter of any kind — sick leave, health,
 * referral, internal referral slip — and one `letter_print` row per print or reprint.
 * The number comes from `number_sequence` ('surat:<kind>', '<year>') in the issuing
 * transaction; (kind, year, seq) and the rendered number are unique, so a number is never
 * given twice nor reused after a cancellation. `data` holds the kind's own fields as JSON,
 * validated by the kind's zod schema before it is written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE letter (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('sakit', 'sehat', 'rujukan', 'rujukan_internal')),
      number TEXT NOT NULL UNIQUE,
      seq INTEGER NOT NULL CHECK (seq > 0),
      year INTEGER NOT NULL,
      patient_id INTEGER NOT NULL REFERENCES patient(id),
      visit_id INTEGER REFERENCES visit(id),
      signer_id INTEGER NOT NULL REFERENCES practitioner(id),
      issued_at TEXT NOT NULL,
      issued_date TEXT NOT NULL,
      issued_by INTEGER NOT NULL REFERENCES app_user(id),
      data TEXT NOT NULL CHECK (json_valid(data)),
      verify_code TEXT NOT NULL UNIQUE,
      status TEXT NOT NULL DEFAULT 'terbit' CHECK (status IN ('terbit', 'batal')),
      cancelled_at TEXT,
      cancelled_by INTEGER REFERENCES app_user(id),
      cancel_reason TEXT,
      paper TEXT NOT NULL CHECK (paper IN ('A4', 'F4')),
      archived_at TEXT,
      UNIQUE (kind, year, seq),
      CHECK ((status = 'batal') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL))
    )`,
    sql`CREATE INDEX letter_patient ON letter(patient_id, issued_at)`,
    sql`CREATE INDEX letter_issued ON letter(issued_date, kind)`,
    sql`CREATE INDEX letter_visit ON letter(visit_id) WHERE visit_id IS NOT NULL`,
    sql`CREATE TABLE letter_print (
      id INTEGER PRIMARY KEY,
      letter_id INTEGER NOT NULL REFERENCES letter(id),
      printed_at TEXT NOT NULL,
      printed_by INTEGER NOT NULL REFERENCES app_user(id),
      copy INTEGER NOT NULL CHECK (copy IN (0, 1)),
      target TEXT NOT NULL CHECK (target IN ('cetak', 'pdf'))
    )`,
    sql`CREATE INDEX letter_print_letter ON letter_print(letter_id, printed_at)`,
  ]) {
    await statement.execute(db);
  }
}
