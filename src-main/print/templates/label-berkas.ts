import type { PatientRecord } from '../../contract';
import { code128Svg } from '../barcode';
import { esc, printDocument } from '../html';

/**
 * Pairs of digits of the RM number's numeric part, for terminal-digit shelves: the last pair
 * (the shelf section) is printed in a dark box so a misfiled folder stands out on the shelf.
 */
export function rmPairs(rm: string): { pairs: string[]; rest: string } {
  const match = /^(.*?)(\d{6,})(-\d{2})?$/.exec(rm);
  if (!match) return { pairs: [], rest: rm };
  const digits = match[2]!;
  const head = digits.slice(0, digits.length - 4);
  return { pairs: [head, digits.slice(-4, -2), digits.slice(-2)], rest: `${match[1] ?? ''}|${match[3] ?? ''}` };
}

/** Folder label, 90 × 40 mm: what the records room sticks on a new folder (seed 004 step 4). */
export function labelBerkas(patient: PatientRecord, volume?: number): string {
  // Once a folder has volumes each label names its own ("<RM>/J<n>"); the RM alone finds the current one.
  const code = volume === undefined ? patient.rmNumber : `${patient.rmNumber}/J${volume}`;
  const { pairs, rest } = rmPairs(patient.rmNumber);
  const [prefix, member] = rest.split('|');
  const grouped =
    pairs.length === 3
      ? `${esc(prefix)}<span>${esc(pairs[0])}</span>-<span>${esc(pairs[1])}</span>-<span class="shelf">${esc(pairs[2])}</span>${esc(member)}`
      : esc(patient.rmNumber);
  return printDocument({
    title: `Label berkas ${patient.rmNumber}`,
    widthMm: 90,
    heightMm: 40,
    css: `
.label { padding: 2.5mm 4mm; display: flex; flex-direction: column; }
.rm { font-size: 22pt; font-weight: bold; letter-spacing: 1pt; }
.rm .shelf { background: #000; color: #fff; padding: 0 1.5mm; border-radius: 1mm; }
.name { font-size: 10pt; font-weight: bold; text-transform: uppercase; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.meta { font-size: 8pt; }
.barcode { height: 8mm; margin-top: auto; }`,
    body: `<div class="sheet label">
  <div class="rm mono">${grouped}</div>
  <div class="name">${esc(patient.name)}</div>
  <div class="meta">Lahir ${esc(patient.birthDate.slice(0, 4))} · ${patient.sex === 'L' ? 'Laki-laki' : 'Perempuan'}${patient.kkNumber ? ` · KK ${esc(patient.kkNumber)}` : ''}${volume === undefined ? '' : ` · <b>Jilid ${volume}</b>`}</div>
  <div class="barcode">${code128Svg(code)}</div>
</div>`,
  });
}
