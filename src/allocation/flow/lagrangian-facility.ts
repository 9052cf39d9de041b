import type { FlowLp } from './build.js';

/**
 * Facility structure of a flow MIP: every fixed-cost arc `s -> h` is the only
 * way into a hub h (supply 0), the hub's arcs all go to sinks without
 * out-arcs, every sink is reached only from such hubs, and no unmet-demand
 * slack. Then relaxing the sinks' demand rows with multipliers lambda splits
 * the problem by hub: per hub a continuous knapsack (Lagrangian relaxation of
 * the capacitated facility location problem; Cornuéjols, Sridharan & Thizy,
 * EJOR 1991, compare the relaxations).
 */
interface FacilityForm {
  /** Per hub (= per fixed arc k): capacity, cost per unit into the hub, fixed cost. */
  capacity: Float64Array;
  inCost: Float64Array;
  fixed: Float64Array;
  /** Per hub: its out-arcs as (sink index, cost, upper bound) in CSR form. */
  start: Int32Array;
  sink: Int32Array;
  cost: Float64Array;
  upper: Float64Array;
  demand: Float64Array;
}

function facilityForm(built: FlowLp): FacilityForm | null {
  const { model, flowVar, openVar, nodeRow, unmetVar } = built;
  if (unmetVar.some((j) => j >= 0)) return null;
  const n = nodeRow.length;
  const rows = model.constraints;
  // Arc endpoints from the node rows (coefficient -1 = tail, +1 = head).
  const m = flowVar.length;
  const tail = new Int32Array(m).fill(-1);
  const head = new Int32Array(m).fill(-1);
  const varToArc = new Map<number, number>();
  flowVar.forEach((j, a) => varToArc.set(j, a));
  for (let i = 0; i < n; i++) {
    const r = rows[nodeRow[i]];
    for (let k = 0; k < r.vars.length; k++) {
      const a = varToArc.get(r.vars[k]);
      if (a === undefined) continue;
      if (r.coefs[k] < 0) tail[a] = i;
      else head[a] = i;
    }
  }
  const demand = new Float64Array(n);
  const outDeg = new Int32Array(n);
  const inDeg = new Int32Array(n);
  for (let a = 0; a < m; a++) {
    outDeg[tail[a]]++;
    inDeg[head[a]]++;
  }
  for (let i = 0; i < n; i++) {
    const r = rows[nodeRow[i]];
    if (r.sense === '=' && r.rhs > 0) demand[i] = r.rhs;
  }
  const hubOf = new Int32Array(n).fill(-1);
  const fixedArcs: number[] = [];
  openVar.forEach((y, a) => {
    if (y >= 0) fixedArcs.push(a);
  });
  for (let k = 0; k < fixedArcs.length; k++) {
    const h = head[fixedArcs[k]];
    const r = rows[nodeRow[h]];
    if (inDeg[h] !== 1 || r.sense !== '=' || r.rhs !== 0 || hubOf[h] >= 0) return null;
    hubOf[h] = k;
  }
  const H = fixedArcs.length;
  const count = new Int32Array(H + 1);
  for (let a = 0; a < m; a++) {
    const t = tail[a];
    const v = head[a];
    if (demand[v] > 0) {
      if (hubOf[t] < 0 || outDeg[v] !== 0) return null;
      count[hubOf[t] + 1]++;
    } else if (hubOf[t] >= 0) return null;
  }
  for (let k = 0; k < H; k++) count[k + 1] += count[k];
  const start = count.slice();
  const fill = count.slice(0, H);
  const sink = new Int32Array(start[H]);
  const cost = new Float64Array(start[H]);
  const upper = new Float64Array(start[H]);
  for (let a = 0; a < m; a++) {
    const v = head[a];
    if (!(demand[v] > 0)) continue;
    const p = fill[hubOf[tail[a]]]++;
    const x = model.variables[flowVar[a]];
    sink[p] = v;
    cost[p] = x.cost;
    upper[p] = Math.min(x.upper, demand[v]);
  }
  const capacity = new Float64Array(H);
  const inCost = new Float64Array(H);
  const fixed = new Float64Array(H);
  fixedArcs.forEach((a, k) => {
    const x = model.variables[flowVar[a]];
    capacity[k] = x.upper;
    inCost[k] = x.cost;
    fixed[k] = model.variables[openVar[a]].cost;
  });
  return { capacity, inCost, fixed, start, sink, cost, upper, demand };
}

export interface LagrangianResult {
  /** Best lower bound on the MIP optimum found (valid for any multipliers). */
  lowerBound: number;
  /** Open sets suggested by the relaxation, in the order found. */
  candidates: Uint8Array[];
  /** Per hub: fixed cost plus its knapsack value at the best multipliers (negative = worth opening). */
  hubValue: Float64Array;
}

/**
 * Subgradient optimisation of the facility Lagrangian. Gives a valid lower
 * bound and the open sets the relaxation points at (each made capacity-
 * feasible by adding hubs in order of value per unit of capacity), to seed the
 * local search. Returns null when the model lacks the facility structure.
 */
export function facilityLagrangian(built: FlowLp, opts: { iterations?: number; upperBound?: number } = {}): LagrangianResult | null {
  const f = facilityForm(built);
  if (!f) return null;
  const H = f.capacity.length;
  const n = f.demand.length;
  let totalDemand = 0;
  const lambda = new Float64Array(n);
  // Start from the cheapest way to serve each sink.
  lambda.fill(Infinity);
  for (let k = 0; k < H; k++) {
    for (let p = f.start[k]; p < f.start[k + 1]; p++) lambda[f.sink[p]] = Math.min(lambda[f.sink[p]], f.inCost[k] + f.cost[p]);
  }
  for (let i = 0; i < n; i++) {
    if (f.demand[i] > 0) totalDemand += f.demand[i];
    if (!Number.isFinite(lambda[i])) lambda[i] = 0;
  }
  const value = new Float64Array(H);
  const hubValue = new Float64Array(H);
  const served = new Float64Array(n);
  const order: number[] = [];
  const seen = new Set<string>();
  const candidates: Uint8Array[] = [];
  let best = -Infinity;
  let theta = 2;
  let sinceImproved = 0;
  const ub = opts.upperBound ?? Infinity;
  const iterations = opts.iterations ?? 300;
  for (let it = 0; it < iterations; it++) {
    served.fill(0);
    let L = 0;
    for (let i = 0; i < n; i++) L += lambda[i] * f.demand[i];
    for (let k = 0; k < H; k++) {
      // Continuous knapsack: fill the capacity with the most negative reduced costs.
      order.length = 0;
      for (let p = f.start[k]; p < f.start[k + 1]; p++) if (f.inCost[k] + f.cost[p] - lambda[f.sink[p]] < 0) order.push(p);
      order.sort((a, b) => f.cost[a] - lambda[f.sink[a]] - (f.cost[b] - lambda[f.sink[b]]));
      let room = f.capacity[k];
      let g = 0;
      for (const p of order) {
        if (room <= 0) break;
        const x = Math.min(room, f.upper[p]);
        g += (f.inCost[k] + f.cost[p] - lambda[f.sink[p]]) * x;
        room -= x;
      }
      value[k] = f.fixed[k] + g;
      if (value[k] < 0) {
        L += value[k];
        let r2 = f.capacity[k];
        for (const p of order) {
          if (r2 <= 0) break;
          const x = Math.min(r2, f.upper[p]);
          served[f.sink[p]] += x;
          r2 -= x;
        }
      }
    }
    if (best === -Infinity || L > best + 1e-9 * Math.abs(best)) {
      best = L;
      hubValue.set(value);
      sinceImproved = 0;
    } else if (++sinceImproved >= 20) {
      theta /= 2;
      sinceImproved = 0;
    }
    // Candidate open set: the relaxation's hubs, then cover the demand by value per unit of capacity.
    const open = new Uint8Array(H);
    let cap = 0;
    for (let k = 0; k < H; k++) if (value[k] < 0) {
      open[k] = 1;
      cap += f.capacity[k];
    }
    const rest = [...open.keys()].filter((k) => !open[k]).sort((a, b) => value[a] / f.capacity[a] - value[b] / f.capacity[b]);
    for (const k of rest) {
      if (cap >= totalDemand) break;
      open[k] = 1;
      cap += f.capacity[k];
    }
    const key = open.join('');
    if (!seen.has(key)) {
      seen.add(key);
      candidates.push(open);
    }
    // Subgradient step on the demand rows.
    let norm = 0;
    for (let i = 0; i < n; i++) if (f.demand[i] > 0) norm += (f.demand[i] - served[i]) ** 2;
    if (norm === 0 || theta < 1e-6) break;
    const target = Number.isFinite(ub) ? ub : best + 0.05 * Math.abs(best) + 1;
    const step = (theta * Math.max(target - L, 1e-9 * Math.abs(L))) / norm;
    for (let i = 0; i < n; i++) if (f.demand[i] > 0) lambda[i] += step * (f.demand[i] - served[i]);
  }
  return { lowerBound: best, candidates, hubValue };
}
