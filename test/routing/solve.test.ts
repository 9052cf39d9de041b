import { describe, expect, it } from 'vitest';
import { createProblem, type ProblemInput } from '../../src/routing/problem.js';
import { solve } from '../../src/routing/solve.js';
import { checkSolution } from '../../src/routing/check.js';
import { createRng } from '../../src/shared/random.js';
import { InputError } from '../../src/shared/errors.js';

/** Depot at x = 0; customers at x = 10, 20, -10, -20 on a line; distance |xa - xb|. */
function lineProblem(capacity: number, count: number): ProblemInput {
  const xs = [0, 10, 20, -10, -20];
  return {
    coordinates: xs.map((x) => [x, 0] as [number, number]),
    distanceM: xs.map((a) => xs.map((b) => Math.abs(a - b))),
    stops: [1, 2, 3, 4].map((loc) => ({ location: loc, demand: [1] })),
    vehicles: [{ startLocation: 0, capacity: [capacity], count }],
  };
}

function randomProblem(seed: number, n: number): ProblemInput {
  const rng = createRng(seed);
  const pts: Array<[number, number]> = [[500, 500]];
  for (let i = 0; i < n; i++) pts.push([rng.next() * 1000, rng.next() * 1000]);
  const dist = pts.map((a) => pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
  return {
    dimensions: ['weightKg', 'volumeM3'],
    coordinates: pts,
    distanceM: dist,
    durationS: dist.map((row) => row.map((d) => d * 2)),
    stops: Array.from({ length: n }, (_, i) => ({
      location: i + 1,
      demand: [1 + rng.int(20), rng.next() * 2],
      serviceS: 60 + rng.int(120),
      skills: i % 17 === 5 ? ['fridge'] : undefined,
    })),
    vehicles: [{ startLocation: 0, capacity: [100, 8], count: 'unlimited', maxDurationS: 6000, fixedCost: 500, costPerM: 1 }],
  };
}

describe('solve', () => {
  it('finds the hand-computed optimum of a tiny instance', () => {
    const problem = createProblem(lineProblem(2, 2));
    const sol = solve(problem, { seed: 3, stop: { iterations: 20 } });
    expect(sol.feasible).toBe(true);
    // Two out-and-back routes of 40 each: {10, 20} and {-10, -20}.
    expect(sol.cost).toBe(80);
    const sets = sol.routes.map((r) => [...r.stops].sort().join(','));
    expect(sets.sort()).toEqual(['0,1', '2,3']);
  });

  it('respects the fleet limit even when it forces a longer plan', () => {
    // Capacity 4, one vehicle: 0 → 10 → 20 → -10 → -20 → 0 = 80 (or mirrored).
    const sol = solve(createProblem(lineProblem(4, 1)), { seed: 1, stop: { iterations: 10 } });
    expect(sol.routes).toHaveLength(1);
    expect(sol.cost).toBe(80);
  });

  it('returns plans that pass the independent checker on random instances', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const problem = createProblem(randomProblem(seed, 40));
      const sol = solve(problem, { seed, stop: { iterations: 20 } });
      // Stops needing a skill the fleet lacks come back unassigned with a reason.
      const skill = sol.unassigned.filter((u) => u.reason === 'skill').map((u) => u.stop);
      expect(skill).toEqual(problem.stops.map((s, i) => (s.skills.length ? i : -1)).filter((i) => i >= 0));
      const report = checkSolution(problem, sol.routes, skill);
      const hard = report.violations.filter((v) => v.kind !== 'missing-stop');
      expect(hard).toEqual([]);
      expect(report.violations.filter((v) => v.kind === 'missing-stop').map((v) => v.stop)).toEqual(skill);
      for (const r of report.routes) {
        expect(r.maxLoad[0]).toBeLessThanOrEqual(100);
        expect(r.maxLoad[1]).toBeLessThanOrEqual(8 + 1e-9);
        expect(r.durationS).toBeLessThanOrEqual(6000);
      }
      expect(sol.cost).toBeCloseTo(report.cost, 6);
    }
  });

  it('is deterministic for a seed and an iteration limit', () => {
    const problem = createProblem(randomProblem(9, 30));
    const a = solve(problem, { seed: 5, stop: { iterations: 20 } });
    const b = solve(problem, { seed: 5, stop: { iterations: 20 } });
    expect(b.routes).toEqual(a.routes);
    expect(b.cost).toBe(a.cost);
  });

  it('stops on an abort signal and reports progress', () => {
    const problem = createProblem(randomProblem(2, 20));
    const ctl = new AbortController();
    const seen: number[] = [];
    const sol = solve(problem, {
      seed: 1,
      stop: { iterations: 100000, signal: ctl.signal },
      onProgress: (p) => {
        seen.push(p.iteration ?? 0);
        if ((p.iteration ?? 0) >= 200) ctl.abort();
      },
    });
    expect(sol.iterations).toBe(200);
    expect(seen.length).toBeGreaterThan(1);
    expect(sol.violations.every((v) => v.kind === 'missing-stop')).toBe(true);
  });

  it('hands pairs mixed with single stops to the rich search (src/routing/pdp) and serves them all', () => {
    const input = lineProblem(2, 2);
    input.pairs = [{ pickup: 0, delivery: 1 }];
    const sol = solve(createProblem(input), { stop: { iterations: 50 } });
    expect(sol.feasible).toBe(true);
    expect(sol.routes.flatMap((r) => r.stops).sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('solve with a fleet too small for every stop', () => {
  it('returns a plan the fleet can drive and leaves the other stops out with their reasons', () => {
    // One vehicle of capacity 2 for four stops of demand 1: two must stay out.
    const problem = createProblem(lineProblem(2, 1));
    const sol = solve(problem, { seed: 1, stop: { iterations: 50 } });
    expect(sol.routes).toHaveLength(1);
    expect(sol.routes[0].stops).toHaveLength(2);
    expect(sol.unassigned).toHaveLength(2);
    for (const u of sol.unassigned) expect(['capacity', 'no-vehicle']).toContain(u.reason);
    // What remains is only the stops left out: no overload, no lateness, no extra vehicle.
    const report = checkSolution(problem, sol.routes, sol.unassigned.map((u) => u.stop));
    expect(report.violations.map((v) => v.kind)).toEqual(['missing-stop', 'missing-stop']);
    expect(new Set([...sol.routes[0].stops, ...sol.unassigned.map((u) => u.stop)]).size).toBe(4);
  });

  it('leaves out late stops when the windows cannot all be met', () => {
    // Two stops at opposite ends, both due at time 10 (distance 10 each way from the depot), one vehicle.
    const problem = createProblem({
      distanceM: [
        [0, 10, 10],
        [10, 0, 20],
        [10, 20, 0],
      ],
      stops: [
        { location: 1, timeWindows: [[0, 10]] },
        { location: 2, timeWindows: [[0, 10]] },
      ],
      vehicles: [{ startLocation: 0, capacity: [10], count: 1 }],
    });
    const sol = solve(problem, { seed: 1, stop: { iterations: 50 } });
    expect(sol.routes.map((r) => r.stops.length)).toEqual([1]);
    expect(sol.unassigned).toEqual([{ stop: sol.routes[0].stops[0] === 0 ? 1 : 0, reason: 'time-window' }]);
    const report = checkSolution(problem, sol.routes, [sol.unassigned[0].stop]);
    expect(report.violations.map((v) => v.kind)).toEqual(['missing-stop']);
  });
});
