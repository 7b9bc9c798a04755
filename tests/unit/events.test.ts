import { describe, expect, it } from 'vitest';
import { EventBus } from '../../src-main/services/events';
import { hashPassword, verifyPassword } from '../../src-main/services/password';

describe('event bus', () => {
  it('numbers events per boot and replays what a client missed', () => {
    const bus = new EventBus('b1', 3);
    const seen: string[] = [];
    const off = bus.subscribe((e) => seen.push(e.id));
    const a = bus.emit('settings.changed', { keys: ['a'] });
    bus.emit('settings.changed', { keys: ['b'] });
    bus.emit('reference.changed', { kind: 'unit' });
    off();
    bus.emit('settings.changed', { keys: ['c'] });
    expect(seen).toEqual(['b1-1', 'b1-2', 'b1-3']);
    expect(a.id).toBe('b1-1');
    expect(bus.since('b1-2')?.map((e) => e.id)).toEqual(['b1-3', 'b1-4']);
    expect(bus.since('b1-4')).toEqual([]);
  });

  it('asks for a resync when the id is from another boot, from the future or too old', () => {
    const bus = new EventBus('b2', 2);
    for (let i = 0; i < 5; i++) bus.emit('settings.changed', { keys: [] });
    expect(bus.since('b1-3')).toBeNull();
    expect(bus.since('b2-9')).toBeNull();
    expect(bus.since('b2-1')).toBeNull();
    expect(bus.since('b2-3')?.map((e) => e.id)).toEqual(['b2-4', 'b2-5']);
    expect(bus.since('rusak')).toBeNull();
  });

  it('isolates a throwing subscriber', () => {
    const bus = new EventBus('b3');
    let reached = false;
    bus.subscribe(() => {
      throw new Error('rusak');
    });
    bus.subscribe(() => {
      reached = true;
    });
    bus.emit('settings.changed', { keys: [] });
    expect(reached).toBe(true);
  });
});

describe('passwords', () => {
  it('hashes with a salt and verifies', async () => {
    const a = await hashPassword('sandi-puskesmas');
    const b = await hashPassword('sandi-puskesmas');
    expect(a).not.toBe(b);
    expect(await verifyPassword('sandi-puskesmas', a)).toBe(true);
    expect(await verifyPassword('sandi-Puskesmas', a)).toBe(false);
    expect(await verifyPassword('x', 'bukan-hash')).toBe(false);
  });
});
