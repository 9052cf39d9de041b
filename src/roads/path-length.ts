import { metricWeights, type Metric, type RoadGraph } from './types.js';

/**
 * Length of a node path in a metric, taking the cheapest arc between each
 * consecutive pair; NaN when some pair has no arc. Used to check unpacked paths.
 */
export function pathLength(g: RoadGraph, metric: Metric, nodes: ArrayLike<number>): number {
  const w = metricWeights(g, metric).primary;
  let sum = 0;
  for (let i = 1; i < nodes.length; i++) {
    const u = nodes[i - 1];
    const v = nodes[i];
    let best = Infinity;
    for (let a = g.offsets[u]; a < g.offsets[u + 1]; a++) if (g.targets[a] === v && w[a] < best) best = w[a];
    if (best === Infinity) return NaN;
    sum += best;
  }
  return sum;
}
