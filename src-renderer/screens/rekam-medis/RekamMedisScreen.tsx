import { useEffect, useRef, useState, type ReactNode } from 'react';
import { clusterLabels, clusters } from '../../../src-main/contract';
import { useClient, useRemote } from '../../api/react';
import { useShortcut } from '../../app/shortcuts';
import { PrintPreview, type PrintJob } from '../../components/PrintPreview';
import { ActiveBadge, EmptyNote, Panel, RemoteView, Screen } from '../../components/ui';
import { FolderHistory } from './FolderHistory';
import { MergePanel } from './MergePanel';
import { PullList } from './PullList';
import { IndicatorsPanel, InactiveList } from './Indicators';
import { OverdueList } from './OverdueList';
import { IncompleteList } from './ReturnReview';
import { ScanPanel } from './ScanPanel';
import './berkas.css';
import './rekam-medis.css';

interface Tab {
  id: string;
  label: string;
  /** Alt + this letter opens the tab. */
  key: string;
  render: () => ReactNode;
}

/**
 * The records room: one scan field on top (the focus when the screen opens) and the room's
 * lists in tabs — the pull list first, then the folders still to complete, and the units with
 * their closing times and the patient merge.
 */
export function RekamMedisScreen() {
  const client = useClient();
  const scanInput = useRef<HTMLInputElement>(null);
  const [printJob, setPrintJob] = useState<PrintJob | null>(null);
  const printPullList = () => setPrintJob({ label: 'Daftar tarik berkas', printer: 'letter', load: () => client.call('documents.pullList', {}) });
  useShortcut({ keys: 'Alt+Shift+D', label: 'Cetak daftar tarik berkas (A4)', group: 'Rekam Medis', handler: printPullList }, printJob === null);
  const tabs: Tab[] = [
    {
      id: 'tarik',
      label: 'Daftar tarik',
      key: 'T',
      render: () => (
        <PullList
          actions={
            <button type="button" className="btn btn-small" onClick={printPullList}>
              Cetak daftar tarik <kbd>Alt+Shift+D</kbd>
            </button>
          }
          onTracer={(item) =>
            item.folder &&
            setPrintJob({
              label: 'Tracer',
              printer: 'letter',
              load: () =>
                client.call('documents.tracer', { folderId: item.folder!.id, ...(item.requestId !== null ? { requestId: item.requestId } : {}) }),
            })
          }
        />
      ),
    },
    { id: 'lokasi', label: 'Di mana berkas?', key: 'M', render: () => <FolderHistory /> },
    {
      id: 'lengkap',
      label: 'Belum lengkap',
      key: 'L',
      render: () => (
        <IncompleteList
          onPrintSlip={(r) =>
            setPrintJob({ label: 'Slip kelengkapan', printer: 'letter', load: () => client.call('documents.completenessSlip', { reviewId: r.id }) })
          }
        />
      ),
    },
    {
      id: 'terlambat',
      label: 'Terlambat',
      key: 'J',
      render: () => (
        <OverdueList
          onPrint={(unitId) =>
            setPrintJob({
              label: 'Daftar berkas terlambat',
              printer: 'letter',
              load: () => client.call('documents.overdue', unitId === null ? {} : { unitId }),
            })
          }
        />
      ),
    },
    { id: 'indikator', label: 'Indikator', key: 'I', render: () => <IndicatorsPanel /> },
    { id: 'inaktif', label: 'Inaktif', key: 'N', render: () => <InactiveList /> },
    { id: 'unit', label: 'Unit & gabung', key: 'U', render: () => <UnitsAndMerge /> },
  ];
  const [current, setCurrent] = useState('tarik');
  useEffect(() => {
    scanInput.current?.focus();
  }, []);
  return (
    <Screen
      title="Rekam Medis"
      subtitle="Berkas rekam medis: daftar tarik, pindai keluar dan kembali, kelengkapan, berkas terlambat."
      focusHeading={false}
    >
      <ScanPanel inputRef={scanInput} onPrint={setPrintJob} />
      <div className="tabs rm-tabs" role="tablist" aria-label="Bagian rekam medis">
        {tabs.map((t) => (
          <TabButton key={t.id} tab={t} selected={t.id === current} onSelect={() => setCurrent(t.id)} />
        ))}
      </div>
      <div role="tabpanel" className="rm-tab-body" id={`rm-panel-${current}`} aria-labelledby={`rm-tab-${current}`}>
        {tabs.find((t) => t.id === current)?.render()}
      </div>
      {printJob ? (
        <PrintPreview
          job={printJob}
          onClose={() => {
            setPrintJob(null);
            // The clerk goes on scanning.
            setTimeout(() => scanInput.current?.focus(), 0);
          }}
        />
      ) : null}
    </Screen>
  );
}

function TabButton({ tab, selected, onSelect }: { tab: Tab; selected: boolean; onSelect: () => void }) {
  useShortcut({ keys: `Alt+${tab.key}`, label: `Tampilkan ${tab.label.toLowerCase()}`, group: 'Rekam Medis', handler: onSelect });
  return (
    <button
      type="button"
      role="tab"
      id={`rm-tab-${tab.id}`}
      aria-selected={selected}
      aria-controls={`rm-panel-${tab.id}`}
      className="tab"
      onClick={onSelect}
    >
      {tab.label} <kbd>Alt+{tab.key}</kbd>
    </button>
  );
}

/** The units folders travel to, by ILP cluster, with the time folders must be back; and the patient merge. */
function UnitsAndMerge() {
  const units = useRemote('units.list', {}, { refreshOn: ['reference.changed'] });
  return (
    <>
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
    </>
  );
}
