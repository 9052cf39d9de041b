import { createRng } from '../../shared/random.js';
import { StopCriterion } from '../../shared/stop.js';
import { checkSolution, type RoutePlan } from '../check.js';
import type { Problem } from '../problem.js';
import type { Solution, SolveOptions, Unassigned } from '../solve.js';
import { alns, openRequests } from './alns.js';
import { buildPdpModel } from './model.js';
import { repair } from './repair.js';
import { minimiseRoutes } from './route-min.js';
import { PdpSolution } from './solution.js';

/** Iterations used as the budget when the caller gives neither seconds nor iterations. */
const DEFAULT_ITERATIONS = 20_000;
/** Share of the budget given to route minimisation when vehicles have a fixed cost. */
const ROUTE_MIN_SHARE = 0.5;
/**
 * Without a fixed cost the distance phase may reopen routes, but a plan with
 * fewer routes is often a better start (Li & Lim lrc102: 13 routes 1563.55
 * from construction vs 12 routes 1558.07 after route minimisation).
 */
const ROUTE_MIN_SHARE_NO_FIXED = 0.25;
/** Penalty per unserved request in the distance phase, in units of the longest arc. */
const DISTANCE_PHASE_PENALTY = 1;

/**
 * Solves a pickup-and-delivery problem: regret-2 construction, then route
 * minimisation (half the budget when vehicles have a fixed cost, a quarter
 * otherwise), then ALNS on fixed + arc cost — with a fixed cost no more
 * routes than found, otherwise up to the fleet. Requests no vehicle can serve alone come back
 * unassigned with their reason (both stops of the pair); requests left out
 * because the fleet is too small come back as 'no-vehicle'. Deterministic for
 * a seed and an iteration limit (`stop.iterations` = ALNS iterations).
 */
export function solvePdp(problem: Problem, options: SolveOptions): Solution {
  const stopOpts = options.stop.seconds === undefined && options.stop.iterations === undefined
    ? { ...options.stop, iterations: DEFAULT_ITERATIONS } : options.stop;
  const stop = new StopCriterion(stopOpts, options.clock);
  const rng = createRng(options.seed ?? 1);
  const model = buildPdpModel(problem);
  const all = Array.from({ length: model.R }, (_, k) => k);
  let sol = new PdpSolution(model);
  repair(sol, all, { regret: 2, noise: 0, maxRoutes: model.fleet, rng });
  sol.compact();
  const bankPenalty = 10 * (model.maxCost * model.N + model.maxFixed + 1);
  // Start temperature: a solution 5% worse in arc cost is accepted with probability 1/2.
  const startT = (0.05 * Math.max(sol.distance(), model.maxCost)) / Math.LN2;
  let iterations = 0;
  let lastReport = 0;
  const report = (best: number, message: string): void => {
    if (!options.onProgress || iterations - lastReport < 200) return;
    lastReport = iterations;
    options.onProgress({ fraction: stop.fraction(), iteration: iterations, best, message });
  };
  const share = model.maxFixed > 0 ? ROUTE_MIN_SHARE : ROUTE_MIN_SHARE_NO_FIXED;
  if (share > 0 && openRequests(sol) === 0) {
    const rm = minimiseRoutes(sol, {
      rng, startT,
      stop: () => stop.tick() || stop.fraction() >= share,
      progress: () => stop.fraction() / share,
      onIteration: (it, best) => { iterations = it; report(best, 'route minimisation'); },
    });
    sol = rm.best;
    iterations = rm.iterations;
  }
  const from = stop.fraction();
  const offset = iterations;
  const complete = openRequests(sol) === 0;
  const result = alns(sol, {
    rng, startT,
    // a moderate penalty lets the search pass through plans with a request or two unserved
    bankPenalty: complete ? DISTANCE_PHASE_PENALTY * model.maxCost : bankPenalty,
    completeBest: complete,
    maxRoutes: Math.min(model.fleet, model.maxFixed > 0 && openRequests(sol) === 0 ? sol.used : model.fleet),
    stop: () => stop.tick(),
    progress: () => (stop.fraction() - from) / Math.max(1e-9, 1 - from),
    onIteration: (it, best) => { iterations = offset + it; report(best, 'distance'); },
  });
  const best = result.best;
  best.compact();
  const routes: RoutePlan[] = [];
  for (let r = 0; r < best.used; r++) {
    const route = best.routes[r];
    routes.push({ vehicle: route.veh, stops: Array.from(route.nodes.subarray(1, route.m + 1), (node) => node - 1) });
  }
  const unassigned: Unassigned[] = [];
  for (let k = 0; k < model.R; k++) {
    if (best.served[k]) continue;
    const reason = model.excluded.get(k) ?? (model.optional[k] ? 'optional-skipped' : 'no-vehicle');
    unassigned.push({ stop: model.pick[k] - 1, reason });
    if (model.del[k] >= 0) unassigned.push({ stop: model.del[k] - 1, reason });
  }
  const check = checkSolution(problem, routes, unassigned.map((u) => u.stop));
  options.onProgress?.({ fraction: 1, iteration: iterations, best: check.cost, message: 'done' });
  return {
    routes, unassigned, cost: check.cost, distanceM: check.distanceM, durationS: check.durationS,
    feasible: check.feasible, violations: check.violations, iterations, seconds: stop.elapsedS(),
  };
}
