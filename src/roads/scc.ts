import { inducedSubgraph } from './build.js';
import type { RoadGraph } from './types.js';

/**
 * Strongly connected components (Tarjan, iterative, on the CSR). Returns the
 * component number of each node and the number of components.
 */
export function stronglyConnectedComponents(g: RoadGraph): { component: Int32Array; count: number } {
  const n = g.nodeCount;
  const { offsets, targets } = g;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callArc = new Int32Array(n);
  let sp = 0;
  let next = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    callNode[0] = root;
    callArc[0] = offsets[root];
    index[root] = low[root] = next++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const u = callNode[depth];
      const a = callArc[depth];
      if (a < offsets[u + 1]) {
        callArc[depth] = a + 1;
        const v = targets[a];
        if (index[v] < 0) {
          index[v] = low[v] = next++;
          stack[sp++] = v;
          onStack[v] = 1;
          depth++;
          callNode[depth] = v;
          callArc[depth] = offsets[v];
        } else if (onStack[v] && index[v] < low[u]) {
          low[u] = index[v];
        }
        continue;
      }
      if (low[u] === index[u]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          component[w] = count;
        } while (w !== u);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const p = callNode[depth];
        if (low[u] < low[p]) low[p] = low[u];
      }
    }
  }
  return { component, count };
}

/** The subgraph of the largest strongly connected component (ties: the one found first). */
export function largestStronglyConnected(g: RoadGraph): RoadGraph {
  const { component, count } = stronglyConnectedComponents(g);
  const size = new Int32Array(count);
  for (let u = 0; u < g.nodeCount; u++) size[component[u]]++;
  let best = 0;
  for (let c = 1; c < count; c++) if (size[c] > size[best]) best = c;
  if (size[best] === g.nodeCount) return g;
  const keep = new Uint8Array(g.nodeCount);
  for (let u = 0; u < g.nodeCount; u++) if (component[u] === best) keep[u] = 1;
  return inducedSubgraph(g, keep);
}
