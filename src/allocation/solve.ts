import { InputError } from '../shared/errors.js';
import { StopCriterion, type StopOptions } from '../shared/stop.js';
import { checkSolution } from './lp/check.js';
import { lpShape, validateLpModel, type BackendName, type LpModel, type LpResult, type LpShape } from './lp/model.js';
import type { HighsPool } from './solvers/highs-pool.js';
import { solveWithHighs } from './solvers/highs.js';
import { solveWithJsLpSolver } from './solvers/js-lp-solver.js';
import { detectNetwork, type NetworkForm } from './solvers/network-detect.js';
import { solveWithNetworkSimplex } from './solvers/network.js';

/** Backend choice: one of the backends, or 'auto' (see `chooseBackend`). */
export type BackendChoice = 'auto' | BackendName;

export const BACKENDS: readonly BackendName[] = ['networkSimplex', 'highs', 'jsLpSolver'];

export interface SolveLpOptions {
  /** Default 'auto'. */
  backend?: BackendChoice;
  /** Time limit (seconds) and cancellation (an `iterations` limit is not used by the backends). */
  stop?: StopOptions;
  /** Seed for the backend's own randomness (HiGHS). */
  seed?: number;
  /** The caller needs dual values (capacity prices): 'auto' then avoids javascript-lp-solver. */
  duals?: boolean;
  /** The caller needs sensitivity ranges: 'auto' then uses HiGHS. */
  ranging?: boolean;
  /** Relative MIP gap (HiGHS; default 1e-9). */
  mipRelGap?: number;
  /** A feasible point to start a MIP from (HiGHS; see solveWithHighs). */
  mipStart?: Float64Array;
  /** HiGHS runtime pool (default: one shared per process, renewed every 500 solves). */
  highsPool?: HighsPool;
  /** Check the model first (default true). */
  validate?: boolean;
  /** Re-check the answer against the model (default true); a violated answer throws. */
  verify?: boolean;
}

/**
 * Limits under which 'auto' hands a model to javascript-lp-solver. Measured
 * here (bench lp): transport 10 × 50 (500 columns) 0.02-0.03 s against 0.004 s
 * for a warm HiGHS but 0.2 s for HiGHS's first solve in a process (WebAssembly
 * start-up); 50 × 500 (25,000 columns) 1.7-2.4 s and 0.5-1.2 GB; its branch
 * and bound took 20-37 s on facility 10 × 50 (10 binaries). So only tiny LPs
 * and MIPs with a handful of binaries, with no dual needs, go to it.
 */
export const JS_LP_SOLVER_LIMITS = { maxVariables: 2_000, maxConstraints: 500, maxIntegers: 4 };

/**
 * The backend 'auto' picks: a pure network goes to the network simplex
 * (fastest by far, and exact); a small model without dual needs to
 * javascript-lp-solver (no WebAssembly start-up); everything else to HiGHS.
 */
export function chooseBackend(model: LpModel, opts: Pick<SolveLpOptions, 'duals' | 'ranging'> = {}, shape: LpShape = lpShape(model)): BackendName {
  return pick(model, opts, shape).backend;
}

function pick(model: LpModel, opts: Pick<SolveLpOptions, 'duals' | 'ranging'>, shape: LpShape): { backend: BackendName; form?: NetworkForm } {
  if (!opts.ranging) {
    const form = detectNetwork(model);
    if (form) return { backend: 'networkSimplex', form };
  }
  if (
    !opts.duals &&
    !opts.ranging &&
    shape.variables <= JS_LP_SOLVER_LIMITS.maxVariables &&
    shape.constraints <= JS_LP_SOLVER_LIMITS.maxConstraints &&
    shape.integers <= JS_LP_SOLVER_LIMITS.maxIntegers
  ) {
    return { backend: 'jsLpSolver' };
  }
  return { backend: 'highs' };
}

/**
 * Solves a linear or mixed-integer model with the chosen backend. The result
 * status is honest: 'optimal' only when the backend proved it (a MIP stopped
 * by the time limit is 'timeLimit'), and every returned point is re-checked
 * against the model.
 */
export async function solveLp(model: LpModel, opts: SolveLpOptions = {}): Promise<LpResult> {
  if (opts.validate !== false) validateLpModel(model);
  const choice = opts.backend ?? 'auto';
  if (choice !== 'auto' && !BACKENDS.includes(choice)) {
    throw new InputError(`solveLp: backend must be auto or one of ${BACKENDS.join(', ')}, got "${choice}"`, 'backend');
  }
  const stop = new StopCriterion(opts.stop ?? {});
  const picked = choice === 'auto' ? pick(model, opts, lpShape(model)) : { backend: choice, form: undefined };
  const backend = picked.backend;
  let result: LpResult;
  if (backend === 'networkSimplex') {
    result = solveWithNetworkSimplex(model, { shouldStop: () => stop.shouldStop(), form: picked.form });
  } else if (backend === 'highs') {
    result = await solveWithHighs(model, {
      pool: opts.highsPool,
      timeLimitS: opts.stop?.seconds,
      signal: opts.stop?.signal,
      mipRelGap: opts.mipRelGap,
      ranging: opts.ranging,
      seed: opts.seed,
      mipStart: opts.mipStart,
    });
  } else {
    result = solveWithJsLpSolver(model, { timeLimitS: opts.stop?.seconds });
  }
  if (opts.verify !== false && result.values) {
    const check = checkSolution(model, result.values);
    const intBad = model.variables.some((v) => v.integer) && check.maxFractionality > 1e-5;
    if (check.maxViolation > 1e-6 || intBad) {
      throw new Error(
        `solveLp: ${backend} returned a point violating ${check.worst ?? 'integrality'} by ${check.maxViolation.toExponential(2)}`,
      );
    }
  }
  return result;
}
