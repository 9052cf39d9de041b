import { matrix as roadMatrix, type RoadNetwork } from '../roads/index.js';
import { InputError } from '../shared/errors.js';
import type { LonLat, MatrixSource } from './types.js';

/** Mean Earth radius (m), IUGG. */
const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle (haversine) distance in metres between two [lon, lat] points. */
export function greatCircleM(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Travel matrices (row-major, n × n) and where they came from. */
export interface Travel {
  distanceM: Float64Array;
  durationS: Float64Array;
  source: MatrixSource;
  /** The road graph used, for street geometry. */
  road: RoadNetwork | null;
}

/** Great-circle distance × detour factor, at a constant speed. */
export function greatCircleTravel(points: LonLat[], detourFactor: number, speedKmh: number): Travel {
  const n = points.length;
  const distanceM = new Float64Array(n * n);
  const durationS = new Float64Array(n * n);
  const mps = (speedKmh * 1000) / 3600;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const d = greatCircleM(points[i], points[j]) * detourFactor;
      distanceM[i * n + j] = d;
      durationS[i * n + j] = d / mps;
    }
  }
  return { distanceM, durationS, source: 'great-circle', road: null };
}

/** The first road graph whose extent holds every point, or null. */
export function roadGraphFor(graphs: readonly RoadNetwork[], points: LonLat[]): RoadNetwork | null {
  for (const g of graphs) {
    if (g.graph.projected) continue;
    const [minX, minY, maxX, maxY] = g.info.extent;
    if (points.every(([x, y]) => x >= minX && x <= maxX && y >= minY && y <= maxY)) return g;
  }
  return null;
}

/** Fastest paths on a road graph (distance and time of the fastest path). `names` label points in errors. */
export function roadTravel(net: RoadNetwork, points: LonLat[], names: string[]): Travel {
  let m;
  try {
    m = roadMatrix(net, points, { weight: 'time', maxPoints: Math.max(1000, points.length) });
  } catch (e) {
    const k = e instanceof InputError ? /^points\/(\d+)/.exec(e.field ?? '') : null;
    if (!k) throw e;
    const name = names[Number(k[1])];
    throw new InputError(`${name}: ${e instanceof Error ? e.message.replace(/^points\/\d+\s*/, '') : ''}`, name);
  }
  const n = points.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(m.durationsS[i * n + j]) || !Number.isFinite(m.distancesM[i * n + j])) {
        throw new InputError(`${names[j]}: cannot be reached on the roads of ${net.info.name} from ${names[i]}`, names[j]);
      }
    }
  }
  return { distanceM: Float64Array.from(m.distancesM), durationS: Float64Array.from(m.durationsS), source: `road:${net.info.name}`, road: net };
}
