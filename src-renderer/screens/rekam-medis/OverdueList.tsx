import { useState } from 'react';
import { useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { Badge, EmptyNote, Panel, RemoteView, SelectField } from '../../components/ui';
import { jam, tanggalPendek, tanggalPendekWaktu } from '../../lib/format';
import { durasi } from './scan';

/** Folders not back on the shelf after their unit's closing time, or borrowed past the due date, by unit. */
export function OverdueList({ onPrint }: { onPrint: (unitId: number | null) => void }) {
  const { settings } = useSession();
  const [unitId, setUnitId] = useState('');
  const overdue = useRemote('folders.overdue', unitId ? { unitId: Number(unitId) } : {}, { refreshOn: ['folders.changed'] });
  const all = useRemote('folders.overdue', {}, { refreshOn: ['folders.changed'] });
  const at = (iso: string) => `${tanggalPendekWaktu(iso, settings.timeZone)} ${jam(iso, settings.timeZone)}`;
  return (
    <Panel
      title="Berkas terlambat kembali"
      actions={
        <button type="button" className="btn btn-small" onClick={() => onPrint(unitId ? Number(unitId) : null)}>
          Cetak daftar terlambat
        </button>
      }
    >
      <div className="rm-filters">
        <SelectField
          label="Unit"
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          options={[
            { value: '', label: `Semua unit${all.data ? ` (${all.data.items.length})` : ''}` },
            ...(all.data?.byUnit ?? [])
              .filter((u) => u.unitId !== null)
              .map((u) => ({ value: String(u.unitId), label: `${u.unitName} (${u.count})` })),
          ]}
        />
      </div>
      <RemoteView remote={overdue} empty={(o) => (o.items.length === 0 ? <EmptyNote>Semua berkas sudah kembali tepat waktu.</EmptyNote> : null)}>
        {(o) => (
          <table className="table table-compact" aria-label="Berkas terlambat">
            <thead>
              <tr>
                <th>No. RM</th>
                <th>Pasien</th>
                <th>Di</th>
                <th>Batas</th>
                <th>Keluar sejak</th>
                <th className="num">Lama keluar</th>
              </tr>
            </thead>
            <tbody>
              {o.items.map((i) => (
                <tr key={i.folderId}>
                  <td className="mono">{i.rmNumber}</td>
                  <td>{i.names.join(', ')}</td>
                  <td>
                    {i.kind === 'unit' ? i.unitName : `Peminjam: ${i.borrower ?? '—'}`} {i.sentBack ? <Badge tone="warn">Dilengkapi</Badge> : null}
                  </td>
                  <td>{i.kind === 'unit' ? `tutup ${(i.closingTime ?? '—').replace(':', '.')}` : tanggalPendek(i.dueDate)}</td>
                  <td>{at(i.outSince)}</td>
                  <td className="num">{durasi(i.minutesOut)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </RemoteView>
    </Panel>
  );
}
