import type { Executor } from './executor';

export interface RecordedClipSummary {
  key: string;
  mime: string;
  durationMs: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** Every recorded clip without its bytes, with the name of who recorded it. */
export async function listRecordedClips(db: Executor): Promise<RecordedClipSummary[]> {
  const rows = await db
    .selectFrom('voice_clip')
    .leftJoin('app_user', 'app_user.id', 'voice_clip.updated_by')
    .select(['voice_clip.key', 'voice_clip.mime', 'voice_clip.duration_ms', 'voice_clip.updated_at', 'app_user.full_name'])
    .orderBy('voice_clip.key')
    .execute();
  return rows.map((r) => ({ key: r.key, mime: r.mime, durationMs: r.duration_ms, updatedAt: r.updated_at, updatedBy: r.full_name }));
}

export async function readRecordedClip(db: Executor, key: string): Promise<{ mime: string; data: Uint8Array } | null> {
  const row = await db.selectFrom('voice_clip').select(['mime', 'data']).where('key', '=', key).executeTakeFirst();
  return row ? { mime: row.mime, data: row.data } : null;
}

export async function saveRecordedClip(
  db: Executor,
  clip: { key: string; mime: string; data: Uint8Array; durationMs: number; at: string; userId: number | null },
): Promise<void> {
  const values = { mime: clip.mime, data: clip.data, duration_ms: clip.durationMs, updated_at: clip.at, updated_by: clip.userId };
  await db
    .insertInto('voice_clip')
    .values({ key: clip.key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

/** Returns whether a recording was there to delete. */
export async function deleteRecordedClip(db: Executor, key: string): Promise<boolean> {
  const result = await db.deleteFrom('voice_clip').where('key', '=', key).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
