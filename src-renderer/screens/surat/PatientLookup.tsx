import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PatientSummary } from '../../../src-main/contract';
import { asClientError, useClient } from '../../api/react';
import { useShortcut } from '../../app/shortcuts';
import { ErrorNote } from '../../components/ui';
import { tanggalPendek } from '../../lib/format';

/**
 * The patient a letter is for: type or scan the RM number (or a name) and press Enter; one match
 * is taken at once, several are listed to pick with Tab and Enter. Alt+G picks another patient.
 */
export function PatientLookup({ value, onPick }: { value: PatientSummary | null; onPick: (p: PatientSummary | null) => void }) {
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PatientSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!value) input.current?.focus();
  }, [value]);
  useShortcut({ keys: 'Alt+G', label: 'Ganti pasien surat', group: 'Surat', handler: () => onPick(null) }, value !== null);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (q.length === 0) return;
    setError(null);
    client.call('patients.search', { query: q, limit: 10 }).then(
      (found) => {
        if (found.length === 1) {
          onPick(found[0]!);
          setResults(null);
        } else {
          setResults(found);
          if (found.length === 0) setError(`Tidak ada pasien untuk "${q}".`);
        }
      },
      (e: unknown) => setError(asClientError(e).message),
    );
  };

  if (value) {
    return (
      <div className="surat-patient" aria-label="Pasien surat">
        <div>
          <span className="strong">{value.name}</span> · <span className="mono">No. RM {value.rmNumber}</span> ·{' '}
          {value.sex === 'P' ? 'Perempuan' : 'Laki-laki'} · lahir {tanggalPendek(value.birthDate)}
        </div>
        <button type="button" className="btn btn-small" onClick={() => onPick(null)}>
          Ganti pasien <kbd>Alt+G</kbd>
        </button>
      </div>
    );
  }
  return (
    <form className="surat-lookup" onSubmit={search} role="search" noValidate>
      <label htmlFor="surat-rm">No. RM atau nama pasien</label>
      <input
        id="surat-rm"
        ref={input}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Ketik/pindai No. RM lalu Enter"
        autoComplete="off"
      />
      {error ? <ErrorNote error={error} /> : null}
      {results && results.length > 0 ? (
        <ul className="pick-list" aria-label="Hasil pencarian pasien">
          {results.map((p) => (
            <li key={p.id}>
              <button type="button" className="btn btn-small" onClick={() => onPick(p)}>
                <span className="mono">{p.rmNumber}</span> {p.name} ({p.sex}, {tanggalPendek(p.birthDate)})
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
