import { checkSolution, type RoutePlan } from '../routing/check.js';
import { createProblem, type Problem } from '../routing/problem.js';
import { solve } from '../routing/solve.js';
import { InfeasibleError } from '../shared/errors.js';
import { createRng } from '../shared/random.js';
import type { SavingsParams } from './params.js';

/**
 * A SYNTHETIC delivery-station instance: a depot at the centre of a disc,
 * stops uniform in it, 1..2·mean−1 parcels each. Its number of stops follows
 * the day's deliveries in the station's area, clamped to [minStops, maxStops];
 * when clamped, the disc is resized so that the density of stops is kept (the
 * cost per parcel is what scales to the whole volume).
 */
export interface StationInstance {
  problem: Problem;
  stops: number;
  parcels: number;
  radiusKm: number;
  /** Stops the day's volume would give before the clamp. */
  stopsUncapped: number;
}

/** Builds the station instance of one period (seeded by seed and period). */
export function stationInstance(parcelsPerDay: number, p: SavingsParams, seed: number, period: number): StationInstance {
  const uncapped = Math.max(1, (parcelsPerDay * p.stationShare) / p.parcelsPerStop);
  const stops = Math.min(p.maxStops, Math.max(p.minStops, Math.round(uncapped)));
  const radiusKm = p.stationRadiusKm * Math.sqrt(stops / uncapped);
  const rng = createRng((seed * 7919 + period * 104729) >>> 0);
  const pts: [number, number][] = [[0, 0]];
  const demand: number[] = [];
  const maxPerStop = Math.max(1, Math.round(2 * p.parcelsPerStop - 1));
  for (let i = 0; i < stops; i++) {
    const r = radiusKm * 1000 * Math.sqrt(rng.next());
    const a = 2 * Math.PI * rng.next();
    pts.push([r * Math.cos(a), r * Math.sin(a)]);
    demand.push(1 + rng.int(maxPerStop));
  }
  const n = pts.length;
  const dist = new Float64Array(n * n);
  const time = new Float64Array(n * n);
  const mPerS = (p.citySpeedKmh * 1000) / 3600;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      dist[i * n + j] = Math.round(p.cityDetourFactor * Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]));
      time[i * n + j] = Math.round(dist[i * n + j] / mPerS);
    }
  }
  const problem = createProblem({
    dimensions: ['parcels'],
    coordinates: pts,
    distanceM: dist,
    durationS: time,
    stops: demand.map((q, i) => ({ id: `s${i}`, location: i + 1, demand: [q], serviceS: p.serviceSPerStop })),
    vehicles: [
      { id: 'van', startLocation: 0, capacity: [p.vanCapacityParcels], count: 'unlimited', fixedCost: p.vanCnyPerRoute, costPerM: p.vanCnyPerKm / 1000, costPerS: p.courierCnyPerHour / 3600 },
    ],
  });
  return { problem, stops, parcels: demand.reduce((a, b) => a + b, 0), radiusKm, stopsUncapped: uncapped };
}

/**
 * Baseline routes: nearest neighbour from the depot, a new van when the next
 * nearest stop does not fit (the classic dispatcher's rule).
 */
export function nearestNeighbourRoutes(problem: Problem): RoutePlan[] {
  const v = problem.vehicles[0];
  const L = problem.numLocations;
  const cap = v.capacity[0];
  const left = new Set(problem.stops.map((_, i) => i));
  const routes: RoutePlan[] = [];
  while (left.size) {
    const stops: number[] = [];
    let load = 0;
    let at = v.startLocation;
    for (;;) {
      let best = -1;
      let bestD = Infinity;
      for (const s of left) {
        const st = problem.stops[s];
        if (load + st.demand[0] > cap) continue;
        const d = problem.distanceM[at * L + st.location];
        if (d < bestD || (d === bestD && s < best)) {
          bestD = d;
          best = s;
        }
      }
      if (best < 0) break;
      stops.push(best);
      left.delete(best);
      load += problem.stops[best].demand[0];
      at = problem.stops[best].location;
    }
    if (stops.length === 0) throw new InfeasibleError('savings: a stop exceeds the van capacity', 'params.vanCapacityParcels');
    routes.push({ vehicle: 0, stops });
  }
  return routes;
}

/** Cost per parcel of the station's routes: baseline (nearest neighbour) and optimised (vehicle-routing search). */
export interface RoutingCost {
  stops: number;
  parcels: number;
  baselineCnyPerParcel: number;
  optimisedCnyPerParcel: number;
  baselineRoutes: number;
  optimisedRoutes: number;
}

/** Solves one period's station both ways; both plans are checked by the routing stage's checker. */
export function routingCost(inst: StationInstance, p: SavingsParams, seed: number, signal?: AbortSignal): RoutingCost {
  const nn = nearestNeighbourRoutes(inst.problem);
  const nnReport = checkSolution(inst.problem, nn);
  if (!nnReport.feasible) throw new InfeasibleError('savings: nearest-neighbour routes infeasible', 'routing');
  const sol = solve(inst.problem, { seed, stop: { iterations: p.vrpIterations, signal }, params: { mu: 8, lambda: 16, initialFactor: 1 } });
  // A search stopped early may return nothing better; the baseline routes are always available to it.
  const opt = sol.feasible && sol.unassigned.length === 0 ? Math.min(sol.cost, nnReport.cost) : nnReport.cost;
  return {
    stops: inst.stops,
    parcels: inst.parcels,
    baselineCnyPerParcel: nnReport.cost / inst.parcels,
    optimisedCnyPerParcel: opt / inst.parcels,
    baselineRoutes: nn.length,
    optimisedRoutes: sol.routes.length,
  };
}
