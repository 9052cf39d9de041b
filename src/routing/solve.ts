import { InputError } from '../shared/errors.js';
import { createRng } from '../shared/random.js';
import { StopCriterion, type Clock, type ProgressFn, type StopOptions } from '../shared/stop.js';
import type { Problem } from './problem.js';
import { checkSolution, type RoutePlan, type Violation } from './check.js';
import { buildSearchData, type SearchData } from './search/data.js';
import { hybridGeneticSearch, type HgsParams } from './search/hgs.js';
import { Seg } from './search/time-segment.js';
import { nearestNeighbourTour } from './construction/nearest-neighbour.js';
import { solvePdp } from './pdp/solve-pdp.js';
import { leaveOutToFeasible } from './leave-out.js';

/** Options of `solve`: seed, stopping rule, progress callback and search parameters. */
export interface SolveOptions {
  /** Seed of the random stream; same seed and iteration limit give the same plan. */
  seed?: number;
  /** When to stop: seconds, iterations (offspring of the genetic search) and/or an abort signal. */
  stop: StopOptions;
  onProgress?: ProgressFn;
  /** Granular neighbourhood size; default 20. */
  granular?: number;
  /** Overrides of the genetic search parameters. */
  params?: Partial<HgsParams>;
  /** Clock for the time limit (milliseconds); default the monotonic wall clock. */
  clock?: Clock;
}

/**
 * Why a stop was left out: before the search, because no vehicle can serve it
 * alone; after it, because the plan found within the fleet and its limits had
 * no room for it (leave-out.ts).
 */
export type UnassignedReason = 'skill' | 'capacity' | 'max-duration' | 'time-window' | 'break' | 'no-vehicle' | 'optional-skipped';

/** A stop left out, with its reason. */
export interface Unassigned {
  stop: number;
  reason: UnassignedReason;
}

/** The plan returned by `solve`, with the independent checker's verdict. */
export interface Solution {
  routes: RoutePlan[];
  unassigned: Unassigned[];
  cost: number;
  distanceM: number;
  durationS: number;
  /** True when the independent checker found no violation. */
  feasible: boolean;
  violations: Violation[];
  iterations: number;
  /** Wall-clock seconds spent. */
  seconds: number;
}

interface Mapped {
  data: SearchData;
  /** Search node i (1..n) -> stop index. */
  stopOf: Int32Array;
  unassigned: Unassigned[];
}

/** The search handles one vehicle type; identical types are merged. */
function singleVehicleType(problem: Problem): number {
  const v0 = problem.vehicles[0];
  const same = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
  problem.vehicles.forEach((v, i) => {
    if (
      v.startLocation !== v0.startLocation || v.endLocation !== v0.endLocation || !same(v.capacity, v0.capacity) ||
      !same(v.shiftS, v0.shiftS) || v.maxDurationS !== v0.maxDurationS || v.maxDistanceM !== v0.maxDistanceM ||
      v.fixedCost !== v0.fixedCost || v.costPerM !== v0.costPerM || v.costPerS !== v0.costPerS || !same(v.skills, v0.skills)
    ) {
      throw new InputError(`vehicles[${i}]: the search handles one vehicle type so far (same depot, capacity, shift, limits, costs, skills as vehicles[0])`, `vehicles[${i}]`);
    }
  });
  return problem.vehicles.reduce((s, v) => s + v.count, 0);
}

function mapProblem(problem: Problem, granular: number | undefined): Mapped {
  if (problem.pairs.length > 0) throw new InputError('pairs: pickup-and-delivery pairs are not handled by the search yet', 'pairs');
  problem.stops.forEach((s, i) => {
    if (s.timeWindows.length > 1) {
      throw new InputError(`stops[${i}].timeWindows: several windows per stop are not handled by the search yet`, `stops[${i}].timeWindows`);
    }
  });
  const fleet = singleVehicleType(problem);
  const veh = problem.vehicles[0];
  const L = problem.numLocations;
  const D = problem.dimensions.length;
  const windows = problem.hasTimeWindows;
  if (veh.maxDistanceM < Infinity && (veh.maxDurationS < Infinity || windows)) {
    throw new InputError('vehicles[0].maxDistanceM: a distance limit together with a duration limit or time windows is not handled by the search yet', 'vehicles[0].maxDistanceM');
  }
  // The search's time resource: travel time + service with windows and the
  // shift, or distance alone when routes have a distance limit.
  const limitByDistance = veh.maxDistanceM < Infinity;
  const maxResource = limitByDistance ? veh.maxDistanceM : veh.maxDurationS;
  const resourceMatrix = limitByDistance ? problem.distanceM : problem.durationS;
  const useService = !limitByDistance;
  const hasTime = maxResource < Infinity || windows;
  // With a time resource in seconds, the per-second cost applies to each
  // route's whole duration (travel, service and waiting, as the checker counts
  // it), so arcs carry the distance cost alone; otherwise no waiting can occur
  // and the arcs carry the travel-time cost.
  const durationCost = hasTime && !limitByDistance ? veh.costPerS : 0;
  const arc = (a: number, b: number): number =>
    veh.costPerM * problem.distanceM[a * L + b] + (durationCost > 0 ? 0 : veh.costPerS * problem.durationS[a * L + b]);
  const res = (a: number, b: number): number => resourceMatrix[a * L + b];

  const unassigned: Unassigned[] = [];
  const kept: number[] = [];
  problem.stops.forEach((s, i) => {
    if (fleet === 0) return unassigned.push({ stop: i, reason: 'no-vehicle' });
    if (s.skills.some((k) => !veh.skills.includes(k))) return unassigned.push({ stop: i, reason: 'skill' });
    if (s.demand.some((q, d) => q > veh.capacity[d])) return unassigned.push({ stop: i, reason: 'capacity' });
    if (hasTime) {
      const [open, close] = s.timeWindows[0];
      const seg = new Seg().set(0, 0, veh.shiftS[0], veh.shiftS[1]);
      seg.append(res(veh.startLocation, s.location), useService ? s.serviceS : 0, 0, open, close);
      seg.append(res(s.location, veh.endLocation), 0, 0, veh.shiftS[0], veh.shiftS[1]);
      if (seg.warp > 1e-9) return unassigned.push({ stop: i, reason: 'time-window' });
      if (seg.dur > maxResource + 1e-9) return unassigned.push({ stop: i, reason: 'max-duration' });
    }
    kept.push(i);
  });
  const n = kept.length;
  const N1 = n + 1;
  const locOf = (node: number, asStart: boolean): number =>
    node === 0 ? (asStart ? veh.startLocation : veh.endLocation) : problem.stops[kept[node - 1]].location;
  const cost = new Float64Array(N1 * N1);
  const time = hasTime ? new Float64Array(N1 * N1) : null;
  for (let a = 0; a < N1; a++) {
    for (let b = 0; b < N1; b++) {
      if (a === b) continue;
      const la = locOf(a, true);
      const lb = locOf(b, false);
      cost[a * N1 + b] = arc(la, lb);
      if (time) time[a * N1 + b] = res(la, lb);
    }
  }
  const service = new Float64Array(N1);
  const early = new Float64Array(N1);
  const late = new Float64Array(N1).fill(Infinity);
  early[0] = veh.shiftS[0];
  late[0] = veh.shiftS[1];
  const demand = new Float64Array(N1 * D);
  let xy: Float64Array | null = problem.coordinates ? new Float64Array(2 * N1) : null;
  // Loads are searched in fractions of the capacity, so that one penalty
  // weight fits every dimension whatever its unit.
  for (let k = 0; k < n; k++) {
    const s = problem.stops[kept[k]];
    service[k + 1] = useService ? s.serviceS : 0;
    early[k + 1] = s.timeWindows[0][0];
    late[k + 1] = s.timeWindows[0][1];
    for (let d = 0; d < D; d++) demand[(k + 1) * D + d] = veh.capacity[d] > 0 ? s.demand[d] / veh.capacity[d] : 0;
  }
  if (xy && problem.coordinates) {
    const depot = problem.coordinates[veh.startLocation];
    xy[0] = depot[0];
    xy[1] = depot[1];
    for (let k = 0; k < n; k++) {
      const c = problem.coordinates[problem.stops[kept[k]].location];
      xy[2 * k + 2] = c[0];
      xy[2 * k + 3] = c[1];
    }
  } else xy = null;
  const capacity = new Float64Array(D).fill(1);
  let needed = 0;
  for (let d = 0; d < D; d++) {
    let total = 0;
    for (let k = 1; k <= n; k++) total += demand[k * D + d];
    needed = Math.max(needed, total);
  }
  // Route slots: enough for a free fleet (bound of HGS-CVRP); a limited fleet
  // may be exceeded during the search at a penalty, never in the result.
  const freeBound = Math.ceil(1.3 * needed) + 3;
  const maxRoutes = Math.max(1, Math.min(n, fleet < Infinity ? Math.max(fleet, freeBound) : freeBound));
  const data = buildSearchData({
    n, dims: D, cost, time, service, early, late, demand, capacity, maxDuration: maxResource, maxRoutes,
    fleetLimit: fleet, fixedCost: veh.fixedCost, durationCost, xy, granular,
  });
  return { data, stopOf: Int32Array.from([-1, ...kept]), unassigned };
}

/**
 * True when `solve` hands the problem to the ALNS of src/routing/pdp rather
 * than the genetic search: pickup-and-delivery pairs, more than one vehicle
 * type (vehicles differing in anything but their count), several windows on a
 * stop, a distance limit together with time windows, a shift or a duration limit,
 * a vehicle with a break, or an optional stop (left out at its penalty).
 */
export function needsRichSearch(problem: Problem): boolean {
  if (problem.pairs.length > 0) return true;
  if (problem.vehicles.some((v) => v.break !== null) || problem.stops.some((s) => s.optional)) return true;
  if (problem.stops.some((s) => s.timeWindows.length > 1)) return true;
  const v0 = problem.vehicles[0];
  const same = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
  const oneType = problem.vehicles.every((v) =>
    v.startLocation === v0.startLocation && v.endLocation === v0.endLocation && same(v.capacity, v0.capacity) &&
    same(v.shiftS, v0.shiftS) && v.maxDurationS === v0.maxDurationS && v.maxDistanceM === v0.maxDistanceM &&
    v.fixedCost === v0.fixedCost && v.costPerM === v0.costPerM && v.costPerS === v0.costPerS && same(v.skills, v0.skills));
  if (!oneType) return true;
  return v0.maxDistanceM < Infinity && (problem.hasTimeWindows || v0.maxDurationS < Infinity);
}

/**
 * Solves a vehicle-routing problem with the hybrid genetic search and
 * checks the result with the independent checker. Deterministic for a
 * given seed and iteration limit.
 */
export function solve(problem: Problem, options: SolveOptions): Solution {
  // Rich problems: adaptive large neighbourhood search (src/routing/pdp).
  if (needsRichSearch(problem)) return solvePdp(problem, options);
  const stop = new StopCriterion(options.stop, options.clock);
  const rng = createRng(options.seed ?? 1);
  const mapped = mapProblem(problem, options.granular);
  const result = hybridGeneticSearch(mapped.data, rng, stop, {
    params: options.params,
    onProgress: options.onProgress,
    initialTours: [nearestNeighbourTour(mapped.data)],
  });
  let routes: RoutePlan[] = result.routes
    .filter((r) => r.length > 0)
    .map((r) => ({ vehicle: 0, stops: r.map((node) => mapped.stopOf[node]) }));
  let unassigned = mapped.unassigned;
  let report = checkSolution(problem, routes, unassigned.map((u) => u.stop));
  if (!report.feasible) {
    // The search found no plan within the fleet and its limits: leave out, with reasons, the stops it cannot take.
    ({ routes, unassigned } = leaveOutToFeasible(problem, routes, unassigned));
    report = checkSolution(problem, routes, unassigned.map((u) => u.stop));
  }
  options.onProgress?.({ fraction: 1, iteration: result.iterations, best: report.cost, message: 'done' });
  return {
    routes,
    unassigned,
    cost: report.cost,
    distanceM: report.distanceM,
    durationS: report.durationS,
    feasible: report.feasible,
    violations: report.violations,
    iterations: result.iterations,
    seconds: stop.elapsedS(),
  };
}
