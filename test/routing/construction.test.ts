import { describe, expect, it } from 'vitest';
import { nearestNeighbourTour } from '../../src/routing/construction/nearest-neighbour.js';
import { Split } from '../../src/routing/search/split.js';
import { buildSearchData } from '../../src/routing/search/data.js';
import { randomSearchData } from './helpers.js';

/** Depot at 0 and customers at x = 1, 2, 10, 11 on a line (|xa - xb|), each demand 1, capacity 2. */
function line(fleet: number) {
  const xs = [0, 1, 2, 10, 11];
  const N1 = xs.length;
  const cost = new Float64Array(N1 * N1);
  for (let a = 0; a < N1; a++) for (let b = 0; b < N1; b++) cost[a * N1 + b] = Math.abs(xs[a] - xs[b]);
  return buildSearchData({
    n: 4, dims: 1, cost, time: null, service: new Float64Array(N1), demand: Float64Array.from([0, 1, 1, 1, 1]),
    capacity: Float64Array.from([2]), maxDuration: Infinity, maxRoutes: 4, fleetLimit: fleet, fixedCost: 0, xy: null,
  });
}

describe('construction and split', () => {
  it('nearest neighbour visits every customer once, nearest first', () => {
    const data = randomSearchData(3, 40);
    const tour = nearestNeighbourTour(data);
    expect([...tour].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const row = data.cost.subarray(0, 41);
    const nearest = [...row.keys()].slice(1).reduce((best, j) => (row[j] < row[best] ? j : best), 1);
    expect(tour[0]).toBe(nearest);
  });

  it('split cuts a giant tour optimally by hand', () => {
    const data = line(Infinity);
    const split = new Split(data);
    // Tour 1 2 3 4: best cut {1,2} {3,4} = 4 + 22 = 26 (capacity 2 each).
    expect(split.run(Int32Array.from([1, 2, 3, 4]), 1000, 1)).toEqual([[1, 2], [3, 4]]);
    // Tour 1 3 2 4: {1,3} {2,4} = 20 + 22 = 42 is the best cut ({1} {3,2} {4} = 2 + 20 + 22 = 44).
    expect(split.run(Int32Array.from([1, 3, 2, 4]), 1000, 1)).toEqual([[1, 3], [2, 4]]);
  });

  it('split keeps to the fleet when it must, paying the overload penalty', () => {
    const data = line(1);
    const split = new Split(data);
    expect(split.run(Int32Array.from([1, 2, 3, 4]), 1000, 1)).toEqual([[1, 2, 3, 4]]);
  });
});
