import { buildHierarchy, type ContractionOptions } from './ch/contract.js';
import type { Hierarchy } from './ch/hierarchy.js';
import { ChQuery } from './ch/query.js';
import { largestStronglyConnected } from './scc.js';
import { SnapIndex } from './snap.js';
import type { Metric, RoadGraph } from './types.js';

/** What a prepared road graph says about itself (kept in its JSON header). */
export interface RoadGraphInfo {
  /** Short name, e.g. "baltimore". */
  name: string;
  /** The file it was built from. */
  source: string;
  /** Licence of the data, e.g. "ODbL-1.0". */
  licence: string;
  /** Attribution to show with any map or route drawn from it. */
  attribution: string;
  /** [minLon, minLat, maxLon, maxLat] (planar units on a projected graph). */
  extent: [number, number, number, number];
  nodeCount: number;
  arcCount: number;
  projected: boolean;
}

/**
 * A road graph ready for routing: the compact graph (largest strongly
 * connected component), one contraction hierarchy per metric, and a snap
 * index. Build it with `prepareRoadNetwork`, or load it with
 * `loadPreparedRoadGraph`.
 */
export class RoadNetwork {
  readonly snapIndex: SnapIndex;
  private readonly queries = new Map<Metric, ChQuery>();

  constructor(
    readonly graph: RoadGraph,
    readonly hierarchies: Partial<Record<Metric, Hierarchy>>,
    readonly info: RoadGraphInfo,
  ) {
    this.snapIndex = new SnapIndex(graph);
  }

  /** The hierarchy of a metric (throws when it was not prepared). */
  hierarchy(metric: Metric): Hierarchy {
    const h = this.hierarchies[metric];
    if (!h) throw new Error(`roads: no ${metric} hierarchy prepared for ${this.info.name}`);
    return h;
  }

  /** A reusable point-to-point query engine of a metric. */
  query(metric: Metric): ChQuery {
    let q = this.queries.get(metric);
    if (!q) {
      q = new ChQuery(this.hierarchy(metric));
      this.queries.set(metric, q);
    }
    return q;
  }
}

/** The bounding box of a graph's nodes. */
export function extentOf(g: RoadGraph): [number, number, number, number] {
  let a = Infinity;
  let b = Infinity;
  let c = -Infinity;
  let d = -Infinity;
  for (let i = 0; i < g.nodeCount; i++) {
    if (g.x[i] < a) a = g.x[i];
    if (g.y[i] < b) b = g.y[i];
    if (g.x[i] > c) c = g.x[i];
    if (g.y[i] > d) d = g.y[i];
  }
  return [a, b, c, d];
}

/** Options of `prepareRoadNetwork`. */
export interface PrepareOptions {
  /** Metrics to build hierarchies for (default both). */
  metrics?: Metric[];
  /** Keep only the largest strongly connected component (default true). */
  largestComponent?: boolean;
  name?: string;
  licence?: string;
  attribution?: string;
  contraction?: ContractionOptions;
  /** Progress of the preparation, with a stage label. */
  onProgress?: (stage: string, fraction: number) => void;
}

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';
export const OSM_LICENCE = 'ODbL-1.0';

/** Restricts a loaded graph to its largest strongly connected component and builds the hierarchies. */
export function prepareRoadNetwork(loaded: RoadGraph, opts: PrepareOptions = {}): RoadNetwork {
  const graph = opts.largestComponent === false ? loaded : largestStronglyConnected(loaded);
  const hierarchies: Partial<Record<Metric, Hierarchy>> = {};
  for (const metric of opts.metrics ?? (['distance', 'time'] as Metric[])) {
    hierarchies[metric] = buildHierarchy(graph, metric, {
      ...opts.contraction,
      onProgress: opts.onProgress ? (f) => opts.onProgress!(`contracting (${metric})`, f) : undefined,
    });
  }
  const info: RoadGraphInfo = {
    name: opts.name ?? graph.source,
    source: graph.source,
    licence: opts.licence ?? OSM_LICENCE,
    attribution: opts.attribution ?? OSM_ATTRIBUTION,
    extent: extentOf(graph),
    nodeCount: graph.nodeCount,
    arcCount: graph.arcCount,
    projected: graph.projected,
  };
  return new RoadNetwork(graph, hierarchies, info);
}
