/**
 * A small ESC/POS decoder for tests: the bytes a thermal printer receives → a list of commands,
 * with each printed text line carrying the alignment, emphasis and size in force when it was
 * printed. Written from the ESC/POS command reference, not from our encoder, and strict: an
 * unknown command throws, so a stray byte cannot pass unnoticed.
 */
export type Alignment = 'left' | 'center' | 'right';

export type EscPosCommand =
  | { type: 'init' }
  | { type: 'align'; align: Alignment }
  | { type: 'bold'; on: boolean }
  | { type: 'underline'; on: boolean }
  | { type: 'invert'; on: boolean }
  | { type: 'size'; width: number; height: number }
  | { type: 'font'; font: number }
  | { type: 'codepage'; page: number }
  | { type: 'kanji'; on: boolean }
  | { type: 'feed'; lines: number }
  | {
      type: 'text';
      text: string;
      /** ESC a in force; centring done with spaces shows in `indent` instead. */
      align: Alignment;
      /** Style of the line's visible characters: bold/inverted if any is, the largest magnification. */
      bold: boolean;
      invert: boolean;
      width: number;
      height: number;
      /** Columns (of font A at 1×) taken by leading spaces, and by the whole line. */
      indent: number;
      columns: number;
    }
  | { type: 'qr'; payload: string; model: number | null; moduleSize: number | null; errorLevel: string | null }
  | { type: 'barcode'; symbology: number; data: string }
  | { type: 'barcode-setting'; setting: 'height' | 'width' | 'text-position'; value: number }
  | { type: 'cut'; partial: boolean; feed: number };

export interface DecodedTicket {
  commands: EscPosCommand[];
  /** Printed lines, white space at the ends trimmed (centring may be done with spaces), empty ones dropped. */
  lines: Extract<EscPosCommand, { type: 'text' }>[];
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;
const CR = 0x0d;

export function decodeEscPos(bytes: Uint8Array): DecodedTicket {
  const commands: EscPosCommand[] = [];
  const state = { align: 'left' as Alignment, bold: false, invert: false, width: 1, height: 1 };
  let text = '';
  let line = { bold: false, invert: false, width: 0, height: 0, indent: 0, columns: 0 };
  let i = 0;
  let qr: { model: number | null; moduleSize: number | null; errorLevel: string | null; payload: string | null } = {
    model: null,
    moduleSize: null,
    errorLevel: null,
    payload: null,
  };

  const need = (n: number) => {
    if (i + n > bytes.length) throw new Error(`ESC/POS terpotong pada bita ${i}`);
  };
  const byte = (offset: number) => bytes[i + offset]!;
  const flushLine = () => {
    const seen = line.width > 0;
    commands.push({
      type: 'text',
      text,
      align: state.align,
      bold: seen ? line.bold : state.bold,
      invert: seen ? line.invert : state.invert,
      width: seen ? line.width : state.width,
      height: seen ? line.height : state.height,
      indent: line.indent,
      columns: line.columns,
    });
    text = '';
    line = { bold: false, invert: false, width: 0, height: 0, indent: 0, columns: 0 };
  };
  const print = (char: string) => {
    text += char;
    line.columns += state.width;
    if (char === ' ' && line.width === 0) {
      line.indent += state.width;
      return;
    }
    if (char === ' ') return;
    line.bold ||= state.bold;
    line.invert ||= state.invert;
    line.width = Math.max(line.width, state.width);
    line.height = Math.max(line.height, state.height);
  };
  // Most printers print a pending partial line before a command that changes the line layout.
  const flushPending = () => {
    if (text.length > 0) flushLine();
  };

  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === LF) {
      flushLine();
      i += 1;
    } else if (b === CR) {
      i += 1;
    } else if (b >= 0x20 && b <= 0x7e) {
      print(String.fromCharCode(b));
      i += 1;
    } else if (b >= 0x80) {
      // A code page character: kept as its byte so a test can see it was sent.
      print(`\\x${b.toString(16)}`);
      i += 1;
    } else if (b === ESC) {
      need(2);
      const c = byte(1);
      if (c === 0x40) {
        commands.push({ type: 'init' });
        Object.assign(state, { align: 'left', bold: false, invert: false, width: 1, height: 1 });
        text = '';
        line = { bold: false, invert: false, width: 0, height: 0, indent: 0, columns: 0 };
        i += 2;
      } else if (c === 0x61) {
        need(3);
        const n = byte(2);
        state.align = n === 1 || n === 0x31 ? 'center' : n === 2 || n === 0x32 ? 'right' : 'left';
        commands.push({ type: 'align', align: state.align });
        i += 3;
      } else if (c === 0x45 || c === 0x47) {
        need(3);
        state.bold = (byte(2) & 1) === 1;
        commands.push({ type: 'bold', on: state.bold });
        i += 3;
      } else if (c === 0x2d) {
        need(3);
        commands.push({ type: 'underline', on: byte(2) % 0x30 !== 0 });
        i += 3;
      } else if (c === 0x4d) {
        need(3);
        commands.push({ type: 'font', font: byte(2) % 0x30 });
        i += 3;
      } else if (c === 0x74) {
        need(3);
        commands.push({ type: 'codepage', page: byte(2) });
        i += 3;
      } else if (c === 0x64) {
        need(3);
        flushPending();
        commands.push({ type: 'feed', lines: byte(2) });
        i += 3;
      } else if (c === 0x21) {
        // ESC ! print mode: bit 3 emphasis, bits 4/5 double height/width.
        need(3);
        const n = byte(2);
        state.bold = (n & 0x08) !== 0;
        state.height = n & 0x10 ? 2 : 1;
        state.width = n & 0x20 ? 2 : 1;
        commands.push({ type: 'size', width: state.width, height: state.height });
        i += 3;
      } else {
        throw new Error(`Perintah ESC 0x${c.toString(16)} tidak dikenal pada bita ${i}`);
      }
    } else if (b === GS) {
      need(2);
      const c = byte(1);
      if (c === 0x21) {
        need(3);
        const n = byte(2);
        state.width = ((n >> 4) & 0x07) + 1;
        state.height = (n & 0x07) + 1;
        commands.push({ type: 'size', width: state.width, height: state.height });
        i += 3;
      } else if (c === 0x42) {
        need(3);
        state.invert = (byte(2) & 1) === 1;
        commands.push({ type: 'invert', on: state.invert });
        i += 3;
      } else if (c === 0x56) {
        // GS V m (m 0/1/48/49) or GS V m n (m 65/66: feed n then cut).
        need(3);
        const m = byte(2);
        flushPending();
        if (m === 65 || m === 66) {
          need(4);
          commands.push({ type: 'cut', partial: m === 66, feed: byte(3) });
          i += 4;
        } else {
          commands.push({ type: 'cut', partial: m === 1 || m === 49, feed: 0 });
          i += 3;
        }
      } else if (c === 0x68 || c === 0x77 || c === 0x48) {
        need(3);
        const setting = c === 0x68 ? 'height' : c === 0x77 ? 'width' : 'text-position';
        commands.push({ type: 'barcode-setting', setting, value: byte(2) });
        i += 3;
      } else if (c === 0x6b) {
        need(3);
        const m = byte(2);
        if (m <= 6) {
          // Function A: NUL-terminated data.
          let end = i + 3;
          while (end < bytes.length && bytes[end] !== 0) end++;
          commands.push({ type: 'barcode', symbology: m, data: ascii(bytes.subarray(i + 3, end)) });
          i = end + 1;
        } else {
          need(4);
          const n = byte(3);
          need(4 + n);
          commands.push({ type: 'barcode', symbology: m, data: ascii(bytes.subarray(i + 4, i + 4 + n)) });
          i += 4 + n;
        }
      } else if (c === 0x28 && byte(2) === 0x6b) {
        // GS ( k pL pH cn fn [parameters]: 2D symbols; cn 49 is QR code.
        need(7);
        const length = byte(3) + byte(4) * 256;
        need(5 + length);
        const cn = byte(5);
        const fn = byte(6);
        const params = bytes.subarray(i + 7, i + 5 + length);
        if (cn !== 49) throw new Error(`Simbol 2D cn=${cn} tidak dikenal pada bita ${i}`);
        if (fn === 65) qr.model = params[0]! - 0x30;
        else if (fn === 67) qr.moduleSize = params[0]!;
        else if (fn === 69) qr.errorLevel = ({ 48: 'L', 49: 'M', 50: 'Q', 51: 'H' } as Record<number, string>)[params[0]!] ?? null;
        else if (fn === 80) qr.payload = ascii(params.subarray(1));
        else if (fn === 81) {
          flushPending();
          if (qr.payload === null) throw new Error('QR dicetak sebelum datanya disimpan');
          commands.push({ type: 'qr', payload: qr.payload, model: qr.model, moduleSize: qr.moduleSize, errorLevel: qr.errorLevel });
          qr = { model: null, moduleSize: null, errorLevel: null, payload: null };
        } else throw new Error(`Fungsi QR fn=${fn} tidak dikenal pada bita ${i}`);
        i += 5 + length;
      } else {
        throw new Error(`Perintah GS 0x${c.toString(16)} tidak dikenal pada bita ${i}`);
      }
    } else if (b === FS) {
      need(2);
      const c = byte(1);
      // FS & / FS . : Kanji mode on / off (encoders send FS . so CJK firmware prints single bytes).
      if (c === 0x2e || c === 0x26) {
        commands.push({ type: 'kanji', on: c === 0x26 });
        i += 2;
      } else {
        throw new Error(`Perintah FS 0x${c.toString(16)} tidak dikenal pada bita ${i}`);
      }
    } else {
      throw new Error(`Bita kendali 0x${b.toString(16)} tidak dikenal pada bita ${i}`);
    }
  }
  flushPending();
  const lines = commands
    .filter((c): c is Extract<EscPosCommand, { type: 'text' }> => c.type === 'text')
    .map((l) => ({ ...l, text: l.text.trim() }))
    .filter((l) => l.text !== '');
  return { commands, lines };
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}
