/**
 * Public entry of the allocation stage's solver layer. Build an `LpModel`
 * (or a `FlowInstance` and `buildFlowLp`), solve it with `solveLp` /
 * `solveFlow`, and read capacity prices with `capacityPrices` / `flowPrices`.
 */
export type { LpModel, LpVariable, LpConstraint, LpResult, LpStatus, LpRanges, BackendName, ConstraintSense } from './lp/model.js';
export { validateLpModel, lpShape } from './lp/model.js';
export { checkSolution, objectivesAgree } from './lp/check.js';
export { solveLp, chooseBackend, BACKENDS, JS_LP_SOLVER_LIMITS, type SolveLpOptions, type BackendChoice } from './solve.js';
export { HighsPool, sharedHighsPool } from './solvers/highs-pool.js';
export { solveMinCostFlow, type McfInput, type McfResult } from './solvers/network-simplex.js';
export { detectNetwork } from './solvers/network-detect.js';
export type { FlowInstance, FlowNode, FlowArc, FlowSolution, ArcFlow } from './flow/instance.js';
export { validateFlowInstance } from './flow/instance.js';
export { buildFlowLp, type FlowLp, type BuildFlowOptions } from './flow/build.js';
export { solveFlow, decodeFlowSolution, type FlowAnswer, type FlowSolveOptions } from './flow/solve.js';
export { fixedChargeStart } from './flow/fixed-charge-start.js';
export {
  capacityPrices,
  unusedReducedCosts,
  flowPrices,
  describeCapacityPrice,
  capacityPriceRange,
  priceHoldsForOneMore,
  type PriceRange,
  type CapacityRef,
  type CapacityPrice,
  type ReducedCost,
  type PriceWording,
} from './prices.js';
