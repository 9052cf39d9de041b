import type { Problem } from './problem.js';

/**
 * Independent feasibility checker and evaluator of a plan. It shares no code
 * with the search: it replays every route from the problem data and reports
 * the cost and every violation (missing or repeated stop, overload, late,
 * shift, maximum duration or distance, skills, pairs, fleet size, a break
 * that cannot be placed in its window).
 */

/** One vehicle's route: the vehicle type index and the ordered stop indices. */
export interface RoutePlan {
  vehicle: number;
  stops: number[];
}

/** What a violation is about. */
export type ViolationKind =
  | 'unknown-stop'
  | 'repeated-stop'
  | 'missing-stop'
  | 'unknown-vehicle'
  | 'fleet-size'
  | 'overload'
  | 'late'
  | 'shift'
  | 'max-duration'
  | 'max-distance'
  | 'skill'
  | 'pair'
  | 'break';

/** One broken rule of a plan, with the route and stop it belongs to. */
export interface Violation {
  kind: ViolationKind;
  /** Index of the route in the plan, when the violation belongs to one. */
  route?: number;
  /** Stop index, when the violation belongs to one. */
  stop?: number;
  message: string;
}

/** Per-route figures of a checked plan. */
export interface RouteReport {
  distanceM: number;
  durationS: number;
  waitingS: number;
  /** Maximum load on board per dimension. */
  maxLoad: number[];
  cost: number;
  /** Where the break is taken: 0 at the start depot before the first stop, k after the k-th stop (1-based); absent when none. */
  breakAfter?: number;
  /** Start of the break. */
  breakStartS?: number;
}

/** The result of `checkSolution`: feasibility, violations, cost and per-route figures. */
export interface CheckReport {
  feasible: boolean;
  violations: Violation[];
  /** Total cost: fixed + per-metre + per-second over used routes, plus penalties of unassigned optional stops. */
  cost: number;
  distanceM: number;
  durationS: number;
  routes: RouteReport[];
}

const EPS = 1e-6;

/**
 * End time of a route replayed at its earliest (leaving at the shift start)
 * with the vehicle's break after position `after` (0: at the start depot,
 * k: after the k-th stop; −1: no break, allowed only when the route is back by
 * the break window's start); Infinity when a window, the shift or the break
 * window is missed. `out[0]` receives the break start.
 */
function endWithBreak(problem: Problem, vehicle: number, stops: number[], after: number, out: number[]): number {
  const veh = problem.vehicles[vehicle];
  const brk = veh.break;
  if (!brk) return Infinity;
  const nLoc = problem.numLocations;
  let t = veh.shiftS[0];
  let prev = veh.startLocation;
  const take = (): boolean => {
    const b = Math.max(t, brk.window[0]);
    if (b > brk.window[1] + EPS) return false;
    out[0] = b;
    t = b + brk.durationS;
    return true;
  };
  if (after === 0 && !take()) return Infinity;
  for (let k = 0; k < stops.length; k++) {
    const stop = problem.stops[stops[k]];
    t += problem.durationS[prev * nLoc + stop.location];
    const w = stop.timeWindows.find((x) => x[1] + EPS >= t);
    if (!w) return Infinity;
    t = Math.max(t, w[0]) + stop.serviceS;
    prev = stop.location;
    if (after === k + 1 && !take()) return Infinity;
  }
  t += problem.durationS[prev * nLoc + veh.endLocation];
  if (t > veh.shiftS[1] + EPS) return Infinity;
  if (after < 0 && t > brk.window[0] + EPS) return Infinity;
  return t;
}

/** Where the route's break goes (the placement ending the route earliest): position (−1: none needed) and start, or null when no placement works. */
function placeBreak(problem: Problem, vehicle: number, stops: number[]): { after: number; startS: number } | null {
  let best: { after: number; startS: number } | null = null;
  let bestEnd = Infinity;
  const out = [NaN];
  for (let after = -1; after <= stops.length; after++) {
    const end = endWithBreak(problem, vehicle, stops, after, out);
    if (end < bestEnd - EPS) { bestEnd = end; best = { after, startS: out[0] }; }
  }
  return best;
}

/** Replays `routes` on `problem` and reports cost and violations. `unassigned` lists stops deliberately left out. */
export function checkSolution(problem: Problem, routes: RoutePlan[], unassigned: number[] = []): CheckReport {
  const violations: Violation[] = [];
  const nStops = problem.stops.length;
  const nLoc = problem.numLocations;
  const D = problem.dimensions.length;
  const seen = new Int32Array(nStops).fill(-1);
  const position = new Int32Array(nStops).fill(-1);
  const used = new Array(problem.vehicles.length).fill(0);
  const pickupOf = new Map<number, number>();
  const deliveryOf = new Map<number, number>();
  for (const p of problem.pairs) {
    deliveryOf.set(p.pickup, p.delivery);
    pickupOf.set(p.delivery, p.pickup);
  }
  const reports: RouteReport[] = [];
  let total = 0;
  let totalDist = 0;
  let totalDur = 0;

  routes.forEach((route, r) => {
    const veh = problem.vehicles[route.vehicle];
    if (!veh) {
      violations.push({ kind: 'unknown-vehicle', route: r, message: `route ${r}: unknown vehicle type ${route.vehicle}` });
      reports.push({ distanceM: 0, durationS: 0, waitingS: 0, maxLoad: new Array(D).fill(0), cost: 0 });
      return;
    }
    if (route.stops.length === 0) {
      reports.push({ distanceM: 0, durationS: 0, waitingS: 0, maxLoad: new Array(D).fill(0), cost: 0 });
      return;
    }
    used[route.vehicle]++;
    // Load at the start: every unpaired stop's demand is delivered from the depot.
    const load = new Array(D).fill(0);
    for (const s of route.stops) {
      if (s >= 0 && s < nStops && !pickupOf.has(s) && !deliveryOf.has(s)) {
        for (let d = 0; d < D; d++) load[d] += problem.stops[s].demand[d];
      }
    }
    const maxLoad = [...load];
    let prevLoc = veh.startLocation;
    let dist = 0;
    let waiting = 0;
    const first = route.stops[0];
    let t = veh.shiftS[0];
    // The break: placed by trying every position (the route must be made of known stops).
    let brkAfter = -1;
    let brkStart = NaN;
    if (veh.break && route.stops.every((s) => Number.isInteger(s) && s >= 0 && s < nStops)) {
      const placed = placeBreak(problem, route.vehicle, route.stops);
      if (placed) { brkAfter = placed.after; brkStart = placed.startS; } else {
        violations.push({ kind: 'break', route: r, message: `route ${r}: the break of vehicle ${veh.id} cannot start within [${veh.break.window[0]}, ${veh.break.window[1]}]` });
      }
    }
    const takeBreak = (): void => {
      if (!veh.break) return;
      const b = Math.max(t, veh.break.window[0]);
      waiting += b - t;
      t = b + veh.break.durationS;
    };
    if (first >= 0 && first < nStops && brkAfter !== 0) {
      // Leave as late as needed to reach the first stop when it opens.
      const open = problem.stops[first].timeWindows[0][0];
      t = Math.max(t, open - problem.durationS[prevLoc * nLoc + problem.stops[first].location]);
    }
    const departure = t;
    if (brkAfter === 0) takeBreak();
    // Leaving later by up to `delay` removes waiting: track the waits so far
    // and the room before each window closes (the minimal duration follows).
    let waitSoFar = 0;
    let delay = Infinity;
    route.stops.forEach((s, k) => {
      if (!Number.isInteger(s) || s < 0 || s >= nStops) {
        violations.push({ kind: 'unknown-stop', route: r, message: `route ${r}: unknown stop ${s}` });
        return;
      }
      if (seen[s] >= 0) {
        violations.push({ kind: 'repeated-stop', route: r, stop: s, message: `stop ${s} is visited more than once` });
      }
      seen[s] = r;
      position[s] = k;
      const stop = problem.stops[s];
      dist += problem.distanceM[prevLoc * nLoc + stop.location];
      t += problem.durationS[prevLoc * nLoc + stop.location];
      let window = stop.timeWindows.find((w) => w[1] + EPS >= t);
      if (!window) {
        window = stop.timeWindows[stop.timeWindows.length - 1];
        violations.push({ kind: 'late', route: r, stop: s, message: `stop ${s} reached at ${t}, after its last window closes at ${window[1]}` });
      }
      if (t < window[0]) {
        waiting += window[0] - t;
        waitSoFar += window[0] - t;
        t = window[0];
      }
      delay = Math.min(delay, waitSoFar + Math.max(0, window[1] - t));
      t += stop.serviceS;
      prevLoc = stop.location;
      if (brkAfter === k + 1) takeBreak();
      for (const skill of stop.skills) {
        if (!veh.skills.includes(skill)) {
          violations.push({ kind: 'skill', route: r, stop: s, message: `stop ${s} needs skill "${skill}" that vehicle ${veh.id} lacks` });
        }
      }
      if (deliveryOf.has(s)) for (let d = 0; d < D; d++) load[d] += stop.demand[d];
      const p = pickupOf.get(s);
      if (p !== undefined) for (let d = 0; d < D; d++) load[d] -= problem.stops[p].demand[d];
      // an unpaired stop unloads what it was brought from the depot
      else if (!deliveryOf.has(s)) for (let d = 0; d < D; d++) load[d] -= stop.demand[d];
      for (let d = 0; d < D; d++) maxLoad[d] = Math.max(maxLoad[d], load[d]);
    });
    dist += problem.distanceM[prevLoc * nLoc + veh.endLocation];
    t += problem.durationS[prevLoc * nLoc + veh.endLocation];
    delay = Math.min(delay, waitSoFar + Math.max(0, veh.shiftS[1] - t));
    // with a break taken, leaving later is not credited (the break may pin the schedule)
    const saved = brkAfter >= 0 ? 0 : Math.min(delay, waitSoFar);
    const duration = t - departure - saved;
    for (let d = 0; d < D; d++) {
      if (maxLoad[d] > veh.capacity[d] + EPS) {
        violations.push({
          kind: 'overload', route: r,
          message: `route ${r}: ${problem.dimensions[d]} load ${maxLoad[d]} exceeds capacity ${veh.capacity[d]}`,
        });
      }
    }
    if (t > veh.shiftS[1] + EPS) violations.push({ kind: 'shift', route: r, message: `route ${r} ends at ${t} after the shift end ${veh.shiftS[1]}` });
    if (duration > veh.maxDurationS + EPS) {
      violations.push({ kind: 'max-duration', route: r, message: `route ${r} lasts ${duration} > ${veh.maxDurationS}` });
    }
    if (dist > veh.maxDistanceM + EPS) violations.push({ kind: 'max-distance', route: r, message: `route ${r} is ${dist} long > ${veh.maxDistanceM}` });
    const cost = veh.fixedCost + veh.costPerM * dist + veh.costPerS * duration;
    reports.push({
      distanceM: dist, durationS: duration, waitingS: waiting - saved, maxLoad, cost,
      ...(brkAfter >= 0 ? { breakAfter: brkAfter, breakStartS: brkStart } : {}),
    });
    total += cost;
    totalDist += dist;
    totalDur += duration;
  });

  used.forEach((u, v) => {
    if (u > problem.vehicles[v].count) {
      violations.push({ kind: 'fleet-size', message: `vehicle type ${v} used ${u} times, only ${problem.vehicles[v].count} available` });
    }
  });
  const left = new Set(unassigned);
  for (let s = 0; s < nStops; s++) {
    if (seen[s] >= 0) continue;
    const stop = problem.stops[s];
    if (!left.has(s) || !stop.optional) {
      violations.push({ kind: 'missing-stop', stop: s, message: `stop ${s} is not served` });
    }
    total += stop.unassignedPenalty;
  }
  for (const { pickup, delivery } of problem.pairs) {
    const a = seen[pickup];
    const b = seen[delivery];
    if (a < 0 && b < 0) continue;
    if (a !== b) violations.push({ kind: 'pair', stop: pickup, message: `pair ${pickup}->${delivery} is split across routes` });
    else if (position[pickup] > position[delivery]) {
      violations.push({ kind: 'pair', stop: pickup, message: `pair ${pickup}->${delivery}: delivery before pickup` });
    }
  }
  return { feasible: violations.length === 0, violations, cost: total, distanceM: totalDist, durationS: totalDur, routes: reports };
}
