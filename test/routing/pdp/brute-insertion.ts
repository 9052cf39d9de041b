// The brute-force check of bestInsertion shared by insertion-rich.test.ts and breaks.test.ts: every
// position pair tried by a full route pass that each test writes for its own features.
import { expect } from 'vitest';
import { bestInsertion, type InsertionMove } from '../../../src/routing/pdp/insertion.js';
import type { PdpModel } from '../../../src/routing/pdp/model.js';
import type { Route } from '../../../src/routing/pdp/solution.js';

/** Cost of a node sequence on vehicle type t by a full pass (Infinity when infeasible). */
export type RoutePass = (m: PdpModel, t: number, seq: number[]) => number;

/**
 * Asserts that bestInsertion(model, route, k, move) equals the cheapest cost increase over every pickup
 * position i and delivery position j > i (the pickup alone for a single stop), each priced by `pass`
 * (to 6 decimals; Infinity when none is feasible or the request may not use the route's type).
 * With `routeFeasible`, also asserts that the route without request k passes. Returns whether an insertion is feasible.
 */
export function expectBruteInsertion(model: PdpModel, route: Route, k: number, move: InsertionMove, pass: RoutePass, opts: { routeFeasible?: boolean } = {}): boolean {
  const seq = Array.from(route.nodes.subarray(1, route.m + 1));
  const base = pass(model, route.veh, seq);
  if (opts.routeFeasible) expect(base).toBeLessThan(Infinity);
  let brute = Infinity;
  const p = model.pick[k];
  const d = model.del[k];
  if (model.allowed[k * model.T + route.veh]) {
    for (let i = 0; i <= seq.length; i++) {
      const withP = [...seq.slice(0, i), p, ...seq.slice(i)];
      if (d < 0) brute = Math.min(brute, pass(model, route.veh, withP) - base);
      else for (let j = i + 1; j <= withP.length; j++) brute = Math.min(brute, pass(model, route.veh, [...withP.slice(0, j), d, ...withP.slice(j)]) - base);
    }
  }
  const got = bestInsertion(model, route, k, move);
  if (brute === Infinity) expect(got).toBe(Infinity);
  else expect(got).toBeCloseTo(brute, 6);
  return brute < Infinity;
}
