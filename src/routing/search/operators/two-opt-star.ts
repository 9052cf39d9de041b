import type { RouteState } from '../route-state.js';
import type { NodeOperator } from './operator.js';

/**
 * 2-opt* between two routes, with u in route A and v in route B (v may be
 * B's start depot); x = next(u), y = next(v). Two variants, the better is
 * kept: tails swapped (u→y, v→x), or heads joined (u→v with B's head
 * reversed, x→y with A's tail reversed; symmetric costs, no time resource).
 */
export class TwoOptStar implements NodeOperator {
  readonly name = '2-opt*';
  private variant = 0;
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  private readonly loadBuf: Float64Array;

  constructor(private readonly s: RouteState) {
    this.a = new Int32Array(s.n + 2);
    this.b = new Int32Array(s.n + 2);
    this.loadBuf = new Float64Array(s.D);
  }

  evaluate(u: number, v: number): number {
    const s = this.s;
    const C = s.data.cost;
    const Lc = s.loc;
    const W = s.n + 1;
    const rU = s.route[u];
    const rV = s.route[v];
    if (rU === rV || s.isDepot(u)) return 0;
    const x = s.next[u];
    const y = s.next[v];
    const D = s.D;
    const L = this.loadBuf;
    const sizeU = s.routeSize[rU];
    const sizeV = s.routeSize[rV];
    const base = s.routePenalty[rU] + s.routePenalty[rV];
    let best = 0;
    this.variant = 0;
    // Tails swapped: A = A[..u] + B[y..], B = B[..v] + A[x..].
    {
      const dc = C[Lc[u] * W + Lc[y]] + C[Lc[v] * W + Lc[x]] - C[Lc[u] * W + Lc[x]] - C[Lc[v] * W + Lc[y]];
      const nU = s.pos[u] + sizeV - s.pos[v];
      const nV = s.pos[v] + sizeU - s.pos[u];
      const fixed = s.fixedDelta(sizeU, sizeV, nU, nV);
      // With a duration cost, the bound also counts the travel time at that cost against the routes' slack (RouteState.routeSlack).
      const B = s.boundCost;
      const pass = B === C ? dc + fixed < base : B[Lc[u] * W + Lc[y]] + B[Lc[v] * W + Lc[x]] - B[Lc[u] * W + Lc[x]] - B[Lc[v] * W + Lc[y]] + fixed < s.routeSlack[rU] + s.routeSlack[rV];
      if (pass) {
        let pen = 0;
        for (let d = 0; d < D; d++) L[d] = s.cumLoad[u * D + d] + s.routeLoad[rV * D + d] - s.cumLoad[v * D + d];
        pen += s.loadPenaltyOf(L);
        for (let d = 0; d < D; d++) L[d] = s.cumLoad[v * D + d] + s.routeLoad[rU * D + d] - s.cumLoad[u * D + d];
        pen += s.loadPenaltyOf(L);
        if (s.data.time !== null) pen += s.timing.join(u, y) + s.timing.join(v, x);
        const delta = dc + fixed + pen - base;
        if (delta < best) {
          best = delta;
          this.variant = 1;
        }
      }
    }
    // Heads joined: A = A[..u] + reverse(B[first..v]), B = reverse(A[x..last]) + B[y..].
    if (s.data.symmetric && s.data.time === null) {
      const dc = C[Lc[u] * W + Lc[v]] + C[Lc[x] * W + Lc[y]] - C[Lc[u] * W + Lc[x]] - C[Lc[v] * W + Lc[y]];
      const nU = s.pos[u] + s.pos[v];
      const nV = sizeU - s.pos[u] + sizeV - s.pos[v];
      const fixed = s.fixedDelta(sizeU, sizeV, nU, nV);
      if (dc + fixed < base + best) {
        let pen = 0;
        for (let d = 0; d < D; d++) L[d] = s.cumLoad[u * D + d] + s.cumLoad[v * D + d];
        pen += s.loadPenaltyOf(L);
        for (let d = 0; d < D; d++) L[d] = s.routeLoad[rU * D + d] - s.cumLoad[u * D + d] + s.routeLoad[rV * D + d] - s.cumLoad[v * D + d];
        pen += s.loadPenaltyOf(L);
        const delta = dc + fixed + pen - base;
        if (delta < best) {
          best = delta;
          this.variant = 2;
        }
      }
    }
    return best;
  }

  apply(u: number, v: number): void {
    const s = this.s;
    const rU = s.route[u];
    const rV = s.route[v];
    const x = s.next[u];
    const y = s.next[v];
    const endU = s.endDepot(rU);
    const endV = s.endDepot(rV);
    const a = this.a;
    const b = this.b;
    let na = 0;
    let nb = 0;
    if (this.variant === 1) {
      for (let z = s.next[s.startDepot(rU)]; z !== x; z = s.next[z]) a[na++] = z;
      for (let z = y; z !== endV; z = s.next[z]) a[na++] = z;
      for (let z = s.next[s.startDepot(rV)]; z !== y; z = s.next[z]) b[nb++] = z;
      for (let z = x; z !== endU; z = s.next[z]) b[nb++] = z;
    } else {
      for (let z = s.next[s.startDepot(rU)]; z !== x; z = s.next[z]) a[na++] = z;
      for (let z = v; !s.isDepot(z); z = s.prev[z]) a[na++] = z;
      for (let z = s.prev[endU]; z !== u; z = s.prev[z]) b[nb++] = z;
      for (let z = y; z !== endV; z = s.next[z]) b[nb++] = z;
    }
    s.setRoute(rU, a, na);
    s.setRoute(rV, b, nb);
    s.commit(rU, rV);
  }
}
