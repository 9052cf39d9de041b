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

/** Plain words: "1 more tonne/day at the Wuhan hub saves ¥412/day (holds up to 120 tonne/day)". */
export function describeCapacityPrice(p: CapacityPrice, w: PriceWording): string {
  const f = w.unitsPerModelUnit ?? 1;
  if (!p.binding || p.savingPerUnit <= 0) return `${p.label} is not a bottleneck (${fmt(p.used / f)} of ${fmt(p.capacity / f)} ${w.unit} used)`;
  let s = `1 more ${w.unit} at ${p.label} saves ${w.currency}${fmt(p.savingPerUnit * f)}${w.per ?? ''}`;
  if (p.validTo !== undefined && Number.isFinite(p.validTo)) s += ` (holds up to ${fmt(p.validTo / f)} ${w.unit})`;
  return s;
}

const fmt = (x: number): string => (Math.abs(x) >= 100 ? String(Math.round(x)) : String(Math.round(x * 100) / 100));
