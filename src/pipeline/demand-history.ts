/**
 * The SYNTHETIC demand history the forecasts are fitted to: daily parcels
 * sent and received by every network city, from the seeded generator in
 * src/demand, generated once per (seed, city set) and kept in memory.
 */
import { generateDemand, type DemandSeries } from '../demand/index.js';

/** What the forecast stage needs to know about a city (a subset of the network's City). */
export interface DemandCityInfo {
  id: string;
  name: string;
  nameZh: string;
  province: string;
  provinceZh: string;
  population: number;
  lon: number;
  lat: number;
}

/** Histories kept (one per seed and city set; 130 cities × 731 days × 2 ≈ 1.5 MB each). */
const MAX_KEPT = 4;
const kept = new Map<string, DemandSeries>();

/** A short key that identifies a city set (ids and populations), so different networks never share a cache entry. */
export function citySetKey(cities: readonly DemandCityInfo[]): string {
  let h = 2166136261;
  const text = cities.map((c) => `${c.id}:${c.population}`).join(',');
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return `${cities.length}-${(h >>> 0).toString(36)}`;
}

/**
 * Two years of SYNTHETIC daily counts for all `cities`. Always generated for
 * the whole city set (the generator normalises sending over the cities it is
 * given), so a city's history does not depend on which cities a request asks for.
 */
export function demandHistory(cities: readonly DemandCityInfo[], seed: number): DemandSeries {
  const key = `${seed}|${citySetKey(cities)}`;
  let d = kept.get(key);
  if (d) {
    kept.delete(key);
    kept.set(key, d); // most recently used last
    return d;
  }
  d = generateDemand(
    cities.map((c) => ({ id: c.id, population: c.population })),
    seed,
  );
  kept.set(key, d);
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  return d;
}
