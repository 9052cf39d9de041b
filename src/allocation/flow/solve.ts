import type { LpResult, LpStatus } from '../lp/model.js';
import { monotonicMs, StopCriterion } from '../../shared/stop.js';
import { chooseBackend, solveLp, type SolveLpOptions } from '../solve.js';
import { fixedChargeStart } from './fixed-charge-start.js';
import { buildFlowLp, type BuildFlowOptions, type FlowLp } from './build.js';
import type { FlowInstance, FlowSolution } from './instance.js';

export interface FlowAnswer {
  status: LpStatus;
  /** The solution JSON (empty flows when there is no solution). */
  solution: FlowSolution;
  /** The raw solver result (duals, reduced costs, ranges, bound, gap). */
  lp: LpResult;
  /** The model that was solved, for prices and decoding. */
  built: FlowLp;
}

/** Flows below this are reported as zero. */
const FLOW_EPS = 1e-9;

/** Decodes solver values into the solution JSON. */
export function decodeFlowSolution(inst: FlowInstance, built: FlowLp, lp: LpResult): FlowSolution {
  const sol: FlowSolution = { objective: lp.objective, flows: [] };
  const x = lp.values;
  if (!x) return sol;
  inst.arcs.forEach((arc, a) => {
    const f = x[built.flowVar[a]];
    if (f > FLOW_EPS) sol.flows.push({ from: arc.from, to: arc.to, flow: f });
  });
  if (built.openVar.some((j) => j >= 0)) {
    sol.open = [];
    inst.arcs.forEach((arc, a) => {
      const j = built.openVar[a];
      if (j >= 0 && x[j] > 0.5) sol.open!.push({ from: arc.from, to: arc.to });
    });
  }
  if (built.unmetVar.some((j) => j >= 0)) {
    sol.unmet = [];
    inst.nodes.forEach((node, i) => {
      const j = built.unmetVar[i];
      if (j >= 0 && x[j] > FLOW_EPS) sol.unmet!.push({ node: node.id, amount: x[j] });
    });
  }
  return sol;
}

export interface FlowSolveOptions extends SolveLpOptions, BuildFlowOptions {
  /**
   * For MIPs solved by HiGHS: find a start by local search over the open arcs
   * (each step a network-simplex solve) first (default true).
   */
  localSearchStart?: boolean;
}

/**
 * The MIP start for a flow MIP headed to HiGHS, or undefined. With a time
 * limit, the local search may use a quarter of it.
 */
export function flowMipStart(built: FlowLp, opts: FlowSolveOptions): Float64Array | undefined {
  if (opts.localSearchStart === false || !built.openVar.some((j) => j >= 0)) return undefined;
  const backend = opts.backend ?? 'auto';
  if (backend !== 'highs' && (backend !== 'auto' || chooseBackend(built.model, opts) !== 'highs')) return undefined;
  const budget = opts.stop?.seconds !== undefined || opts.stop?.signal ? new StopCriterion({ seconds: opts.stop.seconds && opts.stop.seconds / 4, signal: opts.stop.signal }) : null;
  return fixedChargeStart(built, { shouldStop: budget ? () => budget.shouldStop() : undefined, seed: opts.seed })?.values;
}

/**
 * Builds and solves a flow instance. Without fixed costs the model is a pure
 * network and 'auto' uses the network simplex; with fixed costs it is a MIP
 * and goes to HiGHS (or javascript-lp-solver when tiny); HiGHS then starts
 * from a local-search solution (see fixedChargeStart). A time limit covers
 * both.
 */
export async function solveFlow(inst: FlowInstance, opts: FlowSolveOptions = {}): Promise<FlowAnswer> {
  const built = buildFlowLp(inst, opts);
  const t0 = monotonicMs();
  const mipStart = opts.mipStart ?? flowMipStart(built, opts);
  const spentS = (monotonicMs() - t0) / 1000;
  const stop = opts.stop?.seconds !== undefined ? { ...opts.stop, seconds: Math.max(0.01, opts.stop.seconds - spentS) } : opts.stop;
  const lp = await solveLp(built.model, { ...opts, stop, validate: false, mipStart });
  return { status: lp.status, solution: decodeFlowSolution(inst, built, lp), lp, built };
}
