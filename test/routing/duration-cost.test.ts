import { describe, expect, it } from 'vitest';
import { createProblem, type ProblemInput } from '../../src/routing/problem.js';
import { solve } from '../../src/routing/solve.js';
import { checkSolution } from '../../src/routing/check.js';

/**
 * Depot at x = 0, stop A at x = 10 (window [0, 10]) and stop B at x = -10
 * (window [100, 200]); distance = travel time. One vehicle: A at 10, B at 30,
 * waits until 100, back at 110 — distance 40, duration 110. Two vehicles:
 * 20 + 20 distance, 20 + 20 duration (the second leaves at 90).
 */
function waitingCase(fixedCost: number): ProblemInput {
  const xs = [0, 10, -10];
  return {
    distanceM: xs.map((a) => xs.map((b) => Math.abs(a - b))),
    stops: [
      { location: 1, timeWindows: [[0, 10]] },
      { location: 2, timeWindows: [[100, 200]] },
    ],
    vehicles: [{ startLocation: 0, capacity: [2], count: 2, costPerM: 1, costPerS: 1, fixedCost }],
  };
}

describe('cost per second of route duration (waiting included)', () => {
  it('avoids a plan that waits when waiting is paid', () => {
    // One vehicle: 40 + 110 = 150; two vehicles: 40 + 40 = 80.
    const problem = createProblem(waitingCase(0));
    const sol = solve(problem, { seed: 1, stop: { iterations: 20 } });
    expect(sol.routes).toHaveLength(2);
    expect(sol.cost).toBe(80);
    expect(checkSolution(problem, sol.routes).cost).toBe(80);
  });

  it('accepts the wait when a second vehicle costs more than the wait', () => {
    // One vehicle: 100 + 150 = 250; two vehicles: 200 + 80 = 280.
    const sol = solve(createProblem(waitingCase(100)), { seed: 1, stop: { iterations: 20 } });
    expect(sol.routes).toHaveLength(1);
    expect(sol.cost).toBe(250);
    expect(sol.durationS).toBe(110);
  });
});
