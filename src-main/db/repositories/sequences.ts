import { sql } from 'kysely';
import type { Executor } from './executor';

/**
 * The next number of a sequence, allocated by an UPSERT in the caller's write transaction: two
 * counters registering at once are serialised by SQLite's writer lock, so no number repeats.
 */
export async function nextNumber(trx: Executor, name: string, period = ''): Promise<number> {
  const { rows } = await sql<{ value: number }>`
    INSERT INTO number_sequence (name, period, value) VALUES (${name}, ${period}, 1)
    ON CONFLICT (name, period) DO UPDATE SET value = value + 1
    RETURNING value`.execute(trx);
  return rows[0]!.value;
}

/** Raises a sequence to at least `value` (after an import brings higher numbers). */
export async function raiseSequence(trx: Executor, name: string, value: number, period = ''): Promise<void> {
  await sql`INSERT INTO number_sequence (name, period, value) VALUES (${name}, ${period}, ${value})
    ON CONFLICT (name, period) DO UPDATE SET value = max(value, excluded.value)`.execute(trx);
}
