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
