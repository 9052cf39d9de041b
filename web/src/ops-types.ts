// Types of the VRP API as the Operations view reads them. The answers are src/vrp-service's own types
// (type-only imports, erased from the bundle); the request types are the narrower profile the view builds
// (one kg dimension, stops with coordinates), each assignable to src's VrpRequest.
import type { VrpSample } from '../../src/vrp-service/samples.js';
import type { LonLat, VrpResult } from '../../src/vrp-service/types.js';

export type { LonLat } from '../../src/vrp-service/types.js';
/** One route of a plan to evaluate. */
export type { VrpPlanRoute as PlanRoute } from '../../src/vrp-service/types.js';
/** One step of a route. */
export type { VrpStep as OpsStep } from '../../src/vrp-service/types.js';
/** Cost by component. */
export type { CostBreakdown as OpsCost } from '../../src/vrp-service/types.js';
/** One route of the answer. */
export type { VrpRoute as OpsRoute } from '../../src/vrp-service/types.js';
/** A violation of the plan. */
export type { VrpViolation as OpsViolation } from '../../src/vrp-service/types.js';
/** A sample as listed by GET /api/vrp/samples. */
export type { VrpSampleInfo as OpsSampleInfo } from '../../src/vrp-service/samples.js';

/** A stop of the request. */
export interface OpsStop {
  id: string;
  location: LonLat;
  demand?: { kg?: number };
  serviceS?: number;
  timeWindows?: Array<[number, number]>;
}

/** The one vehicle type of the view (`count` identical vehicles). */
export interface OpsVehicle {
  id: string;
  capacity: { kg: number };
  shift?: [number, number];
  costs?: { fixedCny?: number; perKmCny?: number; perHourCny?: number };
  count?: number;
  /** Lunch break: duration and the window its start must lie in (seconds from midnight). */
  break?: { durationS: number; window: [number, number] };
}

/** The request of POST /api/vrp/jobs and the `problem` of /api/vrp/evaluate. */
export interface OpsRequest {
  depot: LonLat;
  stops: OpsStop[];
  vehicles: OpsVehicle[];
  pairs?: Array<{ pickup: string; delivery: string }>;
  options?: { seconds?: number; seed?: number; roads?: boolean };
}

/** A GeoJSON feature of the answer. */
export interface OpsFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: LonLat } | { type: 'LineString'; coordinates: LonLat[] };
  properties: { kind: 'depot' | 'route' | 'stop' | 'pair'; vehicle?: string; [k: string]: unknown };
}

/** The answer of the VRP endpoints: src's VrpResult, with its GeoJSON features typed. */
export type OpsResult = Omit<VrpResult, 'geojson'> & { geojson: { type: 'FeatureCollection'; features: OpsFeature[] } };

/** A solve job's snapshot (GET /api/vrp/jobs/:id). */
export interface OpsJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: { fraction?: number; iteration?: number; best?: number; message?: string } | null;
  result?: OpsResult;
  error?: { name: string; message: string; field?: string };
}

/** One sample (GET /api/vrp/samples/:name): its request is in the view's profile. */
export type OpsSample = Omit<VrpSample, 'request'> & { request: OpsRequest };

/** Compile-time check that the view's request stays a valid src VrpRequest (no runtime code). */
type Assignable<T extends U, U> = T;
export type OpsRequestIsVrpRequest = Assignable<OpsRequest, import('../../src/vrp-service/types.js').VrpRequest>;
