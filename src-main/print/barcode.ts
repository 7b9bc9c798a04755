// The environment-neutral build: SVG output needs neither canvas nor Node's Buffer.
import { toSVG } from 'bwip-js/generic';

/** Code 128 of an RM number as inline SVG: what a USB scanner at the loket reads back. */
export function code128Svg(text: string): string {
  return toSVG({ bcid: 'code128', text, height: 10, includetext: false, paddingwidth: 0, paddingheight: 0 });
}

/** QR code (error correction M) as inline SVG: the queue ticket's code, read by a 2D scanner or a phone. */
export function qrSvg(text: string): string {
  // BWIPP's default error correction for QR is M (15 %).
  return toSVG({ bcid: 'qrcode', text, scale: 1, paddingwidth: 0, paddingheight: 0 });
}
