import { createRng } from '../../../src/shared/random.js';
import type { ProblemInput } from '../../../src/routing/problem.js';

/** A planar problem from points: location 0 is the depot, distances Euclidean, time = distance. */
export function planar(points: Array<[number, number]>, rest: Omit<ProblemInput, 'distanceM' | 'coordinates'>): ProblemInput {
  const distanceM = points.map((a) => points.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1])));
  return { ...rest, coordinates: points, distanceM };
}

/**
 * A random PDPTW instance: `pairs` requests in a 100×100 square, depot in the middle, windows of random
 * width around a feasible visiting time, demands 1–9, service 0–9. `tight` narrows the windows.
 */
export function randomPdptw(seed: number, pairs: number, opts: { capacity?: number; fleet?: number | 'unlimited'; fixedCost?: number; tight?: boolean; horizon?: number } = {}): ProblemInput {
  const rng = createRng(seed);
  const horizon = opts.horizon ?? 1000;
  const pts: Array<[number, number]> = [[50, 50]];
  const stops: NonNullable<ProblemInput['stops']> = [];
  const pairList: Array<{ pickup: number; delivery: number }> = [];
  const dist = (a: [number, number], b: [number, number]): number => Math.hypot(a[0] - b[0], a[1] - b[1]);
  for (let k = 0; k < pairs; k++) {
    const p: [number, number] = [rng.next() * 100, rng.next() * 100];
    const d: [number, number] = [rng.next() * 100, rng.next() * 100];
    const q = 1 + rng.int(9);
    const sp = rng.int(10);
    const sd = rng.int(10);
    const width = opts.tight ? 20 + rng.next() * 60 : 100 + rng.next() * 400;
    // a visiting time that a vehicle of its own can keep
    const tp = dist([50, 50], p) + rng.next() * (horizon / 2);
    const td = tp + sp + dist(p, d) + rng.next() * 100;
    if (td + sd + dist(d, [50, 50]) > horizon) {
      k--;
      continue;
    }
    pts.push(p, d);
    const open = (t: number): number => Math.max(0, t - rng.next() * width);
    stops.push(
      { location: pts.length - 2, demand: [q], serviceS: sp, timeWindows: [[open(tp), tp + width]] },
      { location: pts.length - 1, demand: [0], serviceS: sd, timeWindows: [[open(td), td + width]] },
    );
    pairList.push({ pickup: stops.length - 2, delivery: stops.length - 1 });
  }
  return planar(pts, {
    dimensions: ['units'],
    stops,
    pairs: pairList,
    vehicles: [{ startLocation: 0, capacity: [opts.capacity ?? 20], shiftS: [0, horizon], count: opts.fleet ?? 'unlimited', fixedCost: opts.fixedCost ?? 0 }],
  });
}
