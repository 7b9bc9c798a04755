import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Counter, Facility, Practitioner, Service, SharedSettings, Unit } from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

describe('reference data and settings', () => {
  let h: HttpHost;
  let admin: string;
  async function ok<T>(method: string, input: unknown, token: string | null = admin): Promise<T> {
    const r = await h.call<T>(method, input, token);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }

  beforeAll(async () => {
    h = await httpHost();
    admin = await adminToken(h);
  });
  afterAll(async () => h.cleanup());

  it('starts with the units, services and counters of the SOPs, public to the display and kiosk', async () => {
    const units = await ok<Unit[]>('units.list', {}, null);
    expect(units.map((u) => u.code)).toEqual(expect.arrayContaining(['UMUM', 'GIGI', 'KIA', 'MTBS', 'IMUN', 'UGD', 'LAB']));
    expect(units.find((u) => u.code === 'KIA')?.cluster).toBe('klaster2');
    const services = await ok<Service[]>('services.list', {}, null);
    expect(services.map((s) => s.prefix)).toEqual(['A', 'B', 'C']);
    const counters = await ok<Counter[]>('counters.list', {}, null);
    expect(counters.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(counters[2]?.serviceIds).toEqual([services.find((s) => s.prefix === 'C')!.id]);
    // Staff data is not public.
    expect((await h.call('practitioners.list', {}, null)).status).toBe(401);
  });

  it('adds and edits each kind, normalising codes, and reports a missing id', async () => {
    const unit = await ok<Unit>('units.save', { code: 'tindakan', name: 'Ruang Tindakan', cluster: 'lintas', closingTime: '14:00' });
    expect(unit.code).toBe('TINDAKAN');
    const edited = await ok<Unit>('units.save', {
      id: unit.id,
      code: 'TINDAKAN',
      name: 'Ruang Tindakan dan Gawat',
      cluster: 'lintas',
      active: false,
    });
    expect(edited).toMatchObject({ name: 'Ruang Tindakan dan Gawat', active: false, closingTime: '14:00' });
    const missing = await h.call('units.save', { id: 99999, code: 'X', name: 'X', cluster: 'lintas' }, admin);
    expect(missing.status).toBe(404);

    const badTime = await h.call('units.save', { code: 'Y', name: 'Y', cluster: 'lintas', closingTime: '25:00' }, admin);
    expect(badTime.body).toMatchObject({ error: { fields: [{ path: 'closingTime' }] } });

    const service = await ok<Service>('services.save', { code: 'LAB', name: 'Laboratorium', prefix: 'd', dailyCap: 40 });
    expect(service).toMatchObject({ prefix: 'D', dailyCap: 40 });
    const dupPrefix = await h.call('services.save', { code: 'LAB2', name: 'Lab 2', prefix: 'D' }, admin);
    expect(dupPrefix).toMatchObject({ status: 409, body: { error: { fields: [{ path: 'prefix' }] } } });

    const counter = await ok<Counter>('counters.save', { number: 4, name: 'Loket 4', serviceIds: [service.id, service.id] });
    expect(counter.serviceIds).toEqual([service.id]);
    const badService = await h.call('counters.save', { number: 5, name: 'Loket 5', serviceIds: [4242] }, admin);
    expect(badService.status).toBe(400);
    expect((await ok<Counter[]>('counters.list', {})).map((c) => c.number)).not.toContain(5);

    const doctor = await ok<Practitioner>('practitioners.save', {
      name: 'dr. Rina Kartika',
      profession: 'dokter',
      nip: '198507122010012003',
      sip: '503/SIP/123/2024',
    });
    expect(doctor).toMatchObject({ nip: '198507122010012003', active: true });
    const badNip = await h.call('practitioners.save', { name: 'dr. X', profession: 'dokter', nip: '1985' }, admin);
    expect(badNip.body).toMatchObject({ error: { fields: [{ path: 'nip', message: 'NIP terdiri dari 18 angka' }] } });

    const rs = await ok<Facility>('facilities.save', {
      code: '0120R001',
      name: 'RSUD Cibinong',
      kind: 'rs',
      address: 'Jl. KSR Dadi Kusmayadi',
      phone: '021-8753487',
    });
    expect(rs.code).toBe('0120R001');
    expect((await ok<Facility[]>('facilities.list', {})).map((f) => f.name)).toContain('RSUD Cibinong');
  });

  it('updates shared settings partially and publishes only public ones', async () => {
    const next = await ok<SharedSettings>('settings.update', {
      puskesmas: { name: 'UPT Puskesmas Sukamaju', headNip: '196801011990031001' },
      timeZone: 'Asia/Makassar',
    });
    expect(next.puskesmas).toMatchObject({ name: 'UPT Puskesmas Sukamaju', headNip: '196801011990031001', address: '' });
    const again = await ok<SharedSettings>('settings.update', { puskesmas: { address: 'Jl. Raya Sukamaju 1' } });
    expect(again.puskesmas).toMatchObject({ name: 'UPT Puskesmas Sukamaju', address: 'Jl. Raya Sukamaju 1' });
    const pub = await ok<Record<string, unknown>>('settings.public', {}, null);
    expect(pub).toEqual({
      puskesmasName: 'UPT Puskesmas Sukamaju',
      address: 'Jl. Raya Sukamaju 1',
      timeZone: 'Asia/Makassar',
      runningText: expect.any(String) as string,
      idleLockMinutes: 10,
    });
    const badZone = await h.call('settings.update', { timeZone: 'Europe/Paris' }, admin);
    expect(badZone.status).toBe(400);
    const emoji = await ok<SharedSettings>('settings.update', { runningText: 'Selamat datang 🙏 — antrean dibuka 07.30' });
    expect(emoji.runningText).toContain('🙏');
    const control = await h.call('settings.update', { runningText: 'teks\u0007bel' }, admin);
    expect(control.status).toBe(400);
  });

  it('edits this workstation, loopback by default', async () => {
    const ws = await ok<{ lan: { bindAddress: string; port: number }; counterNumber: number }>('workstation.get', {});
    expect(ws.lan).toEqual({ bindAddress: '127.0.0.1', port: 5180 });
    const next = await ok<{ lan: { bindAddress: string; port: number }; counterNumber: number; printers: object }>('workstation.update', {
      counterNumber: 2,
      printers: { ticket: 'windows://EPSON TM-T82' },
    });
    expect(next).toMatchObject({ counterNumber: 2, printers: { ticket: 'windows://EPSON TM-T82', letter: null }, lan: { port: 5180 } });
    const bad = await h.call('workstation.update', { lan: { port: 80 } }, admin);
    expect(bad.status).toBe(400);
  });
});
