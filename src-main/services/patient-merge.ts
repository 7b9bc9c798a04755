import { LoketError, type PatientMerge, type patientMergeMethods } from '../contract';
import type { Executor } from '../db/repositories/executor';
import * as merges from '../db/repositories/patient-merges';
import { patientIdByNik } from '../db/repositories/patient-records';
import type { ServiceContext } from './context';
import { combineMergedFolder, separateCombinedFolder } from './folder-merge';
import { actorOf, type Handlers } from './handler';

export function patientMergeHandlers(ctx: ServiceContext): Handlers<keyof typeof patientMergeMethods> {
  const livePatient = async (db: Executor, id: number, field: string) => {
    const row = await db.selectFrom('patient').select(['id', 'name', 'rm_number', 'nik', 'merged_into']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new LoketError('NOT_FOUND', `Pasien dengan id ${id} tidak ditemukan.`, [{ path: field, message: 'Tidak ditemukan' }]);
    if (row.merged_into !== null)
      throw new LoketError('CONFLICT', `${row.name} (${row.rm_number}) sudah digabung ke pasien lain.`, [{ path: field, message: 'Sudah digabung' }]);
    return row;
  };
  const mergeById = async (db: Executor, id: number): Promise<PatientMerge> => {
    const found = (await merges.listMerges(db)).find((m) => m.id === id);
    if (!found) throw new LoketError('NOT_FOUND', `Penggabungan #${id} tidak ditemukan.`);
    return found;
  };

  return {
    'patients.merge': async ({ keepId, mergeId, reason }, call) => {
      if (keepId === mergeId)
        throw new LoketError('VALIDATION', 'Pasien yang dipertahankan dan yang digabung harus berbeda.', [
          { path: 'mergeId', message: 'Sama dengan pasien yang dipertahankan' },
        ]);
      const by = actorOf(call).id;
      const at = ctx.now().toISOString();
      const { id, folder } = await ctx.db.transaction().execute(async (trx) => {
        await livePatient(trx, keepId, 'keepId');
        await livePatient(trx, mergeId, 'mergeId');
        const folder = await combineMergedFolder(trx, { mergedId: mergeId, keptId: keepId, at, userId: by });
        const moved = { ...(await merges.moveRows(trx, mergeId, keepId)), folder };
        await merges.setMergedInto(trx, mergeId, keepId, at);
        return { id: await merges.insertMerge(trx, { keptId: keepId, mergedId: mergeId, reason, moved, at, by }), folder };
      });
      ctx.events.emit('patients.changed', { patientId: keepId, change: 'updated' });
      ctx.events.emit('patients.changed', { patientId: mergeId, change: 'updated' });
      if (folder) ctx.events.emit('folders.changed', { folderId: folder.folderId, change: 'combined' });
      ctx.log.info(`pasien ${mergeId} digabung ke ${keepId} (penggabungan ${id}) oleh user ${by}`);
      return mergeById(ctx.db, id);
    },

    'patients.unmerge': async ({ mergeId }, call) => {
      const by = actorOf(call).id;
      const at = ctx.now().toISOString();
      const merge = await ctx.db.transaction().execute(async (trx) => {
        const row = await merges.mergeRow(trx, mergeId);
        if (!row) throw new LoketError('NOT_FOUND', `Penggabungan #${mergeId} tidak ditemukan.`);
        if (row.undone_at) throw new LoketError('CONFLICT', `Penggabungan #${mergeId} sudah dibatalkan pada ${row.undone_at}.`);
        // Later merges built on this one must be undone first, newest first.
        const later = (await merges.activeMergesInvolving(trx, row.kept_id)).filter((m) => m.id > row.id && m.merged_id === row.kept_id);
        if (later.length > 0)
          throw new LoketError('CONFLICT', `Pasien yang dipertahankan sudah digabung lagi (penggabungan #${later[0]!.id}): batalkan yang itu dulu.`);
        const merged = await trx.selectFrom('patient').select(['nik']).where('id', '=', row.merged_id).executeTakeFirstOrThrow();
        if (merged.nik && (await patientIdByNik(trx, merged.nik)) !== undefined) {
          throw new LoketError('CONFLICT', 'NIK pasien yang digabung kini dipakai pasien lain; periksa data itu sebelum membatalkan.');
        }
        const moved = JSON.parse(row.moved) as merges.MovedRows;
        await merges.moveRows(trx, row.kept_id, row.merged_id, moved);
        if (moved.folder) await separateCombinedFolder(trx, moved.folder, { at, userId: by, reason: `Penggabungan pasien #${row.id} dibatalkan` });
        await merges.setMergedInto(trx, row.merged_id, null, at);
        await merges.markUndone(trx, row.id, at, by);
        return { ...row, folderId: moved.folder?.folderId };
      });
      ctx.events.emit('patients.changed', { patientId: merge.kept_id, change: 'updated' });
      ctx.events.emit('patients.changed', { patientId: merge.merged_id, change: 'updated' });
      if (merge.folderId !== undefined) ctx.events.emit('folders.changed', { folderId: merge.folderId, change: 'separated' });
      ctx.log.info(`penggabungan ${mergeId} dibatalkan oleh user ${by}`);
      return mergeById(ctx.db, mergeId);
    },

    'patients.merges': async ({ patientId }) => merges.listMerges(ctx.db, patientId),
  };
}
