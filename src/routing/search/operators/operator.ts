import type { RouteState } from '../route-state.js';

/**
 * A local-search move on a pair of nodes (u, v), v being one of u's
 * granular neighbours or a route's start depot. `evaluate` returns the
 * change of penalised cost the move would make, without mutating anything
 * (or 0 when a bound shows that the move cannot improve);
 * `apply` performs it (call it right after `evaluate` on the same pair).
 */
export interface NodeOperator {
  readonly name: string;
  evaluate(u: number, v: number): number;
  apply(u: number, v: number): void;
}

/** A move on a pair of routes (e.g. SWAP*). `apply` performs the best move found by the last `evaluate`. */
export interface RouteOperator {
  readonly name: string;
  evaluate(r1: number, r2: number): number;
  apply(): void;
}

/** Builds an operator over a route state. */
export type NodeOperatorFactory = (state: RouteState) => NodeOperator;
