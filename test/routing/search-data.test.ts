import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/shared/random.js';
import { buildSearchData } from '../../src/routing/search/data.js';

/** The reference: HGS-CVRP's correlation sets from a full sort of each row by (cost, index), made symmetric. */
function referenceNeighbours(cost: Float64Array, n: number, granular: number): number[][] {
  const N1 = n + 1;
  const sets = Array.from({ length: N1 }, () => new Set<number>());
  for (let i = 1; i <= n; i++) {
    const order: number[] = [];
    for (let j = 1; j <= n; j++) if (j !== i) order.push(j);
    order.sort((a, b) => cost[i * N1 + a] - cost[i * N1 + b] || a - b);
    for (let k = 0; k < Math.min(granular, n - 1); k++) {
      sets[i].add(order[k]);
      sets[order[k]].add(i);
    }
  }
  return sets.map((s) => [...s].sort((a, b) => a - b));
}

describe('buildSearchData granular neighbourhoods', () => {
  it.each([
    { n: 1, granular: 20 },
    { n: 5, granular: 20 },
    { n: 40, granular: 8 },
    { n: 60, granular: 20 },
  ])('equal a full sort by (cost, index) with many ties (n $n, granular $granular)', ({ n, granular }) => {
    const rng = createRng(n * 31 + granular);
    const N1 = n + 1;
    const cost = new Float64Array(N1 * N1);
    // Small integer costs (many ties), asymmetric.
    for (let a = 0; a < N1; a++) for (let b = 0; b < N1; b++) if (a !== b) cost[a * N1 + b] = rng.int(6);
    const data = buildSearchData({
      n, dims: 1, cost, time: null, service: new Float64Array(N1), demand: new Float64Array(N1).fill(1),
      capacity: new Float64Array([10]), maxDuration: Infinity, maxRoutes: n, fleetLimit: Infinity, fixedCost: 0, xy: null, granular,
    });
    const ref = referenceNeighbours(cost, n, granular);
    for (let i = 0; i <= n; i++) expect(Array.from(data.nbr.subarray(data.nbrStart[i], data.nbrStart[i + 1]))).toEqual(ref[i]);
  });
});
