import type { PdpModel } from './model.js';
import type { Route } from './solution.js';
import { breakFitsInsertion } from './breaks.js';
import { startAt, TOL } from './windows.js';

/** Best position found by `bestInsertion`: cost increase and positions (pickup after i, delivery after j). */
export interface InsertionMove {
  cost: number;
  i: number;
  j: number;
}

/**
 * Cheapest feasible insertion of request k into `route` (cost increase of the
 * arcs of the route's vehicle type; Infinity when there is none or the type
 * may not serve k). A single stop is tried after every position; for a pair,
 * for every pickup position the new start times are pushed forward along the
 * route and checked against each stop's backward slack `latest`, so one route
 * costs O(m²) in the worst case and far less when windows or capacity cut the
 * scan (Savelsbergh 1992 style checks). Several windows per stop keep the
 * checks exact (see windows.ts); a distance limit is checked on the
 * distance change of each candidate. For a vehicle type with a break the
 * slack checks (which ignore the break) are necessary conditions only: each
 * candidate that would become the best is confirmed by a full route pass with
 * the break (breaks.ts), O(m) more per improving candidate.
 */
export function bestInsertion(model: PdpModel, route: Route, k: number, out: InsertionMove): number {
  out.cost = Infinity;
  out.i = -1;
  out.j = -1;
  const t = route.veh;
  if (!model.allowed[k * model.T + t]) return Infinity;
  const { N, D, time, late, service, load } = model;
  const cost = model.costs[t];
  const p = model.pick[k];
  const d = model.del[k];
  const nodes = route.nodes;
  const start = route.start;
  const latest = route.latest;
  const rl = route.load;
  const m = route.m;
  const capOff = t * D;
  const cap = model.capacity;
  const distRoom = model.maxDist[t] - route.dist;
  const limited = distRoom < Infinity;
  const dist = model.dist;
  const lateP = late[p];
  const sP = service[p];
  const brk = model.brkDur[t] >= 0;
  let best = Infinity;
  let bi = -1;
  let bj = -1;
  if (d < 0) {
    const pk = route.peak;
    const init = model.initLoad;
    for (let i = 0; i <= m; i++) {
      const si = start[i];
      if (si > lateP + TOL) break;
      let fits = true;
      for (let x = 0; x < D; x++) if (pk[i * D + x] + init[p * D + x] > cap[capOff + x] + TOL) { fits = false; break; }
      if (!fits) break; // peaks only grow along the route
      const a = nodes[i];
      const next = nodes[i + 1];
      const c = cost[a * N + p] + cost[p * N + next] - cost[a * N + next];
      if (c >= best) continue;
      const tp = startAt(model, p, si + service[a] + time[a * N + p]);
      if (tp === Infinity || tp + sP + time[p * N + next] > latest[i + 1] + TOL) continue;
      if (limited && dist[a * N + p] + dist[p * N + next] - dist[a * N + next] > distRoom + TOL) continue;
      if (brk && !breakFitsInsertion(model, route, k, i, i)) continue;
      best = c; bi = i; bj = i;
    }
    out.cost = best;
    out.i = bi;
    out.j = bj;
    return best;
  }
  const lateD = late[d];
  const sD = service[d];
  const tPD = time[p * N + d];
  const cPD = cost[p * N + d];
  for (let i = 0; i <= m; i++) {
    const si = start[i];
    if (si > lateP + TOL) break;
    // capacity after the pickup
    let fits = true;
    for (let x = 0; x < D; x++) if (rl[i * D + x] + load[p * D + x] > cap[capOff + x] + TOL) { fits = false; break; }
    if (!fits) continue;
    const a = nodes[i];
    const tp = startAt(model, p, si + service[a] + time[a * N + p]);
    if (tp === Infinity) continue;
    const cAP = cost[a * N + p];
    const next = nodes[i + 1];
    // delivery right after the pickup
    const td = startAt(model, d, tp + sP + tPD);
    if (td !== Infinity && td + sD + time[d * N + next] <= latest[i + 1] + TOL) {
      const c = cAP + cPD + cost[d * N + next] - cost[a * N + next];
      if (c < best && (!limited || dist[a * N + p] + dist[p * N + d] + dist[d * N + next] - dist[a * N + next] <= distRoom + TOL) &&
        (!brk || breakFitsInsertion(model, route, k, i, i))) {
        best = c; bi = i; bj = i;
      }
    }
    // delivery after a later position: push the schedule through i+1..j
    const deltaP = cAP + cost[p * N + next] - cost[a * N + next];
    if (deltaP >= best) continue;
    const distP = limited ? dist[a * N + p] + dist[p * N + next] - dist[a * N + next] : 0;
    if (distP > distRoom + TOL) continue;
    let prev = p;
    let prevStart = tp;
    for (let j = i + 1; j <= m; j++) {
      const b = nodes[j];
      let tb = prevStart + service[prev] + time[prev * N + b];
      if (tb > latest[j] + TOL) break;
      tb = startAt(model, b, tb);
      let ok = true;
      for (let x = 0; x < D; x++) if (rl[j * D + x] + load[p * D + x] > cap[capOff + x] + TOL) { ok = false; break; }
      if (!ok) break;
      if (tb > lateD + TOL) break;
      const nb = nodes[j + 1];
      const tdj = startAt(model, d, tb + service[b] + time[b * N + d]);
      if (tdj !== Infinity && tdj + sD + time[d * N + nb] <= latest[j + 1] + TOL) {
        const c = deltaP + cost[b * N + d] + cost[d * N + nb] - cost[b * N + nb];
        if (c < best && (!limited || distP + dist[b * N + d] + dist[d * N + nb] - dist[b * N + nb] <= distRoom + TOL) &&
          (!brk || breakFitsInsertion(model, route, k, i, j))) {
          best = c; bi = i; bj = j;
        }
      }
      prev = b;
      prevStart = tb;
    }
  }
  out.cost = best;
  out.i = bi;
  out.j = bj;
  return best;
}
