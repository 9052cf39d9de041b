import { fork } from 'node:child_process';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monotonicMs } from '../../shared/stop.js';
import { createRng } from '../../shared/random.js';
import { buildFlowLp } from '../flow/build.js';
import { facilityInstance, transportInstance } from './generate.js';
import type { FlowInstance, FlowSolution } from '../flow/instance.js';
import { decodeFlowSolution, flowMipStart } from '../flow/solve.js';
import type { BackendName, LpStatus } from '../lp/model.js';
import { solveLp } from '../solve.js';

/** One timed solve of one instance by one backend. */
export interface Measurement {
  backend: BackendName;
  status: LpStatus | 'error';
  objective: number;
  /** Wall time of `solveLp` on the built model (conversion to the backend's form included), best of the runs. */
  timeS: number;
  /** Process CPU time of that same run (less disturbed than wall time on a shared machine). */
  cpuS?: number;
  /** Runs timed (the best is reported). */
  runs?: number;
  /** Peak resident memory of the measuring process, MB (null when not isolated). */
  peakRssMb: number | null;
  /** Resident memory of the measuring process before the solve, MB. */
  baseRssMb: number | null;
  iterations?: number;
  gap?: number;
  message?: string;
  solution?: FlowSolution;
}

export interface MeasureRequest {
  instancePath?: string;
  instance?: FlowInstance;
  backend: BackendName;
  timeLimitS: number;
  /** Also return the solution JSON. */
  withSolution?: boolean;
  /** Solve a tiny instance first so the JIT / WebAssembly start-up is not timed (default true). */
  warmUp?: boolean;
  /** Time up to this many runs, stopping once 15 s have been spent (default 3); the best run is reported. */
  reps?: number;
}

const TINY: FlowInstance = {
  nodes: [
    { id: 'a', supply: 5 },
    { id: 'h', supply: 0 },
    { id: 'b', supply: -3 },
  ],
  arcs: [
    { from: 'a', to: 'h', costPerUnit: 1, capacity: 4, fixedCost: 2 },
    { from: 'h', to: 'b', costPerUnit: 1 },
    { from: 'a', to: 'b', costPerUnit: 5 },
  ],
};

/**
 * Solves a few small instances first, so that what is timed is the solver in
 * a warm process (as in a server that re-solves while a planner drags a
 * slider), not V8's JIT or the tier-up of HiGHS's WebAssembly code.
 */
async function warmUp(backend: BackendName): Promise<void> {
  const rng = createRng(4242);
  const lp = [transportInstance(10, 50, rng), transportInstance(20, 100, rng)];
  const mip = backend === 'networkSimplex' ? [] : [TINY, facilityInstance(5, 20, rng)];
  for (const inst of [...lp, ...mip]) {
    const built = buildFlowLp(inst);
    await solveLp(built.model, { backend, validate: false, mipStart: flowMipStart(built, { backend }) });
  }
}

/** Measures in this process (memory figures are then left out). */
export async function measureInProcess(instance: FlowInstance, req: Omit<MeasureRequest, 'instance' | 'instancePath'>): Promise<Measurement> {
  if (req.warmUp !== false) await warmUp(req.backend);
  const built = buildFlowLp(instance);
  const baseRss = process.memoryUsage().rss;
  const reps = Math.max(1, req.reps ?? 3);
  let best = null as Measurement | null;
  let spentS = 0;
  for (let r = 0; r < reps && (r === 0 || spentS < 15); r++) {
    const c0 = process.cpuUsage();
    const t0 = monotonicMs();
    let m: Measurement;
    try {
      // Timed as solveFlow does it: for a MIP on HiGHS the local-search start is part of the solve.
      const mipStart = flowMipStart(built, { backend: req.backend });
      const startS = (monotonicMs() - t0) / 1000;
      const lp = await solveLp(built.model, { backend: req.backend, validate: false, stop: { seconds: req.timeLimitS }, mipStart });
      const timeS = (monotonicMs() - t0) / 1000;
      const cpu = process.cpuUsage(c0);
      m = {
        backend: req.backend,
        status: lp.status,
        objective: lp.objective,
        timeS,
        cpuS: (cpu.user + cpu.system) / 1e6,
        peakRssMb: null,
        baseRssMb: baseRss / 1e6,
        iterations: lp.iterations,
        gap: lp.gap,
        message: mipStart ? `start ${startS.toFixed(2)} s${lp.message ? `; ${lp.message}` : ''}` : lp.message,
        solution: req.withSolution && r === 0 ? decodeFlowSolution(instance, built, lp) : undefined,
      };
    } catch (err) {
      m = {
        backend: req.backend,
        status: 'error',
        objective: NaN,
        timeS: (monotonicMs() - t0) / 1000,
        peakRssMb: null,
        baseRssMb: baseRss / 1e6,
        message: String((err as Error).message ?? err),
      };
    }
    spentS += m.timeS;
    if (m.status !== 'optimal') return { ...m, runs: r + 1 };
    const prev: Measurement | null = best;
    best = !prev || m.timeS < prev.timeS ? { ...m, solution: m.solution ?? prev?.solution } : prev;
    best.runs = r + 1;
  }
  return best as Measurement;
}

/**
 * Measures in a child process so that peak memory (maxRSS) belongs to this
 * one solve. The child reads the instance file, warms up, solves and reports
 * over IPC; it is killed after the time limit plus a grace period.
 */
export function measureIsolated(req: MeasureRequest & { instancePath: string }): Promise<Measurement> {
  const self = fileURLToPath(import.meta.url);
  const child = fileURLToPath(new URL(`./measure-child${extname(self)}`, import.meta.url));
  return new Promise((resolve) => {
    const proc = fork(child, [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let done = false;
    const finish = (m: Measurement): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(m);
    };
    const fail = (message: string): Measurement => ({
      backend: req.backend,
      status: 'error',
      objective: NaN,
      timeS: NaN,
      peakRssMb: null,
      baseRssMb: null,
      message,
    });
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      finish({ ...fail(`killed after ${req.timeLimitS + 30} s`), status: 'timeLimit', timeS: req.timeLimitS + 30 });
    }, (req.timeLimitS + 30) * 1000);
    proc.on('message', (m) => {
      finish(m as Measurement);
      proc.kill();
    });
    proc.on('exit', (code) => finish(fail(`child exited with code ${code}`)));
    proc.on('error', (err) => finish(fail(String(err))));
    proc.send(req);
  });
}
