import type { Network } from '../../network/network.js';
import { InfeasibleError } from '../../shared/errors.js';
import { monotonicMs, type ProgressFn, type StopOptions } from '../../shared/stop.js';
import { lpShape, type LpShape, type LpResult, type BackendName } from '../lp/model.js';
import { solveLp, type BackendChoice } from '../solve.js';
import { decodeAllocation, type AllocationFlows } from './decode.js';
import { fixChoice, mipStartFrom } from './fix-choice.js';
import { buildHubModel, type HubModel } from './model.js';
import { hubCapacityPrices, unusedTrunkLanes, type HubCapacityPrice, type UnusedLane } from './prices.js';
import type { AllocationRequest } from './types.js';

export interface AllocateOptions {
  /** Solver backend (default 'auto': HiGHS, as capacity prices need duals). */
  backend?: BackendChoice;
  /** Time limit and cancellation of the solve. */
  stop?: StopOptions;
  seed?: number;
  /** Capacity prices and reduced costs (default true). For a MIP they come from the LP with the chosen hubs and lanes fixed, a second solve. */
  prices?: boolean;
  /** HiGHS ranging for the range over which a capacity price holds (default true). */
  ranging?: boolean;
  /** Relative gap at which the MIP stops (default 1e-9: exact to rounding). */
  mipRelGap?: number;
  /** Clock for the reported timings (default the shared monotonic clock). */
  clock?: () => number;
  /** Told when each phase starts: building, solving, pricing (a solve itself reports no progress). */
  onProgress?: ProgressFn;
}

/** The answer of `allocate`. Money in CNY/day, flows in kg/day. */
export interface Allocation extends AllocationFlows {
  status: LpResult['status'];
  backend: BackendName;
  objectiveCny: number;
  /** The model had integer decisions (hubs to open and/or lanes to run). */
  integer: boolean;
  /** MIP: relative gap and bound when the solver reports them. */
  gap?: number;
  bound?: number;
  shape: LpShape & { routes: number; odPairs: number };
  capacityPrices: HubCapacityPrice[];
  unusedLanes: UnusedLane[];
  timingsMs: { build: number; solve: number; prices: number };
}

/**
 * Builds the hub allocation model, solves it and decodes flows, hub use, cost
 * by component, unmet demand with reasons, and (optionally) capacity prices.
 */
export async function allocate(network: Network, req: AllocationRequest, opts: AllocateOptions = {}): Promise<Allocation> {
  const clock = opts.clock ?? monotonicMs;
  const tell = (fraction: number, message: string) => opts.onProgress?.({ fraction, message });
  const t0 = clock();
  tell(0, 'building routes and model');
  const hm = buildHubModel(network, req);
  const t1 = clock();
  tell(0.2, `solving (${hm.model.variables.length} variables × ${hm.model.constraints.length} rows)`);
  const wantPrices = opts.prices !== false && opts.backend !== 'jsLpSolver';
  const ranging = wantPrices && opts.ranging !== false && !hm.mip;
  let mipStart: Float64Array | undefined;
  if (hm.mip && (opts.backend ?? 'auto') !== 'jsLpSolver') {
    // Start from the LP with every hub open and every lane run (same routes), shutting what it leaves unused:
    // HiGHS then only improves and proves.
    const open = buildHubModel(network, { ...req, options: { ...req.options, integer: false, laneDecisions: 'none' } });
    const first = await solveLp(open.model, { backend: 'highs', stop: opts.stop, seed: opts.seed });
    if (first.values && first.values.length === hm.slackVar[hm.slackVar.length - 1] + 1) mipStart = mipStartFrom(hm, first.values);
  }
  const lp = await solveLp(hm.model, { backend: opts.backend, stop: opts.stop, seed: opts.seed, duals: wantPrices && !hm.mip, ranging, mipStart, mipRelGap: opts.mipRelGap });
  const t2 = clock();
  if (!lp.values) throw new InfeasibleError(`allocation: no solution (${lp.status}${lp.message ? `: ${lp.message}` : ''})`, 'demand');
  tell(0.8, 'decoding and pricing');
  let flows = decodeAllocation(network, hm, lp);
  let priced: { hm: HubModel; lp: LpResult } | null = null;
  if (wantPrices && !hm.mip && lp.duals) priced = { hm, lp };
  if (wantPrices && hm.mip) {
    // Duals of the LP with the MIP's hubs and lanes fixed (same routes; see fixChoice).
    const choice = { open: flows.hubs.map((h) => h.open), run: hm.laneChoices.map((c) => lp.values![c.variable] > 0.5), model: hm };
    const fixed = fixChoice(hm, choice.open, choice.run);
    const fixedLp = await solveLp(fixed.model, { backend: opts.backend === 'auto' ? undefined : opts.backend, stop: opts.stop, seed: opts.seed, duals: true, ranging: opts.ranging !== false });
    if (fixedLp.status === 'optimal' && fixedLp.duals) {
      priced = { hm: fixed, lp: fixedLp };
      // Flows from the same LP as the prices (an optimum of equal cost); hub status, lanes run and fixed costs from the MIP.
      flows = decodeAllocation(network, fixed, fixedLp, choice);
    }
  }
  const capacityPrices = priced ? hubCapacityPrices(network, priced.hm, priced.lp) : [];
  const unusedLanes = priced ? unusedTrunkLanes(network, priced.hm, priced.lp) : [];
  const t3 = clock();
  tell(1, 'done');
  return {
    status: lp.status,
    backend: lp.backend,
    objectiveCny: lp.objective,
    integer: hm.mip,
    ...(lp.gap !== undefined ? { gap: lp.gap } : {}),
    ...(lp.bound !== undefined ? { bound: lp.bound } : {}),
    ...flows,
    shape: { ...lpShape(hm.model), routes: hm.routeSet.routes.length, odPairs: hm.demand.length },
    capacityPrices,
    unusedLanes,
    timingsMs: { build: t1 - t0, solve: t2 - t1, prices: t3 - t2 },
  };
}
