import { sql, type Kysely } from 'kysely';

/**
 * Covering indexes for the monthly and yearly recap (issue #6: a year of 150,000 visits ≤ 500 ms).
 * No table: the recap stays a query over the visits themselves, so cancelling a visit, merging
 * patients or correcting a birth date, sex or village shows in the next recap without upkeep.
 *
 * - `patient_recap` walks patients by village and sex (the recap's outer loop, so its
 *   GROUP BY village, sex needs no sort) and holds each one's birth date as one number;
 * - `visit_recap` finds a patient's visits of the period and holds, per visit, one number for
 *   everything the recap counts (unit, month, day, cluster, payer, baru/lama), so no visit row
 *   is read and SQLite does no arithmetic per visit but one multiplication;
 * - `queue_ticket_wait` and `folder_request_time` hold each ticket's wait in whole seconds and
 *   each request's retrieval time in tenths of a minute, ordered, so the medians and P90 come
 *   from a histogram read in index order.
 *
 * The expressions are exported and used verbatim by db/repositories/reports.ts: SQLite uses an
 * index on an expression only for the identical expression. The cluster and payer lists are
 * written out here (a migration does not change with the contract): a cluster added later codes
 * as "other" and the recap counts those by name.
 */

/** `YYYY-MM-DD…` → year × 12 + month. */
export const monthNumberSql = (column: string): string =>
  `(CAST(substr(${column}, 1, 4) AS INTEGER) * 12 + CAST(substr(${column}, 6, 2) AS INTEGER))`;
/** `YYYY-MM-DD…` → day of the month. */
export const dayOfMonthSql = (column: string): string => `CAST(substr(${column}, 9, 2) AS INTEGER)`;

/** A birth date as (year × 12 + month) × 32 + day. */
export const birthCodeSql = (p: string): string => `(${monthNumberSql(`${p}birth_date`)} * 32 + ${dayOfMonthSql(`${p}birth_date`)})`;

export const RECAP_CLUSTERS = ['klaster1', 'klaster2', 'klaster3', 'klaster4', 'lintas'] as const;
export const RECAP_PAYERS = ['bpjs', 'umum', 'asuransi_lain'] as const;
/** Where the fields of {@link visitCodeSql} sit: each field's range, least significant first. */
export const VISIT_CODE = { flags: 4, payer: 4, cluster: 8, day: 32, month: 16 } as const;

const indexOf = (column: string, values: readonly string[]) =>
  `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} ELSE ${values.length} END`;

/**
 * A visit as ((((unit id × 16 + month) × 32 + day) × 8 + cluster index) × 4 + payer index) × 4 +
 * kunjungan baru × 2 + pasien baru; an index is the list's length for a value not in it.
 */
export const visitCodeSql = (v: string): string =>
  `(((((${v}unit_id * 16 + CAST(substr(${v}visit_date, 6, 2) AS INTEGER)) * 32 + ${dayOfMonthSql(`${v}visit_date`)}) * 8 + ${indexOf(
    `${v}cluster`,
    RECAP_CLUSTERS,
  )}) * 4 + ${indexOf(`${v}payer`, RECAP_PAYERS)}) * 4 + ${v}kunjungan_baru * 2 + ${v}pasien_baru)`;

/** Exact milliseconds between two ISO instants written by the app (`…T08:05:00.123Z`). */
export const msBetweenSql = (from: string, to: string): string =>
  `((strftime('%s', ${to}) - strftime('%s', ${from})) * 1000 + CAST(substr(${to}, 21, 3) AS INTEGER) - CAST(substr(${from}, 21, 3) AS INTEGER))`;

/** Issued → first call in whole seconds as `secondsBetween` rounds (half up, never negative); NULL while not called. */
export const waitSecondsSql = (issued: string, called: string): string => `max(0, (${msBetweenSql(issued, called)} + 500) / 1000)`;

/**
 * Registration → folder at the unit in tenths of a minute exactly as `minutesBetween` rounds
 * (`Math.round(ms / 60000 * 10)`, the same double arithmetic); -1 while not delivered.
 */
export const retrievalTenthsSql = (requested: string, delivered: string): string => {
  const x = `(${msBetweenSql(requested, delivered)} / 60000.0 * 10)`;
  return `CASE WHEN ${delivered} IS NULL THEN -1 ELSE max(0, CAST(${x} AS INTEGER) + (${x} - CAST(${x} AS INTEGER) >= 0.5)) END`;
};

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql.raw(`CREATE INDEX patient_recap ON patient(village_code, sex, id, ${birthCodeSql('')})`),
    sql.raw(`CREATE INDEX visit_recap ON visit(patient_id, visit_date, status, unit_id, ${visitCodeSql('')})`),
    sql.raw(`CREATE INDEX queue_ticket_wait ON queue_ticket(substr(service_date, 1, 7), lane, ${waitSecondsSql('issued_at', 'called_at')})`),
    sql.raw(`CREATE INDEX folder_request_time ON folder_request(unit_id, ${retrievalTenthsSql('requested_at', 'delivered_at')}, status, visit_id)`),
  ]) {
    await statement.execute(db);
  }
}
