import { useEffect, useRef, useState } from 'react';
import type { QueueTicket, Service, Unit } from '../../../src-main/contract';
import { useRemote } from '../../api/react';
import { useShortcut } from '../../app/shortcuts';
import type { TransferTarget } from './useCounterQueue';

interface Option {
  value: string;
  label: string;
  target: TransferTarget;
}

/**
 * Where a called ticket goes next: another loket service (e.g. from A to the KIA line) or a
 * poli's queue. ↑/↓ in the list, Enter moves it, Esc closes.
 */
export function TransferDialog({
  ticket,
  units,
  onTransfer,
  onClose,
}: {
  ticket: QueueTicket;
  units: Unit[];
  onTransfer: (target: TransferTarget, name: string) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLSelectElement>(null);
  const services = useRemote('services.list', {}, { refreshOn: ['reference.changed'] });
  useShortcut({ keys: 'Escape', label: 'Tutup pengalihan', group: 'Antrean — alihkan', handler: onClose });

  const options: { group: string; items: Option[] }[] = [
    {
      group: 'Layanan loket',
      items: (services.data ?? [])
        .filter((s: Service) => s.active && s.id !== ticket.serviceId)
        .map((s) => ({ value: `s${s.id}`, label: `${s.prefix} — ${s.name}`, target: { toServiceId: s.id } })),
    },
    {
      group: 'Antrean poli / unit',
      items: units.filter((u) => u.id !== ticket.unitId).map((u) => ({ value: `u${u.id}`, label: u.name, target: { toUnitId: u.id } })),
    },
  ];
  const all = options.flatMap((o) => o.items);
  const [value, setValue] = useState('');
  const chosen = all.find((o) => o.value === value) ?? all[0];

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    list.current?.focus();
  }, []);

  const submit = () => {
    if (!chosen) return;
    onTransfer(chosen.target, chosen.label.replace(/^[A-Z]+ — /, ''));
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="dialog queue-dialog"
      aria-labelledby="alihkan-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <header className="dialog-head">
          <h2 id="alihkan-title">Alihkan {ticket.code}</h2>
          <button type="button" className="btn btn-small" onClick={onClose}>
            Tutup (Esc)
          </button>
        </header>
        <div className="queue-dialog-body">
          <label htmlFor="tujuan-alihkan">Tujuan</label>
          <select
            id="tujuan-alihkan"
            ref={list}
            size={Math.min(10, all.length + options.length)}
            value={chosen?.value ?? ''}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                submit();
              }
            }}
          >
            {options.map((o) =>
              o.items.length ? (
                <optgroup key={o.group} label={o.group}>
                  {o.items.map((i) => (
                    <option key={i.value} value={i.value}>
                      {i.label}
                    </option>
                  ))}
                </optgroup>
              ) : null,
            )}
          </select>
          <p className="muted small">
            Nomor {ticket.code} ditutup sebagai <em>dialihkan</em>; pasien mendapat nomor baru di antrean tujuan dan dipanggil dari sana.
          </p>
          <div className="form-buttons">
            <button type="submit" className="btn btn-primary" disabled={!chosen}>
              Alihkan (Enter)
            </button>
          </div>
        </div>
      </form>
    </dialog>
  );
}
