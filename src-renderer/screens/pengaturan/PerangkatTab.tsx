import { useEffect, useRef, useState } from 'react';
import { deviceScopeLabels, deviceScopes, type Device, type DeviceScope } from '../../../src-main/contract';
import { useClient, useLoketEvent, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { useSubmit } from '../../components/form';
import { Badge, EmptyNote, ErrorNote, FormFooter, Panel, SelectField, TextField } from '../../components/ui';
import { tanggalPendekWaktu } from '../../lib/format';
import './perangkat.css';

/** As the host's services/devices.ts: a code lives five minutes. */
const PAIRING_TTL_MS = 5 * 60 * 1000;

interface Started {
  id: string;
  code: string;
  name: string;
  expiresAt: string;
}

/**
 * Pengaturan → Perangkat: the TVs, kiosks and other counters paired over the LAN. "Pasangkan
 * perangkat" shows a one-time code for five minutes; the device types it on its pairing page.
 */
export function PerangkatTab() {
  const client = useClient();
  const { can, settings } = useSession();
  const remote = useRemote('devices.list', {}, { refreshOn: ['devices.changed'] });
  const [scope, setScope] = useState<DeviceScope>('display');
  const [name, setName] = useState('');
  const [started, setStarted] = useState<Started | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const canPair = can('pengguna:input');
  const canRevoke = can('pengguna:correction');

  useShortcut(
    {
      keys: 'Alt+N',
      label: 'Pasangkan perangkat baru',
      group: 'Pengaturan — Perangkat',
      handler: () => formRef.current?.querySelector('select')?.focus(),
    },
    canPair,
  );

  const form = useSubmit(() => client.call('devices.startPairing', { scope, name }), {
    savedText: 'Kode pemasangan dibuat.',
    onDone: (p) => {
      setStarted({ id: p.id, code: p.code, name: p.name, expiresAt: p.expiresAt });
      setOutcome(null);
      setName('');
    },
  });

  // The code was used, cancelled or burnt when it leaves the host's waiting list.
  useLoketEvent(['devices.changed'], () => {
    if (!started) return;
    void client.call('devices.list', {}).then((now) => {
      if (now.pending.some((p) => p.id === started.id)) return;
      // Paired from this code: same name, paired after the code was made (the host's clock on both sides).
      const madeAt = Date.parse(started.expiresAt) - PAIRING_TTL_MS;
      const pairedNow = now.devices.find((d) => d.name === started.name && d.revokedAt === null && Date.parse(d.pairedAt) >= madeAt);
      setOutcome(pairedNow ? `Perangkat “${started.name}” sudah terpasang.` : 'Kode pemasangan tidak berlaku lagi. Buat kode baru bila perlu.');
      setStarted(null);
    });
  });
  const data = remote.data;

  const revoke = async (device: Device) => {
    setRevokeError(null);
    try {
      await client.call('devices.revoke', { id: device.id });
      setConfirming(null);
      setOutcome(`Perangkat “${device.name}” sudah dicabut. Perangkat itu harus dipasangkan ulang.`);
    } catch (e) {
      setRevokeError((e as Error).message);
    }
  };

  return (
    <>
      {canPair ? (
        <Panel title="Pasangkan perangkat">
          {started ? (
            <PairingCode
              started={started}
              onCancel={() => void client.call('devices.cancelPairing', { id: started.id }).then(() => setStarted(null))}
            />
          ) : (
            <form ref={formRef} onSubmit={form.onSubmit} noValidate className="form-grid">
              <SelectField
                label="Jenis perangkat"
                value={scope}
                onChange={(e) => setScope(e.target.value as DeviceScope)}
                options={deviceScopes.map((s) => ({ value: s, label: deviceScopeLabels[s] }))}
                error={form.fieldError('scope')}
              />
              <TextField
                label="Nama perangkat"
                value={name}
                onChange={(e) => setName(e.target.value)}
                error={form.fieldError('name')}
                hint="Misalnya: TV ruang tunggu, Kios pintu masuk, Loket 2"
                autoComplete="off"
              />
              <FormFooter error={form.error} busy={form.busy} submitLabel="Pasangkan perangkat" />
            </form>
          )}
          <p className="note">
            Buka alamat komputer utama di peramban perangkat itu (/display untuk layar, /kiosk untuk kios, / untuk loket), lalu ketik kodenya. Layar
            hanya membaca antrean; kios hanya mengambil nomor; loket tetap harus masuk dengan nama pengguna.
          </p>
          {outcome ? (
            <p className="text-ok" role="status">
              {outcome}
            </p>
          ) : null}
        </Panel>
      ) : null}
      <Panel title="Perangkat terpasang">
        {remote.error ? <ErrorNote error={remote.error} onRetry={remote.reload} /> : null}
        {data && data.devices.length === 0 ? (
          <EmptyNote>Belum ada perangkat yang dipasangkan. Komputer utama sendiri tidak perlu dipasangkan.</EmptyNote>
        ) : null}
        {data && data.devices.length > 0 ? (
          <div className="table-wrap">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>Nama</th>
                  <th>Jenis</th>
                  <th>Dipasangkan</th>
                  <th>Terakhir terlihat</th>
                  <th>Status</th>
                  {canRevoke ? <th>Tindakan</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.devices.map((d) => (
                  <tr key={d.id}>
                    <td>{d.name}</td>
                    <td>{deviceScopeLabels[d.scope]}</td>
                    <td>
                      {tanggalPendekWaktu(d.pairedAt, settings.timeZone)} oleh {d.pairedBy}
                    </td>
                    <td>{d.lastSeenAt ? tanggalPendekWaktu(d.lastSeenAt, settings.timeZone) : '—'}</td>
                    <td>
                      {d.revokedAt ? (
                        <Badge tone="off">
                          Dicabut {tanggalPendekWaktu(d.revokedAt, settings.timeZone)} oleh {d.revokedBy}
                        </Badge>
                      ) : (
                        <Badge tone="ok">Aktif</Badge>
                      )}
                    </td>
                    {canRevoke ? (
                      <td>
                        {d.revokedAt ? null : confirming === d.id ? (
                          <span className="device-confirm" role="group" aria-label={`Konfirmasi cabut ${d.name}`}>
                            Cabut “{d.name}”?{' '}
                            <button type="button" className="btn btn-small device-revoke" autoFocus onClick={() => void revoke(d)}>
                              Ya, cabut
                            </button>{' '}
                            <button type="button" className="btn btn-small" onClick={() => setConfirming(null)}>
                              Batal
                            </button>
                          </span>
                        ) : (
                          <button type="button" className="btn btn-small" aria-label={`Cabut ${d.name}`} onClick={() => setConfirming(d.id)}>
                            Cabut
                          </button>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {revokeError ? (
          <p className="text-error" role="alert">
            {revokeError}
          </p>
        ) : null}
      </Panel>
    </>
  );
}

/** The code, large, with the minutes left; it goes away by itself when used or expired. */
function PairingCode({ started, onCancel }: { started: Started; onCancel: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const leftMs = Date.parse(started.expiresAt) - now;
  const minutes = Math.ceil(leftMs / 60_000);
  return (
    <div className="pairing-shown">
      <p>
        Kode pemasangan untuk <strong>{started.name}</strong>:
      </p>
      <output className="pairing-shown-code" aria-label="Kode pemasangan">
        {started.code}
      </output>
      <p role="status">{leftMs > 0 ? `Berlaku ${minutes} menit lagi, sekali pakai.` : 'Kode sudah kedaluwarsa.'}</p>
      <button type="button" className="btn" onClick={onCancel}>
        Batalkan kode
      </button>
    </div>
  );
}
