import { writeFileSync } from 'node:fs';
import { InputError } from '../../shared/errors.js';
import { generateStationSample } from '../../vrp-service/sample-station.js';
import { buildVrp, checkSolvable, jobInputOf, requestFromCsv, resultOf, solveRaw } from '../../vrp-service/index.js';
import { flagNumber, flagString, parseArgs } from '../args.js';

/**
 * `npm run bench -- vrp-large [--stops 2000] [--seconds 60] [--seed N] [--out RESULT.json]`
 *
 * Issue 5's scale goal: a SYNTHETIC day of one delivery station
 * (src/vrp-service/sample-station.ts: clustered stops, about a third with a
 * time window, one van per 12 stops) planned through the same path as
 * `hubflow vrp` (CSV → problem → search), in this thread, within the time
 * limit. Prints when the first feasible plan appeared, the plan's KPIs,
 * the wall time and the peak resident memory (sampled at every progress
 * report), and ends with `vrp-large: N stops, feasible|INFEASIBLE, …`.
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['stops', 'seconds', 'seed', 'out'] });
  const stops = flagNumber(args, 'stops', 2000)!;
  const seconds = flagNumber(args, 'seconds', 60)!;
  const seed = flagNumber(args, 'seed', 1)!;
  const out = flagString(args, 'out');
  if (!(Number.isInteger(stops) && stops >= 1 && stops <= 20000)) throw new InputError('--stops must be a whole number from 1 to 20000', 'stops');
  if (!(seconds > 0)) throw new InputError('--seconds must be > 0', 'seconds');

  const t0 = performance.now();
  const sample = generateStationSample(seed, stops);
  const req = requestFromCsv('stops.csv', sample.stopsCsv, 'vehicles.csv', sample.vehiclesCsv);
  req.options = { seconds, seed };
  const built = buildVrp(req, []);
  checkSolvable(built);
  const buildS = (performance.now() - t0) / 1000;
  let peakRss = process.memoryUsage().rss;
  let firstFeasibleS: number | null = null;
  const raw = solveRaw(jobInputOf(built, req), (p) => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (firstFeasibleS === null && p.best !== undefined) firstFeasibleS = (performance.now() - t0) / 1000;
  });
  const result = resultOf(built, raw);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const wallS = (performance.now() - t0) / 1000;
  const k = result.kpis;
  const mb = Math.round(peakRss / 2 ** 20);
  console.log(`stops ${stops}, vans available ${built.problem.vehicles.reduce((s, v) => s + v.count, 0)}, matrix and problem built in ${buildS.toFixed(2)} s`);
  console.log(`first feasible plan at ${firstFeasibleS === null ? 'never' : `${(firstFeasibleS as number).toFixed(1)} s`}; offspring ${raw.iterations}`);
  console.log(`plan: ${k.vehiclesUsed} vans, ${k.served} served, ${k.unassigned} unassigned, ${k.lateStops} late, ${(k.distanceM / 1000).toFixed(1)} km, ¥${k.costCny.toFixed(2)}`);
  console.log(`vrp-large: ${stops} stops, ${result.feasible ? 'feasible' : 'INFEASIBLE'}, ${wallS.toFixed(1)} s wall (limit ${seconds} s), peak RSS ${mb} MB`);
  if (out) {
    writeFileSync(out, JSON.stringify({
      stops, seconds, seed, feasible: result.feasible, firstFeasibleS, wallS, peakRssMb: mb, iterations: raw.iterations,
      kpis: k, violations: result.violations.length,
    }, null, 2));
  }
}
