import { describe, expect, it } from 'vitest';
import { LoketError, ticketStatuses, type TicketStatus } from '../../src-main/contract';
import {
  callOrder,
  canTransition,
  durationStats,
  estimateWaitMinutes,
  laneKey,
  median,
  percentile,
  placeLabel,
  secondsBetween,
  ticketCode,
  transition,
  unitClosedReason,
  unitTicketLetters,
  type QueueAction,
  type Waiting,
} from '../../src-main/domain/antrean';
import { defaultSharedSettings } from '../../src-main/domain/defaults';
import { announcementText, parseTicketCode } from '../../src-main/domain/pengumuman';
import { localClock, localDate } from '../../src-main/domain/waktu';

describe('ticket codes', () => {
  it('zero-pads to the width and never cuts a wider number', () => {
    expect(ticketCode('A', 12, 3)).toBe('A012');
    expect(ticketCode('B', 7, 2)).toBe('B07');
    expect(ticketCode('C', 1, 5)).toBe('C00001');
    expect(ticketCode('A', 1234, 3)).toBe('A1234');
    expect(parseTicketCode(ticketCode('KIA', 7, 3))).toEqual({ letters: 'KIA', number: 7 });
  });

  it('gives poli queues their chosen letters, else the first three letters of the unit code', () => {
    const chosen = defaultSharedSettings.queue.unitPrefixes;
    expect(unitTicketLetters('GIGI', chosen)).toBe('G');
    expect(unitTicketLetters('gigi', chosen)).toBe('G');
    expect(unitTicketLetters('FISIOTERAPI', chosen)).toBe('FIS');
    expect(unitTicketLetters('P-2', chosen)).toBe('P');
    expect(unitTicketLetters('123', chosen)).toBe('P');
    // The default letters of the default units are distinct and apart from the loket prefixes A–C.
    const letters = Object.values(chosen);
    expect(new Set(letters).size).toBe(letters.length);
    expect(letters.filter((l) => ['A', 'B', 'C'].includes(l))).toEqual([]);
  });

  it('names lanes and places as stored and as spoken', () => {
    expect(laneKey({ serviceId: 3 })).toBe('S3');
    expect(laneKey({ unitId: 12 })).toBe('U12');
    expect(placeLabel({ kind: 'loket', number: 2 })).toBe('Loket 2');
    expect(placeLabel({ kind: 'unit', code: 'GIGI', name: 'Poli Gigi dan Mulut' })).toBe('Poli Gigi dan Mulut');
    expect(announcementText('A012', { kind: 'loket', number: 1 })).toBe('Nomor antrean A dua belas, silakan menuju loket satu');
  });
});

describe('ticket state machine', () => {
  const allowed: Record<QueueAction, TicketStatus[]> = {
    call: ['menunggu'],
    recall: ['dipanggil', 'dilewati', 'ditahan'],
    skip: ['dipanggil'],
    hold: ['dipanggil'],
    finish: ['dipanggil'],
    transfer: ['menunggu', 'dipanggil', 'dilewati', 'ditahan'],
  };
  const leadsTo: Record<QueueAction, TicketStatus> = {
    call: 'dipanggil',
    recall: 'dipanggil',
    skip: 'dilewati',
    hold: 'ditahan',
    finish: 'selesai',
    transfer: 'dialihkan',
  };

  it('allows exactly the documented transitions', () => {
    for (const action of Object.keys(allowed) as QueueAction[]) {
      for (const status of ticketStatuses) {
        const ok = allowed[action].includes(status);
        expect(canTransition(action, status), `${action} dari ${status}`).toBe(ok);
        if (ok) expect(transition(action, status, 'A001').status).toBe(leadsTo[action]);
        else expect(() => transition(action, status, 'A001'), `${action} dari ${status}`).toThrow(LoketError);
      }
    }
  });

  it('explains refusals in Indonesian', () => {
    const message = (action: QueueAction, status: TicketStatus) => {
      try {
        transition(action, status, 'A012');
      } catch (e) {
        return (e as LoketError).message;
      }
      throw new Error('tidak ditolak');
    };
    expect(message('finish', 'selesai')).toBe('Tiket A012 sudah selesai dilayani; tidak bisa diselesaikan lagi.');
    expect(message('finish', 'menunggu')).toBe('Tiket A012 belum dipanggil; tidak bisa diselesaikan.');
    expect(message('skip', 'dialihkan')).toBe('Tiket A012 sudah dialihkan ke antrean lain; tidak bisa dilewati.');
    expect(message('hold', 'dilewati')).toBe('Tiket A012 berstatus dilewati (tidak hadir); tidak bisa ditahan. Panggil ulang dulu.');
    expect(message('recall', 'menunggu')).toBe('Tiket A012 belum dipanggil; tidak bisa dipanggil ulang.');
  });
});

describe('priority policy', () => {
  // R = regular, P = priority; arrival one minute apart in the order written.
  const line = (kinds: string): Waiting[] =>
    [...kinds].map((k, i) => ({ id: i + 1, priority: k === 'P' ? 'lansia' : null, issuedAt: `2026-11-23T01:${String(i).padStart(2, '0')}:00.000Z` }));
  const ids = (order: Waiting[]) => order.map((t) => t.id);

  it('dahulukan: every waiting priority ticket first, each group in arrival order', () => {
    expect(ids(callOrder(line('RRPRP'), 'dahulukan', 3))).toEqual([3, 5, 1, 2, 4]);
  });

  it('urut: arrival order, priority marks do not jump', () => {
    expect(ids(callOrder(line('RRPRP'), 'urut', 3))).toEqual([1, 2, 3, 4, 5]);
  });

  it('selang: one priority call in every N calls while both kinds wait', () => {
    // N = 3: P, R, R, P, R, R … ; no earlier call counts as "a priority is due".
    expect(ids(callOrder(line('RRRRPPP'), 'selang', 3))).toEqual([5, 1, 2, 6, 3, 4, 7]);
    // The place's last calls were priority then one regular: one more regular before the next priority.
    expect(ids(callOrder(line('RRRP'), 'selang', 3, [false, true]))).toEqual([1, 4, 2, 3]);
    // Only priority tickets left: they are called.
    expect(ids(callOrder(line('PP'), 'selang', 3, [true]))).toEqual([1, 2]);
  });

  it('orders equal times by id, whatever the input order', () => {
    const same = [3, 1, 2].map((id) => ({ id, priority: null, issuedAt: '2026-11-23T01:00:00.000Z' }));
    expect(ids(callOrder(same, 'urut', 3))).toEqual([1, 2, 3]);
  });
});

describe('wait estimate and statistics', () => {
  it('uses the default until three tickets are finished today, then today’s median, shared by the places', () => {
    expect(estimateWaitMinutes(0, [], 5, 2)).toBe(0);
    expect(estimateWaitMinutes(3, [], 5, 2)).toBe(8); // 3 × 5 / 2 = 7.5 → 8
    expect(estimateWaitMinutes(3, [60, 600], 5, 1)).toBe(15); // two samples: still the default
    expect(estimateWaitMinutes(3, [60, 120, 600], 5, 1)).toBe(6); // median 2 minutes
    expect(estimateWaitMinutes(2, [60, 120, 600], 5, 0)).toBe(4); // no open place: counted as one
  });

  it('median and nearest-rank P90', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([], 90)).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(percentile([7], 90)).toBe(7);
    expect(durationStats([60, 180, 120, 90])).toEqual({ count: 4, median: 105, p90: 180 });
    expect(durationStats([])).toEqual({ count: 0, median: null, p90: null });
    expect(secondsBetween('2026-11-23T01:00:00.000Z', '2026-11-23T01:02:30.400Z')).toBe(150);
    expect(secondsBetween('2026-11-23T01:00:10.000Z', '2026-11-23T01:00:00.000Z')).toBe(0);
  });
});

describe('day rollover and closing time in WIB, WITA and WIT', () => {
  // Numbers restart at local midnight: the ticket's service date is localDate(now, zone).
  const cases: [string, string, string, string][] = [
    // zone, last instant of the local day (UTC), its local date, the next local date
    ['Asia/Jakarta', '2026-11-23T16:59:59.999Z', '2026-11-23', '2026-11-24'],
    ['Asia/Makassar', '2026-11-23T15:59:59.999Z', '2026-11-23', '2026-11-24'],
    ['Asia/Jayapura', '2026-11-23T14:59:59.999Z', '2026-11-23', '2026-11-24'],
  ];
  it.each(cases)('%s: the day ends at local midnight, not at UTC midnight', (zone, lastInstant, day, next) => {
    const last = new Date(lastInstant);
    expect(localDate(last, zone)).toBe(day);
    expect(localDate(new Date(last.getTime() + 1), zone)).toBe(next);
    expect(localClock(last, zone)).toBe('23:59');
    expect(localClock(new Date(last.getTime() + 1), zone)).toBe('00:00');
  });

  it('one instant is a different service day in the three zones', () => {
    const instant = new Date('2026-11-23T16:30:00.000Z'); // 23:30 WIB, 00:30 WITA and 01:30 WIT the next day
    expect(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'].map((z) => localDate(instant, z))).toEqual(['2026-11-23', '2026-11-24', '2026-11-24']);
  });

  it('a unit is closed from its closing time in the local zone, or when inactive', () => {
    const unit = { name: 'Poli Gigi', active: true, closingTime: '14:00' };
    const at = (utc: string) => new Date(`2026-11-23T${utc}:00.000Z`);
    expect(unitClosedReason(unit, at('06:59'), 'Asia/Jakarta')).toBeNull(); // 13:59 WIB
    expect(unitClosedReason(unit, at('07:00'), 'Asia/Jakarta')).toBe('Poli Gigi sudah tutup (layanan sampai pukul 14:00).');
    expect(unitClosedReason(unit, at('05:30'), 'Asia/Jayapura')).toBe('Poli Gigi sudah tutup (layanan sampai pukul 14:00).'); // 14:30 WIT
    expect(unitClosedReason(unit, at('05:30'), 'Asia/Makassar')).toBeNull(); // 13:30 WITA
    expect(unitClosedReason({ ...unit, active: false }, at('01:00'), 'Asia/Jakarta')).toBe('Poli Gigi sedang tidak aktif.');
    expect(unitClosedReason({ ...unit, closingTime: null }, at('15:00'), 'Asia/Jakarta')).toBeNull();
  });
});
