import { generateDemand } from '../demand/index.js';
import type { City } from '../network/types.js';
import { createRng } from '../shared/random.js';

/**
 * Our merchants' SYNTHETIC daily parcels per city: the shape (cities, weekday,
 * sales peaks, Spring Festival, market growth) comes from the demand generator
 * (src/demand); the level from the merchants' volume; the counts are Poisson
 * draws at that level, so relative noise falls as volume grows (1/√λ). The
 * random numbers are fixed per (seed, city, day), so the same day drawn at two
 * volumes differs only by the volume.
 */
export interface VolumeModel {
  cityIds: string[];
  days: number;
  /** Sent and received parcels of a city on a day, for a merchant daily volume (parcels per day over all cities). */
  draw(city: number, day: number, parcelsPerDay: number): { sent: number; received: number };
}

/** Quantile of a Poisson(λ) at u (inversion for λ ≤ 50, normal approximation with z above). */
function poissonAt(lambda: number, u: number, z: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  let k = 0;
  let p = Math.exp(-lambda);
  let cdf = p;
  while (cdf < u && k < 1000) {
    k++;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}

/** Builds the volume model over `days` days from `startDate` for the given cities. */
export function buildVolumeModel(cities: readonly City[], seed: number, startDate: string, days: number): VolumeModel {
  const shape = generateDemand(cities.map((c) => ({ id: c.id, population: c.population })), seed, { startDate, days });
  const n = cities.length;
  // Normalise by the mean daily total over the first four weeks, so the level at the start is the merchants'.
  const base = Math.min(28, days);
  let total = 0;
  for (const c of shape.cities) for (let d = 0; d < base; d++) total += c.origin[d];
  const meanDaily = total / base;
  let totalRecv = 0;
  for (const c of shape.cities) for (let d = 0; d < base; d++) totalRecv += c.destination[d];
  const meanDailyRecv = totalRecv / base;
  // One stream per city, drawn day by day: a day's numbers do not depend on how many days are generated.
  const u = new Float64Array(n * days * 2);
  const z = new Float64Array(n * days * 2);
  for (let c = 0; c < n; c++) {
    const rng = createRng((Math.imul(seed, 2654435761) ^ Math.imul(c + 1, 40503)) >>> 0);
    for (let k = c * days * 2; k < (c + 1) * days * 2; k++) {
      u[k] = rng.next();
      z[k] = rng.normal();
    }
  }
  return {
    cityIds: cities.map((c) => c.id),
    days,
    draw(city, day, parcelsPerDay) {
      const c = shape.cities[city];
      const k = (city * days + day) * 2;
      const lo = (parcelsPerDay * c.origin[day]) / meanDaily;
      const ld = (parcelsPerDay * c.destination[day]) / meanDailyRecv;
      return { sent: poissonAt(lo, u[k], z[k]), received: poissonAt(ld, u[k + 1], z[k + 1]) };
    },
  };
}
