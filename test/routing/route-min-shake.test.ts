import { describe, expect, it } from 'vitest';
import { RouteMinimiser } from '../../src/routing/search/route-min.js';
import { createRng } from '../../src/shared/random.js';
import { randomSearchData, penalisedCost } from './helpers.js';

describe('RouteMinimiser.shake (random feasible moves)', () => {
  it('keeps every customer once and every route feasible, and moves customers between routes', () => {
    let changed = 0;
    for (let seed = 1; seed <= 3; seed++) {
      const data = randomSearchData(seed, 30, { duration: true, windows: true, maxRoutes: 30 });
      const rm = new RouteMinimiser(data, createRng(seed));
      // A feasible plan with fewer routes than customers: route minimisation from one customer per route.
      let routes: number[][] = Array.from({ length: 30 }, (_, i) => [i + 1]);
      expect(penalisedCost(data, routes, 1, 1) - penalisedCost(data, routes, 0, 0)).toBe(0);
      for (let k = 0; k < 12; k++) routes = rm.removeRoute(routes, 300, 300, () => false) ?? routes;
      const before = JSON.stringify(routes);
      const shaken = rm.shake(routes, 200);
      // The input is left as it was.
      expect(JSON.stringify(routes)).toBe(before);
      expect(shaken.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(shaken.length).toBeLessThanOrEqual(routes.length);
      for (const r of shaken) expect(r.length).toBeGreaterThan(0);
      // Penalised cost at weights (1, 1) minus cost at (0, 0): the total excess, zero when every route is feasible.
      expect(penalisedCost(data, shaken, 1, 1) - penalisedCost(data, shaken, 0, 0)).toBeLessThan(1e-9);
      if (JSON.stringify(shaken) !== before) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });

  it('returns the routes unchanged with no moves', () => {
    const data = randomSearchData(3, 12, { duration: true, maxRoutes: 12 });
    const routes = [[1, 2, 3], [4, 5], [], [6, 7, 8, 9, 10, 11, 12]];
    expect(new RouteMinimiser(data, createRng(1)).shake(routes, 0)).toEqual([[1, 2, 3], [4, 5], [6, 7, 8, 9, 10, 11, 12]]);
  });
});
