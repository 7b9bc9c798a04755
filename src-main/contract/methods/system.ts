import { z } from 'zod';
import { method } from '../method';
import { emptyInput } from '../schemas';

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  schemaVersion: z.number().int(),
});

export const systemMethods = {
  'system.health': method({
    summary: 'Status host: versi aplikasi dan versi skema basis data',
    guard: 'public',
    input: emptyInput,
    output: healthSchema,
  }),
  'system.info': method({
    summary: 'Keterangan host untuk bilah status: mode, waktu mulai, zona waktu',
    guard: 'session',
    input: emptyInput,
    output: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      mode: z.enum(['electron', 'serve']),
      bootId: z.string(),
      startedAt: z.string(),
      now: z.string(),
    }),
  }),
};
