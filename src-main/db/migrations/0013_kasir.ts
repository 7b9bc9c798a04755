import { sql, type Kysely } from 'kysely';

/**
 * Kasir: who took each umum payment, voids with a reason, receipt prints, and closed cash days.
 *
 * - `payment`: one row per payment taken; `visit.paid_at` stays the quick "paid?" flag and is
 *   set and cleared in the same transaction. A void keeps the row (voided_at/by/reason) so the
 *   recap lists it; at most one live (not voided) payment per visit. `cash_date` is the visit's
 *   local date: the day whose recap and closing the payment belongs to. The tariff's name and
 *   amount are copied so a tariff edited later leaves past recaps as they were.
 * - `receipt_print`: every kwitansi printed (copy = 1 for a SALINAN), so reprints are counted.
 * - `cash_day`: a closed day (who, when, the totals at closing); its payments are read-only.
 *
 * Backfill: visits already marked paid get a payment row with no cashier (not recorded then).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE payment (
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
    )`,
    sql`CREATE UNIQUE INDEX payment_live_visit ON payment(visit_id) WHERE voided_at IS NULL`,
    sql`CREATE INDEX payment_cash_date ON payment(cash_date)`,
    sql`CREATE TABLE receipt_print (
      id INTEGER PRIMARY KEY,
      visit_id INTEGER NOT NULL REFERENCES visit(id),
      printed_at TEXT NOT NULL,
      printed_by INTEGER REFERENCES app_user(id),
      copy INTEGER NOT NULL CHECK (copy IN (0, 1))
    )`,
    sql`CREATE INDEX receipt_print_visit ON receipt_print(visit_id)`,
    sql`CREATE TABLE cash_day (
      date TEXT PRIMARY KEY,
      closed_at TEXT NOT NULL,
      closed_by INTEGER NOT NULL REFERENCES app_user(id),
      payments INTEGER NOT NULL,
      amount INTEGER NOT NULL,
      voids INTEGER NOT NULL
    )`,
    sql`INSERT INTO payment (visit_id, cash_date, amount, tariff_id, tariff_name, paid_at, cashier_id)
      SELECT v.id, v.visit_date, v.fee, v.tariff_id, COALESCE(t.name, 'Retribusi pelayanan'), v.paid_at, NULL
      FROM visit v LEFT JOIN tariff t ON t.id = v.tariff_id
      WHERE v.paid_at IS NOT NULL`,
  ]) {
    await statement.execute(db);
  }
}
