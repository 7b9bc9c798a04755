import { describe, expect, it } from 'vitest';
import { foldWord, mayBeMuhammad, MUHAMMAD, nameKey, plainKey, sameName, stripDegrees } from '../../src-main/domain/nama';

/** Pairs of spellings of one name (as found in registers, KTPs and on kartu berobat). */
const samePerson: [string, string][] = [
  // Muhammad and its abbreviations
  ['Mochammad Rizky', 'muhamad riski'],
  ['Muhammad Rizki', 'Mohamad Rizky'],
  ['Mochamad Fajar', 'Muhamad Fajar'],
  ['Moch. Fajar', 'Muhammad Fajar'],
  ['Moh. Yusuf', 'Muhammad Yusuf'],
  ['Muh. Ikbal', 'Muhammad Iqbal'],
  ['M. Rizky Ramadhan', 'Muhammad Riski Ramadan'],
  ['M.Rizky', 'Muhammad Rizky'],
  ['Mohammed Ali', 'Muhammad Ali'],
  ['Mukhammad Ilham', 'Muhammad Ilham'],
  ['Moehammad Hatta', 'Muhammad Hatta'],
  ['Mhd. Arif', 'Muhammad Arif'],
  ['Muhamat Sholeh', 'Muhammad Soleh'],
  // old spelling (ejaan lama)
  ['Soekarno', 'Sukarno'],
  ['Soeharto', 'Suharto'],
  ['Djoko Susilo', 'Joko Susilo'],
  ['Tjipto Mangoenkoesoemo', 'Cipto Mangunkusumo'],
  ['Tjahjo Kumolo', 'Cahyo Kumolo'],
  ['Soejono', 'Suyono'],
  ['Soenjoto', 'Sunyoto'],
  ['Djojohadikoesoemo', 'Joyohadikusumo'],
  ['Sjahrir', 'Syahrir'],
  ['Jusuf Kalla', 'Yusuf Kalla'],
  ['Jahja', 'Yahya'],
  ['Abdoel Moeis', 'Abdul Muis'],
  ['Oemar Bakri', 'Umar Bakri'],
  // ch / kh / h, sy / sh / s, dh, th, q, v, z, ae
  ['Achmad Chairul', 'Ahmad Khairul'],
  ['Akhmad', 'Ahmad'],
  ['Khairul Anwar', 'Hairul Anwar'],
  ['Chusnul Chotimah', 'Khusnul Khotimah'],
  ['Mukhtar', 'Muchtar'],
  ['Fachri', 'Fakhri'],
  ['Aisyah', 'Aisah'],
  ['Syamsul Arifin', 'Samsul Arifin'],
  ['Shinta', 'Sinta'],
  ['Ramadhan', 'Ramadan'],
  ['Ridho', 'Rido'],
  ['Adhitya', 'Aditya'],
  ['Fathimah', 'Fatimah'],
  ['Ghozali', 'Gozali'],
  ['Taufiq Hidayat', 'Taufik Hidayat'],
  ['Qomariah', 'Komariah'],
  ['Rizqi', 'Rizki'],
  ['Novita', 'Nofita'],
  ['Faizal', 'Faisal'],
  ['Zaenal Abidin', 'Zainal Abidin'],
  ['Khaerul Saleh', 'Khairul Saleh'],
  ['Saepudin', 'Saipudin'],
  ['Stephanus', 'Stefanus'],
  ['Alexander', 'Aleksander'],
  // y / i (not at the start of a word), doubled letters, final h
  ['Rizky', 'Riski'],
  ['Surya', 'Suria'],
  ['Wahyu', 'Wahiu'],
  ['Sitti Aminah', 'Siti Aminah'],
  ['Siti Aminah', 'Siti Amina'],
  ['Abdullah', 'Abdulah'],
  ['Yussuf', 'Yusuf'],
  ['Iyah', 'Iah'],
  ['Noor Hidayah', 'Nur Hidayah'],
  ['Noordin', 'Nurdin'],
  // titles, degrees, abbreviations, punctuation and case
  ['H. Ahmad Dahlan, S.Pd.', 'Ahmad Dahlan'],
  ['Hj. Siti Aminah', 'Siti Aminah'],
  ['Hajjah Siti Aminah', 'siti aminah'],
  ['dr. Rina Safitri', 'Rina Safitri'],
  ['Bd. Euis Nurhayati, S.Tr.Keb.', 'Euis Nurhayati'],
  ['Ns. Dadang Hidayat, S.Kep.', 'Dadang Hidayat'],
  ['apt. Nining Kartika, S.Farm.', 'Nining Kartika'],
  ['Budi Santoso S.T.', 'Budi Santoso'],
  ['Rudi Hartono, A.Md.RMIK', 'Rudi Hartono'],
  ['dr. Andri, Sp.PD', 'Andri'],
  ['Ny. Imas Komalasari', 'Imas Komalasari'],
  ['Tn. Asep', 'Asep'],
  ['St. Aminah', 'Siti Aminah'],
  ['Abd. Rahman', 'Abdul Rahman'],
  ["Ma'ruf Amin", 'Maruf Amin'],
  ['Nur-Aini', 'Nur Aini'],
  ['  SITI   Aminah ', 'siti aminah'],
  ['José', 'Jose'],
  ['Ahmad Dahlan Çelik', 'ahmad dahlan celik'],
];

/** Different names that must stay apart. */
const differentPeople: [string, string][] = [
  ['Yusuf', 'Yosef'],
  ['Joko', 'Yoko'],
  ['Juju', 'Yuyun'],
  ['Siti', 'Sinta'],
  ['Rina', 'Rini'],
  ['Dewi', 'Dewa'],
  ['Budi', 'Bude'],
  ['Nurul Hidayah', 'Nur Hidayah'],
  ['Fitri', 'Pitri'],
  ['Soleh', 'Saleh'],
  ['Asep', 'Ujang'],
  ['Ahmad', 'Muhammad'],
  ['Asep H.', 'Asep'],
  ['Rizky M.', 'Rizky Muhammad'],
  ['By. Ny. Siti Aminah', 'Siti Aminah'],
  ['Chandra', 'Candra'],
  ['Hasan', 'Husen'],
  ['Iis', 'Ai'],
];

describe('Indonesian name folding', () => {
  it.each(samePerson)('%s = %s', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
    expect(sameName(a, b)).toBe(true);
  });

  it.each(differentPeople)('%s ≠ %s', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('gives the keys it documents', () => {
    expect(nameKey('Mochammad Rizky')).toBe(`${MUHAMMAD} riski`);
    expect(nameKey('Hj. Sitti Aisyah')).toBe('siti aisa');
    expect(nameKey('Soejono')).toBe('suiono');
    expect(nameKey('Chandra')).toBe('handra');
    expect(nameKey('Yusuf')).toBe('yusuf');
    expect(nameKey('Asep H.')).toBe('asep h');
    expect(nameKey('By. Ny. Siti Aminah')).toBe('bi siti amina');
    expect(nameKey('  SITI   Aminah, S.Pd ')).toBe('siti amina');
  });

  it('keeps a word-initial y, folds every other y to i', () => {
    expect(foldWord('yanti')).toBe('yanti');
    expect(foldWord('yayuk')).toBe('yaiuk');
    expect(foldWord('surya')).toBe('suria');
  });

  it('treats M. as Muhammad only before another name word', () => {
    expect(nameKey('M. Ali')).toBe(`${MUHAMMAD} ali`);
    expect(nameKey('Ali M.')).toBe('ali m');
    expect(nameKey('M')).toBe('m');
    expect(nameKey('M 1985')).toBe('m 1985');
  });

  it('drops titles only when a name remains', () => {
    expect(nameKey('H.')).toBe('h');
    expect(nameKey('Hj.')).toBe('hj');
    expect(nameKey('dr. Ir.')).toBe('dr ir');
    expect(nameKey('H Asep')).toBe('asep');
  });

  it('strips degrees after a comma, or dotted at the end, but not names after a comma', () => {
    expect(stripDegrees('Budi, S.Pd., M.Kes.')).toBe('Budi');
    expect(stripDegrees('Budi S.Pd')).toBe('Budi');
    expect(stripDegrees('Aminah, Siti')).toBe('Aminah Siti');
    expect(stripDegrees('Budi SE')).toBe('Budi SE');
  });

  it('recognises a half-typed Muhammad', () => {
    for (const typed of ['moh', 'moch', 'mocha', 'moham', 'muhamm', 'mukh', 'moeh']) expect(mayBeMuhammad(typed)).toBe(true);
    for (const typed of ['mo', 'mu', 'mut', 'moko', 'muhi']) expect(mayBeMuhammad(typed)).toBe(false);
  });

  it('is harmless on anything typed', () => {
    expect(nameKey('')).toBe('');
    expect(nameKey('%_')).toBe('');
    expect(nameKey("'; DROP TABLE patient;--")).toBe('drop table patient');
    expect(nameKey('🙂 Siti 🙂')).toBe('siti');
    expect(nameKey('a'.repeat(500))).toBe('a');
    expect(plainKey('Kp. Cibogo RT 03/05')).toBe('kp cibogo rt 03 05');
  });
});
