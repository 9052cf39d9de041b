// Types of the road API (GET /api/roads, POST /api/roads/route) as the Streets view reads them.
import type { LineString } from 'geojson';
import type { StreetWeight } from './url-state.js';

/** A `[lon, lat]` position. */
export type LonLat = [number, number];

/** One road graph loaded by the server. */
export interface RoadGraphInfo {
  name: string;
  source?: string;
  /** e.g. "ODbL-1.0". */
  licence?: string;
  /** e.g. "© OpenStreetMap contributors". */
  attribution?: string;
  /** [minLon, minLat, maxLon, maxLat]. */
  extent: [number, number, number, number];
  nodeCount?: number;
  arcCount?: number;
}

/** `GET /api/roads`. */
export interface RoadsResponse {
  graphs: RoadGraphInfo[];
  matrixMaxPoints?: number;
}

/** The body of `POST /api/roads/route`. */
export interface RoadRouteRequest {
  from: LonLat;
  to: LonLat;
  weight?: StreetWeight;
  graph?: string;
}

/** Where a requested point was snapped to: the nearest road node. */
export interface RoadSnap {
  nodeId: number;
  location: LonLat;
  /** From the requested point to `location`. */
  distanceM: number;
}

/** `POST /api/roads/route`: a route, or `found: false` with the reason. */
export type RoadRouteResult =
  | {
      found: true;
      graph: string;
      attribution?: string;
      distanceM: number;
      durationS: number;
      weight: StreetWeight;
      geometry: LineString;
      from: RoadSnap;
      to: RoadSnap;
    }
  | { found: false; reason: string; graph: string; attribution?: string };
