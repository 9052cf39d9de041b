import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../src/routing/check.js';
import { createProblem } from '../../../src/routing/problem.js';
import { createRng } from '../../../src/shared/random.js';
import { buildPdpModel } from '../../../src/routing/pdp/model.js';
import { ejectionSearch } from '../../../src/routing/pdp/ejection.js';
import { minimiseRoutes } from '../../../src/routing/pdp/route-min.js';
import { PdpSolution } from '../../../src/routing/pdp/solution.js';
import { randomPdptw } from './helpers.js';

const plan = (sol: PdpSolution) =>
  sol.routes.slice(0, sol.used).filter((r) => r.m > 0).map((r) => ({ vehicle: 0, stops: Array.from(r.nodes.subarray(1, r.m + 1), (x) => x - 1) }));

/** One route per request: the worst start for route minimisation. */
function onePerRoute(seed: number, pairs: number) {
  const problem = createProblem(randomPdptw(seed, pairs, { capacity: 15, fixedCost: 1000 }));
  const model = buildPdpModel(problem);
  const sol = new PdpSolution(model);
  for (let k = 0; k < model.R; k++) sol.insert(k, sol.addRoute(), 0, 0);
  return { problem, model, sol };
}

describe('route minimisation', () => {
  it('ejection search keeps every route feasible and every request either served or in the pool', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const { problem, model, sol } = onePerRoute(seed, 14);
      const rng = createRng(seed);
      // empty three routes into the pool, allow only the rest
      const pool = [0, 1, 2];
      for (const k of pool) sol.remove(k);
      sol.compact();
      const penalty = new Int32Array(model.R).fill(1);
      ejectionSearch(sol, pool, { rng, stop: () => false, steps: 40, maxRoutes: sol.used, penalty });
      const served = sol.bank().filter((k) => !pool.includes(k));
      expect(served).toEqual([]);
      expect(new Set(pool).size).toBe(pool.length);
      expect(sol.bank().length).toBe(pool.length);
      const check = checkSolution(problem, plan(sol), pool.flatMap((k) => [model.pick[k] - 1, model.del[k] - 1]));
      expect(check.violations.filter((v) => v.kind !== 'missing-stop')).toEqual([]);
    }
  });

  it('takes a one-route-per-pair plan down to fewer routes, complete and feasible', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const { problem, model, sol } = onePerRoute(seed, 12);
      let ticks = 0;
      const { best } = minimiseRoutes(sol, { rng: createRng(seed), stop: () => ++ticks > 400, progress: () => ticks / 400, startT: 10 });
      expect(best.nonEmptyRoutes()).toBeLessThan(model.R / 2);
      const check = checkSolution(problem, plan(best));
      expect(check.violations).toEqual([]);
    }
  });
});
