import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../src/routing/check.js';
import { createProblem, type Problem } from '../../../src/routing/problem.js';
import { needsRichSearch, solve, type Solution } from '../../../src/routing/solve.js';
import { planar, randomRich } from './helpers.js';

/** The checker finds nothing but the stops reported unassigned (each with a reason). */
function expectFeasibleApartFromUnassigned(problem: Problem, sol: Solution): void {
  const left = sol.unassigned.map((u) => u.stop);
  const check = checkSolution(problem, sol.routes, left);
  const other = check.violations.filter((v) => !(v.kind === 'missing-stop' && left.includes(v.stop!)));
  expect(other).toEqual([]);
  const served = new Set(sol.routes.flatMap((r) => r.stops));
  for (let s = 0; s < problem.stops.length; s++) expect(served.has(s) !== left.includes(s)).toBe(true);
  expect(sol.cost).toBeCloseTo(check.cost, 6);
}

const line = (xs: number[]): Array<[number, number]> => xs.map((x) => [x, 0]);

describe('rich problems by hand', () => {
  it('a stop only the big truck can carry goes on the big truck; one too heavy for all is unassigned (capacity)', () => {
    const problem = createProblem(planar(line([0, 10, 20, 30, 40]), {
      stops: [{ location: 1, demand: [3] }, { location: 2, demand: [3] }, { location: 3, demand: [8] }, { location: 4, demand: [12] }],
      vehicles: [
        { id: 'van', startLocation: 0, capacity: [5], count: 2 },
        { id: 'truck', startLocation: 0, capacity: [10], count: 1, fixedCost: 100 },
      ],
    }));
    expect(needsRichSearch(problem)).toBe(true);
    const sol = solve(problem, { seed: 1, stop: { iterations: 300 } });
    expect(sol.unassigned).toEqual([{ stop: 3, reason: 'capacity' }]);
    const truck = sol.routes.filter((r) => r.vehicle === 1);
    expect(truck).toHaveLength(1);
    expect(truck[0].stops).toContain(2);
    expectFeasibleApartFromUnassigned(problem, sol);
  });

  it('a skill only one vehicle has; a skill nobody has is reported as the reason', () => {
    const problem = createProblem(planar(line([0, 10, 20, 30]), {
      stops: [{ location: 1, skills: ['fridge'] }, { location: 2 }, { location: 3, skills: ['crane'] }],
      vehicles: [
        { id: 'plain', startLocation: 0, capacity: [10], count: 3 },
        { id: 'cold', startLocation: 0, capacity: [10], count: 1, skills: ['fridge'], fixedCost: 5 },
      ],
    }));
    const sol = solve(problem, { seed: 1, stop: { iterations: 200 } });
    expect(sol.unassigned).toEqual([{ stop: 2, reason: 'skill' }]);
    const cold = sol.routes.find((r) => r.stops.includes(0))!;
    expect(cold.vehicle).toBe(1);
    expectFeasibleApartFromUnassigned(problem, sol);
  });

  it('two windows where only the second can be met: the order follows from it', () => {
    // A at x=10 with windows [0,1] and [200,210]; B at x=50 open [50,60]. A first would wait until 200 and miss B,
    // so the only plan is B (start 50) then A (arrive 90, wait until 200).
    const problem = createProblem(planar(line([0, 10, 50, 100]), {
      stops: [
        { location: 1, timeWindows: [[0, 1], [200, 210]] },
        { location: 2, timeWindows: [[50, 60]] },
        { location: 3, timeWindows: [[0, 5], [20, 30]] },
      ],
      vehicles: [{ startLocation: 0, capacity: [1], count: 1 }],
    }));
    expect(needsRichSearch(problem)).toBe(true);
    const sol = solve(problem, { seed: 1, stop: { iterations: 200 } });
    // the stop at x=100 is reached at 100 at the earliest, after both its windows
    expect(sol.unassigned).toEqual([{ stop: 2, reason: 'time-window' }]);
    expect(sol.routes.map((r) => r.stops)).toEqual([[1, 0]]);
    expectFeasibleApartFromUnassigned(problem, sol);
    const check = checkSolution(problem, [{ vehicle: 0, stops: [0, 1] }], [2]);
    expect(check.violations.some((v) => v.kind === 'late' && v.stop === 1)).toBe(true);
  });

  it('each vehicle type leaves from its own depot and keeps its distance limit', () => {
    // depots at x=0 (type 0) and x=100 (type 1); stops near each depot; type 1 may drive 30 at most
    const problem = createProblem(planar(line([0, 100, 5, 95, 10, 90]), {
      stops: [{ location: 2 }, { location: 3 }, { location: 4 }, { location: 5 }],
      vehicles: [
        { id: 'west', startLocation: 0, capacity: [10], count: 1 },
        { id: 'east', startLocation: 1, capacity: [10], count: 1, maxDistanceM: 30 },
      ],
    }));
    const sol = solve(problem, { seed: 1, stop: { iterations: 300 } });
    expect(sol.unassigned).toEqual([]);
    expect(sol.cost).toBeCloseTo(20 + 20, 9);
    const east = sol.routes.find((r) => r.vehicle === 1)!;
    expect([...east.stops].sort()).toEqual([1, 3]);
    expectFeasibleApartFromUnassigned(problem, sol);
  });

  it('the genetic search keeps the plain cases', () => {
    const problem = createProblem(planar(line([0, 10, 20]), {
      stops: [{ location: 1 }, { location: 2 }],
      vehicles: [{ startLocation: 0, capacity: [10], count: 2 }, { startLocation: 0, capacity: [10], count: 1 }],
    }));
    expect(needsRichSearch(problem)).toBe(false);
  });
});

describe('rich problems, random instances', () => {
  it('every solution passes the checker; unassigned stops are exactly the unserved ones, each with a reason', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const problem = createProblem(randomRich(seed, 20 + 3 * seed));
      const sol = solve(problem, { seed, stop: { iterations: 300 } });
      expectFeasibleApartFromUnassigned(problem, sol);
      // the routes ride their own vehicle types within the fleet
      const used = new Map<number, number>();
      for (const r of sol.routes) used.set(r.vehicle, (used.get(r.vehicle) ?? 0) + 1);
      for (const [v, n] of used) expect(n).toBeLessThanOrEqual(problem.vehicles[v].count);
    }
  });
});
