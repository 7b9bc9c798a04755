import { useState, type FormEvent } from 'react';
import { auditActionLabels, auditActions, type AuditAction, type AuditEntry, type AuditVerifyResult, type InputOf } from '../../../src-main/contract';
import { asClientError, useClient, useRemote } from '../../api/react';
import type { ClientError } from '../../api/client';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { Badge, ErrorNote, Panel } from '../../components/ui';
import { hariIni, jam, tanggalPanjang } from '../../lib/format';
import './audit.css';

const GROUP = 'Pengaturan — Jejak Audit';

/** Indonesian names of the audited tables; any other shows its table name. */
const entityLabels: Record<string, string> = {
  patient: 'Pasien',
  visit: 'Kunjungan',
  appointment: 'Janji kunjungan',
  folder: 'Berkas RM',
  folder_patient: 'Berkas pasien',
  folder_movement: 'Pergerakan berkas',
  folder_request: 'Permintaan berkas',
  completeness_review: 'Kelengkapan RM',
  completeness_item: 'Butir kelengkapan',
  queue_ticket: 'Tiket antrean',
  queue_event: 'Peristiwa antrean',
  payment: 'Pembayaran',
  receipt_print: 'Cetak kwitansi',
  cash_day: 'Tutup kas',
  letter: 'Surat',
  letter_print: 'Cetak surat',
  referral: 'Rujukan',
  referral_event: 'Status rujukan',
  referral_followup: 'Tindak lanjut rujukan',
  internal_referral: 'Rujukan internal',
  follow_up: 'Tindak lanjut',
  patient_merge: 'Gabung pasien',
  app_user: 'Pengguna',
  role_permission: 'Hak peran',
  setting: 'Pengaturan',
  unit: 'Unit',
  service: 'Layanan',
  counter: 'Loket',
  counter_service: 'Layanan loket',
  practitioner: 'Tenaga kesehatan',
  facility: 'Faskes',
  facility_specialty: 'Spesialis faskes',
  tariff: 'Tarif',
  diagnosis: 'Diagnosis',
  voice_clip: 'Suara',
};
const entityLabel = (e: string | null) => (e === null ? '' : (entityLabels[e] ?? e));

const show = (v: unknown): string => {
  const text = v === null || v === undefined ? '∅' : typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
};

/** The fields a change touched, `kolom: lama → baru`; a view or print shows what it asked for. */
function changes(e: AuditEntry): string[] {
  if (e.action === 'ubah' && e.before && e.after) {
    const keys = [...new Set([...Object.keys(e.before), ...Object.keys(e.after)])];
    return keys
      .filter((k) => JSON.stringify(e.before![k]) !== JSON.stringify(e.after![k]))
      .map((k) => `${k}: ${show(e.before![k])} → ${show(e.after![k])}`);
  }
  const row = e.after ?? e.before;
  if (!row) return [];
  return Object.entries(row)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${show(v)}`);
}

const actionTone = (a: string) => (a === 'hapus' || a === 'gagal_masuk' ? 'warn' : a === 'ubah' || a === 'tambah' ? 'accent' : 'neutral');

type Filter = InputOf<'audit.list'>;

/**
 * Pengaturan → Jejak Audit: who viewed, printed, changed, logged in or failed to, filtered by
 * date, user, patient (RM), action and table; each change as the fields it touched (before →
 * after). "Periksa keutuhan" recomputes the hash chain on the host.
 */
export function AuditTab() {
  const client = useClient();
  const { settings } = useSession();
  const today = hariIni(settings.timeZone);
  const users = useRemote('users.list', {});
  const [form, setForm] = useState({ from: today, to: today, userId: '', rm: '', action: '', entity: '' });
  const [filter, setFilter] = useState<Filter>({ from: today, to: today });
  const [pages, setPages] = useState<{ key: string; entries: AuditEntry[]; nextCursor: number | null }[]>([]);
  const first = useRemote('audit.list', filter);
  const filterKey = JSON.stringify(filter);
  const more = pages.filter((p) => p.key === filterKey);
  const entries = [...(first.data?.entries ?? []), ...more.flatMap((p) => p.entries)];
  const nextCursor = more.length ? more[more.length - 1]!.nextCursor : (first.data?.nextCursor ?? null);
  const [moreError, setMoreError] = useState<ClientError | null>(null);
  const [check, setCheck] = useState<{ running: boolean; result: AuditVerifyResult | null; error: ClientError | null }>({
    running: false,
    result: null,
    error: null,
  });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setPages([]);
    setMoreError(null);
    setFilter({
      from: form.from,
      to: form.to,
      ...(form.userId ? { userId: Number(form.userId) } : {}),
      ...(form.rm.trim() ? { rm: form.rm.trim() } : {}),
      ...(form.action ? { action: form.action as AuditAction } : {}),
      ...(form.entity ? { entity: form.entity } : {}),
    });
  };
  const loadMore = async () => {
    if (nextCursor === null) return;
    try {
      const page = await client.call('audit.list', { ...filter, cursor: nextCursor });
      setPages((p) => [...p, { key: filterKey, ...page }]);
      setMoreError(null);
    } catch (error) {
      setMoreError(asClientError(error));
    }
  };
  const verify = async () => {
    setCheck({ running: true, result: null, error: null });
    try {
      setCheck({ running: false, result: await client.call('audit.verify', {}), error: null });
    } catch (error) {
      setCheck({ running: false, result: null, error: asClientError(error) });
    }
  };
  // The patient is the usual question, so the RM comes first; dates are last (Tab steps through their parts).
  useShortcut({
    keys: 'Alt+F',
    label: 'Ke saringan jejak audit (No. RM)',
    group: GROUP,
    handler: () => document.getElementById('audit-rm')?.focus(),
  });
  useShortcut({ keys: 'Alt+V', label: 'Periksa keutuhan jejak audit', group: GROUP, handler: () => void verify() });

  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const userName = (id: number | null, username: string | null) => users.data?.find((u) => u.id === id)?.fullName ?? username ?? '—';

  return (
    <div className="audit">
      <Panel
        title="Jejak audit"
        actions={
          <button type="button" className="btn" onClick={() => void verify()} disabled={check.running}>
            Periksa keutuhan <kbd>Alt+V</kbd>
          </button>
        }
      >
        {check.result ? (
          <p role="status" className={check.result.ok ? 'audit-check audit-ok' : 'audit-check audit-broken'}>
            {check.result.message}
            {check.result.lastHash ? <span className="mono muted"> Hash terakhir: {check.result.lastHash.slice(0, 16)}…</span> : null}
          </p>
        ) : check.running ? (
          <p role="status" className="muted">
            Memeriksa rantai hash…
          </p>
        ) : null}
        {check.error ? <ErrorNote error={check.error} /> : null}
        <form className="audit-filter" role="search" aria-label="Saringan jejak audit" onSubmit={apply}>
          <label htmlFor="audit-rm">No. RM</label>
          <input id="audit-rm" value={form.rm} onChange={(e) => set({ rm: e.target.value })} size={10} autoComplete="off" title="Alt+F" />
          <label htmlFor="audit-pengguna">Pengguna</label>
          <select id="audit-pengguna" value={form.userId} onChange={(e) => set({ userId: e.target.value })}>
            <option value="">Semua</option>
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.fullName} ({u.username})
              </option>
            ))}
          </select>
          <label htmlFor="audit-tindakan">Tindakan</label>
          <select id="audit-tindakan" value={form.action} onChange={(e) => set({ action: e.target.value })}>
            <option value="">Semua</option>
            {auditActions.map((a) => (
              <option key={a} value={a}>
                {auditActionLabels[a]}
              </option>
            ))}
          </select>
          <label htmlFor="audit-data">Data</label>
          <select id="audit-data" value={form.entity} onChange={(e) => set({ entity: e.target.value })}>
            <option value="">Semua</option>
            {Object.entries(entityLabels).map(([table, label]) => (
              <option key={table} value={table}>
                {label}
              </option>
            ))}
          </select>
          <label htmlFor="audit-dari">Dari</label>
          <input id="audit-dari" type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} />
          <label htmlFor="audit-sampai">sampai</label>
          <input id="audit-sampai" type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} />
          <button type="submit" className="btn btn-primary">
            Tampilkan
          </button>
        </form>
        <p className="muted">
          {tanggalPanjang(filter.from)}
          {filter.to !== filter.from ? ` – ${tanggalPanjang(filter.to)}` : ''}: {entries.length} baris{nextCursor !== null ? ' (ada lagi)' : ''},
          terbaru di atas.
        </p>
        {first.error ? <ErrorNote error={first.error} onRetry={first.reload} /> : null}
        {first.loading && !first.data ? <p className="muted">Memuat…</p> : null}
        {first.data && entries.length === 0 ? <p className="muted">Tidak ada catatan untuk saringan ini.</p> : null}
        {entries.length > 0 ? (
          <div className="audit-scroll">
            <table className="table table-compact audit-table" aria-label="Catatan jejak audit">
              <thead>
                <tr>
                  <th>#</th>
                  <th>Waktu</th>
                  <th>Pengguna</th>
                  <th>Tindakan</th>
                  <th>Data</th>
                  <th>No. RM</th>
                  <th>Rincian</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => {
                  const lines = changes(e);
                  return (
                    <tr key={e.id}>
                      <td className="mono muted">{e.id}</td>
                      <td className="mono">
                        {filter.to !== filter.from ? `${tanggalPanjang(hariIni(settings.timeZone, new Date(e.at)))} ` : ''}
                        {jam(e.at, settings.timeZone, true)}
                      </td>
                      <td>
                        {userName(e.userId, e.username)}
                        {e.device ? <span className="muted"> · {e.device === 'ipc' ? 'PC host' : 'LAN'}</span> : null}
                      </td>
                      <td>
                        <Badge tone={actionTone(e.action)}>{auditActionLabels[e.action as AuditAction] ?? e.action}</Badge>
                      </td>
                      <td>
                        {entityLabel(e.entity)}
                        {e.entityId ? <span className="mono muted"> {e.entityId}</span> : null}
                      </td>
                      <td className="mono">{e.rmNumber ?? ''}</td>
                      <td className="audit-detail">
                        {e.method ? <span className="mono muted">{e.method}</span> : null}
                        {lines.length > 0 ? (
                          <details>
                            <summary>{e.action === 'ubah' ? lines.slice(0, 2).join('; ') : `${lines.length} kolom`}</summary>
                            <ul>
                              {lines.map((l) => (
                                <li key={l} className="mono">
                                  {l}
                                </li>
                              ))}
                            </ul>
                          </details>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {moreError ? <ErrorNote error={moreError} /> : null}
        {nextCursor !== null ? (
          <button type="button" className="btn" onClick={() => void loadMore()}>
            Muat lebih banyak
          </button>
        ) : null}
      </Panel>
    </div>
  );
}
