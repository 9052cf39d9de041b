import type { PdpModel } from './model.js';
import type { Route } from './solution.js';
import { latestAt, startAt, TOL } from './windows.js';

let fwd = new Float64Array(64);
let bwd = new Float64Array(64);
let seq = new Int32Array(64);

/** Start of the break found by the last `placeBreak` that returned a position ≥ 0. */
export const breakStart = [NaN];

/**
 * Where the break of vehicle type `t` fits on the route `nodes[0..m+1]`
 * (start depot, m stops, end depot): −1 when none is needed (the route is back
 * at its end depot by the window start, or has no stop), k in 0..m when it can
 * be taken right after position k (0: at the start depot), −2 when it fits
 * nowhere. A full route pass, O(m): the earliest starts without the break
 * (forward) and the latest starts that keep the rest feasible without it
 * (backward, exact with several windows); the break after k starts at
 * max(end of service at k, window start) ≤ window end and the next stop must
 * then be reached by its latest start. The first fitting k is returned (the
 * break start only grows with k, so the scan stops at the window end).
 */
export function placeBreak(model: PdpModel, t: number, nodes: ArrayLike<number>, m: number): number {
  if (m === 0) return -1;
  const len = m + 2;
  if (fwd.length < len) { fwd = new Float64Array(2 * len); bwd = new Float64Array(2 * len); }
  const { time, service, N } = model;
  let at = model.early[nodes[0]];
  fwd[0] = at;
  for (let k = 1; k < len; k++) {
    const a = nodes[k - 1];
    const b = nodes[k];
    at = startAt(model, b, at + service[a] + time[a * N + b]);
    if (at === Infinity) return -2;
    fwd[k] = at;
  }
  const open = model.brkOpen[t];
  const close = model.brkClose[t];
  const dur = model.brkDur[t];
  if (fwd[m + 1] <= open + TOL) return -1;
  let lt = model.late[nodes[m + 1]];
  bwd[m + 1] = lt;
  for (let k = m; k >= 0; k--) {
    const a = nodes[k];
    lt = latestAt(model, a, lt - time[a * N + nodes[k + 1]] - service[a]);
    bwd[k] = lt;
  }
  for (let k = 0; k <= m; k++) {
    const a = nodes[k];
    const b = Math.max(fwd[k] + service[a], open);
    if (b > close + TOL) break;
    if (b + dur + time[a * N + nodes[k + 1]] <= bwd[k + 1] + TOL) {
      breakStart[0] = b;
      return k;
    }
  }
  return -2;
}

/**
 * True when the route of a vehicle type with a break stays feasible with its
 * break after inserting request k's pickup (or single stop) after position i
 * and its delivery after position j: builds the new sequence and runs
 * `placeBreak` on it (the insertion's slack checks ignore the break, so they
 * are necessary conditions only; this full pass makes the answer exact).
 */
export function breakFitsInsertion(model: PdpModel, route: Route, k: number, i: number, j: number): boolean {
  const p = model.pick[k];
  const d = model.del[k];
  const m = route.m;
  const nodes = route.nodes;
  const add = d < 0 ? 1 : 2;
  if (seq.length < m + 2 + add) seq = new Int32Array(2 * (m + 2 + add));
  let w = 0;
  for (let x = 0; x <= i; x++) seq[w++] = nodes[x];
  seq[w++] = p;
  if (d >= 0) {
    for (let x = i + 1; x <= j; x++) seq[w++] = nodes[x];
    seq[w++] = d;
    for (let x = j + 1; x <= m + 1; x++) seq[w++] = nodes[x];
  } else for (let x = i + 1; x <= m + 1; x++) seq[w++] = nodes[x];
  return placeBreak(model, route.veh, seq, m + add) >= -1;
}
