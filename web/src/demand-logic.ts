// Pure logic of the Demand view: scales (circle size, sequential colours), ticks, formatting and the
// view's URL state. No DOM, no Leaflet: unit-tested in test/browser/demand-logic.test.ts.
import type { DemandForecast, DemandSeries, Direction } from './demand-types.js';

/** What the circles' colour shows: the forecast volume (as the size) or the backtest sMAPE. */
export type ColorBy = 'volume' | 'error';

/** The Demand view's state, as kept in the URL. */
export interface DemandUrlState {
  horizonDays: number;
  /** "auto" or a model name the API accepts. */
  model: string;
  /** Day of the horizon shown on the map, 0-based. */
  day: number;
  direction: Direction;
  colorBy: ColorBy;
  /** Selected city id; null: national totals. */
  city: string | null;
  /** Cities asked for; null: every city of the network. */
  cities: string[] | null;
}

/** Horizons offered (days). */
export const HORIZONS: readonly number[] = [7, 14, 28, 56, 90];

/** Models offered, as the API names them (src/forecast/registry.ts); "auto" is the default. */
export const MODELS: readonly { id: string; label: string }[] = [
  { id: 'auto', label: 'auto (ETS + Theta + damped)' },
  { id: 'theta', label: 'Theta' },
  { id: 'damped', label: 'Damped trend' },
  { id: 'ets', label: 'ETS' },
  { id: 'snaive', label: 'Seasonal naive' },
  { id: 'holt', label: 'Holt' },
  { id: 'ses', label: 'SES' },
  { id: 'naive', label: 'Naive' },
  { id: 'naive2', label: 'Naive2' },
  { id: 'croston', label: 'Croston' },
  { id: 'tsb', label: 'TSB' },
];

/** The state of a fresh Demand tab: 28 days, auto, day 1, sent parcels, coloured by volume. */
export const DEFAULT_DEMAND: Readonly<DemandUrlState> = {
  horizonDays: 28,
  model: 'auto',
  day: 0,
  direction: 'origin',
  colorBy: 'volume',
  city: null,
  cities: null,
};

const ID = /^[\w-]+$/;

/** Reads the Demand keys of the hash (`dh, dmodel, dday, ddir, dcolor, dcity, dcities`); bad values take defaults. */
export function parseDemand(q: URLSearchParams): DemandUrlState {
  const h = Number(q.get('dh'));
  const horizonDays = Number.isInteger(h) && h >= 1 && h <= 366 ? h : DEFAULT_DEMAND.horizonDays;
  const model = q.get('dmodel');
  const day = Number(q.get('dday'));
  const city = q.get('dcity');
  const cities = (q.get('dcities') ?? '').split(',').filter((c) => ID.test(c));
  return {
    horizonDays,
    model: model && MODELS.some((m) => m.id === model) ? model : DEFAULT_DEMAND.model,
    day: Number.isInteger(day) && day >= 0 && day < horizonDays ? day : 0,
    direction: q.get('ddir') === 'destination' ? 'destination' : 'origin',
    colorBy: q.get('dcolor') === 'error' ? 'error' : 'volume',
    city: city && ID.test(city) ? city : null,
    cities: cities.length ? cities : null,
  };
}

/** Appends the Demand keys that differ from the defaults. */
export function formatDemand(s: DemandUrlState, parts: string[]): void {
  if (s.horizonDays !== DEFAULT_DEMAND.horizonDays) parts.push(`dh=${s.horizonDays}`);
  if (s.model !== DEFAULT_DEMAND.model) parts.push(`dmodel=${s.model}`);
  if (s.day !== 0) parts.push(`dday=${s.day}`);
  if (s.direction !== 'origin') parts.push(`ddir=${s.direction}`);
  if (s.colorBy !== 'volume') parts.push(`dcolor=${s.colorBy}`);
  if (s.city) parts.push(`dcity=${encodeURIComponent(s.city)}`);
  if (s.cities) parts.push(`dcities=${s.cities.map(encodeURIComponent).join(',')}`);
}

/** Largest circle radius in pixels, and the smallest drawn (so a tiny city stays clickable). */
export const MAX_DEMAND_RADIUS_PX = 26;
export const MIN_DEMAND_RADIUS_PX = 2.5;

/** Radius of a circle for `value` when `maxValue` gets the largest: area ∝ value (sqrt scale). */
export function demandRadius(value: number, maxValue: number, maxR = MAX_DEMAND_RADIUS_PX, minR = MIN_DEMAND_RADIUS_PX): number {
  if (!(maxValue > 0) || !(value > 0)) return minR;
  return Math.max(minR, maxR * Math.sqrt(Math.min(value, maxValue) / maxValue));
}

/** Inverse of demandRadius above the minimum: the value drawn with radius `r`. */
export function valueForRadius(r: number, maxValue: number, maxR = MAX_DEMAND_RADIUS_PX): number {
  return maxValue * (r / maxR) ** 2;
}

/** The largest forecast mean of any city on any horizon day: the size scale is fixed over the slider. */
export function maxForecast(f: DemandForecast, dir: Direction): number {
  let m = 0;
  for (const c of f.cities) for (const v of c[dir].forecast.mean) if (v > m) m = v;
  return m;
}

/** Sequential palettes, light to dark (ColorBrewer "Blues" and "YlOrRd", 5 classes; Brewer & Harrower). */
export const BLUES: readonly string[] = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
export const YLORRD: readonly string[] = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];

function hexToRgb(h: string): [number, number, number] {
  const n = parseInt(h.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour at `t` in [0, 1] (clamped) along `stops`, linearly interpolated in RGB, as `#rrggbb`. */
export function rampColor(t: number, stops: readonly string[]): string {
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const pos = x * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = hexToRgb(stops[i]);
  const b = hexToRgb(stops[i + 1]);
  return `#${a.map((v, k) => Math.round(v + (b[k] - v) * f).toString(16).padStart(2, '0')).join('')}`;
}

/** A "nice" step (1, 2 or 5 × 10^k) nearest to `span / count` (thresholds √2, √10, √50 as in d3-array's tickStep). */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m >= Math.sqrt(50) ? 10 : m >= Math.sqrt(10) ? 5 : m >= Math.SQRT2 ? 2 : 1) * p;
}

/** Ticks from 0 to a nice ceiling ≥ `max` (about `count` intervals); [0, 1] when max ≤ 0. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const step = niceStep(max, count);
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** A parcel count, compact: 940, 12.3 k, 1.25 M, 3.02 B. */
export function formatCount(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `${(n / 1e9).toFixed(2)} B`;
  if (a >= 1e6) return `${(n / 1e6).toFixed(a >= 1e7 ? 1 : 2)} M`;
  if (a >= 1e3) return `${(n / 1e3).toFixed(a >= 1e5 ? 0 : a >= 1e4 ? 1 : 2)} k`;
  return String(Math.round(n));
}

/** A percentage with one decimal: "5.2 %"; "–" when undefined. */
export function formatPct(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : `${x.toFixed(1)} %`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `YYYY-MM-DD` as "Thu 1 Jan 2026" (calendar date, no time zone involved). */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${WEEKDAYS[wd]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** `YYYY-MM-DD` as "1 Jan". */
export function shortDay(iso: string): string {
  const [, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]}`;
}

/** The forecast dates (the dates after the history). */
export function forecastDates(f: DemandForecast): string[] {
  return f.dates.slice(f.historyDays);
}

/** Mean and interval bounds of a series on horizon day `day` (clamped to the horizon). */
export function dayFigures(s: DemandSeries, day: number): { mean: number; bands: Record<string, [number, number]> } {
  const n = s.forecast.mean.length;
  const i = Math.min(Math.max(0, day), n - 1);
  const bands: Record<string, [number, number]> = {};
  for (const [lvl, b] of Object.entries(s.forecast.intervals)) bands[lvl] = [b.lo[i], b.hi[i]];
  return { mean: s.forecast.mean[i], bands };
}

/** Interval levels of a series, widest first (so the 95 % band is drawn under the 80 % one). */
export function levelsWidestFirst(s: DemandSeries): string[] {
  return Object.keys(s.forecast.intervals).sort((a, b) => Number(b) - Number(a));
}

/** The largest backtest sMAPE (%) of the cities in one direction (0 when none is defined). */
export function maxSmape(f: DemandForecast, dir: Direction): number {
  let m = 0;
  for (const c of f.cities) {
    const e = c[dir].backtest.smape;
    if (e !== null && Number.isFinite(e) && e > m) m = e;
  }
  return m;
}

/** Sum over horizon days of the forecast mean. */
export function horizonTotal(s: DemandSeries): number {
  return s.forecast.mean.reduce((a, b) => a + b, 0);
}

/** Short name of a model string from the API: "mean(ets(A,N,A,7), theta[7], damped[7])" stays as it is; "" → "–". */
export function modelLabel(model: string, fallback?: string): string {
  const m = model || '–';
  return fallback ? `${m} (fallback: ${fallback})` : m;
}

/** A count rounded down to one significant digit of 1, 2 or 5 (for size keys): 9.55 M → 5 M, 2.4 M → 2 M. */
export function niceFloor(x: number): number {
  if (!(x > 0)) return 0;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

/** Up to three distinct round values for the circle-size key, largest near `max`, ascending. */
export function sizeKeyValues(max: number): number[] {
  const vals = [niceFloor(max / 16), niceFloor(max / 4), niceFloor(max)].filter((v) => v > 0);
  return [...new Set(vals)];
}

/** A tick label: like formatCount without trailing zeros ("300 M", "2.5 k"). */
export function formatTick(n: number): string {
  return formatCount(n).replace(/\.0+ /, ' ').replace(/(\.\d*?)0+ /, '$1 ');
}

/** Days of history the chart shows for a horizon: 1.5 × h, at least 42 (six weeks), at most what there is. */
export function chartHistoryDays(horizonDays: number, available: number): number {
  return Math.min(available, Math.max(42, Math.ceil(1.5 * horizonDays)));
}

/** The series with only its last `keep` history days, and the matching dates (history then forecast). */
export function trimHistory(s: DemandSeries, dates: string[], historyDays: number, keep: number): { series: DemandSeries; dates: string[] } {
  const k = Math.max(1, Math.min(keep, s.historyTail.length));
  return {
    series: { ...s, historyTail: s.historyTail.slice(-k) },
    dates: [...dates.slice(historyDays - k, historyDays), ...dates.slice(historyDays)],
  };
}

/** `YYYY-MM-DD` as "Thu 1 Jan". */
export function shortDayWd(iso: string): string {
  return formatDay(iso).split(' ').slice(0, 3).join(' ');
}
