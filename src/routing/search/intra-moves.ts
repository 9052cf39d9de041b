import type { RouteState } from './route-state.js';
import type { NodeOperator } from './operators/operator.js';

const EPS = 1e-5;

/**
 * The node operators of one (u, v) pair within a route, in HGS order, first
 * improvement (PairMoves hands same-route pairs here). Without a time
 * resource every move's change is an arc-cost change, written out in place
 * (tryIntraNoTime); with one, every operator is called.
 */
export class IntraMoves {
  private readonly W: number;
  /** No time resource: moves within a route change arc costs only. */
  private readonly noTime: boolean;

  constructor(
    private readonly s: RouteState,
    private readonly relocate1: NodeOperator,
    private readonly relocate2: NodeOperator,
    private readonly relocate2r: NodeOperator,
    private readonly swap11: NodeOperator,
    private readonly swap21: NodeOperator,
    private readonly swap22: NodeOperator,
    private readonly twoOpt: NodeOperator,
  ) {
    this.W = s.n + 1;
    this.noTime = s.data.time === null;
  }

  /** Applies the first improving move of u and v in the same route; true when one was applied. */
  tryIntra(u: number, v: number): boolean {
    if (this.noTime) return this.tryIntraNoTime(u, v);
    const r1 = this.relocate1;
    if (r1.evaluate(u, v) < -EPS) return r1.apply(u, v), true;
    const r2 = this.relocate2;
    if (r2.evaluate(u, v) < -EPS) return r2.apply(u, v), true;
    const r2r = this.relocate2r;
    if (r2r.evaluate(u, v) < -EPS) return r2r.apply(u, v), true;
    const s11 = this.swap11;
    if (u < v && s11.evaluate(u, v) < -EPS) return s11.apply(u, v), true;
    const s21 = this.swap21;
    if (s21.evaluate(u, v) < -EPS) return s21.apply(u, v), true;
    const s22 = this.swap22;
    if (u < v && s22.evaluate(u, v) < -EPS) return s22.apply(u, v), true;
    const t = this.twoOpt;
    if (t.evaluate(u, v) < -EPS) return t.apply(u, v), true;
    return false;
  }

  /**
   * tryIntra without a time resource: every move's change is its arc-cost
   * change (loads do not change within a route), so the arcs around u and v
   * are read once and each change is written out with the operator's own
   * arithmetic and structural checks (Exchange, RelocateReversed, TwoOpt);
   * the first improving move is applied by its operator.
   */
  private tryIntraNoTime(u: number, v: number): boolean {
    const s = this.s;
    const C = s.data.cost;
    const L = s.loc;
    const W = this.W;
    const n = s.n;
    const pos = s.pos;
    const pU = s.prev[u];
    const nU = s.next[u];
    const nV = s.next[v];
    const pV = s.prev[v];
    const lu = L[u];
    const lv = L[v];
    const lpU = L[pU];
    const lnU = L[nU];
    const lnV = L[nV];
    const lpV = L[pV];
    const posU = pos[u];
    const posV = pos[v];
    const cPuU = C[lpU * W + lu];
    const cVnV = C[lv * W + lnV];
    // relocate-1: u after v.
    if (v !== pU) {
      const dc = C[lpU * W + lnU] - cPuU - C[lu * W + lnU] + C[lv * W + lu] + C[lu * W + lnV] - cVnV;
      if (dc < -EPS) return this.relocate1.apply(u, v), true;
    }
    const xIn = nU <= n;
    const x = nU;
    const lx = lnU;
    const nX = xIn ? s.next[x] : -1;
    const lnX = xIn ? L[nX] : 0;
    const cUx = C[lu * W + lx];
    if (xIn) {
      // relocate-2: u, x after v.
      if (v !== pU && !(posV >= posU && posV <= pos[x])) {
        const dc = C[lpU * W + lnX] - cPuU - C[lx * W + lnX] + C[lv * W + lu] + C[lx * W + lnV] - cVnV;
        if (dc < -EPS) return this.relocate2.apply(u, v), true;
      }
      // relocate-2r: x, u after v.
      if (v !== x) {
        const turn = C[lx * W + lu] - cUx;
        const dc = C[lpU * W + lnX] - cPuU - C[lx * W + lnX] + C[lv * W + lx] + C[lu * W + (v === pU ? lnX : lnV)] - (v === pU ? C[lpU * W + lnX] : cVnV) + turn;
        if (dc < -EPS) return this.relocate2r.apply(u, v), true;
      }
    }
    // swap-1-1 (u < v), disjoint and not adjacent.
    if (u < v && (posU < posV ? posU + 1 < posV : posV + 1 < posU)) {
      const dc = C[lpU * W + lv] + C[lv * W + lnU] + C[lpV * W + lu] + C[lu * W + lnV] - cPuU - C[lu * W + lnU] - C[lpV * W + lv] - cVnV;
      if (dc < -EPS) return this.swap11.apply(u, v), true;
    }
    if (xIn) {
      const posX = pos[x];
      // swap-2-1: (u, x) with v.
      if (posU < posV ? posX + 1 < posV : posV + 1 < posU) {
        const dc = C[lpU * W + lv] + C[lv * W + lnX] + C[lpV * W + lu] + C[lx * W + lnV] - cPuU - C[lx * W + lnX] - C[lpV * W + lv] - cVnV;
        if (dc < -EPS) return this.swap21.apply(u, v), true;
      }
      // swap-2-2: (u, x) with (v, y), u < v.
      if (u < v && nV <= n) {
        const y = nV;
        const posY = pos[y];
        if (posU < posV ? posX + 1 < posV : posY + 1 < posU) {
          const nY = s.next[y];
          const ly = lnV;
          const lnY = L[nY];
          const dc = C[lpU * W + lv] + C[ly * W + lnX] + C[lpV * W + lu] + C[lx * W + lnY] - cPuU - C[lx * W + lnX] - C[lpV * W + lv] - C[ly * W + lnY];
          if (dc < -EPS) return this.swap22.apply(u, v), true;
        }
      }
    }
    // 2-opt: u before v, reversing next(u)..v.
    if (s.data.symmetric && posU < posV && x !== v) {
      const dc = C[lu * W + lv] + C[lx * W + lnV] - C[lu * W + lx] - cVnV;
      if (dc < -EPS) return this.twoOpt.apply(u, v), true;
    }
    return false;
  }
}
