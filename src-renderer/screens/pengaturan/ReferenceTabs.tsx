import {
  clusterLabels,
  clusters,
  facilityKindLabels,
  facilityKinds,
  professionLabels,
  professions,
  type Cluster,
  type Counter,
  type Facility,
  type Practitioner,
  type Service,
  type Unit,
} from '../../../src-main/contract';
import { useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { orNull } from '../../components/form';
import { ListEditor } from '../../components/ListEditor';
import { ActiveBadge, CheckField, SelectField, TextField } from '../../components/ui';

const toNumber = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));
const toNullableNumber = (s: string): number | null => (s.trim() === '' ? null : Number(s));

export function UnitTab() {
  const client = useClient();
  const { can } = useSession();
  const units = useRemote('units.list', {}, { refreshOn: ['reference.changed'] });
  type F = { code: string; name: string; cluster: Cluster; closingTime: string; sortOrder: string; active: boolean };
  return (
    <ListEditor<Unit, F>
      group="Pengaturan — Unit"
      noun="unit"
      remote={units}
      canEdit={can('referensi:input')}
      columns={[
        { header: 'Kode', cell: (u) => u.code, className: 'mono' },
        { header: 'Nama unit', cell: (u) => u.name },
        { header: 'Klaster', cell: (u) => clusterLabels[u.cluster].split(' — ')[0] },
        { header: 'Tutup', cell: (u) => u.closingTime ?? '—', className: 'mono' },
        { header: 'Status', cell: (u) => <ActiveBadge active={u.active} /> },
      ]}
      blank={{ code: '', name: '', cluster: 'klaster3', closingTime: '14:00', sortOrder: '', active: true }}
      toForm={(u) => ({
        code: u.code,
        name: u.name,
        cluster: u.cluster,
        closingTime: u.closingTime ?? '',
        sortOrder: String(u.sortOrder),
        active: u.active,
      })}
      nameOf={(f) => f.name}
      save={(f, id) =>
        client.call('units.save', {
          ...(id ? { id } : {}),
          code: f.code,
          name: f.name,
          cluster: f.cluster,
          closingTime: orNull(f.closingTime),
          sortOrder: toNumber(f.sortOrder),
          active: f.active,
        })
      }
      fields={(f, set, err) => (
        <>
          <TextField label="Kode" value={f.code} onChange={(e) => set({ code: e.target.value })} error={err('code')} hint="mis. UMUM, KIA" />
          <TextField label="Nama unit" value={f.name} onChange={(e) => set({ name: e.target.value })} error={err('name')} />
          <SelectField
            label="Klaster ILP"
            value={f.cluster}
            onChange={(e) => set({ cluster: e.target.value as Cluster })}
            options={clusters.map((c) => ({ value: c, label: clusterLabels[c] }))}
            error={err('cluster')}
            wide
          />
          <TextField
            label="Jam tutup berkas"
            value={f.closingTime}
            onChange={(e) => set({ closingTime: e.target.value })}
            error={err('closingTime')}
            placeholder="JJ:MM"
            hint="Kosongkan bila tidak ada"
          />
          <TextField
            label="Urutan"
            inputMode="numeric"
            value={f.sortOrder}
            onChange={(e) => set({ sortOrder: e.target.value })}
            error={err('sortOrder')}
          />
          <CheckField label="Aktif" checked={f.active} onChange={(active) => set({ active })} />
        </>
      )}
    />
  );
}

export function ServiceTab() {
  const client = useClient();
  const { can } = useSession();
  const services = useRemote('services.list', {}, { refreshOn: ['reference.changed'] });
  type F = { code: string; name: string; prefix: string; dailyCap: string; sortOrder: string; active: boolean };
  return (
    <ListEditor<Service, F>
      group="Pengaturan — Layanan"
      noun="layanan"
      remote={services}
      canEdit={can('referensi:input')}
      columns={[
        { header: 'Prefiks', cell: (s) => <span className="prefix">{s.prefix}</span> },
        { header: 'Kode', cell: (s) => s.code, className: 'mono' },
        { header: 'Nama layanan', cell: (s) => s.name },
        { header: 'Kuota', cell: (s) => s.dailyCap ?? '—', className: 'num' },
        { header: 'Status', cell: (s) => <ActiveBadge active={s.active} /> },
      ]}
      blank={{ code: '', name: '', prefix: '', dailyCap: '', sortOrder: '', active: true }}
      toForm={(s) => ({
        code: s.code,
        name: s.name,
        prefix: s.prefix,
        dailyCap: s.dailyCap === null ? '' : String(s.dailyCap),
        sortOrder: String(s.sortOrder),
        active: s.active,
      })}
      nameOf={(f) => f.name}
      save={(f, id) =>
        client.call('services.save', {
          ...(id ? { id } : {}),
          code: f.code,
          name: f.name,
          prefix: f.prefix,
          dailyCap: toNullableNumber(f.dailyCap),
          sortOrder: toNumber(f.sortOrder),
          active: f.active,
        })
      }
      fields={(f, set, err) => (
        <>
          <TextField label="Kode" value={f.code} onChange={(e) => set({ code: e.target.value })} error={err('code')} />
          <TextField
            label="Prefiks tiket"
            value={f.prefix}
            maxLength={2}
            onChange={(e) => set({ prefix: e.target.value })}
            error={err('prefix')}
            hint="1–2 huruf, mis. A"
          />
          <TextField label="Nama layanan" value={f.name} onChange={(e) => set({ name: e.target.value })} error={err('name')} wide />
          <TextField
            label="Kuota harian"
            inputMode="numeric"
            value={f.dailyCap}
            onChange={(e) => set({ dailyCap: e.target.value })}
            error={err('dailyCap')}
            hint="Kosongkan bila tanpa batas"
          />
          <TextField
            label="Urutan"
            inputMode="numeric"
            value={f.sortOrder}
            onChange={(e) => set({ sortOrder: e.target.value })}
            error={err('sortOrder')}
          />
          <CheckField label="Aktif" checked={f.active} onChange={(active) => set({ active })} />
        </>
      )}
    />
  );
}

export function CounterTab() {
  const client = useClient();
  const { can } = useSession();
  const counters = useRemote('counters.list', {}, { refreshOn: ['reference.changed'] });
  const services = useRemote('services.list', {}, { refreshOn: ['reference.changed'] });
  const serviceList = services.data ?? [];
  type F = { number: string; name: string; serviceIds: number[]; active: boolean };
  return (
    <ListEditor<Counter, F>
      group="Pengaturan — Loket"
      noun="loket"
      remote={counters}
      canEdit={can('referensi:input')}
      columns={[
        { header: 'No.', cell: (c) => c.number, className: 'num' },
        { header: 'Nama', cell: (c) => c.name },
        {
          header: 'Layanan',
          cell: (c) =>
            serviceList
              .filter((s) => c.serviceIds.includes(s.id))
              .map((s) => s.prefix)
              .join(', ') || '—',
        },
        { header: 'Status', cell: (c) => <ActiveBadge active={c.active} /> },
      ]}
      blank={{ number: '', name: '', serviceIds: [], active: true }}
      toForm={(c) => ({ number: String(c.number), name: c.name, serviceIds: c.serviceIds, active: c.active })}
      nameOf={(f) => f.name}
      save={(f, id) =>
        client.call('counters.save', { ...(id ? { id } : {}), number: Number(f.number), name: f.name, serviceIds: f.serviceIds, active: f.active })
      }
      fields={(f, set, err) => (
        <>
          <TextField
            label="Nomor loket"
            inputMode="numeric"
            value={f.number}
            onChange={(e) => set({ number: e.target.value })}
            error={err('number')}
            hint="1–99"
          />
          <TextField label="Nama" value={f.name} onChange={(e) => set({ name: e.target.value })} error={err('name')} placeholder="mis. Loket 4" />
          <fieldset className="field field-wide checks">
            <legend>Layanan yang dilayani</legend>
            {serviceList.map((s) => (
              <CheckField
                key={s.id}
                label={`${s.prefix} — ${s.name}`}
                checked={f.serviceIds.includes(s.id)}
                onChange={(on) => set({ serviceIds: on ? [...f.serviceIds, s.id] : f.serviceIds.filter((x) => x !== s.id) })}
              />
            ))}
            {err('serviceIds') ? <span className="field-error">{err('serviceIds')}</span> : null}
          </fieldset>
          <CheckField label="Aktif" checked={f.active} onChange={(active) => set({ active })} />
        </>
      )}
    />
  );
}

export function PractitionerTab() {
  const client = useClient();
  const { can } = useSession();
  const practitioners = useRemote('practitioners.list', {}, { refreshOn: ['reference.changed'] });
  const units = useRemote('units.list', {}, { refreshOn: ['reference.changed'] });
  const unitList = units.data ?? [];
  type Profession = Practitioner['profession'];
  type F = { name: string; profession: Profession; nip: string; sip: string; str: string; unitId: string; active: boolean };
  return (
    <ListEditor<Practitioner, F>
      group="Pengaturan — Tenaga Kesehatan"
      noun="tenaga kesehatan"
      remote={practitioners}
      canEdit={can('referensi:input')}
      columns={[
        { header: 'Nama', cell: (p) => p.name },
        { header: 'Profesi', cell: (p) => professionLabels[p.profession] },
        { header: 'NIP', cell: (p) => p.nip ?? '—', className: 'mono' },
        { header: 'Status', cell: (p) => <ActiveBadge active={p.active} /> },
      ]}
      blank={{ name: '', profession: 'dokter', nip: '', sip: '', str: '', unitId: '', active: true }}
      toForm={(p) => ({
        name: p.name,
        profession: p.profession,
        nip: p.nip ?? '',
        sip: p.sip ?? '',
        str: p.str ?? '',
        unitId: p.unitId ? String(p.unitId) : '',
        active: p.active,
      })}
      nameOf={(f) => f.name}
      save={(f, id) =>
        client.call('practitioners.save', {
          ...(id ? { id } : {}),
          name: f.name,
          profession: f.profession,
          nip: orNull(f.nip),
          sip: orNull(f.sip),
          str: orNull(f.str),
          unitId: f.unitId ? Number(f.unitId) : null,
          active: f.active,
        })
      }
      fields={(f, set, err) => (
        <>
          <TextField label="Nama lengkap dan gelar" value={f.name} onChange={(e) => set({ name: e.target.value })} error={err('name')} wide />
          <SelectField
            label="Profesi"
            value={f.profession}
            onChange={(e) => set({ profession: e.target.value as Profession })}
            options={professions.map((p) => ({ value: p, label: professionLabels[p] }))}
            error={err('profession')}
          />
          <SelectField
            label="Unit"
            value={f.unitId}
            onChange={(e) => set({ unitId: e.target.value })}
            options={[{ value: '', label: '— Tidak terikat unit —' }, ...unitList.map((u) => ({ value: String(u.id), label: u.name }))]}
            error={err('unitId')}
          />
          <TextField
            label="NIP"
            inputMode="numeric"
            value={f.nip}
            onChange={(e) => set({ nip: e.target.value })}
            error={err('nip')}
            hint="18 angka; kosongkan bila bukan ASN"
            wide
          />
          <TextField label="No. SIP" value={f.sip} onChange={(e) => set({ sip: e.target.value })} error={err('sip')} />
          <TextField label="No. STR" value={f.str} onChange={(e) => set({ str: e.target.value })} error={err('str')} />
          <CheckField label="Aktif" checked={f.active} onChange={(active) => set({ active })} />
        </>
      )}
    />
  );
}

export function FacilityTab() {
  const client = useClient();
  const { can } = useSession();
  const facilities = useRemote('facilities.list', {}, { refreshOn: ['reference.changed'] });
  type Kind = Facility['kind'];
  type F = { code: string; name: string; kind: Kind; address: string; phone: string; active: boolean };
  return (
    <ListEditor<Facility, F>
      group="Pengaturan — Faskes Rujukan"
      noun="faskes rujukan"
      remote={facilities}
      canEdit={can('referensi:input')}
      columns={[
        { header: 'Kode', cell: (x) => x.code ?? '—', className: 'mono' },
        { header: 'Nama', cell: (x) => x.name },
        { header: 'Jenis', cell: (x) => facilityKindLabels[x.kind] },
        { header: 'Status', cell: (x) => <ActiveBadge active={x.active} /> },
      ]}
      blank={{ code: '', name: '', kind: 'rs', address: '', phone: '', active: true }}
      toForm={(x) => ({ code: x.code ?? '', name: x.name, kind: x.kind, address: x.address ?? '', phone: x.phone ?? '', active: x.active })}
      nameOf={(f) => f.name}
      save={(f, id) =>
        client.call('facilities.save', {
          ...(id ? { id } : {}),
          code: orNull(f.code.trim().toUpperCase()),
          name: f.name,
          kind: f.kind,
          address: orNull(f.address),
          phone: orNull(f.phone),
          active: f.active,
        })
      }
      fields={(f, set, err) => (
        <>
          <TextField label="Nama fasilitas" value={f.name} onChange={(e) => set({ name: e.target.value })} error={err('name')} wide />
          <SelectField
            label="Jenis"
            value={f.kind}
            onChange={(e) => set({ kind: e.target.value as Kind })}
            options={facilityKinds.map((k) => ({ value: k, label: facilityKindLabels[k] }))}
            error={err('kind')}
          />
          <TextField
            label="Kode faskes"
            value={f.code}
            onChange={(e) => set({ code: e.target.value })}
            error={err('code')}
            hint="Kode BPJS/Kemenkes, 4–12 karakter"
          />
          <TextField label="Alamat" value={f.address} onChange={(e) => set({ address: e.target.value })} error={err('address')} wide />
          <TextField label="Telepon" value={f.phone} onChange={(e) => set({ phone: e.target.value })} error={err('phone')} />
          <CheckField label="Aktif" checked={f.active} onChange={(active) => set({ active })} />
        </>
      )}
    />
  );
}
