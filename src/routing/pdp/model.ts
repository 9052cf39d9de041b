import type { Problem } from '../problem.js';
import { placeBreak } from './breaks.js';
import { startAt, TOL } from './windows.js';

/** Why a request was left out: no vehicle type can serve it even on a route of its own. */
export type PdpUnassignedReason = 'skill' | 'capacity' | 'time-window' | 'max-duration' | 'break' | 'no-vehicle';

/**
 * The rich routing problem in flat typed arrays for the search.
 * Nodes: 1..n = stops (stop index + 1); for vehicle type t, node n+1+2t is its
 * start depot and n+2+2t its end depot (node 0 is unused).
 * Request k is a pickup-delivery pair (pickup `pick[k]`, delivery `del[k]`)
 * or a single stop (`pick[k]` = the stop, `del[k]` = −1): a stop outside any
 * pair is a delivery loaded at the start depot, as the checker counts it.
 * Loads per dimension: +demand at a pickup, −demand at its delivery, −demand
 * at a single delivery (whose demand is on board from the start: `initLoad`).
 */
export interface PdpModel {
  /** Number of nodes (n + 1 + 2·types). */
  N: number;
  /** Number of requests (pairs, then single stops). */
  R: number;
  D: number;
  /** Number of vehicle types. */
  T: number;
  /** Arc cost per vehicle type (costPerM · distance + costPerS · travel time), row-major N × N; shared between types with equal rates. */
  costs: Float64Array[];
  /** Arc cost of type 0, used as the scale of relatedness. */
  cost: Float64Array;
  /** Distance, row-major N × N. */
  dist: Float64Array;
  /** Travel time, row-major N × N. */
  time: Float64Array;
  /** Opening of the first window and closing of the last one, per node. */
  early: Float64Array;
  late: Float64Array;
  /** Windows of node x: wOpen/wClose[wOff[x] .. wOff[x+1]−1], sorted and disjoint. */
  wOff: Int32Array;
  wOpen: Float64Array;
  wClose: Float64Array;
  service: Float64Array;
  /** Load change at each node, N × D. */
  load: Float64Array;
  /** Load on board at the start due to a node (single deliveries), N × D. */
  initLoad: Float64Array;
  /** Capacity per type, T × D. */
  capacity: Float64Array;
  startNode: Int32Array;
  endNode: Int32Array;
  fixed: Float64Array;
  /** Maximum route distance per type (Infinity: none). */
  maxDist: Float64Array;
  /** Vehicles per type (Infinity for a free fleet). */
  count: Float64Array;
  pick: Int32Array;
  del: Int32Array;
  /** Request of a node, −1 for the depots. */
  reqOf: Int32Array;
  /** 1 when request k may ride vehicle type t (skills, capacity, alone feasible), R × T. */
  allowed: Uint8Array;
  /** Break per vehicle type: duration (−1: no break) and the window its start must lie in. */
  brkDur: Float64Array;
  brkOpen: Float64Array;
  brkClose: Float64Array;
  /** 1 when request k may be left out (an optional single stop, or a pair of two optional stops). */
  optional: Uint8Array;
  /** Cost of leaving an optional request out (sum of its stops' penalties); 0 for mandatory ones. */
  penalty: Float64Array;
  /** Maximum number of routes in all (Infinity for a free fleet). */
  fleet: number;
  /** Largest fixed cost of a type. */
  maxFixed: number;
  /** Requests that no vehicle type can serve, with the reason; never inserted. */
  excluded: Map<number, PdpUnassignedReason>;
  /** Largest arc cost and window end: scales for relatedness. */
  maxCost: number;
  maxTime: number;
  maxLoad: number;
}

/**
 * Builds the search model of a rich problem: pairs and single stops, several
 * vehicle types (own depots, capacities, shift, distance limit, skills, costs),
 * several windows per stop. A per-second cost is put on the arcs' travel time
 * (waiting is not costed by the search; the checker costs the plan exactly).
 * A maximum duration is kept conservatively: the route must end by shift
 * start + maximum duration.
 */
export function buildPdpModel(problem: Problem): PdpModel {
  const nStops = problem.stops.length;
  const T = problem.vehicles.length;
  const N = nStops + 1 + 2 * T;
  const D = problem.dimensions.length;
  const L = problem.numLocations;
  const paired = new Uint8Array(nStops);
  for (const p of problem.pairs) paired[p.pickup] = paired[p.delivery] = 1;
  const singles: number[] = [];
  for (let i = 0; i < nStops; i++) if (!paired[i]) singles.push(i);
  const R = problem.pairs.length + singles.length;
  const startNode = new Int32Array(T);
  const endNode = new Int32Array(T);
  const locOf = new Int32Array(N);
  problem.stops.forEach((s, i) => { locOf[i + 1] = s.location; });
  problem.vehicles.forEach((v, t) => {
    startNode[t] = nStops + 1 + 2 * t;
    endNode[t] = nStops + 2 + 2 * t;
    locOf[startNode[t]] = v.startLocation;
    locOf[endNode[t]] = v.endLocation;
  });
  const dist = new Float64Array(N * N);
  const time = new Float64Array(N * N);
  for (let a = 1; a < N; a++) {
    const la = locOf[a] * L;
    for (let b = 1; b < N; b++) {
      dist[a * N + b] = problem.distanceM[la + locOf[b]];
      time[a * N + b] = problem.durationS[la + locOf[b]];
    }
  }
  const costs: Float64Array[] = [];
  const byRate = new Map<string, Float64Array>();
  let maxCost = 0;
  problem.vehicles.forEach((v) => {
    const key = `${v.costPerM}/${v.costPerS}`;
    let c = byRate.get(key);
    if (!c) {
      c = new Float64Array(N * N);
      for (let x = 0; x < N * N; x++) c[x] = v.costPerM * dist[x] + v.costPerS * time[x];
      byRate.set(key, c);
    }
    costs.push(c);
  });
  for (let x = 0; x < N * N; x++) if (costs[0][x] > maxCost) maxCost = costs[0][x];
  const early = new Float64Array(N);
  const late = new Float64Array(N);
  const service = new Float64Array(N);
  const wOff = new Int32Array(N + 1);
  const opens: number[] = [];
  const closes: number[] = [];
  let maxTime = 0;
  for (let x = 0; x < N; x++) {
    wOff[x] = opens.length;
    if (x >= 1 && x <= nStops) {
      const s = problem.stops[x - 1];
      for (const [o, c] of s.timeWindows) { opens.push(o); closes.push(c); if (Number.isFinite(c)) maxTime = Math.max(maxTime, c); }
      service[x] = s.serviceS;
    } else if (x > nStops) {
      const v = problem.vehicles[(x - nStops - 1) >> 1];
      const isEnd = (x - nStops - 1) % 2 === 1;
      opens.push(v.shiftS[0]);
      closes.push(isEnd ? Math.min(v.shiftS[1], v.shiftS[0] + v.maxDurationS) : v.shiftS[1]);
    } else {
      opens.push(0);
      closes.push(Infinity);
    }
    early[x] = opens[wOff[x]];
    late[x] = closes[closes.length - 1];
  }
  wOff[N] = opens.length;
  const load = new Float64Array(N * D);
  const initLoad = new Float64Array(N * D);
  const capacity = new Float64Array(T * D);
  problem.vehicles.forEach((v, t) => { for (let d = 0; d < D; d++) capacity[t * D + d] = v.capacity[d]; });
  const pick = new Int32Array(R);
  const del = new Int32Array(R).fill(-1);
  const reqOf = new Int32Array(N).fill(-1);
  let maxLoad = 0;
  problem.pairs.forEach((p, k) => {
    pick[k] = p.pickup + 1;
    del[k] = p.delivery + 1;
    reqOf[p.pickup + 1] = reqOf[p.delivery + 1] = k;
    for (let d = 0; d < D; d++) {
      const q = problem.stops[p.pickup].demand[d];
      load[(p.pickup + 1) * D + d] = q;
      load[(p.delivery + 1) * D + d] = -q;
      maxLoad = Math.max(maxLoad, q);
    }
  });
  singles.forEach((s, x) => {
    const k = problem.pairs.length + x;
    pick[k] = s + 1;
    reqOf[s + 1] = k;
    for (let d = 0; d < D; d++) {
      const q = problem.stops[s].demand[d];
      load[(s + 1) * D + d] = -q;
      initLoad[(s + 1) * D + d] = q;
      maxLoad = Math.max(maxLoad, q);
    }
  });
  const count = Float64Array.from(problem.vehicles, (v) => v.count);
  const model: PdpModel = {
    N, R, D, T, costs, cost: costs[0], dist, time, early, late, wOff, wOpen: Float64Array.from(opens), wClose: Float64Array.from(closes),
    service, load, initLoad, capacity, startNode, endNode,
    fixed: Float64Array.from(problem.vehicles, (v) => v.fixedCost),
    maxDist: Float64Array.from(problem.vehicles, (v) => v.maxDistanceM),
    count, pick, del, reqOf, allowed: new Uint8Array(R * T),
    brkDur: Float64Array.from(problem.vehicles, (v) => (v.break ? v.break.durationS : -1)),
    brkOpen: Float64Array.from(problem.vehicles, (v) => (v.break ? v.break.window[0] : 0)),
    brkClose: Float64Array.from(problem.vehicles, (v) => (v.break ? v.break.window[1] : Infinity)),
    optional: new Uint8Array(R), penalty: new Float64Array(R),
    fleet: count.reduce((s, c) => s + c, 0),
    maxFixed: problem.vehicles.reduce((s, v) => Math.max(s, v.fixedCost), 0),
    excluded: new Map(), maxCost: maxCost || 1, maxTime: maxTime || 1, maxLoad: maxLoad || 1,
  };
  for (let k = 0; k < R; k++) {
    const a = problem.stops[pick[k] - 1];
    const b = del[k] >= 0 ? problem.stops[del[k] - 1] : a;
    if (a.optional && b.optional) {
      model.optional[k] = 1;
      model.penalty[k] = a.unassignedPenalty + (b === a ? 0 : b.unassignedPenalty);
    }
  }
  // Reason priority: the first rule that every type breaks.
  const RANK: PdpUnassignedReason[] = ['no-vehicle', 'skill', 'capacity', 'time-window', 'max-duration', 'break'];
  for (let k = 0; k < R; k++) {
    let bestRank = -1;
    for (let t = 0; t < T; t++) {
      const reason = aloneReason(model, problem, k, t);
      if (reason === null) { model.allowed[k * T + t] = 1; bestRank = RANK.length; } else bestRank = Math.max(bestRank, RANK.indexOf(reason));
    }
    if (bestRank < RANK.length) model.excluded.set(k, RANK[Math.max(0, bestRank)]);
  }
  return model;
}

/** Why request k cannot be served by a vehicle of type t on a route of its own (null when it can). */
function aloneReason(m: PdpModel, problem: Problem, k: number, t: number): PdpUnassignedReason | null {
  const v = problem.vehicles[t];
  if (v.count === 0) return 'no-vehicle';
  const p = m.pick[k];
  const d = m.del[k];
  const nodes = d < 0 ? [p] : [p, d];
  for (const node of nodes) if (problem.stops[node - 1].skills.some((s) => !v.skills.includes(s))) return 'skill';
  const D = m.D;
  for (let x = 0; x < D; x++) if (Math.max(m.load[p * D + x], m.initLoad[p * D + x]) > m.capacity[t * D + x] + TOL) return 'capacity';
  const N = m.N;
  let prev = m.startNode[t];
  let at = m.early[prev];
  let km = 0;
  for (const node of [...nodes, m.endNode[t]]) {
    km += m.dist[prev * N + node];
    const arrive = at + m.service[prev] + m.time[prev * N + node];
    at = startAt(m, node, arrive);
    if (at === Infinity) {
      if (node !== m.endNode[t] || arrive > v.shiftS[1] + TOL) return 'time-window';
      return 'max-duration';
    }
    prev = node;
  }
  if (km > m.maxDist[t] + TOL) return 'max-duration';
  if (m.brkDur[t] >= 0 && placeBreak(m, t, [m.startNode[t], ...nodes, m.endNode[t]], nodes.length) < -1) return 'break';
  return null;
}
