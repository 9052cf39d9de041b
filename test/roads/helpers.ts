import { ArcListBuilder } from '../../src/roads/build.js';
import type { RoadGraph } from '../../src/roads/types.js';
import { createRng } from '../../src/shared/random.js';

/**
 * A seeded random directed graph: nodes on a jittered grid (lon/lat near
 * 0,0), arcs between nearby nodes, some one-way, some parallel, some of
 * length 0, integer lengths to make ties common.
 */
export function randomGraph(seed: number, n: number, arcsPerNode = 2.5): RoadGraph {
  const rng = createRng(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const ids = new Float64Array(n);
  const side = Math.ceil(Math.sqrt(n));
  for (let i = 0; i < n; i++) {
    x[i] = ((i % side) + rng.next() * 0.5) * 0.001;
    y[i] = (Math.floor(i / side) + rng.next() * 0.5) * 0.001;
    ids[i] = 1000 + i;
  }
  const b = new ArcListBuilder();
  const m = Math.round(n * arcsPerNode);
  for (let k = 0; k < m; k++) {
    const u = rng.int(n);
    // mostly local arcs, some long ones
    const v = rng.next() < 0.85 ? Math.min(n - 1, Math.max(0, u + [1, -1, side, -side][rng.int(4)])) : rng.int(n);
    const d = rng.next() < 0.05 ? 0 : 1 + rng.int(20);
    const time = rng.next() < 0.05 ? 0 : 1 + rng.int(9);
    b.add(u, v, d, time);
    if (rng.next() < 0.7) b.add(v, u, d, time);
  }
  return b.build({ x, y, ids, projected: false, source: `random-${seed}` });
}
