import { EmptyNote } from './ui';

const format = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/**
 * A horizontal bar chart in plain HTML (the shared `.bars` styles): one labelled bar per row and
 * its value, readable at a glance at 1366×768 and by a screen reader as a list.
 */
export function BarChart({
  bars,
  unit,
  label,
  empty = 'Belum ada data pada periode ini.',
}: {
  bars: readonly { label: string; value: number }[];
  /** What the values count ("kunjungan", "% tidak lengkap"). */
  unit: string;
  /** The chart's accessible name. */
  label: string;
  empty?: string;
}) {
  if (bars.length === 0 || bars.every((b) => b.value === 0)) return <EmptyNote>{empty}</EmptyNote>;
  const max = Math.max(...bars.map((b) => b.value), 0);
  return (
    <ul className="bars" aria-label={`${label} (${unit})`}>
      {bars.map((b, i) => (
        <li key={`${b.label}-${i}`} className="bar-row" title={`${b.label}: ${format.format(b.value)} ${unit}`}>
          <span className="bar-label">{b.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${max > 0 ? (b.value / max) * 100 : 0}%` }} />
          </span>
          <span className="bar-count">{format.format(b.value)}</span>
        </li>
      ))}
    </ul>
  );
}
