import { describe, expect, it } from 'vitest';
import { solveMinCostFlow } from '../../src/allocation/solvers/network-simplex.js';

const mcf = (
  n: number,
  balance: number[],
  arcs: [number, number, number, number?][],
  kind?: number[],
) => ({
  nodeCount: n,
  balance: Float64Array.from(balance),
  kind: kind ? Uint8Array.from(kind) : undefined,
  from: Int32Array.from(arcs.map((a) => a[0])),
  to: Int32Array.from(arcs.map((a) => a[1])),
  cost: Float64Array.from(arcs.map((a) => a[2])),
  capacity: Float64Array.from(arcs.map((a) => a[3] ?? Infinity)),
});

describe('solveMinCostFlow', () => {
  it('routes around a saturated cheap path and prices the nodes', () => {
    // 0 -> 1 -> 2 cheap (1 + 1) but 0->1 capped at 4; 0 -> 2 direct costs 5. Ship 10 from 0 to 2.
    const r = solveMinCostFlow(mcf(3, [10, 0, -10], [[0, 1, 1, 4], [1, 2, 1], [0, 2, 5]]));
    expect(r.status).toBe('optimal');
    expect(Array.from(r.flow)).toEqual([4, 4, 6]);
    expect(r.objective).toBe(4 * 2 + 6 * 5);
    // Potentials are marginal costs of inflow: relative to node 0, node 2 costs 5 more.
    expect(r.potential[2] - r.potential[0]).toBeCloseTo(5, 9);
  });

  it('lets a le-source ship less than it has', () => {
    const r = solveMinCostFlow(mcf(2, [10, -3], [[0, 1, 2]], [1, 0]));
    expect(r.status).toBe('optimal');
    expect(r.flow[0]).toBe(3);
    expect(r.objective).toBe(6);
  });

  it('reports infeasible when demand exceeds what can arrive', () => {
    const r = solveMinCostFlow(mcf(2, [10, -12], [[0, 1, 2]], [1, 0]));
    expect(r.status).toBe('infeasible');
    const capped = solveMinCostFlow(mcf(2, [10, -5], [[0, 1, 2, 4]], [1, 0]));
    expect(capped.status).toBe('infeasible');
  });

  it('reports unbounded on an uncapacitated negative cycle', () => {
    const r = solveMinCostFlow(mcf(2, [0, 0], [[0, 1, -1], [1, 0, 0]]));
    expect(r.status).toBe('unbounded');
  });

  it('uses a capacitated negative cycle to its bound', () => {
    const r = solveMinCostFlow(mcf(2, [0, 0], [[0, 1, -3, 7], [1, 0, 1]]));
    expect(r.status).toBe('optimal');
    expect(r.objective).toBe(-14);
  });

  it('stops on request', () => {
    // A larger transportation problem so that more than 1024 pivots are needed.
    const S = 100;
    const D = 1000;
    const arcs: [number, number, number][] = [];
    for (let i = 0; i < S; i++) for (let j = 0; j < D; j++) arcs.push([i, S + j, ((i * 7919 + j * 104729) % 97) + 1]);
    const bal = [...Array(S).fill(25), ...Array(D).fill(-2)];
    const r = solveMinCostFlow(mcf(S + D, bal, arcs, [...Array(S).fill(1), ...Array(D).fill(0)]), { shouldStop: () => true });
    const full = solveMinCostFlow(mcf(S + D, bal, arcs, [...Array(S).fill(1), ...Array(D).fill(0)]));
    expect(full.status).toBe('optimal');
    expect(full.iterations).toBeGreaterThan(1024);
    expect(r.status).toBe('timeLimit');
  });
});
