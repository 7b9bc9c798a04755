import { sql, type Kysely } from 'kysely';

/**
 * Visit registration: the tariff table for pasien umum (Perda/Perwali items), control
 * appointments (jadwal kontrol), the folder retrieval request each visit creates for the records
 * room, and what a visit records about its routing (life stage, cluster override reason, payer).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE tariff (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      amount INTEGER NOT NULL CHECK (amount >= 0),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
      sort_order INTEGER NOT NULL DEFAULT 0
    )`,
    sql`ALTER TABLE visit ADD COLUMN life_stage TEXT`,
    sql`ALTER TABLE visit ADD COLUMN cluster_reason TEXT`,
    sql`ALTER TABLE visit ADD COLUMN insurance_name TEXT`,
    sql`ALTER TABLE visit ADD COLUMN tariff_id INTEGER REFERENCES tariff(id)`,
    sql`CREATE TABLE appointment (
      id INTEGER PRIMARY KEY,
      patient_id INTEGER NOT NULL REFERENCES patient(id),
      unit_id INTEGER NOT NULL REFERENCES unit(id),
      date TEXT NOT NULL,
      note TEXT,
      status TEXT NOT NULL DEFAULT 'terjadwal' CHECK (status IN ('terjadwal','hadir','batal')),
      visit_id INTEGER REFERENCES visit(id),
      created_by INTEGER REFERENCES app_user(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    sql`CREATE INDEX appointment_date ON appointment(date, status)`,
    sql`CREATE INDEX appointment_patient ON appointment(patient_id, date)`,
    sql`CREATE TABLE folder_request (
      id INTEGER PRIMARY KEY,
      visit_id INTEGER NOT NULL UNIQUE REFERENCES visit(id),
      patient_id INTEGER NOT NULL REFERENCES patient(id),
      unit_id INTEGER NOT NULL REFERENCES unit(id),
      requested_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'menunggu' CHECK (status IN ('menunggu','diambil','diterima_unit','batal'))
    )`,
    sql`CREATE INDEX folder_request_status ON folder_request(status, requested_at)`,
  ]) {
    await statement.execute(db);
  }
}
