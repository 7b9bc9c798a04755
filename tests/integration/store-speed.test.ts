import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src-main/db/connection';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

/** The two things that keep a clerk's action cheap: prepared statements kept, the session touched once a minute. */
describe('statement cache', () => {
  it('prepares a statement once, drops the least recently used, and works inside transactions', async () => {
    const sqlite = new BetterSqlite3(':memory:');
    const prepared: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    // Count real prepares by wrapping the driver's own method (the driver is not our code).
    sqlite.prepare = (text: string) => {
      prepared.push(text);
      return prepare(text);
    };
    const cached = withStatementCache(sqlite, 3);
    expect(cached.prepare('select 1')).toBe(cached.prepare('select 1'));
    cached.prepare('select 2');
    cached.prepare('select 3');
    cached.prepare('select 1'); // used again: now the newest
    cached.prepare('select 4'); // evicts select 2, the least recently used
    cached.prepare('select 1');
    cached.prepare('select 2');
    expect(prepared).toEqual(['select 1', 'select 2', 'select 3', 'select 4', 'select 2']);

    const db = new Kysely<{ t: { id: Generated<number>; v: string } }>({
      dialect: new SqliteDialect({ database: withStatementCache(new BetterSqlite3(':memory:')) }),
    });
    await sql`create table t (id integer primary key, v text not null)`.execute(db);
    for (let i = 0; i < 3; i++)
      await db
        .insertInto('t')
        .values({ v: `x${i}` })
        .execute();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ v: 'rolled back' }).execute();
        throw new Error('batal');
      }),
    ).rejects.toThrow('batal');
    await db.transaction().execute(async (trx) => trx.insertInto('t').values({ v: 'kept' }).execute());
    expect((await db.selectFrom('t').select('v').orderBy('id').execute()).map((r) => r.v)).toEqual(['x0', 'x1', 'x2', 'kept']);
    await db.destroy();
    sqlite.close();
  });
});

describe('session touch', () => {
  let h: HttpHost | undefined;
  afterEach(async () => {
    await h?.cleanup();
    h = undefined;
  });

  it('slides the expiry at most once a minute, so busy work does not write per call', async () => {
    let now = new Date('2026-11-23T01:00:00.000Z');
    h = await httpHost({ now: () => now });
    const token = await adminToken(h);
    const session = () =>
      h!.host.store.sqlite.prepare('select last_seen_at, expires_at from user_session').get() as { last_seen_at: string; expires_at: string };
    const first = session();
    now = new Date('2026-11-23T01:00:30.000Z');
    expect((await h.call('auth.me', {}, token)).status).toBe(200);
    expect(session()).toEqual(first);
    now = new Date('2026-11-23T01:01:05.000Z');
    expect((await h.call('auth.me', {}, token)).status).toBe(200);
    expect(session()).toEqual({ last_seen_at: '2026-11-23T01:01:05.000Z', expires_at: '2026-11-23T13:01:05.000Z' });
    // The idle limit still ends it: 12 hours after the last touch.
    now = new Date('2026-11-23T13:01:06.000Z');
    expect((await h.call('auth.me', {}, token)).status).toBe(401);
  });
});
