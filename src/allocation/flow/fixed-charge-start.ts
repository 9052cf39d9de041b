import type { FlowLp } from './build.js';
import type { LpModel } from '../lp/model.js';
import { checkSolution } from '../lp/check.js';
import { detectNetwork } from '../solvers/network-detect.js';
import { solveMinCostFlow } from '../solvers/network-simplex.js';
import { createRng } from '../../shared/random.js';
import { facilityLagrangian } from './lagrangian-facility.js';

export interface FixedChargeStartOptions {
  /** Most open-set evaluations (each one min-cost-flow solve); default 150. */
  maxEvaluations?: number;
  /** Seed of the local search's kicks (default 1). */
  seed?: number;
  shouldStop?: () => boolean;
}

export interface FixedChargeStart {
  /** A feasible point of the flow MIP (flows and open decisions). */
  values: Float64Array;
  objective: number;
  evaluations: number;
  /** A proven lower bound on the MIP optimum when the Lagrangian relaxation applied, else -Infinity. */
  lowerBound: number;
}

/**
 * A good feasible point for a flow MIP (fixed-cost arcs), to hand to HiGHS as
 * a MIP start. For a given set of open arcs the rest is a pure network, solved
 * by the network simplex; the set is improved by local search. Start: on a
 * facility structure, the best of the open sets a Lagrangian relaxation points
 * at (see facilityLagrangian); otherwise all open, dropping the arc whose
 * closing saves most while any does. Then descend
 * with adds, drops and swaps (close one, open another), then iterate: kick
 * the best set (close two, open one at random, seeded) and descend again,
 * until the evaluation budget is spent. Open sets are memoised. An opened arc that ends up
 * unused is not paid for. Returns null when no open set is feasible. This is a
 * heuristic: optimality is proved by the MIP solver afterwards.
 */
export function fixedChargeStart(built: FlowLp, opts: FixedChargeStartOptions = {}): FixedChargeStart | null {
  const model = built.model;
  const fixedArcs: number[] = [];
  built.openVar.forEach((y, a) => {
    if (y >= 0) fixedArcs.push(a);
  });
  if (fixedArcs.length === 0) return null;
  const nodeRows = built.nodeRow.length;
  // The network with every open variable taken out (fixed at 0, in no row).
  const netModel: LpModel = {
    variables: model.variables.map((v) => (v.integer ? { lower: 0, upper: 0, cost: 0 } : v)),
    constraints: model.constraints.slice(0, nodeRows),
  };
  const form = detectNetwork(netModel);
  if (!form) return null;
  const baseCap = form.mcf.capacity;
  const arcOfFixed = fixedArcs.map((a) => form.arcOf[built.flowVar[a]]);
  const fixedCost = fixedArcs.map((a) => model.variables[built.openVar[a]].cost);
  const maxEval = opts.maxEvaluations ?? 150;
  let evaluations = 0;

  type Eval = { cost: number; flow: Float64Array | null };
  const memo = new Map<string, Eval>();
  const used = (flow: Float64Array, k: number): boolean => flow[arcOfFixed[k]] > 1e-9;
  const evaluate = (open: Uint8Array): Eval => {
    const key = open.join('');
    const hit = memo.get(key);
    if (hit) return hit;
    evaluations++;
    const capacity = baseCap.slice();
    for (let k = 0; k < fixedArcs.length; k++) if (!open[k]) capacity[arcOfFixed[k]] = 0;
    const r = solveMinCostFlow({ ...form.mcf, capacity });
    let e: Eval = { cost: Infinity, flow: null };
    if (r.status === 'optimal') {
      let cost = r.objective;
      for (let k = 0; k < fixedArcs.length; k++) if (used(r.flow, k)) cost += fixedCost[k];
      e = { cost, flow: r.flow };
    }
    memo.set(key, e);
    return e;
  };
  const budgetLeft = (): boolean => evaluations < maxEval && !opts.shouldStop?.();
  const better = (a: Eval, b: Eval): boolean => a.cost < b.cost - 1e-9 * Math.abs(b.cost);
  /** Closes opened arcs that carry nothing (they are not paid for anyway). */
  const normalise = (open: Uint8Array, e: Eval): void => {
    for (let k = 0; k < open.length; k++) if (open[k] && !used(e.flow!, k)) open[k] = 0;
  };

  /** Add, drop and swap moves, first improvement, until none improves. */
  const descend = (open: Uint8Array, cur: Eval): Eval => {
    const K = open.length;
    for (let improved = true; improved && budgetLeft(); ) {
      improved = false;
      // Most promising first when the Lagrangian ranks the arcs: open low values, close high ones.
      const byValue = [...open.keys()].sort((a, b) => rank[a] - rank[b]);
      const closedFirst = byValue.filter((k) => !open[k]);
      const openLast = byValue.filter((k) => open[k]).reverse();
      const moves: [number, number][] = [];
      for (const j of closedFirst) moves.push([-1, j]);
      for (const i of openLast) moves.push([i, -1]);
      for (const i of openLast) for (const j of closedFirst) moves.push([i, j]);
      for (const [i, j] of moves) {
        if (!budgetLeft()) break;
        if (i >= 0) open[i] = 0;
        if (j >= 0) open[j] = 1;
        const t = evaluate(open);
        if (t.flow && better(t, cur)) {
          cur = t;
          normalise(open, cur);
          improved = true;
          break;
        }
        if (i >= 0) open[i] = 1;
        if (j >= 0) open[j] = 0;
      }
    }
    return cur;
  };

  let lowerBound = -Infinity;
  let open = new Uint8Array(fixedArcs.length).fill(1);
  let cur = evaluate(open);
  if (!cur.flow) return null;
  normalise(open, cur);
  let lag = facilityLagrangian(built);
  const rank = lag ? lag.hubValue : new Float64Array(fixedArcs.length);
  if (lag) {
    // Facility structure: start from the best of the open sets the Lagrangian relaxation points at;
    // a second pass aims its steps at the upper bound found by the first.
    for (let pass = 0; pass < 2 && lag; pass++) {
      for (const cand of lag.candidates.slice(-40).reverse()) {
        if (!budgetLeft()) break;
        const t = evaluate(cand);
        if (t.flow && better(t, cur)) {
          open = cand.slice();
          cur = t;
          normalise(open, cur);
        }
      }
      lowerBound = Math.max(lowerBound, lag.lowerBound);
      if (pass === 0) lag = facilityLagrangian(built, { upperBound: cur.cost });
    }
  } else {
    // Greedy drop from everything open: close the arc that saves most while any does.
    for (let improved = true; improved && budgetLeft(); ) {
      improved = false;
      let bestK = -1;
      let bestTry = cur;
      for (let k = 0; k < open.length && budgetLeft(); k++) {
        if (!open[k]) continue;
        open[k] = 0;
        const t = evaluate(open);
        open[k] = 1;
        if (t.flow && better(t, bestTry)) {
          bestTry = t;
          bestK = k;
        }
      }
      if (bestK >= 0) {
        open[bestK] = 0;
        cur = bestTry;
        normalise(open, cur);
        improved = true;
      }
    }
  }
  cur = descend(open, cur);
  // Iterated local search: kick the incumbent (close two open arcs, open one closed), descend again.
  let best = cur;
  let bestOpen = open.slice();
  const rng = createRng(opts.seed ?? 1);
  for (let kicks = 0; kicks < maxEval && budgetLeft(); kicks++) {
    const trial = bestOpen.slice();
    const opened = [...trial.keys()].filter((k) => trial[k]);
    const closed = [...trial.keys()].filter((k) => !trial[k]);
    for (let t = 0; t < 2 && opened.length > 1; t++) trial[opened.splice(rng.int(opened.length), 1)[0]] = 0;
    if (closed.length) trial[closed[rng.int(closed.length)]] = 1;
    const start = evaluate(trial);
    if (!start.flow) continue;
    normalise(trial, start);
    const end = descend(trial, start);
    if (better(end, best)) {
      best = end;
      bestOpen = trial.slice();
    }
  }

  const values = new Float64Array(model.variables.length);
  for (let j = 0; j < values.length; j++) {
    const a = form.arcOf[j];
    values[j] = a >= 0 ? best.flow![a] + form.shift[j] : form.fixedValue[j];
  }
  for (let k = 0; k < fixedArcs.length; k++) values[built.openVar[fixedArcs[k]]] = used(best.flow!, k) ? 1 : 0;
  const check = checkSolution(model, values);
  if (check.maxViolation > 1e-7) return null;
  return { values, objective: check.objective, evaluations, lowerBound };
}
