import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** The database or a transaction: repositories take it first and never open their own. */
export type Executor = Kysely<Database>;

export const toBool = (v: number): boolean => v === 1;
export const fromBool = (v: boolean | undefined): 0 | 1 | undefined => (v === undefined ? undefined : v ? 1 : 0);

/** Drops `undefined` so a partial update leaves unspecified columns alone. */
export function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
