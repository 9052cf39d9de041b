import type { Network } from '../network/network.js';
import type { City } from '../network/types.js';
import { CancelledError, InputError } from '../shared/errors.js';
import type { ProgressFn } from '../shared/stop.js';
import { modelByName } from '../forecast/index.js';
import { buildAllocationContext, meanOdKm, odKgPerDay, sameHubInputs, type AllocationContext } from './allocation-cost.js';
import { assumptionsTable, resolveParams, type AssumptionRow, type SavingsParams } from './params.js';
import { ALL_ON, measurePeriod, type PeriodCosts, type Switches } from './period.js';
import { buildVolumeModel } from './volume.js';

/** One period of the flywheel report. */
export interface FlywheelPeriod {
  period: number;
  merchants: number;
  parcels: number;
  /** WAPE of the optimised forecast of parcels sent, per city and day, %. */
  forecastErrorPct: number;
  forecastErrorPctBaseline: number;
  costPerParcelBaselineCny: number;
  costPerParcelOptimisedCny: number;
  priceCny: number;
  baselinePriceCny: number;
  cumulativeSavingsCny: number;
  /** Cost per parcel of each combination, keyed by which components are optimised ("f", "a", "r" letters; "" = baseline). */
  combosCnyPerParcel: Record<string, number>;
  /** Shapley split of this period's saving, CNY. */
  attribution: Attribution;
  /** Station instance of the period (stops, routes both ways). */
  station: { stops: number; parcels: number; baselineRoutes: number; optimisedRoutes: number };
}

/** Saving split into components, CNY (sums to totalCny). */
export interface Attribution {
  forecastingCny: number;
  allocationCny: number;
  routingCny: number;
  totalCny: number;
}

export interface FlywheelReport {
  seed: number;
  periods: FlywheelPeriod[];
  attribution: Attribution;
  assumptions: {
    table: AssumptionRow[];
    cities: string[];
    switches: Switches;
    notes: string[];
  };
  timings: { setupS: number; periodsS: number; totalS: number; lpSolves: number; lpMsTotal: number };
}

export interface FlywheelOptions {
  seed?: number;
  periods: number;
  params?: Partial<SavingsParams>;
  /** Components the optimised plan may switch on (default all). */
  switches?: Partial<Switches>;
  onProgress?: ProgressFn;
  signal?: AbortSignal;
  /** A context from an earlier run on the same network and cities (speed). */
  context?: AllocationContext;
}

export const FLYWHEEL_NOTES = [
  'SYNTHETIC demand: the src/demand generator gives the shape (cities, weekdays, sales peaks, Spring Festival, market growth); the level is the merchants\' volume; daily counts are Poisson draws at that level.',
  'Each period: the forecasting stage runs on the history so far (baseline: last week, day by day); capacity is booked per city and day at the forecast; unused slots and shortfalls are priced.',
  'Allocation: baseline = each city through its nearest hub by road and a road-only trunk; optimised = the hub allocation LP (src/allocation/hub model) planned on the forecast OD demand and executed on the realised OD demand with the plan\'s route mix.',
  'OD demand per city pair from per-city totals by the gravity split (src/allocation/hub gravityOd); planned receipts = forecast total × each city\'s share of receipts in the last 28 days.',
  'Last mile: one SYNTHETIC delivery-station instance per period, solved by nearest neighbour (baseline) and the vehicle-routing search (optimised), cost per parcel applied to all parcels.',
  'Attribution: Shapley values over the 8 combinations (average marginal saving of switching each component on, over all 6 orders); the shares add up to the saving.',
  'Merchants next period = merchants × (1 + elasticity × (baseline price − price) / baseline price); price = cost × (1 + margin).',
];

/** The n most populous cities of the network (ties by id). */
export function topCities(network: Network, n: number): City[] {
  if (n > network.data.cities.length) throw new InputError(`cities must be at most ${network.data.cities.length}`, 'params.cities');
  return [...network.data.cities].sort((a, b) => b.population - a.population || a.id.localeCompare(b.id)).slice(0, n);
}

const comboKey = (mask: number): string => `${mask & 1 ? 'f' : ''}${mask & 2 ? 'a' : ''}${mask & 4 ? 'r' : ''}`;

/** Checks a period count (InputError naming `periods`). */
export function checkPeriods(periods: unknown): number {
  if (typeof periods !== 'number' || !Number.isInteger(periods) || periods < 1 || periods > 520) {
    throw new InputError(`periods must be an integer from 1 to 520, got ${String(periods)}`, 'periods');
  }
  return periods;
}

/** Checks a seed (InputError naming `seed`). */
export function checkSeed(seed: unknown): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0) throw new InputError(`seed must be an integer >= 0, got ${String(seed)}`, 'seed');
  return seed;
}

/**
 * Runs the flywheel: each period (a week) measures the baseline and the
 * optimised plan on the same realised demand with the real stages, prices
 * from the optimised cost, and moves the merchants by the elasticity. The
 * forecasts use the history accumulated so far, so more volume (less relative
 * noise) and a longer history lower the error only as far as the model does.
 */
export async function runFlywheel(network: Network, opts: FlywheelOptions): Promise<FlywheelReport> {
  const t0 = performance.now();
  const periods = checkPeriods(opts.periods);
  const seed = checkSeed(opts.seed ?? 1);
  const p = resolveParams(opts.params);
  modelByName(p.forecastModel);
  const switches: Switches = { ...ALL_ON, ...opts.switches };
  const cities = topCities(network, p.cities);
  const cancelled = () => {
    if (opts.signal?.aborted) throw new CancelledError('flywheel: cancelled');
  };
  const hubs = { hubCapacityScale: p.hubCapacityScale, closedHubs: p.closedHubs, closedLanes: p.closedLanes };
  const reuse = opts.context && opts.context.cities.map((c) => c.id).join() === cities.map((c) => c.id).join() && sameHubInputs(opts.context.hubs, hubs);
  const ctx0 = reuse && opts.context ? opts.context : buildAllocationContext(network, cities, seed, hubs);
  const ctx: AllocationContext = { ...ctx0, gravitySeed: seed };
  cancelled();

  const H = p.historyWeeks * 7;
  const vol = buildVolumeModel(cities, seed, p.startDate, H + periods * 7);
  let merchants = p.merchants;
  const perDay = (m: number) => (m * p.parcelsPerMerchantPerWeek) / 7;
  const historySent: number[][] = cities.map(() => []);
  const historyReceived: number[][] = cities.map(() => []);
  for (let d = 0; d < H; d++) {
    cities.forEach((_, c) => {
      const v = vol.draw(c, d, perDay(merchants));
      historySent[c].push(v.sent);
      historyReceived[c].push(v.received);
    });
  }
  // Booking and fallback costs per parcel from the modes' costs over the history's mean OD distance.
  const km = meanOdKm(ctx, odKgPerDay(ctx, historySent.map((s) => s.reduce((a, b) => a + b, 0) / H), historyReceived.map((s) => s.reduce((a, b) => a + b, 0) / H), p.meanParcelKg));
  const modes = network.data.modes;
  const tonnes = p.meanParcelKg / 1000;
  const derived = {
    bookingCnyPerParcel: p.bookingCnyPerParcel ?? modes.road.costCnyPerTonneKm * km * tonnes,
    fallbackPremiumCnyPerParcel: p.fallbackPremiumCnyPerParcel ?? Math.max(0, modes.air.costCnyPerTonneKm - modes.road.costCnyPerTonneKm) * km * tonnes,
  };
  const pr = { ...p, ...derived };
  const setupS = (performance.now() - t0) / 1000;

  const out: FlywheelPeriod[] = [];
  const total: Attribution = { forecastingCny: 0, allocationCny: 0, routingCny: 0, totalCny: 0 };
  let cumulative = 0;
  let lpSolves = 0;
  let lpMs = 0;
  let periodsMs = 0;
  for (let t = 0; t < periods; t++) {
    // Let the event loop run (a Ctrl-C handler or a job's cancel message) between periods.
    await new Promise((resolve) => setTimeout(resolve, 0));
    cancelled();
    opts.onProgress?.({ fraction: t / periods, iteration: t, message: `period ${t + 1}/${periods}` });
    const sent: number[][] = cities.map(() => []);
    const received: number[][] = cities.map(() => []);
    for (let d = 0; d < 7; d++) {
      cities.forEach((_, c) => {
        const v = vol.draw(c, H + t * 7 + d, perDay(merchants));
        sent[c].push(v.sent);
        received[c].push(v.received);
      });
    }
    const tf = performance.now();
    let m: PeriodCosts;
    try {
      m = await measurePeriod({ period: t + 1, historySent, historyReceived, sent, received }, ctx, pr, seed, switches, opts.signal);
    } catch (e) {
      if (opts.signal?.aborted) throw new CancelledError('flywheel: cancelled');
      throw e;
    }
    periodsMs += performance.now() - tf;
    lpSolves += m.lpSolves.length;
    lpMs += m.lpSolves.reduce((s, x) => s + x.ms, 0);
    const base = m.totalCny[0] / m.parcels;
    const opt = m.totalCny[7] / m.parcels;
    const price = opt * (1 + p.margin);
    const basePrice = base * (1 + p.margin);
    cumulative += m.totalCny[0] - m.totalCny[7];
    for (const k of ['forecastingCny', 'allocationCny', 'routingCny', 'totalCny'] as const) total[k] += m.attributionCny[k];
    out.push({
      period: t + 1,
      merchants,
      parcels: m.parcels,
      forecastErrorPct: m.booking[1].errorPct,
      forecastErrorPctBaseline: m.booking[0].errorPct,
      costPerParcelBaselineCny: base,
      costPerParcelOptimisedCny: opt,
      priceCny: price,
      baselinePriceCny: basePrice,
      cumulativeSavingsCny: cumulative,
      combosCnyPerParcel: Object.fromEntries(m.totalCny.map((c, mask) => [comboKey(mask) || 'baseline', c / m.parcels])),
      attribution: m.attributionCny,
      station: { stops: m.routing.stops, parcels: m.routing.parcels, baselineRoutes: m.routing.baselineRoutes, optimisedRoutes: m.routing.optimisedRoutes },
    });
    cities.forEach((_, c) => {
      historySent[c].push(...sent[c]);
      historyReceived[c].push(...received[c]);
    });
    merchants = merchants * (1 + (p.elasticity * (basePrice - price)) / basePrice);
  }
  opts.onProgress?.({ fraction: 1, iteration: periods, message: 'done' });
  return {
    seed,
    periods: out,
    attribution: total,
    assumptions: { table: assumptionsTable(p, derived), cities: cities.map((c) => c.id), switches, notes: FLYWHEEL_NOTES },
    timings: { setupS, periodsS: periodsMs / 1000, totalS: (performance.now() - t0) / 1000, lpSolves, lpMsTotal: lpMs },
  };
}
