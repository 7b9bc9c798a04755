/** The records desk tells a barcode scanner (keys a few ms apart) from a person typing the RM. */
import { describe, expect, it } from 'vitest';
import { durasi, KeyTiming, minutesSince } from '../../src-renderer/screens/rekam-medis/scan';

const typed = (gapsMs: number[]) => {
  const t = new KeyTiming();
  let at = 1000;
  t.key(at);
  for (const g of gapsMs) t.key((at += g));
  return t.method();
};

describe('KeyTiming', () => {
  it('calls six keys 5–20 ms apart a scan and 120 ms apart typing', () => {
    expect(typed([5, 8, 6, 20, 7])).toBe('scan');
    expect(typed([120, 150, 90, 200, 110])).toBe('ketik');
  });
  it('calls fewer than four keys typing, and forgets after reset', () => {
    expect(typed([2, 2])).toBe('ketik');
    const t = new KeyTiming();
    for (let i = 0; i < 6; i++) t.key(i * 300);
    t.reset();
    for (let i = 0; i < 6; i++) t.key(10_000 + i * 4);
    expect(t.method()).toBe('scan');
  });
});

describe('minutes out', () => {
  it('counts whole minutes, never negative, and writes hours past 60', () => {
    const now = new Date('2026-11-23T01:30:00Z');
    expect(minutesSince('2026-11-23T01:04:59Z', now)).toBe(25);
    expect(minutesSince('2026-11-23T02:00:00Z', now)).toBe(0);
    expect(minutesSince(null, now)).toBeNull();
    expect([durasi(45), durasi(125), durasi(null)]).toEqual(['45 mnt', '2 j 05 mnt', '—']);
  });
});
