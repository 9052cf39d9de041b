import type { Rng } from '../../shared/random.js';
import { randomRemoval } from './removal-random.js';
import { routeRemoval } from './removal-route.js';
import { shawRemoval } from './removal-shaw.js';
import { worstRemoval } from './removal-worst.js';
import { repair } from './repair.js';
import type { PdpSolution } from './solution.js';

/** Options of one adaptive-large-neighbourhood-search run. */
export interface AlnsOptions {
  rng: Rng;
  /** Called once per iteration; true ends the run. */
  stop: () => boolean;
  /** 0..1 progress of this run, drives the cooling schedule. */
  progress: () => number;
  /** Routes may be opened while fewer than this many are used. */
  maxRoutes: number;
  /** Penalty per unserved (not excluded) request. */
  bankPenalty: number;
  /** Start temperature; the schedule cools geometrically to startT · endRatio. */
  startT: number;
  endRatio?: number;
  /** Only complete solutions (every servable request served) may become the best. */
  completeBest?: boolean;
  /** End as soon as every servable request is served (route minimisation). */
  untilComplete?: boolean;
  /** Called after every iteration with the iteration count and best objective. */
  onIteration?: (iteration: number, best: number) => void;
}

/** What an ALNS run returns: the best solution by objective and the iterations done. */
export interface AlnsResult {
  best: PdpSolution;
  bestObjective: number;
  iterations: number;
}

type Destroy = (sol: PdpSolution, q: number, rng: Rng) => number[];
const DESTROY: Destroy[] = [randomRemoval, worstRemoval, shawRemoval, routeRemoval];
/** Repair variants: regret degree × noise on/off. */
const REPAIR: Array<{ regret: number; noise: boolean }> = [];
for (const regret of [1, 2, 3, 4]) for (const noise of [false, true]) REPAIR.push({ regret, noise });

// Scores and reaction factor of Ropke & Pisinger (2006): new best 33, better than current 9, accepted 13; r = 0.1; segments of 100.
const SIGMA_BEST = 33;
const SIGMA_BETTER = 9;
const SIGMA_ACCEPTED = 13;
const REACTION = 0.1;
const SEGMENT = 100;

/** Unserved mandatory requests that could be served (not excluded, not optional). */
export function openRequests(sol: PdpSolution): number {
  let c = 0;
  for (let k = 0; k < sol.model.R; k++) if (!sol.served[k] && !sol.model.excluded.has(k) && !sol.model.optional[k]) c++;
  return c;
}

/** Penalties of the optional requests left out (excluded ones included: the checker charges them too). */
export function skippedPenalty(sol: PdpSolution): number {
  let c = 0;
  for (let k = 0; k < sol.model.R; k++) if (!sol.served[k] && sol.model.optional[k]) c += sol.model.penalty[k];
  return c;
}

function pickWeighted(w: Float64Array, rng: Rng): number {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i];
  let x = rng.next() * total;
  for (let i = 0; i < w.length; i++) {
    x -= w[i];
    if (x < 0) return i;
  }
  return w.length - 1;
}

/**
 * Adaptive large neighbourhood search (Ropke & Pisinger 2006): each iteration
 * removes q requests (random, worst, Shaw or route removal), reinserts them with
 * greedy or regret-k insertion (optionally with noise), and accepts the result
 * by simulated annealing; operator weights adapt to their recent success.
 * Objective = fixed + arc costs + `bankPenalty` per unserved mandatory
 * request + the penalties of the optional requests left out.
 */
export function alns(initial: PdpSolution, opts: AlnsOptions): AlnsResult {
  const { rng } = opts;
  const model = initial.model;
  const objective = (s: PdpSolution): number => s.cost() + opts.bankPenalty * openRequests(s) + skippedPenalty(s);
  const current = initial.clone();
  const cand = initial.clone();
  const best = initial.clone();
  let fCur = objective(current);
  let fBest = fCur;
  const wD = new Float64Array(DESTROY.length).fill(1);
  const wR = new Float64Array(REPAIR.length).fill(1);
  const sD = new Float64Array(DESTROY.length);
  const sR = new Float64Array(REPAIR.length);
  const nD = new Float64Array(DESTROY.length);
  const nR = new Float64Array(REPAIR.length);
  const noiseAmount = 0.025 * model.maxCost;
  const endRatio = opts.endRatio ?? 0.002;
  const servable = model.R - model.excluded.size;
  let it = 0;
  if ((opts.untilComplete && openRequests(current) === 0) || servable === 0) return { best, bestObjective: fBest, iterations: 0 };
  while (!opts.stop()) {
    it++;
    cand.copyFrom(current);
    const dOp = pickWeighted(wD, rng);
    const rOp = pickWeighted(wR, rng);
    // q in [4, min(100, 0.4·n)] (Ropke & Pisinger 2006); from 1 on tiny instances, where 4 would rebuild the whole plan every time
    const lo = servable < 10 ? 1 : 4;
    const hi = Math.max(lo, Math.min(100, Math.floor(0.4 * servable)));
    const q = Math.min(servable, lo + rng.int(hi - lo + 1));
    const removed = DESTROY[dOp](cand, q, rng);
    for (let k = 0; k < model.R; k++) if (!cand.served[k] && !model.excluded.has(k) && !removed.includes(k)) removed.push(k);
    const { regret, noise } = REPAIR[rOp];
    repair(cand, removed, { regret, noise: noise ? noiseAmount : 0, maxRoutes: opts.maxRoutes, rng });
    cand.compact();
    const f = objective(cand);
    const T = opts.startT * Math.pow(endRatio, Math.min(1, opts.progress()));
    let score = 0;
    if (f < fCur - 1e-9 || (T > 0 && rng.next() < Math.exp(-(f - fCur) / T))) {
      if (f < fBest - 1e-9 && (!opts.completeBest || openRequests(cand) === 0)) {
        score = SIGMA_BEST;
        best.copyFrom(cand);
        fBest = f;
      } else if (f < fCur - 1e-9) score = SIGMA_BETTER;
      else score = SIGMA_ACCEPTED;
      current.copyFrom(cand);
      fCur = f;
    }
    sD[dOp] += score;
    sR[rOp] += score;
    nD[dOp]++;
    nR[rOp]++;
    if (it % SEGMENT === 0) {
      for (let i = 0; i < wD.length; i++) if (nD[i] > 0) wD[i] = Math.max(0.05, wD[i] * (1 - REACTION) + (REACTION * sD[i]) / nD[i]);
      for (let i = 0; i < wR.length; i++) if (nR[i] > 0) wR[i] = Math.max(0.05, wR[i] * (1 - REACTION) + (REACTION * sR[i]) / nR[i]);
      sD.fill(0); sR.fill(0); nD.fill(0); nR.fill(0);
    }
    opts.onIteration?.(it, fBest);
    if (opts.untilComplete && openRequests(best) === 0) break;
  }
  return { best, bestObjective: fBest, iterations: it };
}
