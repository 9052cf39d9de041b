import { IndexedMinHeap } from './heap.js';
import { metricWeights, type Metric, type RoadGraph } from './types.js';

/**
 * Plain Dijkstra on the CSR road graph: the reference the contraction
 * hierarchy is checked against. One instance owns its work arrays (reuse it
 * for many queries; not re-entrant).
 */
export class Dijkstra {
  private readonly dist: Float64Array;
  private readonly parentArc: Int32Array;
  private readonly stamp: Uint32Array;
  private readonly heap: IndexedMinHeap;
  private readonly weight: Float64Array;
  private round = 0;

  constructor(
    private readonly g: RoadGraph,
    readonly metric: Metric,
  ) {
    this.dist = new Float64Array(g.nodeCount);
    this.parentArc = new Int32Array(g.nodeCount);
    this.stamp = new Uint32Array(g.nodeCount);
    this.heap = new IndexedMinHeap(g.nodeCount);
    this.weight = metricWeights(g, metric).primary;
  }

  /** Runs from `source`, stopping once `target` is settled (-1: settle everything). */
  private run(source: number, target: number): void {
    const { offsets, targets } = this.g;
    const w = this.weight;
    const dist = this.dist;
    const stamp = this.stamp;
    const heap = this.heap;
    const r = ++this.round;
    heap.clear();
    stamp[source] = r;
    dist[source] = 0;
    this.parentArc[source] = -1;
    heap.push(source, 0);
    while (!heap.isEmpty()) {
      const u = heap.pop();
      if (u === target) return;
      const du = dist[u];
      for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
        const v = targets[a];
        const dv = du + w[a];
        if (stamp[v] !== r) {
          stamp[v] = r;
          dist[v] = dv;
          this.parentArc[v] = a;
          heap.push(v, dv);
        } else if (dv < dist[v]) {
          dist[v] = dv;
          this.parentArc[v] = a;
          heap.push(v, dv);
        }
      }
    }
  }

  /** Shortest distance source -> target in the metric; Infinity when unreachable. */
  distance(source: number, target: number): number {
    this.run(source, target);
    return this.stamp[target] === this.round ? this.dist[target] : Infinity;
  }

  /** Node sequence of a shortest path, or null when unreachable. */
  path(source: number, target: number): number[] | null {
    if (this.distance(source, target) === Infinity) return null;
    const nodes = [target];
    const { offsets } = this.g;
    let v = target;
    while (v !== source) {
      const a = this.parentArc[v];
      // tail of arc a: the node whose arc range holds a
      let lo = 0;
      let hi = this.g.nodeCount - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (offsets[mid] <= a) lo = mid;
        else hi = mid - 1;
      }
      v = lo;
      nodes.push(v);
    }
    return nodes.reverse();
  }

  /** Distances from `source` to every node (Infinity where unreachable), as a new array. */
  oneToAll(source: number): Float64Array {
    this.run(source, -1);
    const out = new Float64Array(this.g.nodeCount).fill(Infinity);
    for (let v = 0; v < this.g.nodeCount; v++) if (this.stamp[v] === this.round) out[v] = this.dist[v];
    return out;
  }
}
