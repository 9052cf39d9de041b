import { describe, expect, it } from 'vitest';
import { createProblem } from '../../../src/routing/problem.js';
import { createRng } from '../../../src/shared/random.js';
import { buildPdpModel, type PdpModel } from '../../../src/routing/pdp/model.js';
import { bestInsertion } from '../../../src/routing/pdp/insertion.js';
import { repair } from '../../../src/routing/pdp/repair.js';
import { PdpSolution, type Route } from '../../../src/routing/pdp/solution.js';
import { randomRemoval } from '../../../src/routing/pdp/removal-random.js';
import { shawRemoval } from '../../../src/routing/pdp/removal-shaw.js';
import { worstRemoval, removalSaving } from '../../../src/routing/pdp/removal-worst.js';
import { randomPdptw } from './helpers.js';

/** Cost of a node sequence (depots included) or Infinity when a window or the capacity breaks. */
function simulate(m: PdpModel, seq: number[]): number {
  let t = m.early[0];
  let load = 0;
  let c = 0;
  for (let k = 1; k < seq.length; k++) {
    const a = seq[k - 1];
    const b = seq[k];
    c += m.cost[a * m.N + b];
    t = Math.max(m.early[b], t + m.service[a] + m.time[a * m.N + b]);
    if (t > m.late[b] + 1e-9) return Infinity;
    load += m.load[b * m.D];
    if (load > m.capacity[0] + 1e-9) return Infinity;
  }
  return c;
}

function brute(m: PdpModel, route: Route, k: number): number {
  const seq = Array.from(route.nodes.subarray(0, route.m + 2));
  const base = simulate(m, seq);
  let best = Infinity;
  for (let i = 0; i <= route.m; i++) {
    for (let j = i; j <= route.m; j++) {
      const s = [...seq.slice(0, i + 1), m.pick[k], ...seq.slice(i + 1, j + 1), m.del[k], ...seq.slice(j + 1)];
      best = Math.min(best, simulate(m, s) - base);
    }
  }
  return best;
}

describe('pair insertion (forward times, backward slack)', () => {
  it('finds the cheapest feasible insertion that full enumeration finds, and applying it changes the cost by that much', () => {
    let compared = 0;
    let feasibleSeen = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const problem = createProblem(randomPdptw(seed, 16, { tight: seed % 2 === 1, capacity: 8 + seed }));
      const model = buildPdpModel(problem);
      const rng = createRng(seed);
      const sol = new PdpSolution(model);
      repair(sol, Array.from({ length: model.R }, (_, k) => k), { regret: 2, noise: 0, maxRoutes: 3, rng });
      sol.compact();
      const removed = randomRemoval(sol, 5, rng);
      const move = { cost: 0, i: -1, j: -1 };
      for (const k of [...removed, ...sol.bank()]) {
        for (let r = 0; r < sol.used; r++) {
          const c = bestInsertion(model, sol.routes[r], k, move);
          const b = brute(model, sol.routes[r], k);
          compared++;
          if (b === Infinity) {
            expect(c).toBe(Infinity);
            continue;
          }
          feasibleSeen++;
          expect(c).toBeCloseTo(b, 9);
          const copy = sol.clone();
          const before = copy.routes[r].cost;
          copy.insert(k, r, move.i, move.j);
          expect(copy.routes[r].cost - before).toBeCloseTo(c, 9);
          expect(simulate(model, Array.from(copy.routes[r].nodes.subarray(0, copy.routes[r].m + 2)))).toBeCloseTo(copy.routes[r].cost, 9);
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(feasibleSeen).toBeGreaterThan(30);
  });

  it('removal operators take whole requests out, and the worst-removal saving is the real saving', () => {
    const problem = createProblem(randomPdptw(3, 20, { capacity: 15 }));
    const model = buildPdpModel(problem);
    const rng = createRng(3);
    const sol = new PdpSolution(model);
    repair(sol, Array.from({ length: model.R }, (_, k) => k), { regret: 1, noise: 0, maxRoutes: Infinity, rng });
    for (let k = 0; k < model.R; k++) {
      const copy = sol.clone();
      const saving = removalSaving(copy, k);
      const before = copy.distance();
      copy.remove(k);
      expect(before - copy.distance()).toBeCloseTo(saving, 9);
    }
    for (const op of [randomRemoval, worstRemoval, shawRemoval]) {
      const copy = sol.clone();
      const out = op(copy, 6, rng);
      expect(new Set(out).size).toBe(6);
      for (const k of out) {
        expect(copy.served[k]).toBe(0);
        expect(copy.routeOf[model.pick[k]]).toBe(-1);
        expect(copy.routeOf[model.del[k]]).toBe(-1);
      }
      expect(copy.bank().sort((a, b) => a - b)).toEqual([...out].sort((a, b) => a - b));
    }
  });
});
