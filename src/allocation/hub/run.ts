/**
 * One allocation as the API answers it, whether it runs at once (a small
 * request) or as a job in a worker thread (src/allocation/hub/job.ts): the
 * solve, its GeoJSON and the congestion prices, from already checked input.
 */
import type { Network } from '../../network/network.js';
import type { ProgressFn } from '../../shared/stop.js';
import type { BackendChoice } from '../solve.js';
import { allocate, type Allocation } from './allocate.js';
import { flowsGeoJson } from './geojson.js';
import { congestionPrices } from './prices.js';
import type { AllocationOverrides, HubModelOptions, OdDemand } from './types.js';

/** A checked allocation request with its demand resolved to OD pairs (plain data: it crosses to a worker). */
export interface AllocationRun {
  demand: OdDemand[];
  /** Where the demand came from, when it is SYNTHETIC or split by a model. */
  demandNote?: string;
  overrides?: AllocationOverrides;
  options?: Partial<HubModelOptions>;
  integer: boolean;
  backend?: BackendChoice;
  timeLimitS?: number;
  /** Include GeoJSON of the flows (default true). */
  geojson?: boolean;
}

/** The answer of POST /api/allocations (and the result of an allocation job). */
export type AllocationAnswer = Allocation & {
  demandNote?: string;
  /** Hub or lane id → CNY/kg at capacity (binding capacities with a positive price). */
  congestion: Record<string, number>;
  geojson?: ReturnType<typeof flowsGeoJson>;
};

/** Cancellation and progress of one run. */
export interface RunContext {
  signal?: AbortSignal;
  onProgress?: ProgressFn;
}

/** Solves one allocation and assembles the API answer. */
export async function runAllocation(network: Network, run: AllocationRun, ctx: RunContext = {}): Promise<AllocationAnswer> {
  const stop = run.timeLimitS !== undefined || ctx.signal ? { seconds: run.timeLimitS, signal: ctx.signal } : undefined;
  const result = await allocate(
    network,
    { demand: run.demand, overrides: run.overrides, options: { ...run.options, integer: run.integer } },
    { backend: run.backend, stop, onProgress: ctx.onProgress },
  );
  return {
    ...result,
    ...(run.demandNote ? { demandNote: run.demandNote } : {}),
    congestion: Object.fromEntries(congestionPrices(result.capacityPrices)),
    ...(run.geojson === false ? {} : { geojson: flowsGeoJson(network, result.lanes) }),
  };
}

/**
 * Size of a request in "route units" (OD pairs × routes kept per pair), the
 * figure that decides whether it is answered at once or runs as a job.
 * Measured on the shipped network (130 cities, 11:04 UTC, load ≈ 3): 3,540
 * pairs (14,160 units) solve in 1.1 s wall, 16,770 pairs (67,080 units) in 5.5 s;
 * the mixed-integer model (hubs to open, or lanes to run) takes ~10× the LP.
 */
export function allocationWork(run: Pick<AllocationRun, 'demand' | 'options' | 'integer'>, defaultRoutesPerOd: number): number {
  const pairs = run.demand.reduce((n, d) => n + (d.kgPerDay > 0 ? 1 : 0), 0);
  // deciding which lanes run makes the model mixed-integer too
  const lanes = (run.options as { laneDecisions?: unknown } | undefined)?.laneDecisions;
  const mip = run.integer || (lanes !== undefined && lanes !== 'none' && !(Array.isArray(lanes) && lanes.length === 0));
  return pairs * (run.options?.maxRoutesPerOd ?? defaultRoutesPerOd) * (mip ? 10 : 1);
}
