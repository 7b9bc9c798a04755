import { listServices, saveCounter, saveService, saveTariff, saveUnit } from '../db/repositories/reference';
import { insertRegions } from '../db/repositories/regions';
import { readSettings, writeSetting } from '../db/repositories/settings';
import { loadRegionRecords, REGION_SOURCE } from '../db/region-source';
import { defaultCounters, defaultServices, defaultTariffs, defaultUnits } from '../domain/defaults';
import type { ServiceContext } from './context';
import { ensureNameKeys } from './search';

export interface BootstrapOptions {
  /** Load Kemendagri regions when the stored copy is missing or from another package version. */
  regions: boolean;
}

/**
 * First start: default units, services and counters so the office works at once; region codes
 * once per package version (never parsed at every start).
 */
export async function bootstrap(ctx: ServiceContext, options: BootstrapOptions): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const settings = await readSettings(trx);
    if (settings.get('referenceSeeded')) return;
    for (const [i, u] of defaultUnits.entries()) await saveUnit(trx, { ...u, sortOrder: i });
    for (const [i, s] of defaultServices.entries()) await saveService(trx, { ...s, sortOrder: i });
    const services = await listServices(trx);
    for (const c of defaultCounters) {
      const serviceIds = services.filter((s) => c.serviceCodes.includes(s.code)).map((s) => s.id);
      await saveCounter(trx, { number: c.number, name: c.name, serviceIds });
    }
    await writeSetting(trx, 'referenceSeeded', at, null, at);
  });
  await ctx.db.transaction().execute(async (trx) => {
    if ((await readSettings(trx)).get('tariffSeeded')) return;
    for (const [i, t] of defaultTariffs.entries()) await saveTariff(trx, { ...t, sortOrder: i });
    await writeSetting(trx, 'tariffSeeded', at, null, at);
  });

  if (options.regions) {
    const settings = await readSettings(ctx.db);
    if (settings.get('regionSource') !== REGION_SOURCE) {
      const started = Date.now();
      const records = await loadRegionRecords();
      await ctx.db.transaction().execute(async (trx) => {
        await insertRegions(trx, records);
        await writeSetting(trx, 'regionSource', REGION_SOURCE, null, at);
      });
      ctx.log.info(`wilayah: ${records.length} kode dari ${REGION_SOURCE} dimuat dalam ${Date.now() - started} ms`);
    }
  }
  await ensureNameKeys(ctx);
}
