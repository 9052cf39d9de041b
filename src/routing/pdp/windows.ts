import type { PdpModel } from './model.js';

/** Tolerance of the time and load comparisons. */
export const TOL = 1e-9;

/**
 * Earliest start of service at `node` for an arrival at time `t`: `t` when it
 * falls in a window, the opening of the next window otherwise (waiting is
 * allowed), Infinity after the last window closes. Non-decreasing in `t`.
 */
export function startAt(m: PdpModel, node: number, t: number): number {
  if (t <= m.early[node]) return m.early[node];
  const a = m.wOff[node];
  const b = m.wOff[node + 1];
  if (b - a === 1) return t <= m.late[node] + TOL ? t : Infinity;
  for (let w = a; w < b; w++) if (t <= m.wClose[w] + TOL) return t > m.wOpen[w] ? t : m.wOpen[w];
  return Infinity;
}

/**
 * Latest start of service at `node` not after `t` (the last point of a window
 * ≤ t), −Infinity when every window opens after `t`. With `startAt` this keeps
 * the backward slack exact for several windows: an arrival at time a can be
 * served and continue feasibly iff a ≤ latest, because the start of service is
 * non-decreasing in the arrival time and the latest start lies in a window.
 */
export function latestAt(m: PdpModel, node: number, t: number): number {
  if (t >= m.late[node]) return m.late[node];
  const a = m.wOff[node];
  const b = m.wOff[node + 1];
  for (let w = b - 1; w >= a; w--) {
    if (t >= m.wClose[w]) return m.wClose[w];
    if (t >= m.wOpen[w] - TOL) return t;
  }
  return -Infinity;
}
