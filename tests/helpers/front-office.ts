import { nameKey } from '../../src-main/domain/nama';
import { localDate } from '../../src-main/domain/waktu';
import { insertPatients } from '../../src-main/db/repositories/patients';
import { listUnits } from '../../src-main/db/repositories/reference';
import { insertRegions } from '../../src-main/db/repositories/regions';
import { insertVisits } from '../../src-main/db/repositories/visits';
import type { Host } from '../../src-main/app/host';

/** A small, known front-office day for screen tests: a few patients and today's visits. */
export interface SeededDay {
  today: string;
  patients: { rm: string; name: string; sex: 'L' | 'P'; village: string }[];
  visits: { rm: string; unitCode: string; payer: 'bpjs' | 'umum' | 'asuransi_lain'; kunjunganBaru: boolean; pasienBaru: boolean }[];
}

export async function seedFrontOfficeDay(host: Host, timeZone = 'Asia/Jakarta'): Promise<SeededDay> {
  const db = host.ctx.db;
  const now = host.ctx.now();
  const today = localDate(now, timeZone);
  await insertRegions(db, [
    { code: '33', parent_code: null, level: 1, name: 'JAWA TENGAH' },
    { code: '33.02', parent_code: '33', level: 2, name: 'KABUPATEN BANYUMAS' },
    { code: '33.02.12', parent_code: '33.02', level: 3, name: 'Sokaraja' },
    { code: '33.02.12.2001', parent_code: '33.02.12', level: 4, name: 'Sokaraja Kulon' },
    { code: '33.02.12.2002', parent_code: '33.02.12', level: 4, name: 'Karangrau' },
  ]);
  const patients: SeededDay['patients'] = [
    { rm: '000101', name: 'Siti Aminah', sex: 'P', village: 'Sokaraja Kulon' },
    { rm: '000102', name: 'Siti Rahayu', sex: 'P', village: 'Karangrau' },
    { rm: '000103', name: 'Budi Santoso', sex: 'L', village: 'Sokaraja Kulon' },
    { rm: '000104', name: 'Slamet Riyadi', sex: 'L', village: 'Karangrau' },
    { rm: '000105', name: 'Dewi Lestari', sex: 'P', village: 'Sokaraja Kulon' },
  ];
  const birth = ['1985-03-12', '1992-11-02', '1958-07-30', '2019-01-15', '2001-05-20'];
  const villageCode: Record<string, string> = { 'Sokaraja Kulon': '33.02.12.2001', Karangrau: '33.02.12.2002' };
  const at = now.toISOString();
  await insertPatients(
    db,
    patients.map((p, i) => ({
      rm_number: p.rm,
      name: p.name,
      name_key: nameKey(p.name),
      sex: p.sex,
      birth_place: 'Banyumas',
      birth_date: birth[i]!,
      nik: `330212${String(i + 1).padStart(10, '0')}`,
      bpjs_number: i % 2 === 0 ? `000123456789${i}` : null,
      payer_default: i % 2 === 0 ? 'bpjs' : 'umum',
      phone: `08123456780${i}`,
      address_street: `Jl. Merdeka No. ${i + 3}`,
      rt: '002',
      rw: '005',
      village_code: villageCode[p.village] ?? null,
      created_at: at,
      updated_at: at,
    })),
  );
  const ids = new Map((await db.selectFrom('patient').select(['id', 'rm_number']).execute()).map((r) => [r.rm_number, r.id]));
  const units = new Map((await listUnits(db)).map((u) => [u.code, u]));
  const visits: SeededDay['visits'] = [
    { rm: '000101', unitCode: 'UMUM', payer: 'bpjs', kunjunganBaru: true, pasienBaru: false },
    { rm: '000102', unitCode: 'KIA', payer: 'umum', kunjunganBaru: true, pasienBaru: true },
    { rm: '000103', unitCode: 'LANSIA', payer: 'bpjs', kunjunganBaru: false, pasienBaru: false },
    { rm: '000104', unitCode: 'MTBS', payer: 'umum', kunjunganBaru: false, pasienBaru: false },
    { rm: '000105', unitCode: 'UMUM', payer: 'asuransi_lain', kunjunganBaru: true, pasienBaru: false },
  ];
  await insertVisits(
    db,
    visits.map((v, i) => {
      const unit = units.get(v.unitCode)!;
      return {
        visit_date: today,
        seq: i + 1,
        registered_at: new Date(now.getTime() - (visits.length - i) * 60_000).toISOString(),
        patient_id: ids.get(v.rm)!,
        payer: v.payer,
        unit_id: unit.id,
        cluster: unit.cluster,
        emergency: 0,
        kunjungan_baru: v.kunjunganBaru ? 1 : 0,
        pasien_baru: v.pasienBaru ? 1 : 0,
        paid_at: null,
        registered_by: null,
      };
    }),
  );
  return { today, patients, visits };
}
