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

/** A route state at fixed penalty weights, loaded with random routes. */
function penalisedState(data: ReturnType<typeof randomSearchData>, rng: ReturnType<typeof createRng>): RouteState {
  const s = new RouteState(data);
  s.penaltyLoad = 3.5;
  s.penaltyTime = 1.7;
  s.penaltyFleet = 23;
  s.load(randomRoutes(rng, data.n, s.R));
  return s;
}

// The operators skip the exact evaluation of a move when a lower bound shows
// it cannot improve (with a duration cost: arc costs + duration cost of travel
// against each route's slack over travel + service time). A bound that is too
// strong would hide improving moves: here every move an operator rejects is
// performed anyway and its real change must not be an improvement.

const variants = [
  { name: 'time windows, cost per unit of duration', opts: { duration: true, windows: true, durationCost: 0.8 } },
  { name: 'time windows, small cost per unit of duration, fixed cost', opts: { duration: true, windows: true, durationCost: 0.05, fixedCost: 30, fleetLimit: 6 } },
  { name: 'asymmetric, duration limit, cost per unit of duration', opts: { duration: true, asymmetric: true, durationCost: 0.5 } },
  { name: 'time windows, no duration cost', opts: { duration: true, windows: true } },
];

const allRoutes = (s: RouteState): number[][] => Array.from({ length: s.R }, (_, r) => s.customers(r));

/** Improves random routes with relocations and swaps so that most later moves do not improve (and bounds matter). */
function descend(s: RouteState, rng: ReturnType<typeof createRng>): void {
  const ops = [new Exchange(s, 1, 0), new Exchange(s, 1, 1), new TwoOptStar(s)];
  for (let k = 0; k < 3000; k++) {
    const u = 1 + rng.int(s.n);
    const v = 1 + rng.int(s.n);
    if (u === v) continue;
    for (const op of ops) {
      if (op.evaluate(u, v) < -1e-5) {
        op.apply(u, v);
        break;
      }
    }
  }
}

/** Last node of the segment of `len` customers from x, or -1 at a depot. */
function segEnd(s: RouteState, x: number, len: number): number {
  for (let k = 1; k <= len; k++) {
    if (s.isDepot(x)) return -1;
    if (k < len) x = s.next[x];
  }
  return x;
}

/** Whether the operator's apply() is a well-defined move for (u, v) (mirrors the structural checks of evaluate). */
function applicable(name: string, s: RouteState, u: number, v: number): boolean {
  if (s.isDepot(u)) return false;
  const same = s.route[u] === s.route[v];
  const m = /^(relocate|swap)-(\d)(?:-(\d))?$/.exec(name);
  if (m) {
    const N = Number(m[2]);
    const M = m[1] === 'relocate' ? 0 : Number(m[3]);
    const uEnd = segEnd(s, u, N);
    if (uEnd < 0) return false;
    if (M === 0) return !same || (v !== s.prev[u] && !(s.pos[v] >= s.pos[u] && s.pos[v] <= s.pos[uEnd]));
    const vEnd = segEnd(s, v, M);
    if (vEnd < 0) return false;
    if (!same) return true;
    return s.pos[u] < s.pos[v] ? s.pos[uEnd] + 1 < s.pos[v] : s.pos[vEnd] + 1 < s.pos[u];
  }
  if (name === 'relocate-2r') {
    const x = s.next[u];
    return !s.isDepot(x) && (!same || (v !== u && v !== x));
  }
  if (name === '2-opt') return same && !s.isDepot(v) && s.pos[u] < s.pos[v] && s.next[u] !== v && s.data.symmetric;
  return false;
}

describe.each(variants)('move bounds never hide an improving move ($name)', ({ opts }) => {
  const factories: Array<[string, (s: RouteState) => NodeOperator]> = [
    ['relocate-1', (s) => new Exchange(s, 1, 0)],
    ['relocate-2', (s) => new Exchange(s, 2, 0)],
    ['relocate-2r', (s) => new RelocateReversed(s)],
    ['swap-1-1', (s) => new Exchange(s, 1, 1)],
    ['swap-2-1', (s) => new Exchange(s, 2, 1)],
    ['swap-2-2', (s) => new Exchange(s, 2, 2)],
    ['2-opt', (s) => new TwoOpt(s)],
  ];
  it.each(factories)('%s', (name, make) => {
    let rejected = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const data = randomSearchData(seed, 30, opts);
      const rng = createRng(seed * 17);
      const s = penalisedState(data, rng);
      descend(s, rng);
      const op = make(s);
      for (let k = 0; k < 400; k++) {
        const u = 1 + rng.int(data.n);
        const v = rng.int(6) === 0 ? s.startDepot(rng.int(s.R)) : 1 + rng.int(data.n);
        if (u === v || !applicable(name, s, u, v)) continue;
        const saved = allRoutes(s);
        const before = penalisedCost(data, saved, s.penaltyLoad, s.penaltyTime, s.penaltyFleet);
        const delta = op.evaluate(u, v);
        op.apply(u, v);
        const real = penalisedCost(data, allRoutes(s), s.penaltyLoad, s.penaltyTime, s.penaltyFleet) - before;
        if (delta === 0) {
          rejected++;
          expect(real).toBeGreaterThan(-1e-6);
          s.load(saved);
        } else {
          expect(delta).toBeCloseTo(real, 6);
          if (delta >= 0) s.load(saved);
        }
      }
    }
    if (name === '2-opt' && opts.asymmetric) return; // 2-opt needs symmetric costs
    expect(rejected).toBeGreaterThan(20);
  });

  it('2-opt* (tails swapped)', () => {
    let rejected = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const data = randomSearchData(seed, 30, opts);
      const rng = createRng(seed * 19);
      const s = penalisedState(data, rng);
      descend(s, rng);
      const op = new TwoOptStar(s);
      for (let k = 0; k < 400; k++) {
        const u = 1 + rng.int(data.n);
        const v = rng.int(6) === 0 ? s.startDepot(rng.int(s.R)) : 1 + rng.int(data.n);
        const rU = s.route[u];
        const rV = s.route[v];
        if (rU === rV) continue;
        const routes = allRoutes(s);
        const before = penalisedCost(data, routes, s.penaltyLoad, s.penaltyTime, s.penaltyFleet);
        const delta = op.evaluate(u, v);
        if (delta !== 0) {
          if (delta < 0) op.apply(u, v);
          continue;
        }
        rejected++;
        // Tails swapped, built by hand: A[..u] + B[y..], B[..v] + A[x..].
        const a = routes[rU];
        const b = routes[rV];
        const iu = a.indexOf(u);
        const iv = s.isDepot(v) ? -1 : b.indexOf(v);
        const moved = routes.slice();
        moved[rU] = [...a.slice(0, iu + 1), ...b.slice(iv + 1)];
        moved[rV] = [...b.slice(0, iv + 1), ...a.slice(iu + 1)];
        const real = penalisedCost(data, moved, s.penaltyLoad, s.penaltyTime, s.penaltyFleet) - before;
        expect(real).toBeGreaterThan(-1e-6);
      }
    }
    expect(rejected).toBeGreaterThan(50);
  });
});

describe('SWAP* insertion cache', () => {
  it.each([
    { mode: 'one block per route', maxEntries: undefined },
    { mode: 'one shared block', maxEntries: 0 },
  ])('gives the same moves as a fresh operator while routes change and new solutions are loaded ($mode)', ({ maxEntries }) => {
    let applied = 0;
    for (const opts of [{}, { duration: true, windows: true, durationCost: 0.8 }, { dims: 2 }]) {
      for (let seed = 1; seed <= 3; seed++) {
        const data = randomSearchData(seed, 40, opts);
        const rng = createRng(seed * 23);
        const s = penalisedState(data, rng);
        const cached = new SwapStar(s, maxEntries);
        const relocate = new Exchange(s, 1, 0);
        for (let k = 0; k < 150; k++) {
          if (k % 50 === 49) s.load(randomRoutes(rng, data.n, s.R));
          if (k % 3 === 0) {
            // A node move changes one or two routes behind the cache's back.
            const u = 1 + rng.int(data.n);
            const v = 1 + rng.int(data.n);
            if (u !== v && relocate.evaluate(u, v) < -1e-5) relocate.apply(u, v);
          }
          const r1 = rng.int(s.R);
          const r2 = rng.int(s.R);
          if (r1 === r2 || s.routeSize[r1] === 0 || s.routeSize[r2] === 0) continue;
          const expected = new SwapStar(s).evaluate(r1, r2);
          const got = cached.evaluate(r1, r2);
          expect(got).toBe(expected);
          if (got < -1e-5) {
            const snapshot = allRoutes(s);
            const fresh = new SwapStar(s);
            fresh.evaluate(r1, r2);
            fresh.apply();
            const viaFresh = allRoutes(s);
            // Same routes back (new route versions), then the cached operator's move.
            s.load(snapshot);
            cached.apply();
            expect(allRoutes(s)).toEqual(viaFresh);
            applied++;
          }
        }
      }
    }
    expect(applied).toBeGreaterThan(10);
  });
});
