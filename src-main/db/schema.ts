import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Kysely's view of the tables. Booleans are INTEGER 0/1 and timestamps ISO-8601 UTC text;
 * calendar dates (`*_date`) are local `YYYY-MM-DD` in the puskesmas's time zone.
 */
type Bool = number;
type CreatedAt = ColumnType<string, string, never>;

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: number | null;
}

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  cluster: string;
  closing_time: string | null;
  active: Generated<Bool>;
  sort_order: Generated<number>;
}

export interface ServiceTable {
  id: Generated<number>;
  code: string;
  name: string;
  prefix: string;
  daily_cap: number | null;
  active: Generated<Bool>;
  sort_order: Generated<number>;
}

export interface CounterTable {
  id: Generated<number>;
  number: number;
  name: string;
  active: Generated<Bool>;
}

export interface CounterServiceTable {
  counter_id: number;
  service_id: number;
}

export interface PractitionerTable {
  id: Generated<number>;
  name: string;
  profession: string;
  nip: string | null;
  sip: string | null;
  str: string | null;
  unit_id: number | null;
  active: Generated<Bool>;
}

export interface FacilityTable {
  id: Generated<number>;
  code: string | null;
  name: string;
  kind: string;
  address: string | null;
  phone: string | null;
  active: Generated<Bool>;
}

export interface RegionTable {
  code: string;
  parent_code: string | null;
  level: number;
  name: string;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  role: string;
  password_hash: string;
  active: Generated<Bool>;
  created_at: CreatedAt;
  updated_at: string;
  /** Set when an administrator chose the password (migration 0020): the user changes it at next login. */
  must_change_password: Generated<Bool>;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  client: string;
  created_at: CreatedAt;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  /** The idle lock screen is up (migration 0020): only auth.unlock / auth.logout / auth.me pass. */
  locked_at: Generated<string | null>;
}

export interface PatientTable {
  id: Generated<number>;
  rm_number: string;
  name: string;
  /** Folded name for search (see domain/nama); maintained by the repository. */
  name_key: string;
  sex: string;
  birth_place: string | null;
  birth_date: string;
  nik: string | null;
  bpjs_number: string | null;
  bpjs_class: number | null;
  payer_default: string;
  phone: string | null;
  address_street: string | null;
  rt: string | null;
  rw: string | null;
  village_code: string | null;
  occupation: string | null;
  education: string | null;
  religion: string | null;
  marital_status: string | null;
  blood_type: string | null;
  mother_name: string | null;
  mother_nik: string | null;
  kk_number: string | null;
  family_head: string | null;
  emergency_name: string | null;
  emergency_relation: string | null;
  emergency_phone: string | null;
  created_at: CreatedAt;
  updated_at: string;
  merged_into: number | null;
}

export interface VisitTable {
  id: Generated<number>;
  visit_date: string;
  seq: number;
  registered_at: string;
  patient_id: number;
  payer: string;
  unit_id: number;
  cluster: string;
  emergency: Bool;
  kunjungan_baru: Bool;
  pasien_baru: Bool;
  status: Generated<string>;
  fee: Generated<number>;
  paid_at: string | null;
  registered_by: number | null;
  life_stage: string | null;
  cluster_reason: string | null;
  insurance_name: string | null;
  tariff_id: number | null;
}

export interface TariffTable {
  id: Generated<number>;
  code: string;
  name: string;
  amount: number;
  active: Generated<Bool>;
  sort_order: Generated<number>;
}

export interface AppointmentTable {
  id: Generated<number>;
  patient_id: number;
  unit_id: number;
  date: string;
  note: string | null;
  status: Generated<string>;
  visit_id: number | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: string;
}

export interface FolderRequestTable {
  id: Generated<number>;
  visit_id: number;
  patient_id: number;
  unit_id: number;
  requested_at: string;
  status: Generated<string>;
  /** When the folder reached the unit (retrieval time); null until then. */
  delivered_at: Generated<string | null>;
}

/** A paper folder (berkas rekam medis): one per patient or family, with volumes. */
export interface FolderTable {
  id: Generated<number>;
  rm_base: string;
  volume: Generated<number>;
  temporary_for: number | null;
  status: Generated<string>;
  location_kind: Generated<string>;
  location_unit_id: number | null;
  borrower: string | null;
  due_date: string | null;
  out_since: string | null;
  last_unit_id: number | null;
  created_at: string;
  updated_at: string;
  /** Combined into this folder (a merged patient's); null while the folder is its own. */
  combined_into: Generated<number | null>;
}

export interface FolderPatientTable {
  patient_id: number;
  folder_id: number;
}

/** Append-only: every move of a folder. */
export interface FolderMovementTable {
  id: Generated<number>;
  folder_id: number;
  at: string;
  kind: string;
  from_kind: string | null;
  from_unit_id: number | null;
  to_kind: string;
  to_unit_id: number | null;
  user_id: number | null;
  method: string;
  request_id: number | null;
  visit_id: number | null;
  reason: string | null;
  borrower: string | null;
  due_date: string | null;
}

export interface CompletenessReviewTable {
  id: Generated<number>;
  folder_id: number;
  unit_id: number;
  visit_id: number | null;
  practitioner_id: number | null;
  period: string;
  reviewed_at: string;
  reviewed_by: number | null;
  complete: Bool;
  resolves_review_id: number | null;
  resolved_at: string | null;
}

export interface CompletenessItemTable {
  review_id: number;
  item: string;
  present: Bool;
}

export interface NumberSequenceTable {
  name: string;
  period: string;
  value: number;
}

export interface PatientMergeTable {
  id: Generated<number>;
  kept_id: number;
  merged_id: number;
  reason: string;
  moved: string;
  merged_at: string;
  merged_by: number | null;
  undone_at: string | null;
  undone_by: number | null;
}

/** A clip of the queue voice recorded by the puskesmas (replaces the shipped one of the same key). */
export interface VoiceClipTable {
  key: string;
  mime: string;
  data: Uint8Array;
  duration_ms: number;
  updated_at: string;
  updated_by: number | null;
}

export interface QueueTicketTable {
  id: Generated<number>;
  /** Local `YYYY-MM-DD`: numbers restart at local midnight. */
  service_date: string;
  /** 'S<service id>' or 'U<unit id>'. */
  lane: string;
  service_id: number | null;
  unit_id: number | null;
  number: number;
  code: string;
  priority: string | null;
  status: Generated<string>;
  counter_id: number | null;
  visit_id: number | null;
  issued_at: string;
  called_at: string | null;
  last_called_at: string | null;
  finished_at: string | null;
  transferred_from: number | null;
  /** The kiosk's id for one tap: asking again returns the same ticket (migration 0011). */
  request_id: string | null;
}

export interface QueueEventTable {
  id: Generated<number>;
  ticket_id: number;
  kind: string;
  at: string;
  counter_id: number | null;
  unit_id: number | null;
  announcement: string | null;
  user_id: number | null;
}

/** An issued letter of any kind (migration 0015); `data` is the kind's fields as JSON. */
export interface LetterTable {
  id: Generated<number>;
  kind: string;
  number: string;
  seq: number;
  year: number;
  patient_id: number;
  visit_id: number | null;
  signer_id: number;
  issued_at: string;
  /** Local `YYYY-MM-DD` of issued_at (registers and reports count by it). */
  issued_date: string;
  issued_by: number;
  data: string;
  verify_code: string;
  status: Generated<string>;
  cancelled_at: string | null;
  cancelled_by: number | null;
  cancel_reason: string | null;
  paper: string;
  archived_at: string | null;
}

/** Every print or PDF of a letter; `copy` 1 = marked SALINAN. */
export interface LetterPrintTable {
  id: Generated<number>;
  letter_id: number;
  printed_at: string;
  printed_by: number;
  copy: Bool;
  target: string;
}

/** Imported diagnosis list (migration 0016); a code leaves the list by becoming inactive. */
export interface DiagnosisTable {
  id: Generated<number>;
  code: string;
  text: string;
  active: Generated<Bool>;
  updated_at: string;
}

/** Specialties/poli of a referral destination (the directory). */
export interface FacilitySpecialtyTable {
  facility_id: number;
  name: string;
  sort_order: Generated<number>;
}

/** One surat rujukan (letter kind `rujukan`): what reports count by, and the current status. */
export interface ReferralTable {
  letter_id: number;
  patient_id: number;
  visit_id: number | null;
  referral_date: string;
  facility_id: number;
  specialty: string;
  diagnosis_code: string;
  diagnosis_text: string;
  emergency: Bool;
  signer_id: number;
  status: Generated<string>;
  sisrute_number: string | null;
  family_informed_at: string | null;
  admitted: number | null;
  follow_up_closed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Append-only: each step of a referral's status trail. */
export interface ReferralEventTable {
  id: Generated<number>;
  letter_id: number;
  status: string;
  at: string;
  user_id: number | null;
  note: string | null;
  sisrute_number: string | null;
  reason: string | null;
  transport: string | null;
  escort_name: string | null;
  family_informed_at: string | null;
  received_by: string | null;
  admitted: number | null;
}

/** Append-only: follow-up notes on an admitted referral patient (perkembangan, rujuk balik, selesai). */
export interface ReferralFollowupTable {
  id: Generated<number>;
  letter_id: number;
  kind: string;
  note: string;
  at: string;
  user_id: number | null;
}

/** One internal referral slip (letter kind `rujukan_internal`). */
export interface InternalReferralTable {
  letter_id: number;
  patient_id: number;
  visit_id: number | null;
  referral_date: string;
  from_unit_id: number | null;
  to_unit_id: number;
  request: string;
  movement_id: number | null;
  ticket_id: number | null;
  created_at: string;
}

/** A visit marked for follow-up by the pustu of the patient's village (migration 0014). */
export interface FollowUpTable {
  id: Generated<number>;
  visit_id: number;
  village_code: string | null;
  reason: string;
  note: string | null;
  marked_at: string;
  marked_by: number | null;
  status: Generated<string>;
  done_at: string | null;
  done_by: number | null;
  done_note: string | null;
}

/** One umum payment taken at the kasir (migration 0013); a void keeps the row with its reason. */
export interface PaymentTable {
  id: Generated<number>;
  visit_id: number;
  /** The visit's local date: the cash day whose recap and closing the payment belongs to. */
  cash_date: string;
  amount: number;
  tariff_id: number | null;
  tariff_name: string;
  paid_at: string;
  /** Null only for payments recorded before the kasir screen existed. */
  cashier_id: number | null;
  voided_at: string | null;
  voided_by: number | null;
  void_reason: string | null;
}

/** Every kwitansi printed; `copy` 1 = a reprint marked SALINAN. */
export interface ReceiptPrintTable {
  id: Generated<number>;
  visit_id: number;
  printed_at: string;
  printed_by: number | null;
  copy: Bool;
}

/** A closed cash day: its payments are read-only from then on. */
export interface CashDayTable {
  date: string;
  closed_at: string;
  closed_by: number;
  payments: number;
  amount: number;
  voids: number;
}

/** Append-only: every login attempt by user name (lockout after repeated failures). */
export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  at: string;
  outcome: 'berhasil' | 'gagal' | 'dibuka';
  client: string | null;
}

/** A device paired over the LAN (migration 0019); the token itself is never stored. */
export interface DeviceTable {
  id: Generated<number>;
  name: string;
  scope: 'display' | 'kiosk' | 'counter';
  token_hash: string;
  paired_at: string;
  paired_by: number;
  last_seen_at: string | null;
  revoked_at: string | null;
  revoked_by: number | null;
}

/** Rights granted to each role (migration 0020); seeded with contract/permissions' defaults. */
export interface RolePermissionTable {
  role: string;
  permission: string;
}

/** The hash-chained audit trail (migration 0021); append-only, written by triggers and db/repositories/audit. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  username: string | null;
  device: string | null;
  method: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  patient_id: number | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface Database {
  schema_migration: SchemaMigrationTable;
  setting: SettingTable;
  unit: UnitTable;
  service: ServiceTable;
  counter: CounterTable;
  counter_service: CounterServiceTable;
  practitioner: PractitionerTable;
  facility: FacilityTable;
  region: RegionTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  patient: PatientTable;
  visit: VisitTable;
  number_sequence: NumberSequenceTable;
  tariff: TariffTable;
  appointment: AppointmentTable;
  folder_request: FolderRequestTable;
  patient_merge: PatientMergeTable;
  queue_ticket: QueueTicketTable;
  queue_event: QueueEventTable;
  payment: PaymentTable;
  receipt_print: ReceiptPrintTable;
  cash_day: CashDayTable;
  voice_clip: VoiceClipTable;
  folder: FolderTable;
  folder_patient: FolderPatientTable;
  folder_movement: FolderMovementTable;
  completeness_review: CompletenessReviewTable;
  completeness_item: CompletenessItemTable;
  follow_up: FollowUpTable;
  letter: LetterTable;
  letter_print: LetterPrintTable;
  diagnosis: DiagnosisTable;
  facility_specialty: FacilitySpecialtyTable;
  referral: ReferralTable;
  referral_event: ReferralEventTable;
  referral_followup: ReferralFollowupTable;
  internal_referral: InternalReferralTable;
  login_attempt: LoginAttemptTable;
  device: DeviceTable;
  audit_log: AuditLogTable;
  role_permission: RolePermissionTable;
}

export type UnitRow = Selectable<UnitTable>;
export type ServiceRow = Selectable<ServiceTable>;
export type CounterRow = Selectable<CounterTable>;
export type PractitionerRow = Selectable<PractitionerTable>;
export type FacilityRow = Selectable<FacilityTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type NewPatient = Insertable<PatientTable>;
export type PatientUpdate = Updateable<PatientTable>;
export type NewVisit = Insertable<VisitTable>;
