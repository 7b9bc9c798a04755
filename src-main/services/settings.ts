import { sharedSettingsSchema, type SharedSettings, type settingsMethods } from '../contract';
import { readSettings, writeSetting } from '../db/repositories/settings';
import type { Executor } from '../db/repositories/executor';
import { defaultSharedSettings } from '../domain/defaults';
import type { ServiceContext } from './context';
import { actorOf, type Handlers } from './handler';

/** Shared settings with defaults filled in; a stored value that no longer parses falls back to its default. */
export async function loadSharedSettings(db: Executor): Promise<SharedSettings> {
  const stored = await readSettings(db);
  const merged = Object.fromEntries(
    Object.entries(defaultSharedSettings).map(([key, fallback]) => {
      const value = stored.get(key);
      return [key, isObject(fallback) ? { ...fallback, ...(isObject(value) ? value : {}) } : (value ?? fallback)];
    }),
  );
  const parsed = sharedSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaultSharedSettings;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function settingsHandlers(ctx: ServiceContext): Handlers<keyof typeof settingsMethods> {
  return {
    'settings.public': async () => {
      const s = await loadSharedSettings(ctx.db);
      return {
        puskesmasName: s.puskesmas.name,
        address: s.puskesmas.address,
        timeZone: s.timeZone,
        runningText: s.runningText,
        idleLockMinutes: s.idleLockMinutes,
      };
    },
    'settings.get': async () => loadSharedSettings(ctx.db),
    'settings.update': async (patch, call) => {
      const userId = actorOf(call).id;
      const at = ctx.now().toISOString();
      const next = await ctx.db.transaction().execute(async (trx) => {
        const current = await loadSharedSettings(trx);
        for (const [key, value] of Object.entries(patch) as [keyof SharedSettings, unknown][]) {
          if (value === undefined) continue;
          // Objects merge with what is stored, so a form may send only the fields it shows.
          await writeSetting(trx, key, isObject(value) ? { ...(current[key] as object), ...value } : value, userId, at);
        }
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
