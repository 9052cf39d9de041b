import { InputError } from '../../shared/errors.js';
import type { LpConstraint, LpModel, LpVariable } from '../lp/model.js';
import { arcCapacity, validateFlowInstance, type FlowInstance } from './instance.js';

export interface BuildFlowOptions {
  /**
   * Cost per unit of demand left unserved at a sink. When given, every sink
   * gets a slack arc at this cost, so an over-constrained instance still has
   * an answer that says what cannot be served.
   */
  unmetPenalty?: number;
  /**
   * Strong linking for fixed-cost arcs (default true): besides x_a <= M_a y_a,
   * when the arc is the only way into (or out of) a hub, every arc out of
   * (into) that hub gets x_b <= min(cap_b, demand bound) y_a. This is the
   * disaggregated facility-location formulation, whose LP relaxation is far
   * tighter than the aggregated one.
   */
  strong?: boolean;
}

/** The LP of a flow instance, with the index maps needed to decode it. */
export interface FlowLp {
  model: LpModel;
  /** Per arc: its flow variable. */
  flowVar: Int32Array;
  /** Per arc: its open (binary) variable, or -1. */
  openVar: Int32Array;
  /** Per node: its unmet-demand variable, or -1. */
  unmetVar: Int32Array;
  /** Per node: its balance row (in - out). */
  nodeRow: Int32Array;
  /** Per arc with a fixed cost: its main linking row, or -1. */
  linkRow: Int32Array;
}

/**
 * Builds the LP / MIP of a flow instance (pure: no solving). One variable per
 * arc (0 <= x <= capacity, cost per unit); per node a row `in - out`:
 * `>= -supply` for a source, `= demand` for a sink, `= 0` for a hub. A fixed
 * cost adds a binary y with x <= M y. Without fixed costs the model is a pure
 * network, which `auto` sends to the network simplex.
 */
export function buildFlowLp(inst: FlowInstance, opts: BuildFlowOptions = {}): FlowLp {
  const index = validateFlowInstance(inst);
  if (opts.unmetPenalty !== undefined && !(Number.isFinite(opts.unmetPenalty) && opts.unmetPenalty >= 0)) {
    throw new InputError('unmetPenalty must be a finite number >= 0', 'unmetPenalty');
  }
  const strong = opts.strong ?? true;
  const n = inst.nodes.length;
  const m = inst.arcs.length;
  const tail = new Int32Array(m);
  const head = new Int32Array(m);
  const inDeg = new Int32Array(n);
  const outDeg = new Int32Array(n);
  let totalDemand = 0;
  for (const node of inst.nodes) if (node.supply < 0) totalDemand -= node.supply;
  let negCap = 0;
  for (let a = 0; a < m; a++) {
    const arc = inst.arcs[a];
    tail[a] = index.get(arc.from)!;
    head[a] = index.get(arc.to)!;
    outDeg[tail[a]]++;
    inDeg[head[a]]++;
    if (arc.costPerUnit < 0) negCap += arcCapacity(arc);
  }
  // Largest flow an arc can usefully carry (an acyclic optimum ends every unit at a sink).
  const flowBound = totalDemand + negCap;
  const inflowBound = (v: number): number => {
    const s = inst.nodes[v].supply;
    return outDeg[v] === 0 && s < 0 ? -s : flowBound;
  };
  const outflowBound = (u: number): number => {
    const s = inst.nodes[u].supply;
    return inDeg[u] === 0 && s > 0 ? s : flowBound;
  };

  const variables: LpVariable[] = new Array(m);
  const rows: { vars: number[]; coefs: number[] }[] = [];
  for (let i = 0; i < n; i++) rows.push({ vars: [], coefs: [] });
  const flowVar = new Int32Array(m);
  for (let a = 0; a < m; a++) {
    const arc = inst.arcs[a];
    variables[a] = { lower: 0, upper: arcCapacity(arc), cost: arc.costPerUnit };
    flowVar[a] = a;
    rows[tail[a]].vars.push(a);
    rows[tail[a]].coefs.push(-1);
    rows[head[a]].vars.push(a);
    rows[head[a]].coefs.push(1);
  }
  const unmetVar = new Int32Array(n).fill(-1);
  if (opts.unmetPenalty !== undefined) {
    for (let i = 0; i < n; i++) {
      const s = inst.nodes[i].supply;
      if (s >= 0) continue;
      const j = variables.length;
      variables.push({ lower: 0, upper: -s, cost: opts.unmetPenalty });
      unmetVar[i] = j;
      rows[i].vars.push(j);
      rows[i].coefs.push(1);
    }
  }
  const constraints: LpConstraint[] = inst.nodes.map((node, i) => ({
    vars: rows[i].vars,
    coefs: rows[i].coefs,
    sense: node.supply > 0 ? '>=' : '=',
    rhs: node.supply > 0 ? -node.supply : -node.supply + 0,
  }));
  const nodeRow = Int32Array.from({ length: n }, (_, i) => i);

  // Fixed costs: binary y_a, x_a <= M_a y_a, and the strong hub links.
  const openVar = new Int32Array(m).fill(-1);
  const linkRow = new Int32Array(m).fill(-1);
  const inArcs: number[][] = Array.from({ length: n }, () => []);
  const outArcs: number[][] = Array.from({ length: n }, () => []);
  for (let a = 0; a < m; a++) {
    outArcs[tail[a]].push(a);
    inArcs[head[a]].push(a);
  }
  const bigM = (a: number): number => Math.min(arcCapacity(inst.arcs[a]), inflowBound(head[a]), outflowBound(tail[a]));
  for (let a = 0; a < m; a++) {
    const f = inst.arcs[a].fixedCost;
    if (f === undefined || f === null) continue;
    const M = bigM(a);
    if (!Number.isFinite(M)) throw new InputError(`arc ${a}: a fixed-cost arc needs a finite capacity here`, `/arcs/${a}/capacity`);
    const y = variables.length;
    variables.push({ lower: 0, upper: 1, cost: f, integer: true });
    openVar[a] = y;
    linkRow[a] = constraints.length;
    constraints.push({ vars: [a, y], coefs: [1, -M], sense: '<=', rhs: 0 });
    if (!strong) continue;
    const h = head[a];
    const t = tail[a];
    if (inst.nodes[h].supply === 0 && inDeg[h] === 1) {
      for (const b of outArcs[h]) {
        const k = Math.min(M, bigM(b));
        if (k < M || outArcs[h].length > 1) constraints.push({ vars: [b, y], coefs: [1, -k], sense: '<=', rhs: 0 });
      }
    }
    if (inst.nodes[t].supply === 0 && outDeg[t] === 1) {
      for (const b of inArcs[t]) {
        const k = Math.min(M, bigM(b));
        if (k < M || inArcs[t].length > 1) constraints.push({ vars: [b, y], coefs: [1, -k], sense: '<=', rhs: 0 });
      }
    }
  }
  return { model: { variables, constraints }, flowVar, openVar, unmetVar, nodeRow, linkRow };
}
