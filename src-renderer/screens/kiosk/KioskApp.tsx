import { useEffect, useRef, useState } from 'react';
import { priorityClasses, priorityClassLabels, type LaneSummary, type PriorityClass } from '../../../src-main/contract';
import { asClientError, useClient, useConnection, useRemote } from '../../api/react';
import { useNow } from '../../lib/clock';
import { hariTanggal, jam, zonaSingkat } from '../../lib/format';
import { issueTicketSafely, type IssuePhase, type Issued } from './issue';
import { printTicket } from './print';

/** Seconds the issued number stays on screen before the kiosk is ready for the next patient. */
const SHOW_TICKET_S = 12;
const SHOW_ERROR_S = 10;
/** A priority choice nobody followed with a service is forgotten after this long. */
const PRIORITY_RESET_MS = 45_000;

const priorityHints: Record<PriorityClass, string> = {
  lansia: '60 tahun ke atas',
  disabilitas: 'penyandang disabilitas',
  ibu_hamil: 'sedang hamil',
  anak: 'balita / anak sakit',
};

/** The karcis: being printed, printed (what to tell the patient), or not (the printer's fault). */
type Printing = { state: 'mencetak' } | { state: 'selesai'; text: string } | { state: 'gagal'; text: string };

type Step =
  | { kind: 'pilih' }
  | { kind: 'proses'; lane: LaneSummary; phase: IssuePhase }
  | { kind: 'tiket'; issued: Issued; print: Printing }
  | { kind: 'gagal'; lane: LaneSummary; message: string };

/**
 * The ticket kiosk (touch screen, full screen, usually a browser on another PC): one large
 * button per active service with its waiting count; a patient in a priority group touches that
 * group first. The number is shown very large with the people ahead and the estimated wait,
 * the ticket is printed, and the kiosk returns to the start by itself. A host restart in the
 * middle is waited out ("Menghubungkan ulang…") without issuing a second number.
 */
export function KioskApp() {
  const client = useClient();
  const settings = useRemote('settings.public', {}, { refreshOn: ['settings.changed'] });
  const board = useRemote('queue.board', { limit: 1 }, { refreshOn: ['queue.changed', 'reference.changed'] });
  const connection = useConnection();
  const now = useNow(1000);
  const [step, setStep] = useState<Step>({ kind: 'pilih' });
  const [priority, setPriority] = useState<PriorityClass | null>(null);
  const working = useRef(false);
  const s = settings.data;
  const timeZone = s?.timeZone ?? 'Asia/Jakarta';
  const lanes = (board.data?.services ?? []).filter((l) => l.active);

  useEffect(() => {
    if (priority === null || step.kind !== 'pilih') return;
    const t = setTimeout(() => setPriority(null), PRIORITY_RESET_MS);
    return () => clearTimeout(t);
  }, [priority, step.kind]);

  const restart = () => {
    setStep({ kind: 'pilih' });
    setPriority(null);
  };

  const take = (lane: LaneSummary) => {
    if (working.current || lane.serviceId === null) return;
    working.current = true;
    const serviceId = lane.serviceId;
    setStep({ kind: 'proses', lane, phase: 'mengambil' });
    issueTicketSafely(client, { serviceId, priority }, (phase) => setStep({ kind: 'proses', lane, phase })).then(
      (issued) => {
        working.current = false;
        setStep({ kind: 'tiket', issued, print: { state: 'mencetak' } });
        const printed = (print: Printing) => setStep((s) => (s.kind === 'tiket' && s.issued.ticket.id === issued.ticket.id ? { ...s, print } : s));
        printTicket(client, issued.ticket.id).then(
          (text) => printed({ state: 'selesai', text }),
          (e: unknown) =>
            printed({
              state: 'gagal',
              text: `Karcis tidak dapat dicetak: ${asClientError(e).message} Ingat nomor Anda: ${issued.ticket.code}.`,
            }),
        );
      },
      (e: unknown) => {
        working.current = false;
        setStep({ kind: 'gagal', lane, message: asClientError(e).message });
      },
    );
  };

  return (
    <div className="kiosk">
      <header className="kiosk-head">
        <div className="tv-org">
          <span className="logo-mark" aria-hidden="true">
            L
          </span>
          <h1 className="kiosk-name">{s?.puskesmasName ?? 'Memuat…'}</h1>
        </div>
        <div className="kiosk-time">
          <span className="kiosk-clock">
            {jam(now, timeZone)} {zonaSingkat(timeZone)}
          </span>
          <span>{hariTanggal(now, timeZone)}</span>
        </div>
      </header>
      {step.kind === 'tiket' ? (
        <TicketView issued={step.issued} print={step.print} onDone={restart} />
      ) : step.kind === 'gagal' ? (
        <FailView lane={step.lane} message={step.message} onDone={restart} />
      ) : (
        <main className="kiosk-main">
          <h2 className="kiosk-title">Ambil nomor antrean</h2>
          <PriorityChoice value={priority} onChange={setPriority} disabled={step.kind === 'proses'} />
          {board.data === undefined ? (
            <p className="kiosk-muted" role="status">
              {board.error ? 'Daftar layanan belum dapat dimuat. Menghubungkan ulang…' : 'Memuat layanan…'}
            </p>
          ) : lanes.length === 0 ? (
            <p className="kiosk-muted">Belum ada layanan antrean. Silakan langsung menuju loket pendaftaran.</p>
          ) : (
            <ul className="kiosk-grid">
              {lanes.map((l) => (
                <li key={l.serviceId}>
                  <button type="button" className="kiosk-button" disabled={l.full || step.kind === 'proses'} onClick={() => take(l)}>
                    <span className="kiosk-prefix">{l.prefix}</span>
                    <span className="kiosk-service">{l.name}</span>
                    <span className="kiosk-lane-note">
                      {l.full
                        ? 'Kuota hari ini sudah habis'
                        : l.waiting === 0
                          ? 'Tidak ada antrean'
                          : `${l.waiting} orang menunggu · ± ${l.estimatedWaitMinutes} menit`}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="kiosk-status" aria-live="polite">
            {priority ? `Prioritas: ${priorityClassLabels[priority]}. Sekarang sentuh layanan yang Anda tuju.` : 'Sentuh layanan yang Anda tuju.'}
          </p>
        </main>
      )}
      {step.kind === 'proses' ? (
        <div className="kiosk-overlay" role="status" data-testid="kiosk-proses">
          <div className="kiosk-overlay-box">
            <span className="kiosk-spinner" aria-hidden="true" />
            <p className="kiosk-overlay-title">{step.phase === 'menyambung' ? 'Menghubungkan ulang…' : 'Mengambil nomor…'}</p>
            <p className="kiosk-overlay-note">
              {step.lane.name}
              {step.phase === 'menyambung' ? ' — mohon tunggu sebentar, nomor Anda segera keluar.' : ''}
            </p>
          </div>
        </div>
      ) : null}
      {connection === 'terputus' && step.kind !== 'proses' ? (
        <div className="tv-offline" role="status">
          Terputus dari host — menyambung ulang…
        </div>
      ) : null}
    </div>
  );
}

function PriorityChoice({
  value,
  onChange,
  disabled,
}: {
  value: PriorityClass | null;
  onChange: (v: PriorityClass | null) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className="kiosk-priority" disabled={disabled}>
      <legend>Pasien prioritas? Sentuh dulu kelompok Anda:</legend>
      <div className="kiosk-priority-row">
        {priorityClasses.map((p) => (
          <button key={p} type="button" className="kiosk-chip" aria-pressed={value === p} onClick={() => onChange(value === p ? null : p)}>
            <span className="kiosk-chip-name">{priorityClassLabels[p]}</span>
            <span className="kiosk-chip-hint">{priorityHints[p]}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function useCountdown(seconds: number, onDone: () => void): number {
  const [left, setLeft] = useState(seconds);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      const rest = seconds - Math.floor((Date.now() - started) / 1000);
      setLeft(rest);
      if (rest <= 0) {
        clearInterval(timer);
        done.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds]);
  return Math.max(0, left);
}

function TicketView({ issued, print, onDone }: { issued: Issued; print: Printing; onDone: () => void }) {
  const left = useCountdown(SHOW_TICKET_S, onDone);
  const { ticket } = issued;
  return (
    <main className="kiosk-main kiosk-ticket" data-testid="kiosk-tiket">
      <p className="kiosk-ticket-label">Nomor antrean Anda</p>
      <div className="kiosk-ticket-code" data-testid="kiosk-nomor">
        {ticket.code}
      </div>
      <p className="kiosk-ticket-service">
        {ticket.laneName}
        {ticket.priority ? ` · prioritas ${priorityClassLabels[ticket.priority].toLowerCase()}` : ''}
      </p>
      <dl className="kiosk-facts">
        <div>
          <dt>Di depan Anda</dt>
          <dd data-testid="kiosk-di-depan">{issued.waitingAhead} orang</dd>
        </div>
        <div>
          <dt>Perkiraan menunggu</dt>
          <dd>{issued.waitingAhead === 0 ? 'segera dipanggil' : `± ${issued.estimatedWaitMinutes} menit`}</dd>
        </div>
      </dl>
      <p className={print.state === 'gagal' ? 'kiosk-print kiosk-print-fail' : 'kiosk-print'} role="status" data-testid="kiosk-cetak">
        {print.state === 'mencetak' ? 'Mencetak karcis…' : print.text}
      </p>
      <p className="kiosk-ticket-note">Perhatikan layar dan panggilan suara. Nomor dipanggil menurut urutan.</p>
      <button type="button" className="kiosk-done" onClick={onDone}>
        Selesai ({left})
      </button>
    </main>
  );
}

function FailView({ lane, message, onDone }: { lane: LaneSummary; message: string; onDone: () => void }) {
  const left = useCountdown(SHOW_ERROR_S, onDone);
  return (
    <main className="kiosk-main kiosk-fail" role="alert">
      <p className="kiosk-ticket-label">{lane.name}</p>
      <p className="kiosk-fail-message">{message}</p>
      <button type="button" className="kiosk-done" onClick={onDone}>
        Kembali ({left})
      </button>
    </main>
  );
}
