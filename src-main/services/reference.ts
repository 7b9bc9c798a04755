import { LoketError, type referenceMethods } from '../contract';
import * as ref from '../db/repositories/reference';
import { regionChildren, searchRegions } from '../db/repositories/regions';
import type { Executor } from '../db/repositories/executor';
import type { ServiceContext } from './context';
import { translateConstraint } from './constraint';
import type { Handlers } from './handler';

type Kind = 'unit' | 'service' | 'counter' | 'practitioner' | 'facility';

export function referenceHandlers(ctx: ServiceContext): Handlers<keyof typeof referenceMethods> {
  /** One transaction per save; a missing id is NOT_FOUND, a duplicate code CONFLICT. */
  async function save<T extends { id: number }>(
    kind: Kind,
    write: (trx: Executor) => Promise<number>,
    reread: (trx: Executor) => Promise<T[]>,
    unique: Parameters<typeof translateConstraint>[1],
  ): Promise<T> {
    let saved: T | undefined;
    try {
      saved = await ctx.db.transaction().execute(async (trx) => {
        const id = await write(trx);
        if (id === 0) throw new LoketError('NOT_FOUND', 'Data yang akan diubah tidak ditemukan.');
        return (await reread(trx)).find((row) => row.id === id);
      });
    } catch (error) {
      if (error instanceof LoketError) throw error;
      translateConstraint(error, unique);
    }
    ctx.events.emit('reference.changed', { kind });
    return saved!;
  }
  const codeTaken = { code: { path: 'code', message: 'Kode ini sudah dipakai.' } };

  return {
    'units.list': () => ref.listUnits(ctx.db),
    'units.save': (input) => save('unit', (trx) => ref.saveUnit(trx, input), ref.listUnits, codeTaken),
    'services.list': () => ref.listServices(ctx.db),
    'services.save': (input) =>
      save('service', (trx) => ref.saveService(trx, input), ref.listServices, {
        ...codeTaken,
        prefix: { path: 'prefix', message: 'Prefiks tiket ini sudah dipakai layanan lain.' },
      }),
    'counters.list': () => ref.listCounters(ctx.db),
    'counters.save': (input) =>
      save('counter', (trx) => ref.saveCounter(trx, input), ref.listCounters, {
        number: { path: 'number', message: 'Nomor loket ini sudah dipakai.' },
      }),
    'practitioners.list': () => ref.listPractitioners(ctx.db),
    'practitioners.save': (input) => save('practitioner', (trx) => ref.savePractitioner(trx, input), ref.listPractitioners, {}),
    'facilities.list': () => ref.listFacilities(ctx.db),
    'facilities.save': (input) =>
      save('facility', (trx) => ref.saveFacility(trx, input), ref.listFacilities, {
        code: { path: 'code', message: 'Kode faskes ini sudah terdaftar.' },
      }),
    'regions.children': (input) => regionChildren(ctx.db, input.parentCode),
    'regions.search': (input) => searchRegions(ctx.db, input.query, input.level, input.limit ?? 20),
  };
}
