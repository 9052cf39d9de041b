import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/shared/random.js';
import { RouteState } from '../../src/routing/search/route-state.js';
import { Exchange } from '../../src/routing/search/operators/exchange.js';
import { RelocateReversed } from '../../src/routing/search/operators/relocate-reversed.js';
import { TwoOpt } from '../../src/routing/search/operators/two-opt.js';
import { TwoOptStar } from '../../src/routing/search/operators/two-opt-star.js';
import type { NodeOperator } from '../../src/routing/search/operators/operator.js';
import { PairMoves } from '../../src/routing/search/pair-moves.js';
import { randomSearchData, randomRoutes } from './helpers.js';

const variants = [
  { name: 'capacity only', opts: {} },
  { name: 'fixed cost and fleet limit (routes may empty)', opts: { duration: true, dims: 2, fixedCost: 40, fleetLimit: 5 } },
  { name: 'asymmetric with duration', opts: { duration: true, asymmetric: true } },
  { name: 'time windows, cost per unit of duration', opts: { duration: true, windows: true, durationCost: 0.8 } },
];
/** The variants and one with many short routes, which empty often (moves from a start depot, fleet limit). */
const withShortRoutes = [
  ...variants,
  { name: 'many short routes (fixed cost, fleet limit; routes of 1–2 customers empty)', opts: { fixedCost: 30, maxRoutes: 14, fleetLimit: 9 } },
];

const operators = (s: RouteState): NodeOperator[] => [
  new Exchange(s, 1, 0), new Exchange(s, 2, 0), new RelocateReversed(s), new Exchange(s, 1, 1),
  new Exchange(s, 2, 1), new Exchange(s, 2, 2), new TwoOpt(s), new TwoOptStar(s),
];

/** The reference: every operator in HGS order (equal-length swaps once per pair), first improvement. */
function reference(ops: NodeOperator[], u: number, v: number): number {
  for (let k = 0; k < ops.length; k++) {
    if ((k === 3 || k === 5) && u > v) continue;
    if (ops[k].evaluate(u, v) < -1e-5) {
      ops[k].apply(u, v);
      return k;
    }
  }
  return -1;
}

/**
 * Two route states with the same routes and penalties: `a` for the reference operators, `b` for the pair
 * moves under test (the same random routes, so every move can be compared route by route).
 */
function twins(data: ReturnType<typeof randomSearchData>, rng: ReturnType<typeof createRng>, penalties: [number, number, number]) {
  const a = new RouteState(data);
  const b = new RouteState(data);
  for (const s of [a, b]) [s.penaltyLoad, s.penaltyTime, s.penaltyFleet] = penalties;
  const routes = randomRoutes(rng, data.n, a.R);
  a.load(routes);
  b.load(routes);
  const o = operators(b);
  return { a, b, refOps: operators(a), pairs: new PairMoves(b, o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7]) };
}

describe.each(variants)('pair moves: the shared bound takes the same moves as every operator ($name)', ({ opts }) => {
  it('same routes after every pair, and improving moves are found', () => {
    let applied = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const data = randomSearchData(seed, 30, opts);
      const rng = createRng(seed * 13);
      const { a, b, refOps, pairs } = twins(data, rng, [3.5, 1.7, 23]);
      for (let k = 0; k < 400; k++) {
        const u = 1 + rng.int(data.n);
        const v = 1 + rng.int(data.n);
        if (u === v) continue;
        const moved = reference(refOps, u, v) >= 0;
        expect(pairs.tryPair(u, v)).toBe(moved);
        if (moved) applied++;
        for (let r = 0; r < a.R; r++) expect(b.customers(r)).toEqual(a.customers(r));
      }
    }
    expect(applied).toBeGreaterThan(20);
  });
});

describe.each(withShortRoutes)('pair moves: u read once for all its neighbours (setU, tryV) as the local search does ($name)', ({ opts }) => {
  it('same moves as every operator, u re-read only after an applied move', () => {
    let applied = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const data = randomSearchData(seed + 40, 28, opts);
      const rng = createRng(seed * 7);
      const { a, b, refOps, pairs } = twins(data, rng, [2.5, 1.3, 17]);
      for (let k = 0; k < 60; k++) {
        const u = 1 + rng.int(data.n);
        pairs.setU(u);
        for (let j = 0; j < 12; j++) {
          const v = 1 + rng.int(data.n);
          if (v === u) continue;
          const moved = reference(refOps, u, v) >= 0;
          expect(pairs.tryV(v)).toBe(moved);
          if (moved) {
            applied++;
            pairs.setU(u);
          }
          for (let r = 0; r < a.R; r++) expect(b.customers(r)).toEqual(a.customers(r));
        }
      }
    }
    expect(applied).toBeGreaterThan(20);
  });
});

/** The reference for moves from a start depot: relocate-1, relocate-2, relocate-2r, 2-opt*, first improvement. */
function referenceDepot(ops: NodeOperator[], u: number, d: number): boolean {
  for (const k of [0, 1, 2, 7]) {
    if (ops[k].evaluate(u, d) < -1e-5) {
      ops[k].apply(u, d);
      return true;
    }
  }
  return false;
}

describe.each(withShortRoutes)('pair moves from a start depot: the bounds take the same moves as every operator ($name)', ({ opts }) => {
  it('same routes after every depot of every route (own, other, empty)', () => {
    let applied = 0;
    let tried = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const data = randomSearchData(seed + 70, 26, opts);
      const rng = createRng(seed * 5);
      const { a, b, refOps, pairs } = twins(data, rng, [2.5, 1.3, 17]);
      for (let k = 0; k < 80; k++) {
        const u = 1 + rng.int(data.n);
        pairs.setU(u);
        for (let r = 0; r < b.R; r++) {
          const d = b.startDepot(r);
          tried++;
          const moved = referenceDepot(refOps, u, d);
          expect(pairs.tryDepot(d)).toBe(moved);
          if (moved) {
            applied++;
            pairs.setU(u);
          }
          for (let q = 0; q < a.R; q++) expect(b.customers(q)).toEqual(a.customers(q));
        }
      }
    }
    expect(applied).toBeGreaterThan(10);
    expect(tried).toBeGreaterThan(1000);
  });
});
