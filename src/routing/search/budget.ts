import type { StopCriterion } from '../../shared/stop.js';

/** Elite individuals in a short run and in a long one (HGS-CVRP's default). */
export const ELITE_SHORT = 10;
export const ELITE_LONG = 4;
/** Offspring budgets at and below which a run counts as short, and from which it counts as long. */
const SHORT_BUDGET = 3000;
const LONG_BUDGET = 20000;

/**
 * Number of elite individuals (protected by the biased fitness: ranked on
 * cost, not diversity) for a budget of `expected` offspring. HGS-CVRP's 4
 * suits long runs; a short run cannot afford to keep that much diversity
 * and gets more elitism. Measured on this machine with 2,500 offspring over
 * 16 seeds each (README, "Vehicle routing"): optimum reached on A-n61-k9 /
 * A-n63-k10 / A-n65-k9 in 14 / 15 / 16 runs with 10 elite, against 7 / 15 /
 * 16 with a population of 10 instead; with 4 elite, A-n63-k10 2 of 8. In
 * between the two budgets the number falls linearly.
 */
export function eliteForBudget(expected: number): number {
  const t = Math.min(1, Math.max(0, (expected - SHORT_BUDGET) / (LONG_BUDGET - SHORT_BUDGET)));
  return Math.round(ELITE_SHORT + t * (ELITE_LONG - ELITE_SHORT));
}

/** Restart rule for a budget (see restartAfter): a share of the expected offspring, at least a floor. */
export const RESTART_FRACTION = 0.3;
export const RESTART_FLOOR = 3000;

/**
 * Offspring without a new best (of the current population) after which the
 * population restarts, for a budget of `expected` offspring: HGS-CVRP's
 * `cap` (20,000) fits runs of 10^5 offspring; a shorter run would never
 * restart, and a population that converged into a poor basin early stays
 * there. E-n101-k8 (8 routes, 91% full) has two basins, 815 and 817, whose
 * route partitions differ in 43 of 100 customers: at 10,000 offspring,
 * seeds 1–8 end 6/8 at 815 without restarts, 8/8 with a restart after
 * 0.3 × 10,000 offspring without improvement. Below the floor (3,000) a
 * restart costs more than it brings (a floor of 1,000 lost A-n63-k10 3 of 8
 * seeds at 2,000 offspring, X-n157-k13 2 of 8 at 3,000).
 */
export function restartAfter(expected: number, cap: number): number {
  return Math.min(cap, Math.max(RESTART_FLOOR, Math.round(RESTART_FRACTION * expected)));
}

/**
 * Offspring the search will make in all: `done` so far plus what the
 * iteration limit leaves, or what the time limit leaves at the rate measured
 * so far (`done` offspring in `seconds`); Infinity when the run has no limit.
 */
export function expectedOffspring(stop: StopCriterion, done: number, seconds: number): number {
  let left = Infinity;
  const it = stop.iterationLimit;
  if (it !== undefined) left = it - stop.iterations;
  const sec = stop.secondsLimit;
  if (sec !== undefined && done > 0 && seconds > 0) left = Math.min(left, ((sec - stop.elapsedS()) * done) / seconds);
  return done + left;
}
