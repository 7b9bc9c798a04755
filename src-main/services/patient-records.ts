import {
  LoketError,
  type FieldIssue,
  type PatientCreateInput,
  type PatientRecord,
  type patientRecordMethods,
  type SharedSettings,
} from '../contract';
import type { Executor } from '../db/repositories/executor';
import * as records from '../db/repositories/patient-records';
import { summariesByIds } from '../db/repositories/patients';
import { regionPath } from '../db/repositories/regions';
import { nextNumber } from '../db/repositories/sequences';
import { checkBpjsNumber, normalizePhone, stripSeparators } from '../domain/identitas';
import { NEAR_BIRTH_DATE_DAYS, nameSimilarity, shiftDate, SIMILAR_NAME_THRESHOLD } from '../domain/kemiripan';
import { nameKey } from '../domain/nama';
import { decodeNik, nikWarnings } from '../domain/nik';
import { formatRm } from '../domain/rm';
import { ageInYears, localDate } from '../domain/waktu';
import type { ServiceContext } from './context';
import { translateConstraint } from './constraint';
import type { Handlers } from './handler';
import { loadSharedSettings } from './settings';
import { createMissingFolders } from '../db/repositories/folders';

type Fields = Omit<PatientCreateInput, 'ignoreSimilar'>;
const OLDEST_YEARS = 130;

/** '' from a form means "not filled in". */
const blank = (v: string | null | undefined): string | null | undefined => (v === '' ? null : v);

/**
 * Checks what zod cannot know (NIK rules against today, phones, the region table) and maps the
 * form to columns. Every problem is collected, so the clerk sees all of them at once; the import
 * uses it row by row.
 */
export async function checkPatientFields(db: Executor, input: Partial<Fields>, today: string, current?: PatientRecord) {
  const issues: FieldIssue[] = [];
  const warnings: string[] = [];
  const col: Partial<records.PatientColumns> = {};
  const has = (k: keyof Fields) => Object.prototype.hasOwnProperty.call(input, k) && input[k] !== undefined;

  const birthDate = input.birthDate ?? current?.birthDate;
  const sex = input.sex ?? current?.sex;
  if (has('name')) Object.assign(col, { name: input.name, name_key: nameKey(input.name!) });
  if (has('birthDate')) {
    if (input.birthDate! > today) issues.push({ path: 'birthDate', message: 'Tanggal lahir tidak boleh di masa depan' });
    else if (ageInYears(input.birthDate!, today) > OLDEST_YEARS)
      issues.push({ path: 'birthDate', message: `Tanggal lahir lebih dari ${OLDEST_YEARS} tahun yang lalu` });
    col.birth_date = input.birthDate;
  }
  if (has('sex')) col.sex = input.sex;

  if (has('nik')) {
    const typed = blank(input.nik);
    if (typed) {
      const decoded = decodeNik(typed, today);
      if (!decoded.ok) issues.push({ path: 'nik', message: decoded.reason });
      else {
        col.nik = decoded.info.nik;
        warnings.push(...nikWarnings(decoded.info, { birthDate, sex }));
      }
    } else col.nik = null;
  }
  if (has('motherNik')) {
    const typed = blank(input.motherNik);
    if (typed) {
      const decoded = decodeNik(typed, today);
      if (!decoded.ok) issues.push({ path: 'motherNik', message: decoded.reason });
      else if (decoded.info.sex !== 'P')
        issues.push({ path: 'motherNik', message: 'NIK ibu menunjukkan jenis kelamin laki-laki (tanggal lahir di NIK tidak ditambah 40)' });
      else col.mother_nik = decoded.info.nik;
    } else col.mother_nik = null;
  }
  if (has('kkNumber')) {
    const typed = blank(input.kkNumber);
    const digits = typed ? stripSeparators(typed) : null;
    if (digits !== null && !/^\d{16}$/.test(digits)) issues.push({ path: 'kkNumber', message: 'Nomor KK harus 16 angka' });
    else col.kk_number = digits;
  }
  if (has('bpjsNumber')) {
    const typed = blank(input.bpjsNumber);
    if (typed) {
      const checked = checkBpjsNumber(typed);
      if (checked.ok) col.bpjs_number = checked.value;
      else issues.push({ path: 'bpjsNumber', message: checked.reason });
    } else col.bpjs_number = null;
  }
  for (const [field, column] of [
    ['phone', 'phone'],
    ['emergencyPhone', 'emergency_phone'],
  ] as const) {
    if (!has(field)) continue;
    const typed = blank(input[field]);
    if (!typed) {
      col[column] = null;
      continue;
    }
    const checked = normalizePhone(typed);
    if (checked.ok) col[column] = checked.value;
    else issues.push({ path: field, message: checked.reason });
  }
  if (has('villageCode')) {
    const code = blank(input.villageCode) ?? null;
    if (code && !(await records.villageExists(db, code)))
      issues.push({ path: 'villageCode', message: 'Kode desa/kelurahan tidak ada di daftar wilayah Kemendagri' });
    col.village_code = code;
  }
  for (const [field, column] of [
    ['rt', 'rt'],
    ['rw', 'rw'],
  ] as const) {
    if (has(field)) col[column] = blank(input[field]) ? input[field]!.padStart(3, '0') : null;
  }
  const plain = {
    birthPlace: 'birth_place',
    addressStreet: 'address_street',
    bpjsClass: 'bpjs_class',
    payerDefault: 'payer_default',
    occupation: 'occupation',
    education: 'education',
    religion: 'religion',
    maritalStatus: 'marital_status',
    bloodType: 'blood_type',
    motherName: 'mother_name',
    familyHead: 'family_head',
    emergencyName: 'emergency_name',
    emergencyRelation: 'emergency_relation',
  } as const;
  for (const [field, column] of Object.entries(plain) as [keyof typeof plain, (typeof plain)[keyof typeof plain]][]) {
    if (has(field)) (col as Record<string, unknown>)[column] = typeof input[field] === 'string' ? blank(input[field]) : input[field];
  }

  // An infant without a NIK of its own is identified through the mother (DESIGN.md §4).
  const nik = col.nik !== undefined ? col.nik : (current?.nik ?? null);
  const motherName = col.mother_name !== undefined ? col.mother_name : (current?.motherName ?? null);
  if (birthDate && birthDate <= today && ageInYears(birthDate, today) < 1 && !nik && !motherName) {
    issues.push({ path: 'motherName', message: 'Wajib diisi untuk bayi yang belum mempunyai NIK' });
  }
  if (issues.length > 0) {
    const summary = issues
      .slice(0, 3)
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ');
    throw new LoketError('VALIDATION', `Data pasien belum benar — ${summary}${issues.length > 3 ? '; …' : ''}`, issues);
  }
  return { columns: col, warnings };
}

async function similarPatients(db: Executor, name: string, birthDate: string, excludeId?: number) {
  const key = nameKey(name);
  const candidates = await records.patientsBornBetween(
    db,
    shiftDate(birthDate, -NEAR_BIRTH_DATE_DAYS),
    shiftDate(birthDate, NEAR_BIRTH_DATE_DAYS),
    excludeId,
  );
  const scored = candidates
    .map((c) => ({ id: c.id, score: nameSimilarity(key, c.name_key) + (c.birth_date === birthDate ? 0.05 : 0) }))
    .filter((c) => c.score >= SIMILAR_NAME_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
  return summariesByIds(
    db,
    scored.map((c) => c.id),
  );
}

async function nikHolderMessage(db: Executor, id: number): Promise<string> {
  const [holder] = await summariesByIds(db, [id]);
  return holder ? `NIK ini sudah terdaftar atas ${holder.name}, No. RM ${holder.rmNumber}. Gunakan pasien tersebut.` : 'NIK ini sudah terdaftar.';
}

/** The next RM number: a new sequence number, or for family folders the next member of the KK's folder. */
async function allocateRm(trx: Executor, settings: SharedSettings, kkNumber: string | null | undefined): Promise<string> {
  const format = settings.rmFormat;
  if (format.family && kkNumber) {
    const members = await trx.selectFrom('patient').select('rm_number').where('kk_number', '=', kkNumber).execute();
    const familyRm = members.map((m) => /^(.*)-(\d{2})$/.exec(m.rm_number)).find((m) => m !== null);
    if (familyRm) {
      const used = members.map((m) => Number(/-(\d{2})$/.exec(m.rm_number)?.[1] ?? 0));
      const next = Math.max(...used) + 1;
      if (next > 99) throw new LoketError('CONFLICT', 'Berkas keluarga ini sudah berisi 99 anggota.');
      return `${familyRm[1]}-${String(next).padStart(2, '0')}`;
    }
  }
  for (;;) {
    const seq = await nextNumber(trx, 'rm');
    const rm = format.family ? formatRm(seq, format, 1) : formatRm(seq, format);
    // An imported folder may already carry this number: skip it rather than fail.
    if (!(await records.rmNumberTaken(trx, rm))) return rm;
  }
}

export function patientRecordHandlers(ctx: ServiceContext): Handlers<keyof typeof patientRecordMethods> {
  const today = (settings: SharedSettings) => localDate(ctx.now(), settings.timeZone);
  const requireRecord = async (db: Executor, id: number) => {
    const record = await records.getPatientRecord(db, id);
    if (!record) throw new LoketError('NOT_FOUND', `Pasien dengan id ${id} tidak ditemukan (atau sudah digabung ke pasien lain).`);
    return record;
  };
  const uniqueNik = {
    nik: { path: 'nik', message: 'NIK ini sudah terdaftar atas pasien lain.' },
    rm_number: { path: 'rmNumber', message: 'No. RM sudah dipakai.' },
  };

  return {
    'patients.get': async ({ id }) => requireRecord(ctx.db, id),

    'patients.create': async ({ ignoreSimilar, ...input }) => {
      const settings = await loadSharedSettings(ctx.db);
      const day = today(settings);
      const at = ctx.now().toISOString();
      const { columns, warnings } = await checkPatientFields(ctx.db, input, day);
      const full = { payer_default: columns.bpjs_number ? 'bpjs' : 'umum', ...columns } as records.PatientColumns;
      let id: number;
      try {
        id = await ctx.db.transaction().execute(async (trx) => {
          if (full.nik) {
            const holder = await records.patientIdByNik(trx, full.nik);
            if (holder !== undefined)
              throw new LoketError('CONFLICT', await nikHolderMessage(trx, holder), [{ path: 'nik', message: 'Sudah terdaftar' }]);
          }
          if (!ignoreSimilar) {
            const similar = await similarPatients(trx, full.name, full.birth_date);
            if (similar.length > 0) {
              const list = similar.map((s) => `${s.name} (${s.rmNumber}, lahir ${s.birthDate})`).join('; ');
              throw new LoketError(
                'CONFLICT',
                `Mungkin pasien ini sudah terdaftar: ${list}. Periksa dulu; bila memang orang lain, simpan lagi dengan konfirmasi.`,
                [{ path: 'name', message: 'Nama mirip dengan pasien terdaftar yang tanggal lahirnya sama atau dekat' }],
              );
            }
          }
          const rm = await allocateRm(trx, settings, full.kk_number);
          const patientId = await records.insertPatientRow(trx, { ...full, rm_number: rm, created_at: at, updated_at: at });
          // New patient → new folder on the shelf (or the family's folder), in the same transaction.
          await createMissingFolders(trx, settings.rmFormat.family, at, patientId);
          return patientId;
        });
      } catch (error) {
        if (error instanceof LoketError) throw error;
        translateConstraint(error, uniqueNik);
      }
      ctx.events.emit('patients.changed', { patientId: id, change: 'created' });
      ctx.log.info(`pasien ${id} didaftarkan`);
      return { patient: await requireRecord(ctx.db, id), warnings };
    },

    'patients.update': async ({ id, ...input }) => {
      const settings = await loadSharedSettings(ctx.db);
      const at = ctx.now().toISOString();
      const current = await requireRecord(ctx.db, id);
      const { columns, warnings } = await checkPatientFields(ctx.db, input, today(settings), current);
      try {
        await ctx.db.transaction().execute(async (trx) => {
          if (columns.nik) {
            const holder = await records.patientIdByNik(trx, columns.nik, id);
            if (holder !== undefined)
              throw new LoketError('CONFLICT', await nikHolderMessage(trx, holder), [{ path: 'nik', message: 'Sudah terdaftar' }]);
          }
          if (!(await records.updatePatientRow(trx, id, { ...columns, updated_at: at })))
            throw new LoketError('NOT_FOUND', `Pasien dengan id ${id} tidak ditemukan.`);
        });
      } catch (error) {
        if (error instanceof LoketError) throw error;
        translateConstraint(error, uniqueNik);
      }
      ctx.events.emit('patients.changed', { patientId: id, change: 'updated' });
      ctx.log.info(`pasien ${id} dikoreksi`);
      return { patient: await requireRecord(ctx.db, id), warnings };
    },

    'patients.decodeNik': async ({ nik, birthDate, sex }) => {
      const decoded = decodeNik(nik, today(await loadSharedSettings(ctx.db)));
      if (!decoded.ok) throw new LoketError('VALIDATION', decoded.reason, [{ path: 'nik', message: decoded.reason }]);
      const info = decoded.info;
      return {
        nik: info.nik,
        birthDate: info.birthDate,
        sex: info.sex,
        districtCode: info.districtCode,
        regionOfIssue: await regionPath(ctx.db, info.districtCode),
        warnings: nikWarnings(info, { birthDate, sex }),
      };
    },

    'patients.findDuplicates': async ({ name, birthDate, nik, excludeId }) => {
      const settings = await loadSharedSettings(ctx.db);
      let sameNik = null;
      if (nik) {
        const decoded = decodeNik(nik, today(settings));
        const holder = decoded.ok ? await records.patientIdByNik(ctx.db, decoded.info.nik, excludeId) : undefined;
        if (holder !== undefined) sameNik = (await summariesByIds(ctx.db, [holder]))[0] ?? null;
      }
      const similar = birthDate && nameKey(name).length >= 2 ? await similarPatients(ctx.db, name, birthDate, excludeId) : [];
      return { sameNik, similar: similar.filter((s) => s.id !== sameNik?.id) };
    },
  };
}
