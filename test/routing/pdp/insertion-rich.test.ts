import { describe, expect, it } from 'vitest';
import { createProblem } from '../../../src/routing/problem.js';
import { bestInsertion, type InsertionMove } from '../../../src/routing/pdp/insertion.js';
import { buildPdpModel, type PdpModel } from '../../../src/routing/pdp/model.js';
import { repair } from '../../../src/routing/pdp/repair.js';
import { PdpSolution } from '../../../src/routing/pdp/solution.js';
import { createRng } from '../../../src/shared/random.js';
import { expectBruteInsertion } from './brute-insertion.js';
import { randomRich } from './helpers.js';

/** Full pass over a node sequence of vehicle type t: windows (any one), capacity with the single deliveries on board, distance limit. */
function feasibleCost(m: PdpModel, t: number, seq: number[]): number {
  const { N, D } = m;
  const cost = m.costs[t];
  const nodes = [m.startNode[t], ...seq, m.endNode[t]];
  const load = new Array(D).fill(0);
  for (const x of seq) for (let d = 0; d < D; d++) load[d] += m.initLoad[x * D + d];
  for (let d = 0; d < D; d++) if (load[d] > m.capacity[t * D + d] + 1e-9) return Infinity;
  let time = m.early[nodes[0]];
  let c = 0;
  let km = 0;
  for (let k = 1; k < nodes.length; k++) {
    const a = nodes[k - 1];
    const b = nodes[k];
    c += cost[a * N + b];
    km += m.dist[a * N + b];
    const arrive = time + m.service[a] + m.time[a * N + b];
    let start = Infinity;
    for (let w = m.wOff[b]; w < m.wOff[b + 1]; w++) {
      if (arrive <= m.wClose[w] + 1e-9) { start = Math.max(arrive, m.wOpen[w]); break; }
    }
    if (start === Infinity) return Infinity;
    time = start;
    for (let d = 0; d < D; d++) {
      load[d] += m.load[b * D + d];
      if (load[d] > m.capacity[t * D + d] + 1e-9) return Infinity;
    }
  }
  if (km > m.maxDist[t] + 1e-9) return Infinity;
  return c;
}

describe('insertion with several windows, vehicle types and single stops', () => {
  it('equals the cheapest of all positions checked by a full route pass', () => {
    const move: InsertionMove = { cost: 0, i: -1, j: -1 };
    let compared = 0;
    let feasible = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const input = randomRich(seed, 24);
      // odd seeds: a tight distance limit on every type, so that it binds often
      if (seed % 2 === 1) for (const v of input.vehicles) v.maxDistanceM = 260;
      const problem = createProblem(input);
      const model = buildPdpModel(problem);
      const rng = createRng(seed);
      const sol = new PdpSolution(model);
      repair(sol, Array.from({ length: model.R }, (_, k) => k), { regret: 2, noise: 0, maxRoutes: Infinity, rng });
      sol.compact();
      for (let k = 0; k < model.R; k++) {
        if (!sol.served[k]) continue;
        const r = sol.routeOf[model.pick[k]];
        sol.remove(k);
        for (let q = 0; q < sol.used; q++) {
          compared++;
          if (expectBruteInsertion(model, sol.routes[q], k, move, feasibleCost)) feasible++;
        }
        const back = bestInsertion(model, sol.routes[r], k, move);
        expect(back).toBeLessThan(Infinity);
        sol.insert(k, r, move.i, move.j);
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(feasible).toBeGreaterThan(100);
  });
});
