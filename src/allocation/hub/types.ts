/** Plain data of the hub allocation model: its input (demand, overrides, options) and its answer. */
import type { Mode } from '../../network/types.js';
import type { BackendChoice } from '../solve.js';

/** Demand from one city to another, kg per day. */
export interface OdDemand {
  from: string;
  to: string;
  kgPerDay: number;
}

/** Per-city totals (e.g. from the forecast stage: a mean or a quantile), split into OD pairs by the gravity model. */
export interface CityTotals {
  city: string;
  sendKgPerDay: number;
  receiveKgPerDay: number;
}

/** What-if edits of the network. Capacities in tonnes per day; ids are hub ids and lane ids (`from~to~mode`). */
export interface AllocationOverrides {
  /** New throughput capacity of a hub, tonnes/day (>= 0). */
  hubCapacityTonnesPerDay?: Record<string, number>;
  /** Capacity of a lane, tonnes/day in each direction (lanes are uncapacitated unless given here). */
  laneCapacityTonnesPerDay?: Record<string, number>;
  closedHubs?: string[];
  closedLanes?: string[];
  /** Hubs that must be open in the mixed-integer model (ignored by the LP, where every hub is open). */
  forcedOpenHubs?: string[];
  /** Multiplies the per-kg cost of every lane of a mode (e.g. { air: 0.8 }). */
  modeCostFactor?: Partial<Record<Mode, number>>;
  /** Multiplies the per-kg cost of one lane (both directions). */
  laneCostFactor?: Record<string, number>;
  /** Fixed cost of keeping a hub open, CNY/day (mixed-integer model). */
  hubFixedCnyPerDay?: Record<string, number>;
  /** Fixed cost of running a lane (both directions), CNY/day, when the model decides which lanes run (options.laneDecisions). */
  laneFixedCnyPerDay?: Record<string, number>;
  /** Lanes that must run when the model decides which lanes run (closed lanes are `closedLanes`). */
  forcedOpenLanes?: string[];
}

/**
 * Which lanes the mixed-integer model decides to run or not (each at a fixed
 * cost per day): none; the line-haul lanes (both ends hubs); every lane some
 * candidate route uses; or the lanes listed (lane ids `from~to~mode`).
 */
export type LaneDecisions = 'none' | 'linehaul' | 'all' | string[];

/** Options of the model, with documented defaults in HUB_MODEL_DEFAULTS. */
export interface HubModelOptions {
  /** Candidate origin (and destination) hubs per city: its k cheapest by road. */
  nearestHubs: number;
  /** Mode sets for which the cheapest trunk path between two hubs is a candidate. */
  trunkModeSets: Mode[][];
  /** Keep at most this many cheapest routes per OD pair. */
  maxRoutesPerOd: number;
  /** Shipment weight at which lane fixed costs are spread over kg on first and last mile. */
  localShipmentKg: number;
  /** Shipment weight at which lane fixed costs are spread over kg on trunks ("bulk"). */
  trunkShipmentKg: number;
  /** Cost of one kg/day of demand left unserved, CNY/kg. */
  unmetPenaltyCnyPerKg: number;
  /** Mixed-integer: decide which hubs to open. */
  integer: boolean;
  /** Default fixed cost of an open hub, CNY/day per tonne/day of capacity (mixed-integer model). */
  hubFixedCnyPerTonneCapacity: number;
  /** Lanes whose running is decided at a fixed cost per day (mixed-integer model); default 'none'. */
  laneDecisions: LaneDecisions;
  /**
   * Default fixed cost of running a lane: this many bulk shipments (trunkShipmentKg) a day in each
   * direction, paid whether full or not, at the lane's line-haul cost (handling excluded).
   */
  laneFixedShipmentsPerDay: number;
  /**
   * Add x_route <= demand × y_hub for every route through a hub, and
   * x_route <= demand × z_lane for every route over a decided lane (tighter LP
   * bound, one row per route and hub or lane): 'auto' does so when the model
   * has at most 20,000 routes.
   */
  strongLinking: boolean | 'auto';
}

/** A request to allocate: demand, overrides and options. */
export interface AllocationRequest {
  demand: OdDemand[];
  overrides?: AllocationOverrides;
  options?: Partial<HubModelOptions>;
}

/** One leg of a route's path: a directed lane. */
export interface DirectedLane {
  laneId: string;
  from: string;
  to: string;
  mode: Mode;
  /** Cost per kg over this lane as the model prices it (fixed cost spread at the shipment weight where first met). */
  costCnyPerKg: number;
  /** Fixed cost of one shipment over the lane (data/modes.csv, cost factors applied), CNY. */
  fixedCnyPerShipment: number;
  /** Line-haul cost per kg, handling excluded (cost factors applied), CNY/kg. */
  haulCnyPerKg: number;
}

/** Cost of a kg along a path, split by component (CNY/kg). Handling = sorting at arrival nodes. */
export interface CostSplit {
  lineHaulCnyPerKg: number;
  handlingCnyPerKg: number;
  byMode: Partial<Record<Mode, number>>;
}

/** Part of a route (first mile, trunk or last mile): directed lanes (global indices), hubs passed, costs. */
export interface PathPart {
  lanes: number[];
  /** Hub indices passed strictly inside the part (not its ends). */
  innerHubs: number[];
  cost: CostSplit;
  costCnyPerKg: number;
}

/** A candidate route of one OD pair: city → origin hub → trunk → destination hub → city. */
export interface Route {
  od: number;
  originHub: number;
  destHub: number;
  firstMile: PathPart;
  /** null when the origin and destination hubs are the same. */
  trunk: PathPart | null;
  lastMile: PathPart;
  /** Hubs handling this route's kg, each once. */
  hubs: number[];
  costCnyPerKg: number;
}
