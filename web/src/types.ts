// Types of the hubflow API responses the map UI reads (see notes/api-contract.md).
// Modes, objectives and the legs and totals of a path are src/network's own types (type-only imports,
// erased from the bundle).
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { Mode } from '../../src/network/types.js';
import type { Objective, PathLeg, PathResult as SrcPathResult, PathTotals } from '../../src/network/paths.js';

/** A transport mode of a lane. */
export type { Mode } from '../../src/network/types.js';
/** What a path minimises. */
export type { Objective, PathTotals } from '../../src/network/paths.js';
/** One leg of a path. */
export type { PathLeg as Leg } from '../../src/network/paths.js';

/** Properties of a city or hub Point in `GET /api/network`. */
export interface PlaceProps {
  id: string;
  kind: 'city' | 'hub';
  name: string;
  nameZh: string;
  province?: string;
  population?: number;
  hubKind?: 'sort' | 'ehub';
  country: string;
  modes?: Mode[];
  capacityTonnesPerDay?: number;
}

/** Properties of a lane LineString in `GET /api/network`. */
export interface LaneProps {
  id: string;
  kind: 'lane';
  mode: Mode;
  from: string;
  to: string;
  distanceM: number;
  durationS: number;
}

/** `GET /api/network`: Points for places, LineStrings for lanes. */
export type NetworkCollection = FeatureCollection<Point | LineString, PlaceProps | LaneProps>;

/** A place feature of the network. */
export type PlaceFeature = Feature<Point, PlaceProps>;

/** A lane feature of the network. */
export type LaneFeature = Feature<LineString, LaneProps>;

/** One entry of `GET /api/places`. */
export interface Place {
  id: string;
  kind: 'city' | 'hub';
  name: string;
  nameZh: string;
  province?: string;
  country: string;
  lon: number;
  lat: number;
  population?: number;
}

/** `GET /api/basemap/provinces`. */
export type ProvinceCollection = FeatureCollection<Polygon | MultiPolygon, { name: string; nameZh?: string }>;

/** The body of `POST /api/paths`. */
export interface PathRequest {
  from: string;
  to: string;
  objective: Objective;
  weightKg: number;
  modes: Mode[];
}

/** A named end of a path. */
export type PathEnd = SrcPathResult['from'];

/** The 200 response of `POST /api/paths`, found or not. */
export type PathResult =
  | {
      found: true;
      objective: Objective;
      weightKg: number;
      modes: Mode[];
      from: PathEnd;
      to: PathEnd;
      legs: PathLeg[];
      totals: PathTotals;
      geometry: LineString;
    }
  | {
      found: false;
      reason: string;
      objective: Objective;
      weightKg: number;
      modes: Mode[];
      from: PathEnd;
      to: PathEnd;
      legs: [];
      totals: null;
      geometry: null;
    };

/** An RFC 9457 problem document. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  field?: string;
}

/** Compile-time check that both variants stay within src's PathResult (no runtime code). */
type Assignable<T extends U, U> = T;
export type PathResultIsSrcPathResult = Assignable<PathResult, SrcPathResult>;
