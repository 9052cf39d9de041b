/**
 * Options of the demand forecast, their defaults, and their validation (one
 * place for the API, the CLI and the library; errors name the field).
 */
import { DEFAULT_DEMAND_PARAMS } from '../demand/index.js';
import { DEFAULT_MODEL, MODELS } from '../forecast/index.js';
import type { Network } from '../network/index.js';
import { InputError, NotFoundError } from '../shared/errors.js';
import type { DemandCityInfo } from './demand-history.js';

/** Longest horizon, days (a year, leap day included). */
export const MAX_HORIZON_DAYS = 366;
/** Most interval levels in one request. */
export const MAX_LEVELS = 5;

/** Defaults of the optional settings. */
export const DEMAND_FORECAST_DEFAULTS = {
  model: DEFAULT_MODEL,
  levels: [80, 95] as readonly number[],
  seed: 1,
  /** Days of history returned before the forecast (for charts). */
  historyDays: 90,
};

/** What a caller may ask for (unchecked). */
export interface DemandForecastRequest {
  /** City ids or names (English any case, or Chinese); default: every city of the network. */
  cities?: readonly unknown[];
  /** Days to forecast, 1..366. */
  horizonDays: unknown;
  /** A model name from src/forecast (default "auto"). */
  model?: unknown;
  /** Interval levels in percent, each in (0, 100) (default [80, 95]). */
  levels?: unknown;
  /** Seed of the SYNTHETIC demand history (default 1). */
  seed?: unknown;
  /** Days of history returned before the forecast (default 90; up to the 731 generated). */
  historyDays?: unknown;
}

/** A checked request: city ids in network order (no duplicates), levels ascending. */
export interface ResolvedForecastRequest {
  cityIds: string[];
  horizonDays: number;
  model: string;
  levels: number[];
  seed: number;
  historyDays: number;
}

/** The network's cities as the forecast stage sees them (network order). */
export function demandCitiesOf(network: Network): DemandCityInfo[] {
  return network.data.cities.map((c) => ({
    id: c.id,
    name: c.name,
    nameZh: c.nameZh,
    province: c.province,
    provinceZh: c.provinceZh,
    population: c.population,
    lon: c.lon,
    lat: c.lat,
  }));
}

function integerIn(v: unknown, field: string, min: number, max: number, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new InputError(`${field} must be an integer from ${min} to ${max} (${what}), got ${JSON.stringify(v)}`, field);
  }
  return v;
}

/** Checks the levels: a non-empty list of distinct numbers in (0, 100); returned ascending. */
export function checkLevels(v: unknown): number[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_LEVELS) {
    throw new InputError(`levels must be a list of 1 to ${MAX_LEVELS} interval levels in percent, e.g. [80, 95]`, 'levels');
  }
  for (const l of v) {
    if (typeof l !== 'number' || !(l > 0 && l < 100)) throw new InputError(`levels: each level must be a number in (0, 100), got ${JSON.stringify(l)}`, 'levels');
  }
  const sorted = [...(v as number[])].sort((a, b) => a - b);
  if (sorted.some((l, i) => i > 0 && l === sorted[i - 1])) throw new InputError('levels: a level is repeated', 'levels');
  return sorted;
}

/**
 * Resolves and checks a request against the network. Bad values → InputError
 * naming the field (`horizonDays`, `model`, `levels`, `seed`, `historyDays`,
 * `cities`); an unknown city → NotFoundError naming its place (`cities/3`).
 */
export function resolveForecastRequest(network: Network, req: DemandForecastRequest): ResolvedForecastRequest {
  const horizonDays = integerIn(req.horizonDays, 'horizonDays', 1, MAX_HORIZON_DAYS, 'days to forecast');
  const model = req.model ?? DEMAND_FORECAST_DEFAULTS.model;
  if (typeof model !== 'string' || !Object.hasOwn(MODELS, model)) {
    throw new InputError(`model: unknown model ${JSON.stringify(model)} (one of ${Object.keys(MODELS).join(', ')})`, 'model');
  }
  const levels = checkLevels(req.levels ?? DEMAND_FORECAST_DEFAULTS.levels);
  const seed = integerIn(req.seed ?? DEMAND_FORECAST_DEFAULTS.seed, 'seed', 0, 2 ** 32 - 1, 'of the synthetic demand');
  const historyDays = integerIn(req.historyDays ?? DEMAND_FORECAST_DEFAULTS.historyDays, 'historyDays', 1, DEFAULT_DEMAND_PARAMS.days, 'of history returned');
  const all = network.data.cities;
  let cityIds: string[];
  if (req.cities === undefined) cityIds = all.map((c) => c.id);
  else {
    if (!Array.isArray(req.cities) || req.cities.length === 0) throw new InputError('cities must be a non-empty list of city ids or names (leave it out for every city)', 'cities');
    const wanted = new Set<string>();
    req.cities.forEach((q, i) => {
      const field = `cities/${i}`;
      if (typeof q !== 'string' || q.trim() === '') throw new InputError(`${field} must be a city id or name`, field);
      let place;
      try {
        place = network.resolve(q, field);
      } catch (e) {
        if (e instanceof NotFoundError) throw new NotFoundError(`${field}: no city called "${q.trim()}"`, field);
        throw e;
      }
      if (place.kind !== 'city') throw new NotFoundError(`${field}: "${q.trim()}" is a hub, not a city`, field);
      wanted.add(place.id);
    });
    cityIds = all.filter((c) => wanted.has(c.id)).map((c) => c.id);
  }
  return { cityIds, horizonDays, model, levels, seed, historyDays };
}
