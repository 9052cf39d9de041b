import { DirectedGraph } from 'graphology';
import type { RoadGraph } from './types.js';

/** Node attributes of the graphology view: the position. */
export interface RoadNodeAttributes {
  x: number;
  y: number;
}

/** Edge attributes of the graphology view. */
export interface RoadEdgeAttributes {
  distanceM: number;
  durationS: number;
}

/**
 * A graphology DirectedGraph of a compact road graph, for inspection and
 * for comparisons (searching uses the compact form). Node keys are the file
 * ids as strings; parallel arcs collapse into one edge holding the smallest
 * distance and the smallest duration.
 */
export function toGraphology(g: RoadGraph): DirectedGraph<RoadNodeAttributes, RoadEdgeAttributes> {
  const graph = new DirectedGraph<RoadNodeAttributes, RoadEdgeAttributes>();
  const key = (u: number): string => String(g.ids[u]);
  for (let u = 0; u < g.nodeCount; u++) graph.addNode(key(u), { x: g.x[u], y: g.y[u] });
  for (let u = 0; u < g.nodeCount; u++) {
    for (let a = g.offsets[u]; a < g.offsets[u + 1]; a++) {
      const s = key(u);
      const t = key(g.targets[a]);
      const e = graph.edge(s, t);
      if (e === undefined) {
        graph.addDirectedEdge(s, t, { distanceM: g.distanceM[a], durationS: g.durationS[a] });
      } else {
        const old = graph.getEdgeAttributes(e);
        graph.replaceEdgeAttributes(e, {
          distanceM: Math.min(old.distanceM, g.distanceM[a]),
          durationS: Math.min(old.durationS, g.durationS[a]),
        });
      }
    }
  }
  return graph;
}
