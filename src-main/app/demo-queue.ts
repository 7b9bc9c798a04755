import type { PriorityClass, SharedSettings } from '../contract';
import type { Executor } from '../db/repositories/executor';
import { insertQueueEvent, insertTicket, markCalled, setTicketStatus, visitsOfDay } from '../db/repositories/queue';
import { listCounters, listServices, listUnits } from '../db/repositories/reference';
import { nextNumber } from '../db/repositories/sequences';
import { laneKey, ticketCode, unitTicketLetters } from '../domain/antrean';
import { announcementText } from '../domain/pengumuman';

const MINUTE = 60_000;

/** A spread in [min, max] that depends only on `i` (Knuth's multiplicative hash): the same queue at every run. */
function spread(i: number, min: number, max: number): number {
  return min + ((Math.imul(i + 1, 2654435761) >>> 0) % (max - min + 1));
}

interface Planned {
  lane: { serviceId: number } | { unitId: number };
  letters: string;
  visitId: number | null;
  visitSeq: number | null;
  priority: PriorityClass | null;
  issuedAt: number;
  calledAt: number | null;
  finishedAt: number | null;
  counterId: number | null;
  place: { kind: 'loket'; number: number } | { kind: 'unit'; code: string; name: string };
}

/**
 * This morning's queue for `--demo`: every visit already registered today came through a loket
 * ticket (called a minute before its registration, finished with it) and joined its poli's queue,
 * which each poli has been calling one patient at a time; a few loket tickets are still waiting.
 * Times never pass `now`, so the board shows a live queue.
 */
export async function seedDemoQueue(trx: Executor, o: { date: string; now: Date; settings: SharedSettings }): Promise<number> {
  const now = o.now.getTime();
  const services = new Map((await listServices(trx)).filter((s) => s.active).map((s) => [s.code, s]));
  const counters = (await listCounters(trx)).filter((c) => c.active && c.serviceIds.length > 0);
  const units = new Map((await listUnits(trx)).map((u) => [u.id, u]));
  const fallback = services.get('UMUM') ?? [...services.values()][0];
  if (!fallback || counters.length === 0) return 0;
  const serviceFor = (v: { cluster: string; lifeStage: string | null }) =>
    (v.lifeStage === 'lansia' ? services.get('PRIORITAS') : v.cluster === 'klaster2' ? services.get('KIA') : undefined) ?? fallback;

  const planned: Planned[] = [];
  const counterFree = new Map<number, number>();
  const unitFree = new Map<number, number>();
  for (const v of await visitsOfDay(trx, o.date)) {
    const registered = Date.parse(v.registeredAt);
    const service = serviceFor(v);
    const serving = counters.filter((c) => c.serviceIds.includes(service.id));
    // The loket that became free first takes the ticket.
    const counter = serving.sort((a, b) => (counterFree.get(a.id) ?? 0) - (counterFree.get(b.id) ?? 0))[0] ?? counters[0]!;
    counterFree.set(counter.id, registered);
    planned.push({
      lane: { serviceId: service.id },
      letters: service.prefix,
      visitId: v.id,
      visitSeq: null,
      priority: v.lifeStage === 'lansia' ? 'lansia' : null,
      issuedAt: registered - spread(v.id, 3, 15) * MINUTE,
      calledAt: registered - MINUTE,
      finishedAt: registered,
      counterId: counter.id,
      place: { kind: 'loket', number: counter.number },
    });
    const unit = units.get(v.unitId);
    if (v.emergency || !unit) continue;
    // Each poli calls one patient at a time, 5–12 minutes each, from 10 minutes after registration.
    const called = Math.max(registered + 10 * MINUTE, unitFree.get(unit.id) ?? 0);
    const finished = called + spread(v.id * 7, 5, 12) * MINUTE;
    unitFree.set(unit.id, finished);
    planned.push({
      lane: { unitId: unit.id },
      letters: unitTicketLetters(unit.code, o.settings.queue.unitPrefixes),
      visitId: v.id,
      visitSeq: v.seq,
      priority: null,
      issuedAt: registered,
      calledAt: called <= now ? called : null,
      finishedAt: finished <= now ? finished : null,
      counterId: null,
      place: { kind: 'unit', code: unit.code, name: unit.name },
    });
  }
  // Still waiting at the lokets.
  for (let i = 0; i < 6; i++) {
    const service = i % 3 === 2 ? (services.get('KIA') ?? fallback) : fallback;
    planned.push({
      lane: { serviceId: service.id },
      letters: service.prefix,
      visitId: null,
      visitSeq: null,
      priority: i === 4 ? 'disabilitas' : null,
      issuedAt: now - (12 - 2 * i) * MINUTE,
      calledAt: null,
      finishedAt: null,
      counterId: null,
      place: { kind: 'loket', number: 0 },
    });
  }

  // Numbers in the order the tickets were taken; the log in the order things happened (the board reads it newest first).
  planned.sort((a, b) => a.issuedAt - b.issuedAt);
  const { ticketWidth, poliNumbering } = o.settings.queue;
  const iso = (ms: number) => new Date(ms).toISOString();
  const log: Parameters<typeof insertQueueEvent>[1][] = [];
  for (const p of planned) {
    const number = await nextNumber(trx, `antrean:${laneKey(p.lane)}`, o.date);
    const shown = poliNumbering === 'register' && p.visitSeq !== null ? p.visitSeq : number;
    const code = ticketCode(p.letters, shown, ticketWidth);
    const id = await insertTicket(trx, {
      date: o.date,
      lane: laneKey(p.lane),
      serviceId: 'serviceId' in p.lane ? p.lane.serviceId : null,
      unitId: 'unitId' in p.lane ? p.lane.unitId : null,
      number,
      code,
      priority: p.priority,
      issuedAt: iso(p.issuedAt),
      visitId: p.visitId,
      transferredFrom: null,
    });
    const place = { counterId: p.counterId, unitId: 'unitId' in p.lane ? p.lane.unitId : null };
    log.push({ ticketId: id, kind: 'issued', at: iso(p.issuedAt), counterId: null, unitId: null, announcement: null, userId: null });
    if (p.calledAt === null) continue;
    await markCalled(trx, id, ['menunggu'], p.counterId, iso(p.calledAt));
    log.push({ ticketId: id, kind: 'called', at: iso(p.calledAt), ...place, announcement: announcementText(code, p.place), userId: null });
    if (p.finishedAt === null) continue;
    await setTicketStatus(trx, id, ['dipanggil'], 'selesai', { finishedAt: iso(p.finishedAt) });
    log.push({ ticketId: id, kind: 'finished', at: iso(p.finishedAt), ...place, announcement: null, userId: null });
  }
  log.sort((a, b) => a.at.localeCompare(b.at) || a.ticketId - b.ticketId);
  for (const e of log) await insertQueueEvent(trx, e);
  return planned.length;
}
