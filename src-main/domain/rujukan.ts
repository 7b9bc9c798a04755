import type { ReferralAdvance, ReferralStatus } from '../contract';

/**
 * Rujukan (referral to an FKRTL): the status trail of seed 002 and the emergency rules of seed
 * 000 steps 8–9.
 *
 * dibuat → dikirim (SISRUTE number) → diterima | ditolak (reason) → berangkat (transport, escort)
 * → serah_terima (who received, admitted or not). `ditolak` and `serah_terima` end the trail; a
 * refused patient gets a new letter to another hospital (the letter names its destination).
 *
 * An emergency does not wait for the hospital's answer: the doctor phones the IGD and the patient
 * leaves (seed 000 step 8), so `berangkat` may follow `dibuat` or `dikirim` directly. An emergency
 * departure needs the escort's name (step 8). The family is told once the patient is stable at
 * the hospital (step 9), so its time may be given at `berangkat` and is required at the latest at
 * `serah_terima`.
 */

const regular: Record<ReferralStatus, readonly ReferralStatus[]> = {
  dibuat: ['dikirim'],
  dikirim: ['diterima', 'ditolak'],
  diterima: ['berangkat'],
  ditolak: [],
  berangkat: ['serah_terima'],
  serah_terima: [],
};

const emergencyShortcuts: Partial<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  dibuat: ['berangkat'],
  dikirim: ['berangkat'],
};

/** The statuses a referral may go to next. */
export function nextStatuses(current: ReferralStatus, emergency: boolean): ReferralStatus[] {
  return [...regular[current], ...(emergency ? (emergencyShortcuts[current] ?? []) : [])];
}

export function isClosedStatus(status: ReferralStatus): boolean {
  return regular[status].length === 0;
}

export interface TrailFacts {
  status: ReferralStatus;
  emergency: boolean;
  /** The SISRUTE number already recorded (at dikirim). */
  sisruteNumber: string | null;
  /** The family-informed time already recorded on an earlier step. */
  familyInformedAt: string | null;
}

export type AdvanceCheck = { ok: true } | { ok: false; message: string; field: string | null };

const statusWords: Record<ReferralStatus, string> = {
  dibuat: 'dibuat',
  dikirim: 'dikirim',
  diterima: 'diterima',
  ditolak: 'ditolak',
  berangkat: 'berangkat',
  serah_terima: 'serah terima',
};

/** Whether a step may be recorded now with these fields; the message says what is missing. */
export function checkAdvance(facts: TrailFacts, step: Omit<ReferralAdvance, 'letterId'>, now: Date): AdvanceCheck {
  const { status: to } = step;
  const allowed = nextStatuses(facts.status, facts.emergency);
  if (!allowed.includes(to)) {
    if (to === facts.status) return { ok: false, message: `Rujukan sudah berstatus ${statusWords[to]}.`, field: 'status' };
    if (allowed.length === 0)
      return { ok: false, message: `Rujukan sudah selesai (${statusWords[facts.status]}): status tidak dapat diubah lagi.`, field: 'status' };
    const list = allowed.map((s) => statusWords[s]).join(' atau ');
    const hint =
      !facts.emergency && to === 'berangkat' ? ' Rujukan non-gawat darurat menunggu persetujuan RS (diterima) sebelum pasien berangkat.' : '';
    return { ok: false, message: `Dari status ${statusWords[facts.status]} rujukan hanya dapat menjadi ${list}.${hint}`, field: 'status' };
  }
  const missing = (field: string, message: string): AdvanceCheck => ({ ok: false, message, field });
  if (to === 'dikirim' && !step.sisruteNumber) return missing('sisruteNumber', 'Isi nomor rujukan SISRUTE.');
  if (to === 'ditolak' && !step.reason) return missing('reason', 'Isi alasan penolakan dari RS.');
  if (to === 'berangkat') {
    if (!step.transport) return missing('transport', 'Pilih kendaraan: ambulans, kendaraan dinas atau kendaraan pribadi.');
    if (facts.emergency && !step.escortName) return missing('escortName', 'Rujukan gawat darurat: isi nama petugas pendamping.');
  }
  if (to === 'serah_terima') {
    if (step.admitted === undefined) return missing('admitted', 'Pilih apakah pasien dirawat inap.');
    if (facts.emergency && !step.familyInformedAt && !facts.familyInformedAt)
      return missing('familyInformedAt', 'Rujukan gawat darurat: isi waktu keluarga diberi tahu.');
  }
  if (step.familyInformedAt !== undefined && new Date(step.familyInformedAt).getTime() > now.getTime() + 5 * 60_000)
    return missing('familyInformedAt', 'Waktu keluarga diberi tahu tidak boleh di masa depan.');
  return { ok: true };
}

/** Only the fields that belong to a step are kept, so a stray field never lands in the trail. */
export function stepFields(step: Omit<ReferralAdvance, 'letterId'>) {
  const to = step.status;
  return {
    sisruteNumber: to === 'dikirim' ? (step.sisruteNumber ?? null) : null,
    reason: to === 'ditolak' ? (step.reason ?? null) : null,
    transport: to === 'berangkat' ? (step.transport ?? null) : null,
    escortName: to === 'berangkat' ? step.escortName || null : null,
    familyInformedAt: to === 'berangkat' || to === 'serah_terima' ? (step.familyInformedAt ?? null) : null,
    receivedBy: to === 'serah_terima' ? step.receivedBy || null : null,
    admitted: to === 'serah_terima' ? (step.admitted ?? null) : null,
    note: step.note || null,
  };
}

// ---------------------------------------------------------------------------------------------
// Diagnosis codes

/** A code as stored: upper case, spaces removed (`j06.9` → `J06.9`). */
export function normalizeDiagnosisCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** Why a code cannot be stored, or null: letters, digits, `.`, `-`, `/`, `+`, `*` (ICD daggers/asterisks). */
export function diagnosisCodeRefusal(code: string): string | null {
  if (code === '') return 'Kode kosong';
  if (code.length > 20) return 'Kode lebih dari 20 karakter';
  if (!/^[A-Z0-9][A-Z0-9./+*-]*$/.test(code)) return 'Kode hanya boleh huruf, angka dan tanda . - / + *';
  return null;
}

/** Whether a search looks like the start of a code (`J06`, `a09.`, `Z00`) rather than words. */
export function looksLikeCode(query: string): boolean {
  return /^[A-Za-z]\d[\dA-Za-z./+*-]*$/.test(query.trim());
}
