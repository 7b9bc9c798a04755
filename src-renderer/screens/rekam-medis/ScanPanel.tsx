import { useEffect, useRef, useState, type FormEvent } from 'react';
import { folderStatusLabels, type Folder, type ScanResult } from '../../../src-main/contract';
import { asClientError, useClient } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { Badge, ErrorNote } from '../../components/ui';
import { ChecklistForm } from './ReturnReview';
import { KeyTiming } from './scan';

type Done = { text: string; folder: Folder };

/** The folder's patients in one line: "Siti Aminah (1985)". */
export function folderNames(folder: Folder): string {
  return folder.patients.map((p) => `${p.name} (${p.birthDate.slice(0, 4)})`).join(', ') || '—';
}

export function StatusBadge({ folder }: { folder: Pick<Folder, 'status'> }) {
  const tone = folder.status === 'di_rak' ? 'ok' : folder.status === 'hilang' ? 'warn' : folder.status === 'keluar' ? 'accent' : 'neutral';
  return <Badge tone={tone}>{folderStatusLabels[folder.status]}</Badge>;
}

/**
 * One scan field for the whole desk: scan (or type) the RM and Enter shows the folder, where it
 * is and the next step; Enter on the empty field records that step. A returned folder goes
 * straight to the completeness checklist.
 */
export function ScanPanel({ inputRef }: { inputRef: React.RefObject<HTMLInputElement | null> }) {
  const client = useClient();
  const { can } = useSession();
  const mayMove = can('rekam_medis:input');
  const [code, setCode] = useState('');
  const [result, setResult] = useState<ScanResult | null>(null);
  const [method, setMethod] = useState<'scan' | 'ketik'>('ketik');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [busy, setBusy] = useState(false);
  const [reviewing, setReviewing] = useState<Folder | null>(null);
  const timing = useRef(new KeyTiming());

  const focusScan = () => inputRef.current?.focus();
  // Back to the scan field once the checklist closes (the field is disabled while it is open).
  useEffect(() => {
    if (!reviewing) inputRef.current?.focus();
  }, [reviewing, inputRef]);
  useShortcut({ keys: 'F2', label: 'Ke kolom pindai No. RM', group: 'Rekam Medis', handler: focusScan });
  useShortcut({ keys: 'Enter', label: 'Pindai No. RM, lalu Enter lagi mencatat langkah yang diusulkan', group: 'Rekam Medis' });

  const scan = async (value: string) => {
    const m = timing.current.method();
    timing.current.reset();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setResult(await client.call('folders.scan', { code: value }));
      setMethod(m);
    } catch (e) {
      setResult(null);
      setError(asClientError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const record = async (r: ScanResult) => {
    const { proposal, folder } = r;
    if (proposal.action === 'none') {
      setError(proposal.label);
      return;
    }
    if (!mayMove) {
      setError('Hanya perekam medis atau administrator yang dapat memindahkan berkas.');
      return;
    }
    if (proposal.action === 'review') {
      setReviewing(folder);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (proposal.action === 'return') {
        const out = await client.call('folders.return', { folderId: folder.id, method });
        setResult(null);
        setDone({ text: `Berkas ${out.folder.rmNumber} diterima kembali. Periksa kelengkapannya.`, folder: out.folder });
        setReviewing(out.folder);
      } else if (proposal.to) {
        const to = proposal.to;
        const requestId = to.kind === 'unit' && r.request && r.request.unitId === to.unitId ? r.request.id : undefined;
        const out = await client.call('folders.move', {
          folderId: folder.id,
          to: to.kind,
          method,
          ...(to.unitId !== null ? { unitId: to.unitId } : {}),
          ...(requestId !== undefined ? { requestId } : {}),
        });
        setResult(null);
        setDone({ text: `${out.movement.label}: berkas ${out.folder.rmNumber} → ${out.folder.place.label}.`, folder: out.folder });
      }
    } catch (e) {
      setError(asClientError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const value = code.trim();
    if (value) {
      setCode('');
      void scan(value);
    } else if (result) void record(result);
  };

  return (
    <section className="scan-panel" aria-label="Pindai berkas">
      <form onSubmit={onSubmit} className="scan-form" role="search">
        <label htmlFor="scan-rm" className="scan-label">
          Pindai No. RM <kbd>F2</kbd>
        </label>
        <input
          id="scan-rm"
          ref={inputRef}
          className="scan-input mono"
          value={code}
          autoComplete="off"
          spellCheck={false}
          placeholder="Pindai barcode atau ketik No. RM, lalu Enter"
          onKeyDown={(e) => {
            if (e.key.length === 1) timing.current.key(e.timeStamp);
          }}
          onChange={(e) => {
            if (e.target.value === '') timing.current.reset();
            setCode(e.target.value);
          }}
          disabled={reviewing !== null}
        />
      </form>
      <div aria-live="polite" className="scan-result">
        {error ? <ErrorNote error={error} /> : null}
        {done && !error ? (
          <p className="note" role="status">
            {done.text}
          </p>
        ) : null}
        {result ? (
          <div className="scan-card" data-testid="hasil-pindai">
            <div className="scan-folder">
              <span className="scan-rm mono">{result.folder.rmNumber}</span>
              {result.folder.volume > 1 ? <Badge>Jilid {result.folder.volume}</Badge> : null}
              <StatusBadge folder={result.folder} />
              <span className="strong">{folderNames(result.folder)}</span>
            </div>
            <p>
              Sekarang: <span className="strong">{result.folder.place.label}</span> · rak {result.folder.section},{' '}
              <span className="mono">{result.folder.shelfKey}</span>
              {result.request ? <> · diminta {result.request.unitName}</> : null}
            </p>
            <p className={`scan-proposal${result.proposal.action === 'none' ? ' muted' : ''}`} data-testid="usulan">
              {result.proposal.action === 'none' ? result.proposal.label : <>→ {result.proposal.label}</>}
              {result.proposal.action !== 'none' && mayMove ? <kbd>Enter</kbd> : null}
            </p>
            {result.proposal.action !== 'none' && !mayMove ? (
              <p className="muted small">Hanya perekam medis atau administrator yang dapat memindahkan berkas.</p>
            ) : null}
          </div>
        ) : null}
      </div>
      {reviewing ? (
        <ChecklistForm
          folder={reviewing}
          method={method}
          onClose={(text) => {
            setReviewing(null);
            if (text) setDone({ text, folder: reviewing });
          }}
        />
      ) : null}
    </section>
  );
}
