import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import type { CounterQueue } from './useCounterQueue';

/** The console's keys: the same on the Antrean screen and on Pendaftaran's queue bar. */
export const counterKeys = {
  next: 'F6',
  recall: 'F7',
  skip: 'F8',
  hold: 'Alt+H',
  finish: 'Alt+S',
  transfer: 'Alt+A',
} as const;

/** Registers the console keys (listed in F1) for as long as the console or the bar is shown. */
export function useCounterKeys(queue: CounterQueue, group: string, openTransfer: () => void): void {
  const { can } = useSession();
  // Staff who may only view the queue get no calling keys (the host would refuse anyway).
  const enabled = queue.place !== null && can('antrean:input');
  const has = enabled && queue.current !== null;
  useShortcut({ keys: counterKeys.next, label: 'Panggil nomor antrean berikutnya', group, handler: queue.callNext }, enabled);
  useShortcut({ keys: counterKeys.recall, label: 'Panggil ulang nomor yang sedang dilayani', group, handler: () => queue.recall() }, has);
  useShortcut({ keys: counterKeys.skip, label: 'Lewati nomor ini (pasien tidak hadir)', group, handler: queue.skip }, has);
  useShortcut({ keys: counterKeys.hold, label: 'Tahan nomor ini (dipanggil ulang nanti)', group, handler: queue.hold }, has);
  useShortcut({ keys: counterKeys.finish, label: 'Selesai melayani nomor ini', group, handler: queue.finish }, has);
  useShortcut({ keys: counterKeys.transfer, label: 'Alihkan nomor ini ke layanan atau poli lain', group, handler: openTransfer }, has);
}
