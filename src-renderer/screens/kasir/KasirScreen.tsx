import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Payment, RecapLine, UnpaidVisit } from '../../../src-main/contract';
import { useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { PrintPreview, type PrintJob } from '../../components/PrintPreview';
import { receiptJob } from '../../components/receipt';
import { Badge, EmptyNote, Panel, RemoteView, Screen } from '../../components/ui';
import { hariIni, hariTanggalDari, jam } from '../../lib/format';
import { rupiah } from '../pendaftaran/logic';
import { ConfirmDialog } from './ConfirmDialog';
import './kasir.css';

type Dialog = { kind: 'pay'; row: UnpaidVisit } | { kind: 'void'; payment: Payment } | { kind: 'close' };

const refreshOn = ['visits.changed', 'cashier.changed'] as const;

/**
 * The kasir's desk: today's pasien umum still to pay, first come first served. ↑/↓ choose,
 * Enter takes the payment (after a confirmation) and opens the kwitansi (Enter prints, Esc
 * skips); Alt+W reprints the last one as SALINAN; the day's recap prints with Alt+P and the day
 * is closed with Alt+T, after which its payments can no longer change.
 */
export function KasirScreen() {
  const client = useClient();
  const { settings, can } = useSession();
  const today = hariIni(settings.timeZone);
  const unpaid = useRemote('cashier.unpaid', {}, { refreshOn });
  const payments = useRemote('cashier.payments', {}, { refreshOn });
  const recap = useRemote('cashier.dayRecap', {}, { refreshOn });
  const list = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [printJob, setPrintJob] = useState<PrintJob | null>(null);
  const [lastPaid, setLastPaid] = useState<number | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const rows = unpaid.data ?? [];
  const current = rows[Math.min(active, rows.length - 1)];
  const closed = recap.data?.closed ?? null;
  const mayPay = can('kasir:input') && closed === null;
  const idle = dialog === null && printJob === null;
  const focusList = () => setTimeout(() => list.current?.focus(), 0);

  useEffect(() => {
    list.current?.focus();
  }, []);
  useEffect(() => {
    document.getElementById(`bayar-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const latestLive = payments.data?.filter((p) => p.voidedAt === null).at(-1)?.visitId ?? null;
  const reprintVisit = lastPaid ?? latestLive;
  const reprint = () => reprintVisit !== null && setPrintJob(receiptJob(client, reprintVisit, true));
  const printRecap = () => setPrintJob({ label: 'Rekap kas harian', printer: 'letter', load: () => client.call('documents.cashRecap', {}) });
  useShortcut({ keys: 'Alt+W', label: 'Cetak ulang kwitansi terakhir (SALINAN)', group: 'Kasir', handler: reprint }, idle && reprintVisit !== null);
  useShortcut({ keys: 'Alt+P', label: 'Cetak rekap kas hari ini (A4)', group: 'Kasir', handler: printRecap }, idle);
  useShortcut(
    { keys: 'Alt+T', label: 'Tutup hari kas', group: 'Kasir', handler: () => setDialog({ kind: 'close' }) },
    idle && can('kasir:input') && closed === null,
  );
  useShortcut({ keys: 'ArrowUp / ArrowDown', label: 'Pilih pasien yang akan membayar', group: 'Kasir' });
  useShortcut({ keys: 'Enter', label: 'Bayar: terima pembayaran pasien terpilih, lalu cetak kwitansi', group: 'Kasir' });

  const onListKey = (e: KeyboardEvent) => {
    if (!idle || rows.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, Math.min(rows.length - 1, Math.min(i, rows.length - 1) + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter' && current && mayPay) {
      e.preventDefault();
      setDialog({ kind: 'pay', row: current });
    }
  };

  const pay = async (row: UnpaidVisit) => {
    await client.call('cashier.pay', { visitId: row.visitId });
    setDialog(null);
    setLastPaid(row.visitId);
    setNote(`${row.patientName}: ${rupiah(row.amount)} diterima.`);
    setPrintJob(receiptJob(client, row.visitId, false));
  };

  return (
    <Screen
      title="Kasir"
      subtitle={`Pembayaran pasien umum — ${hariTanggalDari(today)}`}
      focusHeading={false}
      actions={
        <div className="kasir-actions">
          {closed ? <Badge tone="off">Hari kas ditutup</Badge> : <Badge tone="ok">Hari kas terbuka</Badge>}
          <button type="button" className="btn" onClick={reprint} disabled={reprintVisit === null}>
            Salinan kwitansi <kbd>Alt+W</kbd>
          </button>
          <button type="button" className="btn" onClick={printRecap}>
            Cetak rekap <kbd>Alt+P</kbd>
          </button>
          {can('kasir:input') ? (
            <button type="button" className="btn" onClick={() => setDialog({ kind: 'close' })} disabled={closed !== null}>
              Tutup hari <kbd>Alt+T</kbd>
            </button>
          ) : null}
        </div>
      }
    >
      {note ? (
        <p className="note kasir-note" role="status">
          {note}
        </p>
      ) : null}
      <div className="kasir-grid">
        <Panel title={`Belum dibayar (${rows.length})`} className="kasir-unpaid">
          <div
            ref={list}
            tabIndex={0}
            className="kasir-list"
            role="listbox"
            aria-label="Pasien umum belum membayar"
            aria-activedescendant={current ? `bayar-${rows.indexOf(current)}` : undefined}
            onKeyDown={onListKey}
          >
            <RemoteView remote={unpaid} empty={(r) => (r.length === 0 ? <EmptyNote>Tidak ada pasien umum yang menunggu membayar.</EmptyNote> : null)}>
              {(r) => (
                <table className="table table-select table-compact">
                  <thead>
                    <tr>
                      <th>No.</th>
                      <th>Daftar</th>
                      <th>Pasien</th>
                      <th>Unit</th>
                      <th>Item tarif</th>
                      <th className="num">Nominal</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.map((v, i) => (
                      <tr
                        key={v.visitId}
                        id={`bayar-${i}`}
                        role="option"
                        aria-selected={v === current}
                        className={v === current ? 'row-active' : undefined}
                        onClick={() => setActive(i)}
                        onDoubleClick={() => mayPay && setDialog({ kind: 'pay', row: v })}
                      >
                        <td className="mono">{v.seq}</td>
                        <td className="mono">{jam(v.registeredAt, settings.timeZone)}</td>
                        <td>
                          {v.patientName} <span className="muted mono">{v.rmNumber}</span>
                        </td>
                        <td>{v.unitName}</td>
                        <td>{v.tariffName ?? 'Retribusi pelayanan'}</td>
                        <td className="num">{rupiah(v.amount)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </RemoteView>
          </div>
          <p className="muted small">
            {closed
              ? 'Hari kas sudah ditutup: pembayaran hari ini tidak dapat diterima lagi.'
              : can('kasir:input')
                ? '↑/↓ memilih pasien, Enter = Bayar.'
                : 'Anda hanya dapat melihat daftar ini.'}
          </p>
        </Panel>
        <Panel title="Rekap hari ini" className="kasir-recap">
          <RemoteView remote={recap}>
            {(d) => (
              <>
                <div className="kasir-total" data-testid="kasir-total">
                  <span>{rupiah(d.total.amount)}</span>
                  <small>
                    {d.total.count} pembayaran · {d.voids.length} dibatalkan · {d.copies} salinan
                  </small>
                </div>
                <RecapTable title="Per item tarif" lines={d.byTariff} />
                <RecapTable title="Per kasir" lines={d.byCashier} />
                <p className="muted small">
                  Belum dibayar: {d.unpaid.count} ({rupiah(d.unpaid.amount)}).
                  {d.closed ? ` Ditutup oleh ${d.closed.closedByName} pukul ${jam(d.closed.closedAt, settings.timeZone)}.` : ''}
                </p>
              </>
            )}
          </RemoteView>
        </Panel>
        <Panel title="Sudah dibayar" className="kasir-paid">
          <RemoteView remote={payments} empty={(p) => (p.length === 0 ? <EmptyNote>Belum ada pembayaran hari ini.</EmptyNote> : null)}>
            {(p) => (
              <table className="table table-compact" aria-label="Pembayaran hari ini">
                <thead>
                  <tr>
                    <th>No.</th>
                    <th>Jam</th>
                    <th>Pasien</th>
                    <th>Item tarif</th>
                    <th className="num">Nominal</th>
                    <th>Kasir</th>
                    <th>Salinan</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {[...p].reverse().map((x) => (
                    <tr key={x.id} className={x.voidedAt ? 'kasir-voided' : undefined}>
                      <td className="mono">{x.seq}</td>
                      <td className="mono">{jam(x.paidAt, settings.timeZone)}</td>
                      <td>
                        {x.patientName} <span className="muted mono">{x.rmNumber}</span>
                      </td>
                      <td>{x.tariffName}</td>
                      <td className="num">{rupiah(x.amount)}</td>
                      <td>{x.cashierName}</td>
                      <td className="num">{x.copies}</td>
                      <td className="kasir-row-actions">
                        {x.voidedAt ? (
                          <span className="small" title={x.voidReason ?? ''}>
                            Dibatalkan {jam(x.voidedAt, settings.timeZone)} oleh {x.voidedByName}: {x.voidReason}
                          </span>
                        ) : (
                          <>
                            <button type="button" className="btn btn-small" onClick={() => setPrintJob(receiptJob(client, x.visitId, true))}>
                              Salinan
                            </button>
                            {can('kasir:correction') && closed === null ? (
                              <button type="button" className="btn btn-small" onClick={() => setDialog({ kind: 'void', payment: x })}>
                                Batalkan
                              </button>
                            ) : null}
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </RemoteView>
        </Panel>
      </div>
      {dialog?.kind === 'pay' ? (
        <ConfirmDialog
          title="Terima pembayaran"
          action="Bayar"
          onConfirm={() => pay(dialog.row)}
          onClose={() => {
            setDialog(null);
            focusList();
          }}
        >
          <p className="kasir-confirm">
            <strong>{dialog.row.patientName}</strong> ({dialog.row.rmNumber}) — {dialog.row.tariffName ?? 'Retribusi pelayanan'},{' '}
            {dialog.row.unitName}
          </p>
          <p className="kasir-amount">{rupiah(dialog.row.amount)}</p>
        </ConfirmDialog>
      ) : null}
      {dialog?.kind === 'void' ? (
        <ConfirmDialog
          title="Batalkan pembayaran"
          action="Batalkan pembayaran"
          reason={{ label: 'Alasan pembatalan (wajib, minimal 5 karakter)' }}
          onConfirm={async (reason) => {
            await client.call('cashier.void', { paymentId: dialog.payment.id, reason });
            setDialog(null);
            setNote(`Pembayaran ${dialog.payment.patientName} dibatalkan; kunjungannya kembali ke daftar belum dibayar.`);
            focusList();
          }}
          onClose={() => {
            setDialog(null);
            focusList();
          }}
        >
          <p>
            {dialog.payment.patientName} — {rupiah(dialog.payment.amount)}, dibayar pukul {jam(dialog.payment.paidAt, settings.timeZone)} kepada{' '}
            {dialog.payment.cashierName}.
          </p>
        </ConfirmDialog>
      ) : null}
      {dialog?.kind === 'close' ? (
        <ConfirmDialog
          title="Tutup hari kas"
          action="Tutup hari"
          onConfirm={async () => {
            await client.call('cashier.closeDay', {});
            setDialog(null);
            setNote('Hari kas ditutup. Cetak rekapnya dengan Alt+P.');
            focusList();
          }}
          onClose={() => {
            setDialog(null);
            focusList();
          }}
        >
          <p>Setelah ditutup, pembayaran hari ini ({hariTanggalDari(today)}) tidak dapat ditambah atau dibatalkan lagi.</p>
          {recap.data ? (
            <p>
              <strong>{rupiah(recap.data.total.amount)}</strong> dari {recap.data.total.count} pembayaran.
              {recap.data.unpaid.count > 0 ? ` Masih ${recap.data.unpaid.count} pasien umum belum membayar.` : ''}
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
      {printJob ? (
        <PrintPreview
          job={printJob}
          onClose={(printed) => {
            setPrintJob(null);
            if (printed) setNote(printed);
            // The host counted the kwitansi when it made it: the reprint counts follow.
            payments.reload();
            recap.reload();
            focusList();
          }}
        />
      ) : null}
    </Screen>
  );
}

function RecapTable({ title, lines }: { title: string; lines: RecapLine[] }) {
  return (
    <table className="table table-compact kasir-recap-table">
      <thead>
        <tr>
          <th>{title}</th>
          <th className="num">Jml</th>
          <th className="num">Nominal</th>
        </tr>
      </thead>
      <tbody>
        {lines.length === 0 ? (
          <tr>
            <td colSpan={3} className="muted">
              Belum ada.
            </td>
          </tr>
        ) : (
          lines.map((l) => (
            <tr key={l.key}>
              <td>{l.label}</td>
              <td className="num">{l.count}</td>
              <td className="num">{rupiah(l.amount)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
