import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { findPath, loadNetworkData, Network } from '../../src/network/index.js';
import { InputError, NotFoundError } from '../../src/shared/errors.js';

const fixture = join(import.meta.dirname, '../fixtures/network-small');
const network = new Network(loadNetworkData(fixture));
const DEG_KM = 111.19508; // one degree of longitude on the equator, R = 6,371 km

describe('findPath on the hand-checked fixture (see test/fixtures/network-small/README.md)', () => {
  it('takes rail via the hub as the cheapest path for 1,000 kg', () => {
    const r = findPath(network, { from: 'a', to: 'c', objective: 'cost', weightKg: 1000 });
    expect(r.found).toBe(true);
    expect(r.legs.map((l) => [l.from, l.to, l.mode])).toEqual([['a', 'h', 'rail'], ['h', 'c', 'rail']]);
    const railKm = r.totals!.distanceM / 1000;
    expect(railKm).toBeCloseTo(314.5, 0);
    expect(r.totals!.costCny).toBeCloseTo(railKm * 0.5 + 40, 6);
  });

  it('takes road as the cheapest path for 10 kg, because rail has a larger fixed cost', () => {
    const r = findPath(network, { from: 'a', to: 'c', objective: 'cost', weightKg: 10 });
    expect(r.legs.map((l) => l.mode)).toEqual(['road', 'road']);
    expect(r.totals!.costCny).toBeCloseTo(2 * DEG_KM * 0.01 + 10, 3);
    expect(r.totals!.distanceM).toBeCloseTo(2 * DEG_KM * 1000, -1);
  });

  it('takes air as the fastest path, with handling time on arrival', () => {
    const r = findPath(network, { from: 'a', to: 'c', objective: 'time', weightKg: 1000 });
    expect(r.legs.map((l) => l.mode)).toEqual(['air']);
    expect(r.totals!.durationS).toBeCloseTo(((2 * DEG_KM) / 800) * 3600 + 3600, 0);
    expect(r.totals!.co2Kg).toBeCloseTo(2 * DEG_KM * 1.0, 2);
  });

  it('takes rail as the lowest-CO2 path', () => {
    const r = findPath(network, { from: 'Alpha', to: '丙城', objective: 'co2', weightKg: 1000 });
    expect(r.legs.every((l) => l.mode === 'rail')).toBe(true);
    expect(r.from.id).toBe('a');
    expect(r.to.id).toBe('c');
  });

  it('respects a mode restriction', () => {
    const r = findPath(network, { from: 'a', to: 'c', objective: 'time', weightKg: 1000, modes: ['road', 'rail'] });
    expect(r.legs.map((l) => l.mode)).toEqual(['road', 'road']);
  });

  it('answers "not found" with a reason for an unreachable pair', () => {
    const r = findPath(network, { from: 'a', to: 'd', modes: ['road', 'rail', 'air'] });
    expect(r.found).toBe(false);
    expect(r.reason).toMatch(/Delta/);
    expect(r.legs).toEqual([]);
    expect(r.geometry).toBeNull();
  });

  it('reaches Delta by sea when sea is allowed', () => {
    const r = findPath(network, { from: 'a', to: 'd' });
    expect(r.found).toBe(true);
    expect(r.legs.at(-1)!.mode).toBe('sea');
  });

  it('returns a LineString from origin to destination along great-circle arcs', () => {
    const r = findPath(network, { from: 'a', to: 'c', objective: 'cost', weightKg: 1000 });
    const coords = r.geometry!.coordinates;
    expect(coords[0]).toEqual([0, 0]);
    expect(coords.at(-1)).toEqual([2, 0]);
    // passes through the hub at (1, 1)
    expect(coords.some(([x, y]) => Math.abs(x - 1) < 1e-6 && Math.abs(y - 1) < 1e-6)).toBe(true);
  });

  it('rejects bad input naming the field', () => {
    expect(() => findPath(network, { from: 'a', to: 'c', weightKg: -1 })).toThrowError(InputError);
    expect(() => findPath(network, { from: 'a', to: 'c', weightKg: 0 })).toThrow(/weightKg/);
    expect(() => findPath(network, { from: 'a', to: 'a' })).toThrow(/to must differ/);
    expect(() => findPath(network, { from: 'a', to: 'c', modes: [] })).toThrow(/modes/);
    expect(() => findPath(network, { from: 'a', to: 'c', modes: ['boat' as never] })).toThrow(/modes/);
    expect(() => findPath(network, { from: 'a', to: 'c', objective: 'fun' as never })).toThrow(/objective/);
    try {
      findPath(network, { from: 'nowhere', to: 'c' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NotFoundError);
      expect((e as NotFoundError).field).toBe('from');
    }
  });
});
