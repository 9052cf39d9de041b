/**
 * SYNTHETIC sample scenario in Baltimore, where the demo road graph lives
 * (data/roads/baltimore, © OpenStreetMap contributors, ODbL): a made-up
 * delivery station east of the Inner Harbor and ~40 parcel stops placed on
 * the graph's own street nodes (so every stop lies on a street and routes are
 * drawn along the streets): stops clustered in a few neighbourhoods plus
 * scattered ones, 1–45 kg, 3–8 minutes of service, about a third with a
 * customer window, and a fleet of identical vans. No real addresses,
 * customers or volumes.
 *
 * Writes data/samples/baltimore-stops.csv and baltimore-vehicles.csv:
 *   npx tsx src/vrp-service/sample-baltimore.ts [outDir] [--seed N]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPreparedRoadGraph } from '../roads/index.js';
import { createRng } from '../shared/random.js';
import { formatClock } from './csv.js';
import { greatCircleM } from './travel.js';
import type { LonLat } from './types.js';

/** The made-up station site [lon, lat]; the station is the street node nearest to it. */
export const BALTIMORE_SITE: LonLat = [-76.5585, 39.2905];
/** Default seed of the sample. */
export const BALTIMORE_SEED = 20261127;

/** Node coordinates of a road graph (lon/lat degrees). */
export interface NodeCoordinates {
  readonly nodeCount: number;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

/** The generated files' text and the station chosen. */
export interface BaltimoreSample {
  station: LonLat;
  stopsCsv: string;
  vehiclesCsv: string;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Generates the sample on the street nodes of `graph` (deterministic for a seed and a graph). */
export function generateBaltimoreSample(graph: NodeCoordinates, seed = BALTIMORE_SEED, stops = 40): BaltimoreSample {
  if (graph.nodeCount === 0) throw new Error('sample-baltimore: the road graph is empty');
  const rng = createRng(seed);
  const node = (i: number): LonLat => [graph.x[i], graph.y[i]];
  let best = 0;
  let bestM = Infinity;
  for (let i = 0; i < graph.nodeCount; i++) {
    const d = greatCircleM(node(i), BALTIMORE_SITE);
    if (d < bestM) (best = i), (bestM = d);
  }
  const station = node(best);
  // Neighbourhood clusters: random street nodes 1–6 km from the station, each with its nodes within 600 m.
  const clusters: number[][] = [];
  for (let tries = 0; clusters.length < 6 && tries < 10_000; tries++) {
    const c = rng.int(graph.nodeCount);
    const d = greatCircleM(node(c), station);
    if (d < 1000 || d > 6000) continue;
    const near: number[] = [];
    for (let i = 0; i < graph.nodeCount; i++) if (greatCircleM(node(i), node(c)) <= 600) near.push(i);
    clusters.push(near);
  }
  const used = new Set<number>([best]);
  const header = '# SYNTHETIC delivery stops of a made-up station in Baltimore, on the demo road graph\'s streets (src/vrp-service/sample-baltimore.ts); times HH:MM\nid,lon,lat,kg,serviceMin,twStart,twEnd';
  const lines = [header];
  for (let k = 0; k < stops; k++) {
    let i: number;
    do {
      if (rng.next() < 0.7 && clusters.length > 0) {
        const near = clusters[rng.int(clusters.length)];
        i = near[rng.int(near.length)];
      } else i = rng.int(graph.nodeCount);
    } while (used.has(i));
    used.add(i);
    const [lon, lat] = node(i);
    const kg = Math.max(1, Math.min(45, Math.round(Math.exp(1.8 + 0.8 * rng.normal()) * 10) / 10));
    const serviceMin = 3 + rng.int(6);
    let tw = ['', ''];
    const u = rng.next();
    if (u < 0.15) tw = ['09:00', '12:00'];
    else if (u < 0.25) tw = ['13:00', '16:00'];
    else if (u < 0.35) {
      const start = 9 * 3600 + rng.int(10) * 1800; // a 1-hour slot starting 09:00–13:30
      tw = [formatClock(start), formatClock(start + 3600)];
    }
    lines.push([`BA${String(k + 1).padStart(3, '0')}`, round(lon), round(lat), kg, serviceMin, ...tw].join(','));
  }
  const vehiclesCsv = [
    '# SYNTHETIC fleet: identical delivery vans of the made-up Baltimore station (src/vrp-service/sample-baltimore.ts)',
    'id,lon,lat,capacityKg,shiftStart,shiftEnd,count,fixedCny,perKmCny,perHourCny',
    ['van', round(station[0]), round(station[1]), 250, '08:00', '17:00', 5, 120, 0.8, 45].join(','),
  ].join('\n');
  return { station: [round(station[0]), round(station[1])], stopsCsv: lines.join('\n') + '\n', vehiclesCsv: vehiclesCsv + '\n' };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : undefined;
  const outDir = args.find((a, i) => !a.startsWith('--') && (seedAt < 0 || i !== seedAt + 1)) ?? join(process.cwd(), 'data', 'samples');
  const net = loadPreparedRoadGraph(join(process.cwd(), 'data', 'roads', 'baltimore'));
  const s = generateBaltimoreSample(net.graph, seed);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'baltimore-stops.csv'), s.stopsCsv);
  writeFileSync(join(outDir, 'baltimore-vehicles.csv'), s.vehiclesCsv);
  console.log(`wrote ${join(outDir, 'baltimore-stops.csv')} and baltimore-vehicles.csv`);
}
