import type { RouteState } from '../route-state.js';
import type { NodeOperator } from './operator.js';

/**
 * (N, M)-exchange: moves the segment of N customers starting at u and the
 * segment of M customers starting at v to each other's place. M = 0 is a
 * relocate (u's segment goes right after v, which may be a start depot);
 * (1, 1) is a swap. Works within a route and between routes.
 */
export class Exchange implements NodeOperator {
  readonly name: string;
  private readonly segU = new Int32Array(3);
  private readonly segV = new Int32Array(3);
  private readonly C: Float64Array;
  private readonly W: number;
  private readonly hasTime: boolean;

  constructor(
    private readonly s: RouteState,
    private readonly N: number,
    private readonly M: number,
  ) {
    if (N < 1 || N > 3 || M < 0 || M > 3) throw new RangeError('Exchange: N in 1..3, M in 0..3');
    this.name = M === 0 ? `relocate-${N}` : `swap-${N}-${M}`;
    this.C = s.data.cost;
    this.W = s.n + 1;
    this.hasTime = s.data.time !== null;
  }

  /** Last node of the segment of `len` customers starting at x, or -1 when it runs into a depot. */
  private segEnd(x: number, len: number): number {
    const n = this.s.n;
    if (x > n) return -1;
    if (len === 1) return x;
    const next = this.s.next;
    for (let k = 1; k < len; k++) {
      x = next[x];
      if (x > n) return -1;
    }
    return x;
  }

  evaluate(u: number, v: number): number {
    const s = this.s;
    const C = this.C;
    const L = s.loc;
    const W = this.W;
    const uEnd = this.segEnd(u, this.N);
    if (uEnd < 0) return 0;
    const rU = s.route[u];
    const rV = s.route[v];
    const pU = s.prev[u];
    const nU = s.next[uEnd];
    if (this.M === 0) {
      const nV = s.next[v];
      if (rU === rV) {
        if (v === pU || (s.pos[v] >= s.pos[u] && s.pos[v] <= s.pos[uEnd])) return 0;
        const dc = C[L[pU] * W + L[nU]] - C[L[pU] * W + L[u]] - C[L[uEnd] * W + L[nU]] + C[L[v] * W + L[u]] + C[L[uEnd] * W + L[nV]] - C[L[v] * W + L[nV]];
        if (!this.hasTime) return dc;
        // The new route's time penalty is never negative, and its duration cost at least that of its travel + service time.
        const B = s.boundCost;
        const dcb = B === C ? dc : B[L[pU] * W + L[nU]] - B[L[pU] * W + L[u]] - B[L[uEnd] * W + L[nU]] + B[L[v] * W + L[u]] + B[L[uEnd] * W + L[nV]] - B[L[v] * W + L[nV]];
        if (dcb >= s.timeSlack(rU)) return 0;
        if (s.pos[v] > s.pos[uEnd]) {
          s.timing.prefix(pU);
          s.timing.range(pU, nU, v);
          s.timing.range(v, u, uEnd);
          s.timing.suffix(uEnd, nV);
        } else {
          s.timing.prefix(v);
          s.timing.range(v, u, uEnd);
          s.timing.range(uEnd, nV, pU);
          s.timing.suffix(pU, nU);
        }
        return dc + s.timing.penalty() - s.timePenalty(rU);
      }
      const dcU = C[L[pU] * W + L[nU]] - C[L[pU] * W + L[u]] - C[L[uEnd] * W + L[nU]];
      const dcV = C[L[v] * W + L[u]] + C[L[uEnd] * W + L[nV]] - C[L[v] * W + L[nV]];
      const sizeU = s.routeSize[rU];
      const sizeV = s.routeSize[rV];
      const fixed = s.fixedDelta(sizeU, sizeV, sizeU - this.N, sizeV + this.N);
      const B = s.boundCost;
      if (B === C) {
        if (dcU + dcV + fixed >= s.routePenalty[rU] + s.routePenalty[rV]) return 0;
      } else {
        // Arc costs + duration cost of travel against the routes' slack (RouteState.routeSlack).
        const bU = B[L[pU] * W + L[nU]] - B[L[pU] * W + L[u]] - B[L[uEnd] * W + L[nU]];
        const bV = B[L[v] * W + L[u]] + B[L[uEnd] * W + L[nV]] - B[L[v] * W + L[nV]];
        if (bU + bV + fixed >= s.routeSlack[rU] + s.routeSlack[rV]) return 0;
      }
      let penU = s.loadPenalty(rU, u, uEnd, -1, -1);
      let penV = s.loadPenalty(rV, -1, -1, u, uEnd);
      if (this.hasTime) {
        // Time penalties are never negative: no gain when loads alone lose.
        if (dcU + dcV + fixed + penU + penV >= s.routePenalty[rU] + s.routePenalty[rV]) return 0;
        // The insertion first: when it alone loses, the removal need not be timed.
        const tV = s.timing.through(v, u, uEnd, nV, false);
        if (dcU + dcV + fixed + penU + penV + tV >= s.routePenalty[rU] + s.routePenalty[rV]) return 0;
        penU += s.timing.join(pU, nU);
        penV += tV;
      }
      return dcU + dcV + fixed + penU - s.routePenalty[rU] + penV - s.routePenalty[rV];
    }
    const vEnd = this.segEnd(v, this.M);
    if (vEnd < 0) return 0;
    const pV = s.prev[v];
    const nV = s.next[vEnd];
    if (rU === rV) {
      // Disjoint and not adjacent.
      if (s.pos[u] < s.pos[v]) {
        if (s.pos[uEnd] + 1 >= s.pos[v]) return 0;
      } else if (s.pos[vEnd] + 1 >= s.pos[u]) return 0;
      const dc = C[L[pU] * W + L[v]] + C[L[vEnd] * W + L[nU]] + C[L[pV] * W + L[u]] + C[L[uEnd] * W + L[nV]] - C[L[pU] * W + L[u]] - C[L[uEnd] * W + L[nU]] - C[L[pV] * W + L[v]] - C[L[vEnd] * W + L[nV]];
      if (!this.hasTime) return dc;
      const B = s.boundCost;
      const dcb = B === C ? dc : B[L[pU] * W + L[v]] + B[L[vEnd] * W + L[nU]] + B[L[pV] * W + L[u]] + B[L[uEnd] * W + L[nV]] - B[L[pU] * W + L[u]] - B[L[uEnd] * W + L[nU]] - B[L[pV] * W + L[v]] - B[L[vEnd] * W + L[nV]];
      if (dcb >= s.timeSlack(rU)) return 0;
      const uFirst = s.pos[u] < s.pos[v];
      const a = uFirst ? u : v;
      const aEnd = uFirst ? uEnd : vEnd;
      const b = uFirst ? v : u;
      const bEnd = uFirst ? vEnd : uEnd;
      const pA = s.prev[a];
      s.timing.prefix(pA);
      s.timing.range(pA, b, bEnd);
      s.timing.range(bEnd, s.next[aEnd], s.prev[b]);
      s.timing.range(s.prev[b], a, aEnd);
      s.timing.suffix(aEnd, s.next[bEnd]);
      return dc + s.timing.penalty() - s.timePenalty(rU);
    }
    const dcU = C[L[pU] * W + L[v]] + C[L[vEnd] * W + L[nU]] - C[L[pU] * W + L[u]] - C[L[uEnd] * W + L[nU]];
    const dcV = C[L[pV] * W + L[u]] + C[L[uEnd] * W + L[nV]] - C[L[pV] * W + L[v]] - C[L[vEnd] * W + L[nV]];
    const B = s.boundCost;
    if (B === C) {
      if (dcU + dcV >= s.routePenalty[rU] + s.routePenalty[rV]) return 0;
    } else {
      const bU = B[L[pU] * W + L[v]] + B[L[vEnd] * W + L[nU]] - B[L[pU] * W + L[u]] - B[L[uEnd] * W + L[nU]];
      const bV = B[L[pV] * W + L[u]] + B[L[uEnd] * W + L[nV]] - B[L[pV] * W + L[v]] - B[L[vEnd] * W + L[nV]];
      if (bU + bV >= s.routeSlack[rU] + s.routeSlack[rV]) return 0;
    }
    let penU = s.loadPenalty(rU, u, uEnd, v, vEnd);
    let penV = s.loadPenalty(rV, v, vEnd, u, uEnd);
    if (this.hasTime) {
      if (dcU + dcV + penU + penV >= s.routePenalty[rU] + s.routePenalty[rV]) return 0;
      const tU = s.timing.through(pU, v, vEnd, nU, false);
      if (dcU + dcV + penU + penV + tU >= s.routePenalty[rU] + s.routePenalty[rV]) return 0;
      penU += tU;
      penV += s.timing.through(pV, u, uEnd, nV, false);
    }
    return dcU + dcV + penU - s.routePenalty[rU] + penV - s.routePenalty[rV];
  }

  apply(u: number, v: number): void {
    const s = this.s;
    const rU = s.route[u];
    const rV = s.route[v];
    const nu = s.collect(u, this.segEnd(u, this.N), this.segU);
    if (this.M === 0) {
      let after = v;
      for (let k = 0; k < nu; k++) {
        const x = this.segU[k];
        s.unlink(x);
        s.linkAfter(x, after);
        after = x;
      }
      s.commit(rU, rV);
      return;
    }
    const nv = s.collect(v, this.segEnd(v, this.M), this.segV);
    const pU = s.prev[u];
    const pV = s.prev[v];
    for (let k = 0; k < nu; k++) s.unlink(this.segU[k]);
    for (let k = 0; k < nv; k++) s.unlink(this.segV[k]);
    let after = pV;
    for (let k = 0; k < nu; k++) {
      s.linkAfter(this.segU[k], after);
      after = this.segU[k];
    }
    after = pU;
    for (let k = 0; k < nv; k++) {
      s.linkAfter(this.segV[k], after);
      after = this.segV[k];
    }
    s.commit(rU, rV);
  }
}
