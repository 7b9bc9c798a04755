/**
 * Search key for a person's name: lower case, accents and punctuation removed, spaces folded.
 * The Indonesian spelling folding (oe→u, dj→j, …) extends this in the pendaftaran work.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
