import { MultiDirectedGraph } from 'graphology';
import { distance as turfDistance } from '@turf/turf';
import { kmToM, hToS, kmhToMps, KG_PER_TONNE } from '../shared/units.js';
import { seaRoute, type SeaGraph } from './sea.js';
import type { EdgeAttributes, Lane, Mode, ModeParams, NetworkData, NodeAttributes, Place } from './types.js';

export type NetworkGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/** Great-circle distance in metres between two [lon, lat] points (turf, haversine on a 6,371 km sphere). */
export function greatCircleM(a: [number, number], b: [number, number]): number {
  return kmToM(turfDistance(a, b, { units: 'kilometers' }));
}

export function placesOf(data: NetworkData): Place[] {
  const cities: Place[] = data.cities.map((c) => ({
    id: c.id,
    kind: 'city',
    name: c.name,
    nameZh: c.nameZh,
    lon: c.lon,
    lat: c.lat,
    country: 'CN',
    province: c.province,
    population: c.population,
  }));
  const hubs: Place[] = data.hubs.map((h) => ({
    id: h.id,
    kind: 'hub',
    name: h.name,
    nameZh: h.nameZh,
    lon: h.lon,
    lat: h.lat,
    country: h.country,
    hubKind: h.kind,
    modes: h.modes,
    capacityTonnesPerDay: h.capacityTonnesPerDay,
  }));
  return [...cities, ...hubs];
}

/**
 * Network distance of a lane: for a sea lane with a maritime graph, the
 * length of the sea route (src/network/sea.ts, no detour factor); otherwise
 * the great-circle distance times the mode's detour factor.
 */
export function laneDistanceM(mode: Mode, a: Place, b: Place, p: ModeParams, sea?: SeaGraph): number {
  if (mode === 'sea' && sea) {
    const r = seaRoute(sea, [a.lon, a.lat], [b.lon, b.lat]);
    if (r) return r.distanceM;
  }
  return greatCircleM([a.lon, a.lat], [b.lon, b.lat]) * p.detourFactor;
}

/**
 * Whether a shipment is handled where a lane arrives: at a hub (sorting), and
 * at any rail, air or sea terminal. A truck arriving in a city by road is
 * handled by no one — it drives through, or the city is the destination,
 * where the last mile (priced by the quote tariff) takes over.
 */
export function handledOnArrival(mode: Mode, b: Place): boolean {
  return b.kind === 'hub' || mode !== 'road';
}

/**
 * Attributes of one directed edge for a lane by a mode. Distance is
 * laneDistanceM (sea route for sea lanes, else great circle × detour factor); the duration is the
 * line-haul time at the mode's average speed plus the handling time on
 * arrival (see handledOnArrival); the cost of a shipment of w kg is
 * fixedCny + perKgCny × w, perKgCny including the handling cost on arrival.
 */
export function edgeAttributes(lane: Lane, a: Place, b: Place, p: ModeParams, sea?: SeaGraph): EdgeAttributes {
  const distanceM = laneDistanceM(lane.mode, a, b, p, sea);
  const km = distanceM / 1000;
  const handled = handledOnArrival(lane.mode, b);
  return {
    laneId: laneId(lane),
    mode: lane.mode,
    distanceM,
    durationS: distanceM / kmhToMps(p.speedKmh) + (handled ? hToS(p.handlingH) : 0),
    fixedCny: p.fixedCostCnyPerShipment,
    perKgCny: (p.costCnyPerTonneKm * km) / KG_PER_TONNE + (handled ? p.handlingCostCnyPerKg : 0),
    handlingCnyPerKg: handled ? p.handlingCostCnyPerKg : 0,
    co2KgPerKg: (p.co2KgPerTonneKm * km) / KG_PER_TONNE,
  };
}

export function laneId(lane: Lane): string {
  return `${lane.from}~${lane.to}~${lane.mode}`;
}

/**
 * Builds the graphology graph: one node per city and hub, and two directed
 * edges (one each way) per lane and mode. Only lanes whose modes are in
 * `modes` are added, so a path search restricted to some modes runs on a
 * graph that has no other edges.
 */
export function buildGraph(data: NetworkData, places: Place[], modes: readonly Mode[]): NetworkGraph {
  const graph: NetworkGraph = new MultiDirectedGraph();
  const byId = new Map(places.map((p) => [p.id, p]));
  for (const p of places) graph.addNode(p.id, { place: p });
  const allowed = new Set(modes);
  for (const lane of data.lanes) {
    if (!allowed.has(lane.mode)) continue;
    const a = byId.get(lane.from)!;
    const b = byId.get(lane.to)!;
    const params = data.modes[lane.mode];
    graph.addDirectedEdgeWithKey(`${laneId(lane)}>`, a.id, b.id, edgeAttributes(lane, a, b, params, data.sea));
    graph.addDirectedEdgeWithKey(`${laneId(lane)}<`, b.id, a.id, edgeAttributes(lane, b, a, params, data.sea));
  }
  return graph;
}
