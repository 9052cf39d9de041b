import type { Hierarchy } from './hierarchy.js';
import { UpwardSearch } from './upward-search.js';

/** A sources × targets matrix, row-major (row = source); Infinity where unreachable. */
export interface ChMatrix {
  readonly rows: number;
  readonly cols: number;
  /** In the hierarchy's metric. */
  readonly weight: Float64Array;
  /** The other metric along the same paths. */
  readonly secondary: Float64Array;
}

/**
 * Many-to-many shortest distances by buckets (Knopp et al., 2007): one
 * backward upward search per target leaves (target, distance) in a bucket at
 * every node it settles; one forward upward search per source then scans the
 * buckets of the nodes it settles. Sources and targets are ranks.
 */
export function manyToMany(h: Hierarchy, sources: ArrayLike<number>, targets: ArrayLike<number>): ChMatrix {
  const S = sources.length;
  const T = targets.length;
  const n = h.nodeCount;
  const back = new UpwardSearch(h, 'backward');
  // pass 1: backward searches, entries kept per target then grouped by node
  let cap = Math.max(1024, T * 64);
  let eNode = new Int32Array(cap);
  let eCol = new Int32Array(cap);
  let eDist = new Float64Array(cap);
  let eSec = new Float64Array(cap);
  let m = 0;
  for (let j = 0; j < T; j++) {
    back.run(targets[j]);
    if (m + back.count > cap) {
      while (m + back.count > cap) cap *= 2;
      const grow = <A extends Int32Array | Float64Array>(a: A, make: (c: number) => A): A => {
        const b = make(cap);
        b.set(a);
        return b;
      };
      eNode = grow(eNode, (c) => new Int32Array(c));
      eCol = grow(eCol, (c) => new Int32Array(c));
      eDist = grow(eDist, (c) => new Float64Array(c));
      eSec = grow(eSec, (c) => new Float64Array(c));
    }
    for (let i = 0; i < back.count; i++) {
      eNode[m] = back.nodes[i];
      eCol[m] = j;
      eDist[m] = back.dist[i];
      eSec[m] = back.sec[i];
      m++;
    }
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) start[eNode[i] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const bCol = new Int32Array(m);
  const bDist = new Float64Array(m);
  const bSec = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const k = fill[eNode[i]]++;
    bCol[k] = eCol[i];
    bDist[k] = eDist[i];
    bSec[k] = eSec[i];
  }
  // pass 2: forward searches scan the buckets
  const weight = new Float64Array(S * T).fill(Infinity);
  const secondary = new Float64Array(S * T).fill(Infinity);
  const fwd = new UpwardSearch(h, 'forward');
  for (let i = 0; i < S; i++) {
    fwd.run(sources[i]);
    const row = i * T;
    for (let q = 0; q < fwd.count; q++) {
      const x = fwd.nodes[q];
      const dx = fwd.dist[q];
      const sx = fwd.sec[q];
      for (let k = start[x], end = start[x + 1]; k < end; k++) {
        const d = dx + bDist[k];
        const c = row + bCol[k];
        if (d < weight[c]) {
          weight[c] = d;
          secondary[c] = sx + bSec[k];
        }
      }
    }
  }
  return { rows: S, cols: T, weight, secondary };
}
