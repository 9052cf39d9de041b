import type { RouteState } from './route-state.js';
import type { NodeOperator } from './operators/operator.js';

const EPS = 1e-5;

/**
 * The node operators of one (u, v) pair in HGS order, first improvement,
 * with a shared pre-filter for u and v in different routes: the arcs around
 * u and v are read once and every move gets a lower bound on its change
 * (arc costs + fixed cost − the two routes' current penalties, since new
 * penalties are never negative; with a duration cost, arcs also count their
 * travel time at that cost and the routes' penalties count only their slack
 * over travel + service time, see RouteState.routeSlack). Only a move whose bound could improve is
 * evaluated exactly by its operator, so the search takes the same moves as
 * calling every operator, at a fraction of the cost (most pairs are
 * rejected by the bound). Within a route every operator is called.
 */
export class PairMoves {
  private readonly C: Float64Array;
  private readonly W: number;
  /** 2-opt* may also join heads (reversing both), only with symmetric costs and no time resource. */
  private readonly heads: boolean;
  /** No time resource: moves within a route change arc costs only (tryIntraNoTime). */
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
    private readonly twoOptStar: NodeOperator,
  ) {
    // Bounds on cost + duration cost (identical to the cost matrix without a duration cost).
    this.C = s.boundCost;
    this.W = s.n + 1;
    this.heads = s.data.symmetric && s.data.time === null;
    this.noTime = s.data.time === null;
  }

  /** Applies the first improving move of the pair; true when one was applied. Written out so every call site stays monomorphic. */
  tryPair(u: number, v: number): boolean {
    const s = this.s;
    const rU = s.route[u];
    const rV = s.route[v];
    if (rU === rV) return this.tryIntra(u, v);
    const C = this.C;
    const L = s.loc;
    const W = this.W;
    const n = s.n;
    const pU = s.prev[u];
    const x = s.next[u];
    const pV = s.prev[v];
    const nV = s.next[v];
    const lu = L[u] * W;
    const lv = L[v] * W;
    const lpU = L[pU] * W;
    const lpV = L[pV] * W;
    const lx = L[x];
    const lnV = L[nV];
    const cPuU = C[lpU + L[u]];
    const cUx = C[lu + lx];
    const cVnV = C[lv + lnV];
    const cPvV = C[lpV + L[v]];
    const cVu = C[lv + L[u]];
    // New penalties are never negative, and a route's duration cost is at least that of its travel + service time.
    const base = s.routeSlack[rU] + s.routeSlack[rV] - EPS;
    const sizeU = s.routeSize[rU];
    const sizeV = s.routeSize[rV];
    // relocate-1: u after v.
    {
      const fixed = sizeU === 1 ? s.fixedDelta(sizeU, sizeV, 0, sizeV + 1) : 0;
      const bound = C[lpU + lx] - cPuU - cUx + cVu + C[lu + lnV] - cVnV + fixed;
      if (bound < base) {
        const op = this.relocate1;
        if (op.evaluate(u, v) < -EPS) return op.apply(u, v), true;
      }
    }
    const xIn = x <= n;
    let nX = -1;
    let cXnX = 0;
    let cPuNx = 0;
    if (xIn) {
      nX = s.next[x];
      const lX = lx * W;
      cXnX = C[lX + L[nX]];
      cPuNx = C[lpU + L[nX]];
      const fixed = sizeU === 2 ? s.fixedDelta(sizeU, sizeV, 0, sizeV + 2) : 0;
      const outU = cPuNx - cPuU - cXnX + fixed - cVnV;
      // relocate-2: u, x after v.
      if (outU + cVu + C[lX + lnV] < base) {
        const op = this.relocate2;
        if (op.evaluate(u, v) < -EPS) return op.apply(u, v), true;
      }
      // relocate-2r: x, u after v.
      if (outU + C[lv + lx] + C[lu + lnV] + C[lX + L[u]] - cUx < base) {
        const op = this.relocate2r;
        if (op.evaluate(u, v) < -EPS) return op.apply(u, v), true;
      }
    }
    const cPvU = C[lpV + L[u]];
    const cPuV = C[lpU + L[v]];
    // swap-1-1 (each unordered pair once).
    if (u < v && cPuV + C[lv + lx] - cPuU - cUx + cPvU + C[lu + lnV] - cPvV - cVnV < base) {
      const op = this.swap11;
      if (op.evaluate(u, v) < -EPS) return op.apply(u, v), true;
    }
    if (xIn) {
      const lX = lx * W;
      // swap-2-1: (u, x) with v.
      if (cPuV + C[lv + L[nX]] - cPuU - cXnX + cPvU + C[lX + lnV] - cPvV - cVnV < base) {
        const op = this.swap21;
        if (op.evaluate(u, v) < -EPS) return op.apply(u, v), true;
      }
      // swap-2-2: (u, x) with (v, y).
      if (u < v && nV <= n) {
        const nY = s.next[nV];
        const lY = lnV * W;
        if (cPuV + C[lY + L[nX]] - cPuU - cXnX + cPvU + C[lX + L[nY]] - cPvV - C[lY + L[nY]] < base) {
          const op = this.swap22;
          if (op.evaluate(u, v) < -EPS) return op.apply(u, v), true;
        }
      }
    }
    // 2-opt* (tails swapped, or heads joined when costs are symmetric): v's route may empty or fill up.
    {
      const cut = cUx + cVnV;
      const tails = C[lu + lnV] + C[lv + lx] - cut;
      const heads = this.heads ? C[lu + L[v]] + C[lx * W + lnV] - cut : Infinity;
      const bound = (tails < heads ? tails : heads) + this.fleetSlack(sizeU, sizeV);
      if (bound < base) {
        const op = this.twoOptStar;
        if (op.evaluate(u, v) < -EPS) return op.apply(u, v), true;
      }
    }
    return false;
  }

  /** A lower bound on the fixed-cost change of a move that may empty a route or fill an empty one. */
  private fleetSlack(sizeU: number, sizeV: number): number {
    // Emptying one route is the best a pair of non-empty routes can do.
    return sizeU > 0 && sizeV > 0 ? Math.min(0, this.s.fixedDelta(sizeU, sizeV, 0, sizeU + sizeV)) : -Infinity;
  }

  private tryIntra(u: number, v: number): boolean {
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
