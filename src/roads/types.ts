/**
 * The compact road graph: a directed graph in CSR form on typed arrays.
 * Arcs of node u are offsets[u] .. offsets[u+1]-1; both metrics are stored
 * per arc. Coordinates are [lon, lat] degrees, or planar units for graphs
 * that only come with projected coordinates (`projected: true`, the .bin
 * format), where lengths are euclidean in those units.
 */
export interface RoadGraph {
  readonly nodeCount: number;
  readonly arcCount: number;
  /** Length nodeCount + 1. */
  readonly offsets: Int32Array;
  /** Head node of each arc. */
  readonly targets: Int32Array;
  /** Length of each arc in metres (file units for projected graphs). */
  readonly distanceM: Float64Array;
  /** Free-flow travel time of each arc in seconds. */
  readonly durationS: Float64Array;
  /** Longitude (or projected x) per node. */
  readonly x: Float64Array;
  /** Latitude (or projected y) per node. */
  readonly y: Float64Array;
  /** The node's id in the source file (OSM id, CSV idx, 1-based .bin id). */
  readonly ids: Float64Array;
  /** True when x/y are planar units, not degrees. */
  readonly projected: boolean;
  /** Where the graph came from (file name), for headers and messages. */
  readonly source: string;
}

/** The two search metrics. */
export type Metric = 'distance' | 'time';

export const METRICS: readonly Metric[] = ['distance', 'time'];

/** Arc weights of a metric: the primary weight searched on, and the other one carried along. */
export function metricWeights(g: RoadGraph, metric: Metric): { primary: Float64Array; secondary: Float64Array } {
  return metric === 'distance'
    ? { primary: g.distanceM, secondary: g.durationS }
    : { primary: g.durationS, secondary: g.distanceM };
}

/** A [lon, lat] pair (or [x, y] on a projected graph). */
export type LonLat = [number, number];
