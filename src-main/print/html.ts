import type { SharedSettings } from '../contract';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value from the database goes through this: templates never trust their data. */
export function esc(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => entities[c]!);
}

/** A complete document for one paper size; fonts present on Debian and Windows alike. */
export function printDocument(p: { title: string; widthMm: number; heightMm: number; css: string; body: string }): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>${esc(p.title)}</title>
<style>
@page { size: ${p.widthMm}mm ${p.heightMm}mm; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { width: ${p.widthMm}mm; height: ${p.heightMm}mm; overflow: hidden; position: relative; }
.mono { font-family: "DejaVu Sans Mono", Consolas, monospace; }
.barcode svg { display: block; width: 100%; height: 100%; }
${p.css}
</style>
</head>
<body>
${p.body}
</body>
</html>`;
}

/** The kop (letterhead) lines of the puskesmas, from shared settings. */
export function kopLines(s: SharedSettings['puskesmas']): { government: string; office: string; name: string; contact: string } {
  const contact = [s.address, s.phone && `Telp. ${s.phone}`, s.email].filter(Boolean).join(' · ');
  return { government: s.pemerintah.toUpperCase(), office: s.dinas.toUpperCase(), name: s.name.toUpperCase(), contact };
}
