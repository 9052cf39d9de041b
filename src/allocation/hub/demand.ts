import { greatCircleM } from '../../network/graph.js';
import type { City } from '../../network/types.js';
import { InputError } from '../../shared/errors.js';
import { createRng } from '../../shared/random.js';
import type { CityTotals, OdDemand } from './types.js';

/**
 * Parameters of the SYNTHETIC gravity demand. Every figure is a labelled
 * assumption except the national parcel count.
 */
export interface GravityParams {
  /** China's express parcels in 2023: 132.07 billion (State Post Bureau, 2023 postal statistics bulletin). */
  nationalParcelsPerYear: number;
  /** China's population at the end of 2023: 1.4097 billion (National Bureau of Statistics). */
  nationalPopulation: number;
  /** ASSUMPTION: mean weight of an express parcel, kg. */
  meanParcelKg: number;
  /** ASSUMPTION: distance-decay exponent β in population / distance^β. */
  distanceDecay: number;
  /** Distances below this (km) count as this, so near pairs do not dominate. */
  minDistanceKm: number;
  /** ASSUMPTION: log-sd of a seeded multiplicative noise on each pair's attraction (0 = deterministic). */
  noiseLogSd: number;
  /** Multiplies the total (1 = the national figure × the cities' share of the population). */
  scale: number;
}

export const GRAVITY_DEFAULTS: GravityParams = {
  nationalParcelsPerYear: 132.07e9,
  nationalPopulation: 1.4097e9,
  meanParcelKg: 0.5,
  distanceDecay: 1,
  minDistanceKm: 50,
  noiseLogSd: 0.3,
  scale: 1,
};

export const SYNTHETIC_DEMAND_NOTE =
  'SYNTHETIC demand: a doubly-constrained gravity model on city populations (sent and received ∝ population, ' +
  'pairs ∝ population / distance^β), total = 132.07 billion parcels/year (2023, State Post Bureau) × the cities\' share of ' +
  'the population × an ASSUMED mean parcel weight; not observed flows.';

/**
 * Splits per-city totals into an OD matrix (kg/day) by a doubly-constrained
 * gravity model: T_ij = a_i S_i b_j R_j f(d_ij), f(d) = max(d, dMin)^-β × noise_ij,
 * with a_i, b_j found by iterative proportional fitting (Furness) so that each
 * city sends its S_i and receives its R_j (R is first scaled to ΣS). Intra-city
 * pairs are left out: every kg crosses the network. (Both margins can hold only
 * if no city sends more than the other cities receive; otherwise the received
 * totals hold and the sent ones are approximate.)
 */
export function gravityOd(cities: readonly City[], totals: readonly CityTotals[], params: Partial<GravityParams> & { seed?: number } = {}): OdDemand[] {
  const p = { ...GRAVITY_DEFAULTS, ...params };
  const byId = new Map(cities.map((c, i) => [c.id, i]));
  const n = cities.length;
  const send = new Float64Array(n);
  const recv = new Float64Array(n);
  totals.forEach((t, k) => {
    const i = byId.get(t.city);
    if (i === undefined) throw new InputError(`demand: unknown city "${t.city}"`, `demand.cities.${k}.city`);
    if (!(t.sendKgPerDay >= 0) || !Number.isFinite(t.sendKgPerDay)) throw new InputError('sendKgPerDay must be >= 0', `demand.cities.${k}.sendKgPerDay`);
    if (!(t.receiveKgPerDay >= 0) || !Number.isFinite(t.receiveKgPerDay)) throw new InputError('receiveKgPerDay must be >= 0', `demand.cities.${k}.receiveKgPerDay`);
    send[i] += t.sendKgPerDay;
    recv[i] += t.receiveKgPerDay;
  });
  const sumS = send.reduce((a, b) => a + b, 0);
  const sumR = recv.reduce((a, b) => a + b, 0);
  if (sumS <= 0 || sumR <= 0) return [];
  for (let j = 0; j < n; j++) recv[j] *= sumS / sumR;

  const rng = createRng(params.seed ?? 1);
  const f = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const km = greatCircleM([cities[i].lon, cities[i].lat], [cities[j].lon, cities[j].lat]) / 1000;
      const noise = p.noiseLogSd > 0 ? Math.exp(p.noiseLogSd * rng.normal() - (p.noiseLogSd * p.noiseLogSd) / 2) : 1;
      f[i * n + j] = Math.pow(Math.max(km, p.minDistanceKm), -p.distanceDecay) * noise;
    }
  }
  const a = new Float64Array(n).fill(1);
  const b = new Float64Array(n).fill(1);
  for (let iter = 0; iter < 100; iter++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += b[j] * recv[j] * f[i * n + j];
      a[i] = s > 0 ? 1 / s : 0;
    }
    let worst = 0;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += a[i] * send[i] * f[i * n + j];
      const bj = s > 0 ? 1 / s : 0;
      if (recv[j] > 0) worst = Math.max(worst, Math.abs(b[j] * s - 1));
      b[j] = bj;
    }
    if (worst < 1e-9) break;
  }
  const out: OdDemand[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const kg = a[i] * send[i] * b[j] * recv[j] * f[i * n + j];
      if (kg > 0) out.push({ from: cities[i].id, to: cities[j].id, kgPerDay: kg });
    }
  }
  return out;
}

/** Total kg/day of the synthetic national figure over the given cities (before `scale`). */
export function syntheticTotalKgPerDay(cities: readonly City[], params: Partial<GravityParams> = {}): number {
  const p = { ...GRAVITY_DEFAULTS, ...params };
  const pop = cities.reduce((s, c) => s + c.population, 0);
  return ((p.nationalParcelsPerYear / 365) * (pop / p.nationalPopulation) * p.meanParcelKg);
}

/**
 * SYNTHETIC OD demand (kg/day) from city populations: each city sends and
 * receives in proportion to its population, the total is the national parcel
 * figure × the cities' population share × the mean parcel weight × scale, and
 * pairs follow the gravity split (`gravityOd`). Same seed, same matrix.
 */
export function syntheticDemand(cities: readonly City[], opts: Partial<GravityParams> & { seed?: number } = {}): OdDemand[] {
  const p = { ...GRAVITY_DEFAULTS, ...opts };
  if (!(p.scale >= 0) || !Number.isFinite(p.scale)) throw new InputError('scale must be a number >= 0', 'demand.synthetic.scale');
  const total = syntheticTotalKgPerDay(cities, p) * p.scale;
  const pop = cities.reduce((s, c) => s + c.population, 0);
  const totals = cities.map((c) => ({ city: c.id, sendKgPerDay: (total * c.population) / pop, receiveKgPerDay: (total * c.population) / pop }));
  return gravityOd(cities, totals, { ...p, seed: opts.seed });
}
