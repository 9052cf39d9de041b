import type { Metric } from '../types.js';

/**
 * One direction of the upward search graph of a contraction hierarchy, in
 * CSR form over ranks. For the forward graph, arc k of rank r goes r -> targets[k]
 * (a higher rank); for the backward graph it stands for targets[k] -> r.
 * `weight` is the metric searched on, `secondary` the other metric summed
 * along the same path, and `middle` the rank of the node a shortcut skips
 * (-1 for an original arc).
 */
export interface UpwardGraph {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weight: Float64Array;
  readonly secondary: Float64Array;
  readonly middle: Int32Array;
}

/**
 * A contraction hierarchy for one metric. Searches run on ranks (node ids
 * renumbered by contraction order), which keeps the busy top of the
 * hierarchy together in memory.
 */
export interface Hierarchy {
  readonly metric: Metric;
  readonly nodeCount: number;
  /** Graph node -> rank. */
  readonly rank: Int32Array;
  /** Rank -> graph node. */
  readonly order: Int32Array;
  readonly forward: UpwardGraph;
  readonly backward: UpwardGraph;
}
