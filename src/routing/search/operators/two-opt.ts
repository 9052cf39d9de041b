import type { RouteState } from '../route-state.js';
import type { NodeOperator } from './operator.js';

/**
 * Intra-route 2-opt: for u before v in the same route, reverses the path
 * from next(u) to v (edges u→x and v→y become u→v and x→y). Symmetric
 * cost matrices only (a reversal keeps the path's own cost); with time
 * windows the reversed path's timing is evaluated in O(length).
 */
export class TwoOpt implements NodeOperator {
  readonly name = '2-opt';
  private readonly buf: Int32Array;

  constructor(private readonly s: RouteState) {
    this.buf = new Int32Array(s.n + 2);
  }

  evaluate(u: number, v: number): number {
    const s = this.s;
    if (!s.data.symmetric || s.isDepot(v) || s.route[u] !== s.route[v] || s.pos[u] >= s.pos[v]) return 0;
    const x = s.next[u];
    if (x === v) return 0;
    const y = s.next[v];
    const dc = s.c(u, v) + s.c(x, y) - s.c(u, x) - s.c(v, y);
    if (s.data.time === null) return dc;
    const r = s.route[u];
    // The new time penalty is never negative, and its duration cost at least that of travel + service.
    const B = s.boundCost;
    if (B !== s.data.cost) {
      const L = s.loc;
      const W = s.n + 1;
      if (B[L[u] * W + L[v]] + B[L[x] * W + L[y]] - B[L[u] * W + L[x]] - B[L[v] * W + L[y]] >= s.timeSlack(r)) return 0;
    } else if (dc >= s.timeSlack(r)) return 0;
    return dc + s.timing.through(u, v, x, y, true) - s.timePenalty(r);
  }

  apply(u: number, v: number): void {
    const s = this.s;
    const x = s.next[u];
    const y = s.next[v];
    const len = s.collect(x, v, this.buf);
    let after = u;
    for (let k = len - 1; k >= 0; k--) {
      const z = this.buf[k];
      s.next[after] = z;
      s.prev[z] = after;
      after = z;
    }
    s.next[after] = y;
    s.prev[y] = after;
    const r = s.route[u];
    s.commit(r, r);
  }
}
