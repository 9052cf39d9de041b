import type { Network } from '../network/network.js';
import { InputError } from '../shared/errors.js';
import type { ProgressFn } from '../shared/stop.js';
import { runFlywheel, type Attribution, type FlywheelReport } from './flywheel.js';
import { resolveParams, type SavingsParams } from './params.js';
import type { Switches } from './period.js';

/** One of the 8 combinations: which components are optimised, and its cost. */
export interface Combination {
  forecasting: 'baseline' | 'optimised';
  allocation: 'baseline' | 'optimised';
  routing: 'baseline' | 'optimised';
  costPerParcelCny: number;
  totalCny: number;
}

/** Baseline against optimised for one week, costed on the same realised demand. */
export interface SavingsReport {
  seed: number;
  week: number;
  parcels: number;
  forecastErrorPctBaseline: number;
  forecastErrorPctOptimised: number;
  combinations: Combination[];
  costPerParcelBaselineCny: number;
  costPerParcelOptimisedCny: number;
  savingPct: number;
  attribution: Attribution;
  assumptions: FlywheelReport['assumptions'];
  seconds: number;
}

export interface SavingsOptions {
  seed?: number;
  /** Which week after the history (1 = the first week after `historyWeeks`). */
  week?: number;
  params?: Partial<SavingsParams>;
  switches?: Partial<Switches>;
  onProgress?: ProgressFn;
  signal?: AbortSignal;
}

const KEYS = ['baseline', 'f', 'a', 'fa', 'r', 'fr', 'ar', 'far'];

/**
 * Compares the baseline and the optimised plan for one week: the 8
 * combinations (each component baseline or optimised) measured on the same
 * realised demand, and the saving split by Shapley values.
 */
export async function runSavings(network: Network, opts: SavingsOptions = {}): Promise<SavingsReport> {
  const week = opts.week ?? 1;
  if (!Number.isInteger(week) || week < 1 || week > 520) throw new InputError(`week must be an integer from 1 to 520, got ${String(week)}`, 'week');
  const p = resolveParams(opts.params);
  const r = await runFlywheel(network, {
    seed: opts.seed,
    periods: 1,
    params: { ...opts.params, historyWeeks: p.historyWeeks + week - 1 },
    switches: opts.switches,
    onProgress: opts.onProgress,
    signal: opts.signal,
  });
  const per = r.periods[0];
  const v = (mask: number) => (mask ? 'optimised' : 'baseline') as Combination['forecasting'];
  const combinations = KEYS.map((k, mask) => ({
    forecasting: v(mask & 1),
    allocation: v(mask & 2),
    routing: v(mask & 4),
    costPerParcelCny: per.combosCnyPerParcel[k],
    totalCny: per.combosCnyPerParcel[k] * per.parcels,
  }));
  return {
    seed: r.seed,
    week,
    parcels: per.parcels,
    forecastErrorPctBaseline: per.forecastErrorPctBaseline,
    forecastErrorPctOptimised: per.forecastErrorPct,
    combinations,
    costPerParcelBaselineCny: per.costPerParcelBaselineCny,
    costPerParcelOptimisedCny: per.costPerParcelOptimisedCny,
    savingPct: (100 * (per.costPerParcelBaselineCny - per.costPerParcelOptimisedCny)) / per.costPerParcelBaselineCny,
    attribution: r.attribution,
    assumptions: r.assumptions,
    seconds: r.timings.totalS,
  };
}
