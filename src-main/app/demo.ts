import type BetterSqlite3 from 'better-sqlite3';
import type { Role } from '../contract';
import { withBulkAudit } from '../db/audit-context';
import { appendAuditRow } from '../db/repositories/audit';
import { raiseSequence } from '../db/repositories/sequences';
import { hasAnyPatient, insertPatientsRaw, insertVisitsRaw, isTableEmpty, patientRefs, villageCodesIn } from '../db/repositories/demo';
import { createMissingFolders } from '../db/repositories/folders';
import { insertPatients } from '../db/repositories/patients';
import { listUnits, saveFacility, savePractitioner } from '../db/repositories/reference';
import { readSettings, writeSetting } from '../db/repositories/settings';
import { findUserByUsername, insertUser } from '../db/repositories/users';
import { insertVisits } from '../db/repositories/visits';
import type { NewVisit } from '../db/schema';
import { defaultSharedSettings } from '../domain/defaults';
import { localDate } from '../domain/waktu';
import type { ServiceContext } from '../services/context';
import { hashPassword, verifyPassword } from '../services/password';
import { loadSharedSettings } from '../services/settings';
import { seedDemoQueue } from './demo-queue';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
}

/** One account per role; the passwords are for trying the app only (serve --demo prints them). */
export const demoUsers: readonly (DemoAccount & { fullName: string })[] = [
  { username: 'admin', fullName: 'Administrator Puskesmas', role: 'administrator', password: 'demo-admin' },
  { username: 'pendaftaran', fullName: 'Euis Sulastri', role: 'pendaftaran', password: 'demo-pendaftaran' },
  { username: 'rekammedis', fullName: 'Rudi Hartono, A.Md.RMIK', role: 'rekam_medis', password: 'demo-rekammedis' },
  { username: 'kasir', fullName: 'Siti Nurjanah', role: 'kasir', password: 'demo-kasir' },
  { username: 'dokter', fullName: 'dr. Rina Safitri', role: 'dokter', password: 'demo-dokter' },
];

export interface SeedDemoOptions {
  /** Patients to create (default 3000). */
  patients?: number;
  /** Same seed + same day → the same data (default `DEFAULT_DEMO_SEED` of demo-data.ts). */
  seed?: number;
  /** Visits registered this morning (default 60–80, from the seed). */
  visits?: number;
  /** Earlier visits over the past ~13 months (default true). */
  history?: boolean;
  /**
   * The store's raw handle (`host.store.sqlite`): patients and visits then go in through one
   * reused prepared statement, for benchmark databases of 10⁵+ patients.
   */
  sqlite?: BetterSqlite3.Database;
}

export interface DemoSummary {
  seeded: boolean;
  patients: number;
  visits: number;
  ms: number;
}

const DEFAULT_PATIENTS = 3000;

/**
 * Fills a database without patients with one realistic puskesmas (profile, staff, referral
 * facilities, one account per role, patients and this morning's register). A database that
 * already has patients is left alone. Returns the demo accounts whose demo password still works,
 * so `serve --demo` can print them at every start.
 */
export async function seedDemo(ctx: ServiceContext, options: SeedDemoOptions = {}): Promise<DemoAccount[]> {
  await seedDemoData(ctx, options);
  return demoAccounts(ctx);
}

/** The demo accounts that exist with their demo password unchanged. */
export async function demoAccounts(ctx: ServiceContext): Promise<DemoAccount[]> {
  const found = await Promise.all(
    demoUsers.map(async (u) => {
      const user = await findUserByUsername(ctx.db, u.username);
      return user && user.active && user.role === u.role && (await verifyPassword(u.password, user.passwordHash))
        ? { username: u.username, password: u.password, role: u.role }
        : null;
    }),
  );
  return found.filter((a): a is DemoAccount => a !== null);
}

/** The seeding itself, with counts for logs and benchmarks. */
export async function seedDemoData(ctx: ServiceContext, options: SeedDemoOptions = {}): Promise<DemoSummary> {
  const started = performance.now();
  if (await hasAnyPatient(ctx.db)) return { seeded: false, patients: 0, visits: 0, ms: 0 };
  // The generator (and faker with its locale data) loads only when there is something to seed,
  // not at every `serve --demo` start.
  const {
    DEFAULT_DEMO_SEED,
    DEMO_HOME_DISTRICT,
    DEMO_NEIGHBOUR_DISTRICTS,
    demoFacilities,
    demoPuskesmas,
    generatePatients,
    generatePractitioners,
    generateVisits,
    morningEndFor,
  } = await import('./demo-data');
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const count = options.patients ?? DEFAULT_PATIENTS;
  // scrypt runs on the thread pool: hash before the write transaction, not inside it.
  const hashes = await Promise.all(demoUsers.map((u) => hashPassword(u.password)));
  const at = ctx.now().toISOString();

  // Synthetic rows by the thousand: one summary row in the audit trail, not one per row.
  const result = await withBulkAudit(() =>
    ctx.db.transaction().execute(async (trx) => {
      if (await hasAnyPatient(trx)) return null;

      // Profile, time zone and running text, unless the puskesmas has already filled them in.
      const stored = await readSettings(trx);
      const profile = stored.get('puskesmas') as { name?: string } | undefined;
      if (!profile?.name || profile.name === defaultSharedSettings.puskesmas.name)
        await writeSetting(trx, 'puskesmas', demoPuskesmas.puskesmas, null, at);
      if (!stored.has('timeZone')) await writeSetting(trx, 'timeZone', demoPuskesmas.timeZone, null, at);
      if (!stored.has('runningText')) await writeSetting(trx, 'runningText', demoPuskesmas.runningText, null, at);
      const settings = await loadSharedSettings(trx);
      const today = localDate(ctx.now(), settings.timeZone);
      const morningEnd = morningEndFor(ctx.now(), settings.timeZone);

      const units = new Map((await listUnits(trx)).map((u) => [u.code, u]));
      if (await isTableEmpty(trx, 'practitioner')) {
        for (const p of generatePractitioners(seed)) {
          await savePractitioner(trx, {
            name: p.name,
            profession: p.profession,
            nip: p.nip,
            sip: p.sip,
            str: p.str,
            unitId: p.unitCode ? (units.get(p.unitCode)?.id ?? null) : null,
          });
        }
      }
      if (await isTableEmpty(trx, 'facility')) for (const f of demoFacilities) await saveFacility(trx, f);

      for (const [i, u] of demoUsers.entries()) {
        if (!(await findUserByUsername(trx, u.username)))
          await insertUser(trx, { username: u.username, fullName: u.fullName, role: u.role, passwordHash: hashes[i]!, at });
      }
      const clerk = await findUserByUsername(trx, 'pendaftaran');

      // Villages of one real kecamatan and its neighbours (none when regions were not loaded).
      const villages = await villageCodesIn(trx, [DEMO_HOME_DISTRICT, ...DEMO_NEIGHBOUR_DISTRICTS]);
      const patients = generatePatients(count, seed, villages, { today, timeZone: settings.timeZone, morningEnd });
      if (options.sqlite) insertPatientsRaw(options.sqlite, patients);
      else await insertPatients(trx, patients);
      // New registrations continue after the demo's RM numbers.
      await raiseSequence(trx, 'rm', patients.length);
      // Every demo patient's folder stands on the shelf.
      await createMissingFolders(trx, settings.rmFormat.family, ctx.now().toISOString(), 1);
      const refs = await patientRefs(trx);
      const fallback = units.get('UMUM') ?? [...units.values()][0];
      if (!fallback) throw new Error('Belum ada unit layanan: demo memerlukan unit bawaan.');
      const visits: NewVisit[] = generateVisits(refs, seed, {
        today,
        timeZone: settings.timeZone,
        todayCount: options.visits,
        morningEnd,
        history: options.history ?? true,
        registeredBy: clerk?.id ?? null,
      }).map(({ unitCode, ...v }) => ({ ...v, unit_id: (units.get(unitCode) ?? fallback).id }));
      if (options.sqlite) insertVisitsRaw(options.sqlite, visits);
      else await insertVisits(trx, visits);
      // This morning's queue: the tickets behind today's visits, the poli queues, a few still waiting.
      await seedDemoQueue(trx, { date: today, now: ctx.now(), settings });
      await appendAuditRow(trx, {
        action: 'massal',
        entity: 'demo',
        entityId: null,
        patientId: null,
        detail: { patients: patients.length, visits: visits.length, seed },
      });
      return { patients: patients.length, visits: visits.length };
    }),
  );

  const ms = Math.round(performance.now() - started);
  if (!result) return { seeded: false, patients: 0, visits: 0, ms };
  ctx.log.info(`demo: ${result.patients} pasien dan ${result.visits} kunjungan dibuat dalam ${ms} ms`);
  return { seeded: true, ...result, ms };
}
