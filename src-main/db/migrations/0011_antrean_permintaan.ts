import { sql, type Kysely } from 'kysely';

/**
 * A kiosk that lost its connection while taking a number asks again with the same request id;
 * the host answers with the ticket it already made instead of a second one. Unique per local
 * day, like the numbers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`ALTER TABLE queue_ticket ADD COLUMN request_id TEXT CHECK (request_id IS NULL OR length(request_id) BETWEEN 8 AND 64)`,
    sql`CREATE UNIQUE INDEX queue_ticket_request ON queue_ticket(service_date, request_id) WHERE request_id IS NOT NULL`,
  ]) {
    await statement.execute(db);
  }
}
