import { createRequire } from 'node:module';
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { RegionRecord } from './repositories/regions';

/** Kemendagri region codes from the maintained `idn-area-data` package (ODbL, see docs/NOTICE). */
export const REGION_SOURCE = `idn-area-data@${(createRequire(import.meta.url)('idn-area-data/package.json') as { version: string }).version}`;

export async function loadRegionRecords(): Promise<RegionRecord[]> {
  const [provinces, regencies, districts, villages] = await Promise.all([getProvinces(), getRegencies(), getDistricts(), getVillages()]);
  return [
    ...provinces.map((p) => ({ code: p.code, parent_code: null, level: 1, name: p.name })),
    ...regencies.map((r) => ({ code: r.code, parent_code: r.province_code, level: 2, name: r.name })),
    ...districts.map((d) => ({ code: d.code, parent_code: d.regency_code, level: 3, name: d.name })),
    ...villages.map((v) => ({ code: v.code, parent_code: v.district_code, level: 4, name: v.name })),
  ];
}
