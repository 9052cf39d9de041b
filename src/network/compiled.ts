import type { NetworkGraph } from './graph.js';
import type { Objective, RawPath } from './paths.js';
import type { EdgeAttributes } from './types.js';

/**
 * A compiled, read-only form of a network graph for repeated searches: nodes
 * numbered 0..n-1, arcs in compressed sparse rows on typed arrays. graphology
 * stays the model (and answers /api/paths); this form answers the thousands
 * of searches a quote batch needs: a single-source search here takes tens of
 * microseconds where graphology-shortest-path takes milliseconds (README,
 * "Why two path engines").
 */
export class CompiledGraph {
  readonly ids: string[];
  readonly index: Map<string, number>;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly fixedCny: Float64Array;
  readonly perKgCny: Float64Array;
  readonly durationS: Float64Array;
  readonly co2KgPerKg: Float64Array;
  /** The graphology edge attributes of each arc (shared objects, so paths compare by identity). */
  readonly attrs: EdgeAttributes[];

  constructor(graph: NetworkGraph) {
    this.ids = graph.nodes();
    this.index = new Map(this.ids.map((id, i) => [id, i]));
    const n = this.ids.length;
    const m = graph.size;
    this.offsets = new Int32Array(n + 1);
    this.targets = new Int32Array(m);
    this.fixedCny = new Float64Array(m);
    this.perKgCny = new Float64Array(m);
    this.durationS = new Float64Array(m);
    this.co2KgPerKg = new Float64Array(m);
    this.attrs = new Array(m);
    let k = 0;
    for (let i = 0; i < n; i++) {
      this.offsets[i] = k;
      graph.forEachOutEdge(this.ids[i], (_e, a, _s, t) => {
        this.targets[k] = this.index.get(t)!;
        this.fixedCny[k] = a.fixedCny;
        this.perKgCny[k] = a.perKgCny;
        this.durationS[k] = a.durationS;
        this.co2KgPerKg[k] = a.co2KgPerKg;
        this.attrs[k] = a;
        k++;
      });
    }
    this.offsets[n] = k;
  }

  /** Arc weights for an objective and shipment weight. */
  weights(objective: Objective, weightKg: number): Float64Array {
    const w = new Float64Array(this.targets.length);
    for (let a = 0; a < w.length; a++) {
      w[a] = objective === 'cost' ? this.fixedCny[a] + this.perKgCny[a] * weightKg : objective === 'time' ? this.durationS[a] : this.co2KgPerKg[a] * weightKg;
    }
    return w;
  }

  /**
   * Dijkstra from one node with a binary heap (lazy deletion). Returns the
   * distance to every node and the arc by which each was reached (-1 for the
   * source and for unreached nodes). Ties go to the arc listed first.
   */
  singleSource(source: number, weights: Float64Array): { dist: Float64Array; predArc: Int32Array } {
    const n = this.ids.length;
    const dist = new Float64Array(n).fill(Infinity);
    const predArc = new Int32Array(n).fill(-1);
    const done = new Uint8Array(n);
    const heapNode: number[] = [];
    const heapKey: number[] = [];
    const push = (v: number, key: number) => {
      let i = heapNode.length;
      heapNode.push(v);
      heapKey.push(key);
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (heapKey[p] <= key) break;
        heapNode[i] = heapNode[p];
        heapKey[i] = heapKey[p];
        i = p;
      }
      heapNode[i] = v;
      heapKey[i] = key;
    };
    const pop = (): number => {
      const top = heapNode[0];
      const lastNode = heapNode.pop()!;
      const lastKey = heapKey.pop()!;
      const size = heapNode.length;
      if (size > 0) {
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= size) break;
          if (c + 1 < size && heapKey[c + 1] < heapKey[c]) c++;
          if (heapKey[c] >= lastKey) break;
          heapNode[i] = heapNode[c];
          heapKey[i] = heapKey[c];
          i = c;
        }
        heapNode[i] = lastNode;
        heapKey[i] = lastKey;
      }
      return top;
    };
    dist[source] = 0;
    push(source, 0);
    while (heapNode.length > 0) {
      const u = pop();
      if (done[u]) continue;
      done[u] = 1;
      const du = dist[u];
      for (let a = this.offsets[u]; a < this.offsets[u + 1]; a++) {
        const v = this.targets[a];
        const d = du + weights[a];
        if (d < dist[v]) {
          dist[v] = d;
          predArc[v] = a;
          push(v, d);
        }
      }
    }
    return { dist, predArc };
  }

  /** The arcs of the tree path to `target`, source first (empty when unreached or the source). */
  arcsTo(target: number, predArc: Int32Array): number[] {
    const arcs: number[] = [];
    for (let v = target; predArc[v] >= 0; ) {
      const a = predArc[v];
      arcs.push(a);
      v = this.tail(a);
    }
    return arcs.reverse();
  }

  /** The node an arc leaves from. */
  tail(arc: number): number {
    let lo = 0;
    let hi = this.ids.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= arc) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A RawPath (node ids and edge attributes) from arcs. */
  toRawPath(source: number, arcs: number[]): RawPath {
    const nodes = [this.ids[source]];
    for (const a of arcs) nodes.push(this.ids[this.targets[a]]);
    return { nodes, edges: arcs.map((a) => this.attrs[a]) };
  }
}
