// Types of the VRP API (src/vrp-service/types.ts, /work/notes/vrp-api.md) as the Operations view reads them.

/** A `[lon, lat]` position. */
export type LonLat = [number, number];

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

/** One route of a plan to evaluate. */
export interface PlanRoute {
  vehicle: string;
  stops: string[];
}

/** One step of a route. */
export interface OpsStep {
  type: 'start' | 'stop' | 'break' | 'end';
  id?: string;
  location: LonLat | null;
  arrivalS: number;
  serviceStartS?: number;
  departureS: number;
  waitingS: number;
  load: number[];
  late?: boolean;
  timeWindow?: [number, number];
  slackS?: number;
  binding?: boolean;
  distanceFromPrevM: number;
}

/** Cost by component. */
export interface OpsCost {
  fixedCny: number;
  distanceCny: number;
  timeCny: number;
  totalCny: number;
}

/** One route of the answer. */
export interface OpsRoute {
  vehicle: string;
  colour: number;
  steps: OpsStep[];
  distanceM: number;
  durationS: number;
  waitingS: number;
  serviceS: number;
  cost: OpsCost;
}

/** A violation of the plan. */
export interface OpsViolation {
  kind: string;
  vehicle?: string;
  stop?: string;
  message: string;
}

/** A GeoJSON feature of the answer. */
export interface OpsFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: LonLat } | { type: 'LineString'; coordinates: LonLat[] };
  properties: { kind: 'depot' | 'route' | 'stop' | 'pair'; vehicle?: string; [k: string]: unknown };
}

/** The answer of the VRP endpoints. */
export interface OpsResult {
  matrixSource: string;
  dimensions: string[];
  feasible: boolean;
  routes: OpsRoute[];
  unassigned: Array<{ id: string; reason: string }>;
  violations: OpsViolation[];
  cost: OpsCost;
  kpis: {
    vehiclesUsed: number;
    stops: number;
    served: number;
    unassigned: number;
    lateStops: number;
    distanceM: number;
    durationS: number;
    waitingS: number;
    costCny: number;
  };
  geojson: { type: 'FeatureCollection'; features: OpsFeature[] };
  solver?: { seed: number; iterations: number; seconds: number; cancelled?: boolean };
}

/** A solve job's snapshot (GET /api/vrp/jobs/:id). */
export interface OpsJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: { fraction?: number; iteration?: number; best?: number; message?: string } | null;
  result?: OpsResult;
  error?: { name: string; message: string; field?: string };
}

/** A sample as listed by GET /api/vrp/samples. */
export interface OpsSampleInfo {
  name: string;
  title: string;
  description: string;
  synthetic: true;
  roadGraph?: string;
  stops: number;
  depot: LonLat;
}

/** One sample (GET /api/vrp/samples/:name). */
export interface OpsSample extends OpsSampleInfo {
  request: OpsRequest;
  stopsCsv: string;
}
