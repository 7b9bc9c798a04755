import { useSyncExternalStore } from 'react';
import type { Counter, InputOf, Unit } from '../../../src-main/contract';
import { Cell } from '../../api/client';
import { useRemote } from '../../api/react';
import { setCounterOverride, useCounterNumber } from '../../app/session';

/**
 * Where this workstation calls from: a loket (the workstation's counter number, or the one this
 * browser chose) or a unit's own queue (poli mode: the poli's PC calls its registered patients).
 */
export type QueuePlace = { kind: 'loket'; counter: Counter; label: string } | { kind: 'unit'; unit: Unit; label: string };

const UNIT_KEY = 'loket.queueUnit';

function readUnit(): number | null {
  try {
    const n = Number(window.localStorage.getItem(UNIT_KEY) ?? NaN);
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

const unitChoice = new Cell<number | null>(readUnit());
window.addEventListener('storage', (e) => {
  if (e.key === UNIT_KEY) unitChoice.set(readUnit());
});

function saveUnit(id: number | null): void {
  try {
    if (id === null) window.localStorage.removeItem(UNIT_KEY);
    else window.localStorage.setItem(UNIT_KEY, String(id));
  } catch {
    // Storage may be disabled; the choice still holds for this page.
  }
  unitChoice.set(id);
}

/** Calls from loket `number` (kept in this browser, as Pengaturan → Komputer ini does). */
export function chooseCounter(number: number): void {
  saveUnit(null);
  setCounterOverride(number);
}

/** Calls the queue of unit `id` (poli mode). */
export function chooseUnit(id: number): void {
  saveUnit(id);
}

/** Back to the workstation's own loket (no poli). */
export function leaveUnit(): void {
  saveUnit(null);
}

export interface PlaceChoice {
  place: QueuePlace | null;
  counters: Counter[];
  units: Unit[];
  /** Lists still loading: no place can be decided yet. */
  loading: boolean;
  /** The workstation names a loket number that does not exist or is inactive. */
  unknownCounter: number | null;
}

export function useQueuePlace(): PlaceChoice {
  const counters = useRemote('counters.list', {}, { refreshOn: ['reference.changed'] });
  const units = useRemote('units.list', {}, { refreshOn: ['reference.changed'] });
  const number = useCounterNumber();
  const unitId = useSyncExternalStore(unitChoice.subscribe, unitChoice.get);
  const activeCounters = (counters.data ?? []).filter((c) => c.active).sort((a, b) => a.number - b.number);
  const activeUnits = (units.data ?? []).filter((u) => u.active);
  let place: QueuePlace | null = null;
  let unknownCounter: number | null = null;
  const unit = unitId === null ? undefined : activeUnits.find((u) => u.id === unitId);
  if (unit) place = { kind: 'unit', unit, label: unit.name };
  else if (number !== null) {
    const counter = activeCounters.find((c) => c.number === number);
    if (counter) place = { kind: 'loket', counter, label: `Loket ${counter.number}` };
    else if (counters.data) unknownCounter = number;
  }
  return { place, counters: activeCounters, units: activeUnits, loading: !counters.data || !units.data, unknownCounter };
}

/** The `counterId` / `unitId` input of the queue methods for a place. */
export function placeInput(place: QueuePlace): InputOf<'queue.callNext'> {
  return place.kind === 'loket' ? { counterId: place.counter.id } : { unitId: place.unit.id };
}
