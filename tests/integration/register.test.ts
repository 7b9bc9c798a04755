import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  PatientRecord,
  Register,
  Unit,
  Visit,
} from "../../src-main/contract";
import { adminToken, httpHost, type HttpHost } from "../helpers/host";

/**
 * Fixtures registered through the API with the clock moved (WIB, UTC+7):
 * 2025-12-31 Hendra's first visit; 2026-01-02 five visits (four infants born around the age
 * boundaries, Hendra's first of the new year); 2026-01-05 Hendra again.
 */
describe("register harian", () => {
  let h: HttpHost;
  let admin: string;
  let units: Map<string, Unit>;
  let clock = new Date("2025-12-31T01:00:00.000Z");
  // Days pass between the fixtures: a new session after each jump (sessions expire when idle).
  const at = async (iso: string) => {
    clock = new Date(iso);
    if (admin)
      admin = (
        await ok<{ token: string }>(
          "auth.login",
          { username: "admin", password: "rahasia-admin-1" },
          "",
        )
      ).token;
  };
  async function ok<T>(
    method: string,
    input: unknown,
    token = admin,
  ): Promise<T> {
    const r = await h.call<T>(method, input, token);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  const newPatient = async (input: Record<string, unknown>) =>
    (
      await ok<{ patient: PatientRecord }>("patients.create", {
        ignoreSimilar: true,
        ...input,
      })
    ).patient;
  const register = async (
    patientId: number,
    payer: string,
    unit: string,
    extra: Record<string, unknown> = {},
  ) =>
    (
      await ok<{ visit: Visit }>("visits.register", {
        patientId,
        payer,
        unitId: units.get(unit)!.id,
        ...(payer === "bpjs" ? { bpjsFaskesConfirmed: true } : {}),
        ...extra,
      })
    ).visit;
  const daily = (input: Record<string, unknown>) =>
    ok<Register>("register.daily", input);

  let hendra: PatientRecord;
  const visits: Record<string, Visit> = {};

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    await ok("settings.update", {
      puskesmas: { name: "UPT Puskesmas Sukamaju" },
    });
    h.host.store.sqlite
      .exec(`INSERT INTO region (code, parent_code, level, name) VALUES
      ('32', NULL, 1, 'Jawa Barat'), ('32.01', '32', 2, 'Kabupaten Bogor'), ('32.01.01', '32.01', 3, 'Cibinong'), ('32.01.01.1001', '32.01.01', 4, 'Pakansari')`);
    units = new Map(
      (await ok<Unit[]>("units.list", {})).map((u) => [u.code, u]),
    );

    await at("2025-12-31T01:00:00.000Z"); // 08:00 WIB
    hendra = await newPatient({
      name: "Hendra Gunawan",
      birthDate: "1980-06-15",
      sex: "L",
      bpjsNumber: "0001112223334",
      villageCode: "32.01.01.1001",
    });
    visits.h1 = await register(hendra.id, "bpjs", "UMUM");

    await at("2026-01-02T00:30:00.000Z"); // 07:30 WIB
    const infant = (name: string, birthDate: string, sex: string) =>
      newPatient({ name, birthDate, sex, motherName: "Ibu Fixture" });
    const d29 = await infant("Bayi Dua Sembilan", "2025-12-04", "P"); // 29 days on 2026-01-02
    const m1 = await infant("Bayi Satu Bulan", "2025-12-02", "L"); // exactly 1 month
    const m11 = await infant("Bayi Sebelas Bulan", "2025-01-03", "P"); // 11 months, 30 days
    const y1 = await infant("Anak Satu Tahun", "2025-01-02", "L"); // exactly 1 year
    visits.h2 = await register(hendra.id, "bpjs", "UMUM");
    visits.d29 = await register(d29.id, "umum", "KIA");
    visits.m1 = await register(m1.id, "umum", "KIA");
    visits.m11 = await register(m11.id, "asuransi_lain", "MTBS", {
      insuranceName: "Mandiri Inhealth",
    });
    await at("2026-01-02T02:05:00.000Z"); // 09:05 WIB
    visits.y1 = await register(y1.id, "umum", "GIGI", { emergency: false });
    await ok("visits.markPaid", { visitId: visits.m1.id });

    await at("2026-01-05T03:00:00.000Z");
    visits.h3 = await register(hendra.id, "bpjs", "UMUM");
    await at("2026-01-05T03:30:00.000Z");
  });
  afterAll(async () => h.cleanup());

  it("writes one line per visit with ages at the boundaries, payer, baru/lama and the fee", async () => {
    const reg = await daily({ date: "2026-01-02" });
    expect(reg).toMatchObject({
      date: "2026-01-02",
      dateTo: "2026-01-02",
      unitId: null,
      cluster: null,
      payer: null,
    });
    expect(reg.description).toBe(
      "2 Januari 2026 · semua unit · semua klaster · semua penjamin",
    );
    expect(
      reg.rows.map((r) => [r.seq, r.patientName, r.ageText, r.age]),
    ).toEqual([
      [1, "Hendra Gunawan", "45 th", { value: 45, unit: "th" }],
      [2, "Bayi Dua Sembilan", "29 hr", { value: 29, unit: "hr" }],
      [3, "Bayi Satu Bulan", "1 bln", { value: 1, unit: "bln" }],
      [4, "Bayi Sebelas Bulan", "11 bln", { value: 11, unit: "bln" }],
      [5, "Anak Satu Tahun", "1 th", { value: 1, unit: "th" }],
    ]);
    const [h2, d29, m1, m11, y1] = reg.rows as [
      Register["rows"][0],
      ...Register["rows"],
    ];
    // Hendra came on 31 December: his first visit of 2026 is kunjungan baru, though he is pasien lama.
    expect(h2).toMatchObject({
      visitDate: "2026-01-02",
      registeredAt: "2026-01-02T00:30:00.000Z",
      rmNumber: hendra.rmNumber,
      sex: "L",
      village: "Pakansari",
      payer: "bpjs",
      bpjsNumber: "0001112223334",
      unitName: "Poli Umum",
      cluster: "klaster3",
      kunjunganBaru: true,
      pasienBaru: false,
      referredOut: false,
      fee: 0,
      paid: false,
    });
    expect(d29).toMatchObject({
      kunjunganBaru: true,
      pasienBaru: true,
      payer: "umum",
      fee: 10_000,
      paid: false,
      paidAt: null,
      cluster: "klaster2",
    });
    expect(m1).toMatchObject({
      fee: 10_000,
      paid: true,
      paidAt: "2026-01-02T02:05:00.000Z",
    });
    expect(m11).toMatchObject({
      payer: "asuransi_lain",
      insuranceName: "Mandiri Inhealth",
      unitName: "MTBS",
      fee: 0,
      village: null,
    });
    expect(y1).toMatchObject({
      unitName: "Poli Gigi dan Mulut",
      registeredAt: "2026-01-02T02:05:00.000Z",
      sex: "L",
    });

    expect(reg.totals).toEqual({
      visits: 5,
      male: 3,
      female: 2,
      kunjunganBaru: 5,
      kunjunganLama: 0,
      pasienBaru: 4,
      pasienLama: 1,
      referredOut: 0,
      byPayer: [
        { key: "bpjs", label: "BPJS", count: 1 },
        { key: "umum", label: "Umum", count: 3 },
        { key: "asuransi_lain", label: "Asuransi lain", count: 1 },
      ],
      byUnit: [
        { key: String(units.get("UMUM")!.id), label: "Poli Umum", count: 1 },
        {
          key: String(units.get("GIGI")!.id),
          label: "Poli Gigi dan Mulut",
          count: 1,
        },
        { key: String(units.get("KIA")!.id), label: "Poli KIA / KB", count: 2 },
        { key: String(units.get("MTBS")!.id), label: "MTBS", count: 1 },
      ],
      feeBilled: 30_000,
      feePaid: 10_000,
    });
  });

  it("counts kunjungan baru per calendar year: the last day of the old year and a later visit in the new one", async () => {
    expect((await daily({ date: "2025-12-31" })).rows).toMatchObject([
      { seq: 1, kunjunganBaru: true, pasienBaru: true, ageText: "45 th" },
    ]);
    expect((await daily({ date: "2026-01-05" })).rows).toMatchObject([
      { seq: 1, kunjunganBaru: false, pasienBaru: false },
    ]);
  });

  it("covers a range of days in date and number order, with the totals over the range", async () => {
    const reg = await daily({ date: "2025-12-31", dateTo: "2026-01-05" });
    expect(reg.description).toBe(
      "31 Desember 2025 s.d. 5 Januari 2026 · semua unit · semua klaster · semua penjamin",
    );
    expect(reg.rows.map((r) => `${r.visitDate}#${r.seq}`)).toEqual([
      "2025-12-31#1",
      "2026-01-02#1",
      "2026-01-02#2",
      "2026-01-02#3",
      "2026-01-02#4",
      "2026-01-02#5",
      "2026-01-05#1",
    ]);
    expect(reg.totals).toMatchObject({
      visits: 7,
      male: 5,
      female: 2,
      kunjunganBaru: 6,
      kunjunganLama: 1,
      pasienBaru: 5,
      pasienLama: 2,
    });
  });

  it("filters by unit, cluster and payer", async () => {
    const kia = await daily({
      date: "2026-01-02",
      unitId: units.get("KIA")!.id,
    });
    expect(kia.rows.map((r) => r.patientName)).toEqual([
      "Bayi Dua Sembilan",
      "Bayi Satu Bulan",
    ]);
    expect(kia.description).toBe(
      "2 Januari 2026 · Unit Poli KIA / KB · semua klaster · semua penjamin",
    );
    expect(kia.totals).toMatchObject({
      visits: 2,
      byUnit: [{ label: "Poli KIA / KB", count: 2 }],
      feeBilled: 20_000,
      feePaid: 10_000,
    });

    const k2 = await daily({ date: "2026-01-02", cluster: "klaster2" });
    expect(k2.rows.map((r) => r.seq)).toEqual([2, 3, 4, 5]);
    const umum = await daily({
      date: "2025-12-31",
      dateTo: "2026-01-05",
      payer: "umum",
      cluster: "klaster2",
    });
    expect(umum.rows.map((r) => r.seq)).toEqual([2, 3, 5]);
    expect(umum.description).toContain(
      "Klaster 2 — Ibu, Anak dan Remaja · penjamin Umum",
    );
    const none = await daily({
      date: "2026-01-02",
      unitId: units.get("TB")!.id,
    });
    expect(none.rows).toEqual([]);
    expect(none.totals).toMatchObject({ visits: 0, byUnit: [], feeBilled: 0 });
  });

  it("refuses a bad period or an unknown unit with a clear message, in Indonesian", async () => {
    const refused = async (input: Record<string, unknown>) => {
      const r = await h.call("register.daily", input, admin);
      expect(r.status).toBe(400);
      if (r.body.ok) throw new Error("diterima");
      return r.body.error;
    };
    expect(
      await refused({ date: "2026-01-05", dateTo: "2026-01-02" }),
    ).toMatchObject({
      code: "VALIDATION",
      message:
        "Tanggal akhir (2 Januari 2026) sebelum tanggal awal (5 Januari 2026).",
      fields: [{ path: "dateTo" }],
    });
    expect(
      await refused({ date: "2026-01-01", dateTo: "2026-02-01" }),
    ).toMatchObject({
      message: "Rentang register paling panjang 31 hari; yang diminta 32 hari.",
    });
    expect(
      (await daily({ date: "2026-01-01", dateTo: "2026-01-31" })).rows,
    ).toHaveLength(6);
    expect(await refused({ date: "2026-01-02", unitId: 9999 })).toMatchObject({
      message: "Unit dengan id 9999 tidak ditemukan.",
      fields: [{ path: "unitId" }],
    });
    expect((await refused({ date: "2026-02-30" })).message).toContain(
      "Tanggal harus berformat TTTT-BB-HH dan ada di kalender",
    );
    expect(
      (await refused({ date: "2026-01-02", payer: "gratis" })).fields?.[0]
        ?.path,
    ).toBe("payer");
  });

  it("is open to the cashier; not without a session", async () => {
    await ok("users.create", {
      username: "kasir1",
      fullName: "Kasir Satu",
      role: "kasir",
      password: "kasir-rahasia",
    });
    const kasir = (
      await ok<{ token: string }>(
        "auth.login",
        { username: "kasir1", password: "kasir-rahasia" },
        "",
      )
    ).token;
    expect(
      (await ok<Register>("register.daily", { date: "2026-01-02" }, kasir))
        .rows,
    ).toHaveLength(5);
    expect(
      (await h.call("register.daily", { date: "2026-01-02" }, null)).status,
    ).toBe(401);
  });
});
