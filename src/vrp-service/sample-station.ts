/**
 * SYNTHETIC sample scenario: one last-mile delivery station in urban
 * Hangzhou (a made-up station site north-west of West Lake, Xihu district)
 * and a day of ~60 parcel stops within ~12 km, imitating a station's
 * afternoon/morning wave: stops clustered in residential compounds plus
 * scattered shops, small parcels (1–40 kg), 3–8 minutes of service, about a
 * third with a customer time window, and a fleet of identical small electric
 * vans. No real addresses, customers or volumes.
 *
 * Writes data/samples/station-stops.csv and station-vehicles.csv:
 *   npx tsx src/vrp-service/sample-station.ts [outDir] [--seed N]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../shared/random.js';
import { formatClock } from './csv.js';
import { greatCircleM } from './travel.js';
import type { LonLat } from './types.js';

/** Station site (made up): [lon, lat]. */
export const STATION: LonLat = [120.128, 30.29];
/** Centre and radius of West Lake, where no stop is placed. */
const WEST_LAKE: LonLat = [120.145, 30.245];
const WEST_LAKE_RADIUS_M = 1800;
const MAX_RADIUS_M = 12_000;
const M_PER_DEG_LAT = 111_320;

/** The generated files' text. */
export interface StationSample {
  stopsCsv: string;
  vehiclesCsv: string;
}

/**
 * Generates the sample for a seed (deterministic). Larger days (`stops`)
 * get a fleet in proportion: one van per 12 stops, at least 6.
 */
export function generateStationSample(seed = 20261127, stops = 60): StationSample {
  const rng = createRng(seed);
  const mPerDegLon = M_PER_DEG_LAT * Math.cos((STATION[1] * Math.PI) / 180);
  const offset = (p: LonLat, eastM: number, northM: number): LonLat => [p[0] + eastM / mPerDegLon, p[1] + northM / M_PER_DEG_LAT];
  // residential compounds 1.5–10 km from the station
  const clusters: LonLat[] = Array.from({ length: 7 }, () => {
    for (;;) {
      const r = 1500 + rng.next() * 8500;
      const a = rng.next() * 2 * Math.PI;
      const c = offset(STATION, r * Math.cos(a), r * Math.sin(a));
      if (greatCircleM(c, WEST_LAKE) > WEST_LAKE_RADIUS_M + 800) return c;
    }
  });
  const round = (x: number): number => Math.round(x * 1e5) / 1e5;
  const header = '# SYNTHETIC delivery stops of a made-up station in Hangzhou (src/vrp-service/sample-station.ts); times HH:MM\nid,lon,lat,kg,serviceMin,twStart,twEnd';
  const lines = [header];
  for (let i = 0; i < stops; i++) {
    let p: LonLat;
    for (;;) {
      if (rng.next() < 0.75) {
        const c = clusters[rng.int(clusters.length)];
        p = offset(c, rng.normal() * 500, rng.normal() * 500);
      } else {
        const r = Math.sqrt(rng.next()) * MAX_RADIUS_M;
        const a = rng.next() * 2 * Math.PI;
        p = offset(STATION, r * Math.cos(a), r * Math.sin(a));
      }
      if (greatCircleM(p, STATION) <= MAX_RADIUS_M && greatCircleM(p, WEST_LAKE) > WEST_LAKE_RADIUS_M) break;
    }
    const kg = Math.max(1, Math.min(40, Math.round(Math.exp(1.6 + 0.8 * rng.normal()) * 10) / 10));
    const serviceMin = 3 + rng.int(6);
    let tw = ['', ''];
    const u = rng.next();
    if (u < 0.15) tw = ['09:00', '12:00'];
    else if (u < 0.27) tw = ['13:00', '17:00'];
    else if (u < 0.35) {
      const start = 9 * 3600 + rng.int(12) * 1800; // a 2-hour slot starting 09:00–14:30
      tw = [formatClock(start), formatClock(start + 7200)];
    }
    lines.push([`HZ${String(i + 1).padStart(3, '0')}`, round(p[0]), round(p[1]), kg, serviceMin, ...tw].join(','));
  }
  const vehiclesCsv = [
    '# SYNTHETIC fleet: identical small electric vans of the station (src/vrp-service/sample-station.ts)',
    'id,lon,lat,capacityKg,shiftStart,shiftEnd,count,fixedCny,perKmCny,perHourCny',
    ['ev-van', STATION[0], STATION[1], 300, '08:00', '18:00', Math.max(6, Math.ceil(stops / 12)), 120, 0.8, 45].join(','),
  ].join('\n');
  return { stopsCsv: lines.join('\n') + '\n', vehiclesCsv: vehiclesCsv + '\n' };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : undefined;
  const outDir = args.find((a, i) => !a.startsWith('--') && (seedAt < 0 || i !== seedAt + 1)) ?? join(process.cwd(), 'data', 'samples');
  const s = generateStationSample(seed);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'station-stops.csv'), s.stopsCsv);
  writeFileSync(join(outDir, 'station-vehicles.csv'), s.vehiclesCsv);
  console.log(`wrote ${join(outDir, 'station-stops.csv')} and station-vehicles.csv`);
}
