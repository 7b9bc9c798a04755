import { useState } from 'react';
import { ageUnits, type AgeGroup, type AgeUnit, type Pustu, type SharedSettings } from '../../../src-main/contract';
import { useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useSubmit } from '../../components/form';
import { FormFooter, Panel, RemoteView, TextArea } from '../../components/ui';

/**
 * Pengaturan → Laporan: the LB1 age groups of the recaps and the pustu with their villages
 * (follow-ups go to them). One line per group or pustu, so a long list is typed and checked at
 * once; the host checks the whole list (no gaps or overlaps, one pustu per village).
 */
export function LaporanTab() {
  const settings = useRemote('settings.get', {}, { refreshOn: ['settings.changed'] });
  return <RemoteView remote={settings}>{(data) => <LaporanForm initial={data} />}</RemoteView>;
}

const groupLine = (g: AgeGroup) => `${g.label}; ${g.from}; ${g.to ?? ''}; ${g.unit}`;
const pustuLine = (p: Pustu) => `${p.name}: ${p.villages.join(', ')}`;

/** "0–7 hari; 0; 7; hari" → a group; a line that is not four parts stays as typed for the host to refuse. */
function parseGroups(text: string): AgeGroup[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((line) => {
      const [label = '', from = '', to = '', unit = ''] = line.split(';').map((p) => p.trim());
      const number = (s: string) => (/^\d+$/.test(s) ? Number(s) : Number.NaN);
      return { label, from: number(from), to: to === '' ? null : number(to), unit: unit.toLowerCase() as AgeUnit };
    });
}

/** "Pustu Karanganyar: 33.02.12.2001, 33.02.12.2002" → a pustu. */
function parsePustu(text: string): Pustu[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((line) => {
      const at = line.indexOf(':');
      const name = (at < 0 ? line : line.slice(0, at)).trim();
      const villages =
        at < 0
          ? []
          : line
              .slice(at + 1)
              .split(/[,\s]+/)
              .filter((v) => v !== '');
      return { name, villages };
    });
}

function LaporanForm({ initial }: { initial: SharedSettings }) {
  const client = useClient();
  const { can } = useSession();
  const editable = can('pengaturan:correction');
  const [groups, setGroups] = useState(() => initial.reports.ageGroups.map(groupLine).join('\n'));
  const [pustu, setPustu] = useState(() => initial.reports.pustu.map(pustuLine).join('\n'));
  const form = useSubmit(() => client.call('settings.update', { reports: { ageGroups: parseGroups(groups), pustu: parsePustu(pustu) } }), {
    savedText: 'Pengaturan laporan tersimpan. Rekap berikutnya memakai kelompok umur ini.',
  });
  // The host names the group or pustu at fault; its message is shown under the list it concerns.
  const errorOf = (path: string) => form.error?.fields.filter((f) => f.path.startsWith(path)).map((f) => f.message)[0];
  return (
    <Panel title="Laporan" className="wide-panel">
      <form
        onSubmit={form.onSubmit}
        noValidate
        className="form-grid"
        aria-label="Pengaturan laporan"
        // Enter makes a new line in the lists; Ctrl+Enter saves.
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.ctrlKey) {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
      >
        <fieldset disabled={!editable} className="contents">
          <TextArea
            label="Kelompok umur rekap (LB1)"
            rows={12}
            value={groups}
            onChange={(e) => setGroups(e.target.value)}
            error={errorOf('reports.ageGroups')}
            hint={`Satu kelompok per baris: nama; umur awal; umur akhir (kosong untuk yang terakhir, mis. 70+); satuan (${ageUnits.join('/')}). Contoh: 0–7 hari; 0; 7; hari. Ctrl+Enter menyimpan.`}
            wide
          />
          <TextArea
            label="Pustu dan desa/kelurahan wilayahnya"
            rows={6}
            value={pustu}
            onChange={(e) => setPustu(e.target.value)}
            error={errorOf('reports.pustu')}
            hint="Satu pustu per baris: nama: kode desa, kode desa (kode Kemendagri, mis. Pustu Karanganyar: 33.02.12.2001, 33.02.12.2002). Kosong: daftar tindak lanjut dikelompokkan per desa."
            wide
          />
        </fieldset>
        <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Simpan" disabled={!editable} />
      </form>
    </Panel>
  );
}
