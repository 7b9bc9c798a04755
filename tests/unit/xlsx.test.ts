import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeWorkbook, xlsxFileName } from '../../src-main/print/xlsx';

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

describe('writeWorkbook', () => {
  const book = {
    timeZone: 'Asia/Makassar',
    sheets: [
      {
        name: 'Register 2026/11/23',
        title: 'Register Harian Puskesmas Sukamaju',
        subtitle: 'Senin, 23 November 2026 · semua unit',
        columns: [
          { header: 'No', key: 'no', kind: 'integer' as const },
          { header: 'Tanggal', key: 'tanggal', kind: 'date' as const },
          { header: 'Waktu daftar', key: 'at', kind: 'datetime' as const },
          { header: 'No. RM', key: 'rm', kind: 'text' as const, width: 10 },
          { header: 'Tarif', key: 'fee', kind: 'rupiah' as const },
          { header: 'Bagian', key: 'share', kind: 'percent' as const },
          { header: 'Rata-rata', key: 'avg', kind: 'number' as const },
        ],
        rows: [
          // 23:30 UTC on the 22nd is 07:30 on the 23rd in WITA (UTC+8).
          { no: 1, tanggal: '2026-11-23', at: '2026-11-22T23:30:00.000Z', rm: '000123', fee: 10000, share: 0.25, avg: 1.5 },
          { no: 2, tanggal: '2026-11-23', at: new Date('2026-11-23T01:05:00.000Z'), rm: '004567', fee: null, share: 0.75, avg: 2 },
        ],
        totals: [{ rm: 'Jumlah', fee: 10000, share: 1 }],
      },
      { name: 'Register 2026/11/23', title: 'Kedua', columns: [{ header: 'A', key: 'a', kind: 'text' as const }], rows: [] },
    ],
  };

  it('writes a title, a frozen filtered header and typed cells', async () => {
    const wb = await read(await writeWorkbook(book));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Register 2026-11-23');
    expect(wb.worksheets[1]!.name).toBe('Register 2026-11-23 2');
    expect(ws.getCell('A1').value).toBe('Register Harian Puskesmas Sukamaju');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('Senin, 23 November 2026 · semua unit');
    // Header on row 4, frozen below it, autofilter over header + data only.
    expect(ws.getRow(4).values).toEqual([undefined, 'No', 'Tanggal', 'Waktu daftar', 'No. RM', 'Tarif', 'Bagian', 'Rata-rata']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.autoFilter).toBe('A4:G6');

    const first = ws.getRow(5);
    expect(first.getCell(1).value).toBe(1);
    const date = first.getCell(2).value;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(first.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect((first.getCell(3).value as Date).toISOString()).toBe('2026-11-23T07:30:00.000Z');
    expect(first.getCell(3).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(first.getCell(4).value).toBe('000123');
    expect(first.getCell(5).value).toBe(10000);
    expect(first.getCell(5).numFmt).toContain('#,##0');
    expect(first.getCell(6).value).toBe(0.25);
    expect(first.getCell(6).numFmt).toBe('0.0%');
    expect((ws.getRow(6).getCell(3).value as Date).toISOString()).toBe('2026-11-23T09:05:00.000Z');
    expect(ws.getRow(6).getCell(5).value).toBeNull();
    expect(ws.getRow(6).getCell(7).value).toBe(2);

    // Totals after one empty row, bold, outside the filter.
    expect(ws.getRow(7).getCell(4).value).toBeNull();
    expect(ws.getRow(8).getCell(4).value).toBe('Jumlah');
    expect(ws.getRow(8).getCell(4).font?.bold).toBe(true);
    expect(ws.getRow(8).getCell(5).value).toBe(10000);
    expect(ws.getColumn(4).width).toBe(10);
  });

  it('stores dates as serial numbers with a date style, as Excel and LibreOffice expect', async () => {
    const zip = await JSZip.loadAsync(await writeWorkbook(book));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    // 2026-11-23 is serial 46349; 07:30 is 0.3125 of a day.
    expect(xml).toMatch(/<c r="B5"[^>]*><v>46349<\/v><\/c>/);
    expect(xml).toMatch(/<c r="C5"[^>]*><v>46349\.3125<\/v><\/c>/);
    expect(xml).toContain('<autoFilter ref="A4:G6"/>');
    expect(xml).toMatch(/<pane [^>]*ySplit="4"[^>]*state="frozen"/);
  });

  it('names files safely', () => {
    expect(xlsxFileName('Register harian', '2026-11-23')).toBe('register-harian-2026-11-23.xlsx');
    expect(xlsxFileName('')).toBe('laporan.xlsx');
  });
});
