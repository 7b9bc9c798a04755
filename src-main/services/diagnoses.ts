import { DIAGNOSIS_IMPORT_MAX_ROWS, DIAGNOSIS_TEXT_MAX, IMPORT_REPORT_LIMIT, LoketError, type DiagnosisImportResult } from '../contract';
import * as repo from '../db/repositories/diagnoses';
import { diagnosisCodeRefusal, looksLikeCode, normalizeDiagnosisCode } from '../domain/rujukan';
import type { ServiceContext } from './context';
import type { Handlers } from './handler';
import { readImportFile, type SheetRow } from './patient-import';

/*
 * The diagnosis list (no ICD list is bundled: the puskesmas imports the one it uses, e.g. the
 * ICD-10 export of its SIMPUS or P-Care). A file is CSV (`kode;nama`, any of the delimiters the
 * patient import reads, UTF-8 or Windows-1252) or XLSX; the first line is skipped when it names
 * the columns. Codes are stored upper case without spaces; a code already known gets the file's
 * text; `replace` makes codes missing from the file inactive (never deleted: letters name them).
 */

const PREVIEW_ROWS = 20;
const codeHeaders = new Set(['kode', 'code', 'kode icd', 'kode icd 10', 'icd', 'icd 10', 'icd10', 'kode diagnosa', 'kode diagnosis', 'kd']);
const textHeaders = new Set([
  'nama',
  'nama diagnosa',
  'nama diagnosis',
  'diagnosa',
  'diagnosis',
  'deskripsi',
  'description',
  'keterangan',
  'nama penyakit',
  'penyakit',
  'teks',
  'text',
]);
const headerWord = (cell: string) =>
  cell
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Which columns hold code and text: named by a header line, else the first two. */
function columnsOf(first: SheetRow | undefined): { code: number; text: number; header: boolean } {
  if (!first) return { code: 0, text: 1, header: false };
  const words = first.cells.map(headerWord);
  const code = words.findIndex((w) => codeHeaders.has(w));
  const text = words.findIndex((w) => textHeaders.has(w));
  if (code >= 0 && text >= 0) return { code, text, header: true };
  return { code: 0, text: 1, header: code >= 0 || text >= 0 };
}

export function diagnosisHandlers(ctx: ServiceContext): Handlers<'diagnoses.import' | 'diagnoses.search'> {
  return {
    'diagnoses.import': async ({ file, dryRun, replace }): Promise<DiagnosisImportResult> => {
      const read = await readImportFile(file);
      const columns = columnsOf(read.rows[0]);
      const data = columns.header ? read.rows.slice(1) : read.rows;
      if (data.length === 0) throw new LoketError('VALIDATION', 'Berkas tidak berisi baris diagnosis.', [{ path: 'file', message: 'Kosong' }]);
      if (data.length > DIAGNOSIS_IMPORT_MAX_ROWS)
        throw new LoketError('VALIDATION', `Berkas berisi ${data.length} baris; maksimal ${DIAGNOSIS_IMPORT_MAX_ROWS} baris per impor.`, [
          { path: 'file', message: 'Terlalu banyak baris' },
        ]);
      if (read.kind === 'csv' && data.every((r) => r.cells.length < 2))
        throw new LoketError(
          'VALIDATION',
          'Setiap baris harus berisi kode dan nama diagnosis dipisah titik koma (J06.9;Infeksi saluran pernapasan akut).',
          [{ path: 'file', message: 'Hanya satu kolom' }],
        );

      const known = await repo.diagnosisMap(ctx.db);
      const seen = new Map<string, number>();
      const rejected: DiagnosisImportResult['rejected'] = [];
      const write: { code: string; text: string }[] = [];
      const preview: DiagnosisImportResult['preview'] = [];
      const counts = { rows: data.length, added: 0, updated: 0, unchanged: 0, rejected: 0, deactivated: 0 };
      const reject = (row: number, code: string | null, message: string) => {
        counts.rejected++;
        if (rejected.length < IMPORT_REPORT_LIMIT) rejected.push({ row, code, message });
      };
      for (const r of data) {
        const rawCode = r.cells[columns.code] ?? '';
        const text = (r.cells[columns.text] ?? '').replace(/\s+/g, ' ').trim();
        const code = normalizeDiagnosisCode(rawCode);
        const refusal = diagnosisCodeRefusal(code);
        if (refusal) {
          reject(r.row, rawCode || null, `${refusal}.`);
          continue;
        }
        if (text === '') {
          reject(r.row, code, 'Nama diagnosis kosong.');
          continue;
        }
        if (text.length > DIAGNOSIS_TEXT_MAX) {
          reject(r.row, code, `Nama diagnosis lebih dari ${DIAGNOSIS_TEXT_MAX} karakter.`);
          continue;
        }
        const earlier = seen.get(code);
        if (earlier !== undefined) {
          reject(r.row, code, `Kode ${code} sudah ada di baris ${earlier}; baris ini dilewati.`);
          continue;
        }
        seen.set(code, r.row);
        const before = known.get(code);
        const change = !before ? 'baru' : before.text !== text || !before.active ? 'ubah' : 'sama';
        if (change === 'baru') counts.added++;
        else if (change === 'ubah') counts.updated++;
        else counts.unchanged++;
        if (change !== 'sama') write.push({ code, text });
        if (preview.length < PREVIEW_ROWS) preview.push({ row: r.row, code, text, change });
      }
      const deactivate = replace ? [...known].filter(([code, d]) => d.active && !seen.has(code)).map(([code]) => code) : [];
      counts.deactivated = deactivate.length;

      if (!dryRun && (write.length > 0 || deactivate.length > 0)) {
        const at = ctx.now().toISOString();
        await ctx.db.transaction().execute(async (trx) => {
          await repo.upsertDiagnoses(trx, write, at);
          await repo.deactivateDiagnoses(trx, deactivate, at);
        });
        ctx.log.info(
          `impor diagnosis: ${counts.added} baru, ${counts.updated} diubah, ${counts.deactivated} dinonaktifkan, ${counts.rejected} ditolak`,
        );
      }
      return {
        dryRun,
        delimiter: read.delimiter,
        headerSkipped: columns.header,
        counts,
        rejected,
        preview,
        notes: read.notes,
        listSize: await repo.diagnosisListSize(ctx.db),
      };
    },

    'diagnoses.search': async ({ query, limit = 15 }) => {
      const q = query.trim();
      const listSize = await repo.diagnosisListSize(ctx.db);
      if (listSize === 0) return { items: [], listSize };
      if (q === '') return { items: await repo.firstDiagnoses(ctx.db, limit), listSize };
      const items = looksLikeCode(q) ? await repo.diagnosesByCodePrefix(ctx.db, normalizeDiagnosisCode(q), limit) : [];
      if (items.length < limit) {
        // Words match the code column too ("j06" finds J06.9 through the index of words).
        const words = q
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter((w) => w !== '');
        for (const d of await repo.diagnosesByWords(ctx.db, words, limit)) {
          if (items.length >= limit) break;
          if (!items.some((i) => i.code === d.code)) items.push(d);
        }
      }
      return { items, listSize };
    },
  };
}

/** The directory: facilities with their specialties, and saving one facility's specialties. */
export function directoryHandlers(ctx: ServiceContext): Handlers<'referrals.directory' | 'facilities.saveSpecialties'> {
  return {
    'referrals.directory': async ({ includeInactive }) => repo.listDirectory(ctx.db, includeInactive ?? false),
    'facilities.saveSpecialties': async ({ facilityId, specialties }) => {
      const names: string[] = [];
      for (const name of specialties) if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await repo.facilityById(trx, facilityId))) throw new LoketError('NOT_FOUND', 'Fasilitas tujuan rujukan tidak ditemukan.');
        await repo.replaceSpecialties(trx, facilityId, names);
      });
      ctx.events.emit('reference.changed', { kind: 'facility' });
      const entry = (await repo.listDirectory(ctx.db, true)).find((e) => e.facilityId === facilityId);
      return entry!;
    },
  };
}
