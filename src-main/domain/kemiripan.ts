/**
 * How alike two folded names are (kemiripan = similarity): the Dice coefficient of their
 * character trigrams, padded so short names and word starts count. 1 = identical, 0 = nothing shared.
 */
export function nameSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return (2 * shared) / (ta.size + tb.size);
}

function trigrams(key: string): Set<string> {
  const set = new Set<string>();
  for (const word of key.split(' ').filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  }
  return set;
}

/** Names at least this alike, with the same or a near birth date, are flagged as a likely duplicate. */
export const SIMILAR_NAME_THRESHOLD = 0.6;

/** Birth dates this many days apart still count as "near" (a typo in the day). */
export const NEAR_BIRTH_DATE_DAYS = 3;

/** `YYYY-MM-DD` shifted by whole days. */
export function shiftDate(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
