import { sql, type Kysely } from 'kysely';

/** Patients and their visits: the register harian is a view of `visit`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE patient (
      id INTEGER PRIMARY KEY,
      rm_number TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      sex TEXT NOT NULL CHECK (sex IN ('L','P')),
      birth_place TEXT,
      birth_date TEXT NOT NULL,
      nik TEXT CHECK (nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*')),
      bpjs_number TEXT CHECK (bpjs_number IS NULL OR (length(bpjs_number) = 13 AND bpjs_number NOT GLOB '*[^0-9]*')),
      bpjs_class INTEGER CHECK (bpjs_class IS NULL OR bpjs_class BETWEEN 1 AND 3),
      payer_default TEXT NOT NULL DEFAULT 'umum',
      phone TEXT,
      address_street TEXT,
      rt TEXT,
      rw TEXT,
      village_code TEXT REFERENCES region(code),
      occupation TEXT,
      education TEXT,
      religion TEXT,
      marital_status TEXT,
      blood_type TEXT,
      mother_name TEXT,
      mother_nik TEXT,
      kk_number TEXT,
      family_head TEXT,
      emergency_name TEXT,
      emergency_relation TEXT,
      emergency_phone TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      merged_into INTEGER REFERENCES patient(id)
    )`,
    // An exact NIK match blocks a second (unmerged) patient.
    sql`CREATE UNIQUE INDEX patient_nik ON patient(nik) WHERE nik IS NOT NULL AND merged_into IS NULL`,
    sql`CREATE INDEX patient_bpjs ON patient(bpjs_number) WHERE bpjs_number IS NOT NULL`,
    sql`CREATE INDEX patient_name_key ON patient(name_key)`,
    sql`CREATE TABLE visit (
      id INTEGER PRIMARY KEY,
      visit_date TEXT NOT NULL,
      seq INTEGER NOT NULL,
      registered_at TEXT NOT NULL,
      patient_id INTEGER NOT NULL REFERENCES patient(id),
      payer TEXT NOT NULL CHECK (payer IN ('bpjs','umum','asuransi_lain')),
      unit_id INTEGER NOT NULL REFERENCES unit(id),
      cluster TEXT NOT NULL,
      emergency INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0,1)),
      kunjungan_baru INTEGER NOT NULL CHECK (kunjungan_baru IN (0,1)),
      pasien_baru INTEGER NOT NULL CHECK (pasien_baru IN (0,1)),
      status TEXT NOT NULL DEFAULT 'terdaftar',
      fee INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),
      paid_at TEXT,
      registered_by INTEGER REFERENCES app_user(id),
      UNIQUE (visit_date, seq)
    )`,
    sql`CREATE INDEX visit_patient_date ON visit(patient_id, visit_date)`,
    sql`CREATE INDEX visit_date_unit ON visit(visit_date, unit_id)`,
  ]) {
    await statement.execute(db);
  }
}
