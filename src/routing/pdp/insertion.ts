import type { PdpModel } from './model.js';
import type { Route } from './solution.js';

const TOL = 1e-9;

/** Best position found by `bestInsertion`: cost increase and positions (pickup after i, delivery after j). */
export interface InsertionMove {
  cost: number;
  i: number;
  j: number;
}

/**
 * Cheapest feasible insertion of request k into `route` (cost increase of the
 * arcs; Infinity when there is none). For every pickup position the new start
 * times are pushed forward along the route and checked against each stop's
 * backward slack `latest`, so one route costs O(m²) in the worst case and far
 * less when windows or capacity cut the scan (Savelsbergh 1992 style checks).
 */
export function bestInsertion(model: PdpModel, route: Route, k: number, out: InsertionMove): number {
  const { N, D, cost, time, early, late, service, load, capacity } = model;
  const p = model.pick[k];
  const d = model.del[k];
  const nodes = route.nodes;
  const start = route.start;
  const latest = route.latest;
  const rl = route.load;
  const m = route.m;
  const lateP = late[p];
  const lateD = late[d];
  const earlyP = early[p];
  const earlyD = early[d];
  const sP = service[p];
  const sD = service[d];
  const tPD = time[p * N + d];
  const cPD = cost[p * N + d];
  let best = Infinity;
  let bi = -1;
  let bj = -1;
  for (let i = 0; i <= m; i++) {
    const si = start[i];
    if (si > lateP + TOL) break;
    // capacity after the pickup
    let fits = true;
    for (let x = 0; x < D; x++) if (rl[i * D + x] + load[p * D + x] > capacity[x] + TOL) { fits = false; break; }
    if (!fits) continue;
    const a = nodes[i];
    let tp = si + service[a] + time[a * N + p];
    if (tp > lateP + TOL) continue;
    if (tp < earlyP) tp = earlyP;
    const cAP = cost[a * N + p];
    const next = nodes[i + 1];
    // delivery right after the pickup
    let td = tp + sP + tPD;
    if (td < earlyD) td = earlyD;
    if (td <= lateD + TOL && td + sD + time[d * N + next] <= latest[i + 1] + TOL) {
      const c = cAP + cPD + cost[d * N + next] - cost[a * N + next];
      if (c < best) { best = c; bi = i; bj = i; }
    }
    // delivery after a later position: push the schedule through i+1..j
    const deltaP = cAP + cost[p * N + next] - cost[a * N + next];
    if (deltaP >= best) continue;
    let prev = p;
    let prevStart = tp;
    for (let j = i + 1; j <= m; j++) {
      const b = nodes[j];
      let tb = prevStart + service[prev] + time[prev * N + b];
      if (tb > latest[j] + TOL) break;
      if (tb < early[b]) tb = early[b];
      let ok = true;
      for (let x = 0; x < D; x++) if (rl[j * D + x] + load[p * D + x] > capacity[x] + TOL) { ok = false; break; }
      if (!ok) break;
      if (tb > lateD + TOL) break;
      const nb = nodes[j + 1];
      let tdj = tb + service[b] + time[b * N + d];
      if (tdj < earlyD) tdj = earlyD;
      if (tdj <= lateD + TOL && tdj + sD + time[d * N + nb] <= latest[j + 1] + TOL) {
        const c = deltaP + cost[b * N + d] + cost[d * N + nb] - cost[b * N + nb];
        if (c < best) { best = c; bi = i; bj = j; }
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
