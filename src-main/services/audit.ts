import { LoketError, type auditMethods, type MethodName } from '../contract';
import { withAuditActor, type AuditActor } from '../db/audit-context';
import { appendAuditRow, listAuditRows, patientOfEntity, verifyAuditChain } from '../db/repositories/audit';
import { patientsByRm } from '../db/repositories/patient-import';
import { rmCandidates } from '../domain/rm';
import { addDays, zonedInstant } from '../domain/waktu';
import type { Call, ServiceContext } from './context';
import type { Handlers } from './handler';
import { loadSharedSettings } from './settings';

/** The entity an id in a call's input names (`documents.receipt { visitId }` → visit). */
const idKeys: readonly (readonly [string, string])[] = [
  ['patientId', 'patient'],
  ['visitId', 'visit'],
  ['folderId', 'folder'],
  ['ticketId', 'queue_ticket'],
  ['reviewId', 'completeness_review'],
  ['letterId', 'letter'],
];
/** Methods whose input names the entity as plain `id`. */
const plainIdEntity: Readonly<Record<string, string>> = {
  'patients.get': 'patient',
  'visits.get': 'visit',
  'letters.get': 'letter',
  'documents.letter': 'letter',
  'letters.pdf': 'letter',
};
/** Reads audited explicitly (changes are written by the database triggers). Folder views: auditView from services/folders. */
const views: ReadonlySet<string> = new Set(['patients.get', 'visits.get', 'letters.get', 'referrals.get']);

function explicitAction(method: string): string | null {
  if (views.has(method)) return 'lihat';
  if (method.startsWith('documents.') || method === 'letters.pdf') return 'cetak';
  if (method.endsWith('.exportXlsx')) return 'ekspor';
  if (method === 'auth.logout') return 'keluar';
  if (method === 'auth.lock') return 'kunci';
  if (method === 'auth.unlock') return 'buka_kunci';
  return null;
}

function entityOf(method: string, input: Record<string, unknown>): { entity: string; id: number } | null {
  const plain = plainIdEntity[method];
  if (plain && typeof input.id === 'number') return { entity: plain, id: input.id };
  for (const [key, entity] of idKeys) if (typeof input[key] === 'number') return { entity, id: input[key] };
  return null;
}

/** One view, print or session row for the current call's actor. */
async function writeExplicit(ctx: ServiceContext, action: string, method: string, input: Record<string, unknown>): Promise<void> {
  const target = entityOf(method, input);
  const patientId = target ? await patientOfEntity(ctx.db, target.entity, target.id) : null;
  await appendAuditRow(ctx.db, { action, entity: target?.entity ?? null, entityId: target?.id ?? null, patientId, detail: input });
}

/** A view of a folder's place or history (folders.scan, .locate, .history). */
export async function auditView(ctx: ServiceContext, entity: 'folder' | 'patient', id: number): Promise<void> {
  const patientId = await patientOfEntity(ctx.db, entity, id);
  await appendAuditRow(ctx.db, { action: 'lihat', entity, entityId: id, patientId, detail: null });
}

/**
 * Runs a handler as the caller, so the audit triggers name them, then writes the explicit row a
 * view, print, export, login or logout needs (in its own statement after the call succeeded).
 */
export async function auditedCall<T>(ctx: ServiceContext, method: MethodName, input: unknown, call: Call, run: () => Promise<T>): Promise<T> {
  const actor: AuditActor = {
    userId: call.actor?.id ?? null,
    username: call.actor?.username ?? null,
    device: call.client,
    method,
    at: ctx.now().toISOString(),
  };
  const fields = (input ?? {}) as Record<string, unknown>;
  return withAuditActor(actor, async () => {
    if (method === 'auth.login') return login(ctx, actor, fields, run);
    let value: T;
    try {
      value = await run();
    } catch (error) {
      if (method === 'auth.unlock' && error instanceof LoketError && error.code !== 'VALIDATION')
        await appendAuditRow(ctx.db, { action: 'gagal_masuk', entity: null, entityId: null, patientId: null, detail: { code: error.code } });
      throw error;
    }
    const action = explicitAction(method);
    if (action) await writeExplicit(ctx, action, method, fields);
    return value;
  });
}

async function login<T>(ctx: ServiceContext, actor: AuditActor, input: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  const tried = typeof input.username === 'string' ? input.username : null;
  let value: T;
  try {
    value = await run();
  } catch (error) {
    // The row names the user name tried; the password is never written anywhere.
    if (error instanceof LoketError)
      await withAuditActor({ ...actor, username: tried }, () =>
        appendAuditRow(ctx.db, { action: 'gagal_masuk', entity: null, entityId: null, patientId: null, detail: { code: error.code } }),
      );
    throw error;
  }
  const user = (value as { user?: { id: number; username: string } }).user;
  await withAuditActor({ ...actor, userId: user?.id ?? null, username: user?.username ?? tried }, () =>
    appendAuditRow(ctx.db, { action: 'masuk', entity: null, entityId: null, patientId: null, detail: null }),
  );
  return value;
}

export function auditHandlers(ctx: ServiceContext): Handlers<keyof typeof auditMethods> {
  return {
    'audit.list': async (input) => {
      const settings = await loadSharedSettings(ctx.db);
      let patientIds: number[] | undefined = input.patientId !== undefined ? [input.patientId] : undefined;
      if (input.rm) {
        const candidates = rmCandidates(input.rm, settings.rmFormat);
        const found = candidates.length ? await patientsByRm(ctx.db, candidates) : [];
        if (found.length === 0) throw new LoketError('NOT_FOUND', `Pasien dengan No. RM ${input.rm} tidak ditemukan.`);
        const ids = found.map((p) => p.id);
        patientIds = patientIds ? patientIds.filter((id) => ids.includes(id)) : ids;
      }
      const limit = input.limit ?? 50;
      const entries = await listAuditRows(ctx.db, {
        fromAt: zonedInstant(input.from, 0, settings.timeZone),
        toAt: zonedInstant(addDays(input.to, 1), 0, settings.timeZone),
        userId: input.userId,
        patientIds,
        action: input.action,
        entity: input.entity,
        cursor: input.cursor,
        limit,
      });
      return { entries, nextCursor: entries.length === limit ? entries[entries.length - 1]!.id : null };
    },
    'audit.verify': async () => verifyAuditChain(ctx.db),
  };
}
