import type { systemMethods } from '../contract';
import { schemaVersion } from '../db/migrator';
import type { ServiceContext } from './context';
import type { Handlers } from './handler';

export function systemHandlers(ctx: ServiceContext): Handlers<keyof typeof systemMethods> {
  return {
    'system.health': async () => ({ status: 'ok', version: ctx.host.version, schemaVersion: await schemaVersion(ctx.db) }),
    'system.info': async () => ({
      version: ctx.host.version,
      schemaVersion: await schemaVersion(ctx.db),
      mode: ctx.host.mode,
      bootId: ctx.host.bootId,
      startedAt: ctx.host.startedAt,
      now: ctx.now().toISOString(),
    }),
  };
}
