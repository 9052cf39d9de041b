import type { Rng } from '../../shared/random.js';
import { bestInsertion, type InsertionMove } from './insertion.js';
import { randomRemoval } from './removal-random.js';
import { repair } from './repair.js';
import { Route, schedule, type PdpSolution } from './solution.js';

/** Options of the ejection search. */
export interface EjectionOptions {
  rng: Rng;
  stop: () => boolean;
  /** Ejection steps before returning (the caller alternates with other searches). */
  steps: number;
  /** Routes allowed (no route is opened beyond the ones in use when below). */
  maxRoutes: number;
  /** Failure counters per request (Nagata & Kobayashi's penalties), kept by the caller across calls. */
  penalty: Int32Array;
}

const move: InsertionMove = { cost: 0, i: -1, j: -1 };
/** Remove-and-reinsert perturbations after each ejection. */
const PERTURBATIONS = 5;

/** Requests on a route, in visiting order of their pickups. */
function requestsOf(sol: PdpSolution, r: number): number[] {
  const { reqOf, pick } = sol.model;
  const route = sol.routes[r];
  const out: number[] = [];
  for (let x = 1; x <= route.m; x++) {
    const node = route.nodes[x];
    if (pick[reqOf[node]] === node) out.push(reqOf[node]);
  }
  return out;
}

/** Copies `src` into `dst` without the requests in `drop` and reschedules it. */
function without(sol: PdpSolution, src: Route, dst: Route, a: number, b: number): void {
  const { reqOf } = sol.model;
  let w = 1;
  dst.veh = src.veh;
  dst.nodes[0] = src.nodes[0];
  for (let x = 1; x <= src.m + 1; x++) {
    const node = src.nodes[x];
    const k = reqOf[node];
    if (k >= 0 && (k === a || k === b)) continue;
    dst.nodes[w++] = node;
  }
  dst.m = w - 2;
  schedule(sol.model, dst);
}

/**
 * Guided ejection search for route minimisation, after Nagata & Kobayashi
 * (2010, PDPTW version): take the last request of the ejection pool; insert
 * it at its cheapest feasible position if there is one; otherwise raise its
 * failure counter, insert it while ejecting one or two requests of the same
 * route chosen to minimise the sum of their counters (then the insertion
 * cost), push those into the pool, and perturb the plan with a few random
 * remove-and-reinsert moves that keep every served request served.
 * Works on `sol` and `pool` in place; true when the pool is emptied.
 */
export function ejectionSearch(sol: PdpSolution, pool: number[], opts: EjectionOptions): boolean {
  const model = sol.model;
  const { rng, penalty } = opts;
  const scratch = new Route(model);
  const backup = sol.clone();
  for (let step = 0; step < opts.steps && pool.length > 0 && !opts.stop(); step++) {
    const k = pool.pop()!;
    // 1. cheapest feasible insertion anywhere
    let bestR = -1;
    let bestC = Infinity;
    let bi = -1;
    let bj = -1;
    for (let r = 0; r < sol.used; r++) {
      const c = bestInsertion(model, sol.routes[r], k, move);
      if (c < bestC) { bestC = c; bestR = r; bi = move.i; bj = move.j; }
    }
    if (bestR >= 0) {
      sol.insert(k, bestR, bi, bj);
      continue;
    }
    penalty[k]++;
    // 2. insertion with the ejection of one or two requests of the same route
    let bestP = Infinity;
    let ea = -1;
    let eb = -1;
    bestC = Infinity;
    for (let r = 0; r < sol.used; r++) {
      const reqs = requestsOf(sol, r);
      const route = sol.routes[r];
      for (let x = 0; x < reqs.length; x++) {
        const a = reqs[x];
        if (penalty[a] > bestP) continue;
        without(sol, route, scratch, a, -1);
        const c = bestInsertion(model, scratch, k, move);
        if (c < Infinity && (penalty[a] < bestP || c < bestC)) {
          bestP = penalty[a]; bestC = c; bestR = r; ea = a; eb = -1;
        }
      }
      for (let x = 0; x < reqs.length; x++) {
        for (let y = x + 1; y < reqs.length; y++) {
          const a = reqs[x];
          const b = reqs[y];
          const p = penalty[a] + penalty[b];
          if (p > bestP) continue;
          without(sol, route, scratch, a, b);
          const c = bestInsertion(model, scratch, k, move);
          if (c < Infinity && (p < bestP || c < bestC)) {
            bestP = p; bestC = c; bestR = r; ea = a; eb = b;
          }
        }
      }
    }
    if (bestR < 0) {
      // not even with two ejections: keep it for later
      pool.unshift(k);
      continue;
    }
    sol.remove(ea);
    if (eb >= 0) sol.remove(eb);
    const c = bestInsertion(model, sol.routes[bestR], k, move);
    if (c === Infinity) throw new Error('ejection search: insertion after ejection must be feasible');
    sol.insert(k, bestR, move.i, move.j);
    // an ejected optional request just stays out (the distance phase may bring it back at its penalty)
    if (!model.optional[ea]) pool.push(ea);
    if (eb >= 0 && !model.optional[eb]) pool.push(eb);
    // 3. perturbation: random remove-and-reinsert moves that keep the served set
    for (let t = 0; t < PERTURBATIONS; t++) {
      backup.copyFrom(sol);
      const out = randomRemoval(sol, 2 + rng.int(3), rng);
      const left = repair(sol, out, { regret: 1, noise: 0.1 * model.maxCost, maxRoutes: opts.maxRoutes, rng });
      if (left.length > 0) sol.copyFrom(backup);
    }
  }
  return pool.length === 0;
}
