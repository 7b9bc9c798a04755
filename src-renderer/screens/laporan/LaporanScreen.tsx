import type { ReactNode } from 'react';
import { navigate, useRoute } from '../../app/routes';
import { useShortcut } from '../../app/shortcuts';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Screen } from '../../components/ui';
import { Dasbor } from './Dasbor';
import { RekapTab } from './RekapTab';
import { TindakLanjutTab } from './TindakLanjutTab';

interface LaporanTab {
  id: string;
  label: string;
  /** Alt + this letter opens the tab (Alt+H, Alt+R and Alt+K are taken by the day picker and the shell). */
  key: string;
  render: () => ReactNode;
}

/** The report tabs, in order; `#/laporan/<id>` opens one. Add a tab by adding an entry here. */
const tabs: LaporanTab[] = [
  { id: 'dasbor', label: 'Dasbor', key: 'D', render: () => <Dasbor /> },
  { id: 'rekap', label: 'Rekap bulanan/tahunan', key: 'B', render: () => <RekapTab /> },
  { id: 'tindak-lanjut', label: 'Tindak lanjut pustu', key: 'T', render: () => <TindakLanjutTab /> },
];

/** Reports in tabs: the live dashboard first; Ctrl+PageUp / Ctrl+PageDown step through them. */
export function LaporanScreen() {
  const route = useRoute();
  const current = tabs.find((t) => t.id === route.sub) ?? tabs[0]!;
  const step = (by: number) => {
    const at = tabs.indexOf(current);
    navigate(`laporan/${tabs[(at + by + tabs.length) % tabs.length]!.id}`, true);
  };
  useShortcut({ keys: 'Ctrl+PageUp', label: 'Tab laporan sebelumnya', group: 'Laporan', handler: () => step(-1) });
  useShortcut({ keys: 'Ctrl+PageDown', label: 'Tab laporan berikutnya', group: 'Laporan', handler: () => step(1) });
  return (
    <Screen title="Laporan" subtitle="Angka hari ini dan rekap kunjungan.">
      <div className="tabs" role="tablist" aria-label="Bagian laporan">
        {tabs.map((t) => (
          <TabButton key={t.id} tab={t} selected={t === current} />
        ))}
      </div>
      <div id={`laporan-panel-${current.id}`} role="tabpanel" aria-labelledby={`laporan-tab-${current.id}`} className="tab-panel">
        <ErrorBoundary key={current.id} place={`tab ${current.label}`}>
          {current.render()}
        </ErrorBoundary>
      </div>
    </Screen>
  );
}

function TabButton({ tab, selected }: { tab: LaporanTab; selected: boolean }) {
  const open = () => navigate(`laporan/${tab.id}`, true);
  useShortcut({ keys: `Alt+${tab.key}`, label: `Tampilkan ${tab.label.toLowerCase()}`, group: 'Laporan', handler: open });
  return (
    <button
      type="button"
      role="tab"
      id={`laporan-tab-${tab.id}`}
      aria-selected={selected}
      aria-controls={`laporan-panel-${tab.id}`}
      className="tab"
      onClick={open}
    >
      {tab.label} <kbd>Alt+{tab.key}</kbd>
    </button>
  );
}
