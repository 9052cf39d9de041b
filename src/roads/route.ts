import type { LineString } from 'geojson';
import { InputError } from '../shared/errors.js';
import { manyToMany } from './ch/many-to-many.js';
import type { RoadNetwork } from './network.js';
import type { LonLat, Metric } from './types.js';

/** Options of `route` and `matrix`; defaults in `ROUTE_DEFAULTS`. */
export interface RouteOptions {
  /** What to minimise: 'time' (fastest, the default) or 'distance' (shortest). */
  weight?: Metric;
  /** A point farther than this from every road node is an InputError (metres; file units on projected graphs). */
  maxSnapDistanceM?: number;
}

/** Defaults of `RouteOptions`: fastest route; points at most 1 km from a road. */
export const ROUTE_DEFAULTS = { weight: 'time' as Metric, maxSnapDistanceM: 1000 };

/** Most points `matrix` accepts unless told otherwise (1000 × 1000 takes about a second). */
export const MATRIX_MAX_POINTS = 1000;

/** Where a point was snapped to. */
export interface SnapResult {
  /** Node id in the source file (OSM id, CSV idx, 1-based .bin id). */
  nodeId: number;
  /** The road node, [lon, lat]. */
  location: LonLat;
  /** From the given point to the road node. */
  distanceM: number;
}

/** A route between two snapped points. Distance and duration are along the same path. */
export interface RouteResult {
  distanceM: number;
  durationS: number;
  weight: Metric;
  /** The path along the streets, [lon, lat] (planar units on projected graphs). */
  geometry: LineString;
  /** File node ids along the path. */
  nodeIds: number[];
  from: SnapResult;
  to: SnapResult;
}

function resolve(opts: RouteOptions): Required<RouteOptions> {
  const weight = opts.weight ?? ROUTE_DEFAULTS.weight;
  if (weight !== 'distance' && weight !== 'time') throw new InputError(`weight must be "distance" or "time", got "${String(weight)}"`, 'weight');
  return { weight, maxSnapDistanceM: opts.maxSnapDistanceM ?? ROUTE_DEFAULTS.maxSnapDistanceM };
}

/** Snaps a point to the nearest road node, with InputErrors naming `field` for bad or far points. */
export function snapPoint(net: RoadNetwork, p: unknown, field: string, maxSnapDistanceM = ROUTE_DEFAULTS.maxSnapDistanceM): { node: number } & SnapResult {
  if (!Array.isArray(p) || p.length !== 2 || !p.every((c) => typeof c === 'number' && Number.isFinite(c))) {
    throw new InputError(`${field} must be a [lon, lat] pair of numbers`, field);
  }
  const [x, y] = p as [number, number];
  if (!net.graph.projected && (x < -180 || x > 180 || y < -90 || y > 90)) {
    throw new InputError(`${field} [${x}, ${y}] is not a [lon, lat] position`, field);
  }
  const s = net.snapIndex.nearest(x, y);
  if (!s) throw new InputError(`the road graph ${net.info.name} is empty`, field);
  if (s.distanceM > maxSnapDistanceM) {
    throw new InputError(
      `${field} [${x}, ${y}] is ${Math.round(s.distanceM)} m from the nearest road of ${net.info.name} (limit ${maxSnapDistanceM} m); extent ${JSON.stringify(net.info.extent)}`,
      field,
    );
  }
  const g = net.graph;
  return { node: s.node, nodeId: g.ids[s.node], location: [g.x[s.node], g.y[s.node]], distanceM: s.distanceM };
}

/**
 * The fastest (or shortest) route along the streets between two [lon, lat]
 * points, each snapped to its nearest road node; null when no route exists.
 * Throws InputError (field "from"/"to") for malformed points or points far
 * from every road.
 */
export function route(net: RoadNetwork, from: LonLat, to: LonLat, opts: RouteOptions = {}): RouteResult | null {
  const o = resolve(opts);
  const a = snapPoint(net, from, 'from', o.maxSnapDistanceM);
  const b = snapPoint(net, to, 'to', o.maxSnapDistanceM);
  const h = net.hierarchy(o.weight);
  const q = net.query(o.weight);
  const best = q.distance(h.rank[a.node], h.rank[b.node]);
  if (best === Infinity) return null;
  const ranks = q.pathRanks()!;
  const g = net.graph;
  const coordinates: number[][] = [];
  const nodeIds: number[] = [];
  for (const r of ranks) {
    const v = h.order[r];
    coordinates.push([g.x[v], g.y[v]]);
    nodeIds.push(g.ids[v]);
  }
  // A LineString needs two positions, also for a zero-length route.
  if (coordinates.length === 1) coordinates.push(coordinates[0].slice());
  const { node: _a, ...fromSnap } = a;
  const { node: _b, ...toSnap } = b;
  return {
    distanceM: o.weight === 'distance' ? best : q.secondary,
    durationS: o.weight === 'time' ? best : q.secondary,
    weight: o.weight,
    geometry: { type: 'LineString', coordinates },
    nodeIds,
    from: fromSnap,
    to: toSnap,
  };
}

/** A travel matrix, row-major (row = origin); Infinity where no route exists. */
export interface MatrixResult {
  rows: number;
  cols: number;
  distancesM: Float64Array;
  durationsS: Float64Array;
  weight: Metric;
  /** Where each origin and destination was snapped to. */
  sources: SnapResult[];
  targets: SnapResult[];
}

/** Options of `matrix`. */
export interface MatrixOptions extends RouteOptions {
  /** Destinations; when absent the matrix is points × points. */
  targets?: LonLat[];
  /** Largest number of origins or destinations (default MATRIX_MAX_POINTS). */
  maxPoints?: number;
}

/**
 * Travel distances and durations between [lon, lat] points (points × points,
 * or points × opts.targets), along the fastest (or shortest) paths: bucket
 * many-to-many on the contraction hierarchy. distancesM and durationsS are
 * measured along the same paths.
 */
export function matrix(net: RoadNetwork, points: LonLat[], opts: MatrixOptions = {}): MatrixResult {
  const o = resolve(opts);
  const maxPoints = opts.maxPoints ?? MATRIX_MAX_POINTS;
  if (!Array.isArray(points) || points.length === 0) throw new InputError('points must be a non-empty array of [lon, lat]', 'points');
  const targetPoints = opts.targets ?? points;
  const targetField = opts.targets ? 'targets' : 'points';
  if (!Array.isArray(targetPoints) || targetPoints.length === 0) throw new InputError('targets must be a non-empty array of [lon, lat]', 'targets');
  if (points.length > maxPoints) throw new InputError(`at most ${maxPoints} points, got ${points.length}`, 'points');
  if (targetPoints.length > maxPoints) throw new InputError(`at most ${maxPoints} targets, got ${targetPoints.length}`, targetField);
  const h = net.hierarchy(o.weight);
  const src = points.map((p, i) => snapPoint(net, p, `points/${i}`, o.maxSnapDistanceM));
  const dst = opts.targets ? targetPoints.map((p, i) => snapPoint(net, p, `targets/${i}`, o.maxSnapDistanceM)) : src;
  const m = manyToMany(
    h,
    src.map((s) => h.rank[s.node]),
    dst.map((s) => h.rank[s.node]),
  );
  const strip = (s: { node: number } & SnapResult): SnapResult => ({ nodeId: s.nodeId, location: s.location, distanceM: s.distanceM });
  return {
    rows: m.rows,
    cols: m.cols,
    distancesM: o.weight === 'distance' ? m.weight : m.secondary,
    durationsS: o.weight === 'time' ? m.weight : m.secondary,
    weight: o.weight,
    sources: src.map(strip),
    targets: dst.map(strip),
  };
}
