/**
 * The flat, read-only view of a problem that the search works on: node 0 is
 * the depot, nodes 1..n the stops the search routes. One vehicle type
 * (homogeneous fleet, one depot). Everything is a typed array.
 */
export interface SearchData {
  /** Number of customers (nodes 1..n). */
  readonly n: number;
  /** Number of demand dimensions. */
  readonly dims: number;
  /** Arc cost, (n+1)×(n+1) row-major: costPerM·distance + costPerS·travel time. */
  readonly cost: Float64Array;
  /** Arc duration of the limited resource (n+1)×(n+1), or null when routes have no duration limit. */
  readonly time: Float64Array | null;
  /** Resource used at each node (service time), 0 at the depot. */
  readonly service: Float64Array;
  /** Time window [early, late] of each node's start of service; node 0: the vehicle's shift. Only with `time`. */
  readonly early: Float64Array;
  readonly late: Float64Array;
  /** Demand, (n+1)×dims. */
  readonly demand: Float64Array;
  readonly capacity: Float64Array;
  /** Limit on a route's resource (travel + service), Infinity when none. */
  readonly maxDuration: number;
  /** Number of route slots in the search (may exceed the fleet: extra routes are penalised). */
  readonly maxRoutes: number;
  /** Number of vehicles available; Infinity for a free fleet. Routes beyond it are penalised. */
  readonly fleetLimit: number;
  /** Cost of each used route. */
  readonly fixedCost: number;
  /**
   * Cost per unit of a route's duration (travel + service + waiting, departure
   * as late as useful), added to the route's cost; needs `time`. 0 when the arc
   * costs already hold the time cost (no waiting possible) or there is none.
   */
  readonly durationCost: number;
  /** True when cost and time are symmetric. */
  readonly symmetric: boolean;
  /** Polar angle of each node around the depot in [0, 65536), or null without coordinates. */
  readonly angle: Int32Array | null;
  /** Coordinates (x then y) per node, or null. */
  readonly xy: Float64Array | null;
  /** Granular neighbourhood: neighbours of node i are nbr[nbrStart[i] .. nbrStart[i+1]). */
  readonly nbr: Int32Array;
  readonly nbrStart: Int32Array;
  /** Largest arc cost, for initial penalties. */
  readonly maxCost: number;
}

/** Raw arrays for `buildSearchData` (node 0 = depot). */
export interface SearchDataInput {
  n: number;
  dims: number;
  cost: Float64Array;
  time: Float64Array | null;
  service: Float64Array;
  /** Windows per node (node 0: shift); default none. */
  early?: Float64Array;
  late?: Float64Array;
  demand: Float64Array;
  capacity: Float64Array;
  maxDuration: number;
  maxRoutes: number;
  fleetLimit: number;
  fixedCost: number;
  /** Cost per unit of route duration (see SearchData); default 0. */
  durationCost?: number;
  xy: Float64Array | null;
  /** Neighbourhood size (granularity); default 20. */
  granular?: number;
}

/** Builds the granular neighbourhoods, polar angles and flags from the raw arrays. */
export function buildSearchData(inp: SearchDataInput): SearchData {
  const { n } = inp;
  const N1 = n + 1;
  const granular = Math.min(inp.granular ?? 20, Math.max(0, n - 1));
  // Symmetric correlation sets: v is a neighbour of u when v is among the
  // closest of u, or u among the closest of v (as in HGS-CVRP).
  const sets: Set<number>[] = Array.from({ length: N1 }, () => new Set<number>());
  // The `granular` closest of each customer by (cost, index), kept sorted in a
  // small buffer while scanning the row (the first `granular` of a full sort).
  const bestJ = new Int32Array(granular);
  const bestC = new Float64Array(granular);
  for (let i = 1; i <= n; i++) {
    let m = 0;
    const row = i * N1;
    for (let j = 1; j <= n; j++) {
      if (j === i) continue;
      const c = inp.cost[row + j];
      // j grows, so an equal cost never displaces an earlier index.
      if (m === granular && !(c < bestC[m - 1])) continue;
      let k = m < granular ? m++ : m - 1;
      while (k > 0 && bestC[k - 1] > c) {
        bestC[k] = bestC[k - 1];
        bestJ[k] = bestJ[k - 1];
        k--;
      }
      bestC[k] = c;
      bestJ[k] = j;
    }
    for (let k = 0; k < m; k++) {
      sets[i].add(bestJ[k]);
      sets[bestJ[k]].add(i);
    }
  }
  const nbrStart = new Int32Array(N1 + 1);
  let total = 0;
  for (let i = 0; i < N1; i++) {
    nbrStart[i] = total;
    total += sets[i].size;
  }
  nbrStart[N1] = total;
  const nbr = new Int32Array(total);
  for (let i = 0; i < N1; i++) {
    const sorted = [...sets[i]].sort((a, b) => a - b);
    nbr.set(sorted, nbrStart[i]);
  }
  let symmetric = true;
  let maxCost = 0;
  for (let i = 0; i < N1 && symmetric; i++) {
    for (let j = i + 1; j < N1; j++) {
      if (inp.cost[i * N1 + j] !== inp.cost[j * N1 + i]) { symmetric = false; break; }
      if (inp.time && inp.time[i * N1 + j] !== inp.time[j * N1 + i]) { symmetric = false; break; }
    }
  }
  for (let k = 0; k < inp.cost.length; k++) if (inp.cost[k] > maxCost) maxCost = inp.cost[k];
  let angle: Int32Array | null = null;
  if (inp.xy) {
    angle = new Int32Array(N1);
    const x0 = inp.xy[0];
    const y0 = inp.xy[1];
    for (let i = 1; i <= n; i++) {
      const a = Math.floor((32768 * Math.atan2(inp.xy[2 * i + 1] - y0, inp.xy[2 * i] - x0)) / Math.PI);
      angle[i] = ((a % 65536) + 65536) % 65536;
    }
  }
  return {
    n, dims: inp.dims, cost: inp.cost, time: inp.time, service: inp.service,
    early: inp.early ?? new Float64Array(N1), late: inp.late ?? new Float64Array(N1).fill(Infinity), demand: inp.demand,
    capacity: inp.capacity, maxDuration: inp.maxDuration, maxRoutes: inp.maxRoutes, fleetLimit: inp.fleetLimit,
    fixedCost: inp.fixedCost, durationCost: inp.time ? inp.durationCost ?? 0 : 0, symmetric, angle, xy: inp.xy, nbr, nbrStart, maxCost,
  };
}
