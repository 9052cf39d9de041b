// The places and lanes the Flows view needs from GET /api/network: where hubs and cities are, lane
// capacities, and the cities from the most populous down (for "the n largest cities").
import { fetchNetwork } from './api.js';
import type { MapPlace } from './network-layers.js';
import type { LaneProps, PlaceProps } from './types.js';

/** What the view knows about the network. */
export interface FlowsNetwork {
  places: Map<string, MapPlace>;
  /** Lane id → capacity per direction, kg/day (lanes with a stated capacity only). */
  laneCaps: Map<string, number>;
  /** City ids, most populous first (ties by id). */
  citiesByPop: string[];
}

/** Loads the network once per call. */
export async function loadFlowsNetwork(): Promise<FlowsNetwork> {
  const net = await fetchNetwork();
  const places = new Map<string, MapPlace>();
  const laneCaps = new Map<string, number>();
  for (const f of net.features) {
    if (f.geometry.type === 'Point') {
      const [lon, lat] = f.geometry.coordinates;
      places.set((f.properties as PlaceProps).id, { ...(f.properties as PlaceProps), lon, lat });
    } else if ((f.properties as LaneProps).kind === 'lane') {
      const p = f.properties as LaneProps & { capacityTonnesPerDay?: number };
      if (p.capacityTonnesPerDay !== undefined) laneCaps.set(p.id, p.capacityTonnesPerDay * 1000);
    }
  }
  const citiesByPop = [...places.values()]
    .filter((p) => p.kind === 'city')
    .sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || a.id.localeCompare(b.id))
    .map((p) => p.id);
  return { places, laneCaps, citiesByPop };
}
