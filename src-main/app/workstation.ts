import { z } from 'zod';
import { workstationSettingsSchema, type WorkstationSettings } from '../contract';
import type { WorkstationStore } from '../services/context';

export const defaultWorkstationSettings: WorkstationSettings = {
  workstationName: 'Komputer Loket',
  counterNumber: 1,
  role: 'host',
  hostUrl: null,
  printers: { letter: null, label: null, ticket: null },
  // 58 mm is the safe guess: a 58 mm layout on 80 mm paper is narrow, an 80 mm one on 58 mm paper is cut off.
  ticketPaperMm: 58,
  // Loopback until someone opens the LAN on purpose.
  lan: { bindAddress: '127.0.0.1', port: 5180 },
};

/** JSON Schema for electron-store/conf, derived from the same zod schema the contract uses. */
export function workstationJsonSchema(): Record<string, never> {
  const json = z.toJSONSchema(workstationSettingsSchema, { target: 'draft-7' }) as unknown as { properties: Record<string, never> };
  return json.properties;
}

/** The slice of electron-store's and conf's API we use: both classes fit. */
export interface KeyValueStore {
  store: Record<string, unknown>;
  set(object: Record<string, unknown>): void;
}

export function workstationStoreOn(store: KeyValueStore): WorkstationStore {
  const read = (): WorkstationSettings => {
    const stored = store.store as Partial<WorkstationSettings>;
    // Nested objects merge too, so a printer added in a later version does not void the saved ones.
    const merged = { ...defaultWorkstationSettings, ...stored, printers: { ...defaultWorkstationSettings.printers, ...stored.printers } };
    const parsed = workstationSettingsSchema.safeParse(merged);
    return parsed.success ? parsed.data : defaultWorkstationSettings;
  };
  return {
    get: read,
    update(patch) {
      const next = workstationSettingsSchema.parse({ ...read(), ...patch });
      store.set(next);
      return next;
    },
  };
}

/** Options both electron-store and conf accept. */
export function workstationStoreOptions(cwd?: string) {
  return {
    name: 'workstation',
    schema: workstationJsonSchema(),
    defaults: defaultWorkstationSettings,
    clearInvalidConfig: true,
    ...(cwd ? { cwd } : {}),
  };
}
