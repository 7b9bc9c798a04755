import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { payerLabels, type PatientSummary } from '../../../src-main/contract';
import { asClientError, useClient, useRemote } from '../../api/react';
import type { ClientError } from '../../api/client';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { ErrorNote, Screen } from '../../components/ui';
import { hariIni, tanggalPendek, tanggalPendekWaktu, umur } from '../../lib/format';

const DEBOUNCE_MS = 150;

/** Finds a patient by RM, NIK, BPJS number or name as the clerk types (or the barcode scanner does). */
export function PendaftaranScreen() {
  const client = useClient();
  const { settings } = useSession();
  const today = hariIni(settings.timeZone);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  /** The last answer, for the query it answers; older queries' answers are dropped. */
  const [answer, setAnswer] = useState<{ query: string; rows: PatientSummary[]; error: ClientError | null } | null>(null);
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const q = query.trim();

  useEffect(() => {
    input.current?.focus();
  }, []);

  useEffect(() => {
    if (q === '') return;
    let current = true;
    const timer = setTimeout(() => {
      client.call('patients.search', { query: q, limit: 30 }).then(
        (rows) => {
          // A slower answer to an older query must not overwrite the newer one.
          if (!current) return;
          setAnswer({ query: q, rows, error: null });
          setActive(0);
        },
        (e: unknown) => {
          if (current) setAnswer((a) => ({ query: q, rows: a?.rows ?? [], error: asClientError(e) }));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, q]);

  const results = q === '' || !answer ? null : answer;
  const searching = q !== '' && answer?.query !== q;
  const error = results?.error ?? null;
  const rows = results?.rows ?? [];
  const focusSearch = () => {
    input.current?.focus();
    input.current?.select();
  };
  useShortcut({ keys: 'F2', label: 'Ke kolom pencarian pasien', group: 'Pendaftaran', handler: focusSearch });
  useShortcut({ keys: 'ArrowUp / ArrowDown', label: 'Pilih baris hasil pencarian', group: 'Pendaftaran' });
  useShortcut({ keys: 'Enter', label: 'Buka data pasien yang dipilih', group: 'Pendaftaran' });
  useShortcut(
    {
      keys: 'Escape',
      label: 'Tutup data pasien',
      group: 'Pendaftaran',
      handler: () => {
        setOpenId(null);
        focusSearch();
      },
    },
    openId !== null,
  );

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (rows.length === 0) return;
      e.preventDefault();
      setActive((i) => Math.max(0, Math.min(rows.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const row = rows[active];
      if (row) setOpenId(row.id);
    }
  };

  useEffect(() => {
    document.getElementById(`pasien-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <Screen
      title="Pendaftaran"
      subtitle="Cari pasien lama dengan No. RM, NIK, No. BPJS atau nama; pindai kartu berobat langsung ke kolom ini."
      focusHeading={false}
    >
      <div className={`search-layout${openId !== null ? ' with-detail' : ''}`}>
        <div className="search-main">
          <div className="search-box">
            <label htmlFor="cari-pasien">Cari pasien</label>
            <input
              id="cari-pasien"
              ref={input}
              type="search"
              autoComplete="off"
              spellCheck={false}
              placeholder="No. RM, NIK, No. BPJS atau nama pasien…"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onKeyDown}
              aria-controls="hasil-pasien"
            />
            <span className="search-state" aria-live="polite">
              {searching ? 'Mencari…' : results ? `${rows.length} pasien ditemukan` : ''}
            </span>
          </div>
          {error ? <ErrorNote error={error} /> : null}
          {results === null ? (
            <p className="empty">Ketik No. RM, NIK (16 angka), No. BPJS (13 angka) atau awal nama pasien. Pilih hasil dengan ↑ ↓ lalu Enter.</p>
          ) : rows.length === 0 ? (
            <p className="empty">Tidak ada pasien yang cocok dengan “{results.query}”. Periksa ejaan atau cari dengan nomor identitas.</p>
          ) : (
            <div className="table-wrap">
              <table className="table table-select" id="hasil-pasien" aria-label="Hasil pencarian pasien">
                <thead>
                  <tr>
                    <th>No. RM</th>
                    <th>Nama</th>
                    <th className="col-narrow">L/P</th>
                    <th>Tanggal lahir (umur)</th>
                    <th>Desa/Kelurahan</th>
                    <th>Kunjungan terakhir</th>
                    <th>Penjamin</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((p, i) => (
                    <tr
                      key={p.id}
                      id={`pasien-${i}`}
                      aria-current={i === active ? 'true' : undefined}
                      className={i === active ? 'row-active' : undefined}
                      onClick={() => {
                        setActive(i);
                        setOpenId(p.id);
                      }}
                    >
                      <td className="mono">{p.rmNumber}</td>
                      <td className="strong">{p.name}</td>
                      <td>{p.sex}</td>
                      <td>
                        {tanggalPendek(p.birthDate)} <span className="muted">({umur(p.birthDate, today)})</span>
                      </td>
                      <td>{p.village ?? '—'}</td>
                      <td>{tanggalPendek(p.lastVisitDate)}</td>
                      <td>{payerLabels[p.payerDefault]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        {openId !== null ? (
          <PatientDetail
            id={openId}
            today={today}
            timeZone={settings.timeZone}
            onClose={() => {
              setOpenId(null);
              focusSearch();
            }}
          />
        ) : null}
      </div>
    </Screen>
  );
}

function PatientDetail({ id, today, timeZone, onClose }: { id: number; today: string; timeZone: string; onClose: () => void }) {
  const patient = useRemote('patients.get', { id });
  const p = patient.data?.id === id ? patient.data : undefined;
  const address = p ? [p.addressStreet, p.rt || p.rw ? `RT ${p.rt ?? '-'}/RW ${p.rw ?? '-'}` : null, p.regionPath].filter(Boolean).join(', ') : '';
  return (
    <aside className="detail-panel" aria-labelledby="detail-title">
      <header className="detail-head">
        <h2 id="detail-title">{p ? p.name : 'Data pasien'}</h2>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Tutup (Esc)
        </button>
      </header>
      {patient.error ? <ErrorNote error={patient.error} onRetry={patient.reload} /> : null}
      {!p ? (
        patient.error ? null : (
          <p className="muted" role="status">
            Memuat data pasien…
          </p>
        )
      ) : (
        <dl className="detail-list">
          <dt>No. RM</dt>
          <dd className="mono strong">{p.rmNumber}</dd>
          <dt>Jenis kelamin</dt>
          <dd>{p.sex === 'L' ? 'Laki-laki' : 'Perempuan'}</dd>
          <dt>Tempat, tanggal lahir</dt>
          <dd>
            {p.birthPlace ? `${p.birthPlace}, ` : ''}
            {tanggalPendek(p.birthDate)} ({umur(p.birthDate, today)})
          </dd>
          <dt>NIK</dt>
          <dd className="mono">{p.nik ?? '—'}</dd>
          <dt>No. BPJS</dt>
          <dd className="mono">{p.bpjsNumber ?? '—'}</dd>
          <dt>Penjamin</dt>
          <dd>{payerLabels[p.payerDefault]}</dd>
          <dt>Telepon</dt>
          <dd>{p.phone ?? '—'}</dd>
          <dt>Alamat</dt>
          <dd>{address || '—'}</dd>
          <dt>Kunjungan terakhir</dt>
          <dd>{tanggalPendek(p.lastVisitDate)}</dd>
          <dt>Terdaftar sejak</dt>
          <dd>{tanggalPendekWaktu(p.createdAt, timeZone)}</dd>
        </dl>
      )}
    </aside>
  );
}
