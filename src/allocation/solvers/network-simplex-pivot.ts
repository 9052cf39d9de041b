/**
 * The pivots of the network simplex (see network-simplex.ts) over its
 * spanning-tree arrays: block-search pricing, the cycle's ratio test with the
 * strongly-feasible leaving rule, the flow push, and the tree update that
 * re-roots the moved subtree and rebuilds its preorder thread. Kept as a class
 * with small methods so that V8 optimises them early.
 */

/** Tree arc points from the node to its parent. */
export const UP = 1;
/** Tree arc points from the parent to the node. */
export const DOWN = -1;
/** Arc states: at its lower bound (0), at its upper bound, in the tree. */
export const LOWER = 1;
export const UPPER = -1;
export const TREE = 0;

/** Pricing and pivoting on the arrays owned by solveMinCostFlow (mutated in place). */
export class TreePivots {
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
