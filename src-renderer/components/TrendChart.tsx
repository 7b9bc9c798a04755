import { angka } from '../lib/format';

export interface TrendDay {
  /** Shown under the column ("Sen 17"). */
  label: string;
  /** One stacked part per series, in the order of `series`. */
  values: readonly number[];
}

const HEIGHT = 150;
const TOP = 18;
const BOTTOM = 22;
const COL = 64;

/**
 * Columns per day, stacked per series (payer), total on top — an SVG that scales to its panel
 * and reads at a glance at 1366×768. The legend and a hidden table carry the same figures as text.
 */
export function TrendChart({
  days,
  series,
  label,
}: {
  days: readonly TrendDay[];
  series: readonly { label: string; color: string }[];
  label: string;
}) {
  const totals = days.map((d) => d.values.reduce((s, v) => s + v, 0));
  const max = Math.max(1, ...totals);
  const plot = HEIGHT - TOP - BOTTOM;
  const width = days.length * COL;
  return (
    <figure className="trend">
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
        <line x1="0" x2={width} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} className="trend-axis" />
        {days.map((d, i) => {
          let y = HEIGHT - BOTTOM;
          const x = i * COL + COL * 0.2;
          return (
            <g key={`${d.label}-${i}`}>
              {d.values.map((v, s) => {
                const h = (v / max) * plot;
                y -= h;
                return v > 0 ? <rect key={s} x={x} y={y} width={COL * 0.6} height={h} fill={series[s]?.color ?? '#999'} rx="2" /> : null;
              })}
              <text x={x + COL * 0.3} y={HEIGHT - BOTTOM - (totals[i]! / max) * plot - 5} className="trend-total" textAnchor="middle">
                {angka(totals[i]!)}
              </text>
              <text x={x + COL * 0.3} y={HEIGHT - 6} className="trend-day" textAnchor="middle">
                {d.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="trend-legend">
        {series.map((s) => (
          <span key={s.label}>
            <i style={{ background: s.color }} aria-hidden="true" /> {s.label}
          </span>
        ))}
      </figcaption>
      <table className="sr-only">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th>Hari</th>
            {series.map((s) => (
              <th key={s.label}>{s.label}</th>
            ))}
            <th>Jumlah</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d, i) => (
            <tr key={`${d.label}-${i}`}>
              <td>{d.label}</td>
              {d.values.map((v, s) => (
                <td key={s}>{v}</td>
              ))}
              <td>{totals[i]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
