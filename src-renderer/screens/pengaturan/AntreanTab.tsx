import { useEffect, useRef, useState } from 'react';
import {
  poliNumberings,
  priorityPolicies,
  priorityPolicyLabels,
  type PoliNumbering,
  type PriorityPolicy,
  type QueueSettings,
  type Unit,
} from '../../../src-main/contract';
import { useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useSubmit } from '../../components/form';
import { FormFooter, Panel, RemoteView, SelectField, TextField } from '../../components/ui';
import '../antrean/antrean.css';

const poliNumberingLabels: Record<PoliNumbering, string> = {
  unit: 'Nomor antrean unit sendiri (huruf unit + nomor urut)',
  register: 'Nomor register kunjungan',
};

/** Shared queue settings: ticket numbers, who goes first, poli queues, the wait estimate. */
export function AntreanTab() {
  const settings = useRemote('settings.get', {}, { refreshOn: ['settings.changed'] });
  const units = useRemote('units.list', {}, { refreshOn: ['reference.changed'] });
  return (
    <RemoteView remote={settings}>
      {(data) => <QueueSettingsForm initial={data.queue} units={(units.data ?? []).filter((u) => u.active)} />}
    </RemoteView>
  );
}

type Form = {
  ticketWidth: string;
  priorityPolicy: PriorityPolicy;
  priorityInterval: string;
  poliNumbering: PoliNumbering;
  defaultServiceMinutes: string;
  unitPrefixes: Record<string, string>;
};

const toForm = (q: QueueSettings): Form => ({
  ticketWidth: String(q.ticketWidth),
  priorityPolicy: q.priorityPolicy,
  priorityInterval: String(q.priorityInterval),
  poliNumbering: q.poliNumbering,
  defaultServiceMinutes: String(q.defaultServiceMinutes),
  unitPrefixes: { ...q.unitPrefixes },
});

/** '' or text → NaN, so the contract names the field. */
const whole = (s: string): number => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);

/** What a unit's tickets start with when no letters are set (the host's rule: the code's first letters). */
const defaultLetters = (code: string) =>
  code
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .slice(0, 3) || 'P';

function QueueSettingsForm({ initial, units }: { initial: QueueSettings; units: Unit[] }) {
  const client = useClient();
  const { can } = useSession();
  const editable = can('pengaturan:correction');
  const [f, setF] = useState<Form>(() => toForm(initial));
  const dirty = useRef(false);
  // Someone else saved while this form was untouched: show their values.
  useEffect(() => {
    if (!dirty.current) setF(toForm(initial));
  }, [initial]);
  const set = (patch: Partial<Form>) => {
    dirty.current = true;
    setF((x) => ({ ...x, ...patch }));
  };

  const form = useSubmit(
    () =>
      client.call('settings.update', {
        queue: {
          ticketWidth: whole(f.ticketWidth),
          priorityPolicy: f.priorityPolicy,
          ...(f.priorityPolicy === 'selang' ? { priorityInterval: whole(f.priorityInterval) } : {}),
          poliNumbering: f.poliNumbering,
          defaultServiceMinutes: whole(f.defaultServiceMinutes),
          // Empty letters: the unit goes back to its default.
          unitPrefixes: Object.fromEntries(Object.entries(f.unitPrefixes).filter(([, v]) => v.trim() !== '')),
        },
      }),
    {
      savedText: 'Pengaturan antrean tersimpan. Berlaku untuk nomor yang diambil sesudah ini.',
      onDone: (saved) => {
        dirty.current = false;
        setF(toForm(saved.queue));
      },
    },
  );
  const err = (k: string) => form.fieldError(`queue.${k}`);
  const width = whole(f.ticketWidth);
  const example = Number.isInteger(width) && width >= 2 && width <= 5 ? `A${'12'.padStart(width, '0')}` : '—';

  return (
    <div className="stack">
      <Panel title="Nomor antrean" className="wide-panel">
        <form onSubmit={form.onSubmit} noValidate className="form-grid form-three" aria-label="Pengaturan antrean">
          <fieldset disabled={!editable} className="contents">
            <TextField
              label="Panjang angka nomor tiket"
              inputMode="numeric"
              value={f.ticketWidth}
              onChange={(e) => set({ ticketWidth: e.target.value })}
              error={err('ticketWidth')}
              hint={`2–5 angka. Contoh: ${example}. Nomor mulai dari 1 setiap tengah malam.`}
            />
            <SelectField
              label="Pasien prioritas"
              value={f.priorityPolicy}
              onChange={(e) => set({ priorityPolicy: e.target.value as PriorityPolicy })}
              options={priorityPolicies.map((p) => ({ value: p, label: priorityPolicyLabels[p] }))}
              error={err('priorityPolicy')}
              hint="Lansia, disabilitas, ibu hamil dan anak yang memilih prioritas di kios"
            />
            {f.priorityPolicy === 'selang' ? (
              <TextField
                label="Satu prioritas setiap … panggilan"
                inputMode="numeric"
                value={f.priorityInterval}
                onChange={(e) => set({ priorityInterval: e.target.value })}
                error={err('priorityInterval')}
                hint="2–10; mis. 3 = satu prioritas lalu dua nomor biasa"
              />
            ) : (
              <span />
            )}
            <SelectField
              label="Nomor antrean poli"
              value={f.poliNumbering}
              onChange={(e) => set({ poliNumbering: e.target.value as PoliNumbering })}
              options={poliNumberings.map((p) => ({ value: p, label: poliNumberingLabels[p] }))}
              error={err('poliNumbering')}
              hint="Pasien yang didaftarkan masuk antrean unit tujuannya"
              wide
            />
            <TextField
              label="Menit per pasien (perkiraan awal)"
              inputMode="numeric"
              value={f.defaultServiceMinutes}
              onChange={(e) => set({ defaultServiceMinutes: e.target.value })}
              error={err('defaultServiceMinutes')}
              hint="Dipakai sampai ada cukup pasien selesai hari ini"
            />
            {units.length > 0 ? (
              <fieldset className="checks queue-unit-letters">
                <legend>Huruf tiket antrean poli (kosong = bawaan)</legend>
                {units.map((u) => (
                  <TextField
                    key={u.id}
                    label={u.name}
                    value={f.unitPrefixes[u.code] ?? ''}
                    placeholder={defaultLetters(u.code)}
                    maxLength={3}
                    onChange={(e) => set({ unitPrefixes: { ...f.unitPrefixes, [u.code]: e.target.value.toUpperCase() } })}
                    error={err(`unitPrefixes.${u.code}`)}
                  />
                ))}
              </fieldset>
            ) : null}
          </fieldset>
          {editable ? (
            <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Simpan pengaturan antrean" />
          ) : (
            <p className="muted small">Anda hanya berhak melihat pengaturan antrean.</p>
          )}
        </form>
      </Panel>
      <p className="muted small">
        Layanan (huruf A, B, C…, kuota harian) diatur di tab Layanan, loket dan layanannya di tab Loket. Printer karcis kios: tab Komputer ini.
      </p>
    </div>
  );
}
