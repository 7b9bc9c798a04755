/**
 * Indonesian name folding: one key for the spellings of one name, so that a clerk who types
 * "muhamad riski" finds "Mochammad Rizky", "soekarno" finds "Sukarno" and "siti aisah" finds
 * "Sitti Aisyah". The same folding makes the stored key (`patient.name_key`, `nameKey`) and the
 * query words (`foldNameWords`), so both sides always meet.
 *
 * Rules, in order (each word separately unless noted):
 *
 * 1. Accents go (NFKD), apostrophes vanish (`Ma'ruf` → `maruf`), everything else that is not a
 *    letter or digit separates words (`M.Rizky` → `m rizky`, `Nur-Aini` → `nur aini`).
 * 2. Academic degrees are not part of the name: after a comma (`Budi, S.Pd.`) when every part
 *    after it is a degree, and trailing dotted degrees without a comma (`Budi S.Pd`).
 * 3. Titles and honorifics are not part of the name: H., Hj., Hajjah, KH, dr., drg., Dra., Drs.,
 *    Ir., Prof., Ust./Ustadz, Tn., Ny., Nn., Sdr., Sdri., Ns., Bd., apt. — wherever they stand,
 *    except that a lone `H` is dropped only at the start (`Asep H.` keeps its initial), and never
 *    when nothing else would remain. `By.` (bayi) and `An.` (anak) are kept: they tell a baby
 *    registered under the mother's name from the mother.
 * 4. One token for Muhammad: Muhammad, Muhamad, Mohammad, Mohamad, Mohammed, Mochammad,
 *    Mochamad, Muchammad, Mukhammad, Moehammad, Muhamat, Moch., Mokh., Moh., Muh., Mhd., Mohd.,
 *    and `M.` when another word follows (`M. Rizky`; a final `M` stays an initial) → `muhamad`.
 *    `St.` before another word → `siti`; `Abd.` before another word → `abdul`.
 * 5. Old spellings (ejaan lama): in a word that shows it is old-style (contains oe, dj, tj or
 *    sj) dj → j, tj → c, sj → sy, nj → ny and every other j → y (`Soejono` → `suyono`,
 *    `Tjahjo` → `cahyo`, `Djojo` → `joyo`). A few old names show no such mark and are listed:
 *    Jusuf, Jahja, Jakub, Junus, Jasin, Johanes → Y…. A plain `j` is otherwise left alone:
 *    j/y are different letters in today's spelling (Joko ≠ Yoko, Juju ≠ Yuyun).
 * 6. Letters and pairs: oe → u, oo → u (`Noor` = `Nur`), ou → u, ch → h and kh → h (one
 *    canonical form for the Arabic kh: `Achmad` = `Akhmad` = `Ahmad`, `Chairul` = `Khairul` =
 *    `Hairul`; the price: `Chandra` no longer meets `Candra`), sh → s and sy → s (`Aisyah` =
 *    `Aisah`, `Syamsul` = `Samsul`), dh → d (`Ramadhan` = `Ramadan`), th → t, gh → g, ph → f,
 *    q → k (`Taufiq` = `Taufik`), v → f (`Novi` = `Nofi`), z → s (`Rizky` = `Riski`,
 *    `Faizal` = `Faisal`), x → ks, ae → ai (`Zaenal` = `Zainal`, `Saepudin` = `Saipudin`).
 * 7. y → i except as the first letter of a word: `Rizky` = `Rizki`, `Surya` = `Suria`, but
 *    `Yusuf` stays `yusuf` and `Yanti` stays `yanti` (a word-initial y is a consonant). Yusuf and
 *    Yosef are different names (u/o are not folded) and do not meet.
 * 8. Doubled letters become one (`Sitti` = `Siti`, `Muhammad` = `Muhamad`, `Abdullah` =
 *    `Abdulah`).
 * 9. A final h after a vowel goes in words of four letters or more (`Fatimah` = `Fatima`,
 *    `Aminah` = `Amina`, `Iyah` = `Iah`).
 *
 * Not folded (decided): Nurul stays apart from Nur (a search for "nur" still finds "Nurul" as a
 * word prefix), f/p (`Fitri` ≠ `Pitri`), e/a (`Soleh` ≠ `Saleh`), u/o (`Yusuf` ≠ `Yosef`).
 */

/** Bump when the rules above change: stored keys are recomputed once at the next start. */
export const NAME_FOLD_VERSION = 1;

/** The one token every spelling of Muhammad folds to. */
export const MUHAMMAD = 'muhamad';

/** Folded spellings and abbreviations of Muhammad (what rule 6–9 make of the variants). */
const MUHAMMAD_FORMS = new Set(['muhamad', 'mohamad', 'muhamed', 'mohamed', 'muhamat', 'mohamat', 'mukhamad', 'moh', 'muh', 'mhd', 'mohd', 'muhd']);
/** Full spellings a half-typed word may be the beginning of (`moha…` → Muhammad). */
const MUHAMMAD_FULL = [
  'muhamad',
  'mohamad',
  'muhamed',
  'mohamed',
  'muhamat',
  'mohamat',
  'mochamad',
  'mochammad',
  'muchamad',
  'muchammad',
  'mukhamad',
  'muhammad',
  'mohammad',
  'moehamad',
  'moehammad',
];

const TITLES = new Set([
  'hj',
  'haji',
  'hajah',
  'hajjah',
  'kh',
  'dr',
  'drg',
  'dra',
  'drs',
  'ir',
  'prof',
  'ust',
  'ustad',
  'ustadz',
  'ustaz',
  'ustazah',
  'ustadzah',
  'tn',
  'ny',
  'nn',
  'sdr',
  'sdri',
  'ns',
  'bd',
  'apt',
]);

/** Degrees as written without dots and spaces, lower case (`S.Pd.` → `spd`, `A.Md.Keb.` → `amdkeb`). */
const DEGREES = new Set(
  (
    'spd spdi spdsd sag sh shi se sei st skom sked skep skm sfarm sgz sip ssos ssi ssit stp spt sthi sst str strkeb strkep sikom ' +
    'shum sds ssn sak sars stan spsi slp skg mh mm mpd msi mkes mkm mt mag mkom mba mkn mpdi mhum mfarm msc mars mpsi ' +
    'phd ners dr drg apt amd bsc'
  ).split(' '),
);
const isDegree = (segment: string): boolean => {
  const compact = segment.toLowerCase().replace(/[.\s]/g, '');
  return compact !== '' && (DEGREES.has(compact) || /^amd[a-z]{1,6}$/.test(compact) || /^sp[a-z]{1,4}(k)?$/.test(compact));
};

/** Old names written with a word-initial j that is a y today. */
const OLD_J_NAMES: Record<string, string> = {
  jusuf: 'yusuf',
  josuf: 'yusuf',
  jahja: 'yahya',
  jahya: 'yahya',
  jakub: 'yakub',
  junus: 'yunus',
  jasin: 'yasin',
  johanes: 'yohanes',
  johannes: 'yohanes',
};

/** Rules 5–9 on one word of lower-case ASCII letters and digits. */
export function foldWord(word: string): string {
  let w = OLD_J_NAMES[word] ?? word;
  if (/oe|dj|tj|sj/.test(w)) {
    // Old spelling: dj is today's j, every other j today's y (a capital J holds a dj meanwhile).
    w = w.replace(/dj/g, 'J').replace(/tj/g, 'c').replace(/sj/g, 'sy').replace(/nj/g, 'ny').replace(/j/g, 'y').replace(/J/g, 'j');
  }
  w = w
    .replace(/oe|oo|ou/g, 'u')
    .replace(/[ck]h/g, 'h')
    .replace(/s[hy]/g, 's')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/q/g, 'k')
    .replace(/v/g, 'f')
    .replace(/z/g, 's')
    .replace(/x/g, 'ks')
    .replace(/ae/g, 'ai');
  if (w.length > 1) w = w[0]! + w.slice(1).replace(/y/g, 'i');
  w = w.replace(/([a-z])\1+/g, '$1');
  if (w.length >= 4) w = w.replace(/([aiueo])h$/, '$1');
  return w;
}

/** Rule 1 on a whole string: lower-case ASCII words (accents, apostrophes and punctuation gone). */
export function plainWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`ʼ]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** Rule 2: the name without its degrees (before the words are split, while dots still tell degrees). */
export function stripDegrees(name: string): string {
  let head = name;
  const comma = name.indexOf(',');
  if (comma >= 0) {
    const tail = name
      .slice(comma + 1)
      .split(/[,\s]+/)
      .filter((s) => s !== '');
    head = tail.length > 0 && tail.every(isDegree) ? name.slice(0, comma) : name.replace(/,/g, ' ');
  }
  const segments = head.trim().split(/\s+/);
  // Trailing degrees without a comma only when written with dots inside (`S.Pd`, `A.Md.Keb`).
  while (segments.length > 1 && /[a-z]\.[a-z]/i.test(segments[segments.length - 1]!) && isDegree(segments[segments.length - 1]!)) segments.pop();
  return segments.join(' ');
}

/** One word of a name as typed and as folded; `folded` is `''` when the word is a title. */
export interface FoldedWord {
  /** Lower-case ASCII form (rule 1 only): what addresses and villages are compared with. */
  plain: string;
  /** The folded form, or '' for a dropped title. */
  folded: string;
}

/**
 * Rules 1–9 on a name or a query, word by word (positions kept, titles as `folded: ''`), so a
 * query parser can tell which typed word became which key word.
 */
export function foldNameWords(text: string): FoldedWord[] {
  const words = plainWords(stripDegrees(text));
  const out: FoldedWord[] = words.map((plain) => ({ plain, folded: plain }));
  const isNumber = (w: FoldedWord) => /^\d+$/.test(w.plain);
  const isTitle = (w: FoldedWord, i: number) =>
    TITLES.has(w.plain) || (w.plain === 'h' && out.slice(0, i).every((x) => TITLES.has(x.plain) || x.plain === 'h'));
  // A name word (not a title, not a number) after position i / anywhere but i.
  const wordAfter = (i: number) => out.some((w, j) => j > i && !isNumber(w) && !isTitle(w, j));
  const wordBesides = (i: number) => out.some((w, j) => j !== i && !isNumber(w) && !isTitle(w, j));
  for (let i = 0; i < out.length; i++) {
    const word = out[i]!;
    const p = word.plain;
    if (isNumber(word)) continue;
    if (isTitle(word, i)) {
      if (wordBesides(i)) word.folded = '';
      continue;
    }
    const leading = out.slice(0, i).every((w, j) => isTitle(w, j));
    if (p === 'm' && wordAfter(i)) word.folded = MUHAMMAD;
    else if (p === 'st' && leading && wordAfter(i)) word.folded = 'siti';
    else if (p === 'abd' && wordAfter(i)) word.folded = 'abdul';
    else {
      const f = foldWord(p);
      word.folded = MUHAMMAD_FORMS.has(f) ? MUHAMMAD : f;
    }
  }
  return out;
}

/** The stored search key of a name: its folded words joined by single spaces. */
export function nameKey(name: string): string {
  return foldNameWords(name)
    .map((w) => w.folded)
    .filter((w) => w !== '')
    .join(' ');
}

/** True when two names fold to the same key. */
export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);

/**
 * True when a half-typed word may be the start of a spelling of Muhammad (`moch`, `mucha`,
 * `moham`): the search then also looks for the Muhammad token.
 */
export function mayBeMuhammad(plainPrefix: string): boolean {
  return plainPrefix.length >= 3 && MUHAMMAD_FULL.some((m) => m.startsWith(plainPrefix));
}

/** Lower-case ASCII words joined by spaces, without the spelling folding: village and street names. */
export function plainKey(text: string): string {
  return plainWords(text).join(' ');
}
