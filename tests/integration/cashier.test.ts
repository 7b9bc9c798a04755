import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CashDay, DayRecap, Payment, PatientRecord, Tariff, UnpaidVisit, Unit, Visit } from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

/** WIB wall-clock time on the test day → ISO instant. */
const wib = (hhmm: string, day = '2026-11-23') => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.parse(`${day}T00:00:00Z`) + ((h - 7) * 60 + m) * 60_000);
};

describe('kasir: payments, voids, the day recap and closing a day', () => {
  let h: HttpHost;
  let clock = wib('07:00');
  const tokens: Record<'admin' | 'kasir1' | 'kasir2' | 'daftar', string> = { admin: '', kasir1: '', kasir2: '', daftar: '' };
  const visits: Visit[] = [];
  let gigi: Tariff;
  let karcis: Tariff;
  const snapshot = () =>
    JSON.stringify({
      payment: h.host.store.sqlite.prepare('SELECT * FROM payment ORDER BY id').all(),
      paid: h.host.store.sqlite.prepare('SELECT id, paid_at FROM visit ORDER BY id').all(),
      closed: h.host.store.sqlite.prepare('SELECT * FROM cash_day').all(),
    });

  async function ok<T>(who: keyof typeof tokens, method: string, input: unknown, at?: Date): Promise<T> {
    if (at) clock = at;
    const r = await h.call<T>(method, input, tokens[who]);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  async function refused(who: keyof typeof tokens, method: string, input: unknown, status: number, message: RegExp) {
    const r = await h.call(method, input, tokens[who]);
    expect(r.status, `${method} ${JSON.stringify(input)}`).toBe(status);
    if (r.body.ok) throw new Error('expected a refusal');
    expect(r.body.error.message).toMatch(message);
  }
  async function login(username: string, password: string) {
    const r = await h.call<{ token: string }>('auth.login', { username, password });
    if (!r.body.ok) throw new Error(r.body.error.message);
    return r.body.value.token;
  }

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    tokens.admin = await adminToken(h);
    for (const [username, fullName, role] of [
      ['kasir1', 'Kasir Satu', 'kasir'],
      ['kasir2', 'Kasir Dua', 'kasir'],
      ['daftar', 'Petugas Daftar', 'pendaftaran'],
    ] as const) {
      await ok('admin', 'users.create', { username, fullName, role, password: `${username}-rahasia` });
      tokens[username] = await login(username, `${username}-rahasia`);
    }
    karcis = (await ok<Tariff[]>('admin', 'tariffs.list', {}))[0]!;
    gigi = await ok<Tariff>('admin', 'tariffs.save', { code: 'GIGI', name: 'Pemeriksaan gigi', amount: 15_000 });
    const units = new Map((await ok<Unit[]>('admin', 'units.list', {})).map((u) => [u.code, u]));
    // Four pasien umum (three karcis, one gigi) and one with other insurance (no fee), registered by the clerk.
    const plan = [
      { payer: 'umum', unit: 'UMUM' },
      { payer: 'umum', unit: 'UMUM' },
      { payer: 'umum', unit: 'GIGI', tariffId: gigi.id },
      { payer: 'umum', unit: 'UMUM' },
      { payer: 'asuransi_lain', unit: 'UMUM', insuranceName: 'Asuransi Sehat' },
    ];
    for (const [i, p] of plan.entries()) {
      const { patient } = await ok<{ patient: PatientRecord }>('daftar', 'patients.create', {
        ignoreSimilar: true,
        name: `Pasien Kasir ${'ABCDE'[i]}`,
        birthDate: `198${i}-05-1${i}`,
        sex: i % 2 ? 'L' : 'P',
      });
      const { visit } = await ok<{ visit: Visit }>(
        'daftar',
        'visits.register',
        { patientId: patient.id, payer: p.payer, unitId: units.get(p.unit)!.id, tariffId: p.tariffId, insuranceName: p.insuranceName },
        wib(`07:3${i}`),
      );
      visits.push(visit);
    }
  });
  afterAll(async () => h.cleanup());

  it("lists today's unpaid umum visits with the tariff item and amount, in register order", async () => {
    const unpaid = await ok<UnpaidVisit[]>('kasir1', 'cashier.unpaid', {}, wib('07:40'));
    expect(unpaid.map((u) => [u.visitId, u.tariffName, u.amount])).toEqual([
      [visits[0]!.id, karcis.name, 10_000],
      [visits[1]!.id, karcis.name, 10_000],
      [visits[2]!.id, 'Pemeriksaan gigi', 15_000],
      [visits[3]!.id, karcis.name, 10_000],
    ]);
    expect(unpaid[0]).toMatchObject({ patientName: 'Pasien Kasir A', unitName: 'Poli Umum', date: '2026-11-23' });
  });

  it('lets the kasir take a payment but not the registration clerk', async () => {
    const before = snapshot();
    await refused('daftar', 'cashier.pay', { visitId: visits[0]!.id }, 403, /tidak berhak menginput data kasir/);
    await refused('daftar', 'visits.markPaid', { visitId: visits[0]!.id }, 403, /tidak berhak/);
    await refused('daftar', 'cashier.dayRecap', {}, 403, /tidak berhak melihat data kasir/);
    expect(snapshot()).toBe(before);

    const paid = await ok<{ visit: Visit; payment: Payment }>('kasir1', 'cashier.pay', { visitId: visits[0]!.id }, wib('07:45'));
    expect(paid.visit.paidAt).toBe(wib('07:45').toISOString());
    expect(paid.payment).toMatchObject({
      visitId: visits[0]!.id,
      date: '2026-11-23',
      amount: 10_000,
      tariffName: karcis.name,
      cashierName: 'Kasir Satu',
      voidedAt: null,
      copies: 0,
    });
    await ok('kasir1', 'cashier.pay', { visitId: visits[1]!.id }, wib('07:46'));
    // visits.markPaid is the same code: the payment records who took it.
    const marked = await ok<Visit>('kasir2', 'visits.markPaid', { visitId: visits[2]!.id }, wib('07:47'));
    expect(marked.paidAt).not.toBeNull();
    const payments = await ok<Payment[]>('kasir2', 'cashier.payments', {});
    expect(payments.map((p) => [p.visitId, p.cashierName, p.amount])).toEqual([
      [visits[0]!.id, 'Kasir Satu', 10_000],
      [visits[1]!.id, 'Kasir Satu', 10_000],
      [visits[2]!.id, 'Kasir Dua', 15_000],
    ]);
  });

  it('refuses a second payment of the same visit and a visit without a fee, changing nothing', async () => {
    const before = snapshot();
    await refused('kasir2', 'cashier.pay', { visitId: visits[0]!.id }, 409, /sudah dibayar \(pukul 07\.45\); tidak dibayar dua kali/);
    await refused('kasir2', 'visits.markPaid', { visitId: visits[0]!.id }, 409, /sudah dibayar/);
    await refused('kasir2', 'cashier.pay', { visitId: visits[4]!.id }, 409, /tidak dikenai biaya/);
    await refused('kasir2', 'cashier.pay', { visitId: 99_999 }, 404, /tidak ditemukan/);
    expect(snapshot()).toBe(before);
  });

  it('voids a payment only with a reason and the correction right; the visit is unpaid again', async () => {
    const [, second] = await ok<Payment[]>('kasir1', 'cashier.payments', {});
    const before = snapshot();
    await refused('kasir1', 'cashier.void', { paymentId: second!.id, reason: '' }, 400, /reason: Minimal 5 karakter|reason/);
    await refused('kasir1', 'cashier.void', { paymentId: second!.id }, 400, /reason/);
    await refused('daftar', 'cashier.void', { paymentId: second!.id, reason: 'Salah pasien' }, 403, /tidak berhak mengoreksi data kasir/);
    expect(snapshot()).toBe(before);

    const voided = await ok<Payment>('kasir1', 'cashier.void', { paymentId: second!.id, reason: 'Salah pilih pasien' }, wib('07:50'));
    expect(voided).toMatchObject({ voidedByName: 'Kasir Satu', voidReason: 'Salah pilih pasien', voidedAt: wib('07:50').toISOString() });
    expect((await ok<Visit>('kasir1', 'visits.get', { id: visits[1]!.id })).paidAt).toBeNull();
    expect((await ok<UnpaidVisit[]>('kasir1', 'cashier.unpaid', {})).map((u) => u.visitId)).toEqual([visits[1]!.id, visits[3]!.id]);
    await refused('kasir1', 'cashier.void', { paymentId: second!.id, reason: 'Sekali lagi' }, 409, /sudah dibatalkan oleh Kasir Satu/);
    // Paid again, now by the other cashier.
    await ok('kasir2', 'cashier.pay', { visitId: visits[1]!.id }, wib('07:55'));
  });

  it('counts every SALINAN kwitansi and shows the cashier on it', async () => {
    const original = await ok<{ html: string }>('kasir1', 'documents.receipt', { visitId: visits[0]!.id });
    expect(original.html).toContain('Kasir Satu');
    expect(original.html).not.toContain('SALINAN');
    for (let i = 0; i < 2; i++) {
      const copy = await ok<{ html: string }>('kasir1', 'documents.receipt', { visitId: visits[0]!.id, copy: true });
      expect(copy.html).toContain('SALINAN');
    }
    const [first] = await ok<Payment[]>('kasir1', 'cashier.payments', {});
    expect(first!.copies).toBe(2);
  });

  it('recaps the day by tariff item and by cashier (hand-computed), with the void listed', async () => {
    const recap = await ok<DayRecap>('kasir1', 'cashier.dayRecap', {}, wib('12:00'));
    // Live payments: A karcis 10.000 (Kasir Satu), C gigi 15.000 (Kasir Dua), B karcis 10.000 (Kasir Dua).
    expect(recap.byTariff.map((l) => [l.label, l.count, l.amount])).toEqual([
      [karcis.name, 2, 20_000],
      ['Pemeriksaan gigi', 1, 15_000],
    ]);
    expect(recap.byCashier.map((l) => [l.label, l.count, l.amount])).toEqual([
      ['Kasir Dua', 2, 25_000],
      ['Kasir Satu', 1, 10_000],
    ]);
    expect(recap.total).toEqual({ count: 3, amount: 35_000 });
    expect(recap.voids.map((v) => [v.visitId, v.amount, v.voidReason, v.cashierName])).toEqual([
      [visits[1]!.id, 10_000, 'Salah pilih pasien', 'Kasir Satu'],
    ]);
    expect(recap.unpaid).toEqual({ count: 1, amount: 10_000 });
    expect(recap.copies).toBe(2);
    expect(recap.closed).toBeNull();
  });

  it('closes the day once; afterwards its payments are read-only', async () => {
    const closed = await ok<DayRecap>('kasir1', 'cashier.closeDay', {}, wib('14:00'));
    expect(closed.closed).toEqual({
      closedAt: wib('14:00').toISOString(),
      closedById: expect.any(Number) as number,
      closedByName: 'Kasir Satu',
      payments: 3,
      amount: 35_000,
      voids: 1,
    });
    const before = snapshot();
    await refused('kasir2', 'cashier.closeDay', {}, 409, /^Hari kas 23 November 2026 sudah ditutup oleh Kasir Satu pukul 14\.00\.$/);
    await refused(
      'kasir2',
      'cashier.pay',
      { visitId: visits[3]!.id },
      409,
      /sudah ditutup oleh Kasir Satu pukul 14\.00: pembayaran untuk hari itu tidak dapat dilakukan lagi/,
    );
    await refused('kasir2', 'visits.markPaid', { visitId: visits[3]!.id }, 409, /sudah ditutup/);
    const [first] = await ok<Payment[]>('kasir1', 'cashier.payments', {});
    await refused('kasir1', 'cashier.void', { paymentId: first!.id, reason: 'Setelah tutup' }, 409, /sudah ditutup.*pembatalan pembayaran/);
    expect(snapshot()).toBe(before);

    const days = await ok<CashDay[]>('kasir1', 'cashier.days', {});
    expect(days).toEqual([{ date: '2026-11-23', payments: 3, amount: 35_000, closed: closed.closed }]);
  });

  it('the next day starts empty; a day that has not come cannot be closed; yesterday stays closed', async () => {
    clock = wib('07:00', '2026-11-24');
    tokens.kasir1 = await login('kasir1', 'kasir1-rahasia');
    expect(await ok<UnpaidVisit[]>('kasir1', 'cashier.unpaid', {})).toEqual([]);
    expect((await ok<UnpaidVisit[]>('kasir1', 'cashier.unpaid', { date: '2026-11-23' })).map((u) => u.visitId)).toEqual([visits[3]!.id]);
    await refused('kasir1', 'cashier.closeDay', { date: '2026-11-25' }, 400, /belum tiba/);
    await refused('kasir1', 'cashier.pay', { visitId: visits[3]!.id }, 409, /sudah ditutup/);
    const today = await ok<DayRecap>('kasir1', 'cashier.dayRecap', {});
    expect(today).toMatchObject({ date: '2026-11-24', total: { count: 0, amount: 0 }, closed: null });
  });
});
