import type { Network } from '../../network/network.js';
import { legLine } from '../../network/paths.js';
import type { LaneFlow } from './decode.js';

/** GeoJSON of lane flows: one LineString per directed lane with flow (properties: laneId, from, to, mode, kgPerDay). */
export function flowsGeoJson(network: Network, flows: readonly LaneFlow[]) {
  const features = flows.flatMap((f) => {
    const a = network.place(f.from);
    const b = network.place(f.to);
    if (!a || !b) return [];
    const coordinates = legLine(a, b, f.mode, network.data.sea).map(([x, y]) => [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5]);
    return [
      {
        type: 'Feature' as const,
        geometry: { type: 'LineString' as const, coordinates },
        properties: { laneId: f.laneId, from: f.from, to: f.to, mode: f.mode, kgPerDay: Math.round(f.kgPerDay * 1000) / 1000, ...(f.capacityKgPerDay !== undefined ? { capacityKgPerDay: f.capacityKgPerDay } : {}) },
      },
    ];
  });
  return { type: 'FeatureCollection' as const, features };
}
