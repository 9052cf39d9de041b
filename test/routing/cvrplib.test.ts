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

describe('CVRPLIB explicit edge weights', () => {
  // A symmetric 4-node matrix (depot 1) written in each TSPLIB format.
  const M = [
    [0, 3, 5, 9],
    [3, 0, 4, 7],
    [5, 4, 0, 6],
    [9, 7, 6, 0],
  ];
  const sections: Record<string, number[]> = {
    FULL_MATRIX: M.flat(),
    UPPER_ROW: [3, 5, 9, 4, 7, 6],
    LOWER_ROW: [3, 5, 4, 9, 7, 6],
    UPPER_DIAG_ROW: [0, 3, 5, 9, 0, 4, 7, 0, 6, 0],
    LOWER_DIAG_ROW: [0, 3, 0, 5, 4, 0, 9, 7, 6, 0],
    UPPER_COL: [3, 5, 4, 9, 7, 6],
    LOWER_COL: [3, 5, 9, 4, 7, 6],
  };
  const explicit = (format: string, weights: number[], extra = '') => `NAME : T-n4-k1
TYPE : CVRP
DIMENSION : 4
EDGE_WEIGHT_TYPE : EXPLICIT
EDGE_WEIGHT_FORMAT : ${format}
CAPACITY : 10
${extra}EDGE_WEIGHT_SECTION
${weights.slice(0, 5).join(' ')}
${weights.slice(5).join('  ')}
DEMAND_SECTION
1 0
2 3
3 3
4 3
DEPOT_SECTION
 1
 -1
EOF
`;

  for (const [format, weights] of Object.entries(sections)) {
    it(`reads ${format} into the full symmetric matrix`, () => {
      const inst = parseCvrplib(explicit(format, weights), 'T-n4-k1.vrp');
      expect(inst.edgeWeightType).toBe('EXPLICIT');
      expect(inst.coords).toBeNull();
      expect(Array.from(inst.weights!)).toEqual(M.flat());
    });
  }

  it('solves an explicit instance on its matrix (one route: 3 + 4 + 6 + 9 = 22)', () => {
    const inst = parseCvrplib(explicit('LOWER_ROW', sections.LOWER_ROW), 'T-n4-k1.vrp');
    const problem = createProblem(cvrplibToProblem(inst, 1));
    const report = checkSolution(problem, [{ vehicle: 0, stops: [0, 1, 2] }]);
    expect(report.feasible).toBe(true);
    expect(report.cost).toBe(22);
  });

  it('keeps DISPLAY_DATA_SECTION as coordinates for drawing', () => {
    const text = explicit('LOWER_ROW', sections.LOWER_ROW, 'DISPLAY_DATA_TYPE : TWOD_DISPLAY\n').replace('DEMAND_SECTION', 'DISPLAY_DATA_SECTION\n1 0 0\n2 3 0\n3 3 4\n4 9 1\nDEMAND_SECTION');
    const inst = parseCvrplib(text, 'T-n4-k1.vrp');
    expect(inst.coords).toEqual([
      [0, 0],
      [3, 0],
      [3, 4],
      [9, 1],
    ]);
    expect(inst.weights![3]).toBe(9); // the matrix, not the drawing, gives the distances
  });

  it('rounds CEIL_2D distances up', () => {
    const inst = parseCvrplib(TEXT.replace('EUC_2D', 'CEIL_2D').replace('5 0 -1', '5 1 1'), 'T-n5-k2.vrp');
    const problem = createProblem(cvrplibToProblem(inst));
    // node 1 (0, 0) to node 5 (1, 1): √2 → 2 each way (EUC_2D would give 1)
    expect(checkSolution(problem, [{ vehicle: 0, stops: [3] }]).distanceM).toBe(4);
  });

  it('names the section when the weights do not fit the format, or the type is unknown', () => {
    expect(() => parseCvrplib(explicit('LOWER_ROW', [...sections.LOWER_ROW, 1]), 'x.vrp')).toThrow(/7 weights.*needs 6/);
    expect(() => parseCvrplib(explicit('DIAGONAL', sections.LOWER_ROW), 'x.vrp')).toThrow(DataError);
    expect(() => parseCvrplib(TEXT.replace('EUC_2D', 'GEO'), 'x.vrp')).toThrow(/GEO/);
    expect(() => parseCvrplib(explicit('LOWER_ROW', sections.LOWER_ROW).replace('EXPLICIT', 'EUC_2D'), 'x.vrp')).toThrow(/needs coordinates/);
  });
});
