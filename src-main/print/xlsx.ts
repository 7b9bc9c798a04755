import ExcelJS from 'exceljs';
import { localClock, localDate } from '../domain/waktu';

/**
 * The one Excel writer every report uses (register, monthly recaps, follow-up lists): a title
 * row, an optional subtitle, a bold frozen header with an autofilter, typed cells and a totals
 * row below the filtered range. Opened cleanly by Excel and LibreOffice.
 */

/**
 * How a column's cells are written:
 * - `text`: a string (numbers such as an RM or BPJS number stay text, leading zeros kept);
 * - `integer` / `number`: numeric cells (`#,##0` / `#,##0.00`);
 * - `rupiah`: an amount in whole rupiah, `Rp` format;
 * - `percent`: a fraction (0.25 shows as 25,0 %);
 * - `date`: a `YYYY-MM-DD` calendar date, or an instant (Date / ISO string) taken as its local date;
 * - `datetime`: an instant (Date or ISO string), written as the puskesmas's wall-clock time.
 * Dates become real Excel date serials with a date format, never text.
 */
export type XlsxColumnKind = 'text' | 'integer' | 'number' | 'rupiah' | 'date' | 'datetime' | 'percent';

export type XlsxValue = string | number | boolean | Date | null | undefined;

export interface XlsxColumn {
  header: string;
  /** The row property this column shows. */
  key: string;
  /** Width in characters; by default from the header and the kind. */
  width?: number;
  kind: XlsxColumnKind;
}

export interface XlsxSheet {
  /** The tab name (cut to Excel's 31 characters, forbidden characters replaced). */
  name: string;
  /** Row 1, bold: e.g. "Register Harian Puskesmas Sukamaju". */
  title: string;
  /** Row 2: e.g. the period and the filters. */
  subtitle?: string;
  columns: XlsxColumn[];
  rows: ReadonlyArray<Readonly<Record<string, XlsxValue>>>;
  /** Rows below the data (outside the autofilter), bold: "Jumlah", per payer, … keyed like the rows. */
  totals?: ReadonlyArray<Readonly<Record<string, XlsxValue>>>;
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** The puskesmas time zone (settings.timeZone): dates and times are written as its wall clock. */
  timeZone: string;
  /** Shown in the file's properties. */
  creator?: string;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const numFmt: Record<XlsxColumnKind, string | undefined> = {
  text: '@',
  integer: '#,##0',
  number: '#,##0.00',
  rupiah: '"Rp"\\ #,##0',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

const defaultWidth: Record<XlsxColumnKind, number> = {
  text: 16,
  integer: 9,
  number: 12,
  rupiah: 14,
  percent: 9,
  date: 12,
  datetime: 17,
};

/** A Date whose UTC fields are the given wall clock: exceljs turns a Date into a serial by its UTC fields. */
function wallClock(date: string, clock = '00:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = clock.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, h, mi));
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function cellValue(kind: XlsxColumnKind, value: XlsxValue, timeZone: string): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'text':
      return value instanceof Date ? value.toISOString() : String(value);
    case 'integer':
    case 'number':
    case 'rupiah':
    case 'percent': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'date': {
      if (typeof value === 'string' && isoDate.test(value)) return wallClock(value);
      const instant = value instanceof Date ? value : new Date(String(value));
      return Number.isNaN(instant.getTime()) ? null : wallClock(localDate(instant, timeZone));
    }
    case 'datetime': {
      const instant = value instanceof Date ? value : new Date(String(value));
      if (Number.isNaN(instant.getTime())) return null;
      return wallClock(localDate(instant, timeZone), localClock(instant, timeZone));
    }
  }
}

/** Excel refuses `[]:*?/\` in a tab name, more than 31 characters and two tabs of one name. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, '-')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet, timeZone: string, taken: Set<string>): void {
  const headerRow = sheet.subtitle ? 4 : 3;
  const ws = workbook.addWorksheet(sheetName(sheet.name, taken), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const count = sheet.columns.length;

  sheet.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width ?? Math.max(defaultWidth[c.kind], Math.min(40, c.header.length + 2));
  });

  const title = ws.getCell(1, 1);
  title.value = sheet.title;
  title.font = { bold: true, size: 14 };
  if (sheet.subtitle) ws.getCell(2, 1).value = sheet.subtitle;

  const header = ws.getRow(headerRow);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  const write = (values: Readonly<Record<string, XlsxValue>>, rowNumber: number, bold: boolean) => {
    const row = ws.getRow(rowNumber);
    sheet.columns.forEach((c, i) => {
      const v = cellValue(c.kind, values[c.key], timeZone);
      if (v === null) return;
      const cell = row.getCell(i + 1);
      cell.value = v;
      const fmt = numFmt[c.kind];
      if (fmt && c.kind !== 'text') cell.numFmt = fmt;
      if (bold) cell.font = { bold: true };
    });
  };

  sheet.rows.forEach((r, i) => write(r, headerRow + 1 + i, false));
  const lastData = headerRow + Math.max(sheet.rows.length, 0);
  if (count > 0) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastData, column: count } };
  // One empty row between the data and the totals keeps the totals out of a sort or filter.
  (sheet.totals ?? []).forEach((t, i) => write(t, lastData + 2 + i, true));
}

/** The .xlsx file of the given sheets. */
export async function writeWorkbook(book: XlsxWorkbook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = book.creator ?? 'Loket';
  workbook.created = new Date();
  const taken = new Set<string>();
  for (const sheet of book.sheets) addSheet(workbook, sheet, book.timeZone, taken);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A file name safe on Windows and in a Content-Disposition header: `register-harian-2026-11-23.xlsx`. */
export function xlsxFileName(...parts: string[]): string {
  const stem = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `${stem || 'laporan'}.xlsx`;
}
