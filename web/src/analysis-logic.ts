// Pure logic of the Analysis view and its URL state (parameters prefixed 'a'). No DOM, no Leaflet.
import { COMPONENTS, type Component } from './analysis-figures.js';
import type { FlywheelBody } from './analysis-types.js';

// The figures (story, formatting, scales, CSV, KPI labels) live in analysis-figures.ts; re-exported here.
export * from './analysis-figures.js';

/** The Analysis view's state, as kept in the URL: the flywheel's inputs. */
export interface AnalysisUrlState {
  /** Weeks to run (ap). */
  periods: number;
  /** Seeds (as): bands are min / median / max over seeds seed, seed+1, … */
  seeds: number;
  /** First seed (aseed). */
  seed: number;
  /** Price = cost × (1 + margin) (am). */
  margin: number;
  /** Merchant growth per week = elasticity × relative price gap (ae). */
  elasticity: number;
  /** Merchants at the start (amer). */
  merchants: number;
  /** Parcels per merchant per week at the start (appm). */
  parcelsPerMerchantPerWeek: number;
  /** The n most populous cities take part (ac). */
  cities: number;
  /** Components kept at the baseline (aoff, comma-separated). */
  off: Component[];
  /** Every hub's capacity × this in the optimised allocation (ahc). */
  hubCapacityScale: number;
  /** Hubs closed in both plans (aclosed, comma-separated ids). */
  closedHubs: string[];
  /** Lanes closed in both plans (alanes, comma-separated ids from~to~mode). */
  closedLanes: string[];
}

/**
 * A fresh page's state: a quarter (13 weeks), one seed, the savings stage's
 * default assumptions. 13 weeks run in about 11 s on one core (the 52-week
 * run takes ~35 CPU s), so the first result shows quickly; the "52 weeks × 3
 * seeds" preset gives the full year with bands.
 */
export const DEFAULT_ANALYSIS: Readonly<AnalysisUrlState> = Object.freeze({
  periods: 13,
  seeds: 1,
  seed: 1,
  margin: 0.1,
  elasticity: 0.1,
  merchants: 2000,
  parcelsPerMerchantPerWeek: 350,
  cities: 20,
  off: [] as Component[],
  hubCapacityScale: 1,
  closedHubs: [] as string[],
  closedLanes: [] as string[],
});

/** Hub capacity scales offered: the operator's ~50 t/day use a sliver of the hubs' 1,500–7,100 t/day, so capacities bind only near 0.1%. */
export const HUB_CAPACITY_SCALES: readonly number[] = [1, 0.01, 0.002, 0.001, 0.0005];

/** The full-year preset (as `hubflow flywheel --periods 52 --seeds 3`). */
export const YEAR_PRESET: Readonly<Partial<AnalysisUrlState>> = Object.freeze({ periods: 52, seeds: 3 });

/** Input limits (the API's: periods ≤ 104, seeds ≤ 5). */
export const LIMITS = {
  periods: [1, 104],
  seeds: [1, 5],
  seed: [0, 2 ** 31 - 1],
  margin: [0, 1],
  elasticity: [0, 1],
  merchants: [1, 1_000_000],
  parcelsPerMerchantPerWeek: [1, 100_000],
  cities: [2, 130],
  hubCapacityScale: [0.0001, 10],
} as const satisfies Record<string, readonly [number, number]>;

type NumKey = keyof typeof LIMITS;
const KEYS: Record<NumKey, string> = {
  periods: 'ap',
  seeds: 'as',
  seed: 'aseed',
  margin: 'am',
  elasticity: 'ae',
  merchants: 'amer',
  parcelsPerMerchantPerWeek: 'appm',
  cities: 'ac',
  hubCapacityScale: 'ahc',
};
const INTEGER: ReadonlySet<NumKey> = new Set(['periods', 'seeds', 'seed', 'cities']);

/** `v` if it is a valid value of `k`, else undefined. */
export function checkValue(k: NumKey, v: number): number | undefined {
  const [lo, hi] = LIMITS[k];
  if (!Number.isFinite(v) || v < lo || v > hi) return undefined;
  if (INTEGER.has(k) && !Number.isInteger(v)) return undefined;
  return v;
}

/** Reads the view's parameters; anything missing or invalid takes its default. */
export function parseAnalysis(q: URLSearchParams): AnalysisUrlState {
  const s: AnalysisUrlState = { ...DEFAULT_ANALYSIS, off: [], closedHubs: [], closedLanes: [] };
  for (const k of Object.keys(KEYS) as NumKey[]) {
    const raw = q.get(KEYS[k]);
    if (raw === null || raw.trim() === '') continue;
    const v = checkValue(k, Number(raw));
    if (v !== undefined) s[k] = v;
  }
  const off = q.get('aoff');
  if (off) s.off = COMPONENTS.filter((c) => off.split(',').includes(c));
  const closed = q.get('aclosed');
  if (closed) s.closedHubs = [...new Set(closed.split(',').filter((id) => /^[\w-]+$/.test(id)))];
  const lanes = q.get('alanes');
  if (lanes) s.closedLanes = [...new Set(lanes.split(',').filter((id) => /^[\w-]+~[\w-]+~[a-z]+$/.test(id)))];
  return s;
}

/** Appends the view's parameters (defaults left out) to `parts`. */
export function formatAnalysis(s: AnalysisUrlState, parts: string[]): void {
  for (const k of Object.keys(KEYS) as NumKey[]) {
    if (s[k] !== DEFAULT_ANALYSIS[k]) parts.push(`${KEYS[k]}=${encodeURIComponent(String(s[k]))}`);
  }
  if (s.off.length) parts.push(`aoff=${s.off.join(',')}`);
  if (s.closedHubs.length) parts.push(`aclosed=${s.closedHubs.map(encodeURIComponent).join(',')}`);
  if (s.closedLanes.length) parts.push(`alanes=${s.closedLanes.map(encodeURIComponent).join(',')}`);
}

/** The POST /api/flywheel body of a state (every parameter explicit, so equal inputs compare equal). */
export function flywheelBody(s: AnalysisUrlState): FlywheelBody {
  const body: FlywheelBody = {
    periods: s.periods,
    seed: s.seed,
    seeds: s.seeds,
    params: { margin: s.margin, elasticity: s.elasticity, merchants: s.merchants, parcelsPerMerchantPerWeek: s.parcelsPerMerchantPerWeek, cities: s.cities },
  };
  // Hub inputs only when changed, so runs without them keep the keys of earlier stored scenarios.
  if (s.hubCapacityScale !== 1) body.params.hubCapacityScale = s.hubCapacityScale;
  if (s.closedHubs.length) body.params.closedHubs = [...s.closedHubs].sort();
  if (s.closedLanes.length) body.params.closedLanes = [...s.closedLanes].sort();
  if (s.off.length) body.off = COMPONENTS.filter((c) => s.off.includes(c));
  return body;
}

/** A scenario's stored inputs and seed for a state (the body without `seed`). */
export function scenarioInputs(s: AnalysisUrlState): { inputs: Omit<FlywheelBody, 'seed'>; seed: number } {
  const { seed, ...inputs } = flywheelBody(s);
  return { inputs, seed };
}

/** Stable text of a scenario's inputs and seed (keys sorted), to find a stored result for the same inputs. */
export function inputsKey(inputs: unknown, seed: number): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(norm);
    if (x !== null && typeof x === 'object') {
      return Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, norm(v)]));
    }
    return x;
  };
  const i = (inputs ?? {}) as Record<string, unknown>;
  const withDefaults = { seeds: 1, off: [], params: {}, ...i };
  return JSON.stringify([norm(withDefaults), seed]);
}

/** The state a scenario's stored inputs describe (parameters it does not set keep their defaults). */
export function stateFromInputs(inputs: Record<string, unknown>, seed: number): AnalysisUrlState {
  const s: AnalysisUrlState = { ...DEFAULT_ANALYSIS, off: [], closedHubs: [], closedLanes: [], seed };
  const p = (inputs.params ?? {}) as Record<string, unknown>;
  const take = (k: NumKey, v: unknown) => {
    if (typeof v === 'number' && checkValue(k, v) !== undefined) s[k] = v;
  };
  take('periods', inputs.periods);
  take('seeds', inputs.seeds);
  take('cities', inputs.cities ?? p.cities);
  for (const k of ['margin', 'elasticity', 'merchants', 'parcelsPerMerchantPerWeek', 'hubCapacityScale'] as const) take(k, p[k]);
  if (Array.isArray(p.closedHubs)) s.closedHubs = p.closedHubs.filter((x): x is string => typeof x === 'string');
  if (Array.isArray(p.closedLanes)) s.closedLanes = p.closedLanes.filter((x): x is string => typeof x === 'string');
  if (Array.isArray(inputs.off)) s.off = COMPONENTS.filter((c) => (inputs.off as unknown[]).includes(c));
  return s;
}

/** A short default name for a scenario of a state: "13 wk · margin 10% · elasticity 0.10". */
export function scenarioName(s: AnalysisUrlState): string {
  const parts = [`${s.periods} wk`, `margin ${Math.round(s.margin * 100)}%`, `elasticity ${s.elasticity.toFixed(2)}`];
  if (s.seeds > 1) parts.push(`${s.seeds} seeds`);
  if (s.off.length) parts.push(`no ${s.off.join('/')}`);
  if (s.hubCapacityScale !== 1) parts.push(`hub capacity ${pctScale(s.hubCapacityScale)}`);
  if (s.closedHubs.length) parts.push(`${s.closedHubs.length} hub${s.closedHubs.length > 1 ? 's' : ''} closed`);
  if (s.closedLanes.length) parts.push(`${s.closedLanes.length} lane${s.closedLanes.length > 1 ? 's' : ''} closed`);
  return parts.join(' · ');
}

/** A capacity scale as a percentage: 100%, 1%, 0.2%, 0.05%. */
export function pctScale(x: number): string {
  return `${Number((x * 100).toPrecision(3))}%`;
}
