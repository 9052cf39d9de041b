import { describe, expect, it } from 'vitest';
import { parseCvrplib, cvrplibToProblem, nint } from '../../src/routing/cvrplib.js';
import { createProblem } from '../../src/routing/problem.js';
import { solve } from '../../src/routing/solve.js';
import { checkSolution } from '../../src/routing/check.js';

/**
 * Guards for CVRPLIB instance kinds outside the dev set (hold-out notes:
 * /work/notes/routing-holdout5.md): a tight limited fleet (Augerat P), the
 * X-set file layout, and a CMT-style DISTANCE + SERVICE_TIME limit.
 */

// P-n16-k8 (Augerat et al.; CVRPLIB optimum 450): 15 customers, Q = 35, at most
// 8 routes while Σ demand / Q = 246 / 35 = 7.03 — every route but one is nearly full.
const P16 = `NAME : P-n16-k8
COMMENT : (Augerat et al, No of trucks: 8, Optimal value: 450)
TYPE : CVRP
DIMENSION : 16
EDGE_WEIGHT_TYPE : EUC_2D
CAPACITY : 35
NODE_COORD_SECTION
1 30 40
2 37 52
3 49 49
4 52 64
5 31 62
6 52 33
7 42 41
8 52 41
9 57 58
10 62 42
11 42 57
12 27 68
13 43 67
14 58 48
15 58 27
16 37 69
DEMAND_SECTION
1 0
2 19
3 30
4 16
5 23
6 11
7 31
8 15
9 28
10 8
11 8
12 7
13 14
14 6
15 19
16 11
DEPOT_SECTION
 1
 -1
EOF
`;

/** The layout of the CVRPLIB X files: "KEY : \tvalue\t", tab-separated rows with trailing tabs, CRLF. */
function xLayout(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const kv = line.match(/^(\w+) : (.*)$/);
      if (kv) return `${kv[1]} : \t${kv[2]}\t`;
      if (/^[A-Z_]+$/.test(line)) return `${line}\t\t`;
      const parts = line.trim().split(/\s+/);
      return parts.length === 1 ? `\t${parts[0]}\t` : parts.join('\t') + (parts.length === 2 ? '\t' : '');
    })
    .join('\r\n') + '\r\n';
}

describe('CVRPLIB kinds beyond the dev set', () => {
  it('reads the X-set layout (tabs, trailing tabs, CRLF) as the plain one', () => {
    const x = xLayout(P16);
    expect(x).toContain('NAME : \tP-n16-k8\t\r\n');
    expect(x).toContain('2\t37\t52\r\n');
    expect(x).toContain('2\t19\t\r\n');
    const plain = parseCvrplib(P16, 'P-n16-k8.vrp');
    const tabbed = parseCvrplib(x, 'P-n16-k8.vrp');
    expect(tabbed).toEqual(plain);
    expect(tabbed.k).toBe(8);
    expect(tabbed.demands.reduce((a, b) => a + b, 0)).toBe(246);
  });

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: the optimum 450 of the tight-fleet P-n16-k8 within 300 offspring, with at most 8 routes`, () => {
      const inst = parseCvrplib(P16, 'P-n16-k8.vrp');
      const problem = createProblem(cvrplibToProblem(inst, inst.k!));
      const sol = solve(problem, { seed, stop: { iterations: 300 } });
      expect(sol.feasible).toBe(true);
      expect(sol.unassigned).toEqual([]);
      expect(sol.routes.length).toBeLessThanOrEqual(8);
      expect(sol.cost).toBe(450);
      // Independent recount: rounded edges, loads within Q.
      let total = 0;
      for (const r of sol.routes) {
        const nodes = [0, ...r.stops.map((s) => s + 1), 0];
        for (let i = 0; i + 1 < nodes.length; i++) total += nint(inst.coords![nodes[i]], inst.coords![nodes[i + 1]]);
        expect(r.stops.reduce((s, st) => s + inst.demands[st + 1], 0)).toBeLessThanOrEqual(35);
      }
      expect(total).toBe(450);
    });
  }

  it('keeps every route within DISTANCE counting SERVICE_TIME (CMT convention), free fleet', () => {
    // Same customers with a route limit: travel (rounded edges) + 5 per customer ≤ 80.
    const text = P16.replace('NAME : P-n16-k8', 'NAME : D16').replace('CAPACITY : 35\n', 'CAPACITY : 35\nDISTANCE : 80\nSERVICE_TIME : 5\n');
    const inst = parseCvrplib(text, 'D16.vrp');
    expect(inst.k).toBeNull();
    const problem = createProblem(cvrplibToProblem(inst));
    const sol = solve(problem, { seed: 1, stop: { iterations: 200 } });
    expect(sol.feasible).toBe(true);
    expect(sol.unassigned).toEqual([]);
    const served = sol.routes.flatMap((r) => r.stops).sort((a, b) => a - b);
    expect(served).toEqual(Array.from({ length: 15 }, (_, i) => i));
    let binding = 0;
    for (const r of sol.routes) {
      const nodes = [0, ...r.stops.map((s) => s + 1), 0];
      let travel = 0;
      for (let i = 0; i + 1 < nodes.length; i++) travel += nint(inst.coords![nodes[i]], inst.coords![nodes[i + 1]]);
      const duration = travel + 5 * r.stops.length;
      expect(duration).toBeLessThanOrEqual(80);
      if (duration > 70) binding++;
    }
    // The limit binds: at least one route ends within 10 of it.
    expect(binding).toBeGreaterThan(0);
    expect(checkSolution(problem, sol.routes).feasible).toBe(true);
  });
});
