import { IndexedMinHeap } from '../heap.js';
import { metricWeights, type Metric, type RoadGraph } from '../types.js';
import { DynamicGraph } from './dynamic-graph.js';
import type { Hierarchy, UpwardGraph } from './hierarchy.js';

/** Options of `buildHierarchy`; defaults in `CONTRACTION_DEFAULTS`. */
export interface ContractionOptions {
  /** Nodes a witness search may settle while ordering (priority simulation). */
  simulateSettleLimit?: number;
  /** Nodes a witness search may settle when the node is really contracted. */
  contractSettleLimit?: number;
  /** Priority = edgeDifference·w + deletedNeighbours·w + level·w (weights below). */
  edgeDifferenceWeight?: number;
  deletedNeighboursWeight?: number;
  levelWeight?: number;
  /** Recompute a node's priority when it is popped and requeue it if it is no longer the minimum. */
  lazyUpdates?: boolean;
  /** Called with the fraction of nodes contracted, about every 1%. */
  onProgress?: (fraction: number) => void;
}

/**
 * Defaults, tuned on the Rome graph (in-process A/B, CPU seconds under load): settle limits
 * 5/100 took 7.2 s and 225 nodes settled per query; 20/100 11.1 s and 204 (queries ~20%
 * faster); 40/400 13.1 s and 198.
 */
export const CONTRACTION_DEFAULTS = {
  simulateSettleLimit: 20,
  contractSettleLimit: 100,
  edgeDifferenceWeight: 2,
  deletedNeighboursWeight: 1,
  levelWeight: 1,
  lazyUpdates: true,
} as const;

/** Work arrays of the witness searches, reused across searches. */
class WitnessSearch {
  readonly dist: Float64Array;
  readonly stamp: Uint32Array;
  readonly isTarget: Uint32Array;
  readonly heap: IndexedMinHeap;
  round = 0;
  constructor(n: number) {
    this.dist = new Float64Array(n);
    this.stamp = new Uint32Array(n);
    this.isTarget = new Uint32Array(n);
    this.heap = new IndexedMinHeap(n);
  }

  /**
   * Dijkstra from `source` in the remaining graph without `skip`, until every
   * node marked as target in this round is settled, the distance passes
   * `limit`, or `settleLimit` nodes are settled. Distances read with `distTo`.
   */
  run(g: DynamicGraph, source: number, skip: number, limit: number, targetCount: number, settleLimit: number): void {
    const { dist, stamp, isTarget, heap } = this;
    const r = this.round;
    heap.clear();
    stamp[source] = r;
    dist[source] = 0;
    heap.push(source, 0);
    let settled = 0;
    let left = targetCount;
    const A = g.a;
    const B = g.b;
    const WAB = g.wAB;
    const WBA = g.wBA;
    while (!heap.isEmpty()) {
      const u = heap.pop();
      const du = dist[u];
      if (du > limit) return;
      if (isTarget[u] === r && --left === 0) return;
      if (++settled > settleLimit) return;
      const list = g.adj[u];
      for (let i = 0; i < list.length; i++) {
        const e = list[i];
        let v: number;
        let w: number;
        if (A[e] === u) {
          v = B[e];
          w = WAB[e];
        } else {
          v = A[e];
          w = WBA[e];
        }
        if (v === skip || w === Infinity) continue;
        const dv = du + w;
        if (dv > limit) continue;
        if (stamp[v] !== r) {
          stamp[v] = r;
          dist[v] = dv;
          heap.push(v, dv);
        } else if (dv < dist[v]) {
          dist[v] = dv;
          heap.push(v, dv);
        }
      }
    }
  }

  distTo(v: number): number {
    return this.stamp[v] === this.round ? this.dist[v] : Infinity;
  }
}

interface Shortcut {
  from: number;
  to: number;
  weight: number;
  secondary: number;
}

/**
 * Contracts v in simulation (`out` null: only counts) or for real (`out`
 * receives the shortcuts). Returns the number of shortcut arcs needed.
 */
function shortcutsOf(g: DynamicGraph, ws: WitnessSearch, v: number, settleLimit: number, out: Shortcut[] | null): number {
  const list = g.adj[v];
  let count = 0;
  for (let i = 0; i < list.length; i++) {
    const ei = list[i];
    const vIsA = g.a[ei] === v;
    const u = vIsA ? g.b[ei] : g.a[ei];
    const inW = vIsA ? g.wBA[ei] : g.wAB[ei];
    if (inW === Infinity) continue;
    // mark the out-neighbours w != u as targets of this round
    const r = ++ws.round;
    let targets = 0;
    let maxOut = 0;
    for (let j = 0; j < list.length; j++) {
      const ej = list[j];
      const w = g.a[ej] === v ? g.b[ej] : g.a[ej];
      const outW = g.a[ej] === v ? g.wAB[ej] : g.wBA[ej];
      if (w === u || outW === Infinity) continue;
      ws.isTarget[w] = r;
      targets++;
      if (outW > maxOut) maxOut = outW;
    }
    if (targets === 0) continue;
    ws.run(g, u, v, inW + maxOut, targets, settleLimit);
    const inS = vIsA ? g.sBA[ei] : g.sAB[ei];
    for (let j = 0; j < list.length; j++) {
      const ej = list[j];
      const vIsAj = g.a[ej] === v;
      const w = vIsAj ? g.b[ej] : g.a[ej];
      const outW = vIsAj ? g.wAB[ej] : g.wBA[ej];
      if (w === u || outW === Infinity) continue;
      const via = inW + outW;
      if (ws.distTo(w) <= via) continue;
      count++;
      if (out) out.push({ from: u, to: w, weight: via, secondary: inS + (vIsAj ? g.sAB[ej] : g.sBA[ej]) });
    }
  }
  return count;
}

/** Number of arcs at v in the remaining graph. */
function arcCount(g: DynamicGraph, v: number): number {
  const list = g.adj[v];
  let c = 0;
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    if (g.wAB[e] !== Infinity) c++;
    if (g.wBA[e] !== Infinity) c++;
  }
  return c;
}

/**
 * Builds a contraction hierarchy of `graph` for `metric` (Geisberger et al.,
 * 2008): nodes are contracted in order of priority (edge difference, deleted
 * neighbours, level), recomputed lazily when popped and for the neighbours of
 * each contracted node; a shortcut u -> w via v is added unless a witness
 * search (bounded by a settle limit) finds a path no longer than u -> v -> w.
 */
export function buildHierarchy(graph: RoadGraph, metric: Metric, options: ContractionOptions = {}): Hierarchy {
  const opt = { ...CONTRACTION_DEFAULTS, ...options };
  const n = graph.nodeCount;
  const { primary, secondary } = metricWeights(graph, metric);
  const g = new DynamicGraph(n);
  for (let u = 0; u < n; u++) {
    for (let k = graph.offsets[u]; k < graph.offsets[u + 1]; k++) {
      g.relax(u, graph.targets[k], primary[k], secondary[k], -1);
    }
  }
  const ws = new WitnessSearch(n);
  const deleted = new Int32Array(n);
  const level = new Int32Array(n);
  const priority = (v: number): number =>
    opt.edgeDifferenceWeight * (shortcutsOf(g, ws, v, opt.simulateSettleLimit, null) - arcCount(g, v)) +
    opt.deletedNeighboursWeight * deleted[v] +
    opt.levelWeight * level[v];

  const queue = new IndexedMinHeap(n);
  for (let v = 0; v < n; v++) queue.push(v, priority(v));

  const rank = new Int32Array(n);
  const order = new Int32Array(n);
  const shortcuts: Shortcut[] = [];
  let done = 0;
  let nextReport = 0;
  while (!queue.isEmpty()) {
    const v = queue.pop();
    if (opt.lazyUpdates && !queue.isEmpty()) {
      const p = priority(v);
      if (p > queue.minKey()) {
        queue.push(v, p);
        continue;
      }
    }
    shortcuts.length = 0;
    shortcutsOf(g, ws, v, opt.contractSettleLimit, shortcuts);
    for (const s of shortcuts) g.relax(s.from, s.to, s.weight, s.secondary, v);
    g.remove(v);
    rank[v] = done;
    order[done] = v;
    done++;
    const list = g.adj[v];
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      const u = g.a[e] === v ? g.b[e] : g.a[e];
      deleted[u]++;
      if (level[u] < level[v] + 1) level[u] = level[v] + 1;
    }
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      const u = g.a[e] === v ? g.b[e] : g.a[e];
      queue.push(u, priority(u));
    }
    if (opt.onProgress && done >= nextReport) {
      opt.onProgress(done / n);
      nextReport += Math.max(1, Math.floor(n / 100));
    }
  }
  opt.onProgress?.(1);
  return {
    metric,
    nodeCount: n,
    rank,
    order,
    forward: upwardGraph(g, rank, order, true),
    backward: upwardGraph(g, rank, order, false),
  };
}

/** Collects, per rank, the arcs to higher ranks (forward) or from them (backward). */
function upwardGraph(g: DynamicGraph, rank: Int32Array, order: Int32Array, forward: boolean): UpwardGraph {
  const n = order.length;
  const offsets = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) {
    const v = order[r];
    let c = 0;
    for (const e of g.adj[v]) {
      const w = (g.a[e] === v) === forward ? g.wAB[e] : g.wBA[e];
      if (w !== Infinity) c++;
    }
    offsets[r + 1] = offsets[r] + c;
  }
  const m = offsets[n];
  const targets = new Int32Array(m);
  const weight = new Float64Array(m);
  const secondary = new Float64Array(m);
  const middle = new Int32Array(m);
  for (let r = 0; r < n; r++) {
    const v = order[r];
    let k = offsets[r];
    for (const e of g.adj[v]) {
      const vIsA = g.a[e] === v;
      const useAB = vIsA === forward;
      const w = useAB ? g.wAB[e] : g.wBA[e];
      if (w === Infinity) continue;
      const mid = useAB ? g.mAB[e] : g.mBA[e];
      targets[k] = rank[vIsA ? g.b[e] : g.a[e]];
      weight[k] = w;
      secondary[k] = useAB ? g.sAB[e] : g.sBA[e];
      middle[k] = mid < 0 ? -1 : rank[mid];
      k++;
    }
  }
  return { offsets, targets, weight, secondary, middle };
}
