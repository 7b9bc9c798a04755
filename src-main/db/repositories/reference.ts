import type { Generated, Kysely } from 'kysely';
import type { Cluster, Counter, Facility, Practitioner, Service, Tariff, Unit } from '../../contract';
import type { UnitRow } from '../schema';
import { defined, fromBool, toBool, type Executor } from './executor';

type ReferenceTable = 'unit' | 'service' | 'counter' | 'practitioner' | 'facility' | 'tariff';

/** The reference tables seen loosely (an id and columns), so one upsert serves all five. */
type LooseTables = Kysely<Record<ReferenceTable, { id: Generated<number> } & Record<string, unknown>>>;

/** Insert when `id` is absent, otherwise update the given columns; returns the row id (0: no such row). */
async function upsert(db: Executor, table: ReferenceTable, id: number | undefined, values: Record<string, unknown>): Promise<number> {
  const loose = db as unknown as LooseTables;
  const clean = defined(values);
  if (id === undefined) {
    const inserted = await loose.insertInto(table).values(clean).returning('id').executeTakeFirstOrThrow();
    return inserted.id;
  }
  const result = await loose.updateTable(table).set(clean).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? id : 0;
}

const unitOf = (r: UnitRow): Unit => ({
  id: r.id,
  code: r.code,
  name: r.name,
  cluster: r.cluster as Cluster,
  closingTime: r.closing_time,
  active: toBool(r.active),
  sortOrder: r.sort_order,
});

export async function listUnits(db: Executor): Promise<Unit[]> {
  const rows = await db.selectFrom('unit').selectAll().orderBy('sort_order').orderBy('name').execute();
  return rows.map(unitOf);
}

export async function saveUnit(
  db: Executor,
  u: {
    id?: number | undefined;
    code: string;
    name: string;
    cluster: Cluster;
    closingTime?: string | null | undefined;
    active?: boolean | undefined;
    sortOrder?: number | undefined;
  },
): Promise<number> {
  return upsert(db, 'unit', u.id, {
    code: u.code,
    name: u.name,
    cluster: u.cluster,
    closing_time: u.closingTime,
    active: fromBool(u.active),
    sort_order: u.sortOrder,
  });
}

export async function listServices(db: Executor): Promise<Service[]> {
  const rows = await db.selectFrom('service').selectAll().orderBy('sort_order').orderBy('prefix').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    prefix: r.prefix,
    dailyCap: r.daily_cap,
    active: toBool(r.active),
    sortOrder: r.sort_order,
  }));
}

export async function saveService(
  db: Executor,
  s: {
    id?: number | undefined;
    code: string;
    name: string;
    prefix: string;
    dailyCap?: number | null | undefined;
    active?: boolean | undefined;
    sortOrder?: number | undefined;
  },
): Promise<number> {
  return upsert(db, 'service', s.id, {
    code: s.code,
    name: s.name,
    prefix: s.prefix,
    daily_cap: s.dailyCap,
    active: fromBool(s.active),
    sort_order: s.sortOrder,
  });
}

export async function listCounters(db: Executor): Promise<Counter[]> {
  const rows = await db.selectFrom('counter').selectAll().orderBy('number').execute();
  const links = await db.selectFrom('counter_service').selectAll().orderBy('service_id').execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    name: r.name,
    active: toBool(r.active),
    serviceIds: links.filter((l) => l.counter_id === r.id).map((l) => l.service_id),
  }));
}

export async function saveCounter(
  db: Executor,
  c: { id?: number | undefined; number: number; name: string; serviceIds: number[]; active?: boolean | undefined },
): Promise<number> {
  const id = await upsert(db, 'counter', c.id, { number: c.number, name: c.name, active: fromBool(c.active) });
  if (id === 0) return 0;
  await db.deleteFrom('counter_service').where('counter_id', '=', id).execute();
  if (c.serviceIds.length > 0) {
    await db
      .insertInto('counter_service')
      .values([...new Set(c.serviceIds)].map((service_id) => ({ counter_id: id, service_id })))
      .execute();
  }
  return id;
}

export async function listPractitioners(db: Executor): Promise<Practitioner[]> {
  const rows = await db.selectFrom('practitioner').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    profession: r.profession as Practitioner['profession'],
    nip: r.nip,
    sip: r.sip,
    str: r.str,
    unitId: r.unit_id,
    active: toBool(r.active),
  }));
}

export async function savePractitioner(
  db: Executor,
  p: {
    id?: number | undefined;
    name: string;
    profession: string;
    nip?: string | null | undefined;
    sip?: string | null | undefined;
    str?: string | null | undefined;
    unitId?: number | null | undefined;
    active?: boolean | undefined;
  },
): Promise<number> {
  return upsert(db, 'practitioner', p.id, {
    name: p.name,
    profession: p.profession,
    nip: p.nip,
    sip: p.sip,
    str: p.str,
    unit_id: p.unitId,
    active: fromBool(p.active),
  });
}

export async function listFacilities(db: Executor): Promise<Facility[]> {
  const rows = await db.selectFrom('facility').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind as Facility['kind'],
    address: r.address,
    phone: r.phone,
    active: toBool(r.active),
  }));
}

export async function saveFacility(
  db: Executor,
  f: {
    id?: number | undefined;
    code?: string | null | undefined;
    name: string;
    kind: string;
    address?: string | null | undefined;
    phone?: string | null | undefined;
    active?: boolean | undefined;
  },
): Promise<number> {
  return upsert(db, 'facility', f.id, { code: f.code, name: f.name, kind: f.kind, address: f.address, phone: f.phone, active: fromBool(f.active) });
}

export async function listTariffs(db: Executor): Promise<Tariff[]> {
  const rows = await db.selectFrom('tariff').selectAll().orderBy('sort_order').orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, amount: r.amount, active: toBool(r.active), sortOrder: r.sort_order }));
}

export async function saveTariff(
  db: Executor,
  t: { id?: number | undefined; code: string; name: string; amount: number; active?: boolean | undefined; sortOrder?: number | undefined },
): Promise<number> {
  return upsert(db, 'tariff', t.id, { code: t.code, name: t.name, amount: t.amount, active: fromBool(t.active), sort_order: t.sortOrder });
}
