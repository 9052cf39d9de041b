import { InputError } from '../../shared/errors.js';

/**
 * The neutral linear / mixed-integer model every solver backend reads.
 *
 *   minimise   offset + sum_j cost_j x_j
 *   subject to sum_j a_ij x_j  (<= | >= | =)  rhs_i     for each constraint i
 *              lower_j <= x_j <= upper_j                 (bounds may be ±Infinity)
 *              x_j integer where `integer` is set
 *
 * Always a minimisation (negate the costs to maximise). Constraints are sparse:
 * `vars[k]` is a variable index and `coefs[k]` its coefficient. Names are
 * optional; backends that need names make them from the index.
 */
export interface LpVariable {
  name?: string;
  lower: number;
  upper: number;
  cost: number;
  integer?: boolean;
}

/** Sense of a constraint row. */
export type ConstraintSense = '<=' | '>=' | '=';

export interface LpConstraint {
  name?: string;
  vars: number[];
  coefs: number[];
  sense: ConstraintSense;
  rhs: number;
}

export interface LpModel {
  variables: LpVariable[];
  constraints: LpConstraint[];
  /** Constant added to the objective (default 0). */
  objectiveOffset?: number;
}

/** Outcome of a solve, honest about limits: a time-limited MIP is never 'optimal'. */
export type LpStatus = 'optimal' | 'infeasible' | 'unbounded' | 'timeLimit';

/** Backends behind `solveLp`. */
export type BackendName = 'jsLpSolver' | 'highs' | 'networkSimplex';

/** Sensitivity ranges (HiGHS ranging, LP only), indexed like constraints / variables. */
export interface LpRanges {
  /** Lowest / highest rhs of each constraint over which its dual value holds. */
  rhsLower: Float64Array;
  rhsUpper: Float64Array;
  /** Lowest / highest cost of each variable over which the current basis stays optimal. */
  costLower: Float64Array;
  costUpper: Float64Array;
  /** Lowest / highest value of each variable's active bound over which its reduced cost holds. */
  boundLower: Float64Array;
  boundUpper: Float64Array;
}

export interface LpResult {
  status: LpStatus;
  backend: BackendName;
  /** Objective including the offset; NaN when there is no solution. */
  objective: number;
  /** Variable values (length = variables), or null when there is no solution. */
  values: Float64Array | null;
  /**
   * Dual value of each constraint: d(objective)/d(rhs) at the optimum (LP only).
   * For a binding `<=` capacity it is <= 0: one more unit saves -dual.
   */
  duals?: Float64Array;
  /** Reduced cost of each variable, cost_j - sum_i a_ij dual_i (LP only). */
  reducedCosts?: Float64Array;
  ranges?: LpRanges;
  /** For MIPs: the best proven lower bound and relative gap when known. */
  bound?: number;
  gap?: number;
  /** Simplex pivots or solver iterations, where the backend reports them. */
  iterations?: number;
  /** Plain words on a non-optimal outcome. */
  message?: string;
}

/** Sizes of a model, used by `auto` to pick a backend. */
export interface LpShape {
  variables: number;
  constraints: number;
  nonzeros: number;
  integers: number;
}

/** Counts variables, constraints, non-zeros and integer variables. */
export function lpShape(model: LpModel): LpShape {
  let nonzeros = 0;
  for (const c of model.constraints) nonzeros += c.vars.length;
  let integers = 0;
  for (const v of model.variables) if (v.integer) integers++;
  return { variables: model.variables.length, constraints: model.constraints.length, nonzeros, integers };
}

/**
 * Checks a model once at the boundary. Throws InputError naming the field
 * (a JSON pointer such as `/constraints/3/coefs/1`).
 */
export function validateLpModel(model: LpModel): void {
  if (!model || !Array.isArray(model.variables)) throw new InputError('lp: variables must be an array', '/variables');
  if (!Array.isArray(model.constraints)) throw new InputError('lp: constraints must be an array', '/constraints');
  const n = model.variables.length;
  for (let j = 0; j < n; j++) {
    const v = model.variables[j];
    const at = `/variables/${j}`;
    if (!Number.isFinite(v.cost)) throw new InputError(`lp: cost of variable ${j} must be finite`, `${at}/cost`);
    if (Number.isNaN(v.lower) || v.lower === Infinity) throw new InputError(`lp: bad lower bound of variable ${j}`, `${at}/lower`);
    if (Number.isNaN(v.upper) || v.upper === -Infinity) throw new InputError(`lp: bad upper bound of variable ${j}`, `${at}/upper`);
    if (v.lower > v.upper) throw new InputError(`lp: variable ${j} has lower > upper`, `${at}/lower`);
  }
  if (model.objectiveOffset !== undefined && !Number.isFinite(model.objectiveOffset)) {
    throw new InputError('lp: objectiveOffset must be finite', '/objectiveOffset');
  }
  const seen = new Int32Array(n).fill(-1);
  model.constraints.forEach((c, i) => {
    const at = `/constraints/${i}`;
    if (c.sense !== '<=' && c.sense !== '>=' && c.sense !== '=') throw new InputError(`lp: bad sense "${c.sense}"`, `${at}/sense`);
    if (!Number.isFinite(c.rhs)) throw new InputError(`lp: rhs of constraint ${i} must be finite`, `${at}/rhs`);
    if (!Array.isArray(c.vars) || !Array.isArray(c.coefs) || c.vars.length !== c.coefs.length) {
      throw new InputError(`lp: constraint ${i} needs vars and coefs of equal length`, `${at}/coefs`);
    }
    for (let k = 0; k < c.vars.length; k++) {
      const j = c.vars[k];
      if (!Number.isInteger(j) || j < 0 || j >= n) throw new InputError(`lp: unknown variable ${j} in constraint ${i}`, `${at}/vars/${k}`);
      if (!Number.isFinite(c.coefs[k])) throw new InputError(`lp: coefficient must be finite`, `${at}/coefs/${k}`);
      if (seen[j] === i) throw new InputError(`lp: variable ${j} appears twice in constraint ${i}`, `${at}/vars/${k}`);
      seen[j] = i;
    }
  });
}
