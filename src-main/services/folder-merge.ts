import { LoketError } from '../contract';
import type { Executor } from '../db/repositories/executor';
import * as repo from '../db/repositories/folders';
import { listUnits } from '../db/repositories/reference';
import { describePlace } from '../domain/berkas';

type CombinedFolder = repo.CombinedFolder;

/**
 * A merged patient's own folder is combined into the kept patient's: the clerk puts its sheets
 * into the kept folder at the records room desk, so a folder out at a unit or with a borrower
 * has to come back first (the merge is refused, nothing changes). A family folder still used by
 * other members stays as it is — only the merged member's new sheets go elsewhere. Older volumes
 * keep their own RM and place.
 */
export async function combineMergedFolder(
  trx: Executor,
  m: { mergedId: number; keptId: number; at: string; userId: number },
): Promise<CombinedFolder | null> {
  const fromId = await repo.folderIdOfPatient(trx, m.mergedId);
  const intoId = await repo.folderIdOfPatient(trx, m.keptId);
  if (fromId === undefined || intoId === undefined || fromId === intoId) return null;
  if ((await repo.otherMembers(trx, fromId, m.mergedId)) > 0) return null;
  const [from, into] = await repo.getFolders(trx, [fromId, intoId]);
  if (!from || !into) return null;
  if (from.locationKind === 'unit' || from.locationKind === 'peminjam') {
    const units = new Map((await listUnits(trx)).map((u) => [u.id, u.name]));
    const place = describePlace(
      from.locationKind === 'unit' ? { kind: 'unit', unitId: from.locationUnitId! } : { kind: 'peminjam' },
      (id) => units.get(id) ?? `unit ${id}`,
    );
    throw new LoketError(
      'CONFLICT',
      `Berkas RM ${from.rmBase} sedang di ${place}: terima kembali dulu ke ruang rekam medis, lalu gabungkan pasien (isinya disatukan ke berkas RM ${into.rmBase}).`,
    );
  }
  const before: CombinedFolder = {
    folderId: from.id,
    status: from.status,
    locationKind: from.locationKind,
    locationUnitId: from.locationUnitId,
    outSince: from.outSince,
    lastUnitId: from.lastUnitId,
  };
  const reason = `Pasien RM ${from.patients[0]?.rmNumber ?? from.rmBase} digabung ke RM ${into.patients[0]?.rmNumber ?? into.rmBase}: isi berkas disatukan ke berkas RM ${into.rmBase}`;
  await repo.insertMovement(trx, {
    folderId: from.id,
    at: m.at,
    kind: 'digabung',
    fromKind: from.locationKind,
    fromUnitId: null,
    toKind: 'ruang_rm',
    toUnitId: null,
    userId: m.userId,
    method: 'sistem',
    reason,
  });
  // The kept folder does not move; its history says what it received.
  await repo.insertMovement(trx, {
    folderId: into.id,
    at: m.at,
    kind: 'digabung',
    fromKind: into.locationKind,
    fromUnitId: into.locationUnitId,
    toKind: into.locationKind,
    toUnitId: into.locationUnitId,
    userId: m.userId,
    method: 'sistem',
    reason: `Menerima isi berkas RM ${from.rmBase} (pasien digabung)`,
  });
  await repo.updateFolder(trx, from.id, {
    status: 'digabung',
    locationKind: 'ruang_rm',
    locationUnitId: null,
    outSince: null,
    lastUnitId: null,
    at: m.at,
  });
  await repo.setCombinedInto(trx, from.id, into.id, m.at);
  return before;
}

/** Undoing a merge takes the folder out of the kept one again, back to where it was. */
export async function separateCombinedFolder(
  trx: Executor,
  before: CombinedFolder,
  m: { at: string; userId: number; reason: string },
): Promise<void> {
  const folder = await repo.getFolder(trx, before.folderId);
  if (!folder || folder.status !== 'digabung' || folder.combinedInto === null) return;
  await repo.insertMovement(trx, {
    folderId: folder.id,
    at: m.at,
    kind: 'dipisah',
    fromKind: 'ruang_rm',
    fromUnitId: null,
    toKind: before.locationKind,
    toUnitId: before.locationUnitId,
    userId: m.userId,
    method: 'sistem',
    reason: `${m.reason}: isi berkas dipisah kembali dari berkas RM ${folder.combinedInto.rmBase}`,
  });
  await repo.updateFolder(trx, folder.id, {
    status: before.status,
    locationKind: before.locationKind,
    locationUnitId: before.locationUnitId,
    outSince: before.outSince,
    lastUnitId: before.lastUnitId,
    at: m.at,
  });
  await repo.setCombinedInto(trx, folder.id, null, m.at);
}
