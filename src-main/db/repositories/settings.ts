import type { Executor } from './executor';

export async function readSettings(db: Executor): Promise<Map<string, unknown>> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).execute();
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

export async function writeSetting(db: Executor, key: string, value: unknown, userId: number | null, at: string): Promise<void> {
  const row = { key, value: JSON.stringify(value), updated_at: at, updated_by: userId };
  await db
    .insertInto('setting')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: at, updated_by: userId }))
    .execute();
}
