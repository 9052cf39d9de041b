import dijkstra from 'graphology-shortest-path/dijkstra.js';
import { greatCircle } from '@turf/turf';
import type { LineString, Position } from 'geojson';
import { InputError } from '../shared/errors.js';
import type { Network } from './network.js';
import type { NetworkGraph } from './graph.js';
import { seaRoute, type SeaGraph } from './sea.js';
import { MODES, type EdgeAttributes, type Mode, type Place } from './types.js';

export const OBJECTIVES = ['cost', 'time', 'co2'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export interface PathQuery {
  from: string;
  to: string;
  objective?: Objective;
  weightKg?: number;
  modes?: readonly Mode[];
}

export interface PathLeg {
  from: string;
  to: string;
  fromName: string;
  toName: string;
  mode: Mode;
  distanceM: number;
  durationS: number;
  costCny: number;
  co2Kg: number;
}

export interface PathTotals {
  distanceM: number;
  durationS: number;
  costCny: number;
  co2Kg: number;
  legs: number;
}

interface PlaceRef {
  id: string;
  name: string;
  nameZh: string;
}

export interface PathResult {
  found: boolean;
  /** Why no path was found (only when found is false). */
  reason?: string;
  objective: Objective;
  weightKg: number;
  modes: Mode[];
  from: PlaceRef;
  to: PlaceRef;
  legs: PathLeg[];
  totals: PathTotals | null;
  geometry: LineString | null;
}

export const PATH_DEFAULTS = { objective: 'cost' as Objective, weightKg: 1, modes: MODES as readonly Mode[] };

/** Cost of a shipment of weightKg over an edge, in the objective's unit. */
export function edgeWeight(objective: Objective, weightKg: number): (e: EdgeAttributes) => number {
  switch (objective) {
    case 'cost':
      return (e) => e.fixedCny + e.perKgCny * weightKg;
    case 'time':
      return (e) => e.durationS;
    case 'co2':
      return (e) => e.co2KgPerKg * weightKg;
  }
}

function ref(p: Place): PlaceRef {
  return { id: p.id, name: p.name, nameZh: p.nameZh };
}

/** Validates and fills in a path query's options (the API schema already checks types; the CLI does not). */
export function resolvePathOptions(q: PathQuery): { objective: Objective; weightKg: number; modes: Mode[] } {
  const objective = q.objective ?? PATH_DEFAULTS.objective;
  if (!OBJECTIVES.includes(objective)) throw new InputError(`objective must be one of ${OBJECTIVES.join(', ')}, got "${objective}"`, 'objective');
  const weightKg = q.weightKg ?? PATH_DEFAULTS.weightKg;
  if (!Number.isFinite(weightKg) || weightKg <= 0) throw new InputError(`weightKg must be a positive number, got ${weightKg}`, 'weightKg');
  const modes = [...(q.modes ?? PATH_DEFAULTS.modes)];
  if (modes.length === 0) throw new InputError('modes must list at least one mode', 'modes');
  for (const m of modes) if (!MODES.includes(m)) throw new InputError(`modes: "${m}" is not one of ${MODES.join(', ')}`, 'modes');
  return { objective, weightKg, modes: MODES.filter((m) => modes.includes(m)) };
}

/** A path as found by the search: its nodes and, per hop, the lane attributes used. */
export interface RawPath {
  nodes: string[];
  edges: EdgeAttributes[];
}

/**
 * The best path between two nodes for an objective and weight, on the graph
 * restricted to `modes`, with graphology-shortest-path's bidirectional
 * Dijkstra; null when there is none. Among parallel lanes between two nodes
 * the best one for the objective is used.
 */
export function shortestPath(network: Network, fromId: string, toId: string, objective: Objective, weightKg: number, modes: readonly Mode[]): RawPath | null {
  const graph = network.graph(modes);
  const weightOf = edgeWeight(objective, weightKg);
  const nodes = dijkstra.bidirectional(graph, fromId, toId, (_key: string, attrs: EdgeAttributes) => weightOf(attrs));
  return nodes ? { nodes, edges: edgesAlong(graph, nodes, weightOf) } : null;
}

/**
 * Best paths from one node to every node it reaches (graphology-shortest-path's
 * single-source Dijkstra), keyed by target id; the source itself is left out.
 */
export function shortestPathsFrom(network: Network, fromId: string, objective: Objective, weightKg: number, modes: readonly Mode[]): Map<string, RawPath> {
  const graph = network.graph(modes);
  const weightOf = edgeWeight(objective, weightKg);
  const paths = dijkstra.singleSource(graph, fromId, (_key: string, attrs: EdgeAttributes) => weightOf(attrs));
  const out = new Map<string, RawPath>();
  for (const [target, nodes] of Object.entries(paths)) {
    if (target !== fromId) out.set(target, { nodes, edges: edgesAlong(graph, nodes, weightOf) });
  }
  return out;
}

/** For each hop of a node path, the parallel lane that is best for the objective. */
function edgesAlong(graph: NetworkGraph, nodes: string[], weightOf: (e: EdgeAttributes) => number): EdgeAttributes[] {
  const edges: EdgeAttributes[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    let best: EdgeAttributes | null = null;
    for (const e of graph.outEdges(nodes[i], nodes[i + 1])) {
      const attrs = graph.getEdgeAttributes(e);
      if (!best || weightOf(attrs) < weightOf(best)) best = attrs;
    }
    edges.push(best!);
  }
  return edges;
}

/** Why two places are not connected by the given modes, in words. */
export function noPathReason(network: Network, from: Place, to: Place, modes: readonly Mode[]): string {
  const graph = network.graph(modes);
  const by = modes.join(', ');
  if (graph.degree(from.id) === 0) return `${from.name} has no lane by ${by}`;
  if (graph.degree(to.id) === 0) return `${to.name} has no lane by ${by}`;
  return `no route from ${from.name} to ${to.name} by ${by}`;
}

/** Legs and totals of a path for a shipment of weightKg. */
export function describePath(network: Network, raw: RawPath, weightKg: number): { legs: PathLeg[]; totals: PathTotals } {
  const legs: PathLeg[] = raw.edges.map((e, i) => {
    const a = network.place(raw.nodes[i])!;
    const b = network.place(raw.nodes[i + 1])!;
    return {
      from: a.id,
      to: b.id,
      fromName: a.name,
      toName: b.name,
      mode: e.mode,
      distanceM: e.distanceM,
      durationS: e.durationS,
      costCny: e.fixedCny + e.perKgCny * weightKg,
      co2Kg: e.co2KgPerKg * weightKg,
    };
  });
  const totals: PathTotals = {
    distanceM: sum(legs, (l) => l.distanceM),
    durationS: sum(legs, (l) => l.durationS),
    costCny: sum(legs, (l) => l.costCny),
    co2Kg: sum(legs, (l) => l.co2Kg),
    legs: legs.length,
  };
  return { legs, totals };
}

/**
 * The cheapest, fastest or lowest-CO₂ path between two places for a
 * shipment of weightKg, optionally restricted to some modes.
 * An unreachable pair gives `found: false` with a reason, not an exception.
 */
export function findPath(network: Network, q: PathQuery): PathResult {
  const from = network.resolve(q.from, 'from');
  const to = network.resolve(q.to, 'to');
  if (from.id === to.id) throw new InputError(`to must differ from from (both are "${from.id}")`, 'to');
  const { objective, weightKg, modes } = resolvePathOptions(q);
  const base = { objective, weightKg, modes, from: ref(from), to: ref(to) };
  const raw = shortestPath(network, from.id, to.id, objective, weightKg, modes);
  if (!raw) return { found: false, reason: noPathReason(network, from, to, modes), ...base, legs: [], totals: null, geometry: null };
  const { legs, totals } = describePath(network, raw, weightKg);
  const geometry = pathGeometry(raw.nodes.map((id) => network.place(id)!), raw.edges.map((e) => e.mode), network.data.sea);
  return { found: true, ...base, legs, totals, geometry };
}

function sum<T>(xs: T[], f: (x: T) => number): number {
  return xs.reduce((s, x) => s + f(x), 0);
}

/**
 * A great-circle arc between two places as [lon, lat] positions, with about
 * one point per 50 km (at least two).
 */
export function arc(a: Place, b: Place): Position[] {
  const start = [a.lon, a.lat];
  const end = [b.lon, b.lat];
  const km = Math.hypot(a.lon - b.lon, a.lat - b.lat) * 111;
  const npoints = Math.max(2, Math.min(64, Math.ceil(km / 50)));
  if (npoints <= 2) return [start, end];
  const f = greatCircle(start, end, { npoints });
  const g = f.geometry;
  // turf splits an arc that crosses the antimeridian into a MultiLineString.
  return g.type === 'LineString' ? g.coordinates : g.coordinates.flat();
}

/** The drawn line of one leg: the sea route for a sea leg when a maritime graph is given, else the great-circle arc. */
export function legLine(a: Place, b: Place, mode?: Mode, sea?: SeaGraph): Position[] {
  if (mode === 'sea' && sea) {
    const r = seaRoute(sea, [a.lon, a.lat], [b.lon, b.lat]);
    if (r) return r.coordinates;
  }
  return arc(a, b);
}

/**
 * The path's geometry, joined into one LineString: per leg the sea route
 * (sea legs, when `sea` is given; `modes[i]` is leg i's mode) or the great-circle arc.
 */
export function pathGeometry(places: Place[], modes: readonly (Mode | undefined)[] = [], sea?: SeaGraph): LineString {
  const coords: Position[] = [];
  for (let i = 0; i + 1 < places.length; i++) {
    const seg = legLine(places[i], places[i + 1], modes[i], sea);
    coords.push(...(i === 0 ? seg : seg.slice(1)));
  }
  return { type: 'LineString', coordinates: coords.map(([x, y]) => [round5(x), round5(y)]) };
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
