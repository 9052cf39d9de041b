import { describe, expect, it } from 'vitest';
import { checkSolution, type RoutePlan } from '../../../src/routing/check.js';
import { createProblem, type Problem } from '../../../src/routing/problem.js';
import { solve, type Solution } from '../../../src/routing/solve.js';
import { planar, randomPdptw } from './helpers.js';

/** Pairing checked here by hand as well: same route, pickup first. */
function expectPairsKept(problem: Problem, routes: RoutePlan[]): void {
  const where = new Map<number, [number, number]>();
  routes.forEach((r, ri) => r.stops.forEach((s, k) => where.set(s, [ri, k])));
  for (const { pickup, delivery } of problem.pairs) {
    const a = where.get(pickup);
    const b = where.get(delivery);
    expect(a === undefined).toBe(b === undefined);
    if (a && b) {
      expect(a[0]).toBe(b[0]);
      expect(a[1]).toBeLessThan(b[1]);
    }
  }
}

function expectFeasibleApartFromUnassigned(problem: Problem, sol: Solution): void {
  const left = new Set(sol.unassigned.map((u) => u.stop));
  const check = checkSolution(problem, sol.routes, [...left]);
  // the only violations allowed: required stops that were reported unassigned
  for (const v of check.violations) {
    expect(v.kind).toBe('missing-stop');
    expect(left.has(v.stop!)).toBe(true);
  }
  expectPairsKept(problem, sol.routes);
}

describe('pickup and delivery, by hand', () => {
  it('one pair on a line: depot → pickup → delivery → depot, 40 units', () => {
    const problem = createProblem(planar([[0, 0], [10, 0], [20, 0]], {
      stops: [{ location: 1, demand: [5] }, { location: 2 }],
      pairs: [{ pickup: 0, delivery: 1 }],
      vehicles: [{ startLocation: 0, capacity: [5], count: 2 }],
    }));
    const sol = solve(problem, { seed: 1, stop: { iterations: 50 } });
    expect(sol.feasible).toBe(true);
    expect(sol.routes).toEqual([{ vehicle: 0, stops: [0, 1] }]);
    expect(sol.distanceM).toBeCloseTo(40, 9);
  });

  it('a delivery placed before its pickup on the way out is still served pickup first', () => {
    // delivery at x=10, pickup at x=20: the vehicle must go out to 20 and come back (40), not 10 → 20
    const problem = createProblem(planar([[0, 0], [20, 0], [10, 0]], {
      stops: [{ location: 1, demand: [1] }, { location: 2 }],
      pairs: [{ pickup: 0, delivery: 1 }],
      vehicles: [{ startLocation: 0, capacity: [1] }],
    }));
    const sol = solve(problem, { seed: 1, stop: { iterations: 50 } });
    expect(sol.feasible).toBe(true);
    expect(sol.routes[0].stops).toEqual([0, 1]);
    expect(sol.distanceM).toBeCloseTo(40, 9);
  });

  it('two pairs on one line share a vehicle when the fleet has a fixed cost', () => {
    const problem = createProblem(planar([[0, 0], [10, 0], [20, 0], [30, 0], [40, 0]], {
      stops: [{ location: 1, demand: [4] }, { location: 3 }, { location: 2, demand: [4] }, { location: 4 }],
      pairs: [{ pickup: 0, delivery: 1 }, { pickup: 2, delivery: 3 }],
      vehicles: [{ startLocation: 0, capacity: [10], count: 'unlimited', fixedCost: 1000 }],
    }));
    const sol = solve(problem, { seed: 3, stop: { iterations: 200 } });
    expect(sol.feasible).toBe(true);
    expect(sol.routes).toHaveLength(1);
    // 10, 20, 30, 40 or 10, 20, 40, 30: 80 either way (10, 30, 20, 40 would be 100)
    expect(sol.routes[0].stops.slice(0, 2)).toEqual([0, 2]);
    expect(sol.distanceM).toBeCloseTo(80, 9);
  });

  it('two pairs that must be carried at the same time but overload together take two vehicles', () => {
    // both pickups must start by t=30, both deliveries not before t=100: one vehicle would carry 12 > 10
    const problem = createProblem(planar([[0, 0], [10, 0], [20, 0], [0, 10], [0, 20]], {
      stops: [
        { location: 1, demand: [6], timeWindows: [[0, 30]] }, { location: 2, timeWindows: [[100, 200]] },
        { location: 3, demand: [6], timeWindows: [[0, 30]] }, { location: 4, timeWindows: [[100, 200]] },
      ],
      pairs: [{ pickup: 0, delivery: 1 }, { pickup: 2, delivery: 3 }],
      vehicles: [{ startLocation: 0, capacity: [10], shiftS: [0, 500], count: 'unlimited', fixedCost: 1000 }],
    }));
    const sol = solve(problem, { seed: 1, stop: { iterations: 200 } });
    expect(sol.feasible).toBe(true);
    expect(sol.routes.map((r) => r.stops).sort((a, b) => a[0] - b[0])).toEqual([[0, 1], [2, 3]]);
    // and the checker does flag the one-vehicle plan as an overload
    const joint = checkSolution(problem, [{ vehicle: 0, stops: [0, 2, 1, 3] }]);
    expect(joint.violations.map((v) => v.kind)).toEqual(['overload']);
  });

  it('a pair whose delivery window closes before it can be reached comes back unassigned with its reason', () => {
    // delivery at x=50 closes at t=20, but the pickup at x=10 is left at t≥10 and the delivery reached at ≥50
    const problem = createProblem(planar([[0, 0], [10, 0], [50, 0], [5, 5], [15, 5]], {
      stops: [
        { location: 1, demand: [1], timeWindows: [[0, 100]] }, { location: 2, timeWindows: [[0, 20]] },
        { location: 3, demand: [1] }, { location: 4 },
      ],
      pairs: [{ pickup: 0, delivery: 1 }, { pickup: 2, delivery: 3 }],
      vehicles: [{ startLocation: 0, capacity: [5], count: 3 }],
    }));
    const sol = solve(problem, { seed: 1, stop: { iterations: 50 } });
    expect(sol.unassigned).toEqual([{ stop: 0, reason: 'time-window' }, { stop: 1, reason: 'time-window' }]);
    expect(sol.routes).toEqual([{ vehicle: 0, stops: [2, 3] }]);
    expect(sol.feasible).toBe(false);
    expect(sol.violations.map((v) => v.kind)).toEqual(['missing-stop', 'missing-stop']);
  });

  it('a pair heavier than the vehicle is unassigned for capacity; a too small fleet leaves pairs as no-vehicle', () => {
    const heavy = createProblem(planar([[0, 0], [10, 0], [20, 0]], {
      stops: [{ location: 1, demand: [9] }, { location: 2 }],
      pairs: [{ pickup: 0, delivery: 1 }],
      vehicles: [{ startLocation: 0, capacity: [5] }],
    }));
    expect(solve(heavy, { seed: 1, stop: { iterations: 10 } }).unassigned.map((u) => u.reason)).toEqual(['capacity', 'capacity']);
    // two pairs in opposite directions with tight windows at the same time, one vehicle only
    const problem = createProblem(planar([[0, 0], [10, 0], [20, 0], [-10, 0], [-20, 0]], {
      stops: [
        { location: 1, demand: [1], timeWindows: [[10, 10]] }, { location: 2, timeWindows: [[20, 20]] },
        { location: 3, demand: [1], timeWindows: [[10, 10]] }, { location: 4, timeWindows: [[20, 20]] },
      ],
      pairs: [{ pickup: 0, delivery: 1 }, { pickup: 2, delivery: 3 }],
      vehicles: [{ startLocation: 0, capacity: [5], shiftS: [0, 100], count: 1 }],
    }));
    const sol = solve(problem, { seed: 1, stop: { iterations: 100 } });
    expect(sol.routes).toHaveLength(1);
    expect(sol.unassigned.map((u) => u.reason)).toEqual(['no-vehicle', 'no-vehicle']);
    expectFeasibleApartFromUnassigned(problem, sol);
  });

  it('the checker flags a pair split across routes, a delivery before its pickup, and the load carried between them', () => {
    const problem = createProblem(planar([[0, 0], [10, 0], [20, 0], [30, 0]], {
      stops: [{ location: 1, demand: [4] }, { location: 2 }, { location: 3, demand: [4] }, { location: 1 }],
      pairs: [{ pickup: 0, delivery: 1 }, { pickup: 2, delivery: 3 }],
      vehicles: [{ startLocation: 0, capacity: [6], count: 2 }],
    }));
    const kinds = (routes: RoutePlan[]) => checkSolution(problem, routes).violations.map((v) => v.kind);
    expect(kinds([{ vehicle: 0, stops: [0, 1] }, { vehicle: 0, stops: [2, 3] }])).toEqual([]);
    expect(kinds([{ vehicle: 0, stops: [0, 3] }, { vehicle: 0, stops: [2, 1] }])).toEqual(['pair', 'pair']);
    expect(kinds([{ vehicle: 0, stops: [1, 0] }, { vehicle: 0, stops: [2, 3] }])).toEqual(['pair']);
    // both loads on board at once: 8 > 6
    expect(kinds([{ vehicle: 0, stops: [0, 2, 1, 3] }])).toEqual(['overload']);
    // one after the other: 4 at most
    expect(kinds([{ vehicle: 0, stops: [0, 1, 2, 3] }])).toEqual([]);
  });

  it('keeps a maximum route duration and costs time per second as the checker does', () => {
    // each near pair alone: 0 → 10 → 20 → 0 = 40 s of travel; both on one route 0 → 10 → 20 → −10 → −20 → 0 = 80 s
    const input = (maxDurationS: number) => planar([[0, 0], [10, 0], [20, 0], [-10, 0], [-20, 0], [100, 0], [110, 0]], {
      stops: [
        { location: 1, demand: [1] }, { location: 2 }, { location: 3, demand: [1] }, { location: 4 },
        { location: 5, demand: [1] }, { location: 6 },
      ],
      pairs: [{ pickup: 0, delivery: 1 }, { pickup: 2, delivery: 3 }, { pickup: 4, delivery: 5 }],
      vehicles: [{ startLocation: 0, capacity: [5], count: 'unlimited', fixedCost: 1000, costPerM: 1, costPerS: 0.5, maxDurationS }],
    });
    const loose = createProblem(input(100));
    const one = solve(loose, { seed: 1, stop: { iterations: 100 } });
    expect(one.routes).toHaveLength(1);
    // the far pair (100 → 110 and back: 220 s) exceeds 100 s alone
    expect(one.unassigned).toEqual([{ stop: 4, reason: 'max-duration' }, { stop: 5, reason: 'max-duration' }]);
    const check = checkSolution(loose, one.routes, [4, 5]);
    expect(check.violations.map((v) => v.kind)).toEqual(['missing-stop', 'missing-stop']);
    expect(one.cost).toBeCloseTo(1000 + 80 + 0.5 * 80, 9);
    const tight = createProblem(input(60));
    const two = solve(tight, { seed: 1, stop: { iterations: 100 } });
    expect(two.routes).toHaveLength(2);
    expectFeasibleApartFromUnassigned(tight, two);
  });

  it('a pair next to two deliveries: the capacity decides the order (hand-solved)', () => {
    // depot 0; deliveries d1 at x=5 and d2 at x=15 are loaded at the depot; the pair picks up at 10, delivers at 20
    const input = (cap: number, q1: number, q2: number) => planar([[0, 0], [5, 0], [10, 0], [15, 0], [20, 0]], {
      stops: [{ location: 1, demand: [q1] }, { location: 2, demand: [2] }, { location: 3, demand: [q2] }, { location: 4 }],
      pairs: [{ pickup: 1, delivery: 3 }],
      vehicles: [{ startLocation: 0, capacity: [cap] }],
    });
    // room for all: 5, 10, 15, 20 and back = 40
    const loose = createProblem(input(4, 1, 2));
    const a = solve(loose, { seed: 1, stop: { iterations: 200 } });
    expect(a.feasible).toBe(true);
    expect(a.cost).toBeCloseTo(40, 9);
    expect(a.routes.map((r) => r.stops)).toEqual([[0, 1, 2, 3]]);
    // capacity 3, 3 units on board at the start: the pickup (+2) must come after the 2-unit delivery d2 →
    // 5, 15, 10, 20 or 15, 10, 20, 5: both 50
    const tight = createProblem(input(3, 1, 2));
    const b = solve(tight, { seed: 1, stop: { iterations: 200 } });
    expect(b.feasible).toBe(true);
    expect(b.cost).toBeCloseTo(50, 9);
    expect(b.routes).toHaveLength(1);
    const order = b.routes[0].stops;
    expect(order.indexOf(2)).toBeLessThan(order.indexOf(1));
  });
});

describe('pickup and delivery, random instances', () => {
  it('every solution keeps pairing, capacity and windows (checker), all pairs served with a free fleet', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const problem = createProblem(randomPdptw(seed, 12 + seed * 2, { tight: seed % 2 === 0, capacity: 10 + seed, fixedCost: seed % 3 === 0 ? 1000 : 0 }));
      const sol = solve(problem, { seed, stop: { iterations: 150 } });
      const check = checkSolution(problem, sol.routes);
      expect(check.violations).toEqual([]);
      expect(sol.feasible).toBe(true);
      expect(sol.unassigned).toEqual([]);
      expectPairsKept(problem, sol.routes);
      expect(sol.distanceM).toBeCloseTo(check.distanceM, 6);
    }
  });

  it('with a limited fleet the plan stays feasible and leftover pairs are reported, never dropped', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const problem = createProblem(randomPdptw(seed, 20, { tight: true, fleet: 2, capacity: 12 }));
      const sol = solve(problem, { seed, stop: { iterations: 100 } });
      expect(sol.routes.length).toBeLessThanOrEqual(2);
      const served = sol.routes.reduce((s, r) => s + r.stops.length, 0);
      expect(served + sol.unassigned.length).toBe(problem.stops.length);
      expectFeasibleApartFromUnassigned(problem, sol);
    }
  });

  it('stops on an abort signal with the constructed plan and reports progress', () => {
    const problem = createProblem(randomPdptw(2, 30, { fixedCost: 500 }));
    const controller = new AbortController();
    const seen: string[] = [];
    let calls = 0;
    const sol = solve(problem, {
      seed: 1,
      stop: { seconds: 60, signal: controller.signal },
      onProgress: (p) => {
        seen.push(p.message ?? '');
        if (++calls >= 2) controller.abort();
      },
    });
    expect(sol.seconds).toBeLessThan(20);
    expect(sol.feasible).toBe(true);
    expect(seen.at(-1)).toBe('done');
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  it('is deterministic for a seed and an iteration limit', () => {
    const problem = createProblem(randomPdptw(5, 25, { fixedCost: 500 }));
    const a = solve(problem, { seed: 7, stop: { iterations: 120 } });
    const b = solve(problem, { seed: 7, stop: { iterations: 120 } });
    expect(b.routes).toEqual(a.routes);
    expect(b.cost).toBe(a.cost);
  });
});
