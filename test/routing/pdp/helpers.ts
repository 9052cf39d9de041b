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

/**
 * A random rich instance: pairs mixed with single deliveries, two load dimensions, one to three
 * windows per stop, skills, and 2–3 vehicle types with their own depots, capacities, shifts,
 * distance limits, fixed and per-metre costs and counts.
 */
export function randomRich(seed: number, requests: number): ProblemInput {
  const rng = createRng(seed);
  const horizon = 1000;
  const pts: Array<[number, number]> = [[50, 50], [20, 80], [80, 20]];
  const stops: NonNullable<ProblemInput['stops']> = [];
  const pairs: Array<{ pickup: number; delivery: number }> = [];
  const windows = (): Array<[number, number]> => {
    const k = 1 + rng.int(3);
    const out: Array<[number, number]> = [];
    let t = rng.next() * 200;
    for (let w = 0; w < k; w++) {
      const open = t;
      const close = open + 40 + rng.next() * 200;
      out.push([open, close]);
      t = close + 20 + rng.next() * 200;
    }
    return out;
  };
  const skills = (): string[] => (rng.next() < 0.15 ? ['fridge'] : rng.next() < 0.05 ? ['crane'] : []);
  for (let k = 0; k < requests; k++) {
    pts.push([rng.next() * 100, rng.next() * 100]);
    const demand = [1 + rng.int(6), rng.int(3)];
    if (rng.next() < 0.4) {
      pts.push([rng.next() * 100, rng.next() * 100]);
      stops.push(
        { location: pts.length - 2, demand, serviceS: rng.int(10), timeWindows: windows(), skills: skills() },
        { location: pts.length - 1, serviceS: rng.int(10), timeWindows: rng.next() < 0.5 ? undefined : windows() },
      );
      pairs.push({ pickup: stops.length - 2, delivery: stops.length - 1 });
    } else {
      stops.push({ location: pts.length - 1, demand, serviceS: rng.int(10), timeWindows: rng.next() < 0.3 ? undefined : windows(), skills: skills() });
    }
  }
  const types = 2 + rng.int(2);
  const vehicles: ProblemInput['vehicles'] = [];
  for (let t = 0; t < types; t++) {
    vehicles.push({
      id: `type${t}`,
      startLocation: t % 3,
      endLocation: rng.next() < 0.3 ? (t + 1) % 3 : undefined,
      capacity: [8 + rng.int(15), 3 + rng.int(5)],
      shiftS: [rng.int(100), horizon - rng.int(200)],
      maxDistanceM: rng.next() < 0.5 ? 300 + rng.next() * 300 : undefined,
      fixedCost: rng.int(3) * 100,
      costPerM: 0.5 + rng.next(),
      skills: t === 0 ? ['fridge'] : [],
      count: rng.next() < 0.5 ? 'unlimited' : 1 + rng.int(4),
    });
  }
  return planar(pts, { dimensions: ['kg', 'm3'], stops, pairs, vehicles });
}
