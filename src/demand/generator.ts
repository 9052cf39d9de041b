import { InputError } from '../shared/errors.js';
import { createRng, type Rng } from '../shared/random.js';
import { daysFromAnnualDate, daysFromSpringFestival, dayNumber, interpolate, isoOfDay, weekday } from './calendar.js';
import { DEFAULT_DEMAND_PARAMS, type DemandParams } from './params.js';

/** A city for the generator: an id and its population (persons). */
export interface DemandCity {
  id: string;
  population: number;
}

/** Daily parcel counts of one city. */
export interface CityDemand {
  id: string;
  /** Parcels sent from the city per day. */
  origin: number[];
  /** Parcels delivered to the city per day. */
  destination: number[];
}

/** Output of the generator; always labelled synthetic. */
export interface DemandSeries {
  synthetic: true;
  note: string;
  seed: number;
  /** ISO dates, one per day. */
  dates: string[];
  cities: CityDemand[];
  params: DemandParams;
}

/** The label carried by every generated series. */
export const SYNTHETIC_NOTE =
  'SYNTHETIC parcel counts from a seeded generator (src/demand) imitating Chinese e-commerce patterns; not observed data.';

function hashId(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Poisson draw (inversion for small means, normal approximation above 50). */
export function poisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > l) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Calendar multiplier (sales peaks and Spring Festival) for a day; `lag` shifts the sale peaks later. */
function calendarFactor(day: number, p: DemandParams, lag: number): number {
  const s11 = interpolate(p.singlesDay, daysFromAnnualDate(day - lag, 11, 11));
  const s618 = interpolate(p.sale618, daysFromAnnualDate(day - lag, 6, 18));
  const sf = interpolate(p.springFestival, daysFromSpringFestival(day));
  return s11 * s618 * sf;
}

/**
 * Generates SYNTHETIC daily parcel counts (sent and received) for each city:
 * level ∝ population (sending more concentrated, with a city propensity),
 * compound growth, weekday pattern, Singles' Day and 618 peaks (deliveries
 * lag dispatches), the Spring Festival dip on its lunar dates, and Poisson
 * counts with a little over-dispersion. The same seed and cities give the
 * same counts; a city's counts do not depend on the other cities.
 */
export function generateDemand(cities: readonly DemandCity[], seed: number, overrides: Partial<DemandParams> = {}): DemandSeries {
  if (!Array.isArray(cities) || cities.length === 0) throw new InputError('demand: no cities given', 'cities');
  cities.forEach((c, i) => {
    if (typeof c.id !== 'string' || c.id === '') throw new InputError(`demand: city ${i} has no id`, `cities/${i}/id`);
    if (!(Number.isFinite(c.population) && c.population > 0)) throw new InputError(`demand: city ${c.id} needs a positive population`, `cities/${i}/population`);
  });
  if (!Number.isInteger(seed)) throw new InputError('demand: seed must be an integer', 'seed');
  const p: DemandParams = { ...DEFAULT_DEMAND_PARAMS, ...overrides };
  if (!(Number.isInteger(p.days) && p.days >= 1)) throw new InputError('demand: days must be a positive integer', 'days');
  const start = dayNumber(p.startDate);
  if (!Number.isFinite(start)) throw new InputError(`demand: bad startDate "${p.startDate}"`, 'startDate');
  const dates = Array.from({ length: p.days }, (_, d) => isoOfDay(start + d));
  // Sending propensity is normalised so that, over the given cities, parcels sent = parcels received.
  const meanPop = cities.reduce((s, c) => s + c.population, 0) / cities.length;
  const rawOrigin = cities.map((c) => {
    const r = createRng((seed ^ hashId(c.id)) >>> 0);
    return Math.pow(c.population / meanPop, p.originPopulationElasticity) * Math.exp(p.originSpreadLog * r.normal());
  });
  const destBase = cities.map((c) => {
    const r = createRng((seed ^ hashId(c.id) ^ 0x5bd1e995) >>> 0);
    return c.population * p.parcelsPerCapitaDay * Math.exp(p.destinationSpreadLog * r.normal());
  });
  const totalDest = destBase.reduce((a, b) => a + b, 0);
  const totalRaw = rawOrigin.reduce((a, b) => a + b, 0);
  const out: CityDemand[] = cities.map((c, i) => {
    const rng = createRng((seed ^ hashId(c.id) ^ 0x27d4eb2f) >>> 0);
    const growth = Math.log(1 + p.annualGrowth + p.growthSpread * rng.normal()) / 365;
    const originBase = (rawOrigin[i] / totalRaw) * totalDest;
    const origin: number[] = [];
    const destination: number[] = [];
    for (let d = 0; d < p.days; d++) {
      const day = start + d;
      const g = Math.exp(growth * d);
      const wd = weekday(day);
      const noise = (): number => Math.exp(p.dailyNoiseLog * rng.normal() - (p.dailyNoiseLog * p.dailyNoiseLog) / 2);
      origin.push(poisson(rng, originBase * g * p.originWeekday[wd] * calendarFactor(day, p, 0) * noise()));
      destination.push(poisson(rng, destBase[i] * g * p.destinationWeekday[wd] * calendarFactor(day, p, p.deliveryLagDays) * noise()));
    }
    return { id: c.id, origin, destination };
  });
  return { synthetic: true, note: SYNTHETIC_NOTE, seed, dates, cities: out, params: p };
}
