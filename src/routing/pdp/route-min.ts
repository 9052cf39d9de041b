import type { Rng } from '../../shared/random.js';
import { alns, openRequests } from './alns.js';
import { ejectionSearch } from './ejection.js';
import type { PdpSolution } from './solution.js';

/** Ejection steps per round and ALNS iterations per round when the two alternate. */
const EJECTION_STEPS = 50;
const ALNS_ROUND = 200;

/** Options of the route-minimisation phase. */
export interface RouteMinOptions {
  rng: Rng;
  /** True when the phase must end (its time share is used up). */
  stop: () => boolean;
  progress: () => number;
  startT: number;
  /** Called with the iterations so far and the cost of the best complete plan. */
  onIteration?: (iteration: number, bestCost: number) => void;
}

/**
 * Route minimisation: take a complete solution, empty one route (small routes
 * preferred) into the request bank, and with no extra route allowed alternate
 * rounds of guided ejection search (Nagata & Kobayashi 2010) and of ALNS with
 * a large penalty per unserved request (the vehicle-minimisation stage of
 * Ropke & Pisinger 2006) until every request is served again; then empty the
 * next route. Returns the complete solution with the fewest routes found and
 * the iterations spent. Ejection failure counters live for one attempt.
 */
export function minimiseRoutes(start: PdpSolution, opts: RouteMinOptions): { best: PdpSolution; iterations: number } {
  let best = start.clone();
  best.compact();
  const model = best.model;
  const penalty0 = 10 * (model.maxCost * model.N + model.maxFixed + 1);
  let spent = 0;
  let iterations = 0;
  while (!opts.stop() && best.used > 1 && openRequests(best) === 0) {
    const cand = best.clone();
    // rank routes by size, take a small one more often
    const order = Array.from({ length: cand.used }, (_, r) => r).sort((a, b) => cand.routes[a].m - cand.routes[b].m);
    const r = order[Math.floor(Math.pow(opts.rng.next(), 2) * order.length)];
    const route = cand.routes[r];
    const reqs: number[] = [];
    for (let x = 1; x <= route.m; x++) {
      const node = route.nodes[x];
      if (model.pick[model.reqOf[node]] === node) reqs.push(model.reqOf[node]);
    }
    for (const k of reqs) cand.remove(k);
    cand.compact();
    const target = cand.used;
    const penalty = new Int32Array(model.R).fill(1);
    let work = cand;
    let done = false;
    // alternate guided ejection search and ALNS with the request bank until the bank is empty
    while (!done && !opts.stop()) {
      const pool = work.bank().filter((k) => !model.excluded.has(k) && !model.optional[k]);
      done = ejectionSearch(work, pool, { rng: opts.rng, stop: opts.stop, steps: EJECTION_STEPS, maxRoutes: target, penalty });
      work.compact();
      if (done) break;
      const result = alns(work, {
        rng: opts.rng, stop: () => opts.stop() || ++spent % ALNS_ROUND === 0, progress: opts.progress, maxRoutes: target, bankPenalty: penalty0,
        startT: opts.startT, untilComplete: true, onIteration: (it) => opts.onIteration?.(iterations + it, best.cost()),
      });
      iterations += result.iterations;
      work = result.best;
      work.compact();
      done = openRequests(work) === 0;
    }
    if (!done) break;
    best = work;
  }
  return { best, iterations };
}
