import dijkstra from 'graphology-shortest-path/dijkstra.js';
import { greatCircle } from '@turf/turf';
import type { LineString, Position } from 'geojson';
import { InputError } from '../shared/errors.js';
import type { Network } from './network.js';
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

/**
 * The cheapest, fastest or lowest-CO₂ path between two places for a
 * shipment of weightKg, optionally restricted to some modes, found with
 * graphology-shortest-path's bidirectional Dijkstra on the hub network.
 * An unreachable pair gives `found: false` with a reason, not an exception.
 */
export function findPath(network: Network, q: PathQuery): PathResult {
  const from = network.resolve(q.from, 'from');
  const to = network.resolve(q.to, 'to');
  if (from.id === to.id) throw new InputError(`to must differ from from (both are "${from.id}")`, 'to');
  const { objective, weightKg, modes } = resolvePathOptions(q);
  const graph = network.graph(modes);
  const weightOf = edgeWeight(objective, weightKg);
  const base = { objective, weightKg, modes, from: ref(from), to: ref(to) };

  const nodes = dijkstra.bidirectional(graph, from.id, to.id, (_key: string, attrs: EdgeAttributes) => weightOf(attrs));
  if (!nodes) {
    const reason = graph.degree(from.id) === 0
      ? `${from.name} has no lane by ${modes.join(', ')}`
      : graph.degree(to.id) === 0
        ? `${to.name} has no lane by ${modes.join(', ')}`
        : `no route from ${from.name} to ${to.name} by ${modes.join(', ')}`;
    return { found: false, reason, ...base, legs: [], totals: null, geometry: null };
  }

  const legs: PathLeg[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    // Among parallel lanes between two nodes, the path uses the best one for the objective.
    let best: EdgeAttributes | null = null;
    for (const e of graph.directedEdges(nodes[i], nodes[i + 1])) {
      const attrs = graph.getEdgeAttributes(e);
      if (!best || weightOf(attrs) < weightOf(best)) best = attrs;
    }
    const a = network.place(nodes[i])!;
    const b = network.place(nodes[i + 1])!;
    legs.push({
      from: a.id,
      to: b.id,
      fromName: a.name,
      toName: b.name,
      mode: best!.mode,
      distanceM: best!.distanceM,
      durationS: best!.durationS,
      costCny: best!.fixedCny + best!.perKgCny * weightKg,
      co2Kg: best!.co2KgPerKg * weightKg,
    });
  }
  const totals: PathTotals = {
    distanceM: sum(legs, (l) => l.distanceM),
    durationS: sum(legs, (l) => l.durationS),
    costCny: sum(legs, (l) => l.costCny),
    co2Kg: sum(legs, (l) => l.co2Kg),
    legs: legs.length,
  };
  const geometry = pathGeometry(nodes.map((id) => network.place(id)!));
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

/** The path's geometry: great-circle arcs from place to place, joined into one LineString. */
export function pathGeometry(places: Place[]): LineString {
  const coords: Position[] = [];
  for (let i = 0; i + 1 < places.length; i++) {
    const seg = arc(places[i], places[i + 1]);
    coords.push(...(i === 0 ? seg : seg.slice(1)));
  }
  return { type: 'LineString', coordinates: coords.map(([x, y]) => [round5(x), round5(y)]) };
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
