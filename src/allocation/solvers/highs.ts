import type { LpModel, LpResult, LpStatus } from '../lp/model.js';
import { HighsPool, sharedHighsPool, type HighsRuntime } from './highs-pool.js';

export interface HighsSolveOptions {
  pool?: HighsPool;
  /** Wall-clock limit in seconds. */
  timeLimitS?: number;
  /** Stops the solve (checked in HiGHS's interrupt callbacks). */
  signal?: AbortSignal;
  /** Relative MIP gap at which HiGHS stops (default 1e-9: exact to rounding). */
  mipRelGap?: number;
  /** Compute LP sensitivity ranges (HiGHS ranging). */
  ranging?: boolean;
  seed?: number;
  /**
   * A feasible point to start a MIP from. With a start, HiGHS's costly primal
   * heuristics (sub-MIPs, RENS, feasibility jump, ...) and restarts are
   * switched off and only RINS (which works around the incumbent) runs, at a
   * low effort. Measured on facility 20 × 200 (seed 1): default options spent
   * 6.4 of 6.9 s of CPU in heuristics; from a start, all heuristics off took
   * 0.9-1.2 s, but 4.2 s when the start was 2 % off the optimum (seed 4), where
   * RINS at effort 0.05 took 1.7 s (and 1.3-1.8 s on the easy seeds).
   */
  mipStart?: Float64Array;
}

const LIGHT_MIP_OPTIONS = {
  mip_heuristic_effort: 0.05,
  mip_heuristic_run_rins: true,
  mip_heuristic_run_rens: false,
  mip_heuristic_run_feasibility_jump: false,
  mip_heuristic_run_root_reduced_cost: false,
  mip_heuristic_run_zi_round: false,
  mip_heuristic_run_shifting: false,
  mip_allow_restart: false,
};

/** Converts the neutral model to HiGHS's structured (CSC) model data. */
export function toHighsModelData(model: LpModel) {
  const nv = model.variables.length;
  const nr = model.constraints.length;
  const starts = new Int32Array(nv + 1);
  for (const c of model.constraints) for (const j of c.vars) starts[j + 1]++;
  for (let j = 0; j < nv; j++) starts[j + 1] += starts[j];
  const fill = starts.slice(0, nv);
  const nnz = starts[nv];
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const rowLower = new Float64Array(nr);
  const rowUpper = new Float64Array(nr);
  for (let i = 0; i < nr; i++) {
    const c = model.constraints[i];
    for (let k = 0; k < c.vars.length; k++) {
      const p = fill[c.vars[k]]++;
      indices[p] = i;
      values[p] = c.coefs[k];
    }
    rowLower[i] = c.sense === '<=' ? -Infinity : c.rhs;
    rowUpper[i] = c.sense === '>=' ? Infinity : c.rhs;
  }
  const colCost = new Float64Array(nv);
  const colLower = new Float64Array(nv);
  const colUpper = new Float64Array(nv);
  const integrality = new Int32Array(nv);
  let anyInt = false;
  for (let j = 0; j < nv; j++) {
    const v = model.variables[j];
    colCost[j] = v.cost;
    colLower[j] = v.lower;
    colUpper[j] = v.upper;
    if (v.integer) {
      integrality[j] = 1;
      anyInt = true;
    }
  }
  return {
    numCols: nv,
    numRows: nr,
    offset: model.objectiveOffset ?? 0,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc' as const, numRows: nr, numCols: nv, starts, indices, values },
    ...(anyInt ? { integrality } : {}),
  };
}

/**
 * Solves with HiGHS (WebAssembly). Gives row duals and reduced costs for LPs,
 * sensitivity ranges on request, and the proven bound and gap for MIPs. A
 * MIP stopped by its time limit reports 'timeLimit' with its incumbent.
 */
export async function solveWithHighs(model: LpModel, opts: HighsSolveOptions = {}): Promise<LpResult> {
  const pool = opts.pool ?? sharedHighsPool();
  const data = toHighsModelData(model);
  const isMip = data.integrality !== undefined;
  return pool.run((highs) => runOnce(highs, data, isMip, opts));
}

function runOnce(highs: HighsRuntime, data: ReturnType<typeof toHighsModelData>, isMip: boolean, opts: HighsSolveOptions): LpResult {
  const ms = highs.constants.modelStatus;
  const model = highs.createModel(data);
  try {
    model.options.set({
      output_flag: false,
      mip_rel_gap: opts.mipRelGap ?? 1e-9,
      random_seed: opts.seed ?? 0,
      ...(opts.timeLimitS !== undefined ? { time_limit: Math.max(0.001, opts.timeLimitS) } : {}),
      ...(isMip && opts.mipStart ? LIGHT_MIP_OPTIONS : {}),
    });
    if (isMip && opts.mipStart) model.setSolution({ colValue: opts.mipStart });
    const signal = opts.signal;
    const cb = highs.constants.callbackType;
    const callbacks = signal
      ? {
          [cb.simplexInterrupt]: (ev: { interrupt(): void }) => signal.aborted && ev.interrupt(),
          [cb.mipInterrupt]: (ev: { interrupt(): void }) => signal.aborted && ev.interrupt(),
        }
      : undefined;
    let code = model.run(callbacks as never).modelStatus as number;
    if (code === ms.unboundedOrInfeasible) {
      model.options.set({ presolve: 'off' });
      model.clearSolver();
      code = model.run(callbacks as never).modelStatus as number;
    }
    let status: LpStatus;
    if (code === ms.optimal) status = 'optimal';
    else if (code === ms.infeasible) status = 'infeasible';
    else if (code === ms.unbounded || code === ms.unboundedOrInfeasible) status = 'unbounded';
    else if (code === ms.timeLimit || code === ms.iterationLimit || code === ms.interrupted || code === ms.solutionLimit) {
      status = 'timeLimit';
    } else if (code === ms.empty) {
      // No columns: feasible exactly when every (empty) row admits 0.
      let ok = true;
      for (let i = 0; i < data.numRows; i++) if (data.rowLower[i] > 1e-9 || data.rowUpper[i] < -1e-9) ok = false;
      status = ok ? 'optimal' : 'infeasible';
    }
    else throw new Error(`highs: model status ${code}`);

    const primalOk = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const result: LpResult = { status, backend: 'highs', objective: NaN, values: null };
    if (data.numCols === 0) {
      if (status !== 'optimal') return result;
      result.objective = data.offset;
      result.values = new Float64Array(0);
      return result;
    }
    if ((status === 'optimal' || status === 'timeLimit') && primalOk) {
      const sol = model.getSolution();
      result.values = Float64Array.from(sol.colValue);
      result.objective = model.getObjectiveValue();
      if (!isMip && status === 'optimal') {
        result.duals = Float64Array.from(sol.rowDual);
        result.reducedCosts = Float64Array.from(sol.colDual);
        if (opts.ranging) {
          try {
            const r = model.getRanging();
            result.ranges = {
              rhsLower: Float64Array.from(r.rowBoundDown.value),
              rhsUpper: Float64Array.from(r.rowBoundUp.value),
              costLower: Float64Array.from(r.colCostDown.value),
              costUpper: Float64Array.from(r.colCostUp.value),
              boundLower: Float64Array.from(r.colBoundDown.value),
              boundUpper: Float64Array.from(r.colBoundUp.value),
            };
          } catch {
            // ranging needs a simplex basis; leave ranges out when there is none
          }
        }
      }
    }
    if (isMip && result.values) {
      const bound = Number(model.info.get('mip_dual_bound'));
      const gap = Number(model.info.get('mip_gap'));
      if (Number.isFinite(bound)) result.bound = bound + 0;
      if (Number.isFinite(gap)) result.gap = gap;
    }
    try {
      result.iterations = Number(model.info.get(isMip ? 'mip_node_count' : 'simplex_iteration_count'));
    } catch {
      // not reported
    }
    if (status === 'timeLimit') result.message = 'highs: stopped by the time limit before proving optimality';
    return result;
  } finally {
    model.dispose();
  }
}
