import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { edgeAttributes, laneId } from './graph.js';
import type { Network } from './network.js';
import { legLine } from './paths.js';

/**
 * The network as one GeoJSON FeatureCollection: a Point per city and hub and a
 * LineString per lane and mode (the sea route for sea lanes, else a great-circle arc).
 */
export function networkGeoJson(network: Network): FeatureCollection<Point | LineString> {
  const points: Feature<Point>[] = network.places.map((p) => ({
    type: 'Feature',
    id: p.id,
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: { ...p },
  }));
  const lanes: Feature<LineString>[] = network.data.lanes.map((lane) => {
    const a = network.place(lane.from)!;
    const b = network.place(lane.to)!;
    const e = edgeAttributes(lane, a, b, network.data.modes[lane.mode], network.data.sea);
    return {
      type: 'Feature',
      id: laneId(lane),
      geometry: { type: 'LineString', coordinates: legLine(a, b, lane.mode, network.data.sea).map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]) },
      properties: { id: laneId(lane), kind: 'lane', mode: lane.mode, from: lane.from, to: lane.to, distanceM: Math.round(e.distanceM), durationS: Math.round(e.durationS) },
    };
  });
  return { type: 'FeatureCollection', features: [...points, ...lanes] };
}
