import { describe, expect, it } from 'vitest';
import { parseCvrplib, cvrplibToProblem, formatCvrplibSolution, parseSolutionCost, nint } from '../../src/routing/cvrplib.js';
import { createProblem } from '../../src/routing/problem.js';
import { checkSolution } from '../../src/routing/check.js';
import { DataError } from '../../src/shared/errors.js';

const TEXT = `NAME : T-n5-k2
COMMENT : "hand-made"
TYPE : CVRP
DIMENSION : 5
EDGE_WEIGHT_TYPE : EUC_2D
CAPACITY : 10
DISTANCE : 100
SERVICE_TIME : 2
NODE_COORD_SECTION
1 0 0
2 3 4
3 6 8
4 -3 -4
5 0 -1
DEMAND_SECTION
1 0
2 5
3 5
4 6
5 3
DEPOT_SECTION
1
-1
EOF
`;

describe('CVRPLIB', () => {
  it('parses header, sections, DISTANCE, SERVICE_TIME and k', () => {
    const inst = parseCvrplib(TEXT, 'T-n5-k2.vrp');
    expect(inst.name).toBe('T-n5-k2');
    expect(inst.coords).toHaveLength(5);
    expect(inst.depot).toBe(0);
    expect(inst.capacity).toBe(10);
    expect(inst.demands).toEqual([0, 5, 5, 6, 3]);
    expect(inst.distanceLimit).toBe(100);
    expect(inst.serviceTime).toBe(2);
    expect(inst.k).toBe(2);
  });

  it('rounds each edge to the nearest integer', () => {
    expect(nint([0, 0], [1, 1])).toBe(1); // 1.414
    expect(nint([0, 0], [1, 2])).toBe(2); // 2.236
    expect(nint([0, 0], [3, 4])).toBe(5);
    expect(nint([0, 0], [0.5, 0])).toBe(1); // x.5 rounds up
  });

  it('builds a problem whose plan costs are sums of rounded edges', () => {
    const inst = parseCvrplib(TEXT);
    const problem = createProblem(cvrplibToProblem(inst, 2));
    expect(problem.stops).toHaveLength(4);
    expect(problem.vehicles[0].count).toBe(2);
    expect(problem.vehicles[0].maxDurationS).toBe(100);
    // Stops 0,1 = nodes 2,3 (customers 1,2); stops 2,3 = nodes 4,5.
    const report = checkSolution(problem, [
      { vehicle: 0, stops: [0, 1] },
      { vehicle: 0, stops: [2, 3] },
    ]);
    // Route 1: 5 + 5 + 10 = 20. Route 2: 5 + nint(sqrt(9 + 9) = 4.24) = 4, + 1 = 10.
    expect(report.distanceM).toBe(30);
    expect(report.feasible).toBe(true);
    expect(report.routes[0].durationS).toBe(20 + 4);
    const sol = formatCvrplibSolution([{ vehicle: 0, stops: [0, 1] }, { vehicle: 0, stops: [2, 3] }], report.cost);
    expect(sol).toBe('Route #1: 1 2\nRoute #2: 3 4\nCost 30\n');
    expect(parseSolutionCost(sol)).toBe(30);
  });

  it('reports malformed files with file, row and field', () => {
    expect(() => parseCvrplib(TEXT.replace('CAPACITY : 10\n', ''), 'x.vrp')).toThrow(DataError);
    expect(() => parseCvrplib(TEXT.replace('3 6 8', '3 6 eight'), 'x.vrp')).toThrow(/x.vrp:12/);
    expect(() => parseCvrplib(TEXT.replace('EUC_2D', 'GEO'), 'x.vrp')).toThrow(/EDGE_WEIGHT_TYPE/);
  });
});
