import { InputError } from '../shared/errors.js';
import type { FlowLp } from './flow/build.js';
import { arcCapacity, type FlowInstance } from './flow/instance.js';
import type { LpModel, LpResult } from './lp/model.js';

/**
 * A capacity whose price is wanted: either a `<=` constraint row (e.g. a hub's
 * throughput) or a variable's upper bound (e.g. a lane's capacity).
 */
export type CapacityRef = { label: string; row: number } | { label: string; variable: number };

export interface CapacityPrice {
  label: string;
  capacity: number;
  used: number;
  /** The capacity is fully used. */
  binding: boolean;
  /** Objective saved by one more unit of capacity (>= 0; 0 when not binding). */
  savingPerUnit: number;
  /** Capacity values between which the saving per unit holds (HiGHS ranging), when known. */
  validFrom?: number;
  validTo?: number;
}

export interface ReducedCost {
  label: string;
  /** By how much the cost per unit must fall before the variable (lane) is used. */
  mustFallBy: number;
  /** The cost per unit at which it would start to be used. */
  breakEvenCost: number;
}

const EPS = 1e-7;

/**
 * Capacity prices from an optimal LP result's duals: for a `<=` row, the
 * saving of one more unit is -dual; for a variable at its upper bound, it is
 * -reducedCost. Ranges come from HiGHS ranging when the result has them.
 */
export function capacityPrices(model: LpModel, result: LpResult, refs: CapacityRef[]): CapacityPrice[] {
  if (result.status !== 'optimal' || !result.values || !result.duals || !result.reducedCosts) {
    throw new InputError(`capacity prices need an optimal LP with duals (backend ${result.backend}, status ${result.status})`, 'backend');
  }
  const x = result.values;
  return refs.map((ref) => {
    if ('row' in ref) {
      const c = model.constraints[ref.row];
      if (!c || c.sense !== '<=') throw new InputError(`capacity ${ref.label}: row ${ref.row} is not a <= constraint`, 'row');
      let used = 0;
      for (let k = 0; k < c.vars.length; k++) used += c.coefs[k] * x[c.vars[k]];
      const binding = used >= c.rhs - EPS * (1 + Math.abs(c.rhs));
      const p: CapacityPrice = { label: ref.label, capacity: c.rhs, used, binding, savingPerUnit: Math.max(0, -result.duals![ref.row]) };
      if (result.ranges) {
        p.validFrom = result.ranges.rhsLower[ref.row];
        p.validTo = result.ranges.rhsUpper[ref.row];
      }
      return p;
    }
    const v = model.variables[ref.variable];
    if (!v) throw new InputError(`capacity ${ref.label}: unknown variable ${ref.variable}`, 'variable');
    const used = x[ref.variable];
    const binding = Number.isFinite(v.upper) && used >= v.upper - EPS * (1 + Math.abs(v.upper));
    const p: CapacityPrice = {
      label: ref.label,
      capacity: v.upper,
      used,
      binding,
      savingPerUnit: binding ? Math.max(0, -result.reducedCosts![ref.variable]) : 0,
    };
    if (result.ranges && binding) {
      p.validFrom = result.ranges.boundLower[ref.variable];
      p.validTo = result.ranges.boundUpper[ref.variable];
    }
    return p;
  });
}

/** For variables at zero with a positive reduced cost: how far their cost must fall to be used. */
export function unusedReducedCosts(model: LpModel, result: LpResult, refs: { label: string; variable: number }[]): ReducedCost[] {
  if (result.status !== 'optimal' || !result.values || !result.reducedCosts) {
    throw new InputError(`reduced costs need an optimal LP (backend ${result.backend}, status ${result.status})`, 'backend');
  }
  const out: ReducedCost[] = [];
  for (const ref of refs) {
    const x = result.values[ref.variable];
    const rc = result.reducedCosts[ref.variable];
    if (x > EPS || rc <= EPS) continue;
    out.push({ label: ref.label, mustFallBy: rc, breakEvenCost: model.variables[ref.variable].cost - rc });
  }
  return out;
}

/** Capacity prices of every capacitated arc, and reduced costs of every unused arc, of a solved flow instance. */
export function flowPrices(inst: FlowInstance, built: FlowLp, lp: LpResult): { capacities: CapacityPrice[]; unused: ReducedCost[] } {
  const label = (a: number): string => `${inst.arcs[a].from}->${inst.arcs[a].to}`;
  const caps: CapacityRef[] = [];
  const all: { label: string; variable: number }[] = [];
  inst.arcs.forEach((arc, a) => {
    if (Number.isFinite(arcCapacity(arc)) && built.openVar[a] < 0) caps.push({ label: label(a), variable: built.flowVar[a] });
    all.push({ label: label(a), variable: built.flowVar[a] });
  });
  return { capacities: capacityPrices(built.model, lp, caps), unused: unusedReducedCosts(built.model, lp, all) };
}

export interface PriceWording {
  /** Unit of capacity, e.g. 'tonne/day'. */
  unit: string;
  /** Currency prefix, e.g. '¥'. */
  currency: string;
  /** Period suffix of the saving, e.g. '/day'. */
  per?: string;
  /** Converts the saving per model unit to per `unit` (e.g. 1000 when the model is in kg and the unit is tonnes). */
  unitsPerModelUnit?: number;
}

/** The capacity interval over which a capacity price holds, in model units, as far as it is known. */
export interface PriceRange {
  /** Lowest capacity at which the price still holds (>= 0). */
  from: number;
  /** Highest capacity at which it still holds (Infinity when unbounded). */
  to: number;
  /** More capacity than now is inside the range: the price is what one more unit saves. */
  holdsAbove: boolean;
  /** Less capacity than now is inside the range. */
  holdsBelow: boolean;
}

/**
 * The range of a binding capacity's price, from the dual's ranging (`validFrom`,
 * `validTo`): null when it is unknown (no ranging, e.g. the network simplex or
 * javascript-lp-solver, a zero price, whose ranging HiGHS reports for the basis
 * rather than the price, or a range that does not contain the current capacity).
 * At a degenerate optimum the range can end at the current capacity: the price
 * is then what the last unit is worth, and one more unit saves at most that
 * much (the optimal cost is convex in the capacity).
 */
export function capacityPriceRange(p: CapacityPrice): PriceRange | null {
  const lo = p.validFrom;
  const hi = p.validTo;
  if (lo === undefined || hi === undefined || Number.isNaN(lo) || Number.isNaN(hi) || !(p.savingPerUnit > 0)) return null;
  const tol = 1e-7 * Math.max(1, Math.abs(p.capacity));
  if (lo > p.capacity + tol || hi < p.capacity - tol) return null;
  const to = hi >= 1e30 ? Infinity : hi;
  return { from: Math.max(0, lo), to, holdsAbove: to > p.capacity + tol, holdsBelow: lo < p.capacity - tol };
}

/**
 * Whether the price is exactly what one more unit of the wording (e.g. one tonne/day, `unitsPerModelUnit`
 * model units) saves: the range is known and reaches at least one such unit above the current capacity.
 */
export function priceHoldsForOneMore(p: CapacityPrice, unitsPerModelUnit = 1): boolean {
  const r = capacityPriceRange(p);
  return r !== null && r.to >= p.capacity + unitsPerModelUnit * (1 - 1e-9);
}

/**
 * Plain words for a capacity price, with the capacity range over which it holds:
 *   "1 more tonne/day at the Wuhan hub saves ¥412/day (the price holds for a capacity from 3,000 to 3,400 tonne/day; now 3,101)"
 *   "1 more tonne/day at … saves at most ¥412/day: the price holds for a capacity from 3,000 to 3,101 tonne/day only (now 3,101); …"
 *   "1 more tonne/day at … saves at most ¥412/day (the range of capacity over which this price holds is unknown: …)"
 * A dual is a subgradient of the optimal cost, which is convex in the capacity: one more unit saves at most
 * the price, and exactly the price while the capacity stays inside the range.
 */
export function describeCapacityPrice(p: CapacityPrice, w: PriceWording): string {
  const f = w.unitsPerModelUnit ?? 1;
  const u = w.unit;
  if (!p.binding) return `${p.label} is not a bottleneck (${fmt(p.used / f)} of ${fmt(p.capacity / f)} ${u} used)`;
  // A zero dual is a subgradient too: one more unit saves nothing.
  if (p.savingPerUnit <= 0) return `${p.label} is full (${fmt(p.used / f)} of ${fmt(p.capacity / f)} ${u} used), but 1 more ${u} there saves nothing: another limit binds first`;
  const price = `${w.currency}${fmt(p.savingPerUnit * f)}${w.per ?? ''}`;
  const head = `1 more ${u} at ${p.label} saves`;
  const r = capacityPriceRange(p);
  if (!r) return `${head} at most ${price} (the range of capacity over which this price holds is unknown: this solve computed no sensitivity ranges)`;
  const shown = [r.from / f, p.capacity / f, ...(Number.isFinite(r.to) ? [r.to / f] : [])];
  const [lo, now, hi] = fmtAll(shown);
  const range = hi === undefined ? `from ${lo} ${u} upward` : `from ${lo} to ${hi} ${u}`;
  if (priceHoldsForOneMore(p, f)) return `${head} ${price} (the price holds for a capacity ${range}; now ${now})`;
  const less = r.from <= p.capacity - f * (1 - 1e-9) ? `; 1 ${u} less would cost ${price}` : '';
  return `${head} at most ${price}: the price holds for a capacity ${range} only (now ${now})${less}; re-solve to see what more capacity saves`;
}

/** Formats numbers with as few decimals (0-3) as keep distinct values apart. */
function fmtAll(xs: number[]): string[] {
  for (let d = 0; d <= 3; d++) {
    const out = xs.map((x) => x.toLocaleString('en', { minimumFractionDigits: 0, maximumFractionDigits: d }));
    const distinct = xs.every((x, i) => xs.every((y, j) => i === j || Math.abs(x - y) < 1e-9 * Math.max(1, Math.abs(x)) || out[i] !== out[j]));
    if (distinct) return out;
  }
  return xs.map((x) => x.toLocaleString('en', { maximumFractionDigits: 3 }));
}

const fmt = (x: number): string => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en') : String(Math.round(x * 100) / 100));
