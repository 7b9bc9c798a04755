CREATE TRIGGER diagnosis_search_delete AFTER DELETE ON diagnosis BEGIN
  INSERT INTO diagnosis_search (diagnosis_search, rowid, code, text) VALUES ('delete', old.id, old.code, old.text);
  END;

CREATE TRIGGER diagnosis_search_insert AFTER INSERT ON diagnosis BEGIN
  INSERT INTO diagnosis_search (rowid, code, text) VALUES (new.id, new.code, new.text);
  END;

CREATE TRIGGER diagnosis_search_update AFTER UPDATE OF code, text ON diagnosis BEGIN
  INSERT INTO diagnosis_search (diagnosis_search, rowid, code, text) VALUES ('delete', old.id, old.code, old.text);
  INSERT INTO diagnosis_search (rowid, code, text) VALUES (new.id, new.code, new.text);
  END;

CREATE TRIGGER folder_movement_no_delete BEFORE DELETE ON folder_movement
  BEGIN SELECT RAISE(ABORT, 'folder_movement is append-only'); END;

CREATE TRIGGER folder_movement_no_update BEFORE UPDATE ON folder_movement
  BEGIN SELECT RAISE(ABORT, 'folder_movement is append-only'); END;

CREATE TRIGGER login_attempt_no_update BEFORE UPDATE ON login_attempt
  BEGIN SELECT RAISE(ABORT, 'login_attempt is append-only'); END;

CREATE TRIGGER patient_search_delete AFTER DELETE ON patient BEGIN
  DELETE FROM patient_search WHERE rowid = old.id;
  DELETE FROM patient_name_trigram WHERE rowid = old.id;
  END;

CREATE TRIGGER patient_search_insert AFTER INSERT ON patient WHEN new.merged_into IS NULL BEGIN
  INSERT INTO patient_search (rowid, name, place, born) VALUES (new.id, new.name_key, replace(' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT r.name FROM region r WHERE r.code = new.village_code), '') || ' ' || coalesce(new.address_street, ''), '''', ''), '.', ' '), ',', ' '), '/', ' '), '-', ' '), '(', ' '), ')', ' '), ':', ' '), ';', ' '), '"', ' '), ' ', ' q'), 'y' || substr(new.birth_date, 1, 4));
  INSERT INTO patient_name_trigram (rowid, name, born) VALUES (new.id, ' ' || new.name_key || ' ', substr(new.birth_date, 2, 3));
  END;

CREATE TRIGGER patient_search_update AFTER UPDATE OF name_key, birth_date, village_code, address_street, merged_into ON patient BEGIN
  DELETE FROM patient_search WHERE rowid = old.id;
  DELETE FROM patient_name_trigram WHERE rowid = old.id;
  INSERT INTO patient_search (rowid, name, place, born) SELECT new.id, new.name_key, replace(' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(coalesce((SELECT r.name FROM region r WHERE r.code = new.village_code), '') || ' ' || coalesce(new.address_street, ''), '''', ''), '.', ' '), ',', ' '), '/', ' '), '-', ' '), '(', ' '), ')', ' '), ':', ' '), ';', ' '), '"', ' '), ' ', ' q'), 'y' || substr(new.birth_date, 1, 4) WHERE new.merged_into IS NULL;
  INSERT INTO patient_name_trigram (rowid, name, born) SELECT new.id, ' ' || new.name_key || ' ', substr(new.birth_date, 2, 3) WHERE new.merged_into IS NULL;
  END;

CREATE TRIGGER referral_event_no_delete BEFORE DELETE ON referral_event BEGIN SELECT RAISE(ABORT, 'referral_event is append-only'); END;

CREATE TRIGGER referral_event_no_update BEFORE UPDATE ON referral_event BEGIN SELECT RAISE(ABORT, 'referral_event is append-only'); END;

CREATE TRIGGER referral_followup_no_delete BEFORE DELETE ON referral_followup BEGIN SELECT RAISE(ABORT, 'referral_followup is append-only'); END;

CREATE TRIGGER referral_followup_no_update BEFORE UPDATE ON referral_followup BEGIN SELECT RAISE(ABORT, 'referral_followup is append-only'); END;

CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  );

CREATE TABLE appointment (
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
  );

CREATE TABLE cash_day (
  date TEXT PRIMARY KEY,
  closed_at TEXT NOT NULL,
  closed_by INTEGER NOT NULL REFERENCES app_user(id),
  payments INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  voids INTEGER NOT NULL
  );

CREATE TABLE completeness_item (
  review_id INTEGER NOT NULL REFERENCES completeness_review(id),
  item TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 80),
  present INTEGER NOT NULL CHECK (present IN (0,1)),
  PRIMARY KEY (review_id, item)
  );

CREATE TABLE completeness_review (
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
  );

CREATE TABLE counter (
  id INTEGER PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
  );

CREATE TABLE counter_service (
  counter_id INTEGER NOT NULL REFERENCES counter(id),
  service_id INTEGER NOT NULL REFERENCES service(id),
  PRIMARY KEY (counter_id, service_id)
  ) WITHOUT ROWID;

CREATE TABLE diagnosis (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 20 AND code = upper(code)),
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 250),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  updated_at TEXT NOT NULL
  );

CREATE VIRTUAL TABLE diagnosis_search USING fts5(
  code, text, content='diagnosis', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3'
  );

CREATE TABLE 'diagnosis_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'diagnosis_search_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'diagnosis_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'diagnosis_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE facility (
  id INTEGER PRIMARY KEY,
  code TEXT UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  address TEXT,
  phone TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
  );

CREATE TABLE facility_specialty (
  facility_id INTEGER NOT NULL REFERENCES facility(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  sort_order INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (facility_id, name)
  );

CREATE TABLE folder (
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
  updated_at TEXT NOT NULL, combined_into INTEGER REFERENCES folder(id),
  CHECK ((location_kind = 'unit') = (location_unit_id IS NOT NULL)),
  CHECK ((status = 'dipinjam') = (borrower IS NOT NULL))
  );

CREATE TABLE "folder_movement" (
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
  );

CREATE TABLE folder_patient (
  patient_id INTEGER PRIMARY KEY REFERENCES patient(id),
  folder_id INTEGER NOT NULL REFERENCES folder(id)
  );

CREATE TABLE folder_request (
  id INTEGER PRIMARY KEY,
  visit_id INTEGER NOT NULL UNIQUE REFERENCES visit(id),
  patient_id INTEGER NOT NULL REFERENCES patient(id),
  unit_id INTEGER NOT NULL REFERENCES unit(id),
  requested_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'menunggu' CHECK (status IN ('menunggu','diambil','diterima_unit','batal'))
  , delivered_at TEXT);

CREATE TABLE follow_up (
  id INTEGER PRIMARY KEY,
  visit_id INTEGER NOT NULL UNIQUE REFERENCES visit(id),
  village_code TEXT,
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  note TEXT,
  marked_at TEXT NOT NULL,
  marked_by INTEGER REFERENCES app_user(id),
  status TEXT NOT NULL DEFAULT 'dikirim' CHECK (status IN ('dikirim','selesai')),
  done_at TEXT,
  done_by INTEGER REFERENCES app_user(id),
  done_note TEXT
  );

CREATE TABLE internal_referral (
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
  );

CREATE TABLE letter (
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
  );

CREATE TABLE letter_print (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL REFERENCES letter(id),
  printed_at TEXT NOT NULL,
  printed_by INTEGER NOT NULL REFERENCES app_user(id),
  copy INTEGER NOT NULL CHECK (copy IN (0, 1)),
  target TEXT NOT NULL CHECK (target IN ('cetak', 'pdf'))
  );

CREATE TABLE login_attempt (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL CHECK (length(username) BETWEEN 1 AND 100),
  at TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('berhasil','gagal','dibuka')),
  client TEXT
  );

CREATE TABLE number_sequence (
  name TEXT NOT NULL,
  period TEXT NOT NULL DEFAULT '',
  value INTEGER NOT NULL CHECK (value >= 0),
  PRIMARY KEY (name, period)
  ) WITHOUT ROWID;

CREATE TABLE patient (
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
  );

CREATE TABLE patient_merge (
  id INTEGER PRIMARY KEY,
  kept_id INTEGER NOT NULL REFERENCES patient(id),
  merged_id INTEGER NOT NULL REFERENCES patient(id),
  reason TEXT NOT NULL,
  moved TEXT NOT NULL CHECK (json_valid(moved)),
  merged_at TEXT NOT NULL,
  merged_by INTEGER REFERENCES app_user(id),
  undone_at TEXT,
  undone_by INTEGER REFERENCES app_user(id),
  CHECK (kept_id != merged_id)
  );

CREATE VIRTUAL TABLE patient_name_trigram USING fts5(name, born, tokenize = 'trigram', content = '', contentless_delete = 1);

CREATE TABLE 'patient_name_trigram_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'patient_name_trigram_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'patient_name_trigram_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

CREATE TABLE 'patient_name_trigram_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE VIRTUAL TABLE patient_search USING fts5(name, place, born, tokenize = 'unicode61', prefix = '2 3', detail = 'column', content = '', contentless_delete = 1);

CREATE TABLE 'patient_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'patient_search_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'patient_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

CREATE TABLE 'patient_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE payment (
  id INTEGER PRIMARY KEY,
  visit_id INTEGER NOT NULL REFERENCES visit(id),
  cash_date TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  tariff_id INTEGER REFERENCES tariff(id),
  tariff_name TEXT NOT NULL,
  paid_at TEXT NOT NULL,
  cashier_id INTEGER REFERENCES app_user(id),
  voided_at TEXT,
  voided_by INTEGER REFERENCES app_user(id),
  void_reason TEXT,
  CHECK ((voided_at IS NULL) = (voided_by IS NULL) AND (voided_at IS NULL) = (void_reason IS NULL))
  );

CREATE TABLE practitioner (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  profession TEXT NOT NULL,
  nip TEXT,
  sip TEXT,
  str TEXT,
  unit_id INTEGER REFERENCES unit(id),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
  );

CREATE TABLE queue_event (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES queue_ticket(id),
  kind TEXT NOT NULL CHECK (kind IN ('issued','called','recalled','skipped','held','finished','transferred')),
  at TEXT NOT NULL,
  counter_id INTEGER REFERENCES counter(id),
  unit_id INTEGER REFERENCES unit(id),
  announcement TEXT,
  user_id INTEGER REFERENCES app_user(id),
  CHECK ((kind IN ('called','recalled')) = (announcement IS NOT NULL))
  );

CREATE TABLE queue_ticket (
  id INTEGER PRIMARY KEY,
  service_date TEXT NOT NULL,
  lane TEXT NOT NULL,
  service_id INTEGER REFERENCES service(id),
  unit_id INTEGER REFERENCES unit(id),
  number INTEGER NOT NULL CHECK (number > 0),
  code TEXT NOT NULL,
  priority TEXT CHECK (priority IN ('lansia','disabilitas','ibu_hamil','anak')),
  status TEXT NOT NULL DEFAULT 'menunggu'
  CHECK (status IN ('menunggu','dipanggil','selesai','dilewati','ditahan','dialihkan')),
  counter_id INTEGER REFERENCES counter(id),
  visit_id INTEGER REFERENCES visit(id),
  issued_at TEXT NOT NULL,
  called_at TEXT,
  last_called_at TEXT,
  finished_at TEXT,
  transferred_from INTEGER REFERENCES queue_ticket(id), request_id TEXT CHECK (request_id IS NULL OR length(request_id) BETWEEN 8 AND 64),
  CHECK ((service_id IS NULL) != (unit_id IS NULL)),
  CHECK (lane = CASE WHEN service_id IS NOT NULL THEN 'S' || service_id ELSE 'U' || unit_id END),
  UNIQUE (service_date, lane, number)
  );

CREATE TABLE receipt_print (
  id INTEGER PRIMARY KEY,
  visit_id INTEGER NOT NULL REFERENCES visit(id),
  printed_at TEXT NOT NULL,
  printed_by INTEGER REFERENCES app_user(id),
  copy INTEGER NOT NULL CHECK (copy IN (0, 1))
  );

CREATE TABLE referral (
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
  );

CREATE TABLE referral_event (
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
  );

CREATE TABLE referral_followup (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL REFERENCES referral(letter_id),
  kind TEXT NOT NULL CHECK (kind IN ('perkembangan','rujuk_balik','selesai')),
  note TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 1000),
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES app_user(id)
  );

CREATE TABLE region (
  code TEXT PRIMARY KEY,
  parent_code TEXT,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
  name TEXT NOT NULL
  ) WITHOUT ROWID;

CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);

CREATE TABLE service (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL UNIQUE,
  daily_cap INTEGER CHECK (daily_cap IS NULL OR daily_cap > 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  sort_order INTEGER NOT NULL DEFAULT 0
  );

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL,
  updated_by INTEGER
  );

CREATE TABLE tariff (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  sort_order INTEGER NOT NULL DEFAULT 0
  );

CREATE TABLE unit (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  cluster TEXT NOT NULL CHECK (cluster IN ('klaster1','klaster2','klaster3','klaster4','lintas')),
  closing_time TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  sort_order INTEGER NOT NULL DEFAULT 0
  );

CREATE TABLE user_session (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id),
  client TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
  ) WITHOUT ROWID;

CREATE TABLE visit (
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
  registered_by INTEGER REFERENCES app_user(id), life_stage TEXT, cluster_reason TEXT, insurance_name TEXT, tariff_id INTEGER REFERENCES tariff(id),
  UNIQUE (visit_date, seq)
  );

CREATE TABLE voice_clip (
  key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 40 AND key NOT GLOB '*[^a-z0-9-]*'),
  mime TEXT NOT NULL CHECK (mime IN ('audio/wav', 'audio/webm', 'audio/ogg')),
  data BLOB NOT NULL CHECK (length(data) BETWEEN 1 AND 1048576),
  duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES app_user(id)
  );

CREATE INDEX appointment_date ON appointment(date, status);

CREATE INDEX appointment_patient ON appointment(patient_id, date);

CREATE INDEX completeness_review_folder ON completeness_review(folder_id, id);

CREATE INDEX completeness_review_period ON completeness_review(period, unit_id);

CREATE INDEX folder_combined ON folder(combined_into) WHERE combined_into IS NOT NULL;

CREATE INDEX folder_movement_folder ON folder_movement(folder_id, id);

CREATE INDEX folder_out ON folder(status, location_unit_id, out_since) WHERE status IN ('keluar','dipinjam');

CREATE INDEX folder_patient_folder ON folder_patient(folder_id);

CREATE INDEX folder_request_status ON folder_request(status, requested_at);

CREATE UNIQUE INDEX folder_rm ON folder(rm_base, volume) WHERE temporary_for IS NULL;

CREATE INDEX follow_up_village ON follow_up(village_code);

CREATE INDEX internal_referral_by_date ON internal_referral(referral_date, to_unit_id);

CREATE INDEX letter_issued ON letter(issued_date, kind);

CREATE INDEX letter_patient ON letter(patient_id, issued_at);

CREATE INDEX letter_print_letter ON letter_print(letter_id, printed_at);

CREATE INDEX letter_visit ON letter(visit_id) WHERE visit_id IS NOT NULL;

CREATE INDEX login_attempt_user ON login_attempt(username, id);

CREATE INDEX patient_birth_date ON patient(birth_date);

CREATE INDEX patient_bpjs ON patient(bpjs_number) WHERE bpjs_number IS NOT NULL;

CREATE INDEX patient_kk ON patient(kk_number) WHERE kk_number IS NOT NULL;

CREATE INDEX patient_merge_kept ON patient_merge(kept_id);

CREATE INDEX patient_merge_merged ON patient_merge(merged_id);

CREATE INDEX patient_mother_nik ON patient(mother_nik) WHERE mother_nik IS NOT NULL;

CREATE INDEX patient_name_key ON patient(name_key);

CREATE UNIQUE INDEX patient_nik ON patient(nik) WHERE nik IS NOT NULL AND merged_into IS NULL;

CREATE INDEX patient_phone ON patient(phone) WHERE phone IS NOT NULL;

CREATE INDEX payment_cash_date ON payment(cash_date);

CREATE UNIQUE INDEX payment_live_visit ON payment(visit_id) WHERE voided_at IS NULL;

CREATE INDEX queue_event_ticket ON queue_event(ticket_id);

CREATE INDEX queue_ticket_day_status ON queue_ticket(service_date, status);

CREATE UNIQUE INDEX queue_ticket_request ON queue_ticket(service_date, request_id) WHERE request_id IS NOT NULL;

CREATE INDEX queue_ticket_visit ON queue_ticket(visit_id) WHERE visit_id IS NOT NULL;

CREATE INDEX receipt_print_visit ON receipt_print(visit_id);

CREATE INDEX referral_by_date ON referral(referral_date, facility_id);

CREATE INDEX referral_by_patient ON referral(patient_id);

CREATE INDEX referral_event_letter ON referral_event(letter_id, id);

CREATE INDEX referral_follow_up ON referral(letter_id) WHERE admitted = 1 AND follow_up_closed_at IS NULL;

CREATE INDEX referral_followup_letter ON referral_followup(letter_id, id);

CREATE INDEX referral_open ON referral(status) WHERE status NOT IN ('ditolak','serah_terima');

CREATE INDEX region_level_name ON region(level, name COLLATE NOCASE);

CREATE INDEX region_parent ON region(parent_code);

CREATE INDEX user_session_user ON user_session(user_id);

CREATE INDEX visit_date_unit ON visit(visit_date, unit_id);

CREATE INDEX visit_patient_date ON visit(patient_id, visit_date);
