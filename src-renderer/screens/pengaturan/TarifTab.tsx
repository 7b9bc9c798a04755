import type { Tariff } from '../../../src-main/contract';
import { useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { ListEditor } from '../../components/ListEditor';
import { ActiveBadge, CheckField, TextField } from '../../components/ui';
import { angka } from '../../lib/format';

/** "10.000", "Rp 10.000" or "10000" → 10000; '' stays invalid so the contract names the field. */
function rupiahInput(s: string): number {
  const digits = s.replace(/[\s.]|^Rp/gi, '');
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/**
 * Tariffs of pelayanan for pasien umum (Perda/Perwali items, seed 001 step 2): the first active
 * one is what the registration panel proposes.
 */
export function TarifTab() {
  const client = useClient();
  const { can } = useSession();
  const tariffs = useRemote('tariffs.list', {}, { refreshOn: ['reference.changed'] });
  type F = { code: string; name: string; amount: string; sortOrder: string; active: boolean };
  return (
    <ListEditor<Tariff, F>
      group="Pengaturan — Tarif"
      noun="tarif"
      remote={tariffs}
      canEdit={can('referensi:input')}
      columns={[
        { header: 'Kode', cell: (t) => t.code, className: 'mono col-narrow' },
        { header: 'Nama pelayanan', cell: (t) => t.name },
        { header: 'Tarif (Rp)', cell: (t) => angka(t.amount), className: 'num' },
        { header: 'Status', cell: (t) => <ActiveBadge active={t.active} /> },
      ]}
      blank={{ code: '', name: '', amount: '', sortOrder: '', active: true }}
      toForm={(t) => ({ code: t.code, name: t.name, amount: String(t.amount), sortOrder: String(t.sortOrder), active: t.active })}
      nameOf={(f) => f.name}
      save={(f, id) =>
        client.call('tariffs.save', {
          ...(id ? { id } : {}),
          code: f.code,
          name: f.name,
          amount: rupiahInput(f.amount),
          sortOrder: f.sortOrder.trim() === '' ? undefined : Number(f.sortOrder),
          active: f.active,
        })
      }
      fields={(f, set, err) => (
        <>
          <TextField label="Kode" value={f.code} onChange={(e) => set({ code: e.target.value })} error={err('code')} hint="mis. KARCIS, GIGI-CABUT" />
          <TextField
            label="Tarif (rupiah)"
            inputMode="numeric"
            value={f.amount}
            onChange={(e) => set({ amount: e.target.value })}
            error={err('amount')}
            hint={Number.isFinite(rupiahInput(f.amount)) ? `Rp ${angka(rupiahInput(f.amount))}` : 'Angka bulat, mis. 10000'}
          />
          <TextField label="Nama pelayanan" value={f.name} onChange={(e) => set({ name: e.target.value })} error={err('name')} wide />
          <TextField
            label="Urutan"
            inputMode="numeric"
            value={f.sortOrder}
            onChange={(e) => set({ sortOrder: e.target.value })}
            error={err('sortOrder')}
            hint="Tarif aktif pertama menjadi pilihan awal di pendaftaran"
          />
          <CheckField label="Aktif" checked={f.active} onChange={(active) => set({ active })} />
        </>
      )}
    />
  );
}
