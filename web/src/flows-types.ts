// Types of POST /api/allocations and of its job endpoints, as the Flows view reads them.
import type { Mode } from './types.js';

/** Flow on one directed lane, kg/day. */
export interface LaneFlow {
  laneId: string;
  from: string;
  to: string;
  mode: Mode;
  kgPerDay: number;
  capacityKgPerDay?: number;
}

/** Throughput of one hub. */
export interface HubUse {
  hub: string;
  name: string;
  usedKgPerDay: number;
  capacityKgPerDay: number;
  utilisation: number;
  open: boolean;
  closed: boolean;
}

/** Cost per day by component, CNY. */
export interface CostBreakdown {
  firstMileCny: number;
  trunkCnyByMode: Partial<Record<Mode, number>>;
  trunkCny: number;
  lastMileCny: number;
  handlingCny: number;
  unmetPenaltyCny: number;
  fixedHubCny: number;
  totalCny: number;
  /** Lane fixed costs, when the model has them. */
  fixedLaneCny?: number;
}

/** Demand of one pair left unserved, and why. */
export interface UnmetDemand {
  from: string;
  to: string;
  kgPerDay: number;
  demandKgPerDay: number;
  reason: string;
}

/** A capacity price from the LP duals. */
export interface CapacityPrice {
  kind: 'hub' | 'lane';
  id: string;
  from?: string;
  to?: string;
  capacityTonnesPerDay: number;
  usedTonnesPerDay: number;
  binding: boolean;
  savingCnyPerTonne: number;
  validFromTonnesPerDay?: number;
  validToTonnesPerDay?: number;
  text: string;
}

/** An unused trunk lane and the fall in cost that would bring it in. */
export interface UnusedLane {
  laneId: string;
  from: string;
  to: string;
  mode: Mode;
  costCnyPerKg: number;
  mustFallByCnyPerKg: number;
  text: string;
}

/** GeoJSON of the flows: one LineString per directed lane with flow. */
export interface FlowsGeoJson {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: { type: 'LineString'; coordinates: [number, number][] }; properties: { laneId: string; from: string; to: string; mode: Mode; kgPerDay: number } }[];
}

/** The answer of POST /api/allocations (200) and the result of a finished job. */
export interface Allocation {
  status: string;
  backend: string;
  objectiveCny: number;
  integer: boolean;
  gap?: number;
  demandNote?: string;
  demandKgPerDay: number;
  servedKgPerDay: number;
  costs: CostBreakdown;
  lanes: LaneFlow[];
  hubs: HubUse[];
  unmet: UnmetDemand[];
  capacityPrices: CapacityPrice[];
  unusedLanes: UnusedLane[];
  /** With lane decisions: every candidate lane, run or not. */
  laneRuns?: LaneRun[];
  geojson?: FlowsGeoJson;
  shape?: { routes: number; odPairs: number; variables?: number; constraints?: number };
  timingsMs?: { build: number; solve: number; prices: number };
}

/** 202: the allocation runs as a job. */
export interface AllocationAccepted {
  jobId: string;
  status: string;
  statusUrl: string;
  odPairs: number;
  integer: boolean;
}

/** GET /api/allocations/jobs/:id. */
export interface AllocationJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: { fraction?: number; message?: string } | null;
  result?: Allocation;
  error?: { name: string; message: string; field?: string };
  submittedAt: string;
  startedAt?: string;
}

/** What-if edits, in the API's terms (capacities in tonnes/day). */
export interface AllocationOverrides {
  hubCapacityTonnesPerDay?: Record<string, number>;
  laneCapacityTonnesPerDay?: Record<string, number>;
  closedHubs?: string[];
  closedLanes?: string[];
  forcedOpenHubs?: string[];
  forcedOpenLanes?: string[];
}

/** Per-city totals (kg/day), split into pairs by the server's gravity model. */
export interface CityTotals {
  city: string;
  sendKgPerDay: number;
  receiveKgPerDay: number;
}

/** The body of POST /api/allocations the view sends. */
export interface AllocationRequest {
  demand: { synthetic: { seed?: number; scale?: number; cities?: string[] } } | { cities: CityTotals[]; seed?: number };
  overrides?: AllocationOverrides;
  integer?: boolean;
  /** Which lanes the mixed-integer model decides to run ('linehaul': both ends hubs). */
  options?: { laneDecisions?: 'none' | 'linehaul' | 'all' };
  geojson?: boolean;
}

/** A lane whose running the mixed-integer model decided. */
export interface LaneRun {
  laneId: string;
  mode: Mode;
  run: boolean;
  forced: boolean;
  fixedCnyPerDay: number;
  kgPerDay: number;
}
