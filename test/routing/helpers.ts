import { createRng, type Rng } from '../../src/shared/random.js';
import { buildSearchData, type SearchData } from '../../src/routing/search/data.js';
import { Seg } from '../../src/routing/search/time-segment.js';
import type { ProblemInput } from '../../src/routing/problem.js';

/** A random search instance: n customers in a 100×100 square, depot in the middle. */
export function randomSearchData(
  seed: number,
  n: number,
  opts: { dims?: number; duration?: boolean; windows?: boolean; fixedCost?: number; asymmetric?: boolean; maxRoutes?: number; fleetLimit?: number; durationCost?: number } = {},
): SearchData {
  const rng = createRng(seed);
  const D = opts.dims ?? 1;
  const N1 = n + 1;
  const xy = new Float64Array(2 * N1);
  xy[0] = 50;
  xy[1] = 50;
  for (let i = 1; i <= n; i++) {
    xy[2 * i] = rng.next() * 100;
    xy[2 * i + 1] = rng.next() * 100;
  }
  const cost = new Float64Array(N1 * N1);
  const time = opts.duration ? new Float64Array(N1 * N1) : null;
  for (let a = 0; a < N1; a++) {
    for (let b = 0; b < N1; b++) {
      if (a === b) continue;
      const d = Math.round(Math.hypot(xy[2 * a] - xy[2 * b], xy[2 * a + 1] - xy[2 * b + 1]));
      cost[a * N1 + b] = opts.asymmetric ? d + (a < b ? 3 : 0) : d;
      if (time) time[a * N1 + b] = opts.asymmetric ? d * 1.5 + (a > b ? 2 : 0) : d * 1.5;
    }
  }
  const service = new Float64Array(N1);
  const demand = new Float64Array(N1 * D);
  for (let i = 1; i <= n; i++) {
    if (time) service[i] = 5 + rng.int(10);
    for (let d = 0; d < D; d++) demand[i * D + d] = 1 + rng.int(9);
  }
  const capacity = new Float64Array(D).fill(25);
  const early = new Float64Array(N1);
  const late = new Float64Array(N1).fill(Infinity);
  if (opts.windows) {
    late[0] = 600;
    for (let i = 1; i <= n; i++) {
      early[i] = rng.int(400);
      late[i] = early[i] + 30 + rng.int(120);
    }
  }
  return buildSearchData({
    n, dims: D, cost, time, service, demand, capacity, early, late,
    maxDuration: time ? 300 : Infinity,
    maxRoutes: opts.maxRoutes ?? Math.ceil(n / 4),
    fleetLimit: opts.fleetLimit ?? Infinity,
    fixedCost: opts.fixedCost ?? 0, durationCost: opts.durationCost, xy, granular: 8,
  });
}

/** Random routes over all customers, spread over at most R routes (some may stay empty). */
export function randomRoutes(rng: Rng, n: number, R: number): number[][] {
  const routes: number[][] = Array.from({ length: R }, () => []);
  for (let i = 1; i <= n; i++) routes[rng.int(Math.max(1, R - 1))].push(i);
  for (const r of routes) {
    for (let i = r.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [r[i], r[j]] = [r[j], r[i]];
    }
  }
  return routes;
}

/** Penalised cost of routes computed from scratch (independent of RouteState). */
export function penalisedCost(data: SearchData, routes: number[][], pL: number, pT: number, pF = 0): number {
  const N1 = data.n + 1;
  const D = data.dims;
  const used = routes.filter((r) => r.length > 0).length;
  let total = pF * Math.max(0, used - data.fleetLimit);
  for (const r of routes) {
    if (r.length === 0) continue;
    let prev = 0;
    let c = data.fixedCost;
    const seg = new Seg().set(0, 0, data.early[0], data.late[0]);
    const load = new Array(D).fill(0);
    for (const x of r) {
      c += data.cost[prev * N1 + x];
      if (data.time) seg.append(data.time[prev * N1 + x], data.service[x], 0, data.early[x], data.late[x]);
      for (let d = 0; d < D; d++) load[d] += data.demand[x * D + d];
      prev = x;
    }
    c += data.cost[prev * N1];
    if (data.time) seg.append(data.time[prev * N1], 0, 0, data.early[0], data.late[0]);
    for (let d = 0; d < D; d++) c += pL * Math.max(0, load[d] - data.capacity[d]);
    if (data.time) c += pT * seg.excess(data.maxDuration) + data.durationCost * seg.dur;
    total += c;
  }
  return total;
}

/**
 * n stops in a 100 × 100 square (depot at the centre, distance = time) with service 10 and a random window
 * opening in [0, 800) and lasting `width` plus up to `extraWidth` − 1; unlimited fleet of capacity 50, shift
 * [0, 1200], with `fixedCost` per vehicle when given.
 */
export function randomTwInput(seed: number, n: number, opts: { width: number; extraWidth: number; fixedCost?: number }): ProblemInput {
  const rng = createRng(seed);
  const pts: Array<[number, number]> = [[50, 50]];
  for (let i = 0; i < n; i++) pts.push([rng.next() * 100, rng.next() * 100]);
  const dist = pts.map((a) => pts.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1])));
  return {
    coordinates: pts,
    distanceM: dist,
    stops: Array.from({ length: n }, (_, i) => {
      const open = rng.int(800);
      return { location: i + 1, demand: [1 + rng.int(9)], serviceS: 10, timeWindows: [[open, open + opts.width + rng.int(opts.extraWidth)]] as Array<[number, number]> };
    }),
    vehicles: [{ startLocation: 0, capacity: [50], count: 'unlimited', shiftS: [0, 1200], ...(opts.fixedCost === undefined ? {} : { fixedCost: opts.fixedCost }) }],
  };
}
