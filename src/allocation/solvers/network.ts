import { InputError } from '../../shared/errors.js';
import type { LpModel, LpResult } from '../lp/model.js';
import { detectNetwork, type NetworkForm } from './network-detect.js';
import { solveMinCostFlow } from './network-simplex.js';

export interface NetworkSimplexOptions {
  shouldStop?: () => boolean;
  /** A form already found by detectNetwork (saves a second pass). */
  form?: NetworkForm | null;
}

/**
 * Solves a pure-network LP with the network simplex and maps the answer back:
 * values, duals (node potentials, signed to the model's rows) and reduced
 * costs. Throws InputError when the model is not a pure network.
 */
export function solveWithNetworkSimplex(model: LpModel, opts: NetworkSimplexOptions = {}): LpResult {
  const form = opts.form ?? detectNetwork(model);
  if (!form) throw new InputError('networkSimplex: the model is not a pure network (coefficients ±1, two per column)', 'backend');
  if (form.unbounded) return { status: 'unbounded', backend: 'networkSimplex', objective: NaN, values: null };
  const r = solveMinCostFlow(form.mcf, { shouldStop: opts.shouldStop });
  const result: LpResult = { status: r.status, backend: 'networkSimplex', objective: NaN, values: null, iterations: r.iterations };
  if (r.status === 'infeasible' || r.status === 'unbounded') return result;
  const nv = model.variables.length;
  const nr = model.constraints.length;
  const values = new Float64Array(nv);
  const reducedCosts = new Float64Array(nv);
  const pot = r.potential;
  const { from, to } = form.mcf;
  for (let j = 0; j < nv; j++) {
    const a = form.arcOf[j];
    const c = model.variables[j].cost;
    if (a < 0) {
      values[j] = form.fixedValue[j];
      reducedCosts[j] = c;
    } else {
      values[j] = r.flow[a] + form.shift[j];
      reducedCosts[j] = c + pot[from[a]] - pot[to[a]];
    }
  }
  const duals = new Float64Array(nr);
  for (let i = 0; i < nr; i++) duals[i] = form.rowSign[i] * pot[i] + 0;
  result.values = values;
  result.objective = form.offset + r.objective;
  if (r.status === 'optimal') {
    result.duals = duals;
    result.reducedCosts = reducedCosts;
  } else {
    result.message = 'networkSimplex: stopped before optimality; values are feasible only if no artificial flow remains';
    result.values = null;
    result.objective = NaN;
  }
  return result;
}
