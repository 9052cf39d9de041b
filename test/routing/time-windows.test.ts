import { describe, expect, it } from 'vitest';
import { Seg } from '../../src/routing/search/time-segment.js';
import { createProblem, type ProblemInput } from '../../src/routing/problem.js';
import { solve } from '../../src/routing/solve.js';
import { checkSolution } from '../../src/routing/check.js';
import { createRng } from '../../src/shared/random.js';
import { randomTwInput } from './helpers.js';

/** Forward pass: leave at `start`, wait when early, count lateness (as time warp back to the close). */
function forwardWarp(travel: number[], service: number[], windows: Array<[number, number]>, start: number): number {
  let t = start;
  let warp = 0;
  for (let i = 0; i < windows.length; i++) {
    t += travel[i];
    if (t < windows[i][0]) t = windows[i][0];
    if (t > windows[i][1]) {
      warp += t - windows[i][1];
      t = windows[i][1];
    }
    t += service[i];
  }
  return warp;
}

describe('time-warp segments', () => {
  it('match a forward pass from the earliest departure', () => {
    const rng = createRng(4);
    for (let trial = 0; trial < 200; trial++) {
      const k = 1 + rng.int(6);
      const travel = Array.from({ length: k }, () => rng.int(50));
      const service = Array.from({ length: k }, () => rng.int(20));
      const windows = Array.from({ length: k }, (): [number, number] => {
        const a = rng.int(200);
        return [a, a + rng.int(60)];
      });
      // Depot segment [0, inf) then each visit.
      const seg = new Seg().set(0, 0, 0, Infinity);
      for (let i = 0; i < k; i++) seg.append(travel[i], service[i], 0, windows[i][0], windows[i][1]);
      expect(seg.warp).toBeCloseTo(forwardWarp(travel, service, windows, 0), 9);
    }
  });

  it('without windows, duration is travel plus service', () => {
    const seg = new Seg().set(0, 0, 0, Infinity);
    seg.append(10, 5, 0, 0, Infinity).append(7, 3, 0, 0, Infinity).append(4, 0, 0, 0, Infinity);
    expect(seg.dur).toBe(29);
    expect(seg.warp).toBe(0);
  });

  it('counts waiting in the duration only when unavoidable', () => {
    // Window at the first visit opens at 100: leave later, no waiting.
    const a = new Seg().set(0, 0, 0, Infinity).append(10, 0, 0, 100, 200).append(10, 0, 0, 0, Infinity);
    expect(a.dur).toBe(20);
    // Second visit opens at 300, first closes at 110: 170 waiting is unavoidable.
    const b = new Seg().set(0, 0, 0, Infinity).append(10, 0, 0, 100, 110).append(20, 0, 0, 300, 400).append(10, 0, 0, 0, Infinity);
    expect(b.dur).toBe(10 + 20 + 10 + (300 - 110 - 20));
  });
});

const randomTwProblem = (seed: number, n: number): ProblemInput => randomTwInput(seed, n, { width: 60, extraWidth: 200 });

describe('solve with time windows', () => {
  it('returns plans without lateness on random instances', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const problem = createProblem(randomTwProblem(seed, 30));
      const sol = solve(problem, { seed, stop: { iterations: 20 } });
      const report = checkSolution(problem, sol.routes, sol.unassigned.map((u) => u.stop));
      expect(report.violations).toEqual([]);
      expect(sol.feasible).toBe(true);
    }
  });

  it('leaves a stop whose window cannot be reached unassigned, with the reason', () => {
    const input: ProblemInput = {
      distanceM: [
        [0, 10, 500],
        [10, 0, 500],
        [500, 500, 0],
      ],
      stops: [
        { location: 1, demand: [1], timeWindows: [[0, 100]] },
        { location: 2, demand: [1], timeWindows: [[0, 100]] }, // 500 away: closes before anyone arrives
      ],
      vehicles: [{ startLocation: 0, capacity: [10], count: 1, shiftS: [0, 2000] }],
    };
    const problem = createProblem(input);
    const sol = solve(problem, { seed: 1, stop: { iterations: 5 } });
    expect(sol.unassigned).toEqual([{ stop: 1, reason: 'time-window' }]);
    expect(sol.routes).toEqual([{ vehicle: 0, stops: [0] }]);
    expect(sol.cost).toBe(20);
  });

  it('keeps the order windows force, even when it is longer', () => {
    // Stops at x = 10 and x = 20 on a line; the far one must be served first.
    const xs = [0, 10, 20];
    const problem = createProblem({
      distanceM: xs.map((a) => xs.map((b) => Math.abs(a - b))),
      stops: [
        { location: 1, timeWindows: [[100, 110]] },
        { location: 2, timeWindows: [[0, 25]] },
      ],
      vehicles: [{ startLocation: 0, capacity: [1], count: 1 }],
    });
    const sol = solve(problem, { seed: 1, stop: { iterations: 5 } });
    expect(sol.routes[0].stops).toEqual([1, 0]);
    expect(sol.feasible).toBe(true);
    expect(sol.cost).toBe(40);
  });
});
