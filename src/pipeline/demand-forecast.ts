/**
 * Parcel demand on the network (stage composition): the SYNTHETIC daily
 * history of each city (src/demand) → a forecast with intervals and a
 * backtest per city and direction (src/forecast) → provincial and national
 * totals that add up (bottom-up).
 */
import { dayNumber, isoOfDay } from '../demand/calendar.js';
import { SYNTHETIC_NOTE } from '../demand/index.js';
import { modelByName } from '../forecast/index.js';
import type { Network } from '../network/index.js';
import { CancelledError } from '../shared/errors.js';
import type { ProgressFn } from '../shared/stop.js';
import { sumForecasts, sumSeries, type MeanAndIntervals } from './bottom-up.js';
import { citySetKey, demandHistory, type DemandCityInfo } from './demand-history.js';
import { demandCitiesOf, resolveForecastRequest, type DemandForecastRequest, type ResolvedForecastRequest } from './forecast-request.js';
import { FIT_DAYS, forecastSeries, scoreBacktest, scoreLevel, SeriesCache, type BacktestScore, type SeriesForecast } from './series-forecast.js';

/** Parcels sent from (origin) or delivered to (destination) a place. */
export const DIRECTIONS = ['origin', 'destination'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** One direction of one city or total in the answer. */
export interface DirectionForecast {
  /** The last `historyDays` days of SYNTHETIC history, parcels/day. */
  historyTail: number[];
  /** Parcels/day for each horizon date, with intervals keyed by level ("80", "95"). */
  forecast: MeanAndIntervals;
  /** The model (and chosen form) that made the forecast; "bottom-up sum" for totals. */
  model: string;
  /** Set when the requested model failed and a simpler one was used. */
  fallback?: string;
  /** Error of the same procedure from one origin `horizonDays` before the end of the history. */
  backtest: BacktestScore;
}

/** One city's forecast. */
export interface CityForecast extends DemandCityInfo {
  origin: DirectionForecast;
  destination: DirectionForecast;
}

/** A province's or the nation's total over the cities in the answer. */
export interface TotalForecast {
  id: string;
  name: string;
  nameZh: string;
  /** Cities summed. */
  cities: number;
  origin: DirectionForecast;
  destination: DirectionForecast;
}

/** The answer of forecastDemand (and of POST /api/forecasts). */
export interface DemandForecast {
  synthetic: true;
  note: string;
  seed: number;
  model: string;
  horizonDays: number;
  levels: number[];
  /** Days of history at the start of `dates` (the rest are the horizon). */
  historyDays: number;
  /** Days of history each model was fitted to. */
  fitDays: number;
  /** History-tail dates, then horizon dates (ISO, one per day). */
  dates: string[];
  cities: CityForecast[];
  provinces: TotalForecast[];
  /** Sum over the cities in the answer (all cities when none were named). */
  national: TotalForecast;
  /** How totals and backtests are made, in words. */
  method: { totals: string; backtest: string };
}

/** Computed series of one city (what a job sends back). */
export type CitySeries = Record<Direction, SeriesForecast>;

/** Progress and cancellation of a run. */
export interface RunControl {
  onProgress?: ProgressFn;
  signal?: AbortSignal;
  /** Series cache (default: one shared per process). */
  cache?: SeriesCache;
}

/** The cache every run in this process shares unless told otherwise. */
export const sharedSeriesCache = new SeriesCache();

const TOTALS_METHOD =
  'Totals are bottom-up: means are the sums of the city means; interval half-widths are combined assuming independent city errors (σ = half-width / z per city, summed in quadrature, each side apart).';
const BACKTEST_METHOD = `One origin: each series is refitted on the ${FIT_DAYS} days before the last horizonDays days of history and scored on those days (sMAPE %, MASE and MSIS with lag-7 scale, coverage at 95% or the widest level). Totals are scored on the bottom-up sum of the city backtest forecasts.`;

/** Cache key of one series. */
function seriesKey(setKey: string, r: ResolvedForecastRequest, cityId: string, dir: Direction): string {
  return `${r.seed}|${setKey}|${r.model}|${r.horizonDays}|${r.levels.join(',')}|${cityId}|${dir}`;
}

/** Number of series of a request not yet in the cache (each costs a fit and a backtest). */
export function missingSeries(cities: readonly DemandCityInfo[], r: ResolvedForecastRequest, cache: SeriesCache = sharedSeriesCache): number {
  const setKey = citySetKey(cities);
  let n = 0;
  for (const id of r.cityIds) for (const dir of DIRECTIONS) if (!cache.has(seriesKey(setKey, r, id, dir))) n++;
  return n;
}

/** Puts series computed elsewhere (by a job) into the cache. */
export function rememberSeries(cities: readonly DemandCityInfo[], r: ResolvedForecastRequest, series: Record<string, CitySeries>, cache: SeriesCache = sharedSeriesCache): void {
  const setKey = citySetKey(cities);
  for (const [id, s] of Object.entries(series)) for (const dir of DIRECTIONS) cache.set(seriesKey(setKey, r, id, dir), s[dir]);
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Forecasts and backtests every series of the request (cached ones are
 * reused). Yields to the event loop between series, reports progress per
 * series and throws CancelledError when the signal is aborted.
 */
export async function computeSeries(cities: readonly DemandCityInfo[], r: ResolvedForecastRequest, ctl: RunControl = {}): Promise<Record<string, CitySeries>> {
  const cache = ctl.cache ?? sharedSeriesCache;
  const setKey = citySetKey(cities);
  const model = modelByName(r.model);
  const total = r.cityIds.length * DIRECTIONS.length;
  const hist = demandHistory(cities, r.seed);
  const index = new Map(hist.cities.map((c, i) => [c.id, i]));
  const out: Record<string, CitySeries> = {};
  let done = 0;
  for (const id of r.cityIds) {
    const part: Partial<CitySeries> = {};
    for (const dir of DIRECTIONS) {
      if (ctl.signal?.aborted) throw new CancelledError('forecast: cancelled');
      const key = seriesKey(setKey, r, id, dir);
      let s = cache.get(key);
      if (!s) {
        s = forecastSeries(model, hist.cities[index.get(id)!][dir], hist.dates, r);
        cache.set(key, s);
        await nextTurn();
      }
      part[dir] = s;
      done++;
      ctl.onProgress?.({ fraction: done / total, iteration: done, message: `${dir} ${id} (${done}/${total} series)` });
    }
    out[id] = part as CitySeries;
  }
  if (ctl.signal?.aborted) throw new CancelledError('forecast: cancelled');
  return out;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;
const roundAll = (xs: readonly number[]): number[] => xs.map(r1);
function roundForecast(f: MeanAndIntervals): MeanAndIntervals {
  return { mean: roundAll(f.mean), intervals: Object.fromEntries(Object.entries(f.intervals).map(([l, iv]) => [l, { lo: roundAll(iv.lo), hi: roundAll(iv.hi) }])) };
}

/** Horizon dates following the last history date. */
function horizonDates(lastIso: string, h: number): string[] {
  const last = dayNumber(lastIso);
  return Array.from({ length: h }, (_, k) => isoOfDay(last + 1 + k));
}

/**
 * Builds the answer from computed series: city forecasts (rounded to 0.1
 * parcel), then provincial and national totals from the rounded city values
 * (so they add up), with their bottom-up backtest.
 */
export function assembleForecast(cities: readonly DemandCityInfo[], r: ResolvedForecastRequest, series: Record<string, CitySeries>): DemandForecast {
  const hist = demandHistory(cities, r.seed);
  const n = hist.dates.length;
  const h = r.horizonDays;
  const level = scoreLevel(r.levels);
  const index = new Map(hist.cities.map((c, i) => [c.id, i]));
  const info = new Map(cities.map((c) => [c.id, c]));
  const out: CityForecast[] = r.cityIds.map((id) => {
    const c = info.get(id)!;
    const s = series[id];
    const dirOut = (dir: Direction): DirectionForecast => ({
      historyTail: hist.cities[index.get(id)!][dir].slice(n - r.historyDays),
      forecast: roundForecast(s[dir].forecast),
      model: s[dir].model,
      ...(s[dir].fallback ? { fallback: s[dir].fallback } : {}),
      backtest: s[dir].backtest,
    });
    return { ...c, origin: dirOut('origin'), destination: dirOut('destination') };
  });

  const byId = new Map(out.map((c) => [c.id, c]));
  const total = (id: string, name: string, nameZh: string, ids: readonly string[]): TotalForecast => {
    const dirTotal = (dir: Direction): DirectionForecast => {
      const full = sumSeries(ids.map((cid) => hist.cities[index.get(cid)!][dir]));
      const origin = n - h;
      const train = full.slice(Math.max(0, origin - FIT_DAYS), origin);
      const back = sumForecasts(ids.map((cid) => series[cid][dir].backtestForecast), r.levels);
      return {
        historyTail: full.slice(n - r.historyDays),
        forecast: roundForecast(sumForecasts(ids.map((cid) => byId.get(cid)![dir].forecast), r.levels)),
        model: 'bottom-up sum',
        backtest: scoreBacktest(train, full.slice(origin), back, level, hist.dates[origin]),
      };
    };
    return { id, name, nameZh, cities: ids.length, origin: dirTotal('origin'), destination: dirTotal('destination') };
  };

  const byProvince = new Map<string, DemandCityInfo[]>();
  for (const id of r.cityIds) {
    const c = info.get(id)!;
    byProvince.set(c.province, [...(byProvince.get(c.province) ?? []), c]);
  }
  const provinces = [...byProvince.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, cs]) => total(p, p, cs[0].provinceZh, cs.map((c) => c.id)));

  return {
    synthetic: true,
    note: SYNTHETIC_NOTE,
    seed: r.seed,
    model: r.model,
    horizonDays: h,
    levels: r.levels,
    historyDays: r.historyDays,
    fitDays: FIT_DAYS,
    dates: [...hist.dates.slice(n - r.historyDays), ...horizonDates(hist.dates[n - 1], h)],
    cities: out,
    provinces,
    national: total('china', 'China', '中国', r.cityIds),
    method: { totals: TOTALS_METHOD, backtest: BACKTEST_METHOD },
  };
}

/** Options of forecastDemand: the request (see DemandForecastRequest) plus progress and cancellation. */
export interface ForecastDemandOptions extends Omit<DemandForecastRequest, 'horizonDays'>, RunControl {
  horizonDays: number;
}

/**
 * Forecasts the SYNTHETIC parcel demand of the network's cities (all by
 * default): per city and direction the history tail, the forecast with
 * intervals, the model and its backtest error; provincial and national
 * totals are bottom-up sums (see sumForecasts). Each model is fitted to the
 * last FIT_DAYS days; results are cached per (seed, city set, model,
 * horizon, levels, city, direction). Bad input → InputError / NotFoundError
 * naming the field; an aborted signal → CancelledError.
 */
export async function forecastDemand(network: Network, opts: ForecastDemandOptions): Promise<DemandForecast> {
  const r = resolveForecastRequest(network, opts);
  const cities = demandCitiesOf(network);
  const series = await computeSeries(cities, r, opts);
  return assembleForecast(cities, r, series);
}
