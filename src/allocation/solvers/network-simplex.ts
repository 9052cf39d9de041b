import { DOWN, LOWER, TREE, TreePivots, UP } from './network-simplex-pivot.js';

/**
 * Primal network simplex for minimum-cost flow, on typed arrays.
 *
 * Problem: nodes 0..n-1 with a balance b_i and a kind:
 *   kind 0 (eq):  out_i - in_i  = b_i
 *   kind 1 (le):  out_i - in_i <= b_i   (a source that may ship less than b_i)
 *   kind 2 (ge):  out_i - in_i >= b_i
 *   kind 3 (free): out_i - in_i unrestricted (b_i only sets the starting flow)
 * arcs a = (from, to) with cost per unit and capacity in [0, Infinity], flow >= 0.
 *
 * Method (Ahuja, Magnanti & Orlin, Network Flows, ch. 11; the block-search
 * pricing rule as in LEMON's NetworkSimplex): an extra root node R takes the
 * slack of le/ge nodes through zero-cost arcs and starts a spanning tree of
 * artificial big-M arcs. The tree is kept as parent / pred arc / direction /
 * preorder thread / depth. The leaving arc is chosen by the strongly-feasible
 * rule (last blocking arc on the cycle oriented from the join node), which
 * prevents cycling on degenerate pivots. A pivot re-roots the moved subtree and
 * rebuilds its preorder in O(subtree size).
 *
 * Potentials pi satisfy cost + pi[from] - pi[to] = 0 on tree arcs; pi_i is the
 * marginal cost of one more unit of net inflow at node i (pi[R] = 0).
 */
export interface McfInput {
  nodeCount: number;
  /** b_i = out - in (sources positive, sinks negative). */
  balance: Float64Array;
  /** 0 eq, 1 le, 2 ge, 3 free (default all eq). */
  kind?: Uint8Array;
  from: Int32Array;
  to: Int32Array;
  cost: Float64Array;
  /** Upper bound on each arc's flow; Infinity for none. Lower bounds are 0. */
  capacity: Float64Array;
}

export type McfStatus = 'optimal' | 'infeasible' | 'unbounded' | 'timeLimit';

export interface McfResult {
  status: McfStatus;
  objective: number;
  /** Flow on each input arc. */
  flow: Float64Array;
  /** Node potentials: marginal cost of one more unit of net inflow at each node. */
  potential: Float64Array;
  iterations: number;
}

export interface McfOptions {
  /** Called every 1024 pivots; returning true stops with 'timeLimit'. */
  shouldStop?: () => boolean;
  /** Pricing block size (default max(10, ceil(sqrt(arcs)))). */
  blockSize?: number;
}


/** Solves a min-cost-flow problem; see the module comment for the conventions. */
export function solveMinCostFlow(input: McfInput, opts: McfOptions = {}): McfResult {
  const n = input.nodeCount;
  const m = input.from.length;
  const root = n;
  const N = n + 1;
  const kind = input.kind ?? new Uint8Array(n);

  // Count extra slack arcs (le/ge nodes whose initial arc is artificial).
  let extra = 0;
  for (let i = 0; i < n; i++) {
    const b = input.balance[i];
    if (kind[i] === 1 && !(b >= 0)) extra++;
    else if (kind[i] === 2 && !(b <= 0)) extra++;
    else if (kind[i] === 3) extra++;
  }
  const M = m + n + extra;
  const src = new Int32Array(M);
  const tgt = new Int32Array(M);
  const cost = new Float64Array(M);
  const cap = new Float64Array(M);
  const flow = new Float64Array(M);
  const state = new Int8Array(M);
  const artificial = new Uint8Array(M);
  src.set(input.from);
  tgt.set(input.to);
  cost.set(input.cost);
  cap.set(input.capacity);

  let maxCost = 0;
  let scale = 0;
  for (let a = 0; a < m; a++) {
    const c = Math.abs(cost[a]);
    if (c > maxCost) maxCost = c;
    if (Number.isFinite(cap[a]) && cap[a] > scale) scale = cap[a];
    if (cost[a] < 0 && cap[a] === Infinity) {
      // fine: handled by the ratio test (unbounded if a negative cycle is uncapacitated)
    }
  }
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(input.balance[i]));
  const epsFlow = 1e-11 * Math.max(1, scale);
  const epsCost = 1e-9 * Math.max(1, maxCost);
  const bigM = (n + 1) * Math.max(1, maxCost) + 1;

  const parent = new Int32Array(N);
  const pred = new Int32Array(N);
  const dir = new Int8Array(N);
  const thread = new Int32Array(N);
  const revThread = new Int32Array(N);
  const depth = new Int32Array(N);
  const pi = new Float64Array(N);

  // Initial tree: every node hangs from the root by one arc.
  let next = m + n;
  for (let i = 0; i < n; i++) {
    const b = input.balance[i];
    const a = m + i;
    const legitLe = (kind[i] === 1 || kind[i] === 3) && b >= 0;
    const legitGe = (kind[i] === 2 && b <= 0) || (kind[i] === 3 && b < 0);
    if (b >= 0 && !legitGe) {
      src[a] = i;
      tgt[a] = root;
      flow[a] = b;
      dir[i] = UP;
    } else {
      src[a] = root;
      tgt[a] = i;
      flow[a] = -b;
      dir[i] = DOWN;
    }
    cap[a] = Infinity;
    if (kind[i] === 3) {
      // Free node: the opposite zero-cost slack arc as well.
      cost[a] = 0;
      src[next] = tgt[a];
      tgt[next] = src[a];
      cap[next] = Infinity;
      state[next] = LOWER;
      next++;
    } else if (legitLe || legitGe) {
      cost[a] = 0;
    } else {
      cost[a] = bigM;
      artificial[a] = 1;
      if (kind[i] === 1) {
        src[next] = i;
        tgt[next] = root;
      } else if (kind[i] === 2) {
        src[next] = root;
        tgt[next] = i;
      }
      if (kind[i] !== 0) {
        cap[next] = Infinity;
        state[next] = LOWER;
        next++;
      }
    }
    state[a] = TREE;
    parent[i] = root;
    pred[i] = a;
    depth[i] = 1;
    pi[i] = dir[i] === UP ? -cost[a] : cost[a];
    thread[i] = i + 1 < n ? i + 1 : root;
    revThread[i] = i > 0 ? i - 1 : root;
  }
  for (let a = 0; a < m; a++) state[a] = LOWER;
  parent[root] = -1;
  pred[root] = -1;
  depth[root] = 0;
  thread[root] = n > 0 ? 0 : root;
  revThread[root] = n > 0 ? n - 1 : root;

  const blockSize = opts.blockSize ?? Math.max(10, Math.ceil(Math.sqrt(M)));
  const sx = new TreePivots(M, N, src, tgt, cost, cap, flow, state, parent, pred, dir, thread, revThread, depth, pi, epsFlow, epsCost, blockSize);
  let iterations = 0;
  let status: McfStatus = 'optimal';
  for (;;) {
    const e = sx.price();
    if (e < 0) break;
    iterations++;
    if ((iterations & 1023) === 0 && opts.shouldStop?.()) {
      status = 'timeLimit';
      break;
    }
    if (!sx.pivot(e)) {
      status = 'unbounded';
      break;
    }
  }

  let objective = 0;
  const outFlow = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    outFlow[a] = flow[a];
    objective += cost[a] * flow[a];
  }
  if (status === 'optimal') {
    for (let a = m; a < m + n; a++) {
      if (artificial[a] && flow[a] > epsFlow * 10) {
        status = 'infeasible';
        break;
      }
    }
  }
  return {
    status,
    objective: status === 'optimal' ? objective : status === 'timeLimit' ? objective : NaN,
    flow: outFlow,
    potential: pi.slice(0, n),
    iterations,
  };
}
