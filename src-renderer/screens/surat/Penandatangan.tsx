import { facilityKindLabels, professionLabels } from '../../../src-main/contract';
import { useRemote } from '../../api/react';
import { ActiveBadge, EmptyNote, Panel, RemoteView } from '../../components/ui';

/** What letters are built from: the signing practitioners and the referral destinations. */
export function SignersAndFacilities() {
  const practitioners = useRemote('practitioners.list', {}, { refreshOn: ['reference.changed'] });
  const facilities = useRemote('facilities.list', {}, { refreshOn: ['reference.changed'] });
  const units = useRemote('units.list', {}, { refreshOn: ['reference.changed'] });
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));

  return (
    <>
      <Panel title="Penanda tangan (tenaga kesehatan)">
        <RemoteView
          remote={practitioners}
          empty={(l) => (l.length === 0 ? <EmptyNote>Belum ada tenaga kesehatan. Tambahkan di Pengaturan → Tenaga Kesehatan.</EmptyNote> : null)}
        >
          {(list) => (
            <table className="table">
              <thead>
                <tr>
                  <th>Nama</th>
                  <th>Profesi</th>
                  <th>NIP</th>
                  <th>SIP</th>
                  <th>Unit</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.id}>
                    <td className="strong">{p.name}</td>
                    <td>{professionLabels[p.profession]}</td>
                    <td className="mono">{p.nip ?? '—'}</td>
                    <td className="mono">{p.sip ?? '—'}</td>
                    <td>{p.unitId ? (unitName.get(p.unitId) ?? '—') : '—'}</td>
                    <td>
                      <ActiveBadge active={p.active} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </RemoteView>
      </Panel>
      <Panel title="Fasilitas tujuan rujukan">
        <RemoteView
          remote={facilities}
          empty={(l) => (l.length === 0 ? <EmptyNote>Belum ada faskes rujukan. Tambahkan di Pengaturan → Faskes Rujukan.</EmptyNote> : null)}
        >
          {(list) => (
            <table className="table">
              <thead>
                <tr>
                  <th>Kode</th>
                  <th>Nama fasilitas</th>
                  <th>Jenis</th>
                  <th>Alamat</th>
                  <th>Telepon</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {list.map((f) => (
                  <tr key={f.id}>
                    <td className="mono">{f.code ?? '—'}</td>
                    <td className="strong">{f.name}</td>
                    <td>{facilityKindLabels[f.kind]}</td>
                    <td>{f.address ?? '—'}</td>
                    <td>{f.phone ?? '—'}</td>
                    <td>
                      <ActiveBadge active={f.active} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </RemoteView>
      </Panel>
    </>
  );
}
