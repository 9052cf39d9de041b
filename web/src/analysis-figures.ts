// The Analysis view's figures, pure: the story of a report (first weeks against last), number
// formatting, chart scales, the waterfall's steps, the per-week CSV, and the comparison's KPI labels.
import type { FlywheelPeriod, FlywheelResult } from './analysis-types.js';

/** Components of the optimised plan, in the order of the waterfall. */
export const COMPONENTS = ['forecasting', 'allocation', 'routing'] as const;
export type Component = (typeof COMPONENTS)[number];

/** Mean of numbers (NaN for none). */
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The story's figures: the flywheel from its first weeks to its last. */
export interface Story {
  weeks: number;
  /** Parcel-weighted cost per parcel over the run, CNY. */
  costBaselineCny: number;
  costOptimisedCny: number;
  savingPct: number;
  cumulativeSavingsCny: number;
  /** Price in the first and last week (optimised), and the baseline operator's price in the last week. */
  priceStartCny: number;
  priceEndCny: number;
  baselinePriceEndCny: number;
  merchantsStart: number;
  merchantsEnd: number;
  parcelsStart: number;
  parcelsEnd: number;
  /** Median forecast error of the first and of the last `errorWeeks` weeks, % (medians: sales peaks and the Spring Festival spike single weeks); the naive forecast's mean over the run. */
  errorStartPct: number;
  errorEndPct: number;
  errorWeeks: number;
  errorOptimisedMeanPct: number;
  errorBaselineMeanPct: number;
}

/** Weeks compared at each end for the forecast error: a quarter of the run, 1 to 13. */
export function errorWindow(n: number): number {
  return Math.max(1, Math.min(13, Math.floor(n / 4)));
}

/** Median of numbers (mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** The story's figures of a report. */
export function story(r: FlywheelResult): Story {
  const ps = r.periods;
  const first = ps[0];
  const last = ps[ps.length - 1];
  const parcels = ps.reduce((s, p) => s + p.parcels, 0);
  const w = (f: (p: FlywheelPeriod) => number) => ps.reduce((s, p) => s + f(p) * p.parcels, 0) / parcels;
  const base = w((p) => p.costPerParcelBaselineCny);
  const opt = w((p) => p.costPerParcelOptimisedCny);
  const k = errorWindow(ps.length);
  return {
    weeks: ps.length,
    costBaselineCny: base,
    costOptimisedCny: opt,
    savingPct: base > 0 ? (100 * (base - opt)) / base : 0,
    cumulativeSavingsCny: last.cumulativeSavingsCny,
    priceStartCny: first.priceCny,
    priceEndCny: last.priceCny,
    baselinePriceEndCny: last.baselinePriceCny,
    merchantsStart: first.merchants,
    merchantsEnd: last.merchants,
    parcelsStart: first.parcels,
    parcelsEnd: last.parcels,
    errorStartPct: median(ps.slice(0, k).map((p) => p.forecastErrorPct)),
    errorEndPct: median(ps.slice(-k).map((p) => p.forecastErrorPct)),
    errorWeeks: k,
    errorOptimisedMeanPct: mean(ps.map((p) => p.forecastErrorPct)),
    errorBaselineMeanPct: mean(ps.map((p) => p.forecastErrorPctBaseline)),
  };
}

/** Relative change b vs a, %. */
export function changePct(a: number, b: number): number {
  return a !== 0 ? ((b - a) / Math.abs(a)) * 100 : 0;
}

/** "rise", "fall" or "stay" for a change of `pct` % (|pct| < 0.5 is "stay"). */
export function verb(pct: number, up = 'rise', down = 'fall', flat = 'stay level'): string {
  return Math.abs(pct) < 0.5 ? flat : pct > 0 ? up : down;
}

/** CNY, compact: ¥27.7 M, ¥512 k, ¥3.21. */
export function cny(x: number, digits = 2): string {
  const a = Math.abs(x);
  const sign = x < 0 ? '−' : '';
  if (a >= 1e6) return `${sign}¥${(a / 1e6).toFixed(a >= 1e8 ? 0 : 1)} M`;
  if (a >= 1e4) return `${sign}¥${Math.round(a / 1e3).toLocaleString('en-US')} k`;
  if (a >= 100) return `${sign}¥${Math.round(a).toLocaleString('en-US')}`;
  return `${sign}¥${a.toFixed(digits)}`;
}

/** A count, compact: 2,000 · 45.2 k · 1.25 M. */
export function count(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e6) return `${(x / 1e6).toFixed(2)} M`;
  if (a >= 1e5) return `${Math.round(x / 1e3).toLocaleString('en-US')} k`;
  return Math.round(x).toLocaleString('en-US');
}

/** A signed percentage: +18.4%, −14.7%. */
export function signedPct(x: number, digits = 1): string {
  const v = Number(x.toFixed(digits));
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(digits)}%`;
}

/** Shares of the saving by component, in the waterfall's order, with the total. */
export function waterfallSteps(a: { forecastingCny: number; allocationCny: number; routingCny: number; totalCny: number }): { component: Component; cny: number; sharePct: number }[] {
  return COMPONENTS.map((c) => {
    const cnyV = a[`${c}Cny`];
    return { component: c, cny: cnyV, sharePct: a.totalCny !== 0 ? (100 * cnyV) / a.totalCny : 0 };
  });
}

/** Ticks from a round value at or below `lo` to one at or above `hi`, about `count` steps (`lo` = 0 keeps zero). */
export function niceRange(lo: number, hi: number, count = 4): number[] {
  if (!(hi > lo)) {
    const pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1;
    return niceRange(lo - pad, hi + pad, count);
  }
  const raw = (hi - lo) / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const step = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
  const start = Math.floor(lo / step + 1e-9) * step;
  const end = Math.ceil(hi / step - 1e-9) * step;
  const out: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Columns of the per-period table and its CSV export. */
export const TABLE_COLUMNS: readonly { key: keyof FlywheelPeriod; head: string; csv: string; digits: number }[] = [
  { key: 'period', head: 'Week', csv: 'period', digits: 0 },
  { key: 'merchants', head: 'Merchants', csv: 'merchants', digits: 0 },
  { key: 'parcels', head: 'Parcels', csv: 'parcels', digits: 0 },
  { key: 'forecastErrorPct', head: 'Forecast error %', csv: 'forecastErrorPct', digits: 2 },
  { key: 'forecastErrorPctBaseline', head: 'Naive error %', csv: 'forecastErrorPctBaseline', digits: 2 },
  { key: 'costPerParcelBaselineCny', head: 'Baseline ¥/parcel', csv: 'costPerParcelBaselineCny', digits: 4 },
  { key: 'costPerParcelOptimisedCny', head: 'Optimised ¥/parcel', csv: 'costPerParcelOptimisedCny', digits: 4 },
  { key: 'priceCny', head: 'Price ¥', csv: 'priceCny', digits: 4 },
  { key: 'baselinePriceCny', head: 'Baseline price ¥', csv: 'baselinePriceCny', digits: 4 },
  { key: 'cumulativeSavingsCny', head: 'Cumulative saving ¥', csv: 'cumulativeSavingsCny', digits: 0 },
];

/** The per-period table as CSV (a header row, one row per week, `\n` line ends; SYNTHETIC noted in a comment line). */
export function periodsCsv(r: FlywheelResult): string {
  const cols = [...TABLE_COLUMNS.map((c) => c.csv), 'forecastingCny', 'allocationCny', 'routingCny'];
  const rows = r.periods.map((p) => {
    const base = TABLE_COLUMNS.map((c) => (p[c.key] as number).toFixed(c.digits));
    const at = [p.attribution.forecastingCny, p.attribution.allocationCny, p.attribution.routingCny].map((x) => x.toFixed(0));
    return [...base, ...at].join(',');
  });
  return [`# hubflow flywheel, SYNTHETIC demand, seed ${r.seed}, ${r.periods.length} weeks; attribution columns are the week's Shapley split of the saving (CNY)`, cols.join(','), ...rows].join('\n') + '\n';
}

/** Labels, units and direction of the KPIs a comparison returns. */
export const KPI_INFO: Record<string, { label: string; unit: string; better: 'lower' | 'higher' | 'none'; fmt: (x: number) => string }> = {
  costPerParcelBaselineCny: { label: 'Cost per parcel, baseline', unit: '¥', better: 'lower', fmt: (x) => `¥${x.toFixed(3)}` },
  costPerParcelOptimisedCny: { label: 'Cost per parcel, optimised', unit: '¥', better: 'lower', fmt: (x) => `¥${x.toFixed(3)}` },
  savingPct: { label: 'Saving', unit: '%', better: 'higher', fmt: (x) => `${x < 0 ? '−' : ''}${Math.abs(x).toFixed(1)}%` },
  cumulativeSavingsCny: { label: 'Cumulative saving', unit: '¥', better: 'higher', fmt: (x) => cny(x) },
  merchantsEnd: { label: 'Merchants at the end', unit: '', better: 'higher', fmt: (x) => count(x) },
  forecastErrorPctMean: { label: 'Forecast error, mean', unit: '%', better: 'lower', fmt: (x) => `${x.toFixed(2)}%` },
  parcels: { label: 'Parcels over the run', unit: '', better: 'higher', fmt: (x) => count(x) },
  forecastingCny: { label: 'Saving from forecasting', unit: '¥', better: 'higher', fmt: (x) => cny(x) },
  allocationCny: { label: 'Saving from allocation', unit: '¥', better: 'higher', fmt: (x) => cny(x) },
  routingCny: { label: 'Saving from routing', unit: '¥', better: 'higher', fmt: (x) => cny(x) },
};

/** Whether a KPI difference is good, bad or neutral for the operator. */
export function diffTone(name: string, diff: number | null): 'good' | 'bad' | 'same' {
  const info = KPI_INFO[name];
  if (diff === null || !info || info.better === 'none') return 'same';
  const scale = Math.max(1e-9, Math.abs(diff));
  if (scale < 1e-9 || Math.abs(diff) < 1e-9) return 'same';
  return (diff < 0) === (info.better === 'lower') ? 'good' : 'bad';
}

