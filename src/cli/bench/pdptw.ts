import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError } from '../../shared/errors.js';
import { checkSolution } from '../../routing/check.js';
import { liLimToProblem, parseLiLim } from '../../routing/lilim.js';
import { createProblem } from '../../routing/problem.js';
import { solve } from '../../routing/solve.js';
import { formatTwSolution, type TwObjective } from '../../routing/solomon.js';
import { flagNumber, flagString, parseArgs, requireFlag } from '../args.js';

interface Bks {
  vehicles: number;
  distance: number;
}

/** bks.csv rows (instance, vehicles, distance, objective_kind) of one objective kind. */
function readBks(dir: string, kind: string): Map<string, Bks> {
  const out = new Map<string, Bks>();
  const file = join(dir, 'bks.csv');
  if (!existsSync(file)) return out;
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  for (const r of rows) if (r.objective_kind === kind) out.set(r.instance.toLowerCase(), { vehicles: Number(r.vehicles), distance: Number(r.distance) });
  return out;
}

/**
 * `npm run bench -- pdptw --dir DIR --seconds S [--objective distance|hierarchical] [--seed N] [--out RESULT.json] [--solutions OUTDIR]`
 *
 * Solves every Li & Lim `*.txt` in DIR within S seconds each: double-precision Euclidean distance, travel
 * time = distance, hard windows on the start of service, service times, capacity, the depot's due date as
 * the horizon, each pickup before its delivery on the same vehicle. `hierarchical` (default, the SINTEF
 * convention) minimises vehicles first (a fixed cost per vehicle), then distance, and compares with the
 * `hierarchical` rows of DIR/bks.csv; `distance` minimises distance with at most K vehicles and compares
 * with the `distance_only` rows. Every plan is checked by the independent checker (pairing, capacity,
 * windows); an infeasible plan or an unserved pair counts as a failure, not as a gap.
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['dir', 'seconds', 'objective', 'seed', 'out', 'solutions'] });
  const dir = requireFlag(args, 'dir');
  const seconds = flagNumber(args, 'seconds');
  if (seconds === undefined || !(seconds > 0)) throw new InputError('--seconds must be a positive number', 'seconds');
  const objective = flagString(args, 'objective', 'hierarchical') as TwObjective;
  if (objective !== 'distance' && objective !== 'hierarchical') throw new InputError(`--objective must be distance or hierarchical, got "${objective}"`, 'objective');
  const seed = flagNumber(args, 'seed', 1)!;
  const solDir = flagString(args, 'solutions');
  if (!existsSync(dir)) throw new InputError(`--dir ${dir} does not exist`, 'dir');
  const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.txt')).sort();
  if (files.length === 0) throw new InputError(`no Li & Lim .txt files in ${dir}`, 'dir');
  if (solDir) mkdirSync(solDir, { recursive: true });
  const bks = readBks(dir, objective === 'distance' ? 'distance_only' : 'hierarchical');

  console.log(`objective: ${objective}; ${seconds} s per instance, seed ${seed}`);
  console.log(`${'instance'.padEnd(10)}${'n'.padStart(5)}${'veh'.padStart(5)}${'bks veh'.padStart(9)}${'distance'.padStart(11)}${'bks'.padStart(11)}${'gap %'.padStart(8)}${'s'.padStart(7)}`);
  const results: Record<string, unknown>[] = [];
  const gaps: number[] = [];
  let vehicles = 0;
  let bestVehicles = 0;
  let failures = 0;
  for (const file of files) {
    const name = file.replace(/\.txt$/i, '');
    const inst = parseLiLim(readFileSync(join(dir, file), 'utf8'), file);
    const problem = createProblem(liLimToProblem(inst, objective));
    const solution = solve(problem, { seed, stop: { seconds } });
    const unassigned = solution.unassigned.map((u) => u.stop);
    // the checker counts unserved stops as violations (none is optional)
    const check = checkSolution(problem, solution.routes, unassigned);
    const used = solution.routes.filter((r) => r.stops.length > 0).length;
    const feasible = check.feasible && unassigned.length === 0;
    const b = bks.get(name.toLowerCase()) ?? null;
    // hierarchical: the distance gap is only meaningful where the vehicle count matches the best known
    const comparable = feasible && b !== null && (objective === 'distance' || used === b.vehicles);
    // best-known distances are rounded to 2 decimals: a tie prints as 0.00, not −0.00
    const raw = comparable ? (100 * (check.distanceM - b!.distance)) / b!.distance : null;
    const gap = raw === null ? null : Math.abs(raw) < 0.005 ? 0 : raw;
    if (gap !== null) gaps.push(gap);
    if (!feasible) failures++;
    else {
      vehicles += used;
      if (b) bestVehicles += b.vehicles;
    }
    if (solDir && feasible) writeFileSync(join(solDir, `${name}.sol`), formatTwSolution(solution.routes, inst.ids));
    console.log(
      `${name.padEnd(10)}${String(problem.stops.length).padStart(5)}${String(used).padStart(5)}${String(b?.vehicles ?? '-').padStart(9)}` +
        `${check.distanceM.toFixed(2).padStart(11)}${String(b?.distance ?? '-').padStart(11)}` +
        `${(feasible ? (gap === null ? '-' : gap.toFixed(2)) : 'INFEAS').padStart(8)}${solution.seconds.toFixed(1).padStart(7)}`,
    );
    if (!feasible) {
      for (const v of check.violations.slice(0, 5)) console.log(`  infeasible: ${v.message}`);
      for (const u of solution.unassigned.slice(0, 5)) console.log(`  unassigned: stop ${inst.ids[u.stop + 1]} (${u.reason})`);
    }
    results.push({
      instance: name, objective, vehicles: used, bksVehicles: b?.vehicles ?? null, distance: check.distanceM, bksDistance: b?.distance ?? null,
      gapPct: gap, feasible, unassigned: solution.unassigned, violations: check.violations.map((v) => v.message), iterations: solution.iterations, seconds: solution.seconds,
    });
  }
  const mean = gaps.length ? gaps.reduce((a, x) => a + x, 0) / gaps.length : NaN;
  const summary = `mean gap ${gaps.length ? `${mean.toFixed(2)}%` : 'n/a'} over ${gaps.length} instances, vehicles ${vehicles} (best known ${bestVehicles}), ${seconds} s each` + (failures ? `; ${failures} infeasible (failures)` : '');
  const out = flagString(args, 'out');
  if (out) writeFileSync(out, JSON.stringify({ dir, objective, seconds, seed, meanGapPct: mean, vehicles, bestKnownVehicles: bestVehicles, failures, instances: results }, null, 2));
  console.log(summary);
  if (failures > 0) process.exitCode = 1;
}
