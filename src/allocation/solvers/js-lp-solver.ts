import jsLpSolverModule from 'javascript-lp-solver';
import type { Model as JsModel, SolverAPI } from 'javascript-lp-solver';
import { monotonicMs } from '../../shared/stop.js';
import { checkSolution } from '../lp/check.js';
import type { LpModel, LpResult } from '../lp/model.js';

export interface JsLpSolverOptions {
  /** Wall-clock limit in seconds (passed as the solver's `timeout`). */
  timeLimitS?: number;
}

// Declarations are typed as CommonJS; at run time the ESM default export is the solver.
const jsLpSolver = ((jsLpSolverModule as unknown as { default?: unknown }).default ?? jsLpSolverModule) as unknown as SolverAPI;

/** Builds javascript-lp-solver's JSON model; bounds become one-variable constraints. */
export function toJsLpModel(model: LpModel, opts: JsLpSolverOptions = {}): JsModel {
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const ints: Record<string, 1> = {};
  const unrestricted: Record<string, 1> = {};
  model.variables.forEach((v, j) => {
    const col: Record<string, number> = { cost: v.cost };
    variables[`x${j}`] = col;
    if (v.integer) ints[`x${j}`] = 1;
    if (v.lower === -Infinity) unrestricted[`x${j}`] = 1;
    else if (v.lower !== 0) {
      constraints[`l${j}`] = { min: v.lower };
      col[`l${j}`] = 1;
    }
    if (v.upper !== Infinity) {
      constraints[`u${j}`] = { max: v.upper };
      col[`u${j}`] = 1;
    }
  });
  model.constraints.forEach((c, i) => {
    const name = `r${i}`;
    constraints[name] = c.sense === '<=' ? { max: c.rhs } : c.sense === '>=' ? { min: c.rhs } : { equal: c.rhs };
    for (let k = 0; k < c.vars.length; k++) variables[`x${c.vars[k]}`][name] = c.coefs[k];
  });
  const js: JsModel = { optimize: 'cost', opType: 'min', constraints, variables, ints, unrestricted };
  if (opts.timeLimitS !== undefined) js.options = { timeout: Math.max(1, Math.round(opts.timeLimitS * 1000)) };
  return js;
}

/**
 * Solves with javascript-lp-solver (pure JavaScript, dense tableau: fine for
 * small models). It gives no duals. Its answer is checked against the model:
 * on a timed-out MIP it returns a fractional or infeasible point still marked
 * feasible; such an answer is reported as 'timeLimit' (or 'infeasible' when
 * no integral point was found), never as 'optimal'.
 */
export function solveWithJsLpSolver(model: LpModel, opts: JsLpSolverOptions = {}): LpResult {
  const js = toJsLpModel(model, opts);
  const t0 = monotonicMs();
  const out = jsLpSolver.Solve(js) as unknown as Record<string, unknown>;
  const elapsedS = (monotonicMs() - t0) / 1000;
  if (!out.feasible) return { status: 'infeasible', backend: 'jsLpSolver', objective: NaN, values: null };
  if (out.bounded === false) return { status: 'unbounded', backend: 'jsLpSolver', objective: NaN, values: null };
  const values = new Float64Array(model.variables.length);
  model.variables.forEach((_, j) => {
    const x = out[`x${j}`];
    values[j] = typeof x === 'number' ? x : 0;
  });
  const check = checkSolution(model, values);
  const hasInt = model.variables.some((v) => v.integer);
  const feasibleTol = 1e-6;
  const result: LpResult = { status: 'optimal', backend: 'jsLpSolver', objective: check.objective, values };
  if (check.maxViolation > feasibleTol || (hasInt && check.maxFractionality > 1e-6)) {
    // The flaw: a stopped branch and bound hands back its relaxation marked feasible.
    result.status = 'timeLimit';
    result.values = null;
    result.objective = NaN;
    result.message =
      `jsLpSolver: returned a point that is not a valid solution (max violation ${check.maxViolation.toExponential(2)}, ` +
      `max fractionality ${check.maxFractionality.toExponential(2)}), reported as not solved`;
    return result;
  }
  if (hasInt && opts.timeLimitS !== undefined && elapsedS >= opts.timeLimitS * 0.98) {
    // Integral and feasible, but the search was cut short: not proven optimal.
    result.status = 'timeLimit';
    result.message = 'jsLpSolver: time limit reached; best integral point found, optimality not proven';
  }
  return result;
}
