import { describe, expect, it } from 'vitest';
import { createProblem, type ProblemInput } from '../../src/routing/problem.js';
import { InputError } from '../../src/shared/errors.js';

const base = (): ProblemInput => ({
  distanceM: [
    [0, 10, 20],
    [10, 0, 15],
    [20, 15, 0],
  ],
  stops: [
    { location: 1, demand: [3] },
    { location: 2, demand: [4], serviceS: 60, timeWindows: [[0, 100], [200, 300]] },
  ],
  vehicles: [{ startLocation: 0, capacity: [10], count: 2 }],
});

function fieldOf(mutate: (p: ProblemInput) => void): string | undefined {
  const p = base();
  mutate(p);
  try {
    createProblem(p);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).field;
  }
  return undefined;
}

describe('createProblem', () => {
  it('builds typed matrices, defaults and flags', () => {
    const p = createProblem(base());
    expect(p.numLocations).toBe(3);
    expect(p.distanceM).toBeInstanceOf(Float64Array);
    expect(p.distanceM[1 * 3 + 2]).toBe(15);
    expect(p.durationS[2]).toBe(20); // defaults to the distance matrix
    expect(p.stops[0].serviceS).toBe(0);
    expect(p.stops[0].timeWindows).toEqual([[0, Infinity]]);
    expect(p.vehicles[0].endLocation).toBe(0);
    expect(p.vehicles[0].costPerM).toBe(1);
    expect(p.hasTimeWindows).toBe(true);
    expect(p.dimensions).toEqual(['load0']);
    expect(Object.isFrozen(p.stops)).toBe(true);
  });

  it('accepts a flat matrix, several dimensions, an unlimited fleet and pairs', () => {
    const p = createProblem({
      dimensions: ['weightKg', 'volumeM3'],
      distanceM: new Float64Array([0, 1, 1, 0]),
      stops: [{ location: 1, demand: [1, 0.5] }, { location: 1, demand: [1, 0.5] }],
      vehicles: [{ startLocation: 0, capacity: [10, 2], count: 'unlimited', fixedCost: 100 }],
      pairs: [{ pickup: 0, delivery: 1 }],
    });
    expect(p.vehicles[0].count).toBe(Infinity);
    expect(p.pairs).toHaveLength(1);
    expect(p.hasTimeWindows).toBe(false);
  });

  it('names the offending field', () => {
    expect(fieldOf((p) => { p.stops[1].demand = [-1]; })).toBe('stops[1].demand[0]');
    expect(fieldOf((p) => { p.stops[0].demand = [1, 2]; })).toBe('stops[0].demand');
    expect(fieldOf((p) => { p.stops[0].location = 7; })).toBe('stops[0].location');
    expect(fieldOf((p) => { p.stops[1].timeWindows = [[50, 10]]; })).toBe('stops[1].timeWindows[0]');
    expect(fieldOf((p) => { p.stops[1].timeWindows = [[0, 100], [50, 300]]; })).toBe('stops[1].timeWindows[1]');
    expect(fieldOf((p) => { p.stops[0].serviceS = Number.NaN; })).toBe('stops[0].serviceS');
    expect(fieldOf((p) => { p.vehicles[0].capacity = [] as number[]; })).toBe('vehicles[0].capacity');
    expect(fieldOf((p) => { p.vehicles[0].count = 1.5; })).toBe('vehicles[0].count');
    expect(fieldOf((p) => { p.vehicles[0].shiftS = [100, 50]; })).toBe('vehicles[0].shiftS');
    expect(fieldOf((p) => { p.vehicles = []; })).toBe('vehicles');
    expect(fieldOf((p) => { p.distanceM = [[0, 1], [1, 0, 3]]; })).toBe('distanceM[1]');
    expect(fieldOf((p) => { p.distanceM = [0, 1, 2]; })).toBe('distanceM');
    expect(fieldOf((p) => { p.durationS = [[0, 1], [1, 0]]; })).toBe('durationS');
    expect(fieldOf((p) => { p.pairs = [{ pickup: 0, delivery: 5 }]; })).toBe('pairs[0].delivery');
    expect(fieldOf((p) => { p.pairs = [{ pickup: 0, delivery: 1 }, { pickup: 1, delivery: 0 }]; })).toBe('pairs[1].pickup');
    expect(fieldOf((p) => { p.stops[1].id = '0'; })).toBe('stops[1].id');
  });
});
