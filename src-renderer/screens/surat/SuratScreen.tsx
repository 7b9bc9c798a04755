import type { ReactNode } from 'react';
import { navigate, useRoute } from '../../app/routes';
import { useShortcut } from '../../app/shortcuts';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Screen } from '../../components/ui';
import { DaftarSurat } from './DaftarSurat';
import { SignersAndFacilities } from './Penandatangan';
import { HealthForm, SickLeaveForm } from './TerbitkanSurat';
import { FollowUps, InternalSlipForm, ReferralForm, ReferralTrails } from './Rujukan';
import { Verifikasi } from './Verifikasi';
import './surat.css';

interface SuratTab {
  id: string;
  label: string;
  /** Alt + this letter opens the tab (Alt+R and Alt+K belong to the shell). */
  key: string;
  render: () => ReactNode;
}

/** The letter tabs, in order; `#/surat/<id>` opens one. Add a tab by adding an entry here. */
const tabs: SuratTab[] = [
  { id: 'sakit', label: 'Surat sakit', key: 'S', render: () => <SickLeaveForm /> },
  { id: 'sehat', label: 'Surat sehat', key: 'E', render: () => <HealthForm /> },
  { id: 'rujukan', label: 'Surat rujukan', key: 'J', render: () => <ReferralForm /> },
  { id: 'jejak-rujukan', label: 'Jejak rujukan', key: 'L', render: () => <ReferralTrails /> },
  { id: 'tindak-lanjut', label: 'Tindak lanjut', key: 'N', render: () => <FollowUps /> },
  { id: 'rujukan-internal', label: 'Rujukan internal', key: 'I', render: () => <InternalSlipForm /> },
  { id: 'daftar', label: 'Daftar surat', key: 'D', render: () => <DaftarSurat /> },
  { id: 'verifikasi', label: 'Verifikasi', key: 'V', render: () => <Verifikasi /> },
  { id: 'penanda-tangan', label: 'Penanda tangan & faskes', key: 'T', render: () => <SignersAndFacilities /> },
];

/** Letters in tabs: issuing, the list with reprint and cancel, verification; Ctrl+PageUp / Ctrl+PageDown step through them. */
export function SuratScreen() {
  const route = useRoute();
  const current = tabs.find((t) => t.id === route.sub) ?? tabs[0]!;
  const step = (by: number) => {
    const at = tabs.indexOf(current);
    navigate(`surat/${tabs[(at + by + tabs.length) % tabs.length]!.id}`, true);
  };
  useShortcut({ keys: 'Ctrl+PageUp', label: 'Tab surat sebelumnya', group: 'Surat', handler: () => step(-1) });
  useShortcut({ keys: 'Ctrl+PageDown', label: 'Tab surat berikutnya', group: 'Surat', handler: () => step(1) });
  return (
    // The focus goes to the tab's first field (the RM number, the verification code), not the heading.
    <Screen title="Surat" subtitle="Surat keterangan sakit dan sehat, surat rujukan, daftar surat dan verifikasi keaslian." focusHeading={false}>
      <div className="tabs surat-tabs" role="tablist" aria-label="Bagian surat">
        {tabs.map((t) => (
          <TabButton key={t.id} tab={t} selected={t === current} />
        ))}
      </div>
      <div id={`surat-panel-${current.id}`} role="tabpanel" aria-labelledby={`surat-tab-${current.id}`} className="tab-panel">
        <ErrorBoundary key={current.id} place={`tab ${current.label}`}>
          {current.render()}
        </ErrorBoundary>
      </div>
    </Screen>
  );
}

function TabButton({ tab, selected }: { tab: SuratTab; selected: boolean }) {
  const open = () => navigate(`surat/${tab.id}`, true);
  useShortcut({ keys: `Alt+${tab.key}`, label: `Tampilkan ${tab.label.toLowerCase()}`, group: 'Surat', handler: open });
  return (
    <button
      type="button"
      role="tab"
      id={`surat-tab-${tab.id}`}
      aria-selected={selected}
      aria-controls={`surat-panel-${tab.id}`}
      className="tab"
      onClick={open}
    >
      {tab.label} <kbd>Alt+{tab.key}</kbd>
    </button>
  );
}
