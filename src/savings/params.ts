import { InputError } from '../shared/errors.js';

/**
 * Parameters of the savings comparison and the flywheel. Every figure has a
 * source or is labelled an assumption in `ASSUMPTION_SOURCES`; all can be
 * changed. Money in CNY, volumes in parcels.
 */
export interface SavingsParams {
  /** The n most populous cities of the network take part (speed: the allocation and the forecasts scale with it). */
  cities: number;
  /** Weeks of history before the first period (the forecasts start from it). */
  historyWeeks: number;
  /** First day of the history, ISO date. */
  startDate: string;
  /** Merchants at the start. */
  merchants: number;
  /** Parcels per merchant per week at the start (the synthetic market's growth and seasons act on top). */
  parcelsPerMerchantPerWeek: number;
  /** Price = cost × (1 + margin). */
  margin: number;
  /** Merchant growth per period = elasticity × (baseline price − price) / baseline price. */
  elasticity: number;
  /** Mean parcel weight, kg. */
  meanParcelKg: number;
  /** Cost of one booked but unused parcel slot; null = the road trunk cost of a parcel over the mean OD distance (data/modes.csv). */
  bookingCnyPerParcel: number | null;
  /** Extra cost of a parcel beyond the booked capacity; null = (air − road) trunk cost over the mean OD distance (data/modes.csv). */
  fallbackPremiumCnyPerParcel: number | null;
  /** Share of the day's deliveries that falls in the sampled delivery station's area. */
  stationShare: number;
  /** Parcels per delivery stop (mean; each stop gets 1..2·mean−1). */
  parcelsPerStop: number;
  /** Stops of the station instance are clamped to [minStops, maxStops]; the area shrinks with the cap so the density is kept. */
  minStops: number;
  maxStops: number;
  /** Radius of the station's area before the cap, km. */
  stationRadiusKm: number;
  /** Road distance / straight-line distance inside a city. */
  cityDetourFactor: number;
  /** Delivery van capacity, parcels. */
  vanCapacityParcels: number;
  /** Van running cost, CNY per km. */
  vanCnyPerKm: number;
  /** Fixed cost of dispatching a route (loading, vehicle), CNY. */
  vanCnyPerRoute: number;
  /** Courier cost per hour of route duration (driving and stops), CNY. */
  courierCnyPerHour: number;
  /** Time at each stop, seconds. */
  serviceSPerStop: number;
  /** Mean urban driving speed, km/h. */
  citySpeedKmh: number;
  /** Iterations (offspring) of the vehicle-routing search per period; fixed so that runs repeat exactly. */
  vrpIterations: number;
  /** Forecasting model of the optimised plan (src/forecast registry). */
  forecastModel: string;
  /** Every hub's capacity (data/hubs.csv) is multiplied by this in the optimised allocation; below 1 tightens the network. */
  hubCapacityScale: number;
  /** Hubs closed in both plans (ids of data/hubs.csv): the baseline takes each city's nearest open hub, the LP routes around them. */
  closedHubs: string[];
  /** Lanes closed in both plans (ids from~to~mode as in data/lanes.csv). */
  closedLanes: string[];
}

/** Defaults; see `ASSUMPTION_SOURCES` for where each comes from. */
export const SAVINGS_DEFAULTS: Readonly<SavingsParams> = Object.freeze({
  cities: 20,
  historyWeeks: 8,
  startDate: '2024-01-01',
  merchants: 2_000,
  parcelsPerMerchantPerWeek: 350,
  margin: 0.1,
  elasticity: 0.1,
  meanParcelKg: 0.5,
  bookingCnyPerParcel: null,
  fallbackPremiumCnyPerParcel: null,
  stationShare: 0.002,
  parcelsPerStop: 1.5,
  minStops: 30,
  maxStops: 100,
  stationRadiusKm: 5,
  cityDetourFactor: 1.3,
  vanCapacityParcels: 150,
  vanCnyPerKm: 1.2,
  vanCnyPerRoute: 20,
  courierCnyPerHour: 35,
  serviceSPerStop: 120,
  citySpeedKmh: 20,
  vrpIterations: 50,
  forecastModel: 'auto',
  hubCapacityScale: 1,
  closedHubs: Object.freeze([]) as unknown as string[],
  closedLanes: Object.freeze([]) as unknown as string[],
});

/** Where each parameter comes from: a source, or "assumption" with the reasoning. */
export const ASSUMPTION_SOURCES: Readonly<Record<keyof SavingsParams, string>> = Object.freeze({
  cities: 'choice for speed: the n most populous cities of data/cities.csv',
  historyWeeks: 'assumption: the operation starts with two months of its own history',
  startDate: 'choice: start of the synthetic demand calendar (src/demand)',
  merchants: 'assumption: a regional operator with 2,000 merchants',
  parcelsPerMerchantPerWeek: 'assumption: ~50 parcels a day per small e-commerce merchant',
  margin: 'assumption: 10% over cost',
  elasticity: 'assumption: a 10% lower price than the baseline operator adds 1% merchants a week',
  meanParcelKg: 'assumption, as GRAVITY_DEFAULTS.meanParcelKg (src/allocation/hub)',
  bookingCnyPerParcel: 'derived: road cost per t-km (data/modes.csv, 0.45 CNY, assumed range 0.30-0.60) × mean kg-weighted OD great-circle distance × meanParcelKg',
  fallbackPremiumCnyPerParcel: 'derived: (air 2.8 − road 0.45) CNY/t-km (data/modes.csv; air from IATA cargo revenue / CTK) × mean OD distance × meanParcelKg: shortfalls fly',
  stationShare: 'assumption: one delivery station serves 0.2% of the day\'s deliveries',
  parcelsPerStop: 'assumption: 1.5 parcels per delivery stop',
  minStops: 'choice: smallest station instance',
  maxStops: 'choice for speed: largest station instance (density kept by shrinking the area)',
  stationRadiusKm: 'assumption: a 5 km urban delivery area',
  cityDetourFactor: 'assumption: urban road detour 1.3 (data/modes.csv gives 1.2-1.4 for road)',
  vanCapacityParcels: 'assumption: a light van carries ~150 parcels',
  vanCnyPerKm: 'assumption: fuel/electricity and wear of a light van, ~1.2 CNY/km',
  vanCnyPerRoute: 'assumption: ~20 CNY per route dispatched (loading, vehicle)',
  courierCnyPerHour: 'assumption: courier pay ~35 CNY/hour (about 7,000 CNY a month at 200 hours)',
  serviceSPerStop: 'assumption: 2 minutes per stop (park, hand over, scan)',
  citySpeedKmh: 'assumption: 20 km/h mean urban van speed',
  vrpIterations: 'choice: a short fixed search (seeded, deterministic)',
  forecastModel: 'src/forecast default model (auto)',
  hubCapacityScale: 'scenario input: 1 = the capacities of data/hubs.csv (which do not bind at this volume); below 1 tightens every hub',
  closedHubs: 'scenario input: none closed by default',
  closedLanes: 'scenario input: none closed by default',
});

const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Resolves parameters over the defaults and checks each (InputError naming `params.<name>`). */
export function resolveParams(p: Partial<SavingsParams> = {}): SavingsParams {
  const defined = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
  for (const k of Object.keys(defined)) {
    if (!(k in SAVINGS_DEFAULTS)) throw new InputError(`unknown parameter "${k}"`, `params.${k}`);
  }
  const r = { ...SAVINGS_DEFAULTS, ...defined } as SavingsParams;
  const check = (k: keyof SavingsParams, ok: (v: number) => boolean, what: string, nullable = false): void => {
    const v = r[k];
    if (nullable && v === null) return;
    if (!num(v) || !ok(v)) throw new InputError(`${k} must be ${what}, got ${String(v)}`, `params.${k}`);
  };
  const int = (v: number) => Number.isInteger(v);
  check('cities', (v) => int(v) && v >= 2, 'an integer >= 2');
  check('historyWeeks', (v) => int(v) && v >= 3, 'an integer >= 3 (the weekly season needs three weeks)');
  check('merchants', (v) => v > 0, 'a number > 0');
  check('parcelsPerMerchantPerWeek', (v) => v > 0, 'a number > 0');
  check('margin', (v) => v >= 0, 'a number >= 0');
  check('elasticity', (v) => v >= 0, 'a number >= 0');
  check('meanParcelKg', (v) => v > 0, 'a number > 0');
  check('bookingCnyPerParcel', (v) => v >= 0, 'a number >= 0 or null', true);
  check('fallbackPremiumCnyPerParcel', (v) => v >= 0, 'a number >= 0 or null', true);
  check('stationShare', (v) => v > 0 && v <= 1, 'in (0, 1]');
  check('parcelsPerStop', (v) => v >= 1, 'a number >= 1');
  check('minStops', (v) => int(v) && v >= 2, 'an integer >= 2');
  check('maxStops', (v) => int(v) && v >= r.minStops, 'an integer >= minStops');
  check('stationRadiusKm', (v) => v > 0, 'a number > 0');
  check('cityDetourFactor', (v) => v >= 1, 'a number >= 1');
  check('vanCapacityParcels', (v) => v >= 2 * r.parcelsPerStop, 'a number >= 2 × parcelsPerStop');
  check('vanCnyPerKm', (v) => v >= 0, 'a number >= 0');
  check('vanCnyPerRoute', (v) => v >= 0, 'a number >= 0');
  check('courierCnyPerHour', (v) => v >= 0, 'a number >= 0');
  check('serviceSPerStop', (v) => v >= 0, 'a number >= 0');
  check('citySpeedKmh', (v) => v > 0, 'a number > 0');
  check('vrpIterations', (v) => int(v) && v >= 1, 'an integer >= 1');
  if (typeof r.startDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.startDate)) throw new InputError('startDate must be an ISO date', 'params.startDate');
  if (typeof r.forecastModel !== 'string') throw new InputError('forecastModel must be a model name', 'params.forecastModel');
  check('hubCapacityScale', (v) => v > 0, 'a number > 0');
  for (const k of ['closedHubs', 'closedLanes'] as const) {
    const list = r[k];
    const what = k === 'closedHubs' ? 'hub' : 'lane';
    if (!Array.isArray(list)) throw new InputError(`${k} must be a list of ${what} ids`, `params.${k}`);
    list.forEach((id, i) => {
      if (typeof id !== 'string' || id === '') throw new InputError(`${k}: ${JSON.stringify(id)} is not a ${what} id`, `params.${k}.${i}`);
      if (list.indexOf(id) !== i) throw new InputError(`${k}: "${id}" is listed twice`, `params.${k}.${i}`);
    });
  }
  return r;
}

/** One row of the assumptions table: parameter, value, source or "assumption". */
export interface AssumptionRow {
  parameter: string;
  value: number | string | null;
  source: string;
}

/** The assumptions table of resolved parameters (with derived costs filled in when given). */
export function assumptionsTable(p: SavingsParams, derived: Partial<Record<keyof SavingsParams, number>> = {}): AssumptionRow[] {
  return (Object.keys(SAVINGS_DEFAULTS) as (keyof SavingsParams)[]).map((k) => {
    const v = p[k];
    return {
      parameter: k,
      value: Array.isArray(v) ? (v.length ? v.join(', ') : 'none') : (v ?? derived[k] ?? null),
      source: ASSUMPTION_SOURCES[k],
    };
  });
}

/**
 * Checks the hub and lane inputs against the network (InputError naming
 * `params.closedHubs.<i>` / `params.closedLanes.<i>`): every closed hub
 * exists and not all are closed; every closed lane exists (when `laneIds`).
 */
export function checkHubParams(hubIds: readonly string[], p: Partial<Pick<SavingsParams, 'closedHubs' | 'closedLanes'>>, prefix = '', laneIds?: readonly string[]): void {
  const known = new Set(hubIds);
  (p.closedHubs ?? []).forEach((id, i) => {
    if (!known.has(id)) throw new InputError(`closedHubs: no hub with id "${id}"`, `${prefix}params.closedHubs.${i}`);
  });
  if ((p.closedHubs ?? []).length >= known.size) throw new InputError('closedHubs: at least one hub must stay open', `${prefix}params.closedHubs`);
  if (!laneIds) return;
  const lanes = new Set(laneIds);
  (p.closedLanes ?? []).forEach((id, i) => {
    if (!lanes.has(id)) throw new InputError(`closedLanes: no lane with id "${id}" (ids are from~to~mode as in data/lanes.csv)`, `${prefix}params.closedLanes.${i}`);
  });
}
