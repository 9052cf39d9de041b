import type { RouteState } from '../route-state.js';
import type { NodeOperator } from './operator.js';

/**
 * Relocate of the pair (u, x = next(u)) reversed: x then u go right after v
 * (v may be a start depot). HGS-CVRP's third relocate move; it finds
 * improvements that the unreversed relocate and 2-opt miss when a pair sits
 * the wrong way round next to its new neighbours. Within a route and
 * between routes; asymmetric costs count the pair's own arc both ways.
 */
export class RelocateReversed implements NodeOperator {
  readonly name = 'relocate-2r';
  private readonly C: Float64Array;
  private readonly W: number;
  private readonly hasTime: boolean;

  constructor(private readonly s: RouteState) {
    this.C = s.data.cost;
    this.W = s.n + 1;
    this.hasTime = s.data.time !== null;
  }

  evaluate(u: number, v: number): number {
    const s = this.s;
    const n = s.n;
    if (u > n) return 0;
    const x = s.next[u];
    if (x > n) return 0;
    const C = this.C;
    const L = s.loc;
    const W = this.W;
    const rU = s.route[u];
    const rV = s.route[v];
    const pU = s.prev[u];
    const nU = s.next[x];
    const nV = s.next[v];
    // Turning the pair round: its own arc is travelled the other way.
    const turn = C[L[x] * W + L[u]] - C[L[u] * W + L[x]];
    if (rU === rV) {
      if (v === u || v === x) return 0;
      // v === pU: the pair stays in place, reversed (x after pU).
      const dc = C[L[pU] * W + L[nU]] - C[L[pU] * W + L[u]] - C[L[x] * W + L[nU]] + C[L[v] * W + L[x]] + C[L[u] * W + L[v === pU ? nU : nV]] - (v === pU ? C[L[pU] * W + L[nU]] : C[L[v] * W + L[nV]]) + turn;
      if (!this.hasTime) return dc;
      // Same bound on arc costs + duration cost of travel (RouteState.boundCost), against the route's slack.
      const B = s.boundCost;
      const dcb = B === C ? dc : B[L[pU] * W + L[nU]] - B[L[pU] * W + L[u]] - B[L[x] * W + L[nU]] + B[L[v] * W + L[x]] + B[L[u] * W + L[v === pU ? nU : nV]] - (v === pU ? B[L[pU] * W + L[nU]] : B[L[v] * W + L[nV]]) + (B[L[x] * W + L[u]] - B[L[u] * W + L[x]]);
      if (dcb >= s.timeSlack(rU)) return 0;
      const t = s.timing;
      if (v === pU) {
        t.prefix(pU);
        t.rangeBack(pU, x, u);
        t.suffix(u, nU);
      } else if (s.pos[v] > s.pos[x]) {
        t.prefix(pU);
        t.range(pU, nU, v);
        t.rangeBack(v, x, u);
        t.suffix(u, nV);
      } else {
        t.prefix(v);
        t.rangeBack(v, x, u);
        t.range(u, nV, pU);
        t.suffix(pU, nU);
      }
      return dc + t.penalty() - s.timePenalty(rU);
    }
    const dcU = C[L[pU] * W + L[nU]] - C[L[pU] * W + L[u]] - C[L[x] * W + L[nU]];
    const dcV = C[L[v] * W + L[x]] + C[L[u] * W + L[nV]] - C[L[v] * W + L[nV]] + turn;
    const sizeU = s.routeSize[rU];
    const sizeV = s.routeSize[rV];
    const fixed = s.fixedDelta(sizeU, sizeV, sizeU - 2, sizeV + 2);
    const base = s.routePenalty[rU] + s.routePenalty[rV];
    const B = s.boundCost;
    if (B === C) {
      if (dcU + dcV + fixed >= base) return 0;
    } else {
      // Arc costs + duration cost of travel against the routes' slack (RouteState.routeSlack).
      const b = B[L[pU] * W + L[nU]] - B[L[pU] * W + L[u]] - B[L[x] * W + L[nU]] + B[L[v] * W + L[x]] + B[L[u] * W + L[nV]] - B[L[v] * W + L[nV]] + (B[L[x] * W + L[u]] - B[L[u] * W + L[x]]);
      if (b + fixed >= s.routeSlack[rU] + s.routeSlack[rV]) return 0;
    }
    let pen = s.loadPenalty(rU, u, x, -1, -1) + s.loadPenalty(rV, -1, -1, u, x);
    if (this.hasTime) {
      if (dcU + dcV + fixed + pen >= base) return 0;
      // The insertion first: when it alone loses, the removal need not be timed.
      const tV = s.timing.through(v, x, u, nV, true);
      if (dcU + dcV + fixed + pen + tV >= base) return 0;
      pen += s.timing.join(pU, nU);
      pen += tV;
    }
    return dcU + dcV + fixed + pen - base;
  }

  apply(u: number, v: number): void {
    const s = this.s;
    const x = s.next[u];
    const rU = s.route[u];
    const rV = s.route[v];
    s.unlink(u);
    s.unlink(x);
    s.linkAfter(x, v);
    s.linkAfter(u, x);
    s.commit(rU, rV);
  }
}
