import { readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { InputError } from '../../shared/errors.js';
import { readOrReport, unreadableNote, type Unreadable } from './read-instance.js';
import { parseArgs, flagNumber, flagString, requireFlag } from '../args.js';
import { parseCvrplib, cvrplibToProblem, formatCvrplibSolution, parseSolutionCost } from '../../routing/cvrplib.js';
import { createProblem } from '../../routing/problem.js';
import { solve } from '../../routing/solve.js';
import { checkSolution } from '../../routing/check.js';

/**
 * `npm run bench -- vrp --dir DIR --seconds S [--seed N] [--out RESULT.json] [--solutions OUTDIR]`
 *
 * Solves every CVRPLIB `*.vrp` in DIR within S seconds each (one core).
 * Instances not starting with `X-` get at most k routes (k from `-kN`);
 * X instances a free fleet. Best-known costs come from DIR/bks.csv
 * (instance,bks) or the `Cost` line of DIR/NAME.sol. Every plan is checked
 * by the independent checker; an infeasible plan is reported as a failure.
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['dir', 'seconds', 'seed', 'out', 'solutions'] });
  const dir = requireFlag(args, 'dir');
  const seconds = flagNumber(args, 'seconds');
  if (seconds === undefined || seconds <= 0) throw new InputError('--seconds must be a positive number', 'seconds');
  const seed = flagNumber(args, 'seed', 1)!;
  const out = flagString(args, 'out');
  const solDir = flagString(args, 'solutions');
  if (!existsSync(dir)) throw new InputError(`--dir ${dir} does not exist`, 'dir');
  const files = readdirSync(dir).filter((f) => f.endsWith('.vrp')).sort();
  if (files.length === 0) throw new InputError(`no .vrp files in ${dir}`, 'dir');
  if (solDir) mkdirSync(solDir, { recursive: true });

  const bks = new Map<string, number>();
  const csv = join(dir, 'bks.csv');
  if (existsSync(csv)) {
    const rows = readFileSync(csv, 'utf8').trim().split(/\r?\n/);
    const head = rows[0].split(',');
    const iName = head.indexOf('instance');
    const iBks = head.indexOf('bks');
    for (const row of rows.slice(1)) {
      const cells = row.split(',');
      const v = Number(cells[iBks]);
      if (iName >= 0 && iBks >= 0 && Number.isFinite(v)) bks.set(cells[iName], v);
    }
  }

  console.log(`${'instance'.padEnd(14)} ${'n'.padStart(4)} ${'routes'.padStart(6)} ${'bks'.padStart(8)} ${'cost'.padStart(8)} ${'gap %'.padStart(7)} ${'s'.padStart(6)}`);
  const results: Record<string, unknown>[] = [];
  const gaps: number[] = [];
  let failures = 0;
  const unreadable: Unreadable[] = [];
  for (const file of files) {
    const name = basename(file, '.vrp');
    // A file that cannot be read is reported and skipped; the others are still solved.
    const read = readOrReport(name, () => {
      const inst = parseCvrplib(readFileSync(join(dir, file), 'utf8'), file);
      const limited = !name.startsWith('X-') && inst.k !== null;
      return { inst, limited, problem: createProblem(cvrplibToProblem(inst, limited ? inst.k! : undefined)) };
    }, unreadable);
    if (read === null) continue;
    const { inst, limited, problem } = read;
    let best = bks.get(name) ?? null;
    const solPath = join(dir, `${name}.sol`);
    if (best === null && existsSync(solPath)) best = parseSolutionCost(readFileSync(solPath, 'utf8'));
    const solution = solve(problem, { seed, stop: { seconds } });
    // Independent check of the reported plan (the solver checks too; this guards the bench).
    const check = checkSolution(problem, solution.routes);
    const feasible = check.feasible;
    const cost = check.cost;
    const gap = best !== null && feasible ? (100 * (cost - best)) / best : null;
    if (gap !== null) gaps.push(gap);
    if (!feasible) failures++;
    if (solDir && feasible) writeFileSync(join(solDir, `${name}.sol`), formatCvrplibSolution(solution.routes, cost));
    console.log(
      `${name.padEnd(14)} ${String(problem.stops.length).padStart(4)} ${String(solution.routes.length).padStart(6)} ` +
      `${String(best ?? '-').padStart(8)} ${String(Math.round(cost * 100) / 100).padStart(8)} ` +
      `${(gap === null ? (feasible ? '-' : 'INFEAS') : gap.toFixed(2)).padStart(7)} ${solution.seconds.toFixed(2).padStart(6)}`,
    );
    results.push({
      instance: name, n: problem.stops.length, k: inst.k, fleet: limited ? `at most ${inst.k}` : 'free',
      bks: best, cost, gapPct: gap, feasible, violations: check.violations.map((v) => v.message),
      routes: solution.routes.length, seconds: solution.seconds, iterations: solution.iterations,
    });
  }
  const mean = gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : NaN;
  // How many reach their best known (the goal for Augerat A is every one), and the others with their gaps.
  const compared = results.filter((r) => typeof r.gapPct === 'number') as { instance: string; cost: number; bks: number; gapPct: number }[];
  const above = compared.filter((r) => Math.round(r.cost * 1e6) > Math.round(r.bks * 1e6));
  if (compared.length) {
    console.log(`at the best known: ${compared.length - above.length} of ${compared.length}` + (above.length ? ` (above: ${above.map((r) => `${r.instance} +${r.gapPct.toFixed(2)}%`).join(', ')})` : ''));
  }
  const summary = `mean gap ${gaps.length ? mean.toFixed(2) + '%' : 'n/a'} over ${gaps.length} instances (${seconds} s each)` +
    (failures ? `; ${failures} infeasible (failures)` : '') +
    unreadableNote(unreadable);
  if (out) {
    const meanGapPct = gaps.length ? mean : null;
    writeFileSync(out, JSON.stringify({ kind: 'vrp', dir, seconds, seed, meanGapPct, instances: gaps.length, atBestKnown: compared.length - above.length, failures, unreadable, results }, null, 2));
  }
  console.log(summary);
  if (unreadable.length) process.exitCode = 1;
}
