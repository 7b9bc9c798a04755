import { sharedSettingsSchema, type SharedSettings, type settingsMethods } from '../contract';
import { readSettings, writeSetting } from '../db/repositories/settings';
import type { Executor } from '../db/repositories/executor';
import { defaultSharedSettings } from '../domain/defaults';
import type { ServiceContext } from './context';
import { actorOf, type Handlers } from './handler';

/** Shared settings with defaults filled in; a stored value that no longer parses falls back to its default. */
export async function loadSharedSettings(db: Executor): Promise<SharedSettings> {
  const stored = await readSettings(db);
  const merged = {
    puskesmas: { ...defaultSharedSettings.puskesmas, ...(stored.get('puskesmas') as object | undefined) },
    timeZone: stored.get('timeZone') ?? defaultSharedSettings.timeZone,
    runningText: stored.get('runningText') ?? defaultSharedSettings.runningText,
  };
  const parsed = sharedSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaultSharedSettings;
}

export function settingsHandlers(ctx: ServiceContext): Handlers<keyof typeof settingsMethods> {
  return {
    'settings.public': async () => {
      const s = await loadSharedSettings(ctx.db);
      return { puskesmasName: s.puskesmas.name, address: s.puskesmas.address, timeZone: s.timeZone, runningText: s.runningText };
    },
    'settings.get': async () => loadSharedSettings(ctx.db),
    'settings.update': async (patch, call) => {
      const userId = actorOf(call).id;
      const at = ctx.now().toISOString();
      const next = await ctx.db.transaction().execute(async (trx) => {
        const current = await loadSharedSettings(trx);
        if (patch.puskesmas) await writeSetting(trx, 'puskesmas', { ...current.puskesmas, ...patch.puskesmas }, userId, at);
        if (patch.timeZone) await writeSetting(trx, 'timeZone', patch.timeZone, userId, at);
        if (patch.runningText !== undefined) await writeSetting(trx, 'runningText', patch.runningText, userId, at);
        return loadSharedSettings(trx);
      });
      ctx.events.emit('settings.changed', { keys: Object.keys(patch) });
      return next;
    },
    'workstation.get': async () => ctx.workstation.get(),
    'workstation.update': async (patch) => {
      const current = ctx.workstation.get();
      const next = ctx.workstation.update({
        ...patch,
        ...(patch.printers ? { printers: { ...current.printers, ...patch.printers } } : {}),
        ...(patch.lan ? { lan: { ...current.lan, ...patch.lan } } : {}),
      } as Partial<typeof current>);
      ctx.events.emit('workstation.changed', { keys: Object.keys(patch) });
      return next;
    },
  };
}
