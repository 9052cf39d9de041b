import { fork } from 'node:child_process';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monotonicMs } from '../../shared/stop.js';
import { buildFlowLp } from '../flow/build.js';
import type { FlowInstance, FlowSolution } from '../flow/instance.js';
import { decodeFlowSolution } from '../flow/solve.js';
import type { BackendName, LpStatus } from '../lp/model.js';
import { solveLp } from '../solve.js';

/** One timed solve of one instance by one backend. */
export interface Measurement {
  backend: BackendName;
  status: LpStatus | 'error';
  objective: number;
  /** Wall time of `solveLp` on the built model (conversion to the backend's form included). */
  timeS: number;
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

/** Measures in this process (memory figures are then left out). */
export async function measureInProcess(instance: FlowInstance, req: Omit<MeasureRequest, 'instance' | 'instancePath'>): Promise<Measurement> {
  if (req.warmUp !== false) {
    const tiny = buildFlowLp(req.backend === 'networkSimplex' ? { ...TINY, arcs: TINY.arcs.map(({ fixedCost: _f, ...a }) => a) } : TINY);
    await solveLp(tiny.model, { backend: req.backend, validate: false });
  }
  const built = buildFlowLp(instance);
  const baseRss = process.memoryUsage().rss;
  const t0 = monotonicMs();
  try {
    const lp = await solveLp(built.model, { backend: req.backend, validate: false, stop: { seconds: req.timeLimitS } });
    const timeS = (monotonicMs() - t0) / 1000;
    return {
      backend: req.backend,
      status: lp.status,
      objective: lp.objective,
      timeS,
      peakRssMb: null,
      baseRssMb: baseRss / 1e6,
      iterations: lp.iterations,
      gap: lp.gap,
      message: lp.message,
      solution: req.withSolution ? decodeFlowSolution(instance, built, lp) : undefined,
    };
  } catch (err) {
    return {
      backend: req.backend,
      status: 'error',
      objective: NaN,
      timeS: (monotonicMs() - t0) / 1000,
      peakRssMb: null,
      baseRssMb: baseRss / 1e6,
      message: String((err as Error).message ?? err),
    };
  }
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
