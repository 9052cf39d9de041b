import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { flagNumber, flagString, parseArgs } from '../args.js';
import { InputError } from '../../shared/errors.js';
import { createRng } from '../../shared/random.js';
import { crossCheck } from '../../allocation/bench/crosscheck.js';
import { generateInstance, INSTANCE_KINDS, parseSizes, type InstanceKind } from '../../allocation/bench/generate.js';
import { measureInProcess, measureIsolated, type Measurement } from '../../allocation/bench/measure.js';
import { buildFlowLp } from '../../allocation/flow/build.js';
import { validateFlowInstance, type FlowInstance } from '../../allocation/flow/instance.js';
import { objectivesAgree } from '../../allocation/lp/check.js';
import { lpShape, type BackendName, type LpModel } from '../../allocation/lp/model.js';
import { detectNetwork } from '../../allocation/solvers/network-detect.js';
import { BACKENDS } from '../../allocation/solve.js';

/**
 * `npm run bench -- lp [--sizes 10x50,50x500,100x1000,200x2000] [--kind transport|transship|facility]
 *   [--backend all|NAME] [--seed S] [--instance FILE.json] [--out RESULT.json] [--dump DIR]
 *   [--time-limit S] [--reps R] [--crosscheck N] [--inline] [--cold]`
 *
 * Generates seeded instances (or reads --instance), solves each with every
 * applicable backend in its own child process (so peak memory is that solve's;
 * --inline solves in this process and leaves memory out) after a tiny warm-up
 * solve (--cold: none, so start-up is timed too), reports the best of up to --reps runs (default 3, stopping once 15 s
 * are spent) as wall and CPU time, checks the
 * objectives agree within 1e-6 relative (arc fixed costs make a MIP: solved by
 * HiGHS and javascript-lp-solver, the network simplex does not apply), and ends with
 * `lp: <size> <kind>: <backend> T s, objectives agree` for the largest size.
 * javascript-lp-solver is skipped above JS_LIMIT (it needs seconds and a
 * gigabyte at 100 × 1,000). `--crosscheck N` instead solves N random small
 * instances with all backends and reports any disagreement.
 */
const DEFAULT_SIZES: Record<InstanceKind, string> = {
  transport: '10x50,50x500,100x1000,200x2000',
  transship: '10x50,50x500,100x1000,200x2000',
  facility: '5x20,10x50,20x200',
};

/**
 * Beyond these javascript-lp-solver is not attempted. Its dense tableau has a
 * row per constraint and per finite upper bound, and a column per variable:
 * measured here, 50 × 500 transport (14 M cells) took 1.8-2.4 s and 550 MB,
 * transship 100 × 1,000 (180 M cells) 25 s and 2.9 GB; facility 10 × 50
 * (10 binaries) 20 s, 20 × 200 (20 binaries) 40-135 s per the issue.
 */
const JS_LIMIT = { maxCells: 25_000_000, maxIntegers: 10 };

function jsCells(model: LpModel): number {
  let bounded = 0;
  for (const v of model.variables) if (Number.isFinite(v.upper)) bounded++;
  return (model.constraints.length + bounded) * model.variables.length;
}

interface Row extends Measurement {
  size: string;
  kind: string;
  skipped?: string;
}

export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, {
    values: ['sizes', 'kind', 'backend', 'seed', 'instance', 'out', 'dump', 'time-limit', 'crosscheck', 'reps'],
    booleans: ['inline', 'cold'],
  });
  const seed = flagNumber(args, 'seed', 1)!;
  const crossN = flagNumber(args, 'crosscheck');
  if (crossN !== undefined) return runCrossCheck(crossN, seed, flagString(args, 'out'));

  const kind = (flagString(args, 'kind', 'transport') as InstanceKind);
  if (!INSTANCE_KINDS.includes(kind)) throw new InputError(`--kind must be one of ${INSTANCE_KINDS.join(', ')}`, 'kind');
  const backendFlag = flagString(args, 'backend', 'all')!;
  if (backendFlag !== 'all' && !BACKENDS.includes(backendFlag as BackendName)) {
    throw new InputError(`--backend must be all or one of ${BACKENDS.join(', ')}`, 'backend');
  }
  const backends: BackendName[] = backendFlag === 'all' ? ['networkSimplex', 'highs', 'jsLpSolver'] : [backendFlag as BackendName];
  const timeLimitS = flagNumber(args, 'time-limit', 120)!;
  const dumpDir = flagString(args, 'dump');
  const inline = args.flags.has('inline');
  const reps = flagNumber(args, 'reps', 3)!;
  if (dumpDir) await mkdir(dumpDir, { recursive: true });

  const instanceFile = flagString(args, 'instance');
  const cases: { name: string; size: string; instance: FlowInstance }[] = [];
  if (instanceFile) {
    let instance: FlowInstance;
    try {
      instance = JSON.parse(await readFile(instanceFile, 'utf8'));
    } catch (err) {
      throw new InputError(`--instance: cannot read ${instanceFile}: ${(err as Error).message}`, 'instance');
    }
    validateFlowInstance(instance);
    const name = basename(instanceFile).replace(/\.instance\.json$|\.json$/, '');
    cases.push({ name, size: `${instance.nodes.length}n/${instance.arcs.length}a`, instance });
  } else {
    const sizes = parseSizes(flagString(args, 'sizes', DEFAULT_SIZES[kind])!);
    sizes.forEach((size) => {
      // The instance depends on (seed, kind, size) only, not on the other sizes listed.
      const kindNo = INSTANCE_KINDS.indexOf(kind);
      const instance = generateInstance(kind, size, createRng(((seed * 7919 + kindNo) * 1_000_003 + size.a * 10_007 + size.b) >>> 0));
      cases.push({ name: `${kind}-${size.label}-s${seed}`, size: size.label, instance });
    });
  }

  const rows: Row[] = [];
  const agreeBySize: Record<string, boolean> = {};
  const tmp = join(tmpdir(), `hubflow-lp-${process.pid}`);
  await mkdir(tmp, { recursive: true });
  console.log(`lp bench: kind ${instanceFile ? 'file' : kind}, seed ${seed}, backends ${backends.join(', ')}${inline ? ' (in-process, no memory figures)' : ''}`);
  console.log(pad(['size', 'backend', 'status', 'objective', 'time s', 'cpu s', 'peak MB', 'note']));
  try {
    for (const c of cases) {
      const built = buildFlowLp(c.instance);
      const shape = lpShape(built.model);
      const isNetwork = detectNetwork(built.model) !== null;
      const path = join(tmp, `${c.name}.json`);
      if (!inline) await writeFile(path, JSON.stringify(c.instance));
      const measured: Row[] = [];
      let wantSolution = dumpDir !== undefined;
      for (const backend of backends) {
        const base = { size: c.size, kind, backend };
        let row: Row;
        if (backend === 'networkSimplex' && !isNetwork) {
          row = { ...base, ...skipped(backend), skipped: 'n/a: not a pure network (fixed costs)' };
        } else if (backend === 'jsLpSolver' && (jsCells(built.model) > JS_LIMIT.maxCells || shape.integers > JS_LIMIT.maxIntegers)) {
          const cells = jsCells(built.model);
          row = {
            ...base,
            ...skipped(backend),
            skipped:
              cells > JS_LIMIT.maxCells
                ? `skipped: dense tableau of ${(cells / 1e6).toFixed(0)} M cells over its limit of ${JS_LIMIT.maxCells / 1e6} M (seconds and gigabytes)`
                : `skipped: ${shape.integers} binaries over its limit of ${JS_LIMIT.maxIntegers} (branch and bound too slow)`,
          };
        } else {
          const req = { backend, timeLimitS, withSolution: wantSolution, reps, warmUp: !args.flags.has('cold') };
          const m = inline ? await measureInProcess(c.instance, req) : await measureIsolated({ ...req, instancePath: path });
          row = { ...base, ...m };
          if (m.solution && m.status === 'optimal') {
            await writeFile(join(dumpDir!, `${c.name}.solution.json`), JSON.stringify(m.solution, null, 1));
            wantSolution = false;
          }
          delete row.solution;
        }
        measured.push(row);
        rows.push(row);
        console.log(
          pad([
            c.size,
            backend,
            row.skipped ? '-' : row.status,
            Number.isFinite(row.objective) ? String(round(row.objective, 4)) : '-',
            Number.isFinite(row.timeS) ? row.timeS.toFixed(3) : '-',
            row.cpuS !== undefined ? row.cpuS.toFixed(3) : '-',
            row.peakRssMb !== null ? row.peakRssMb.toFixed(0) : '-',
            row.skipped ?? [row.gap !== undefined ? `gap ${row.gap.toExponential(1)}` : '', row.message ?? ''].filter(Boolean).join(', '),
          ]),
        );
      }
      if (dumpDir) await writeFile(join(dumpDir, `${c.name}.instance.json`), JSON.stringify(c.instance, null, 1));
      const solved = measured.filter((r) => !r.skipped && r.status === 'optimal');
      const attempted = measured.filter((r) => !r.skipped);
      agreeBySize[c.size] =
        solved.length > 0 &&
        solved.length === attempted.length &&
        solved.every((r) => objectivesAgree(r.objective, solved[0].objective, 1e-6));
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  const last = cases[cases.length - 1];
  const lastRows = rows.filter((r) => r.size === last.size && !r.skipped && r.status === 'optimal');
  const fastest = lastRows.sort((a, b) => a.timeS - b.timeS)[0];
  const verdict = agreeBySize[last.size]
    ? lastRows.length > 1
      ? 'objectives agree'
      : lastRows[0]?.gap !== undefined
        ? `proven optimal (MIP gap ${lastRows[0].gap.toExponential(1)}), one backend applies`
        : 'one backend only'
    : 'objectives DISAGREE or not all optimal';
  const summary = fastest
    ? `lp: ${last.size} ${instanceFile ? last.name : kind}: ${fastest.backend} ${fastest.timeS.toFixed(3)} s, ${verdict}`
    : `lp: ${last.size} ${instanceFile ? last.name : kind}: no backend solved it to optimality`;
  const out = flagString(args, 'out');
  if (out) await writeFile(out, JSON.stringify({ kind: instanceFile ? 'file' : kind, seed, timeLimitS, rows, agree: agreeBySize, summary }, null, 1));
  console.log(summary);
  if (!agreeBySize[last.size]) process.exitCode = 1;
}

async function runCrossCheck(count: number, seed: number, out?: string): Promise<void> {
  if (!Number.isInteger(count) || count < 1) throw new InputError('--crosscheck needs a positive integer', 'crosscheck');
  const t0 = performance.now();
  const report = await crossCheck(count, seed, (k) => {
    if (k % 100 === 0) console.log(`  ${k}/${count}`);
  });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  for (const d of report.disagreements.slice(0, 20)) console.log(`  seed ${d.seed}: ${d.detail}`);
  if (out) await writeFile(out, JSON.stringify(report, null, 1));
  const solves = Object.entries(report.solves).map(([b, n]) => `${b} ${n}`).join(', ');
  console.log(
    `lp crosscheck: ${report.instances} random small instances (${report.optimal} optimal, ${report.infeasible} infeasible; solves: ${solves}, highs from a local-search start ${report.withStart}) in ${s} s, ` +
      (report.disagreements.length === 0 ? 'no disagreement' : `${report.disagreements.length} DISAGREEMENTS`),
  );
  if (report.disagreements.length) process.exitCode = 1;
}

function skipped(backend: BackendName): Measurement {
  return { backend, status: 'error', objective: NaN, timeS: NaN, peakRssMb: null, baseRssMb: null };
}

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
const WIDTHS = [10, 15, 10, 16, 9, 9, 8, 0];
const pad = (cells: string[]): string => cells.map((c, i) => (WIDTHS[i] ? c.padEnd(WIDTHS[i]) : c)).join(' ');
