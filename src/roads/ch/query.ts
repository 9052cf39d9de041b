import { IndexedMinHeap } from '../heap.js';
import type { Hierarchy } from './hierarchy.js';

/**
 * Point-to-point queries on a contraction hierarchy: a bidirectional
 * Dijkstra that only goes up (forward from the source, backward from the
 * target), with stall-on-demand, stopping each side when its queue minimum
 * reaches the best meeting distance. Node arguments are ranks. One instance
 * owns its work arrays (reuse it; not re-entrant).
 */
export class ChQuery {
  private readonly distF: Float64Array;
  private readonly distB: Float64Array;
  private readonly secF: Float64Array;
  private readonly secB: Float64Array;
  private readonly stampF: Uint32Array;
  private readonly stampB: Uint32Array;
  /** Parent node and arc index of each reached node, per side. */
  private readonly parentF: Int32Array;
  private readonly parentB: Int32Array;
  private readonly arcF: Int32Array;
  private readonly arcB: Int32Array;
  private readonly heapF: IndexedMinHeap;
  private readonly heapB: IndexedMinHeap;
  private round = 0;
  /** Meeting node (rank) of the last query, -1 when unreachable. */
  meeting = -1;
  /** The other metric along the last query's path. */
  secondary = Infinity;
  /** Nodes settled by the last query (both sides), for statistics. */
  settled = 0;
  private tracked = false;

  constructor(readonly h: Hierarchy) {
    const n = h.nodeCount;
    this.distF = new Float64Array(n);
    this.distB = new Float64Array(n);
    this.secF = new Float64Array(n);
    this.secB = new Float64Array(n);
    this.stampF = new Uint32Array(n);
    this.stampB = new Uint32Array(n);
    this.parentF = new Int32Array(n);
    this.parentB = new Int32Array(n);
    this.arcF = new Int32Array(n);
    this.arcB = new Int32Array(n);
    this.heapF = new IndexedMinHeap(n);
    this.heapB = new IndexedMinHeap(n);
  }

  /**
   * Shortest distance from rank s to rank t in the hierarchy's metric;
   * Infinity when unreachable. With `track` false the search skips the
   * bookkeeping for `pathRanks` and `secondary` (a bare distance query).
   */
  distance(s: number, t: number, track = true): number {
    const r = ++this.round;
    this.tracked = track;
    const { distF, distB, secF, secB, stampF, stampB, heapF, heapB } = this;
    const fw = this.h.forward;
    const bw = this.h.backward;
    heapF.clear();
    heapB.clear();
    stampF[s] = r;
    distF[s] = 0;
    secF[s] = 0;
    this.parentF[s] = -1;
    heapF.push(s, 0);
    stampB[t] = r;
    distB[t] = 0;
    secB[t] = 0;
    this.parentB[t] = -1;
    heapB.push(t, 0);
    let best = Infinity;
    let bestSec = Infinity;
    let meet = -1;
    let settled = 0;
    for (;;) {
      const minF = heapF.minKey();
      const minB = heapB.minKey();
      const goF = minF < best && minF <= minB;
      if (!goF && !(minB < best)) break;
      settled++;
      if (goF) {
        const u = heapF.pop();
        const du = distF[u];
        if (stampB[u] === r && du + distB[u] < best) {
          best = du + distB[u];
          bestSec = secF[u] + secB[u];
          meet = u;
        }
        // stall-on-demand: an arc x -> u from a higher x with a shorter distance
        let stalled = false;
        for (let k = bw.offsets[u], end = bw.offsets[u + 1]; k < end; k++) {
          const x = bw.targets[k];
          if (stampF[x] === r && distF[x] + bw.weight[k] < du) {
            stalled = true;
            break;
          }
        }
        if (stalled) continue;
        const su = secF[u];
        for (let k = fw.offsets[u], end = fw.offsets[u + 1]; k < end; k++) {
          const v = fw.targets[k];
          const dv = du + fw.weight[k];
          if (stampF[v] !== r || dv < distF[v]) {
            stampF[v] = r;
            distF[v] = dv;
            if (track) {
              secF[v] = su + fw.secondary[k];
              this.parentF[v] = u;
              this.arcF[v] = k;
            }
            heapF.push(v, dv);
          }
        }
      } else {
        const u = heapB.pop();
        const du = distB[u];
        if (stampF[u] === r && du + distF[u] < best) {
          best = du + distF[u];
          bestSec = secF[u] + secB[u];
          meet = u;
        }
        let stalled = false;
        for (let k = fw.offsets[u], end = fw.offsets[u + 1]; k < end; k++) {
          const x = fw.targets[k];
          if (stampB[x] === r && distB[x] + fw.weight[k] < du) {
            stalled = true;
            break;
          }
        }
        if (stalled) continue;
        const su = secB[u];
        for (let k = bw.offsets[u], end = bw.offsets[u + 1]; k < end; k++) {
          const v = bw.targets[k];
          const dv = du + bw.weight[k];
          if (stampB[v] !== r || dv < distB[v]) {
            stampB[v] = r;
            distB[v] = dv;
            if (track) {
              secB[v] = su + bw.secondary[k];
              this.parentB[v] = u;
              this.arcB[v] = k;
            }
            heapB.push(v, dv);
          }
        }
      }
    }
    this.meeting = meet;
    this.secondary = track ? bestSec : NaN;
    this.settled = settled;
    return best;
  }

  /**
   * Node sequence (ranks) of the last query's path, shortcuts unpacked; null
   * when it found none. Call right after a tracked `distance`.
   */
  pathRanks(): number[] | null {
    if (!this.tracked) throw new Error('roads: pathRanks() needs a distance(s, t) query with tracking on');
    const m = this.meeting;
    if (m < 0) return null;
    const up: number[] = [];
    for (let v = m; this.parentF[v] >= 0; v = this.parentF[v]) up.push(this.arcF[v]);
    const fw = this.h.forward;
    const bw = this.h.backward;
    // forward part: arcs from the source up to m, in path order
    let start = m;
    for (let v = m; this.parentF[v] >= 0; v = this.parentF[v]) start = this.parentF[v];
    const out = [start];
    let tail = start;
    for (let i = up.length - 1; i >= 0; i--) {
      const k = up[i];
      const head = fw.targets[k];
      unpackArc(this.h, tail, head, fw.middle[k], out);
      tail = head;
    }
    // backward part: from m down to the target
    for (let v = m; this.parentB[v] >= 0; v = this.parentB[v]) {
      const k = this.arcB[v];
      unpackArc(this.h, v, this.parentB[v], bw.middle[k], out);
    }
    return out;
  }
}

/**
 * Appends to `out` the nodes (ranks) after `from` on the original path of
 * the arc from -> to with middle node `mid` (-1: an original arc).
 */
export function unpackArc(h: Hierarchy, from: number, to: number, mid: number, out: number[]): void {
  const stack: number[] = [from, to, mid];
  const fw = h.forward;
  const bw = h.backward;
  while (stack.length) {
    const m = stack.pop()!;
    const b = stack.pop()!;
    const a = stack.pop()!;
    if (m < 0) {
      out.push(b);
      continue;
    }
    // a -> m is stored at m in the backward graph, m -> b at m in the forward graph
    let midA = -2;
    for (let k = bw.offsets[m]; k < bw.offsets[m + 1]; k++) {
      if (bw.targets[k] === a) {
        midA = bw.middle[k];
        break;
      }
    }
    let midB = -2;
    for (let k = fw.offsets[m]; k < fw.offsets[m + 1]; k++) {
      if (fw.targets[k] === b) {
        midB = fw.middle[k];
        break;
      }
    }
    if (midA === -2 || midB === -2) throw new Error(`roads: broken hierarchy, shortcut ${a} -> ${b} via ${m} has no halves`);
    stack.push(m, b, midB, a, m, midA);
  }
}
