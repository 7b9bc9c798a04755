import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { Permission } from '../../../src-main/contract';
import { navigate, useRoute } from '../../app/routes';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Screen } from '../../components/ui';
import { PasswordTab, UsersTab } from './AccountTabs';
import { AntreanTab } from './AntreanTab';
import { AuditTab } from './AuditTab';
import { CadanganTab } from './CadanganTab';
import { DiagnosisTab, SpecialtiesPanel } from './DiagnosisTab';
import { KomputerTab, ProfilTab } from './HostTabs';
import { ImportTab } from './ImportTab';
import { LaporanTab } from './LaporanTab';
import { PeranTab } from './PeranTab';
import { PerangkatTab } from './PerangkatTab';
import { CounterTab, FacilityTab, PractitionerTab, ServiceTab, UnitTab } from './ReferenceTabs';
import { SuaraTab } from './SuaraTab';
import { SuratTab } from './SuratTab';
import { TarifTab } from './TarifTab';

interface Tab {
  id: string;
  label: string;
  permission: Permission | null;
  view: () => ReactNode;
}

const tabs: Tab[] = [
  { id: 'profil', label: 'Profil Puskesmas', permission: null, view: () => <ProfilTab /> },
  { id: 'komputer', label: 'Komputer ini', permission: null, view: () => <KomputerTab /> },
  { id: 'unit', label: 'Unit', permission: 'referensi:view', view: () => <UnitTab /> },
  { id: 'layanan', label: 'Layanan', permission: 'referensi:view', view: () => <ServiceTab /> },
  { id: 'loket', label: 'Loket', permission: 'referensi:view', view: () => <CounterTab /> },
  { id: 'antrean', label: 'Antrean', permission: 'pengaturan:view', view: () => <AntreanTab /> },
  { id: 'nakes', label: 'Tenaga Kesehatan', permission: 'referensi:view', view: () => <PractitionerTab /> },
  {
    id: 'faskes',
    label: 'Faskes Rujukan',
    permission: 'referensi:view',
    view: () => (
      <>
        <FacilityTab />
        <SpecialtiesPanel />
      </>
    ),
  },
  { id: 'diagnosis', label: 'Diagnosis', permission: 'referensi:view', view: () => <DiagnosisTab /> },
  { id: 'tarif', label: 'Tarif', permission: 'referensi:view', view: () => <TarifTab /> },
  { id: 'surat', label: 'Surat', permission: 'pengaturan:view', view: () => <SuratTab /> },
  { id: 'laporan', label: 'Laporan', permission: 'pengaturan:view', view: () => <LaporanTab /> },
  { id: 'suara', label: 'Suara', permission: 'pengaturan:view', view: () => <SuaraTab /> },
  { id: 'pengguna', label: 'Pengguna', permission: 'pengguna:view', view: () => <UsersTab /> },
  { id: 'peran', label: 'Peran', permission: 'pengguna:view', view: () => <PeranTab /> },
  { id: 'perangkat', label: 'Perangkat', permission: 'pengguna:view', view: () => <PerangkatTab /> },
  { id: 'audit', label: 'Jejak Audit', permission: 'pengguna:view', view: () => <AuditTab /> },
  { id: 'cadangan', label: 'Cadangan', permission: 'pengaturan:view', view: () => <CadanganTab /> },
  { id: 'impor', label: 'Impor Pasien', permission: 'rekam_medis:input', view: () => <ImportTab /> },
  { id: 'sandi', label: 'Ganti kata sandi', permission: null, view: () => <PasswordTab /> },
];

/** Settings in tabs (`#/pengaturan/<tab>`); ← → move between tabs when the tab row has the focus. */
export function PengaturanScreen() {
  const { can } = useSession();
  const route = useRoute();
  const visible = tabs.filter((t) => t.permission === null || can(t.permission));
  const current = visible.find((t) => t.id === route.sub) ?? visible[0]!;
  const list = useRef<HTMLDivElement>(null);

  const go = (tab: Tab, focus: boolean) => {
    navigate(`pengaturan/${tab.id}`);
    if (focus) setTimeout(() => list.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus(), 0);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = visible.indexOf(current);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? visible.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    go(visible[(next + visible.length) % visible.length]!, true);
  };
  useShortcut({ keys: 'ArrowLeft / ArrowRight', label: 'Pindah tab (saat baris tab terpilih)', group: 'Pengaturan' });
  useShortcut({
    keys: 'Alt+T',
    label: 'Ke baris tab pengaturan',
    group: 'Pengaturan',
    handler: () => list.current?.querySelector<HTMLElement>(`#tab-${current.id}`)?.focus(),
  });

  return (
    <Screen title="Pengaturan" subtitle="Data puskesmas, komputer ini, data referensi dan pengguna.">
      <div className="tabs" role="tablist" aria-label="Bagian pengaturan" ref={list} onKeyDown={onKeyDown}>
        {visible.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={t === current}
            aria-controls="panel-pengaturan"
            tabIndex={t === current ? 0 : -1}
            className="tab"
            onClick={() => go(t, false)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="panel-pengaturan" role="tabpanel" aria-labelledby={`tab-${current.id}`} className="tab-panel">
        <ErrorBoundary key={current.id} place={`tab ${current.label}`}>
          {current.view()}
        </ErrorBoundary>
      </div>
    </Screen>
  );
}
