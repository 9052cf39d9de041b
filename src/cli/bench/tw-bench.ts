// The benchmark loop shared by `bench vrptw` (Solomon) and `bench pdptw` (Li & Lim): flags, bks.csv,
// one solve per instance checked by the independent checker, the table, .sol files and the summary line.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError } from '../../shared/errors.js';
import { readOrReport, unreadableNote, type Unreadable } from './read-instance.js';
import { checkSolution } from '../../routing/check.js';
import { createProblem, type ProblemInput } from '../../routing/problem.js';
import { solve } from '../../routing/solve.js';
import { formatTwSolution, type TwObjective } from '../../routing/solomon.js';
import { flagNumber, flagString, parseArgs, requireFlag } from '../args.js';

interface Bks {
  vehicles: number;
  distance: number;
}

/** What differs between the time-window benchmarks: the file format and the default objective. */
export interface TwBenchFormat<I extends { ids: number[] }> {
  /** The format's name in messages ("Solomon", "Li & Lim"). */
  name: string;
  /** The objective when --objective is not given. */
  defaultObjective: TwObjective;
  /** Parses one instance file (throws DataError). */
  parse(text: string, file: string): I;
  /** The routing problem of an instance under an objective. */
  toProblem(inst: I, objective: TwObjective): ProblemInput;
}

/** bks.csv rows (instance, vehicles, distance, objective_kind) of one objective kind, keyed by lower-case instance name. */
function readBks(dir: string, kind: string): Map<string, Bks> {
  const out = new Map<string, Bks>();
  const file = join(dir, 'bks.csv');
  if (!existsSync(file)) return out;
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  for (const r of rows) if (r.objective_kind === kind) out.set(r.instance.toLowerCase(), { vehicles: Number(r.vehicles), distance: Number(r.distance) });
  return out;
}

/**
 * Runs a time-window benchmark: `--dir DIR --seconds S [--objective distance|hierarchical] [--seed N]
 * [--out RESULT.json] [--solutions OUTDIR]`. Solves every `*.txt` in DIR within S seconds each, checks each
 * plan, compares with the DIR/bks.csv rows of the objective (`distance_only` or `hierarchical`; under
 * `hierarchical` a gap only where the vehicle count matches the best known), prints one table row per
 * instance and a summary line. An infeasible plan or an unserved stop counts as a failure (exit code 1).
 */
export async function runTwBench<I extends { ids: number[] }>(argv: string[], format: TwBenchFormat<I>): Promise<void> {
  const args = parseArgs(argv, { values: ['dir', 'seconds', 'objective', 'seed', 'out', 'solutions'] });
  const dir = requireFlag(args, 'dir');
  const seconds = flagNumber(args, 'seconds');
  if (seconds === undefined || !(seconds > 0)) throw new InputError('--seconds must be a positive number', 'seconds');
  const objective = flagString(args, 'objective', format.defaultObjective) as TwObjective;
  if (objective !== 'distance' && objective !== 'hierarchical') throw new InputError(`--objective must be distance or hierarchical, got "${objective}"`, 'objective');
  const seed = flagNumber(args, 'seed', 1)!;
  const solDir = flagString(args, 'solutions');
  if (!existsSync(dir)) throw new InputError(`--dir ${dir} does not exist`, 'dir');
  const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.txt')).sort();
  if (files.length === 0) throw new InputError(`no ${format.name} .txt files in ${dir}`, 'dir');
  if (solDir) mkdirSync(solDir, { recursive: true });
  const bks = readBks(dir, objective === 'distance' ? 'distance_only' : 'hierarchical');

  console.log(`objective: ${objective}; ${seconds} s per instance, seed ${seed}`);
  console.log(`${'instance'.padEnd(10)}${'n'.padStart(5)}${'veh'.padStart(5)}${'bks veh'.padStart(9)}${'distance'.padStart(11)}${'bks'.padStart(11)}${'gap %'.padStart(8)}${'s'.padStart(7)}`);
  const results: Record<string, unknown>[] = [];
  const gaps: number[] = [];
  let vehicles = 0;
  let bestVehicles = 0;
  let failures = 0;
  const unreadable: Unreadable[] = [];
  for (const file of files) {
    const name = file.replace(/\.txt$/i, '');
    // A file that cannot be read is reported and skipped; the others are still solved.
    const read = readOrReport(name, () => {
      const inst = format.parse(readFileSync(join(dir, file), 'utf8'), file);
      return { inst, problem: createProblem(format.toProblem(inst, objective)) };
    }, unreadable);
    if (read === null) continue;
    const { inst, problem } = read;
    const solution = solve(problem, { seed, stop: { seconds } });
    const unassigned = solution.unassigned.map((u) => u.stop);
    // the checker counts unserved stops as violations (none is optional)
    const check = checkSolution(problem, solution.routes, unassigned);
    const used = solution.routes.filter((r) => r.stops.length > 0).length;
    const feasible = check.feasible && unassigned.length === 0;
    const b = bks.get(name.toLowerCase()) ?? null;
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
  const summary = `mean gap ${gaps.length ? `${mean.toFixed(2)}%` : 'n/a'} over ${gaps.length} instances, vehicles ${vehicles} (best known ${bestVehicles}), ${seconds} s each` + (failures ? `; ${failures} infeasible (failures)` : '') + unreadableNote(unreadable);
  const out = flagString(args, 'out');
  if (out) writeFileSync(out, JSON.stringify({ dir, objective, seconds, seed, meanGapPct: mean, vehicles, bestKnownVehicles: bestVehicles, failures, unreadable, instances: results }, null, 2));
  console.log(summary);
  if (failures > 0 || unreadable.length > 0) process.exitCode = 1;
}
