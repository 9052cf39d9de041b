// Pure logic of the Flows view and its URL state (parameters prefixed 'f'). No DOM, no Leaflet.
import type { DemandForecast } from './demand-types.js';
import type { AllocationOverrides, AllocationRequest, CityTotals } from './flows-types.js';

/** What-if edits of the network: capacities in tonnes/day, hubs closed or forced open, lanes closed. */
export interface FlowsEdits {
  /** Hub id → capacity, t/day. */
  hubCap: Record<string, number>;
  /** Lane id (from~to~mode) → capacity per direction, t/day. */
  laneCap: Record<string, number>;
  closedHubs: string[];
  /** Hubs kept open by the mixed-integer model. */
  openHubs: string[];
  closedLanes: string[];
  /** Lanes kept running when the mixed-integer model decides which line-haul lanes run. */
  openLanes: string[];
}

/** Where the demand comes from: the SYNTHETIC gravity model, or the forecast's mean or upper interval bound. */
export type DemandSource = 'synthetic' | 'mean' | 'p80' | 'p95';

/** Labels of the demand sources. */
export const DEMAND_LABEL: Record<DemandSource, string> = {
  synthetic: 'Gravity model on population',
  mean: 'Forecast: mean',
  p80: 'Forecast: upper 80 % bound',
  p95: 'Forecast: upper 95 % bound',
};

/** The demand sources, in display order. */
export const DEMAND_SOURCES: readonly DemandSource[] = ['synthetic', 'mean', 'p80', 'p95'];

/** ASSUMED mean parcel weight turning forecast parcels into kg (the same as the synthetic demand's default). */
export const KG_PER_PARCEL = 0.5;

/** Forecast horizon asked for (the Demand view's default, so the server's cached series are shared). */
export const FORECAST_HORIZON_DAYS = 28;

/** The Flows view's state, as kept in the URL. */
export interface FlowsUrlState {
  /** Demand source (fdemand). */
  demand: DemandSource;
  /** Forecast day, 0 = the first day after the history (fday). */
  day: number;
  /** Only the n most populous cities send and receive (fcities); null = every city. */
  cities: number | null;
  /** Multiplies the SYNTHETIC national demand (fscale). */
  scale: number;
  /** Mixed-integer model: decide which hubs to open (fmip=1). */
  integer: boolean;
  /** With `integer`: also decide which line-haul lanes run, each at a fixed cost (flanes=1). */
  lanes: boolean;
  /** Lanes carrying less than this % of the largest flow are not drawn (fmin). */
  minPct: number;
  /** Draw first- and last-mile lanes (city ↔ hub) too (flocal=1). */
  local: boolean;
  /** What-if edits (fhcap, flcap, fclose, fopen, fcloselane). */
  edits: FlowsEdits;
}

/** No edits. */
export const NO_EDITS: Readonly<FlowsEdits> = { hubCap: {}, laneCap: {}, closedHubs: [], openHubs: [], closedLanes: [], openLanes: [] };

/** A fresh page's state. */
export const DEFAULT_FLOWS: Readonly<FlowsUrlState> = { demand: 'synthetic', day: 0, cities: null, scale: 1, integer: false, lanes: false, minPct: 5, local: false, edits: NO_EDITS };

/** Choices of the city subset (null = every city). */
export const CITY_CHOICES: readonly (number | null)[] = [null, 60, 30, 12];
/** Choices of the small-flow filter, % of the largest lane flow. */
export const MIN_PCT_CHOICES: readonly number[] = [0, 1, 2, 5, 10];

const ID = /^[\w.~-]+$/;

/** Copies edits (so a caller can change the copy). */
export function copyEdits(e: FlowsEdits): FlowsEdits {
  return { hubCap: { ...e.hubCap }, laneCap: { ...e.laneCap }, closedHubs: [...e.closedHubs], openHubs: [...e.openHubs], closedLanes: [...e.closedLanes], openLanes: [...e.openLanes] };
}

/** True when there is no edit. */
export function noEdits(e: FlowsEdits): boolean {
  return editCount(e) === 0;
}

/** Number of edits. */
export function editCount(e: FlowsEdits): number {
  return Object.keys(e.hubCap).length + Object.keys(e.laneCap).length + e.closedHubs.length + e.openHubs.length + e.closedLanes.length + e.openLanes.length;
}

function parseIds(s: string | null): string[] {
  if (!s) return [];
  return [...new Set(s.split(',').filter((x) => ID.test(x)))];
}

function parseCaps(s: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  if (!s) return out;
  for (const part of s.split(',')) {
    const i = part.lastIndexOf(':');
    if (i <= 0) continue;
    const id = part.slice(0, i);
    const t = Number(part.slice(i + 1));
    if (ID.test(id) && part.slice(i + 1).trim() !== '' && Number.isFinite(t) && t >= 0) out[id] = t;
  }
  return out;
}

const num = (s: string | null): number => (s === null || s.trim() === '' ? NaN : Number(s));

/** Reads the view's parameters; anything missing or invalid takes its default. */
export function parseFlows(q: URLSearchParams): FlowsUrlState {
  const cities = num(q.get('fcities'));
  const scale = num(q.get('fscale'));
  const minPct = num(q.get('fmin'));
  const closedHubs = parseIds(q.get('fclose'));
  const demand = q.get('fdemand');
  const day = num(q.get('fday'));
  return {
    demand: DEMAND_SOURCES.find((d) => d === demand) ?? DEFAULT_FLOWS.demand,
    day: Number.isInteger(day) && day >= 0 && day < FORECAST_HORIZON_DAYS ? day : DEFAULT_FLOWS.day,
    cities: Number.isInteger(cities) && cities >= 2 ? cities : null,
    scale: Number.isFinite(scale) && scale > 0 && scale <= 100 ? scale : DEFAULT_FLOWS.scale,
    integer: q.get('fmip') === '1',
    lanes: q.get('fmip') === '1' && q.get('flanes') === '1',
    minPct: Number.isFinite(minPct) && minPct >= 0 && minPct <= 100 ? minPct : DEFAULT_FLOWS.minPct,
    local: q.get('flocal') === '1',
    edits: {
      hubCap: parseCaps(q.get('fhcap')),
      laneCap: parseCaps(q.get('flcap')),
      closedHubs,
      openHubs: parseIds(q.get('fopen')).filter((h) => !closedHubs.includes(h)),
      closedLanes: parseIds(q.get('fcloselane')),
      openLanes: parseIds(q.get('fopenlane')).filter((l) => !parseIds(q.get('fcloselane')).includes(l)),
    },
  };
}

const caps = (r: Record<string, number>) =>
  Object.keys(r)
    .sort()
    .map((k) => `${k}:${r[k]}`)
    .join(',');

/** Appends the view's parameters (defaults left out) to `parts`. */
export function formatFlows(s: FlowsUrlState, parts: string[]): void {
  if (s.demand !== DEFAULT_FLOWS.demand) parts.push(`fdemand=${s.demand}`);
  if (s.day !== DEFAULT_FLOWS.day) parts.push(`fday=${s.day}`);
  if (s.cities !== null) parts.push(`fcities=${s.cities}`);
  if (s.scale !== DEFAULT_FLOWS.scale) parts.push(`fscale=${s.scale}`);
  if (s.integer) parts.push('fmip=1');
  if (s.integer && s.lanes) parts.push('flanes=1');
  if (s.minPct !== DEFAULT_FLOWS.minPct) parts.push(`fmin=${s.minPct}`);
  if (s.local) parts.push('flocal=1');
  const e = s.edits;
  if (Object.keys(e.hubCap).length) parts.push(`fhcap=${caps(e.hubCap)}`);
  if (Object.keys(e.laneCap).length) parts.push(`flcap=${caps(e.laneCap)}`);
  if (e.closedHubs.length) parts.push(`fclose=${e.closedHubs.join(',')}`);
  if (e.openHubs.length) parts.push(`fopen=${e.openHubs.join(',')}`);
  if (e.closedLanes.length) parts.push(`fcloselane=${e.closedLanes.join(',')}`);
  if (e.openLanes.length) parts.push(`fopenlane=${e.openLanes.join(',')}`);
}

/** The API's overrides for some edits (forced-open hubs and lanes only matter to the mixed-integer model). */
export function editsToOverrides(e: FlowsEdits, integer: boolean, lanes = false): AllocationOverrides {
  const o: AllocationOverrides = {};
  if (Object.keys(e.hubCap).length) o.hubCapacityTonnesPerDay = { ...e.hubCap };
  if (Object.keys(e.laneCap).length) o.laneCapacityTonnesPerDay = { ...e.laneCap };
  if (e.closedHubs.length) o.closedHubs = [...e.closedHubs];
  if (integer && e.openHubs.length) o.forcedOpenHubs = e.openHubs.filter((h) => !e.closedHubs.includes(h));
  if (e.closedLanes.length) o.closedLanes = [...e.closedLanes];
  if (integer && lanes && e.openLanes.length) o.forcedOpenLanes = e.openLanes.filter((l) => !e.closedLanes.includes(l));
  return o;
}

/**
 * The body of POST /api/allocations for a state; `citiesByPopulation` lists
 * city ids, most populous first (the subset is its first `cities`).
 */
export function allocationRequest(s: FlowsUrlState, citiesByPopulation: readonly string[], forecast?: CityTotals[]): AllocationRequest {
  const overrides = editsToOverrides(s.edits, s.integer, s.lanes);
  const rest = { ...(Object.keys(overrides).length ? { overrides } : {}), integer: s.integer, ...(s.integer && s.lanes ? { options: { laneDecisions: 'linehaul' as const } } : {}) };
  if (s.demand !== 'synthetic') {
    if (!forecast) throw new Error('allocationRequest: the forecast totals are needed');
    return { demand: { cities: forecast.map((c) => ({ ...c, sendKgPerDay: c.sendKgPerDay * s.scale, receiveKgPerDay: c.receiveKgPerDay * s.scale })), seed: 1 }, ...rest };
  }
  const synthetic: { seed?: number; scale?: number; cities?: string[] } = { seed: 1 };
  if (s.scale !== 1) synthetic.scale = s.scale;
  const subset = subsetOf(s, citiesByPopulation);
  if (subset) synthetic.cities = subset;
  return { demand: { synthetic }, ...rest };
}

/** The city subset of a state (the n most populous), or null for every city. */
export function subsetOf(s: FlowsUrlState, citiesByPopulation: readonly string[]): string[] | null {
  return s.cities !== null && s.cities < citiesByPopulation.length ? citiesByPopulation.slice(0, s.cities) : null;
}

/**
 * Per-city totals (kg/day) of one forecast day: the mean or the upper bound of
 * an interval, parcels × KG_PER_PARCEL. Cities with neither sending nor
 * receiving are left out. Upper bounds are per city, so their sum is above
 * the national upper bound: sizing each city for its own bad day.
 */
export function forecastTotals(f: DemandForecast, source: Exclude<DemandSource, 'synthetic'>, day: number, only?: readonly string[] | null): CityTotals[] {
  const keep = only ? new Set(only) : null;
  const d = Math.min(Math.max(0, day), f.horizonDays - 1);
  const pick = (series: DemandForecast['cities'][number]['origin']) => {
    if (source === 'mean') return series.forecast.mean[d];
    const band = series.forecast.intervals[source === 'p80' ? '80' : '95'];
    return band ? band.hi[d] : series.forecast.mean[d];
  };
  return f.cities
    .filter((c) => !keep || keep.has(c.id))
    .map((c) => ({ city: c.id, sendKgPerDay: Math.max(0, pick(c.origin)) * KG_PER_PARCEL, receiveKgPerDay: Math.max(0, pick(c.destination)) * KG_PER_PARCEL }))
    .filter((c) => c.sendKgPerDay > 0 || c.receiveKgPerDay > 0);
}

/** A key of the inputs that change the answer (not the drawing filters). */
export function solveKey(s: FlowsUrlState): string {
  const parts: string[] = [];
  formatFlows({ ...s, minPct: DEFAULT_FLOWS.minPct, local: false }, parts);
  return parts.join('&');
}

/** Toggles an id in a list (returns a new list). */
export function toggle(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}
