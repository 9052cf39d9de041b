import { IndexedMinHeap } from '../heap.js';
import type { Hierarchy, UpwardGraph } from './hierarchy.js';

/**
 * An exhaustive upward search (every node reachable upward from the start),
 * with stall-on-demand; settled, non-stalled nodes and their distances are
 * left in `nodes`, `dist`, `sec` (first `count` entries). Forward searches
 * go up the forward graph; backward ones up the backward graph.
 */
export class UpwardSearch {
  readonly nodes: Int32Array;
  readonly dist: Float64Array;
  readonly sec: Float64Array;
  count = 0;
  private readonly d: Float64Array;
  private readonly s: Float64Array;
  private readonly stamp: Uint32Array;
  private readonly heap: IndexedMinHeap;
  private round = 0;
  private readonly up: UpwardGraph;
  private readonly down: UpwardGraph;

  constructor(h: Hierarchy, direction: 'forward' | 'backward') {
    const n = h.nodeCount;
    this.up = direction === 'forward' ? h.forward : h.backward;
    this.down = direction === 'forward' ? h.backward : h.forward;
    this.d = new Float64Array(n);
    this.s = new Float64Array(n);
    this.stamp = new Uint32Array(n);
    this.heap = new IndexedMinHeap(n);
    this.nodes = new Int32Array(n);
    this.dist = new Float64Array(n);
    this.sec = new Float64Array(n);
  }

  run(start: number): void {
    const r = ++this.round;
    const { d, s, stamp, heap, up, down } = this;
    heap.clear();
    stamp[start] = r;
    d[start] = 0;
    s[start] = 0;
    heap.push(start, 0);
    let count = 0;
    while (!heap.isEmpty()) {
      const u = heap.pop();
      const du = d[u];
      let stalled = false;
      for (let k = down.offsets[u], end = down.offsets[u + 1]; k < end; k++) {
        const x = down.targets[k];
        if (stamp[x] === r && d[x] + down.weight[k] < du) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      this.nodes[count] = u;
      this.dist[count] = du;
      this.sec[count] = s[u];
      count++;
      const su = s[u];
      for (let k = up.offsets[u], end = up.offsets[u + 1]; k < end; k++) {
        const v = up.targets[k];
        const dv = du + up.weight[k];
        if (stamp[v] !== r || dv < d[v]) {
          stamp[v] = r;
          d[v] = dv;
          s[v] = su + up.secondary[k];
          heap.push(v, dv);
        }
      }
    }
    this.count = count;
  }
}
