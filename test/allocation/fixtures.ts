import type { FlowInstance } from '../../src/allocation/flow/instance.js';

/**
 * Hand-solvable transportation problem. Sources A (30) and B (40), sinks
 * X (20), Y (25), Z (15); cost per unit:
 *        X  Y  Z
 *   A    2  4  5
 *   B    3  1  7
 * Optimum 145: B->Y 25 (25), A->Z 15 (75), A->X 15 (30), B->X 5 (15).
 * A is used up (its extra unit saves 1: it would replace B->X at 3 by A->X at 2);
 * B keeps 10 spare, so the price at X is 3, at Y 1, at Z 6 (= 5 + 1).
 */
export const HAND_TRANSPORT: FlowInstance = {
  nodes: [
    { id: 'A', supply: 30 },
    { id: 'B', supply: 40 },
    { id: 'X', supply: -20 },
    { id: 'Y', supply: -25 },
    { id: 'Z', supply: -15 },
  ],
  arcs: [
    { from: 'A', to: 'X', costPerUnit: 2 },
    { from: 'A', to: 'Y', costPerUnit: 4 },
    { from: 'A', to: 'Z', costPerUnit: 5 },
    { from: 'B', to: 'X', costPerUnit: 3 },
    { from: 'B', to: 'Y', costPerUnit: 1 },
    { from: 'B', to: 'Z', costPerUnit: 7 },
  ],
};

/**
 * Duals known by hand. Source S (100) to sink D (30): direct lane at 10/unit,
 * or via hub H at 3 + 3 with the S->H lane capped at 20, and a second direct
 * lane at 12 that stays unused. Optimum 20 × 6 + 10 × 10 = 220. One more unit
 * of S->H capacity saves 10 - 6 = 4, and this holds until the capacity reaches
 * 30 (all demand through H). The unused lane's cost must fall by 2 (to 10).
 * Price at D is 10, at H 7.
 */
export const HAND_DUALS: FlowInstance = {
  nodes: [
    { id: 'S', supply: 100 },
    { id: 'H', supply: 0 },
    { id: 'D', supply: -30 },
  ],
  arcs: [
    { from: 'S', to: 'D', costPerUnit: 10 },
    { from: 'S', to: 'H', costPerUnit: 3, capacity: 20 },
    { from: 'H', to: 'D', costPerUnit: 3 },
    { from: 'S', to: 'D', costPerUnit: 12 },
  ],
};

/**
 * Over-constrained: demand 50 at D, but the only lane carries 30. Without a
 * penalty it is infeasible; with unmet demand at 100/unit the answer ships 30
 * (at 2) and leaves 20 unmet: 60 + 2000 = 2060.
 */
export const SHORT_CAPACITY: FlowInstance = {
  nodes: [
    { id: 'S', supply: 80 },
    { id: 'D', supply: -50 },
  ],
  arcs: [{ from: 'S', to: 'D', costPerUnit: 2, capacity: 30 }],
};
