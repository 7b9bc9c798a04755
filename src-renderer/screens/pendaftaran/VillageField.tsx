import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { Region } from '../../../src-main/contract';
import { useClient } from '../../api/react';
import { useShortcut } from '../../app/shortcuts';

const DEBOUNCE_MS = 200;

/**
 * Desa/kelurahan typeahead over `regions.search` (level 4): type two letters or more, ↑ ↓ to
 * choose, Enter to take it; the full path (desa, kecamatan, kabupaten, provinsi) shows below.
 * Editing the text again drops the chosen code.
 */
export function VillageField({
  text,
  code,
  path,
  error,
  onText,
  onPick,
  className,
}: {
  text: string;
  code: string | null;
  path: string | null;
  error?: string | undefined;
  onText: (text: string) => void;
  onPick: (region: Region) => void;
  className?: string;
}) {
  const client = useClient();
  const id = useId();
  const [answer, setAnswer] = useState<{ query: string; rows: Region[] } | null>(null);
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  const query = text.trim();
  const wanted = code === null && query.length >= 2;

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    const timer = setTimeout(() => {
      client.call('regions.search', { query, level: 4, limit: 8 }).then(
        (rows) => {
          if (!current) return;
          setAnswer({ query, rows });
          setActive(0);
        },
        () => {
          if (current) setAnswer({ query, rows: [] });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, query, wanted]);

  const rows = wanted && answer?.query === query ? answer.rows : [];
  const open = focused && wanted && answer?.query === query;
  const [dismissed, setDismissed] = useState<string | null>(null);
  const shown = open && dismissed !== query;
  useShortcut({ keys: 'Escape', label: 'Tutup daftar desa/kelurahan', group: 'Pendaftaran — pasien', handler: () => setDismissed(query) }, shown);

  const pick = (r: Region) => {
    onPick(r);
    setAnswer(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!shown || rows.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, Math.min(rows.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter' && !e.ctrlKey) {
      // Takes the village instead of submitting the form.
      e.preventDefault();
      const r = rows[active];
      if (r) pick(r);
    }
  };

  return (
    <div className={`field village-field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>Desa/Kelurahan</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={shown && rows[active] ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder="Ketik nama desa…"
        onChange={(e) => {
          setDismissed(null);
          onText(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
      {shown ? (
        <ul className="village-list" id={`${id}-list`} role="listbox" aria-label="Pilihan desa/kelurahan">
          {rows.length === 0 ? (
            <li className="village-none">Tidak ada desa/kelurahan “{query}” di daftar wilayah.</li>
          ) : (
            rows.map((r, i) => (
              <li
                key={r.code}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'village-active' : undefined}
                // mousedown, so the input keeps the focus until the choice is made.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(r);
                }}
              >
                <span className="strong">{r.name}</span> <span className="muted small">{r.path.split(', ').slice(1).join(', ')}</span>
              </li>
            ))
          )}
        </ul>
      ) : null}
      {error ? (
        <span className="field-error">{error}</span>
      ) : (
        <span className="field-hint">
          {code && path ? path : query.length >= 2 && code === null ? 'Pilih dari daftar (↑ ↓, Enter)' : 'Kode wilayah Kemendagri'}
        </span>
      )}
    </div>
  );
}
