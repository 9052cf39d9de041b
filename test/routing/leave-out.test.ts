import { describe, expect, it } from 'vitest';
import { createProblem } from '../../src/routing/problem.js';
import { checkSolution } from '../../src/routing/check.js';
import { leaveOutToFeasible } from '../../src/routing/leave-out.js';

/** Depot at x = 0; stops at x = 10, 20, -10, -20 with the given demands; two vehicles of capacity 3. */
function lineWithDemands(demands: number[]) {
  const xs = [0, 10, 20, -10, -20];
  return createProblem({
    distanceM: xs.map((a) => xs.map((b) => Math.abs(a - b))),
    stops: demands.map((d, i) => ({ location: i + 1, demand: [d] })),
    vehicles: [{ startLocation: 0, capacity: [3], count: 2 }],
  });
}

describe('leaveOutToFeasible', () => {
  it('moves a stop left out of an overloaded route to a route with room for it', () => {
    const problem = lineWithDemands([2, 2, 1]);
    // Route 0 carries 4 > 3; route 1 carries 1 and has room for a stop of 2.
    const { routes, unassigned } = leaveOutToFeasible(problem, [{ vehicle: 0, stops: [0, 1] }, { vehicle: 0, stops: [2] }], []);
    expect(unassigned).toEqual([]);
    expect(routes.flatMap((r) => r.stops).sort()).toEqual([0, 1, 2]);
    expect(checkSolution(problem, routes).feasible).toBe(true);
  });

  it('keeps a stop out when no route can take it, with its reason', () => {
    const problem = lineWithDemands([2, 2, 2, 2]);
    // 8 units for 6 of capacity: whatever is moved, one stop of 2 stays out.
    const { routes, unassigned } = leaveOutToFeasible(problem, [{ vehicle: 0, stops: [0, 1] }, { vehicle: 0, stops: [2, 3] }], []);
    expect(unassigned.map((u) => u.reason)).toEqual(['capacity', 'capacity']);
    const report = checkSolution(problem, routes, unassigned.map((u) => u.stop));
    expect(report.violations.map((v) => v.kind)).toEqual(['missing-stop', 'missing-stop']);
  });

  it('puts a stop back at its cheapest feasible position, not the first one found', () => {
    const xs = [0, 20, -10, -20, 18];
    const problem = createProblem({
      distanceM: xs.map((a) => xs.map((b) => Math.abs(a - b))),
      stops: [2, 2, 1, 1].map((d, i) => ({ location: i + 1, demand: [d] })),
      vehicles: [{ startLocation: 0, capacity: [3], count: 3 }],
    });
    // Route 0 (x = 20 and -10, 4 units) drops stop 0 (x = 20). Route 1 (x = -20) could take it for +40,
    // route 2 (x = 18) for +4.
    const { routes, unassigned } = leaveOutToFeasible(
      problem,
      [
        { vehicle: 0, stops: [0, 1] },
        { vehicle: 0, stops: [2] },
        { vehicle: 0, stops: [3] },
      ],
      [],
    );
    expect(unassigned).toEqual([]);
    expect(routes.find((r) => r.stops.includes(0))!.stops).toContain(3);
    expect(checkSolution(problem, routes).distanceM).toBe(20 + 40 + 40);
  });
});
