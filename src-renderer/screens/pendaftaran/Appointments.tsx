import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Appointment } from '../../../src-main/contract';
import { asClientError, useClient, useRemote } from '../../api/react';
import type { ClientError } from '../../api/client';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { orNull } from '../../components/form';
import { Badge, ErrorNote, RemoteView } from '../../components/ui';
import { geserTanggal, hariTanggalDari, tanggalPendek, umur } from '../../lib/format';
import { Select, Text } from './fields';

/** Common control intervals, one Tab + Enter away. */
const quickDates: readonly [string, number][] = [
  ['Hari ini', 0],
  ['3 hari', 3],
  ['1 minggu', 7],
  ['2 minggu', 14],
  ['1 bulan', 30],
];

/** Schedules a control visit (jadwal kontrol) for one patient: date, unit, note. Enter saves, Esc goes back. */
export function AppointmentForm({
  patientId,
  today,
  onDone,
  onCancel,
}: {
  patientId: number;
  today: string;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const client = useClient();
  const units = useRemote('units.list', {}, { refreshOn: ['reference.changed'] });
  const proposal = useRemote('visits.propose', { patientId });
  // What this patient already has ahead, so a second control is not booked by mistake.
  const upcoming = useRemote('appointments.list', { patientId }, { refreshOn: ['appointments.changed'] });
  const active = (units.data ?? []).filter((u) => u.active && u.code !== 'UGD');
  const suggested = proposal.data?.defaultUnitId ?? null;
  const [date, setDate] = useState(() => geserTanggal(today, 7));
  const [unitId, setUnitId] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const chosen = unitId ?? suggested;

  useEffect(() => {
    dateRef.current?.focus();
  }, []);
  useShortcut({ keys: 'Escape', label: 'Kembali ke pendaftaran kunjungan', group: 'Pendaftaran — jadwal kontrol', handler: onCancel });

  const save = () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    client.call('appointments.create', { patientId, unitId: chosen ?? 0, date, note: orNull(note) }).then(
      (a) => {
        setBusy(false);
        onDone(`Jadwal kontrol ${hariTanggalDari(a.date)} ke ${a.unitName} tersimpan.`);
      },
      (e: unknown) => {
        setBusy(false);
        setError(asClientError(e));
      },
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.shiftKey) return;
    if (e.target instanceof HTMLButtonElement) return;
    e.preventDefault();
    save();
  };
  const err = (path: string) => error?.fieldMessage(path);

  return (
    <form
      className="reg-form"
      aria-label="Jadwal kontrol"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3 className="reg-section">Jadwal kontrol</h3>
      {upcoming.data && upcoming.data.length > 0 ? (
        <div className="note reg-note" role="status" data-testid="jadwal-pasien">
          Jadwal yang sudah ada:{' '}
          {upcoming.data.map((a, i) => (
            <span key={a.id}>
              {i > 0 ? '; ' : ''}
              <strong>{hariTanggalDari(a.date)}</strong> ke {a.unitName}
              {a.status === 'hadir' ? ' (sudah hadir)' : ''}
            </span>
          ))}
          .
        </div>
      ) : null}
      <div className="reg-grid">
        <Text
          ref={dateRef}
          label="Tanggal kontrol"
          type="date"
          min={today}
          max="2999-12-31"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={err('date')}
          hint={date ? hariTanggalDari(date) : undefined}
          mark
        />
        <Select
          label="Unit"
          value={chosen === null ? '' : String(chosen)}
          onChange={(e) => setUnitId(e.target.value === '' ? null : Number(e.target.value))}
          options={[
            ...(chosen === null ? [{ value: '', label: '— pilih unit —' }] : []),
            ...active.map((u) => ({ value: String(u.id), label: u.name })),
          ]}
          error={err('unitId')}
          mark
        />
      </div>
      <div className="appt-quick" role="group" aria-label="Tanggal cepat">
        {quickDates.map(([label, days]) => (
          <button
            key={label}
            type="button"
            className={`btn btn-small${date === geserTanggal(today, days) ? ' appt-quick-on' : ''}`}
            onClick={() => setDate(geserTanggal(today, days))}
          >
            {label}
          </button>
        ))}
      </div>
      <Text
        label="Catatan"
        value={note}
        maxLength={200}
        onChange={(e) => setNote(e.target.value)}
        error={err('note')}
        placeholder="mis. kontrol tekanan darah"
      />
      {error && !(error.code === 'VALIDATION' && error.fields.length > 0) ? <ErrorNote error={error} /> : null}
      <div className="reg-submit">
        <span className="small muted">Enter = simpan · Esc = kembali</span>
        <div className="form-buttons">
          <button type="button" className="btn" onClick={onCancel}>
            Batal
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Menyimpan…' : 'Simpan jadwal'}
          </button>
        </div>
      </div>
    </form>
  );
}

/**
 * Today's and tomorrow's control appointments. "Daftarkan" on today's opens the registration
 * panel with the appointment (registering checks it in); "Batalkan" asks once more.
 */
export function AppointmentList({ today, onCheckIn }: { today: string; onCheckIn: (a: Appointment) => void }) {
  const client = useClient();
  const { can } = useSession();
  const canInput = can('kunjungan:input');
  const list = useRemote('appointments.list', {}, { refreshOn: ['appointments.changed', 'visits.changed'] });
  const [confirming, setConfirming] = useState<number | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const box = useRef<HTMLElement>(null);
  const tomorrow = geserTanggal(today, 1);

  useShortcut({
    keys: 'F4',
    label: 'Ke daftar jadwal kontrol hari ini dan besok',
    group: 'Pendaftaran',
    handler: () => box.current?.querySelector<HTMLElement>('button:not([disabled])')?.focus(),
  });

  const cancel = (a: Appointment) => {
    if (confirming !== a.id) {
      setConfirming(a.id);
      return;
    }
    setConfirming(null);
    client.call('appointments.cancel', { id: a.id }).then(
      () => setError(null),
      (e: unknown) => setError(asClientError(e)),
    );
  };

  return (
    <section ref={box} className="panel appt-panel" aria-labelledby="judul-jadwal">
      <header className="panel-head">
        <h2 id="judul-jadwal">Jadwal kontrol hari ini dan besok</h2>
        <span className="small muted">
          <kbd>F4</kbd> ke daftar · <kbd>Tab</kbd> pindah tombol
        </span>
      </header>
      <div className="panel-body">
        {error ? <ErrorNote error={error} /> : null}
        <RemoteView
          remote={list}
          empty={(l) => (l.length === 0 ? <p className="muted small appt-empty">Tidak ada jadwal kontrol hari ini dan besok.</p> : null)}
        >
          {(rows) => (
            <div className="table-wrap">
              <table className="table table-compact" aria-label="Jadwal kontrol">
                <thead>
                  <tr>
                    <th>Tanggal</th>
                    <th>No. RM</th>
                    <th>Nama</th>
                    <th>Unit</th>
                    <th>Catatan</th>
                    <th>Status</th>
                    <th className="col-action">
                      <span className="sr-only">Aksi</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((a) => (
                    <tr key={a.id} data-testid={`jadwal-${a.id}`}>
                      <td>{a.date === today ? <Badge tone="accent">Hari ini</Badge> : a.date === tomorrow ? 'Besok' : tanggalPendek(a.date)}</td>
                      <td className="mono">{a.patient.rmNumber}</td>
                      <td>
                        <span className="strong">{a.patient.name}</span>{' '}
                        <span className="muted small">
                          {a.patient.sex} · {umur(a.patient.birthDate, today)}
                        </span>
                      </td>
                      <td>{a.unitName}</td>
                      <td className="appt-note">{a.note ?? '—'}</td>
                      <td>
                        {a.status === 'hadir' ? (
                          <Badge tone="ok">Hadir</Badge>
                        ) : a.status === 'batal' ? (
                          <Badge tone="off">Batal</Badge>
                        ) : (
                          <Badge>Terjadwal</Badge>
                        )}
                      </td>
                      <td className="col-action appt-actions">
                        {canInput && a.status === 'terjadwal' ? (
                          <>
                            {a.date === today ? (
                              <button type="button" className="btn btn-small btn-primary" onClick={() => onCheckIn(a)}>
                                Daftarkan
                              </button>
                            ) : null}
                            <button
                              type="button"
                              className={`btn btn-small${confirming === a.id ? ' btn-danger' : ''}`}
                              onClick={() => cancel(a)}
                              onBlur={() => setConfirming((c) => (c === a.id ? null : c))}
                            >
                              {confirming === a.id ? 'Yakin batalkan? (Enter)' : 'Batalkan'}
                            </button>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </RemoteView>
      </div>
    </section>
  );
}
