import type { Rng } from '../../shared/random.js';
import type { StopCriterion, ProgressFn } from '../../shared/stop.js';
import type { SearchData } from './data.js';
import { Individual } from './individual.js';
import { LocalSearch, type Penalties } from './local-search.js';
import { Split } from './split.js';
import { Population, DEFAULT_POPULATION, type PopulationParams } from './population.js';
import { orderCrossover } from './crossover.js';

/** Parameters of the hybrid genetic search (defaults from HGS-CVRP). */
export interface HgsParams extends PopulationParams {
  /** Target share of feasible offspring for the penalty adaptation. */
  targetFeasible: number;
  /** Iterations without improvement before the population restarts. */
  iterationsNoImprovement: number;
  /** Penalty adaptation period (iterations). */
  penaltyPeriod: number;
  /** Initial population = initialFactor · mu random individuals. */
  initialFactor: number;
}

/** HGS-CVRP defaults (Vidal 2022): mu 25, lambda 40, 4 elite, 5 close, 20% feasible target. */
export const DEFAULT_HGS: HgsParams = {
  ...DEFAULT_POPULATION,
  targetFeasible: 0.2,
  iterationsNoImprovement: 20000,
  penaltyPeriod: 100,
  initialFactor: 4,
};

/** Outcome of the genetic search. */
export interface HgsResult {
  /** Best routes found (feasible when `feasible`). */
  routes: number[][];
  cost: number;
  feasible: boolean;
  iterations: number;
}

/**
 * Hybrid genetic search (Vidal et al. 2012; Vidal 2022): OX crossover of
 * giant tours, Split, granular local search with penalised capacity and
 * duration, adaptive penalties, repair, and a population managed by
 * biased fitness. Runs until `stop` says so; `initial` routes and
 * `initialTours` (giant tours, e.g. from a construction heuristic) join the
 * first population before the random individuals.
 */
export function hybridGeneticSearch(
  data: SearchData,
  rng: Rng,
  stop: StopCriterion,
  opts: { params?: Partial<HgsParams>; initial?: number[][][]; initialTours?: Int32Array[]; onProgress?: ProgressFn } = {},
): HgsResult {
  const P: HgsParams = { ...DEFAULT_HGS, ...opts.params };
  const n = data.n;
  if (n === 0) return { routes: [], cost: 0, feasible: true, iterations: 0 };
  const ls = new LocalSearch(data, rng);
  ls.shouldStop = () => stop.shouldStop();
  const split = new Split(data);
  const pop = new Population(P, rng);
  let maxDemand = 0;
  for (let i = 0; i < data.demand.length; i++) maxDemand = Math.max(maxDemand, data.demand[i]);
  let maxTime = 0;
  if (data.time) for (let i = 0; i < data.time.length; i++) maxTime = Math.max(maxTime, data.time[i]);
  const pen: Penalties = {
    // Loads are in fractions of capacity: this is HGS-CVRP's maxDist / maxDemand
    // per demand unit, without its cap of 1000 per unit (scale-dependent).
    load: Math.max(0.1, data.maxCost / Math.max(maxDemand, 1e-9)),
    // One unit of time warp or overtime costs as much as the costliest arc per unit of its time.
    time: Math.max(1, data.maxCost / Math.max(maxTime, 1e-9)),
    fleet: Math.max(1, data.maxCost),
  };
  const recentLoad: boolean[] = [];
  const recentTime: boolean[] = [];
  const recentFleet: boolean[] = [];

  let best: Individual | null = null;
  let bestInfeasible: Individual | null = null;
  // Individuals culled from the population are reused (fewer allocations).
  const spare: Individual[] = [];
  const fresh = (): Individual => spare.pop() ?? new Individual(n);
  const recycle = (): void => {
    for (const ind of pop.removed) if (ind !== best && ind !== bestInfeasible) spare.push(ind);
    pop.removed.length = 0;
  };

  /** Local search (penalties × factor) then evaluation of `ind` from `routes`. */
  const educate = (ind: Individual, routes: number[][], factor: number): void => {
    ls.run(routes, pen, factor);
    ind.setRoutes(data, ls.exportRoutes());
    ind.setPenalised(pen.load, pen.time, pen.fleet);
  };
  const record = (ind: Individual): boolean => {
    if (ind.feasible) {
      if (!best || ind.cost < best.cost - 1e-9) {
        best = ind;
        return true;
      }
    } else if (!best && (!bestInfeasible || ind.penalised < bestInfeasible.penalised)) {
      bestInfeasible = ind;
    }
    return false;
  };
  const insert = (ind: Individual): boolean => {
    recentLoad.push(ind.excessLoad < 1e-9);
    recentTime.push(ind.excessTime < 1e-9);
    recentFleet.push(ind.excessRoutes === 0);
    pop.add(ind);
    let isBest = record(ind);
    // Repair (HGS: half of the infeasible offspring, penalties × 10). Until a
    // first feasible plan exists, every one is repaired, at × 100 if needed.
    if (!ind.feasible && (best === null || rng.int(2) === 0)) {
      for (const factor of best === null ? [10, 100] : [10]) {
        const fixed = fresh();
        educate(fixed, ind.routes, factor);
        if (fixed.feasible) {
          pop.add(fixed);
          isBest = record(fixed) || isBest;
          break;
        }
      }
    }
    return isBest;
  };
  const adaptPenalties = (): void => {
    const adapt = (recent: boolean[], p: number): number => {
      if (recent.length === 0) return p;
      const share = recent.filter(Boolean).length / recent.length;
      if (share < P.targetFeasible - 0.05 && p < 1e12) return p * 1.2;
      if (share > P.targetFeasible + 0.05 && p > 0.1) return Math.max(p * 0.85, 0.1);
      return p;
    };
    pen.load = adapt(recentLoad, pen.load);
    if (data.time) pen.time = adapt(recentTime, pen.time);
    if (data.fleetLimit < Infinity) pen.fleet = adapt(recentFleet, pen.fleet);
    recentLoad.length = 0;
    recentTime.length = 0;
    recentFleet.length = 0;
    for (const ind of pop.infeasible.members) ind.setPenalised(pen.load, pen.time, pen.fleet);
    pop.infeasible.resort();
  };
  const randomIndividual = (): Individual => {
    const ind = new Individual(n);
    const tour = ind.tour;
    for (let i = 0; i < n; i++) tour[i] = i + 1;
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = tour[i];
      tour[i] = tour[j];
      tour[j] = t;
    }
    educate(ind, split.run(tour, pen.load, pen.time), 1);
    return ind;
  };
  const initialise = (): void => {
    for (const routes of opts.initial ?? []) {
      const ind = new Individual(n);
      educate(ind, routes, 1);
      insert(ind);
    }
    for (const tour of opts.initialTours ?? []) {
      if (stop.shouldStop()) break;
      const ind = new Individual(n);
      educate(ind, split.run(tour, pen.load, pen.time), 1);
      insert(ind);
    }
    for (let k = 0; k < P.initialFactor * P.mu && !stop.shouldStop(); k++) insert(randomIndividual());
  };

  initialise();
  let iterations = 0;
  let sinceImprovement = 1;
  const child = new Int32Array(n);
  const seen = new Uint8Array(n + 1);
  while (!stop.shouldStop()) {
    if (pop.size === 0) {
      initialise();
      continue;
    }
    recycle();
    const a = pop.select();
    const b = pop.select();
    orderCrossover(a.tour, b.tour, child, seen, rng);
    const ind = fresh();
    educate(ind, split.run(child, pen.load, pen.time), 1);
    const improved = insert(ind);
    sinceImprovement = improved ? 1 : sinceImprovement + 1;
    iterations++;
    stop.tick();
    if (iterations % P.penaltyPeriod === 0) {
      adaptPenalties();
      const cur = best as Individual | null;
      opts.onProgress?.({ iteration: iterations, fraction: stop.fraction(), best: cur ? cur.cost : undefined });
    }
    if (sinceImprovement >= P.iterationsNoImprovement) {
      pop.clear();
      sinceImprovement = 1;
    }
  }
  const winner = (best ?? bestInfeasible) as Individual | null;
  if (!winner) return { routes: [], cost: Infinity, feasible: false, iterations };
  return { routes: winner.routes, cost: winner.cost, feasible: winner.feasible, iterations };
}
