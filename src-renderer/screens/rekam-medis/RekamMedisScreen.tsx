import { clusterLabels, clusters } from '../../../src-main/contract';
import { useRemote } from '../../api/react';
import { ActiveBadge, EmptyNote, Panel, RemoteView, Screen } from '../../components/ui';
import { MergePanel } from './MergePanel';
import './rekam-medis.css';

/** The units folders travel to, by ILP cluster, with the time folders must be back. */
export function RekamMedisScreen() {
  const units = useRemote('units.list', {}, { refreshOn: ['reference.changed'] });
  return (
    <Screen
      title="Rekam Medis"
      subtitle="Unit tujuan berkas rekam medis menurut klaster ILP. Berkas yang belum kembali setelah jam tutup masuk daftar terlambat."
    >
      <RemoteView
        remote={units}
        empty={(list) => (list.length === 0 ? <EmptyNote>Belum ada unit layanan. Tambahkan di Pengaturan → Unit.</EmptyNote> : null)}
      >
        {(list) => (
          <div className="cluster-grid">
            {clusters
              .map((c) => ({ cluster: c, units: list.filter((u) => u.cluster === c) }))
              .filter((g) => g.units.length > 0)
              .map((g) => (
                <Panel key={g.cluster} title={clusterLabels[g.cluster]} className="cluster-panel">
                  <table className="table table-compact">
                    <thead>
                      <tr>
                        <th>Kode</th>
                        <th>Unit</th>
                        <th>Tutup berkas</th>
                        <th>Status</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.units.map((u) => (
                        <tr key={u.id}>
                          <td className="mono">{u.code}</td>
                          <td>{u.name}</td>
                          <td className="mono">{u.closingTime ? u.closingTime.replace(':', '.') : '—'}</td>
                          <td>
                            <ActiveBadge active={u.active} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </Panel>
              ))}
          </div>
        )}
      </RemoteView>
      <MergePanel />
    </Screen>
  );
}
