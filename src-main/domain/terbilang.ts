/**
 * Numbers in Indonesian words (terbilang), as letters, receipts and the queue voice write them:
 * sebelas, dua belas, dua puluh satu, seratus, seratus sebelas, seribu, dua ribu, satu juta.
 */
const ones = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const scales: [number, string][] = [
  [1e12, 'triliun'],
  [1e9, 'miliar'],
  [1e6, 'juta'],
];

function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(ones[hundreds]!, 'ratus');
  if (rest === 0) return words;
  if (rest < 10) words.push(ones[rest]!);
  else if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest < 20) words.push(ones[rest - 10]!, 'belas');
  else {
    words.push(ones[Math.floor(rest / 10)]!, 'puluh');
    if (rest % 10) words.push(ones[rest % 10]!);
  }
  return words;
}

export function terbilang(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`terbilang: bilangan bulat diperlukan, bukan ${value}`);
  if (value < 0) return `minus ${terbilang(-value)}`;
  if (value === 0) return 'nol';
  const words: string[] = [];
  let rest = value;
  for (const [size, name] of scales) {
    if (rest >= size) {
      words.push(...terbilangWords(Math.floor(rest / size)), name);
      rest %= size;
    }
  }
  if (rest >= 1000) {
    const thousands = Math.floor(rest / 1000);
    // 1000 is "seribu", not "satu ribu"; 1,000,000 stays "satu juta".
    if (thousands === 1) words.push('seribu');
    else words.push(...belowThousand(thousands), 'ribu');
    rest %= 1000;
  }
  words.push(...belowThousand(rest));
  return words.join(' ');
}

function terbilangWords(n: number): string[] {
  return terbilang(n).split(' ');
}

/** "Rp 10.000" */
export function rupiah(amount: number): string {
  return `Rp ${new Intl.NumberFormat('id-ID').format(amount)}`;
}

/** "sepuluh ribu rupiah", capitalised for a receipt: "Sepuluh ribu rupiah". */
export function rupiahWords(amount: number): string {
  const words = `${terbilang(amount)} rupiah`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}
