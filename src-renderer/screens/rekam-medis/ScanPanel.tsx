import { useEffect, useRef, useState, type FormEvent } from 'react';
import { folderStatusLabels, type Folder, type ScanResult } from '../../../src-main/contract';
import { asClientError, useClient } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import type { PrintJob } from '../../components/PrintPreview';
import { Badge, ErrorNote, TextField } from '../../components/ui';
import { geserTanggal, hariIni, tanggalPendek } from '../../lib/format';
import { ChecklistForm } from './ReturnReview';
import { KeyTiming } from './scan';

/** What the last action did; `print` offers one more document from the note (an old volume's label). */
type Done = { text: string; folder: Folder; print?: { label: string; job: PrintJob } };

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
export function ScanPanel({ inputRef, onPrint }: { inputRef: React.RefObject<HTMLInputElement | null>; onPrint: (job: PrintJob) => void }) {
  const client = useClient();
  const { can } = useSession();
  const mayMove = can('rekam_medis:input');
  const mayCorrect = can('rekam_medis:correction');
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
          placeholder="Pindai atau ketik No. RM"
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
            {done.print ? (
              <>
                {' '}
                <button type="button" className="btn btn-small" onClick={() => onPrint(done.print!.job)}>
                  Cetak {done.print.label}
                </button>
              </>
            ) : null}
          </p>
        ) : null}
        {result ? (
          <div className="scan-card" data-testid="hasil-pindai">
            <div className="scan-folder">
              <span className="scan-rm mono">{result.folder.rmNumber}</span>
              {result.folder.volumes > 1 ? (
                <Badge>
                  Jilid {result.folder.volume} dari {result.folder.volumes}
                </Badge>
              ) : null}
              {result.folder.temporaryFor !== null ? <Badge tone="warn">Berkas sementara</Badge> : null}
              <StatusBadge folder={result.folder} />
              <span className="strong">{folderNames(result.folder)}</span>
            </div>
            <p>
              Sekarang: <span className="strong">{result.folder.place.label}</span> · {result.folder.section},{' '}
              <span className="mono">{result.folder.shelfKey}</span>
              {result.request ? <> · diminta {result.request.unitName}</> : null}
            </p>
            <p className={`scan-proposal${result.proposal.action === 'none' ? ' muted' : ''}`} data-testid="usulan">
              {result.proposal.action === 'none' ? result.proposal.label : <>→ {result.proposal.label}</>}
              {result.proposal.action !== 'none' && mayMove ? <kbd>Enter</kbd> : null}
            </p>
            {mayMove ? (
              <FolderActions
                result={result}
                mayCorrect={mayCorrect}
                method={method}
                onPrint={onPrint}
                onDone={(d) => {
                  setResult(null);
                  setError(null);
                  setDone(d);
                  inputRef.current?.focus();
                }}
              />
            ) : null}
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
          onClose={(text, incomplete) => {
            setReviewing(null);
            if (text) setDone({ text, folder: reviewing });
            // Incomplete: the slip of what is missing travels back with the folder.
            if (incomplete)
              onPrint({
                label: 'Slip kelengkapan',
                printer: 'letter',
                load: () => client.call('documents.completenessSlip', { reviewId: incomplete.id }),
              });
          }}
        />
      ) : null}
    </section>
  );
}

/**
 * What else can happen to the scanned folder: its tracer, lending it (audit, research, court),
 * marking it missing (with a temporary folder when a patient is waiting for it) or found, and
 * moving it to inactive storage.
 */
function FolderActions({
  result,
  mayCorrect,
  method,
  onPrint,
  onDone,
}: {
  result: ScanResult;
  mayCorrect: boolean;
  method: 'scan' | 'ketik';
  onPrint: (job: PrintJob) => void;
  onDone: (done: Done) => void;
}) {
  const client = useClient();
  const { settings } = useSession();
  const { folder, request } = result;
  const [borrowing, setBorrowing] = useState(false);
  const [borrower, setBorrower] = useState('');
  const [reason, setReason] = useState('');
  const [dueDate, setDueDate] = useState(() => geserTanggal(hariIni(settings.timeZone), 7));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [openingVolume, setOpeningVolume] = useState(false);
  const [oldVolumeTo, setOldVolumeTo] = useState<'rak' | 'rak_inaktif'>('rak');
  const onShelf = folder.place.kind === 'rak' || folder.place.kind === 'ruang_rm';
  // A full folder gets its next volume at the desk or on the shelf; the last volume only.
  const canOpenVolume =
    onShelf && folder.temporaryFor === null && folder.volume === folder.volumes && folder.status !== 'hilang' && folder.status !== 'digabung';
  const canBorrow = onShelf && !folder.awaitingReview && folder.status !== 'hilang';
  const canMiss = mayCorrect && folder.status !== 'hilang' && folder.status !== 'digabung' && folder.temporaryFor === null && onShelf;
  // A temporary folder stands in for a missing one: finding the original merges the two.
  const missingId = folder.status === 'hilang' ? folder.id : folder.temporaryFor;
  const canFind = mayCorrect && missingId !== null;

  const run = async (action: () => Promise<Done>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const out = await action();
      onDone(out);
    } catch (e) {
      setError(asClientError(e).message);
      setBusy(false);
    }
  };
  const tracer = () =>
    onPrint({
      label: 'Tracer',
      printer: 'letter',
      load: () => client.call('documents.tracer', { folderId: folder.id, ...(request ? { requestId: request.id } : {}) }),
    });
  const markMissing = () =>
    void run(async () => {
      const out = await client.call('folders.markMissing', { folderId: folder.id, temporaryFolder: request !== null });
      return {
        folder: out.folder,
        text: out.temporaryFolder
          ? `Berkas ${folder.rmNumber} ditandai hilang; berkas sementara dibuat (${out.temporaryFolder.place.label}).`
          : `Berkas ${folder.rmNumber} ditandai hilang.`,
      };
    });
  const markFound = () =>
    void run(async () => {
      if (missingId === null) throw new Error('Berkas ini tidak ditandai hilang.');
      const out = await client.call('folders.markFound', { folderId: missingId });
      return { folder: out.folder, text: `Berkas asli ${out.folder.rmNumber} ditemukan: ${out.folder.place.label}.` };
    });
  useShortcut({ keys: 'Alt+D', label: 'Cetak tracer berkas yang dipindai', group: 'Rekam Medis', handler: tracer }, folder.status !== 'digabung');
  useShortcut({ keys: 'Alt+P', label: 'Pinjamkan berkas yang dipindai', group: 'Rekam Medis', handler: () => setBorrowing(true) }, canBorrow);
  useShortcut({ keys: 'Alt+H', label: 'Tandai berkas yang dipindai hilang', group: 'Rekam Medis', handler: markMissing }, canMiss);
  useShortcut({ keys: 'Alt+E', label: 'Tandai berkas asli (yang hilang) ditemukan', group: 'Rekam Medis', handler: markFound }, canFind);
  useShortcut(
    { keys: 'Alt+B', label: 'Buka jilid baru berkas yang dipindai', group: 'Rekam Medis', handler: () => setOpeningVolume(true) },
    canOpenVolume,
  );
  const patientId = folder.patients[0]?.id;
  const openVolume = () =>
    void run(async () => {
      const out = await client.call('folders.newVolume', { folderId: folder.id, oldVolumeTo });
      const next = out.folder.volume;
      // Both volumes get a label naming them: the new one now, the old one from the note.
      if (patientId !== undefined)
        onPrint({
          label: `Label berkas jilid ${next}`,
          printer: 'label',
          load: () => client.call('documents.folderLabel', { patientId, volume: next }),
        });
      return {
        folder: out.folder,
        text: `Jilid ${next} berkas ${out.folder.rmNumber} dibuka (${out.folder.place.label}); jilid ${out.previous.volume} → ${out.previous.place.label}. Tempel label "Jilid ${out.previous.volume}" pada jilid lama.`,
        ...(patientId !== undefined
          ? {
              print: {
                label: `Label jilid ${out.previous.volume}`,
                job: {
                  label: `Label berkas jilid ${out.previous.volume}`,
                  printer: 'label' as const,
                  load: () => client.call('documents.folderLabel', { patientId, volume: out.previous.volume }),
                },
              },
            }
          : {}),
      };
    });

  return (
    <>
      <div className="scan-actions">
        <button type="button" className="btn btn-small" onClick={tracer}>
          Cetak tracer <kbd>Alt+D</kbd>
        </button>
        {canBorrow ? (
          <button type="button" className="btn btn-small" onClick={() => setBorrowing(true)}>
            Pinjamkan <kbd>Alt+P</kbd>
          </button>
        ) : null}
        {canMiss ? (
          <button type="button" className="btn btn-small" onClick={markMissing}>
            Tandai hilang <kbd>Alt+H</kbd>
          </button>
        ) : null}
        {canFind ? (
          <button type="button" className="btn btn-small" onClick={markFound}>
            Tandai ditemukan <kbd>Alt+E</kbd>
          </button>
        ) : null}
        {onShelf && !folder.awaitingReview && folder.status === 'di_rak' ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              void run(async () => {
                const out = await client.call('folders.move', { folderId: folder.id, to: 'rak_inaktif', method });
                return { folder: out.folder, text: `Berkas ${folder.rmNumber} dipindah ke ${out.folder.place.label}.` };
              })
            }
          >
            Ke rak inaktif
          </button>
        ) : null}
        {canOpenVolume ? (
          <button type="button" className="btn btn-small" onClick={() => setOpeningVolume(true)}>
            Buka jilid baru <kbd>Alt+B</kbd>
          </button>
        ) : null}
      </div>
      {openingVolume ? (
        <form
          className="borrow-form"
          aria-label="Buka jilid baru"
          onSubmit={(e) => {
            e.preventDefault();
            openVolume();
          }}
          // Enter on a radio does not submit a form by itself; here it confirms the choice.
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'radio') {
              e.preventDefault();
              openVolume();
            }
          }}
        >
          <fieldset className="radio-row">
            <legend>Jilid {folder.volume} (lama)</legend>
            <label>
              <input type="radio" name="jilid-lama" checked={oldVolumeTo === 'rak'} onChange={() => setOldVolumeTo('rak')} autoFocus /> tetap di rak
            </label>
            <label>
              <input type="radio" name="jilid-lama" checked={oldVolumeTo === 'rak_inaktif'} onChange={() => setOldVolumeTo('rak_inaktif')} /> ke rak
              inaktif
            </label>
          </fieldset>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Buka jilid {folder.volume + 1}
          </button>
        </form>
      ) : null}
      {borrowing ? (
        <form
          className="borrow-form"
          aria-label="Pinjamkan berkas"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const out = await client.call('folders.borrow', { folderId: folder.id, borrower, reason, dueDate, method });
              return { folder: out.folder, text: `Berkas ${folder.rmNumber} dipinjam ${borrower} sampai ${tanggalPendek(dueDate)}.` };
            });
          }}
        >
          <TextField label="Peminjam" value={borrower} autoFocus onChange={(e) => setBorrower(e.target.value)} />
          <TextField label="Keperluan" value={reason} placeholder="audit, penelitian, pengadilan…" onChange={(e) => setReason(e.target.value)} />
          <TextField label="Kembali paling lambat" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Catat peminjaman
          </button>
        </form>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
    </>
  );
}
