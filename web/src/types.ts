// Types of the hubflow API responses the map UI reads (see notes/api-contract.md).
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';

/** A transport mode of a lane. */
export type Mode = 'road' | 'rail' | 'air' | 'sea';

/** What a path minimises. */
export type Objective = 'cost' | 'time' | 'co2';

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

/** One leg of a path. */
export interface Leg {
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

/** Totals over the legs of a path. */
export interface PathTotals {
  distanceM: number;
  durationS: number;
  costCny: number;
  co2Kg: number;
  legs: number;
}

/** A named end of a path. */
export interface PathEnd {
  id: string;
  name: string;
  nameZh: string;
}

/** The 200 response of `POST /api/paths`, found or not. */
export type PathResult =
  | {
      found: true;
      objective: Objective;
      weightKg: number;
      modes: Mode[];
      from: PathEnd;
      to: PathEnd;
      legs: Leg[];
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
