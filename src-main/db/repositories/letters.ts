import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Letter, LetterKind, LetterPaper } from '../../contract';
import type { Executor } from './executor';

/** The patient a letter is about, merged or not (a merged one is refused by name). */
export async function letterPatient(db: Executor, id: number) {
  return db
    .selectFrom('patient as p')
    .leftJoin('region as v', 'v.code', 'p.village_code')
    .leftJoin('region as d', 'd.code', 'v.parent_code')
    .leftJoin('region as k', 'k.code', 'd.parent_code')
    .select([
      'p.id',
      'p.name',
      'p.rm_number as rmNumber',
      'p.sex',
      'p.birth_date as birthDate',
      'p.occupation',
      'p.address_street as street',
      'p.rt',
      'p.rw',
      'p.merged_into as mergedInto',
      sql<string | null>`'Desa/Kel. ' || v.name || ', Kec. ' || d.name || ', ' || k.name`.as('region'),
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function letterVisit(db: Executor, id: number) {
  return db
    .selectFrom('visit')
    .select(['id', 'patient_id as patientId', 'unit_id as unitId', 'visit_date as date'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The host's key for verification codes: made once (the first letter ever issued), kept in the
 * settings table under a key no settings method reads or writes, never sent to a client.
 */
export async function letterSecret(trx: Executor): Promise<string> {
  const fresh = JSON.stringify(randomBytes(32).toString('base64'));
  await sql`INSERT INTO setting (key, value, updated_at, updated_by) VALUES ('letterSecret', ${fresh}, ${new Date().toISOString()}, NULL)
    ON CONFLICT (key) DO NOTHING`.execute(trx);
  const row = await trx.selectFrom('setting').select('value').where('key', '=', 'letterSecret').executeTakeFirstOrThrow();
  return JSON.parse(row.value) as string;
}

/** The key when one exists (reading never makes one: verifying writes nothing). */
export async function existingLetterSecret(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', 'letterSecret').executeTakeFirst();
  return row ? (JSON.parse(row.value) as string) : null;
}

export interface NewLetter {
  kind: LetterKind;
  number: string;
  seq: number;
  year: number;
  patientId: number;
  visitId: number | null;
  signerId: number;
  issuedAt: string;
  issuedDate: string;
  issuedBy: number;
  data: unknown;
  paper: LetterPaper;
}

/** Inserts with a placeholder code (the real one covers the id), then sets the code. */
export async function insertLetter(trx: Executor, l: NewLetter, codeOf: (id: number) => string): Promise<{ id: number; verifyCode: string }> {
  const { id } = await trx
    .insertInto('letter')
    .values({
      kind: l.kind,
      number: l.number,
      seq: l.seq,
      year: l.year,
      patient_id: l.patientId,
      visit_id: l.visitId,
      signer_id: l.signerId,
      issued_at: l.issuedAt,
      issued_date: l.issuedDate,
      issued_by: l.issuedBy,
      data: JSON.stringify(l.data),
      verify_code: `~${l.number}`,
      paper: l.paper,
      cancelled_at: null,
      cancelled_by: null,
      cancel_reason: null,
      archived_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const verifyCode = codeOf(id);
  await trx.updateTable('letter').set({ verify_code: verifyCode }).where('id', '=', id).execute();
  return { id, verifyCode };
}

export interface LetterFilter {
  ids?: readonly number[];
  kind?: LetterKind;
  from?: string;
  to?: string;
  patientId?: number;
  text?: string;
  status?: 'terbit' | 'batal';
  limit?: number;
}

export async function listLetters(db: Executor, f: LetterFilter): Promise<Letter[]> {
  let q = db
    .selectFrom('letter as l')
    .innerJoin('patient as p', 'p.id', 'l.patient_id')
    .innerJoin('practitioner as s', 's.id', 'l.signer_id')
    .innerJoin('app_user as u', 'u.id', 'l.issued_by')
    .selectAll('l')
    .select([
      'p.rm_number',
      'p.name as patient_name',
      's.name as signer_name',
      's.profession as signer_profession',
      's.nip as signer_nip',
      's.sip as signer_sip',
      's.str as signer_str',
      'u.full_name as issuer_name',
      (eb) =>
        eb
          .selectFrom('letter_print')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('letter_print.letter_id', '=', 'l.id')
          .as('prints'),
      (eb) =>
        eb
          .selectFrom('letter_print')
          .select((e) => e.fn.max('printed_at').as('m'))
          .whereRef('letter_print.letter_id', '=', 'l.id')
          .as('last_printed'),
    ]);
  if (f.ids) q = q.where('l.id', 'in', f.ids.length ? [...f.ids] : [0]);
  if (f.kind) q = q.where('l.kind', '=', f.kind);
  if (f.from) q = q.where('l.issued_date', '>=', f.from);
  if (f.to) q = q.where('l.issued_date', '<=', f.to);
  // A patient's letters include those issued before another record was merged into it: they keep
  // the RM number they were printed with, and still belong to this person.
  if (f.patientId !== undefined) {
    const id = f.patientId;
    q = q.where((eb) => eb.or([eb('l.patient_id', '=', id), eb('p.merged_into', '=', id)]));
  }
  if (f.status) q = q.where('l.status', '=', f.status);
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`l.number LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`p.name LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`p.rm_number LIKE ${like} ESCAPE '\\'`,
      ]),
    );
  }
  const rows = await q
    .orderBy('l.issued_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(f.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as LetterKind,
    number: r.number,
    seq: r.seq,
    year: r.year,
    patient: { id: r.patient_id, rmNumber: r.rm_number, name: r.patient_name },
    visitId: r.visit_id,
    signer: {
      id: r.signer_id,
      name: r.signer_name,
      profession: r.signer_profession as Letter['signer']['profession'],
      nip: r.signer_nip,
      sip: r.signer_sip,
      str: r.signer_str,
    },
    issuedAt: r.issued_at,
    issuedDate: r.issued_date,
    issuedBy: { id: r.issued_by, name: r.issuer_name },
    data: JSON.parse(r.data) as Record<string, unknown>,
    verifyCode: r.verify_code,
    status: r.status as Letter['status'],
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    paper: r.paper as LetterPaper,
    prints: Number(r.prints ?? 0),
    lastPrintedAt: r.last_printed ?? null,
    archivedAt: r.archived_at,
  }));
}

export async function getLetter(db: Executor, id: number): Promise<Letter | undefined> {
  return (await listLetters(db, { ids: [id], limit: 1 }))[0];
}

/** The row behind a verification code: its facts (to recompute the MAC) and what a verifier sees. */
export async function letterForVerification(db: Executor, by: { code: string } | { id: number }) {
  let q = db
    .selectFrom('letter as l')
    .innerJoin('patient as p', 'p.id', 'l.patient_id')
    .innerJoin('practitioner as s', 's.id', 'l.signer_id')
    .select([
      'l.id',
      'l.kind',
      'l.number',
      'l.patient_id as patientId',
      'l.issued_at as issuedAt',
      'l.issued_date as issuedDate',
      'l.signer_id as signerId',
      'l.verify_code as verifyCode',
      'l.status',
      'l.cancelled_at as cancelledAt',
      'p.name as patientName',
      'p.rm_number as rmNumber',
      's.name as signerName',
    ]);
  q = 'code' in by ? q.where('l.verify_code', '=', by.code) : q.where('l.id', '=', by.id);
  return q.executeTakeFirst();
}

/** Cancels an issued letter; false when it was already cancelled. */
export async function cancelLetter(trx: Executor, id: number, c: { at: string; by: number; reason: string }): Promise<boolean> {
  const r = await trx
    .updateTable('letter')
    .set({ status: 'batal', cancelled_at: c.at, cancelled_by: c.by, cancel_reason: c.reason })
    .where('id', '=', id)
    .where('status', '=', 'terbit')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertLetterPrint(trx: Executor, p: { letterId: number; at: string; by: number; copy: boolean; target: 'cetak' | 'pdf' }) {
  await trx
    .insertInto('letter_print')
    .values({ letter_id: p.letterId, printed_at: p.at, printed_by: p.by, copy: p.copy ? 1 : 0, target: p.target })
    .execute();
}

export async function letterPrintCount(db: Executor, letterId: number): Promise<number> {
  const r = await db
    .selectFrom('letter_print')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('letter_id', '=', letterId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function markLetterArchived(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('letter').set({ archived_at: at }).where('id', '=', id).execute();
}
