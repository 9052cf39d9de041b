import type { Network } from '../network/network.js';
import { InputError } from '../shared/errors.js';
import type { ProgressFn } from '../shared/stop.js';
import { buildAllocationContext } from './allocation-cost.js';
import { runFlywheel, topCities, type Attribution, type FlywheelOptions, type FlywheelReport } from './flywheel.js';
import { resolveParams } from './params.js';

/** Min, median and max of a figure over seeds. */
export interface Band {
  min: number;
  median: number;
  max: number;
}

const BANDED = ['merchants', 'parcels', 'forecastErrorPct', 'costPerParcelBaselineCny', 'costPerParcelOptimisedCny', 'priceCny', 'cumulativeSavingsCny'] as const;
type Banded = (typeof BANDED)[number];

/** Per-period bands over seeds. */
export type PeriodBand = { period: number } & Record<Banded, Band>;

/** A flywheel report over several seeds: the first seed's report, the bands, and each seed's attribution. */
export interface FlywheelBandReport extends FlywheelReport {
  seeds: number[];
  bands: PeriodBand[];
  attributionBySeed: (Attribution & { seed: number })[];
}

/** Min / median / max of numbers (median of an even count = mean of the middle two). */
export function band(xs: readonly number[]): Band {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return { min: s[0], median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, max: s[s.length - 1] };
}

/** Bands over reports of the same length. */
export function bandsOf(reports: readonly FlywheelReport[]): PeriodBand[] {
  return reports[0].periods.map((p, t) => {
    const row = { period: p.period } as PeriodBand;
    for (const k of BANDED) row[k] = band(reports.map((r) => r.periods[t][k]));
    return row;
  });
}

/**
 * Runs the flywheel for each seed (same parameters; the allocation model is
 * built once and shared) and returns the first seed's report with per-period
 * bands (min / median / max over seeds) and each seed's attribution.
 */
export async function runFlywheelSeeds(network: Network, opts: Omit<FlywheelOptions, 'seed' | 'context'> & { seeds: number[] }): Promise<FlywheelBandReport> {
  if (!Array.isArray(opts.seeds) || opts.seeds.length === 0) throw new InputError('seeds must be a non-empty list of integers', 'seeds');
  const p = resolveParams(opts.params);
  const context = buildAllocationContext(network, topCities(network, p.cities), opts.seeds[0], { hubCapacityScale: p.hubCapacityScale, closedHubs: p.closedHubs, closedLanes: p.closedLanes });
  const reports: FlywheelReport[] = [];
  const n = opts.seeds.length;
  for (let i = 0; i < n; i++) {
    const onProgress: ProgressFn | undefined = opts.onProgress && ((q) => opts.onProgress!({ ...q, fraction: (i + (q.fraction ?? 0)) / n, message: `seed ${opts.seeds[i]} (${i + 1}/${n}) ${q.message ?? ''}` }));
    reports.push(await runFlywheel(network, { ...opts, seed: opts.seeds[i], context, onProgress }));
  }
  return {
    ...reports[0],
    seeds: [...opts.seeds],
    bands: bandsOf(reports),
    attributionBySeed: reports.map((r) => ({ seed: r.seed, ...r.attribution })),
  };
}
