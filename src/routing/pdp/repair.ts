import type { Rng } from '../../shared/random.js';
import { bestInsertion, type InsertionMove } from './insertion.js';
import type { PdpSolution } from './solution.js';

/** Options of one repair: regret degree (1 = greedy), noise, and the route limit. */
export interface RepairOptions {
  /** 1: cheapest insertion first; k ≥ 2: largest regret-k first (Ropke & Pisinger 2006). */
  regret: number;
  /** Noise on insertion costs in cost units (0 = none): cost + noise · u, u uniform in [−1, 1], at least 0. */
  noise: number;
  /** Routes may be opened while fewer than this many are non-empty. */
  maxRoutes: number;
  rng: Rng;
}

const move: InsertionMove = { cost: 0, i: -1, j: -1 };

/**
 * Inserts the requests of `bank` into `sol` one at a time, the cheapest (or
 * the one with the largest regret) first, each at its cheapest feasible
 * position; opening a new route costs the fixed cost of the cheapest vehicle
 * type that may carry the request and has a vehicle left. Insertion costs per
 * (request, route) are cached and only the changed route is re-evaluated
 * after each insertion. Requests without any feasible position stay
 * unserved, and so do optional requests whose cheapest insertion costs at
 * least their penalty; they are returned.
 */
export function repair(sol: PdpSolution, bank: number[], opts: RepairOptions): number[] {
  const model = sol.model;
  const N = model.N;
  sol.compact();
  const left = bank.filter((k) => !model.excluded.has(k));
  const skipped = bank.filter((k) => model.excluded.has(k));
  const B = left.length;
  if (B === 0) return skipped;
  const maxR = sol.used + B + 1;
  const cost = new Float64Array(B * maxR);
  const posI = new Int32Array(B * maxR);
  const posJ = new Int32Array(B * maxR);
  const alive = new Uint8Array(B).fill(1);
  const { rng, noise } = opts;
  const noisy = (c: number): number => (noise > 0 && c < Infinity ? Math.max(0, c + noise * (2 * rng.next() - 1)) : c);
  const evalRoute = (b: number, r: number): void => {
    const c = bestInsertion(model, sol.routes[r], left[b], move);
    cost[b * maxR + r] = noisy(c);
    posI[b * maxR + r] = move.i;
    posJ[b * maxR + r] = move.j;
  };
  for (let b = 0; b < B; b++) for (let r = 0; r < sol.used; r++) evalRoute(b, r);
  // cost of a route of its own: the cheapest vehicle type with a vehicle left (excluded requests were filtered)
  const usedT = sol.usedPerType();
  const alone = new Float64Array(B);
  const aloneT = new Int32Array(B);
  const base = new Float64Array(B * model.T);
  for (let b = 0; b < B; b++) {
    const k = left[b];
    const p = model.pick[k];
    const d = model.del[k];
    for (let t = 0; t < model.T; t++) {
      if (!model.allowed[k * model.T + t]) { base[b * model.T + t] = Infinity; continue; }
      const c = model.costs[t];
      const s = model.startNode[t];
      const e = model.endNode[t];
      base[b * model.T + t] = model.fixed[t] + (d < 0 ? c[s * N + p] + c[p * N + e] : c[s * N + p] + c[p * N + d] + c[d * N + e]);
    }
  }
  const setAlone = (b: number): void => {
    let bc = Infinity;
    let bt = -1;
    for (let t = 0; t < model.T; t++) {
      const c = base[b * model.T + t];
      if (c < bc && usedT[t] < model.count[t]) { bc = c; bt = t; }
    }
    alone[b] = bt < 0 ? Infinity : noisy(bc);
    aloneT[b] = bt;
  };
  for (let b = 0; b < B; b++) setAlone(b);
  const K = Math.max(1, opts.regret);
  const top = new Float64Array(K);
  const BIG = 1e3 * (model.maxCost * N + model.maxFixed + 1);
  let remaining = B;
  while (remaining > 0) {
    let bestB = -1;
    let bestScore = -Infinity;
    let bestCost = Infinity;
    let bestR = -1;
    const canOpen = sol.nonEmptyRoutes() < opts.maxRoutes;
    for (let b = 0; b < B; b++) {
      if (!alive[b]) continue;
      top.fill(Infinity);
      let arg = -1;
      const row = b * maxR;
      // keep the K smallest costs (insertion sort); the new-route option is r = −1
      for (let r = canOpen ? -1 : 0; r < sol.used; r++) {
        const c = r < 0 ? alone[b] : cost[row + r];
        if (c >= top[K - 1]) continue;
        let h = K - 1;
        while (h > 0 && top[h - 1] > c) { top[h] = top[h - 1]; h--; }
        top[h] = c;
        if (h === 0) arg = r;
      }
      if (top[0] === Infinity) continue;
      // an optional request is served only when that costs less than leaving it out
      if (model.optional[left[b]] && top[0] >= model.penalty[left[b]]) continue;
      let score: number;
      if (K === 1) score = -top[0];
      else {
        score = 0;
        for (let h = 1; h < K; h++) score += (top[h] === Infinity ? top[0] + BIG : top[h]) - top[0];
      }
      if (score > bestScore || (score === bestScore && top[0] < bestCost)) {
        bestScore = score;
        bestCost = top[0];
        bestB = b;
        bestR = arg;
      }
    }
    if (bestB < 0) break;
    const k = left[bestB];
    let r = bestR;
    if (r < 0) {
      const t = aloneT[bestB];
      r = sol.addRoute(t);
      sol.insert(k, r, 0, 0);
      usedT[t]++;
      if (usedT[t] >= model.count[t]) for (let b = 0; b < B; b++) if (alive[b] && aloneT[b] === t) setAlone(b);
    } else sol.insert(k, r, posI[bestB * maxR + r], posJ[bestB * maxR + r]);
    alive[bestB] = 0;
    remaining--;
    for (let b = 0; b < B; b++) if (alive[b]) evalRoute(b, r);
  }
  const out = skipped;
  for (let b = 0; b < B; b++) if (alive[b]) out.push(left[b]);
  return out;
}
