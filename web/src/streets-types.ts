// Types of the road API (GET /api/roads, POST /api/roads/route) as the Streets view reads them. The parts the
// route passes through unchanged are src/roads' own types (type-only imports, erased from the bundle).
import type { RoadGraphInfo } from '../../src/roads/network.js';
import type { RouteResult } from '../../src/roads/route.js';
import type { LonLat } from '../../src/roads/types.js';
import type { StreetWeight } from './url-state.js';

export type { LonLat } from '../../src/roads/types.js';
export type { RoadGraphInfo } from '../../src/roads/network.js';
/** Where a requested point was snapped to: the nearest road node. */
export type { SnapResult as RoadSnap } from '../../src/roads/route.js';

/** `GET /api/roads`. */
export interface RoadsResponse {
  graphs: RoadGraphInfo[];
  matrixMaxPoints: number;
}

/** The body of `POST /api/roads/route`. */
export interface RoadRouteRequest {
  from: LonLat;
  to: LonLat;
  weight?: StreetWeight;
  graph?: string;
}

/** `POST /api/roads/route`: src's RouteResult with the graph's name and attribution, or `found: false` with the reason. */
export type RoadRouteResult =
  | ({ found: true; graph: string; attribution: string } & RouteResult)
  | { found: false; reason: string; graph: string; attribution: string };
