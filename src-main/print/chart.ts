import { esc } from './html';

/**
 * A horizontal bar chart as inline SVG for printed recaps: one bar per row with its label on the
 * left and its value at the end. Vector, so it prints crisply at any size; no script, no library.
 */
export interface BarChart {
  bars: readonly { label: string; value: number }[];
  /** What the values count ("kunjungan", "% tidak lengkap"): the chart's accessible name. */
  unit: string;
  /** Drawing width in mm; the height follows the number of bars. */
  widthMm: number;
}

/** Row pitch and bar height: a month's 31 days draw closer than a handful of units. */
const pitch = (n: number) => (n > 16 ? { row: 3.4, bar: 2.4, font: 2.2 } : { row: 4.6, bar: 3.2, font: 2.5 });
const LABEL_MM_PER_CHAR = 1.55;

/** "1.234" and "12,5": numbers as Indonesian prints them. */
export function angka(n: number): string {
  return new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(n);
}

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function barChartSvg({ bars, unit, widthMm }: BarChart): string {
  if (bars.length === 0) return '';
  const max = Math.max(...bars.map((b) => b.value), 0);
  const labelChars = Math.min(26, Math.max(...bars.map((b) => b.label.length)));
  const labelMm = Math.max(12, labelChars * LABEL_MM_PER_CHAR);
  const valueMm = 12;
  const trackMm = Math.max(10, widthMm - labelMm - valueMm - 2);
  const { row: ROW_MM, bar: BAR_MM, font } = pitch(bars.length);
  const heightMm = bars.length * ROW_MM + 1;
  const rows = bars
    .map((b, i) => {
      const y = i * ROW_MM + 0.5;
      const w = max > 0 ? (b.value / max) * trackMm : 0;
      return `<text x="${labelMm - 1}" y="${y + BAR_MM - 0.5}" text-anchor="end">${esc(cut(b.label, 26))}</text>
<rect x="${labelMm}" y="${y}" width="${w.toFixed(2)}" height="${BAR_MM}" fill="#4a4a4a"/>
<text x="${(labelMm + w + 1).toFixed(2)}" y="${y + BAR_MM - 0.5}">${esc(angka(b.value))}</text>`;
    })
    .join('\n');
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Grafik ${esc(unit)}" width="${widthMm}mm" height="${heightMm}mm" viewBox="0 0 ${widthMm} ${heightMm}" font-size="${font}" font-family="DejaVu Sans, Arial, sans-serif">
<line x1="${labelMm}" y1="0" x2="${labelMm}" y2="${heightMm}" stroke="#000" stroke-width="0.2"/>
${rows}
</svg>`;
}
