import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ThreadJobRunner } from '../../jobs/index.js';
import { loadPreparedRoadGraph, type RoadNetwork } from '../../roads/index.js';
import { InputError } from '../../shared/errors.js';
import { defaultDataDir } from '../../shared/paths.js';
import {
  buildVrp, checkSolvable, formatClock, jobInputOf, planToCsv, requestFromCsv, resultOf, type RawPlan, type VrpResult,
} from '../../vrp-service/index.js';
import { flagNumber, flagString, parseArgs, requireFlag } from '../args.js';
import { progressBar, writeAtomic } from '../output.js';

/**
 * `hubflow vrp --stops stops.csv --vehicles vehicles.csv [--seconds S] [--iterations N] [--seed N]
 *  [--out plan.json|plan.csv|plan.geojson] [--speed KMH] [--detour F] [--roads]`
 * Plans routes in a worker thread with a progress bar on stderr (best cost so
 * far). Ctrl-C stops the search and keeps the best plan so far; a second
 * Ctrl-C exits at once with code 130, writing nothing. Output files are
 * written whole (temporary file, then rename). CSV columns: src/vrp-service/csv.ts.
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['stops', 'vehicles', 'seconds', 'iterations', 'seed', 'out', 'speed', 'detour'], booleans: ['roads'] });
  const stopsFile = requireFlag(args, 'stops');
  const vehiclesFile = requireFlag(args, 'vehicles');
  const seconds = flagNumber(args, 'seconds', undefined);
  const iterations = flagNumber(args, 'iterations', undefined);
  const seed = flagNumber(args, 'seed', 1)!;
  if (seconds !== undefined && !(seconds > 0)) throw new InputError('--seconds must be > 0', 'seconds');
  if (iterations !== undefined && !(Number.isInteger(iterations) && iterations > 0)) throw new InputError('--iterations must be a whole number > 0', 'iterations');
  const out = flagString(args, 'out');
  const format = out ? extname(out).toLowerCase() : '';
  if (out && !['.json', '.csv', '.geojson'].includes(format)) throw new InputError('--out must end in .json, .csv or .geojson', 'out');
  const read = (f: string): string => {
    try {
      return readFileSync(f, 'utf8');
    } catch {
      throw new InputError(`cannot read ${f}`, f === stopsFile ? 'stops' : 'vehicles');
    }
  };
  const req = requestFromCsv(stopsFile, read(stopsFile), vehiclesFile, read(vehiclesFile));
  req.options = {
    seconds: seconds ?? (iterations === undefined ? 10 : undefined), iterations, seed,
    speedKmh: flagNumber(args, 'speed', undefined), detourFactor: flagNumber(args, 'detour', undefined),
  };
  const graphs = args.flags.has('roads') ? loadRoadGraphs(join(defaultDataDir(), 'roads')) : [];
  const built = buildVrp(req, graphs);
  checkSolvable(built);

  const runner = new ThreadJobRunner({ handlers: { vrp: { module: new URL('../../vrp-service/job.js', import.meta.url), exportName: 'vrpJob' } } });
  const bar = progressBar(process.stderr, 'vrp', (p) => (p.best !== undefined ? `best ${p.best.toFixed(2)} CNY` : 'no feasible plan yet'));
  let interrupts = 0;
  let jobId = '';
  const onSigint = (): void => {
    interrupts++;
    if (interrupts === 1) {
      bar.clear();
      process.stderr.write('vrp: stopping, keeping the best plan so far (Ctrl-C again to quit)\n');
      if (jobId) void runner.cancel(jobId);
    } else {
      bar.clear();
      process.stderr.write('vrp: interrupted, nothing written\n');
      process.exit(130);
    }
  };
  process.on('SIGINT', onSigint);
  try {
    jobId = await runner.submit('vrp', jobInputOf(built, req));
    const off = runner.subscribe((e) => {
      if (e.type === 'progress') bar.update(e.progress);
    }, jobId);
    let raw: RawPlan | undefined;
    try {
      raw = (await runner.result(jobId)) as RawPlan;
    } catch (e) {
      const snap = await runner.get(jobId).catch(() => null);
      if (snap?.status === 'cancelled' && snap.result) raw = snap.result as RawPlan;
      else if (snap?.status === 'cancelled') {
        bar.clear();
        process.stderr.write('vrp: stopped before any plan was found, nothing written\n');
        process.exitCode = 130;
        return;
      } else throw e;
    }
    off();
    bar.clear();
    const result = resultOf(built, raw);
    if (out) {
      const text = format === '.csv' ? planToCsv(result) : JSON.stringify(format === '.geojson' ? result.geojson : result, null, format === '.json' ? 1 : 0);
      writeAtomic(out, text);
    }
    console.log(summary(result, out));
  } finally {
    process.off('SIGINT', onSigint);
    await runner.close();
  }
}

/** Every prepared road graph under dir. */
function loadRoadGraphs(dir: string): RoadNetwork[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'roads.json')))
    .map((d) => loadPreparedRoadGraph(join(dir, d.name)));
}

/** Text summary: KPIs and one line per route. */
function summary(r: VrpResult, out: string | undefined): string {
  const k = r.kpis;
  const lines = [
    `${r.feasible ? 'feasible' : 'INFEASIBLE'} plan (${r.matrixSource} travel): ${k.vehiclesUsed} vehicles, ${k.served}/${k.stops} stops, ` +
      `${(k.distanceM / 1000).toFixed(1)} km, ${(k.durationS / 3600).toFixed(2)} h, cost ${k.costCny.toFixed(2)} CNY ` +
      `(fixed ${r.cost.fixedCny}, distance ${r.cost.distanceCny}, time ${r.cost.timeCny}); late ${k.lateStops}, unassigned ${k.unassigned}` +
      (r.solver ? `; ${r.solver.iterations} iterations in ${r.solver.seconds} s${r.solver.cancelled ? ' (stopped early)' : ''}` : ''),
  ];
  for (const route of r.routes) {
    const first = route.steps[0];
    const last = route.steps[route.steps.length - 1];
    lines.push(`  ${route.vehicle.padEnd(10)} ${String(route.steps.length - 2).padStart(3)} stops ${formatClock(first.departureS)}–${formatClock(last.arrivalS)} ${(route.distanceM / 1000).toFixed(1).padStart(6)} km ${route.cost.totalCny.toFixed(2).padStart(9)} CNY`);
  }
  for (const u of r.unassigned) lines.push(`  unassigned ${u.id}: ${u.reason}`);
  for (const v of r.violations) lines.push(`  violation ${v.kind}: ${v.message}`);
  if (out) lines.push(`wrote ${out}`);
  return lines.join('\n');
}
