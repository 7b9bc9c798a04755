import { sql, type Kysely } from 'kysely';

/**
 * Antrean (queue). A ticket lives in one lane: a service (loket A, B, C…) or a unit (the poli
 * queue). `lane` ('S<id>' / 'U<id>') makes "one number per lane per local day" a plain UNIQUE;
 * the number itself comes from number_sequence in the issuing transaction. `queue_event` is the
 * append-only log the display and the statistics read; rows are never deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE queue_ticket (
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
      transferred_from INTEGER REFERENCES queue_ticket(id),
      CHECK ((service_id IS NULL) != (unit_id IS NULL)),
      CHECK (lane = CASE WHEN service_id IS NOT NULL THEN 'S' || service_id ELSE 'U' || unit_id END),
      UNIQUE (service_date, lane, number)
    )`,
    // The waiting list and the board read today's tickets by status.
    sql`CREATE INDEX queue_ticket_day_status ON queue_ticket(service_date, status)`,
    sql`CREATE INDEX queue_ticket_visit ON queue_ticket(visit_id) WHERE visit_id IS NOT NULL`,
    sql`CREATE TABLE queue_event (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER NOT NULL REFERENCES queue_ticket(id),
      kind TEXT NOT NULL CHECK (kind IN ('issued','called','recalled','skipped','held','finished','transferred')),
      at TEXT NOT NULL,
      counter_id INTEGER REFERENCES counter(id),
      unit_id INTEGER REFERENCES unit(id),
      announcement TEXT,
      user_id INTEGER REFERENCES app_user(id),
      CHECK ((kind IN ('called','recalled')) = (announcement IS NOT NULL))
    )`,
    sql`CREATE INDEX queue_event_ticket ON queue_event(ticket_id)`,
  ]) {
    await statement.execute(db);
  }
}
