import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/shared/random.js';
import { RouteState } from '../../src/routing/search/route-state.js';
import { Exchange } from '../../src/routing/search/operators/exchange.js';
import { RelocateReversed } from '../../src/routing/search/operators/relocate-reversed.js';
import { TwoOpt } from '../../src/routing/search/operators/two-opt.js';
import { TwoOptStar } from '../../src/routing/search/operators/two-opt-star.js';
import { SwapStar } from '../../src/routing/search/operators/swap-star.js';
import type { NodeOperator } from '../../src/routing/search/operators/operator.js';
import { randomSearchData, randomRoutes, penalisedCost } from './helpers.js';

const variants = [
  { name: 'capacity only', opts: {} },
  { name: 'duration limit, 2 dimensions, fixed cost, fleet limit', opts: { duration: true, dims: 2, fixedCost: 40, fleetLimit: 5 } },
  { name: 'asymmetric with duration', opts: { duration: true, asymmetric: true } },
  { name: 'time windows and shift', opts: { duration: true, windows: true } },
  { name: 'time windows with a cost per unit of duration (waiting counts)', opts: { duration: true, windows: true, durationCost: 0.8 } },
];

const allRoutes = (s: RouteState): number[][] => Array.from({ length: s.R }, (_, r) => s.customers(r));

describe.each(variants)('operators: evaluated delta equals the real change ($name)', ({ opts }) => {
  const factories: Array<[string, (s: RouteState) => NodeOperator]> = [
    ['relocate-1', (s) => new Exchange(s, 1, 0)],
    ['relocate-2', (s) => new Exchange(s, 2, 0)],
    ['relocate-3', (s) => new Exchange(s, 3, 0)],
    ['relocate-2r', (s) => new RelocateReversed(s)],
    ['swap-1-1', (s) => new Exchange(s, 1, 1)],
    ['swap-2-1', (s) => new Exchange(s, 2, 1)],
    ['swap-2-2', (s) => new Exchange(s, 2, 2)],
    ['swap-3-1', (s) => new Exchange(s, 3, 1)],
    ['2-opt', (s) => new TwoOpt(s)],
    ['2-opt*', (s) => new TwoOptStar(s)],
  ];
  it.each(factories)('%s', (_name, make) => {
    let checked = 0;
    let nonZero = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const data = randomSearchData(seed, 30, opts);
      const rng = createRng(seed * 7);
      const s = new RouteState(data);
      s.penaltyLoad = 3.5;
      s.penaltyTime = 1.7;
      s.penaltyFleet = 23;
      s.load(randomRoutes(rng, data.n, s.R));
      const op = make(s);
      for (let k = 0; k < 300; k++) {
        const u = 1 + rng.int(data.n);
        // v: a customer, or sometimes a start depot.
        const v = rng.int(6) === 0 ? s.startDepot(rng.int(s.R)) : 1 + rng.int(data.n);
        if (u === v) continue;
        const before = penalisedCost(data, allRoutes(s), s.penaltyLoad, s.penaltyTime, s.penaltyFleet);
        const delta = op.evaluate(u, v);
        checked++;
        if (delta === 0) continue;
        nonZero++;
        op.apply(u, v);
        const after = penalisedCost(data, allRoutes(s), s.penaltyLoad, s.penaltyTime, s.penaltyFleet);
        expect(delta).toBeCloseTo(after - before, 6);
        // The incremental state agrees with a from-scratch evaluation.
        expect(s.penalisedCost()).toBeCloseTo(after, 6);
      }
    }
    expect(checked).toBeGreaterThan(100);
    if (!(opts.asymmetric && _name === '2-opt')) expect(nonZero).toBeGreaterThan(10);
  });

  it('swap*', () => {
    let applied = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const data = randomSearchData(seed, 30, opts);
      const rng = createRng(seed * 11);
      const s = new RouteState(data);
      s.penaltyLoad = 3.5;
      s.penaltyTime = 1.7;
      s.penaltyFleet = 23;
      s.load(randomRoutes(rng, data.n, s.R));
      const op = new SwapStar(s);
      for (let k = 0; k < 60; k++) {
        const r1 = rng.int(s.R);
        const r2 = rng.int(s.R);
        if (r1 === r2 || s.routeSize[r1] === 0 || s.routeSize[r2] === 0) continue;
        const before = penalisedCost(data, allRoutes(s), s.penaltyLoad, s.penaltyTime, s.penaltyFleet);
        const delta = op.evaluate(r1, r2);
        if (delta >= 0) continue;
        op.apply();
        applied++;
        const after = penalisedCost(data, allRoutes(s), s.penaltyLoad, s.penaltyTime, s.penaltyFleet);
        expect(delta).toBeCloseTo(after - before, 6);
      }
    }
    expect(applied).toBeGreaterThan(5);
  });
});
