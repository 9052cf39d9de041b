import type { RoadGraph } from './types.js';

/**
 * Collects directed arcs (growable typed arrays) and compiles them into a
 * CSR `RoadGraph`. Self-loops are dropped; parallel arcs are kept (searches
 * take the cheapest; the contraction merges them).
 */
export class ArcListBuilder {
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private dist = new Float64Array(1024);
  private dur = new Float64Array(1024);
  private n = 0;

  get size(): number {
    return this.n;
  }

  /** Adds the arc u -> v. */
  add(u: number, v: number, distanceM: number, durationS: number): void {
    if (u === v) return;
    if (this.n === this.from.length) this.grow();
    const i = this.n++;
    this.from[i] = u;
    this.to[i] = v;
    this.dist[i] = distanceM;
    this.dur[i] = durationS;
  }

  private grow(): void {
    const cap = this.from.length * 2;
    const f = new Int32Array(cap);
    f.set(this.from);
    this.from = f;
    const t = new Int32Array(cap);
    t.set(this.to);
    this.to = t;
    const d = new Float64Array(cap);
    d.set(this.dist);
    this.dist = d;
    const s = new Float64Array(cap);
    s.set(this.dur);
    this.dur = s;
  }

  /** Compiles the CSR graph over `nodeCount` nodes (arcs sorted by tail, stable). */
  build(nodes: { x: Float64Array; y: Float64Array; ids: Float64Array; projected: boolean; source: string }): RoadGraph {
    const nodeCount = nodes.x.length;
    const m = this.n;
    const offsets = new Int32Array(nodeCount + 1);
    for (let i = 0; i < m; i++) offsets[this.from[i] + 1]++;
    for (let u = 0; u < nodeCount; u++) offsets[u + 1] += offsets[u];
    const fill = offsets.slice(0, nodeCount);
    const targets = new Int32Array(m);
    const distanceM = new Float64Array(m);
    const durationS = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const k = fill[this.from[i]]++;
      targets[k] = this.to[i];
      distanceM[k] = this.dist[i];
      durationS[k] = this.dur[i];
    }
    return { nodeCount, arcCount: m, offsets, targets, distanceM, durationS, ...nodes };
  }
}

/**
 * The subgraph induced by the nodes with keep[u] = 1, renumbered densely in
 * the original order. File ids and coordinates are carried over.
 */
export function inducedSubgraph(g: RoadGraph, keep: Uint8Array): RoadGraph {
  const newId = new Int32Array(g.nodeCount).fill(-1);
  let k = 0;
  for (let u = 0; u < g.nodeCount; u++) if (keep[u]) newId[u] = k++;
  const x = new Float64Array(k);
  const y = new Float64Array(k);
  const ids = new Float64Array(k);
  const b = new ArcListBuilder();
  for (let u = 0; u < g.nodeCount; u++) {
    const nu = newId[u];
    if (nu < 0) continue;
    x[nu] = g.x[u];
    y[nu] = g.y[u];
    ids[nu] = g.ids[u];
    for (let a = g.offsets[u]; a < g.offsets[u + 1]; a++) {
      const nv = newId[g.targets[a]];
      if (nv >= 0) b.add(nu, nv, g.distanceM[a], g.durationS[a]);
    }
  }
  return b.build({ x, y, ids, projected: g.projected, source: g.source });
}
