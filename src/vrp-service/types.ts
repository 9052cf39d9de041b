/**
 * The VRP request and answer of the API, the CLI and the map UI, in the
 * spirit of VROOM's and Google's route-optimisation APIs. The one reference
 * of the format (also /work/notes/vrp-api.md):
 *
 * ```jsonc
 * {
 *   "depot": [120.16, 30.27],                // default start/end of vehicles that give none
 *   "stops": [{
 *     "id": "S1", "location": [120.17, 30.28], // [lon, lat]; or "locationIndex" into `matrix`
 *     "demand": { "kg": 12, "m3": 0.1, "parcels": 3 },   // or a number[] (then capacities are number[] too)
 *     "serviceS": 180,
 *     "timeWindows": [[32400, 43200]],        // start of service, seconds from the planning origin (e.g. midnight)
 *     "optional": false, "penaltyCny": 80,   // penaltyCny: optional, left out when serving costs more
 *     "skills": ["cold"]
 *   }],
 *   "vehicles": [{
 *     "id": "van", "start": [120.16, 30.27], "end": [120.16, 30.27],   // or startIndex / endIndex
 *     "capacity": { "kg": 800 }, "shift": [28800, 64800], "maxDurationS": 28800, "maxDistanceM": 200000,
 *     "skills": ["cold"], "costs": { "fixedCny": 150, "perKmCny": 1.2, "perHourCny": 40 }, "count": 6,
 *     "break": { "durationS": 1800, "window": [41400, 48600] }   // 30 min starting 11:30–13:30
 *   }],
 *   "matrix": { "distancesM": [[...]], "durationsS": [[...]] },   // optional; square, indexed by locationIndex
 *   "pairs": [{ "pickup": "P1", "delivery": "D1" }],              // optional pickup-and-delivery pairs
 *   "options": { "seconds": 2, "iterations": 5000, "seed": 1, "detourFactor": 1.3, "speedKmh": 25, "roads": true }
 * }
 * ```
 *
 * Travel: the given matrix; else, when every point lies inside a prepared
 * road graph (data/roads) and `options.roads` is not false, fastest paths on
 * the streets; else great-circle distance × detour factor at a constant speed.
 * Cost: fixed per vehicle used + per km + per hour of route duration (travel,
 * service, unavoidable waiting); with no costs at all, 1 CNY per km.
 */

/** A point [lon, lat]. */
export type LonLat = [number, number];

/** Demand or capacity: named dimensions or a plain vector. */
export type Amounts = { kg?: number; m3?: number; parcels?: number } | number[];

/** A stop of the request. */
export interface VrpStopInput {
  id: string;
  location?: LonLat;
  locationIndex?: number;
  demand?: Amounts;
  serviceS?: number;
  timeWindows?: Array<[number, number]>;
  optional?: boolean;
  /**
   * Cost of leaving the stop out (CNY). Giving it makes the stop optional: the search serves it only when
   * serving costs less (unassigned reason `optional-skipped`). An `optional` stop without it costs 0 to leave out.
   */
  penaltyCny?: number;
  skills?: string[];
}

/** A vehicle (type) of the request; `count` identical vehicles. */
export interface VrpVehicleInput {
  id: string;
  start?: LonLat;
  end?: LonLat;
  startIndex?: number;
  endIndex?: number;
  capacity: Amounts;
  shift?: [number, number];
  maxDurationS?: number;
  maxDistanceM?: number;
  skills?: string[];
  costs?: { fixedCny?: number; perKmCny?: number; perHourCny?: number };
  count?: number;
  /** A break (lunch): `durationS` starting within `window` [start, end] (seconds from the origin), taken right after a stop or at the depot. */
  break?: { durationS: number; window: [number, number] };
}

/** A pickup-and-delivery pair (stop ids): same route, the pickup first; the pickup's demand rides until the delivery. */
export interface VrpPairInput {
  pickup: string;
  delivery: string;
}

/** Options of a solve. */
export interface VrpOptions {
  seconds?: number;
  iterations?: number;
  seed?: number;
  /** Great-circle distance × this factor (default 1.3). */
  detourFactor?: number;
  /** Constant speed for great-circle travel (default 25 km/h). */
  speedKmh?: number;
  /** Use a road graph when every point lies in one (default true). */
  roads?: boolean;
}

/** The request of POST /api/vrp (and the CLI). */
export interface VrpRequest {
  depot?: LonLat;
  stops: VrpStopInput[];
  vehicles: VrpVehicleInput[];
  matrix?: { distancesM: number[][]; durationsS?: number[][] };
  /** Pickup-and-delivery pairs; other stops are deliveries loaded at the depot. */
  pairs?: VrpPairInput[];
  options?: VrpOptions;
}

/** A plan to evaluate: vehicle id (type id, or `id#k` for the k-th of its count) and ordered stop ids. */
export interface VrpPlanRoute {
  vehicle: string;
  stops: string[];
}

/** Where travel times came from. */
export type MatrixSource = 'given' | 'great-circle' | `road:${string}`;

/** Cost by component (CNY). */
export interface CostBreakdown {
  fixedCny: number;
  distanceCny: number;
  timeCny: number;
  totalCny: number;
}

/** One step of a route. */
export interface VrpStep {
  /** `break`: the vehicle's break, taken where the previous step left it (serviceStartS = break start, departureS = its end). */
  type: 'start' | 'stop' | 'break' | 'end';
  /** Stop id (stops only). */
  id?: string;
  location: LonLat | null;
  arrivalS: number;
  /** Start of service (stops only). */
  serviceStartS?: number;
  departureS: number;
  waitingS: number;
  /** On board after the step, per dimension. */
  load: number[];
  /** Stop reached after its window closed. */
  late?: boolean;
  /** The time window the service was planned in (stops with a window only). */
  timeWindow?: [number, number];
  /**
   * Forward time slack (stops and end): how much later service could start here without any
   * window from here on being missed or the shift overrun (Savelsbergh's forward slack);
   * absent when nothing limits it, 0 on a late stop.
   */
  slackS?: number;
  /** This stop's own window closes when its service starts: the window binds the schedule here. */
  binding?: boolean;
  /** Travel from the previous step. */
  distanceFromPrevM: number;
}

/** One route of the answer. */
export interface VrpRoute {
  vehicle: string;
  /** Index into a palette, one per route. */
  colour: number;
  steps: VrpStep[];
  distanceM: number;
  durationS: number;
  waitingS: number;
  serviceS: number;
  cost: CostBreakdown;
}

/** A violation of a (given or found) plan, with ids. */
export interface VrpViolation {
  kind: string;
  vehicle?: string;
  stop?: string;
  message: string;
}

/** The answer of /api/vrp, /api/vrp/evaluate, a finished job and `hubflow vrp --out plan.json`. */
export interface VrpResult {
  matrixSource: MatrixSource;
  dimensions: string[];
  feasible: boolean;
  routes: VrpRoute[];
  unassigned: Array<{ id: string; reason: string }>;
  violations: VrpViolation[];
  cost: CostBreakdown;
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
  geojson: { type: 'FeatureCollection'; features: unknown[] };
  solver?: { seed: number; iterations: number; seconds: number; cancelled?: boolean };
}
