import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientMerge, PatientRecord, Unit, Visit } from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

describe('merging duplicate patients', () => {
  let h: HttpHost;
  let admin: string;
  let units: Unit[];
  async function ok<T>(method: string, input: unknown, token = admin): Promise<T> {
    const r = await h.call<T>(method, input, token);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  const patient = async (input: Record<string, unknown>) =>
    (await ok<{ patient: PatientRecord }>('patients.create', { ignoreSimilar: true, ...input })).patient;
  const owner = (table: string, id: number) =>
    (h.host.store.sqlite.prepare(`SELECT patient_id FROM ${table} WHERE id = ?`).get(id) as { patient_id: number }).patient_id;

  beforeAll(async () => {
    h = await httpHost();
    admin = await adminToken(h);
    units = await ok<Unit[]>('units.list', {});
  });
  afterAll(async () => h.cleanup());

  it('moves every reference to the kept patient, hides the merged one, and undoes exactly', async () => {
    const keep = await patient({ name: 'Suparman', birthDate: '1965-02-02', sex: 'L', nik: '3201010202650001' });
    const dup = await patient({ name: 'Soeparman', birthDate: '1965-02-02', sex: 'L' });
    const umum = units.find((u) => u.code === 'UMUM')!.id;
    const keptVisit = (await ok<{ visit: Visit }>('visits.register', { patientId: keep.id, payer: 'umum', unitId: umum })).visit;
    const dupVisit = (
      await ok<{ visit: Visit }>('visits.register', { patientId: dup.id, payer: 'umum', unitId: units.find((u) => u.code === 'GIGI')!.id })
    ).visit;
    const appointment = await ok<{ id: number }>('appointments.create', { patientId: dup.id, unitId: umum, date: '2099-03-03', note: null });

    const merge = await ok<PatientMerge>('patients.merge', { keepId: keep.id, mergeId: dup.id, reason: 'Pasien sama, ejaan lama di kartu' });
    expect(merge).toMatchObject({
      kept: { id: keep.id },
      merged: { id: dup.id, name: 'Soeparman' },
      moved: { visits: 1, appointments: 1, folderRequests: 1 },
      undoneAt: null,
    });
    expect(owner('visit', dupVisit.id)).toBe(keep.id);
    expect(owner('appointment', appointment.id)).toBe(keep.id);
    expect((await h.call('patients.get', { id: dup.id }, admin)).status).toBe(404);
    const found = await ok<{ id: number }[]>('patients.search', { query: 'Soeparman' });
    expect(found.map((p) => p.id)).not.toContain(dup.id);
    // Nothing is deleted: the merged row is still there, marked.
    expect(h.host.store.sqlite.prepare('SELECT merged_into FROM patient WHERE id = ?').get(dup.id)).toEqual({ merged_into: keep.id });
    expect((await h.call('patients.merge', { keepId: keep.id, mergeId: dup.id, reason: 'lagi dan lagi' }, admin)).status).toBe(409);

    // A visit registered after the merge stays with the kept patient on undo.
    const after = (
      await ok<{ visit: Visit }>('visits.register', { patientId: keep.id, payer: 'umum', unitId: units.find((u) => u.code === 'LAB')!.id })
    ).visit;
    const undone = await ok<PatientMerge>('patients.unmerge', { mergeId: merge.id });
    expect(undone.undoneAt).not.toBeNull();
    expect(owner('visit', dupVisit.id)).toBe(dup.id);
    expect(owner('appointment', appointment.id)).toBe(dup.id);
    expect(owner('visit', keptVisit.id)).toBe(keep.id);
    expect(owner('visit', after.id)).toBe(keep.id);
    expect((await ok<PatientRecord>('patients.get', { id: dup.id })).name).toBe('Soeparman');
    expect((await h.call('patients.unmerge', { mergeId: merge.id }, admin)).status).toBe(409);
    const history = await ok<PatientMerge[]>('patients.merges', { patientId: dup.id });
    expect(history.map((m) => m.id)).toEqual([merge.id]);
  });

  it('refuses bad merges and leaves the data as it was', async () => {
    const a = await patient({ name: 'Wati Lestari', birthDate: '1980-08-08', sex: 'P' });
    expect((await h.call('patients.merge', { keepId: a.id, mergeId: a.id, reason: 'sama saja' }, admin)).status).toBe(400);
    expect((await h.call('patients.merge', { keepId: a.id, mergeId: 987654, reason: 'tidak ada' }, admin)).status).toBe(404);
    expect((await h.call('patients.merge', { keepId: a.id, mergeId: a.id + 1, reason: 'x' }, admin)).status).toBe(400);
    expect((await h.call('patients.unmerge', { mergeId: 987654 }, admin)).status).toBe(404);
    // Registration clerks may not merge (records staff and administrators only).
    await ok('users.create', { username: 'loket1', fullName: 'Petugas Loket', role: 'pendaftaran', password: 'loket-rahasia' });
    const login = await h.call<{ token: string }>('auth.login', { username: 'loket1', password: 'loket-rahasia' });
    const clerk = login.body.ok ? login.body.value.token : '';
    const b = await patient({ name: 'Wati Lestary', birthDate: '1980-08-08', sex: 'P' });
    expect((await h.call('patients.merge', { keepId: a.id, mergeId: b.id, reason: 'pasien sama' }, clerk)).status).toBe(403);
    expect((await ok<PatientRecord>('patients.get', { id: b.id })).id).toBe(b.id);
  });

  it('undoes chained merges newest first', async () => {
    const a = await patient({ name: 'Rahmat Hidayat', birthDate: '1990-01-01', sex: 'L' });
    const b = await patient({ name: 'Rachmat Hidajat', birthDate: '1990-01-01', sex: 'L' });
    const c = await patient({ name: 'Rahmad Hidayat', birthDate: '1990-01-01', sex: 'L' });
    const first = await ok<PatientMerge>('patients.merge', { keepId: b.id, mergeId: c.id, reason: 'duplikat pertama' });
    const second = await ok<PatientMerge>('patients.merge', { keepId: a.id, mergeId: b.id, reason: 'duplikat kedua' });
    const blocked = await h.call('patients.unmerge', { mergeId: first.id }, admin);
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({ error: { message: expect.stringContaining(`#${second.id}`) as string } });
    await ok('patients.unmerge', { mergeId: second.id });
    await ok('patients.unmerge', { mergeId: first.id });
    expect((await ok<PatientRecord>('patients.get', { id: c.id })).id).toBe(c.id);
  });
});
