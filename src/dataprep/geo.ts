/** Small geometry helpers over turf: great-circle distance and point-in-province with a tolerance. */
import * as turf from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Great-circle distance in km between two [lon, lat] positions (turf, mean Earth radius). */
export function distanceKm(a: Position, b: Position): number {
  return turf.distance(turf.point(a), turf.point(b), { units: 'kilometers' });
}

/** Distance in km from a point to a polygon: 0 inside, else the distance to the nearest ring. */
export function distanceToPolygonKm(p: Position, g: Polygon | MultiPolygon): number {
  const pt = turf.point(p);
  if (turf.booleanPointInPolygon(pt, g)) return 0;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best = Infinity;
  for (const poly of polys) {
    for (const ring of poly) {
      const d = turf.pointToLineDistance(pt, turf.lineString(ring), { units: 'kilometers' });
      if (d < best) best = d;
    }
  }
  return best;
}
