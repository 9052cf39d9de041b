import { readFileSync } from 'node:fs';
import { distance as turfDistance, greatCircle } from '@turf/turf';
import { DataError } from '../shared/errors.js';
import { kmToM } from '../shared/units.js';
import type { LonLat } from './types.js';

/** A point of the maritime graph: a strait, cape or sea area (data/sea-waypoints.json). */
export interface Waypoint {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

/** One sea edge seen from one end: the neighbour's index and the great-circle length. */
interface SeaLeg {
  to: number;
  distanceM: number;
}

/**
 * The maritime graph, validated once and read-only: waypoints and, per
 * waypoint index, its sea edges (undirected, so each edge is listed at both ends).
 */
export interface SeaGraph {
  readonly file: string;
  readonly waypoints: readonly Waypoint[];
  readonly legs: readonly (readonly SeaLeg[])[];
  readonly indexOf: ReadonlyMap<string, number>;
}

/** A sea route: the drawn line and the sailed distance. */
export interface SeaRoute {
  /** From a to b: the approach leg, the waypoint chain, the approach leg, each leg as a great-circle arc. */
  coordinates: LonLat[];
  /** Sum of the great-circle lengths of all legs (approach legs included), no detour factor. */
  distanceM: number;
  /** Waypoints passed, in order. */
  waypointIds: string[];
}

/**
 * Options of seaRoute. `maxApproachM`: an endpoint farther than this from
 * every waypoint has no sea access (the route is null). `pointSpacingM`:
 * about one drawn point per this many metres along each great-circle leg.
 */
export const SEA_ROUTE_DEFAULTS = { maxApproachM: 150_000, pointSpacingM: 50_000 };
export type SeaRouteOptions = Partial<typeof SEA_ROUTE_DEFAULTS>;

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;

/** Great-circle distance in metres (turf, haversine on a 6,371 km sphere), as for every other lane. */
function gcM(a: LonLat, b: LonLat): number {
  return kmToM(turfDistance(a, b, { units: 'kilometers' }));
}

/**
 * Loads and validates a maritime graph file (format in data/README.md,
 * example data/sea-waypoints.json). Every problem is a DataError naming the
 * file and the field as a JSON pointer (`/waypoints/3/lon`, `/edges/7/1`).
 */
export function loadSeaGraph(file: string): SeaGraph {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DataError(file, undefined, undefined, `cannot be read (${(e as Error).message})`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new DataError(file, undefined, undefined, `is not valid JSON (${(e as Error).message})`);
  }
  return parseSeaGraph(doc, file);
}

/** Validates an already parsed maritime graph document; `file` is only used in error messages. */
export function parseSeaGraph(doc: unknown, file: string): SeaGraph {
  const fail = (field: string, msg: string): never => {
    throw new DataError(file, undefined, field, msg);
  };
  if (!isObject(doc)) return fail('/', 'must be a JSON object with waypoints and edges');
  if (!Array.isArray(doc.waypoints) || doc.waypoints.length === 0) return fail('/waypoints', 'must be a non-empty array');
  if (!Array.isArray(doc.edges)) return fail('/edges', 'must be an array');

  const waypoints: Waypoint[] = [];
  const indexOf = new Map<string, number>();
  doc.waypoints.forEach((w: unknown, i: number) => {
    const at = `/waypoints/${i}`;
    if (!isObject(w)) return fail(at, 'must be an object { id, name, lon, lat }');
    if (typeof w.id !== 'string' || !ID_RE.test(w.id)) fail(`${at}/id`, `${JSON.stringify(w.id)} is not an id (lowercase letters, digits and hyphens)`);
    const id = w.id as string;
    if (indexOf.has(id)) fail(`${at}/id`, `duplicate id "${id}" (first at /waypoints/${indexOf.get(id)})`);
    if (typeof w.name !== 'string' || w.name.trim() === '') fail(`${at}/name`, 'must be a non-empty string');
    const lon = coordinate(w.lon, -180, 180, `${at}/lon`, fail);
    const lat = coordinate(w.lat, -90, 90, `${at}/lat`, fail);
    indexOf.set(id, i);
    waypoints.push({ id, name: w.name as string, lon, lat });
  });

  const legs: SeaLeg[][] = waypoints.map(() => []);
  const seen = new Set<string>();
  doc.edges.forEach((e: unknown, i: number) => {
    const at = `/edges/${i}`;
    if (!Array.isArray(e) || e.length !== 2) return fail(at, 'must be a pair of waypoint ids [idA, idB]');
    const ends = e.map((id: unknown, k: number) => {
      const j = typeof id === 'string' ? indexOf.get(id) : undefined;
      if (j === undefined) fail(`${at}/${k}`, `unknown waypoint ${JSON.stringify(id)}`);
      return j as number;
    });
    const [a, b] = ends;
    if (a === b) fail(`${at}/1`, `edge from "${waypoints[a].id}" to itself`);
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (seen.has(key)) fail(at, `edge ${waypoints[a].id}–${waypoints[b].id} is listed twice`);
    seen.add(key);
    const distanceM = gcM(lonLat(waypoints[a]), lonLat(waypoints[b]));
    legs[a].push({ to: b, distanceM });
    legs[b].push({ to: a, distanceM });
  });

  // Every waypoint must be reachable from the first: a split sea graph is a data error, not "no route".
  const reached = dijkstra(legs, 0).distM;
  const lost = reached.findIndex((d) => d === Infinity);
  if (lost >= 0) fail(`/waypoints/${lost}/id`, `waypoint "${waypoints[lost].id}" is not connected to "${waypoints[0].id}" by edges`);

  return { file, waypoints, legs, indexOf };
}

/**
 * The shortest sea route from a to b ([lon, lat] each): each endpoint is
 * joined to its nearest waypoint by a straight approach leg, and the waypoints
 * are joined by the shortest chain of sea edges (Dijkstra over great-circle
 * lengths). The distance is the sum of the great-circle legs, with no detour
 * factor. Null when an endpoint is farther than `maxApproachM` from every
 * waypoint. Identical endpoints give a one-point route of 0 m.
 */
export function seaRoute(sea: SeaGraph, a: LonLat, b: LonLat, options: SeaRouteOptions = {}): SeaRoute | null {
  const { maxApproachM, pointSpacingM } = { ...SEA_ROUTE_DEFAULTS, ...options };
  if (a[0] === b[0] && a[1] === b[1]) return { coordinates: [[a[0], a[1]]], distanceM: 0, waypointIds: [] };
  const from = nearestWaypoint(sea, a);
  const to = nearestWaypoint(sea, b);
  if (from.distanceM > maxApproachM || to.distanceM > maxApproachM) return null;

  const { prev } = dijkstra(sea.legs, from.index);
  const chain: number[] = [];
  for (let i = to.index; i !== -1; i = prev[i]) chain.push(i);
  chain.reverse(); // the graph is connected (checked on load), so the chain starts at from.index

  const points: LonLat[] = [a, ...chain.map((i) => lonLat(sea.waypoints[i])), b];
  const coordinates: LonLat[] = [[a[0], a[1]]];
  let distanceM = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const legM = gcM(points[i], points[i + 1]);
    distanceM += legM;
    coordinates.push(...arcPoints(points[i], points[i + 1], legM, pointSpacingM).slice(1));
  }
  return { coordinates, distanceM, waypointIds: chain.map((i) => sea.waypoints[i].id) };
}

/** The waypoint nearest to a point (great circle), with its distance. */
export function nearestWaypoint(sea: SeaGraph, p: LonLat): { index: number; id: string; distanceM: number } {
  let best = 0;
  let bestM = Infinity;
  sea.waypoints.forEach((w, i) => {
    const d = gcM(p, lonLat(w));
    if (d < bestM) {
      bestM = d;
      best = i;
    }
  });
  return { index: best, id: sea.waypoints[best].id, distanceM: bestM };
}

/** Plain O(n²) Dijkstra from one waypoint: distances and predecessors (-1 for none). The graph is tiny. */
function dijkstra(legs: readonly (readonly SeaLeg[])[], source: number): { distM: number[]; prev: number[] } {
  const n = legs.length;
  const distM = new Array<number>(n).fill(Infinity);
  const prev = new Array<number>(n).fill(-1);
  const done = new Array<boolean>(n).fill(false);
  distM[source] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && distM[i] < Infinity && (u === -1 || distM[i] < distM[u])) u = i;
    if (u === -1) break;
    done[u] = true;
    for (const { to, distanceM } of legs[u]) {
      if (distM[u] + distanceM < distM[to]) {
        distM[to] = distM[u] + distanceM;
        prev[to] = u;
      }
    }
  }
  return { distM, prev };
}

/** A great-circle arc from p to q with about one point per spacingM, ending exactly at p and q. */
function arcPoints(p: LonLat, q: LonLat, legM: number, spacingM: number): LonLat[] {
  const npoints = Math.min(256, Math.ceil(legM / spacingM) + 1);
  if (npoints <= 2 || legM < 1) return [p, q];
  const g = greatCircle(p, q, { npoints }).geometry;
  // turf splits an arc that crosses the antimeridian into a MultiLineString.
  const coords = g.type === 'LineString' ? g.coordinates : g.coordinates.flat();
  const inner = coords.slice(1, -1).map(([x, y]) => [x, y] as LonLat);
  return [p, ...inner, q];
}

function lonLat(w: Waypoint): LonLat {
  return [w.lon, w.lat];
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function coordinate(x: unknown, min: number, max: number, field: string, fail: (field: string, msg: string) => never): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) return fail(field, `${JSON.stringify(x)} is not a number`);
  if (x < min || x > max) return fail(field, `${x} is outside [${min}, ${max}]`);
  return x;
}
