import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../src/routing/check.js';
import { createProblem } from '../../src/routing/problem.js';
import { solve } from '../../src/routing/solve.js';
import { formatTwSolution, parseSolomon, solomonToProblem } from '../../src/routing/solomon.js';
import { DataError } from '../../src/shared/errors.js';

// A depot at the origin and three customers on a line, checkable by hand. One vehicle of capacity 30
// serves them in window order: 1 (x=10, due 15) at t=10, 3 (x=20, due 40) at t=21, then 2 (x=30,
// ready 50) arriving at 32 and waiting until 50; back at the depot at 81 < 200. Distance 30 + 30 = 60.
const TINY = `TINY

VEHICLE
NUMBER     CAPACITY
  2         30

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      0          0          0          0        200          0
    1     10          0         10          0         15          1
    2     30          0         10         50         60          1
    3     20          0         10          0         40          1
`;

describe('Solomon VRPTW files', () => {
  it('parses the header, the depot and the customers', () => {
    const inst = parseSolomon(TINY);
    expect(inst).toMatchObject({ name: 'TINY', vehicles: 2, capacity: 30, ids: [0, 1, 2, 3], ready: [0, 0, 50, 0], due: [200, 15, 60, 40], service: [0, 1, 1, 1] });
  });

  it('solves the tiny instance with one vehicle in window order, 60 units of distance', () => {
    const inst = parseSolomon(TINY);
    const problem = createProblem(solomonToProblem(inst, 'hierarchical'));
    const sol = solve(problem, { seed: 1, stop: { iterations: 200 } });
    const check = checkSolution(problem, sol.routes);
    expect(check.feasible).toBe(true);
    expect(sol.routes.filter((r) => r.stops.length > 0)).toHaveLength(1);
    expect(check.distanceM).toBeCloseTo(60, 9);
    expect(formatTwSolution(sol.routes, inst.ids)).toBe('Route 1: 1 3 2\n');
  });

  it('uses double-precision Euclidean distance, also as travel time', () => {
    const p = solomonToProblem(parseSolomon(TINY.replace('    3     20          0', '    3     20          7')), 'distance');
    const d = p.distanceM as Float64Array;
    expect(d[0 * 4 + 3]).toBeCloseTo(Math.sqrt(20 * 20 + 7 * 7), 12);
    expect(p.durationS).toBe(p.distanceM);
    expect(p.vehicles[0]).toMatchObject({ shiftS: [0, 200], count: 2, fixedCost: 0, capacity: [30] });
  });

  it('reports a malformed file with the line', () => {
    expect(() => parseSolomon('X\nCUSTOMER\n0 0 0 0 0 10 0\n')).toThrowError(DataError);
    expect(() => parseSolomon(TINY.replace('0         15          1', '20         15          1'))).toThrow(/ready time 20 after due date 15/);
  });
});
