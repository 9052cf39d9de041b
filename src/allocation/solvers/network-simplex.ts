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

const UP = 1; // tree arc points from the node to its parent
const DOWN = -1; // tree arc points from the parent to the node
const LOWER = 1;
const UPPER = -1;
const TREE = 0;

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
  const sx = new Simplex(M, N, src, tgt, cost, cap, flow, state, parent, pred, dir, thread, revThread, depth, pi, epsFlow, epsCost, blockSize);
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

/** The pivoting machinery over the spanning-tree arrays (small methods so V8 optimises them early). */
class Simplex {
  private nextArc = 0;
  private readonly list: Int32Array;
  private readonly firstChild: Int32Array;
  private readonly nextSib: Int32Array;
  private readonly stack: Int32Array;

  constructor(
    private readonly M: number,
    N: number,
    private readonly src: Int32Array,
    private readonly tgt: Int32Array,
    private readonly cost: Float64Array,
    private readonly cap: Float64Array,
    private readonly flow: Float64Array,
    private readonly state: Int8Array,
    private readonly parent: Int32Array,
    private readonly pred: Int32Array,
    private readonly dir: Int8Array,
    private readonly thread: Int32Array,
    private readonly revThread: Int32Array,
    private readonly depth: Int32Array,
    private readonly pi: Float64Array,
    private readonly epsFlow: number,
    private readonly epsCost: number,
    private readonly blockSize: number,
  ) {
    this.list = new Int32Array(N);
    this.firstChild = new Int32Array(N).fill(-1);
    this.nextSib = new Int32Array(N);
    this.stack = new Int32Array(N);
  }

  /** Block search: the most negative reduced cost within the first block that has one; -1 when optimal. */
  price(): number {
    const { M, state, cost, pi, src, tgt, blockSize } = this;
    let best = -1;
    let bestRc = -this.epsCost;
    let cnt = blockSize;
    let e = this.nextArc;
    for (let k = 0; k < M; k++) {
      const s = state[e];
      if (s !== TREE) {
        const rc = s * (cost[e] + pi[src[e]] - pi[tgt[e]]);
        if (rc < bestRc) {
          bestRc = rc;
          best = e;
        }
      }
      e = e + 1 === M ? 0 : e + 1;
      if (--cnt === 0) {
        if (best >= 0) break;
        cnt = blockSize;
      }
    }
    this.nextArc = e;
    return best;
  }

  /** One pivot on entering arc e; false when the cycle is uncapacitated (unbounded). */
  pivot(e: number): boolean {
    const { src, tgt, cost, cap, flow, state, parent, pred, dir, depth, pi } = this;
    const es = src[e];
    const et = tgt[e];
    let u = es;
    let v = et;
    while (u !== v) {
      if (depth[u] > depth[v]) u = parent[u];
      else if (depth[v] > depth[u]) v = parent[v];
      else {
        u = parent[u];
        v = parent[v];
      }
    }
    const join = u;
    const first = state[e] === LOWER ? es : et;
    const second = state[e] === LOWER ? et : es;
    let delta = cap[e];
    let uOut = -1;
    let result = 0;
    for (let x = first; x !== join; x = parent[x]) {
      const a = pred[x];
      const d = dir[x] === UP ? flow[a] : cap[a] - flow[a];
      if (d < delta) {
        delta = d;
        uOut = x;
        result = 1;
      }
    }
    for (let x = second; x !== join; x = parent[x]) {
      const a = pred[x];
      const d = dir[x] === UP ? cap[a] - flow[a] : flow[a];
      if (d <= delta) {
        delta = d;
        uOut = x;
        result = 2;
      }
    }
    if (delta === Infinity) return false;
    if (delta > 0) this.push(e, join, state[e] * delta);
    if (result === 0) {
      // The entering arc goes from one bound to the other.
      flow[e] = state[e] === LOWER ? cap[e] : 0;
      state[e] = -state[e];
      return true;
    }
    const uIn = result === 1 ? first : second;
    const vIn = result === 1 ? second : first;
    const aOut = pred[uOut];
    // The leaving arc goes to the bound that blocked it.
    const atZero = result === 1 ? dir[uOut] === UP : dir[uOut] === DOWN;
    flow[aOut] = atZero ? 0 : cap[aOut];
    state[aOut] = atZero ? LOWER : UPPER;
    state[e] = TREE;
    const rcIn = cost[e] + pi[es] - pi[et];
    this.retree(e, uIn, vIn, uOut, uIn === es ? -rcIn : rcIn);
    return true;
  }

  /** Pushes val units around the cycle of e (val < 0 pushes against e). */
  private push(e: number, join: number, val: number): void {
    const { flow, cap, parent, pred, dir, epsFlow } = this;
    flow[e] += val;
    for (let x = this.src[e]; x !== join; x = parent[x]) {
      const a = pred[x];
      let f = flow[a] - dir[x] * val;
      if (f < epsFlow) f = 0;
      else if (cap[a] - f < epsFlow) f = cap[a];
      flow[a] = f;
    }
    for (let x = this.tgt[e]; x !== join; x = parent[x]) {
      const a = pred[x];
      let f = flow[a] + dir[x] * val;
      if (f < epsFlow) f = 0;
      else if (cap[a] - f < epsFlow) f = cap[a];
      flow[a] = f;
    }
  }

  /** Moves the subtree of uOut under vIn, re-rooted at uIn, and shifts its potentials by sigma. */
  private retree(e: number, uIn: number, vIn: number, uOut: number, sigma: number): void {
    const { parent, pred, dir, thread, revThread, depth, pi, list, firstChild, nextSib, stack } = this;
    // Cut the subtree of uOut out of the thread.
    const d0 = depth[uOut];
    let k = 0;
    list[k++] = uOut;
    let x = thread[uOut];
    while (depth[x] > d0) {
      list[k++] = x;
      x = thread[x];
    }
    const after = x;
    const before = revThread[uOut];
    thread[before] = after;
    revThread[after] = before;
    // Reverse the stem uIn .. uOut.
    let w = uIn;
    let prevNode = vIn;
    let prevArc = e;
    let prevDir = this.src[e] === uIn ? UP : DOWN;
    for (;;) {
      const oldParent = parent[w];
      const oldPred = pred[w];
      const oldDir = dir[w];
      parent[w] = prevNode;
      pred[w] = prevArc;
      dir[w] = prevDir;
      if (w === uOut) break;
      prevNode = w;
      prevArc = oldPred;
      prevDir = -oldDir;
      w = oldParent;
    }
    // Children lists of the moved subtree, then its preorder from uIn, spliced after vIn.
    for (let i = 0; i < k; i++) firstChild[list[i]] = -1;
    for (let i = 0; i < k; i++) {
      const y = list[i];
      if (y === uIn) continue;
      const p = parent[y];
      nextSib[y] = firstChild[p];
      firstChild[p] = y;
    }
    const oldNext = thread[vIn];
    let prevT = vIn;
    let sp = 0;
    stack[sp++] = uIn;
    while (sp > 0) {
      const y = stack[--sp];
      pi[y] += sigma;
      depth[y] = depth[parent[y]] + 1;
      thread[prevT] = y;
      revThread[y] = prevT;
      prevT = y;
      for (let c = firstChild[y]; c >= 0; c = nextSib[c]) stack[sp++] = c;
    }
    thread[prevT] = oldNext;
    revThread[oldNext] = prevT;
  }
}
