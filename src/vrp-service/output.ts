import { checkSolution, type RoutePlan } from '../routing/check.js';
import type { Unassigned } from '../routing/solve.js';
import { route as roadRoute } from '../roads/index.js';
import type { BuiltVrp } from './build.js';
import type { CostBreakdown, LonLat, VrpResult, VrpRoute, VrpStep, VrpViolation } from './types.js';

const EPS = 1e-6;
const r2 = (x: number): number => Math.round(x * 100) / 100;
const r0 = (x: number): number => Math.round(x);

/** Name of the k-th route of vehicle type v: its id, or `id#k` when the type has several vehicles. */
function routeNames(built: BuiltVrp, routes: RoutePlan[]): string[] {
  const used = new Map<number, number>();
  return routes.map((r) => {
    const k = (used.get(r.vehicle) ?? 0) + 1;
    used.set(r.vehicle, k);
    const id = built.vehicleIds[r.vehicle] ?? `?${r.vehicle}`;
    return (built.problem.vehicles[r.vehicle]?.count ?? 1) > 1 ? `${id}#${k}` : id;
  });
}

/**
 * The timeline of one route, as the checker reckons it: leave the depot as
 * late as useful (no avoidable waiting), serve each stop at the start of its
 * first window not yet closed (late when all are closed), load after each step
 * (unpaired stops' demand leaves the depot on board; a pair's pickup loads
 * what its delivery unloads), then the forward slack of every step. The
 * vehicle's break, where the checker placed it (`breakAfter`: 0 at the start
 * depot, k after the k-th stop), is a `break` step starting at the later of
 * its arrival and the break window's start; with a break, leaving later is
 * not tried (as the checker counts it).
 */
function timeline(built: BuiltVrp, plan: RoutePlan, breakAfter?: number): VrpStep[] {
  const p = built.problem;
  const veh = p.vehicles[plan.vehicle];
  const L = p.numLocations;
  const D = p.dimensions.length;
  const pickupOf = new Map<number, number>();
  const paired = new Set<number>();
  for (const pr of p.pairs) {
    pickupOf.set(pr.delivery, pr.pickup);
    paired.add(pr.pickup).add(pr.delivery);
  }
  const stops = plan.stops.map((s) => p.stops[s]);
  const run = (depart: number): { steps: VrpStep[]; waitSoFar: number; delay: number } => {
    let load = new Array(D).fill(0);
    plan.stops.forEach((s) => {
      if (!paired.has(s)) for (let d = 0; d < D; d++) load[d] += p.stops[s].demand[d];
    });
    const steps: VrpStep[] = [
      { type: 'start', location: built.points[veh.startLocation], arrivalS: depart, departureS: depart, waitingS: 0, load: [...load], distanceFromPrevM: 0 },
    ];
    let t = depart;
    let prev = veh.startLocation;
    let waitSoFar = 0;
    let delay = Infinity;
    const takeBreak = (location: LonLat | null): void => {
      const brk = veh.break;
      if (!brk) return;
      const start = Math.max(t, brk.window[0]);
      steps.push({
        type: 'break', location, arrivalS: t, serviceStartS: start, departureS: start + brk.durationS, waitingS: start - t,
        load: [...load], timeWindow: [brk.window[0], brk.window[1]], distanceFromPrevM: 0,
      });
      t = start + brk.durationS;
    };
    if (breakAfter === 0) takeBreak(built.points[veh.startLocation]);
    stops.forEach((s, k) => {
      const idx = plan.stops[k];
      t += p.durationS[prev * L + s.location];
      const arrival = t;
      let w = s.timeWindows.find((x) => x[1] + EPS >= t);
      const late = !w;
      if (!w) w = s.timeWindows[s.timeWindows.length - 1];
      const wait = Math.max(0, w[0] - t);
      t += wait;
      waitSoFar += wait;
      delay = Math.min(delay, waitSoFar + Math.max(0, w[1] - t));
      const start = t;
      t += s.serviceS;
      const pickup = pickupOf.get(idx);
      if (pickup !== undefined) load = load.map((x, d) => x - p.stops[pickup].demand[d]);
      else if (paired.has(idx)) load = load.map((x, d) => x + s.demand[d]);
      else load = load.map((x, d) => x - s.demand[d]);
      const bounded = w[0] > 0 || w[1] < Infinity;
      steps.push({
        type: 'stop', id: built.stopIds[idx], location: built.points[s.location], arrivalS: arrival, serviceStartS: start,
        departureS: t, waitingS: wait, load: [...load], distanceFromPrevM: p.distanceM[prev * L + s.location], ...(late ? { late: true } : {}),
        ...(bounded ? { timeWindow: [w[0], w[1]] as [number, number] } : {}),
      });
      prev = s.location;
      if (breakAfter === k + 1) takeBreak(built.points[s.location]);
    });
    const dist = p.distanceM[prev * L + veh.endLocation];
    t += p.durationS[prev * L + veh.endLocation];
    delay = Math.min(delay, waitSoFar + Math.max(0, veh.shiftS[1] - t));
    steps.push({ type: 'end', location: built.points[veh.endLocation], arrivalS: t, departureS: t, waitingS: 0, load: [...load], distanceFromPrevM: dist });
    return { steps, waitSoFar, delay };
  };
  let depart = veh.shiftS[0];
  if (stops.length > 0 && breakAfter !== 0) depart = Math.max(depart, stops[0].timeWindows[0][0] - p.durationS[veh.startLocation * L + stops[0].location]);
  const first = run(depart);
  const saved = breakAfter !== undefined ? 0 : Math.min(first.delay, first.waitSoFar);
  const steps = saved > EPS ? run(depart + saved).steps : first.steps;
  addSlack(steps, veh.shiftS[1]);
  return steps;
}

/**
 * Forward time slack, from the end backwards: F(end) = shift end − arrival;
 * F(i) = min(close(i) − start(i), waiting(i+1) + F(i+1)) — a later start at i
 * is absorbed by the waiting at i+1 first (Savelsbergh 1992). Late stops get 0.
 * `binding` marks a stop whose own window closes as its service starts.
 */
function addSlack(steps: VrpStep[], shiftEndS: number): void {
  const end = steps[steps.length - 1];
  let next = shiftEndS - end.arrivalS;
  if (Number.isFinite(next)) end.slackS = Math.max(0, next);
  for (let k = steps.length - 2; k >= 1; k--) {
    const s = steps[k];
    const own = s.timeWindow ? s.timeWindow[1] - (s.serviceStartS ?? s.arrivalS) : Infinity;
    const slack = s.late ? 0 : Math.max(0, Math.min(own, steps[k + 1].waitingS + next));
    if (Number.isFinite(slack)) s.slackS = slack;
    if (!s.late && own < 0.5) s.binding = true;
    next = slack;
  }
}

const rounded = (s: VrpStep): VrpStep => ({
  ...s,
  arrivalS: r0(s.arrivalS),
  ...(s.serviceStartS !== undefined ? { serviceStartS: r0(s.serviceStartS) } : {}),
  departureS: r0(s.departureS),
  waitingS: r0(s.waitingS),
  ...(s.slackS !== undefined ? { slackS: r0(s.slackS) } : {}),
  load: s.load.map((x) => Math.round(x * 1000) / 1000),
  distanceFromPrevM: r0(s.distanceFromPrevM),
});

/** Line through the steps; along the streets when the matrix came from a road graph. */
function lineOf(built: BuiltVrp, steps: VrpStep[]): LonLat[] | null {
  const pts = steps.filter((s) => s.type !== 'break').map((s) => s.location);
  if (pts.some((x) => x === null)) return null;
  const line = pts as LonLat[];
  if (!built.road) return line;
  const out: LonLat[] = [];
  for (let k = 1; k < line.length; k++) {
    const leg = roadRoute(built.road, line[k - 1], line[k], { weight: 'time' });
    const coords = (leg?.geometry.coordinates as LonLat[] | undefined) ?? [line[k - 1], line[k]];
    out.push(...(out.length > 0 ? coords.slice(1) : coords));
  }
  return out;
}

/** One Point per distinct start/end location of the vehicles used (kind 'depot'). */
function depotFeatures(built: BuiltVrp, used: RoutePlan[]): unknown[] {
  const locs = new Set<number>();
  for (const r of used) {
    const v = built.problem.vehicles[r.vehicle];
    if (v) locs.add(v.startLocation).add(v.endLocation);
  }
  return [...locs]
    .filter((l) => built.points[l])
    .map((l) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: built.points[l] }, properties: { kind: 'depot' } }));
}

/** Extra facts from the solver run, shown in `solver`. */
export interface SolverInfo {
  seed: number;
  iterations: number;
  seconds: number;
  cancelled?: boolean;
}

/**
 * The answer for a plan (found or given): steps with times and loads, cost
 * by component, unassigned stops with reasons, every violation found by the
 * independent checker, GeoJSON and KPIs.
 */
export function assembleResult(built: BuiltVrp, routes: RoutePlan[], unassigned: Unassigned[], solver?: SolverInfo, labels?: string[]): VrpResult {
  const p = built.problem;
  const keep = routes.map((r) => r.stops.length > 0);
  const used = routes.filter((_, i) => keep[i]);
  const report = checkSolution(p, used, unassigned.map((u) => u.stop));
  const names = labels ? labels.filter((_, i) => keep[i]) : routeNames(built, used);
  const total: CostBreakdown = { fixedCny: 0, distanceCny: 0, timeCny: 0, totalCny: 0 };
  const features: unknown[] = [];
  const out: VrpRoute[] = used.map((plan, r) => {
    const veh = p.vehicles[plan.vehicle];
    const rep = report.routes[r];
    const steps = veh ? timeline(built, plan, rep.breakAfter) : [];
    const cost: CostBreakdown = veh
      ? { fixedCny: veh.fixedCost, distanceCny: veh.costPerM * rep.distanceM, timeCny: veh.costPerS * rep.durationS, totalCny: rep.cost }
      : { fixedCny: 0, distanceCny: 0, timeCny: 0, totalCny: 0 };
    total.fixedCny += cost.fixedCny;
    total.distanceCny += cost.distanceCny;
    total.timeCny += cost.timeCny;
    const line = steps.length > 0 ? lineOf(built, steps) : null;
    if (line) {
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: line },
        properties: { kind: 'route', vehicle: names[r], colour: r, stops: plan.stops.length, distanceM: r0(rep.distanceM), durationS: r0(rep.durationS) },
      });
      steps.forEach((s, k) => {
        if (s.type === 'stop' && s.location) {
          features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: s.location }, properties: { kind: 'stop', id: s.id, vehicle: names[r], colour: r, sequence: k, arrivalS: r0(s.arrivalS), late: s.late === true } });
        }
      });
    }
    return {
      vehicle: names[r],
      colour: r,
      steps: steps.map(rounded),
      distanceM: r0(rep.distanceM),
      durationS: r0(rep.durationS),
      waitingS: r0(rep.waitingS),
      serviceS: plan.stops.reduce((s, i) => s + (p.stops[i]?.serviceS ?? 0), 0),
      cost: { fixedCny: r2(cost.fixedCny), distanceCny: r2(cost.distanceCny), timeCny: r2(cost.timeCny), totalCny: r2(cost.totalCny) },
    };
  });
  total.totalCny = report.cost;
  // Pickup-and-delivery pairs with both ends served: a straight line pickup → delivery.
  const servedBy = new Map<number, string>();
  used.forEach((r, i) => r.stops.forEach((s) => servedBy.set(s, names[i])));
  for (const pr of p.pairs) {
    const a = built.points[p.stops[pr.pickup].location];
    const b = built.points[p.stops[pr.delivery].location];
    if (!a || !b || !servedBy.has(pr.pickup) || !servedBy.has(pr.delivery)) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [a, b] },
      properties: { kind: 'pair', pickup: built.stopIds[pr.pickup], delivery: built.stopIds[pr.delivery], vehicle: servedBy.get(pr.pickup) },
    });
  }
  const violations: VrpViolation[] = report.violations.map((v) => ({
    kind: v.kind,
    ...(v.route !== undefined ? { vehicle: names[v.route] } : {}),
    ...(v.stop !== undefined ? { stop: built.stopIds[v.stop] } : {}),
    message: v.message.replace(/\bstop (\d+)\b/g, (_m, i: string) => `stop ${built.stopIds[Number(i)] ?? i}`).replace(/\bpair (\d+)->(\d+)/g, (_m, a: string, b: string) => `pair ${built.stopIds[Number(a)] ?? a}->${built.stopIds[Number(b)] ?? b}`)
      .replace(/\broute (\d+)\b/g, (_m, i: string) => `route ${names[Number(i)] ?? i}`)
      .replace(/\b\d+\.\d{3,}\b/g, (x) => String(Math.round(Number(x) * 100) / 100)),
  }));
  const lateStops = report.violations.filter((v) => v.kind === 'late').length;
  const unassignedOut = unassigned.map((u) => ({ id: built.stopIds[u.stop], reason: u.reason }));
  return {
    matrixSource: built.matrixSource,
    dimensions: [...built.dimensions],
    feasible: report.feasible,
    routes: out,
    unassigned: unassignedOut,
    violations,
    cost: { fixedCny: r2(total.fixedCny), distanceCny: r2(total.distanceCny), timeCny: r2(total.timeCny), totalCny: r2(total.totalCny) },
    kpis: {
      vehiclesUsed: out.length,
      stops: p.stops.length,
      served: used.reduce((s, r) => s + r.stops.length, 0),
      unassigned: unassignedOut.length,
      lateStops,
      distanceM: r0(report.distanceM),
      durationS: r0(report.durationS),
      waitingS: r0(report.routes.reduce((s, r) => s + r.waitingS, 0)),
      costCny: r2(report.cost),
    },
    geojson: { type: 'FeatureCollection', features: [...depotFeatures(built, used), ...features] },
    ...(solver ? { solver } : {}),
  };
}
