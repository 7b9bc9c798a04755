// The environment-neutral build: SVG output needs neither canvas nor Node's Buffer.
import { toSVG } from 'bwip-js/generic';

/** Code 128 of an RM number as inline SVG: what a USB scanner at the loket reads back. */
export function code128Svg(text: string): string {
  return toSVG({ bcid: 'code128', text, height: 10, includetext: false, paddingwidth: 0, paddingheight: 0 });
}
