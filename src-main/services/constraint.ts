import { LoketError } from '../contract';

/**
 * Turns a SQLite UNIQUE/FOREIGN KEY failure into a CONFLICT/VALIDATION reply naming the field;
 * anything else is rethrown untouched (and becomes an INTERNAL error at the transport).
 */
export function translateConstraint(error: unknown, uniqueFields: Record<string, { path: string; message: string }>): never {
  const e = error as { code?: string; message?: string };
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    for (const [column, field] of Object.entries(uniqueFields)) {
      if (e.message?.includes(`.${column}`)) throw new LoketError('CONFLICT', field.message, [field]);
    }
    throw new LoketError('CONFLICT', 'Data yang sama sudah ada.');
  }
  if (e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new LoketError('VALIDATION', 'Data rujukan (unit, layanan atau wilayah) tidak ditemukan.');
  throw error;
}
