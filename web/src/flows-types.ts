// Types of POST /api/allocations and of its job endpoints, as the Flows view reads them. The parts of
// the answer the server builds as plain data are src/'s own types (type-only imports, erased from the bundle).
import type { AllocationAnswer } from '../../src/allocation/hub/run.js';
import type { AllocationOverrides, CityTotals } from '../../src/allocation/hub/types.js';
import type { Mode } from './types.js';

export type { CostBreakdown, HubUse, LaneFlow, LaneRun, UnmetDemand } from '../../src/allocation/hub/decode.js';
export type { UnusedLane } from '../../src/allocation/hub/prices.js';
export type { AllocationOverrides, CityTotals } from '../../src/allocation/hub/types.js';
/** A capacity price from the LP duals. */
export type { HubCapacityPrice as CapacityPrice } from '../../src/allocation/hub/prices.js';

/** GeoJSON of the flows: one LineString per directed lane with flow. */
export interface FlowsGeoJson {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: { type: 'LineString'; coordinates: [number, number][] }; properties: { laneId: string; from: string; to: string; mode: Mode; kgPerDay: number } }[];
}

/**
 * The answer of POST /api/allocations (200) and the result of a finished job: src's AllocationAnswer, with
 * the GeoJSON's coordinates typed as [lon, lat] pairs (the server builds them as number[][]).
 */
export type Allocation = Omit<AllocationAnswer, 'geojson'> & { geojson?: FlowsGeoJson };

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

/** The body of POST /api/allocations the view sends. */
export interface AllocationRequest {
  demand: { synthetic: { seed?: number; scale?: number; cities?: string[] } } | { cities: CityTotals[]; seed?: number };
  overrides?: AllocationOverrides;
  integer?: boolean;
  /** Which lanes the mixed-integer model decides to run ('linehaul': both ends hubs). */
  options?: { laneDecisions?: 'none' | 'linehaul' | 'all' };
  geojson?: boolean;
}
