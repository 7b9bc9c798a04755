import { sql, type Kysely } from 'kysely';

/**
 * The puskesmas's own recordings of the queue voice's clips (Pengaturan → Suara). A row
 * replaces the shipped clip of the same key; deleting it brings the shipped clip back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE voice_clip (
    key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 40 AND key NOT GLOB '*[^a-z0-9-]*'),
    mime TEXT NOT NULL CHECK (mime IN ('audio/wav', 'audio/webm', 'audio/ogg')),
    data BLOB NOT NULL CHECK (length(data) BETWEEN 1 AND 1048576),
    duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES app_user(id)
  )`.execute(db);
}
