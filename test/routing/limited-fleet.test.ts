import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/shared/random.js';
import { StopCriterion } from '../../src/shared/stop.js';
import { hybridGeneticSearch } from '../../src/routing/search/hgs.js';
import { randomSearchData, randomRoutes } from './helpers.js';

/** Σ demand in capacities, rounded up: the fewest routes a plan can have. */
function fewestRoutes(data: ReturnType<typeof randomSearchData>): number {
  let total = 0;
  for (let i = 1; i <= data.n; i++) total += data.demand[i];
  return Math.ceil(total / data.capacity[0] - 1e-9);
}

describe('hybrid genetic search with a binding fleet (HGS-CVRP: route slots = fleet)', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: a feasible plan within the fleet, every customer once, even from an initial plan with too many routes`, () => {
      const probe = randomSearchData(seed, 30);
      const k = fewestRoutes(probe) + 1;
      const data = randomSearchData(seed, 30, { maxRoutes: k + 6, fleetLimit: k });
      // An initial plan over k + 5 routes: more than the search may hold.
      const initial = randomRoutes(createRng(seed), data.n, k + 6);
      const res = hybridGeneticSearch(data, createRng(seed), new StopCriterion({ iterations: 150 }), { initial: [initial] });
      expect(res.feasible).toBe(true);
      expect(res.routes.filter((r) => r.length > 0).length).toBeLessThanOrEqual(k);
      const seen = res.routes.flat().sort((a, b) => a - b);
      expect(seen).toEqual(Array.from({ length: data.n }, (_, i) => i + 1));
      for (const r of res.routes) {
        const load = r.reduce((s, c) => s + data.demand[c], 0);
        expect(load).toBeLessThanOrEqual(data.capacity[0] + 1e-9);
      }
    });
  }
});
