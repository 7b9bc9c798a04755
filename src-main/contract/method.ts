import type { z } from 'zod';
import type { Permission } from './permissions';

/**
 * Who may call a method:
 * - `public`: no login (health, the display and the kiosk; the security issue adds device pairing);
 * - `session`: any logged-in user;
 * - a permission: a logged-in user whose role grants it.
 */
export type Guard = 'public' | 'session' | Permission;

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** One line in Bahasa Indonesia, shown in the OpenAPI document. */
  summary: string;
  guard: Guard;
  input: I;
  output: O;
  /** HTTP request body limit for this method (the default is 1 MiB); a file upload raises it. */
  maxBodyBytes?: number;
}

/** Declares a method; the identity function keeps the literal types for the client. */
export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
