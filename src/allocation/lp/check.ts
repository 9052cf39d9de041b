import type { LpModel } from './model.js';

/** What a candidate solution does against its model. */
export interface SolutionCheck {
  /** Objective recomputed from the values (including the offset). */
  objective: number;
  /** Largest violation of a constraint or bound, scaled by 1 + |rhs| (or 1 + |bound|). */
  maxViolation: number;
  /** Where the largest violation is: `/constraints/i` or `/variables/j`. */
  worst?: string;
  /** Largest distance of an integer variable from the nearest integer. */
  maxFractionality: number;
}

/**
 * Recomputes the objective and measures every violation of a solution. Every
 * backend's answer goes through this, so a solver that returns a wrong answer
 * marked feasible (javascript-lp-solver on a timed-out MIP) is caught.
 */
export function checkSolution(model: LpModel, values: ArrayLike<number>): SolutionCheck {
  let objective = model.objectiveOffset ?? 0;
  let maxViolation = 0;
  let worst: string | undefined;
  let maxFractionality = 0;
  const vars = model.variables;
  for (let j = 0; j < vars.length; j++) {
    const v = vars[j];
    const x = values[j];
    objective += v.cost * x;
    const below = (v.lower - x) / (1 + Math.abs(v.lower));
    const above = (x - v.upper) / (1 + Math.abs(v.upper));
    const viol = Math.max(Number.isFinite(below) ? below : 0, Number.isFinite(above) ? above : 0);
    if (viol > maxViolation || Number.isNaN(x)) {
      maxViolation = Number.isNaN(x) ? Infinity : viol;
      worst = `/variables/${j}`;
    }
    if (v.integer) maxFractionality = Math.max(maxFractionality, Math.abs(x - Math.round(x)));
  }
  const cons = model.constraints;
  for (let i = 0; i < cons.length; i++) {
    const c = cons[i];
    let lhs = 0;
    for (let k = 0; k < c.vars.length; k++) lhs += c.coefs[k] * values[c.vars[k]];
    let diff = 0;
    if (c.sense === '<=') diff = lhs - c.rhs;
    else if (c.sense === '>=') diff = c.rhs - lhs;
    else diff = Math.abs(lhs - c.rhs);
    const viol = diff / (1 + Math.abs(c.rhs));
    if (viol > maxViolation) {
      maxViolation = viol;
      worst = `/constraints/${i}`;
    }
  }
  return { objective, maxViolation, worst, maxFractionality };
}

/** True when two objectives agree within a relative tolerance (default 1e-6). */
export function objectivesAgree(a: number, b: number, relTol = 1e-6): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= relTol * Math.max(1, Math.abs(a), Math.abs(b));
}
