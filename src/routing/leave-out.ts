import { checkSolution, type RoutePlan, type Violation } from './check.js';
import type { Problem } from './problem.js';
import type { Unassigned, UnassignedReason } from './solve.js';

/** What to take out of a plan to mend one violation: stops (and their reason), or nothing when no removal mends it. */
interface Removal {
  route: number;
  positions: number[];
  reason: UnassignedReason;
}

/**
 * The removal that mends the first violation a stop removal can mend, in this
 * order: a vehicle type used more often than it exists (its route with the
 * fewest stops goes, 'no-vehicle'), an overloaded route (its largest stop,
 * 'capacity'), the first stop reached after its window closes ('time-window';
 * the checker reports stops in route order, so later stops of that route may
 * then be on time), a route past its shift, duration or distance limit (its
 * last stop, 'max-duration'). Null for anything else.
 */
function removalFor(problem: Problem, plan: RoutePlan[], violations: Violation[]): Removal | null {
  const fleet = violations.find((v) => v.kind === 'fleet-size');
  if (fleet) {
    const over = new Map<number, number>();
    for (const r of plan) over.set(r.vehicle, (over.get(r.vehicle) ?? 0) + 1);
    let best = -1;
    plan.forEach((r, i) => {
      if (r.stops.length > 0 && over.get(r.vehicle)! > problem.vehicles[r.vehicle].count && (best < 0 || r.stops.length < plan[best].stops.length)) best = i;
    });
    if (best >= 0) return { route: best, positions: plan[best].stops.map((_s, p) => p), reason: 'no-vehicle' };
  }
  const overload = violations.find((v) => v.kind === 'overload' && v.route !== undefined);
  if (overload) {
    const stops = plan[overload.route!].stops;
    const size = (s: number) => problem.stops[s].demand.reduce((a, b) => a + b, 0);
    let p = 0;
    for (let i = 1; i < stops.length; i++) if (size(stops[i]) > size(stops[p])) p = i;
    if (stops.length > 0) return { route: overload.route!, positions: [p], reason: 'capacity' };
  }
  const late = violations.find((v) => v.kind === 'late' && v.route !== undefined && v.stop !== undefined);
  if (late) {
    const p = plan[late.route!].stops.indexOf(late.stop!);
    if (p >= 0) return { route: late.route!, positions: [p], reason: 'time-window' };
  }
  const limit = violations.find((v) => (v.kind === 'shift' || v.kind === 'max-duration' || v.kind === 'max-distance') && v.route !== undefined);
  if (limit) {
    const stops = plan[limit.route!].stops;
    if (stops.length > 0) return { route: limit.route!, positions: [stops.length - 1], reason: 'max-duration' };
  }
  return null;
}

/**
 * A plan the fleet can drive, from one that breaks a limit (the search could
 * not serve every stop with the vehicles given, e.g. a fleet at or below the
 * fewest vehicles known for the instance): stops are left out one at a time,
 * each with its reason, until the independent checker finds no violation or
 * none that leaving a stop out would mend. As VROOM and Google's route
 * optimisation answer: a plan to drive plus the stops it could not take,
 * rather than a plan with late arrivals or overloads. Stops already left out
 * stay in `unassigned`.
 */
export function leaveOutToFeasible(problem: Problem, routes: readonly RoutePlan[], unassigned: readonly Unassigned[]): { routes: RoutePlan[]; unassigned: Unassigned[] } {
  const plan = routes.map((r) => ({ vehicle: r.vehicle, stops: [...r.stops] }));
  const out = [...unassigned];
  for (let step = 0; step < problem.stops.length; step++) {
    const report = checkSolution(problem, plan, out.map((u) => u.stop));
    if (report.feasible) break;
    const removal = removalFor(problem, plan, report.violations);
    if (!removal) break;
    const stops = plan[removal.route].stops;
    for (const p of removal.positions) out.push({ stop: stops[p], reason: removal.reason });
    const gone = new Set(removal.positions);
    plan[removal.route].stops = stops.filter((_s, p) => !gone.has(p));
  }
  const kept = out.slice(0, unassigned.length);
  const leftOut = reinsert(problem, plan, kept, out.slice(unassigned.length));
  return { routes: plan.filter((r) => r.stops.length > 0), unassigned: [...kept, ...leftOut] };
}

/** Checker work (stops replayed) that reinsertion may spend: about a quarter of a second. */
const REINSERT_BUDGET = 3_000_000;

/**
 * Gives each stop just left out a second chance, in the order they were left
 * out: its cheapest position in any route that keeps the whole plan free of
 * violations (what leaving out one stop frees, such as a late stop's time,
 * can make room for another). Stops of a pickup-and-delivery pair stay out.
 * Works in place on a plan whose only violations are the missing stops; returns the stops still out.
 * Every candidate is checked by the independent checker, within
 * REINSERT_BUDGET (larger plans stop trying once it is spent).
 */
function reinsert(problem: Problem, plan: RoutePlan[], kept: readonly Unassigned[], leftOut: Unassigned[]): Unassigned[] {
  if (leftOut.length === 0) return leftOut;
  const paired = new Set(problem.pairs.flatMap((p) => [p.pickup, p.delivery]));
  let still = [...leftOut];
  const unassignedOf = (without: number) => [...kept.map((u) => u.stop), ...still.filter((u) => u.stop !== without).map((u) => u.stop)];
  // the stops left out are reported missing; anything else means the plan is not one to build on
  const drivable = (r: { violations: Violation[] }) => r.violations.every((v) => v.kind === 'missing-stop');
  if (!drivable(checkSolution(problem, plan, unassignedOf(-1)))) return leftOut;
  let work = 0;
  for (const u of leftOut) {
    if (paired.has(u.stop)) continue;
    const others = unassignedOf(u.stop);
    let best: { route: number; at: number; cost: number } | null = null;
    for (let r = 0; r < plan.length; r++) {
      const stops = plan[r].stops;
      for (let at = 0; at <= stops.length; at++) {
        work += problem.stops.length;
        if (work > REINSERT_BUDGET) return still;
        stops.splice(at, 0, u.stop);
        const report = checkSolution(problem, plan, others);
        stops.splice(at, 1);
        if (drivable(report) && (best === null || report.cost < best.cost)) best = { route: r, at, cost: report.cost };
      }
    }
    if (best !== null) {
      plan[best.route].stops.splice(best.at, 0, u.stop);
      still = still.filter((x) => x.stop !== u.stop);
    }
  }
  return still;
}
