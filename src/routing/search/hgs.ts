import type { Rng } from '../../shared/random.js';
import type { StopCriterion, ProgressFn } from '../../shared/stop.js';
import type { SearchData } from './data.js';
import { Individual } from './individual.js';
import { LocalSearch, type Penalties } from './local-search.js';
import { Split } from './split.js';
import { Population, DEFAULT_POPULATION, type PopulationParams } from './population.js';
import { orderCrossover } from './crossover.js';
import { RouteMinimiser } from './route-min.js';
import { eliteForBudget, expectedOffspring, restartAfter } from './budget.js';

/** Parameters of the hybrid genetic search (defaults from HGS-CVRP). */
export interface HgsParams extends PopulationParams {
  /** Target share of feasible offspring for the penalty adaptation. */
  targetFeasible: number;
  /**
   * Iterations without a new best of the current population before it
   * restarts, at most (budget.ts restartAfter fits it to the budget).
   */
  iterationsNoImprovement: number;
  /** Penalty adaptation period (iterations). */
  penaltyPeriod: number;
  /** Initial population = initialFactor · mu random individuals. */
  initialFactor: number;
  /** Fleet descent: offspring without a feasible plan at the reduced fleet before the descent ends. */
  fleetStall: number;
  /**
   * Fleet descent: fraction of the budget after which it ends at the latest
   * (0.45: on the Solomon dev set the last route went at ≤ 0.36 of 10 s; a
   * late one leaves the rest to the distance).
   */
  fleetDescentUntil: number;
  /** Fleet descent: share of the budget spent without a plan at the reduced fleet before it ends. */
  fleetStallFraction: number;
  /** Route minimisation (ejection pool) steps between two offspring during the fleet descent, per customer. */
  routeMinSteps: number;
  /** Route minimisation steps per attempt (one removed route), per customer. */
  routeMinAttempt: number;
  /** Initial population = descentInitialFactor · mu with the fleet descent (its route minimisation takes time too). */
  descentInitialFactor: number;
  /**
   * End of the fleet descent: plans with more routes than the best leave the
   * population and reseed · mu plans made from the best one (random feasible
   * moves, then the local search) join it (0: none).
   */
  reseed: number;
  /** Random feasible moves per customer for each of those plans. */
  reseedMoves: number;
}

/** HGS-CVRP defaults (Vidal 2022): mu 25, lambda 40, 4 elite, 5 close, 20% feasible target. */
export const DEFAULT_HGS: HgsParams = {
  ...DEFAULT_POPULATION,
  targetFeasible: 0.2,
  iterationsNoImprovement: 20000,
  penaltyPeriod: 100,
  initialFactor: 4,
  fleetStall: 1500,
  fleetDescentUntil: 0.45,
  fleetStallFraction: 0.3,
  routeMinSteps: 2,
  routeMinAttempt: 3,
  descentInitialFactor: 2,
  reseed: 1,
  reseedMoves: 5,
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
 * first population before the random individuals. With a fixed cost per
 * vehicle, a fleet descent with route minimisation (route-min.ts) runs
 * alongside (see inside).
 */
export function hybridGeneticSearch(
  data: SearchData,
  rng: Rng,
  stop: StopCriterion,
  opts: {
    params?: Partial<HgsParams>;
    initial?: number[][][];
    initialTours?: Int32Array[];
    onProgress?: ProgressFn;
    /** Fleet descent (default: on when vehicles have a fixed cost); see below. */
    fleetDescent?: boolean;
  } = {},
): HgsResult {
  const P: HgsParams = { ...DEFAULT_HGS, ...opts.params };
  // Elitism fitted to the budget (budget.ts) unless given: from the
  // iteration limit when there is one, else as for a short run until the
  // offspring rate is known.
  const eliteToBudget = opts.params?.nbElite === undefined;
  if (eliteToBudget) P.nbElite = eliteForBudget(stop.iterationLimit ?? 0);
  const n = data.n;
  if (n === 0) return { routes: [], cost: 0, feasible: true, iterations: 0 };
  // Fleet descent (as PyVRP's minimise_fleet, but inside one run): while the
  // best feasible plan uses m vehicles, the route minimisation (route-min.ts)
  // tries to serve its customers with m − 1, and the genetic search's fleet
  // limit is m (routes beyond it penalised like load and lateness), so that
  // it shortens plans at the count reached meanwhile. The descent ends at the
  // lower bound or when no plan with fewer routes turns up for a while; then
  // the rest of the run minimises cost at the best count. The search sees
  // the fixed cost capped at the costliest arc, so that it stays commensurate
  // with the adaptive penalties (a fixed cost of 1e5 would dominate them and
  // drive the search to infeasible plans); plans are compared at the true
  // fixed cost.
  const descent = opts.fleetDescent ?? data.fixedCost > 0;
  // Without the descent, a limited fleet is a hard limit on the route slots
  // (as HGS-CVRP: the local search holds exactly nbVehicles routes, and Split
  // falls back to its limited-fleet form); routes beyond the fleet are then
  // never searched. With the descent, extra slots take the penalised excess.
  const sd: { -readonly [K in keyof SearchData]: SearchData[K] } = {
    ...data,
    fixedCost: descent ? Math.min(data.fixedCost, data.maxCost) : data.fixedCost,
    maxRoutes: descent ? data.maxRoutes : Math.max(1, Math.min(data.maxRoutes, data.fleetLimit)),
  };
  const fixedGap = data.fixedCost - sd.fixedCost;
  const trueCost = (ind: Individual): number => ind.cost + ind.used * fixedGap;
  const ls = new LocalSearch(sd, rng);
  ls.shouldStop = () => stop.shouldStop();
  const split = new Split(sd);
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
    // With the fleet descent the fleet is tight from the start: 5 times that.
    time: (descent ? 5 : 1) * Math.max(1, data.maxCost / Math.max(maxTime, 1e-9)),
    fleet: Math.max(1, data.maxCost),
  };
  const recentLoad: boolean[] = [];
  const recentTime: boolean[] = [];
  const recentFleet: boolean[] = [];

  let best: Individual | null = null;
  let bestCost = Infinity;
  // Best feasible cost since the last restart (HGS-CVRP's bestSolutionRestart):
  // a new one resets the count of offspring without improvement.
  let restartBestCost = Infinity;
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
    ind.setRoutes(sd, ls.exportRoutes());
    ind.setPenalised(pen.load, pen.time, pen.fleet);
  };
  const record = (ind: Individual): boolean => {
    if (ind.excessLoad < 1e-9 && ind.excessTime < 1e-9 && ind.used <= data.fleetLimit) {
      const c = trueCost(ind);
      let improved = false;
      if (c < restartBestCost - 1e-9) {
        restartBestCost = c;
        improved = true;
      }
      if (!best || c < bestCost - 1e-9) {
        best = ind;
        bestCost = c;
        return true;
      }
      return improved;
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
      // With the fleet descent (few offspring per second), far from the
      // target the step is larger.
      const far = descent && Math.abs(share - P.targetFeasible) > 0.15;
      if (share < P.targetFeasible - 0.05 && p < 1e12) return p * (far ? 1.5 : 1.2);
      if (share > P.targetFeasible + 0.05 && p > 0.1) return Math.max(p * (far ? 0.7 : 0.85), 0.1);
      return p;
    };
    pen.load = adapt(recentLoad, pen.load);
    if (data.time) pen.time = adapt(recentTime, pen.time);
    if (sd.fleetLimit < Infinity) pen.fleet = adapt(recentFleet, pen.fleet);
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
  // Budget fraction at the start of the current population (0, or the restart).
  let initFrom = 0;
  const initialise = (): void => {
    for (const routes of opts.initial ?? []) {
      const ind = new Individual(n);
      // More routes than slots: Split their concatenation (limited fleet).
      const fits = routes.filter((r) => r.length > 0).length <= sd.maxRoutes;
      educate(ind, fits ? routes.filter((r) => r.length > 0) : split.run(Int32Array.from(routes.flat()), pen.load, pen.time), 1);
      insert(ind);
    }
    for (const tour of opts.initialTours ?? []) {
      if (stop.shouldStop()) break;
      const ind = new Individual(n);
      educate(ind, split.run(tour, pen.load, pen.time), 1);
      insert(ind);
    }
    const initialSize = (descent ? P.descentInitialFactor : P.initialFactor) * P.mu;
    // On large instances a random individual's local search takes seconds: the initial
    // population stops at a fifth of the budget left (with at least two) so that crossover gets the rest.
    const until = initFrom + 0.2 * (1 - initFrom);
    for (let k = 0; k < initialSize && !stop.shouldStop() && !(k >= 2 && stop.fraction() > until); k++) {
      insert(randomIndividual());
      fleetStep();
    }
  };

  let descending = descent;
  let sinceDrop = 0;
  let dropFraction = 0;
  const squeezePen: Penalties = { load: 0, time: 0, fleet: 1e9 };
  /** Local search at high penalties with the fleet held at the routes' count. */
  const squeeze = (routes: number[][]): number[][] => {
    const limit = sd.fleetLimit;
    sd.fleetLimit = routes.length;
    squeezePen.load = 100 * Math.max(pen.load, 1);
    squeezePen.time = 100 * Math.max(pen.time, 1);
    ls.run(routes, squeezePen, 1);
    sd.fleetLimit = limit;
    return ls.exportRoutes();
  };
  const routeMin = new RouteMinimiser(sd, rng, {}, squeeze);
  let lowerBound = 1;
  for (let d = 0; d < data.dims; d++) {
    let total = 0;
    for (let i = 1; i <= n; i++) total += data.demand[i * data.dims + d];
    lowerBound = Math.max(lowerBound, Math.ceil(total / data.capacity[d] - 1e-9));
  }
  const setFleetLimit = (limit: number): void => {
    sd.fleetLimit = limit;
    for (const ind of [...pop.feasible.members, ...pop.infeasible.members]) {
      ind.setFleetLimit(limit);
      ind.setPenalised(pen.load, pen.time, pen.fleet);
    }
    pop.repartition();
  };
  /**
   * One step of the fleet descent, after each offspring: the genetic search's
   * fleet limit follows the best plan's route count (so that it minimises
   * distance at that count while the route minimisation looks for one route
   * fewer); the descent ends at the lower bound, after `fleetStallFraction`
   * of the budget without a drop, or at `fleetDescentUntil`.
   */
  const descend = (): void => {
    const b = best as Individual | null;
    if (!descending || !b) return;
    sinceDrop++;
    if (b.used < sd.fleetLimit) {
      pen.fleet = Math.max(pen.fleet, data.maxCost);
      setFleetLimit(b.used);
      opts.onProgress?.({ fraction: stop.fraction(), best: bestCost, message: `fleet descent: ${b.used} routes`, iteration: iterations });
      sinceDrop = 0;
      dropFraction = stop.fraction();
    }
    if (
      b.used - 1 < lowerBound || sinceDrop >= P.fleetStall || stop.fraction() >= P.fleetDescentUntil ||
      (dropFraction > 0 && stop.fraction() - dropFraction >= P.fleetStallFraction)
    ) {
      descending = false;
      // When the search sees the true fixed cost, more routes may still pay
      // off: the fleet limit returns to the given one. When it sees a capped
      // one, it stays at the best count.
      setFleetLimit(fixedGap > 0 ? b.used : data.fleetLimit);
      opts.onProgress?.({ fraction: stop.fraction(), best: bestCost, message: `fleet descent ends at ${b.used} routes`, iteration: iterations });
      if (fixedGap > 0) reseed(b);
    }
  };

  /**
   * End of the descent: the population's plans date mostly from larger
   * fleets (the random individuals were educated at the first counts), so
   * that the genetic search would need hundreds of offspring before beating
   * the route-minimised plan (Solomon R107, RC201: 0.1–0.25 of a 10 s budget).
   * Plans with more routes than the best leave; `reseed` · mu plans made from
   * the best by random feasible moves (route-min.ts), then the local search,
   * join.
   */
  const reseed = (b: Individual): void => {
    const more = (m: Individual): boolean => m.used > b.used;
    for (const gone of [...pop.feasible.take(more), ...pop.infeasible.take(more)]) {
      if (gone !== best && gone !== bestInfeasible) spare.push(gone);
    }
    const count = Math.round(P.reseed * P.mu);
    for (let k = 0; k < count && !stop.shouldStop(); k++) {
      const ind = fresh();
      educate(ind, routeMin.shake(b.routes, Math.round(P.reseedMoves * n)), 1);
      insert(ind);
    }
  };

  /** Fleet descent step, then route minimisation from the best plan while the fleet descends; true on a new best. */
  const fleetStep = (): boolean => {
    descend();
    const top = best as Individual | null;
    if (!descending || !top || stop.shouldStop()) return false;
    const fewer = routeMin.removeRoute(top.routes, P.routeMinSteps * n, P.routeMinAttempt * n, () => stop.shouldStop());
    if (!fewer) return false;
    opts.onProgress?.({ fraction: stop.fraction(), message: `route minimisation: ${fewer.length} routes` });
    const r = fresh();
    r.setRoutes(sd, fewer);
    r.setPenalised(pen.load, pen.time, pen.fleet);
    let improved = insert(r);
    // Shorten it while keeping it feasible (local search at high penalties, fleet fixed).
    const polished = fresh();
    polished.setRoutes(sd, squeeze(fewer));
    polished.setPenalised(pen.load, pen.time, pen.fleet);
    improved = insert(polished) || improved;
    descend();
    return improved;
  };

  let iterations = 0;
  initialise();
  const loopStart = stop.elapsedS();
  let sinceImprovement = 1;
  // Restart rule fitted to the budget (budget.ts): from the iteration limit, or
  // from the offspring rate once it is known.
  let noImprovementLimit = restartAfter(stop.iterationLimit ?? Infinity, P.iterationsNoImprovement);
  const child = new Int32Array(n);
  const seen = new Uint8Array(n + 1);
  while (!stop.shouldStop()) {
    if (pop.size === 0) {
      initFrom = stop.fraction();
      initialise();
      continue;
    }
    recycle();
    const a = pop.select();
    const b = pop.select();
    orderCrossover(a.tour, b.tour, child, seen, rng);
    const ind = fresh();
    educate(ind, split.run(child, pen.load, pen.time), 1);
    let improved = insert(ind);
    improved = fleetStep() || improved;
    sinceImprovement = improved ? 1 : sinceImprovement + 1;
    iterations++;
    stop.tick();
    if (iterations === 50 && stop.secondsLimit !== undefined) {
      const expected = expectedOffspring(stop, iterations, stop.elapsedS() - loopStart);
      if (eliteToBudget) P.nbElite = eliteForBudget(expected);
      noImprovementLimit = restartAfter(expected, P.iterationsNoImprovement);
    }
    if (iterations % (descent ? Math.min(25, P.penaltyPeriod) : P.penaltyPeriod) === 0) {
      adaptPenalties();
      const cur = best as Individual | null;
      opts.onProgress?.({ iteration: iterations, fraction: stop.fraction(), best: cur ? trueCost(cur) : undefined });
    }
    if (sinceImprovement >= noImprovementLimit) {
      pop.clear();
      restartBestCost = Infinity;
      sinceImprovement = 1;
    }
  }
  const winner = (best ?? bestInfeasible) as Individual | null;
  if (!winner) return { routes: [], cost: Infinity, feasible: false, iterations };
  return { routes: winner.routes, cost: winner === best ? bestCost : trueCost(winner), feasible: winner === best, iterations };
}
