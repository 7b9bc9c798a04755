import { describe, expect, it } from 'vitest';
import {
  compareShelfKeys,
  klpcmRate,
  NO_SECTION,
  planMove,
  retrievalStats,
  reviewRefusal,
  sectionNumber,
  sectionOf,
  sectionOrder,
  shelfKey,
  type FolderState,
  type Place,
} from '../../src-main/domain/berkas';
import { defaultSharedSettings } from '../../src-main/domain/defaults';

const sortBy = (rms: string[], order: 'terminal' | 'middle' | 'straight') =>
  [...rms].sort((a, b) => compareShelfKeys(shelfKey(a, order), shelfKey(b, order)));

describe('filing orders', () => {
  it('terminal digit: last pair, then middle pair, then the first digits', () => {
    expect(shelfKey('465023', 'terminal')).toBe('23-50-46');
    expect(shelfKey('46-50-23', 'terminal')).toBe('23-50-46');
    expect(shelfKey('SJ-000123', 'terminal')).toBe('23-01-00');
    expect(shelfKey('465023-01', 'terminal')).toBe('23-50-46-01');
    // Folders on shelf 23 first by their middle pair, then by the first digits (numerically: 46 before 146).
    expect(sortBy(['465024', '1465023', '465023', '995022', '015023', '004923'], 'terminal')).toEqual([
      '995022',
      '004923',
      '015023',
      '465023',
      '1465023',
      '465024',
    ]);
    // Family members of one folder stand together, the folder's own key first.
    expect(sortBy(['465023-02', '465023', '465023-01'], 'terminal')).toEqual(['465023', '465023-01', '465023-02']);
  });

  it('middle digit: middle pair, then the first digits, then the last pair', () => {
    expect(shelfKey('465023', 'middle')).toBe('50-46-23');
    expect(shelfKey('000123', 'middle')).toBe('01-00-23');
    expect(shelfKey('465023-01', 'middle')).toBe('50-46-23-01');
    expect(sortBy(['465023', '125099', '464923', '465001', '014950'], 'middle')).toEqual(['014950', '464923', '125099', '465001', '465023']);
  });

  it('straight numeric: the number itself', () => {
    expect(shelfKey('SJ-000123', 'straight')).toBe('000123');
    expect(sortBy(['000123', '1000000', '000099', '465023'], 'straight')).toEqual(['000099', '000123', '465023', '1000000']);
  });

  it('names shelf sections by the section number of the filing order', () => {
    const sections = defaultSharedSettings.folders.sections;
    expect(sectionNumber('465023', 'terminal')).toBe(23);
    expect(sectionNumber('465023', 'middle')).toBe(50);
    expect(sectionNumber('465023', 'straight')).toBe(465023);
    expect(sectionOf('465023', 'terminal', sections)).toBe('Rak A');
    expect(sectionOf('465050', 'terminal', sections)).toBe('Rak C');
    expect(sectionOf('465099', 'terminal', sections)).toBe('Rak D');
    expect(sectionOf('465023', 'straight', sections)).toBe(NO_SECTION);
    expect(sectionOf('tanpa angka', 'terminal', sections)).toBe(NO_SECTION);
    expect(sectionOrder([...sections].reverse())).toEqual(['Rak A', 'Rak B', 'Rak C', 'Rak D', NO_SECTION]);
  });
});

describe('folder state machine', () => {
  const unitName = (id: number) => (id === 1 ? 'Poli Umum' : 'Poli Gigi');
  const state = (status: FolderState['status'], place: Place, awaitingReview = false): FolderState => ({ status, place, awaitingReview });
  const onShelf = state('di_rak', { kind: 'rak' });
  const atUnit = state('keluar', { kind: 'unit', unitId: 1 });

  it('allows the journey: pull, send, transfer, return, file', () => {
    expect(planMove(onShelf, { kind: 'ruang_rm' }, 'move', unitName)).toEqual({ ok: true, kind: 'ambil', status: 'keluar' });
    expect(planMove(onShelf, { kind: 'unit', unitId: 1 }, 'move', unitName)).toEqual({ ok: true, kind: 'kirim', status: 'keluar' });
    expect(planMove(atUnit, { kind: 'unit', unitId: 2 }, 'move', unitName)).toEqual({ ok: true, kind: 'pindah_unit', status: 'keluar' });
    expect(planMove(atUnit, { kind: 'ruang_rm' }, 'return', unitName)).toEqual({ ok: true, kind: 'kembali', status: 'keluar' });
    expect(planMove(state('keluar', { kind: 'ruang_rm' }), { kind: 'rak' }, 'move', unitName)).toEqual({
      ok: true,
      kind: 'simpan',
      status: 'di_rak',
    });
    expect(planMove(onShelf, { kind: 'peminjam' }, 'move', unitName)).toEqual({ ok: true, kind: 'pinjam', status: 'dipinjam' });
    expect(planMove(state('dipinjam', { kind: 'peminjam' }), { kind: 'ruang_rm' }, 'return', unitName)).toMatchObject({ ok: true, kind: 'kembali' });
    expect(planMove(onShelf, { kind: 'rak_inaktif' }, 'move', unitName)).toMatchObject({ ok: true, kind: 'inaktif', status: 'inaktif' });
    expect(planMove(state('inaktif', { kind: 'rak_inaktif' }), { kind: 'ruang_rm' }, 'move', unitName)).toMatchObject({ ok: true, kind: 'aktif' });
  });

  it('refuses what cannot happen, in Indonesian', () => {
    const refused = (s: FolderState, to: Place, intent: 'move' | 'return' = 'move') => {
      const plan = planMove(s, to, intent, unitName);
      if (plan.ok) throw new Error(`expected a refusal for ${JSON.stringify({ s, to })}`);
      return plan.message;
    };
    expect(refused(state('hilang', { kind: 'hilang' }), { kind: 'unit', unitId: 1 })).toMatch(/ditandai hilang/);
    expect(refused(onShelf, { kind: 'ruang_rm' }, 'return')).toMatch(/belum pernah keluar/);
    expect(refused(state('keluar', { kind: 'ruang_rm' }), { kind: 'ruang_rm' }, 'return')).toMatch(/sudah berada di ruang rekam medis/);
    expect(refused(atUnit, { kind: 'unit', unitId: 1 })).toMatch(/sudah berada di Poli Umum/);
    expect(refused(atUnit, { kind: 'rak' })).toMatch(/dikembalikan dulu ke ruang rekam medis/);
    expect(refused(state('keluar', { kind: 'ruang_rm' }, true), { kind: 'rak' })).toMatch(/daftar periksa kelengkapan/);
    expect(refused(state('dipinjam', { kind: 'peminjam' }), { kind: 'unit', unitId: 1 })).toMatch(/dipinjam/);
    expect(refused(state('digabung', { kind: 'ruang_rm' }), { kind: 'rak' })).toMatch(/digabung/);
  });

  it('takes a completeness checklist only for a folder back from a unit', () => {
    expect(reviewRefusal(state('keluar', { kind: 'ruang_rm' }, true))).toBeNull();
    expect(reviewRefusal(atUnit)).toMatch(/belum kembali/);
    expect(reviewRefusal(onShelf)).toMatch(/belum kembali/);
  });
});

describe('indicators', () => {
  it('retrieval time: share within 10 minutes, median and nearest-rank P90', () => {
    expect(retrievalStats([4, 6, 8, 10, 12, 30, 5, 7, 9, 11])).toEqual({
      count: 10,
      withinStandard: 7,
      sharePercent: 70,
      medianMinutes: 8.5,
      p90Minutes: 12,
    });
    expect(retrievalStats([])).toEqual({ count: 0, withinStandard: 0, sharePercent: null, medianMinutes: null, p90Minutes: null });
  });

  it('KLPCM rate: incomplete first checks over checks, in percent', () => {
    expect(klpcmRate(25, 3)).toBe(12);
    expect(klpcmRate(3, 1)).toBe(33.3);
    expect(klpcmRate(0, 0)).toBeNull();
  });
});
