import { terbilang } from './terbilang';

/**
 * The spoken call of a queue ticket (seed 004.2): "Nomor antrean A dua belas, silakan menuju
 * loket satu". The same sentence is the display's caption and, split into clip keys, the
 * sequence the offline voice plays, so what is heard and what is read never differ.
 */
export type CallPlace = { kind: 'loket'; number: number } | { kind: 'unit'; code: string; name: string };

/** A ticket code: one to three letters, then the zero-padded number (`A012`, `KIA007`). */
const ticketCodePattern = /^([A-Z]{1,3})(\d{1,5})$/;

export function parseTicketCode(code: string): { letters: string; number: number } | null {
  const m = ticketCodePattern.exec(code);
  return m ? { letters: m[1]!, number: Number(m[2]) } : null;
}

/** How a place is named aloud: "loket satu", or the unit's name in lower case ("poli gigi dan mulut"). */
export function spokenPlace(place: CallPlace): string {
  return place.kind === 'loket' ? `loket ${terbilang(place.number)}` : place.name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** How a ticket code is read: letters one by one, then the number in words ("A dua belas"). */
export function spokenTicket(code: string): string {
  const parsed = parseTicketCode(code);
  if (!parsed) throw new RangeError(`Kode tiket tidak dikenal: ${code}`);
  return `${parsed.letters.split('').join(' ')} ${terbilang(parsed.number)}`;
}

export function announcementText(code: string, place: CallPlace): string {
  return `Nomor antrean ${spokenTicket(code)}, silakan menuju ${spokenPlace(place)}`;
}

/**
 * The clips that speak the announcement, in order. Keys are file names of the clip set:
 * fixed phrases, `huruf-a`…`huruf-z`, the number words terbilang uses, `loket`, and one clip
 * per unit (`unit-<code>`, lower case) because unit names are free text.
 */
export function announcementClips(code: string, place: CallPlace): string[] {
  const parsed = parseTicketCode(code);
  if (!parsed) throw new RangeError(`Kode tiket tidak dikenal: ${code}`);
  const clips = ['bel', 'nomor-antrean', ...parsed.letters.split('').map((l) => `huruf-${l.toLowerCase()}`), ...terbilang(parsed.number).split(' ')];
  clips.push('silakan-menuju');
  if (place.kind === 'loket') clips.push('loket', ...terbilang(place.number).split(' '));
  else clips.push(unitClipKey(place.code));
  return clips;
}

export function unitClipKey(unitCode: string): string {
  return `unit-${unitCode.toLowerCase()}`;
}

/** Every word terbilang can produce for numbers below one million: the clip set covers them all. */
export const numberWords = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
  'belas',
  'puluh',
  'seratus',
  'ratus',
  'seribu',
  'ribu',
] as const;

/** The fixed clip keys shipped with Loket (units come from the unit table). */
export const fixedClipKeys: readonly string[] = [
  'bel',
  'nomor-antrean',
  'silakan-menuju',
  'loket',
  ...'abcdefghijklmnopqrstuvwxyz'.split('').map((l) => `huruf-${l}`),
  ...numberWords,
];
