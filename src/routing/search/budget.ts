import type { StopCriterion } from '../../shared/stop.js';

/** Smallest and largest population (mu); the largest is HGS-CVRP's default. */
export const MU_SMALL = 10;
export const MU_LARGE = 25;
/** Offspring budgets at and below which the small population is used, and from which the large one is. */
const SMALL_BUDGET = 3000;
const LARGE_BUDGET = 20000;

/**
 * Population size (mu, lambda) for a budget of `expected` offspring.
 * HGS-CVRP's mu 25, lambda 40 are tuned for long runs (thousands of
 * offspring per instance and more); in a short run a large population
 * spends the budget keeping diversity it never gets to use. Measured on
 * this machine over seeds (see README, "Vehicle routing"): A-n63-k10 with
 * 2,500 offspring reached its optimum in 8 of 8 runs at mu 8, 5 of 8 at
 * mu 12, 3 of 8 at mu 16, 2 of 8 at mu 25; X-n157 and X-n200 at their 10 s
 * budgets no worse at mu 8–12. Between the two budgets mu grows linearly;
 * lambda = 1.6 · mu as in the defaults.
 */
export function populationForBudget(expected: number): { mu: number; lambda: number } {
  const t = Math.min(1, Math.max(0, (expected - SMALL_BUDGET) / (LARGE_BUDGET - SMALL_BUDGET)));
  const mu = Math.round(MU_SMALL + t * (MU_LARGE - MU_SMALL));
  return { mu, lambda: Math.round(1.6 * mu) };
}

/**
 * Offspring the search can still make: the iteration limit left, and from
 * the time limit at the rate measured so far (`done` offspring in
 * `seconds`); Infinity when the run has no limit.
 */
export function expectedOffspring(stop: StopCriterion, done: number, seconds: number): number {
  let left = Infinity;
  const it = stop.iterationLimit;
  if (it !== undefined) left = it - stop.iterations;
  const sec = stop.secondsLimit;
  if (sec !== undefined && done > 0 && seconds > 0) left = Math.min(left, ((sec - stop.elapsedS()) * done) / seconds);
  return done + left;
}
