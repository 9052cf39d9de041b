import { InputError } from '../../shared/errors.js';
import type { Problem } from '../problem.js';

/** Why a request was left out: it cannot be served even by a vehicle of its own. */
export type PdpUnassignedReason = 'skill' | 'capacity' | 'time-window' | 'max-duration' | 'no-vehicle';

/**
 * The pickup-and-delivery problem in flat typed arrays for the search.
 * Nodes: 0 = start depot, 1..n = stops (stop index + 1), n + 1 = end depot.
 * Request k = pair k of the problem: pickup node `pick[k]`, delivery `del[k]`.
 * Loads are per dimension: +demand at the pickup, −demand at the delivery.
 */
export interface PdpModel {
  /** Number of nodes (stops + 2). */
  N: number;
  /** Number of requests (pairs). */
  R: number;
  D: number;
  /** Arc cost (costPerM · distance), row-major N × N. */
  cost: Float64Array;
  /** Travel time, row-major N × N. */
  time: Float64Array;
  early: Float64Array;
  late: Float64Array;
  service: Float64Array;
  /** Load change at each node, N × D. */
  load: Float64Array;
  capacity: Float64Array;
  pick: Int32Array;
  del: Int32Array;
  /** Request of a node, −1 for the depots. */
  reqOf: Int32Array;
  fixedCost: number;
  /** Maximum number of routes (Infinity for a free fleet). */
  fleet: number;
  /** Requests that no vehicle can serve, with the reason; never inserted. */
  excluded: Map<number, PdpUnassignedReason>;
  /** Largest arc cost and window end: scales for relatedness. */
  maxCost: number;
  maxTime: number;
  maxLoad: number;
}

const EPS = 1e-9;

function unsupported(field: string, what: string): never {
  throw new InputError(`${field}: ${what} is not handled by the pickup-and-delivery search yet`, field);
}

/**
 * Builds the search model of a problem with pickup-and-delivery pairs. Every
 * stop must belong to a pair; one vehicle type (identical types merged), one
 * window per stop, no distance limit. A per-second cost is put on the arcs'
 * travel time (waiting is not costed by the search; the checker costs the
 * plan exactly). A maximum duration is kept conservatively: the route must
 * end by shift start + maximum duration.
 */
export function buildPdpModel(problem: Problem): PdpModel {
  const v0 = problem.vehicles[0];
  const same = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
  problem.vehicles.forEach((v, i) => {
    if (v.startLocation !== v0.startLocation || v.endLocation !== v0.endLocation || !same(v.capacity, v0.capacity) ||
      !same(v.shiftS, v0.shiftS) || v.fixedCost !== v0.fixedCost || v.costPerM !== v0.costPerM || !same(v.skills, v0.skills)) {
      unsupported(`vehicles[${i}]`, 'a second vehicle type');
    }
    if (v.maxDistanceM < Infinity) unsupported(`vehicles[${i}].maxDistanceM`, 'a maximum distance');
    if (v.maxDurationS !== v0.maxDurationS || v.costPerS !== v0.costPerS) unsupported(`vehicles[${i}]`, 'a second vehicle type');
  });
  const nStops = problem.stops.length;
  const paired = new Uint8Array(nStops);
  for (const p of problem.pairs) paired[p.pickup] = paired[p.delivery] = 1;
  problem.stops.forEach((s, i) => {
    if (!paired[i]) unsupported(`stops[${i}]`, 'a stop outside a pickup-delivery pair (mixed with pairs)');
    if (s.timeWindows.length > 1) unsupported(`stops[${i}].timeWindows`, 'several windows per stop');
  });
  const fleet = problem.vehicles.reduce((s, v) => s + v.count, 0);
  const N = nStops + 2;
  const R = problem.pairs.length;
  const D = problem.dimensions.length;
  const L = problem.numLocations;
  const loc = (node: number): number => (node === 0 ? v0.startLocation : node === N - 1 ? v0.endLocation : problem.stops[node - 1].location);
  const cost = new Float64Array(N * N);
  const time = new Float64Array(N * N);
  let maxCost = 0;
  for (let a = 0; a < N; a++) {
    const la = loc(a);
    for (let b = 0; b < N; b++) {
      const lb = loc(b);
      cost[a * N + b] = v0.costPerM * problem.distanceM[la * L + lb] + v0.costPerS * problem.durationS[la * L + lb];
      time[a * N + b] = problem.durationS[la * L + lb];
      if (cost[a * N + b] > maxCost) maxCost = cost[a * N + b];
    }
  }
  const early = new Float64Array(N);
  const late = new Float64Array(N);
  const service = new Float64Array(N);
  early[0] = early[N - 1] = v0.shiftS[0];
  late[0] = late[N - 1] = Math.min(v0.shiftS[1], v0.shiftS[0] + v0.maxDurationS);
  let maxTime = 0;
  for (let i = 0; i < nStops; i++) {
    const s = problem.stops[i];
    early[i + 1] = s.timeWindows[0][0];
    late[i + 1] = s.timeWindows[0][1];
    service[i + 1] = s.serviceS;
    if (Number.isFinite(late[i + 1])) maxTime = Math.max(maxTime, late[i + 1]);
  }
  const load = new Float64Array(N * D);
  const capacity = Float64Array.from(v0.capacity);
  const pick = new Int32Array(R);
  const del = new Int32Array(R);
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
  const model: PdpModel = {
    N, R, D, cost, time, early, late, service, load, capacity, pick, del, reqOf, fixedCost: v0.fixedCost, fleet,
    excluded: new Map(), maxCost: maxCost || 1, maxTime: maxTime || 1, maxLoad: maxLoad || 1,
  };
  for (let k = 0; k < R; k++) {
    const reason = aloneReason(model, problem, k, v0.skills);
    if (reason) model.excluded.set(k, reason);
  }
  return model;
}

/** Why request k cannot be served by a vehicle of its own (null when it can). */
function aloneReason(m: PdpModel, problem: Problem, k: number, skills: readonly string[]): PdpUnassignedReason | null {
  if (m.fleet === 0) return 'no-vehicle';
  const p = m.pick[k];
  const d = m.del[k];
  for (const node of [p, d]) if (problem.stops[node - 1].skills.some((s) => !skills.includes(s))) return 'skill';
  for (let x = 0; x < m.D; x++) if (m.load[p * m.D + x] > m.capacity[x] + EPS) return 'capacity';
  const N = m.N;
  const tp = Math.max(m.early[p], m.early[0] + m.time[p]);
  if (tp > m.late[p] + EPS) return 'time-window';
  const td = Math.max(m.early[d], tp + m.service[p] + m.time[p * N + d]);
  if (td > m.late[d] + EPS) return 'time-window';
  const end = td + m.service[d] + m.time[d * N + N - 1];
  if (end > m.late[N - 1] + EPS) return end > problem.vehicles[0].shiftS[1] + EPS ? 'time-window' : 'max-duration';
  return null;
}
