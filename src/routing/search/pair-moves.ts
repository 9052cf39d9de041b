import type { RouteState } from './route-state.js';
import type { NodeOperator } from './operators/operator.js';
import { IntraMoves } from './intra-moves.js';

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
 * rejected by the bound). Pairs within a route go to IntraMoves (intra-moves.ts).
 * The local search reads u's side once for all its neighbours (setU, then
 * tryV per neighbour and tryDepot for the moves from a start depot, which
 * get the same bounds); without a time resource 2-opt*'s exact change is
 * computed here before the operator is called (twoOptStarDelta).
 */
export class PairMoves {
  private readonly C: Float64Array;
  private readonly W: number;
  /** 2-opt* may also join heads (reversing both), only with symmetric costs and no time resource. */
  private readonly heads: boolean;
  /** Moves within a route (intra-moves.ts). */
  private readonly intra: IntraMoves;
  /** No time resource and one load dimension: 2-opt* is evaluated here first (twoOptStarDelta). */
  private readonly exact: boolean;

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
    this.intra = new IntraMoves(s, relocate1, relocate2, relocate2r, swap11, swap21, swap22, twoOpt);
    this.exact = s.data.time === null && s.D === 1 && s.boundCost === s.data.cost;
  }

  // u's side of a pair (setU): its route, neighbours, arc costs and the parts
  // of the bounds that depend on u only, read once for all of u's neighbours.
  private u = 0;
  private rU = 0;
  private pU = 0;
  private lu = 0;
  private luRaw = 0;
  private lpU = 0;
  private lx = 0;
  private cPuU = 0;
  private cUx = 0;
  private sizeU = 0;
  private slackU = 0;
  /** relocate-1's removal of u: C(pU, x) − C(pU, u) − C(u, x) (the leading terms of its bound). */
  private rem1 = 0;
  private fixed1 = 0;
  private xIn = false;
  private nX = -1;
  private lnX = 0;
  private cXnX = 0;
  private cXu = 0;
  /** relocate-2's removal of (u, x) with its fixed-cost change (the leading terms of its bound). */
  private outU0 = 0;
  /** Lower bound on the fixed-cost change of 2-opt* between two non-empty routes (fleetSlack). */
  private slack2 = 0;

  /**
   * Reads u's side of the pairs (u, ·); valid until the state changes (call
   * again after any applied move). `tryV(v)` then tries the pair (u, v).
   */
  setU(u: number): void {
    const s = this.s;
    const C = this.C;
    const L = s.loc;
    const W = this.W;
    const n = s.n;
    const rU = s.route[u];
    const pU = s.prev[u];
    const x = s.next[u];
    const lu = L[u] * W;
    const lpU = L[pU] * W;
    const lx = L[x];
    const cPuU = C[lpU + L[u]];
    const cUx = C[lu + lx];
    const sizeU = rU >= 0 ? s.routeSize[rU] : 0;
    this.u = u;
    this.rU = rU;
    this.pU = pU;
    this.lu = lu;
    this.luRaw = L[u];
    this.lpU = lpU;
    this.lx = lx;
    this.cPuU = cPuU;
    this.cUx = cUx;
    this.sizeU = sizeU;
    // An unrouted u (route −1) gets no inter-route move: NaN fails every bound, as the array's undefined did.
    this.slackU = rU >= 0 ? s.routeSlack[rU] : NaN;
    this.rem1 = C[lpU + lx] - cPuU - cUx;
    // v is a routed customer: the other route is never empty, so these fixed-cost changes depend on u's route only.
    this.fixed1 = sizeU === 1 ? s.fixedDelta(1, 1, 0, 2) : 0;
    const xIn = x <= n;
    this.xIn = xIn;
    if (xIn) {
      const nX = s.next[x];
      const lX = lx * W;
      const cXnX = C[lX + L[nX]];
      const cPuNx = C[lpU + L[nX]];
      const fixed = sizeU === 2 ? s.fixedDelta(2, 1, 0, 3) : 0;
      this.nX = nX;
      this.lnX = L[nX];
      this.cXnX = cXnX;
      this.cXu = C[lX + L[u]];
      this.outU0 = cPuNx - cPuU - cXnX + fixed;
    } else {
      this.nX = -1;
      this.lnX = 0;
      this.cXnX = 0;
      this.cXu = 0;
      this.outU0 = 0;
    }
    // Emptying one route is the best a pair of non-empty routes can do.
    this.slack2 = sizeU > 0 ? Math.min(0, s.fixedDelta(1, 1, 0, 2)) : -Infinity;
  }

  /** Applies the first improving move of the pair; true when one was applied. */
  tryPair(u: number, v: number): boolean {
    this.setU(u);
    return this.tryV(v);
  }

  /**
   * tryPair(u, v) for the u of the last `setU` (the state unchanged since).
   * Written out so every call site stays monomorphic.
   */
  tryV(v: number): boolean {
    const s = this.s;
    const u = this.u;
    const rU = this.rU;
    const rV = s.route[v];
    if (rU === rV) return this.intra.tryIntra(u, v);
    const C = this.C;
    const L = s.loc;
    const W = this.W;
    const n = s.n;
    const pV = s.prev[v];
    const nV = s.next[v];
    const lu = this.lu;
    const lv = L[v] * W;
    const lpU = this.lpU;
    const lpV = L[pV] * W;
    const lx = this.lx;
    const lnV = L[nV];
    const cPuU = this.cPuU;
    const cUx = this.cUx;
    const cVnV = C[lv + lnV];
    const cPvV = C[lpV + L[v]];
    const cVu = C[lv + this.luRaw];
    // New penalties are never negative, and a route's duration cost is at least that of its travel + service time.
    const base = this.slackU + s.routeSlack[rV] - EPS;
    if (this.tryRelocates(v, lv, lnV, cVnV, cVu, base)) return true;
    const xIn = this.xIn;
    const nX = this.nX;
    const cXnX = this.cXnX;
    const cPvU = C[lpV + this.luRaw];
    const cPuV = C[lpU + L[v]];
    // swap-1-1 (each unordered pair once).
    if (u < v && cPuV + C[lv + lx] - cPuU - cUx + cPvU + C[lu + lnV] - cPvV - cVnV < base) {
      const op = this.swap11;
      if (op.evaluate(u, v) < -EPS) return op.apply(u, v), true;
    }
    if (xIn) {
      const lX = lx * W;
      // swap-2-1: (u, x) with v.
      if (cPuV + C[lv + this.lnX] - cPuU - cXnX + cPvU + C[lX + lnV] - cPvV - cVnV < base) {
        const op = this.swap21;
        if (op.evaluate(u, v) < -EPS) return op.apply(u, v), true;
      }
      // swap-2-2: (u, x) with (v, y).
      if (u < v && nV <= n) {
        const nY = s.next[nV];
        const lY = lnV * W;
        if (cPuV + C[lY + this.lnX] - cPuU - cXnX + cPvU + C[lX + L[nY]] - cPvV - C[lY + L[nY]] < base) {
          const op = this.swap22;
          if (op.evaluate(u, v) < -EPS) return op.apply(u, v), true;
        }
      }
    }
    return this.tryTwoOptStar(v, rV, lv, lnV, cVnV, base);
  }

  /**
   * relocate-1 (u after v), relocate-2 (u, x after v) and relocate-2r (x, u
   * after v) for the u of `setU` and v (a customer or a start depot) in
   * another, non-empty route, each evaluated only when its bound is below
   * `base`. lv is v's matrix row, lnV the column of v's successor.
   */
  private tryRelocates(v: number, lv: number, lnV: number, cVnV: number, cVu: number, base: number): boolean {
    const C = this.C;
    const u = this.u;
    const lu = this.lu;
    if (this.rem1 + cVu + C[lu + lnV] - cVnV + this.fixed1 < base) {
      const op = this.relocate1;
      if (op.evaluate(u, v) < -EPS) return op.apply(u, v), true;
    }
    if (this.xIn) {
      const lx = this.lx;
      const lX = lx * this.W;
      const outU = this.outU0 - cVnV;
      if (outU + cVu + C[lX + lnV] < base) {
        const op = this.relocate2;
        if (op.evaluate(u, v) < -EPS) return op.apply(u, v), true;
      }
      if (outU + C[lv + lx] + C[lu + lnV] + this.cXu - this.cUx < base) {
        const op = this.relocate2r;
        if (op.evaluate(u, v) < -EPS) return op.apply(u, v), true;
      }
    }
    return false;
  }

  /**
   * 2-opt* (tails swapped, or heads joined when costs are symmetric) for the
   * u of `setU` and v in another non-empty route rV (v's route may empty or
   * fill up): evaluated only when its bound is below `base`, and without a
   * time resource only when twoOptStarDelta improves.
   */
  private tryTwoOptStar(v: number, rV: number, lv: number, lnV: number, cVnV: number, base: number): boolean {
    const C = this.C;
    const lu = this.lu;
    const lx = this.lx;
    const cut = this.cUx + cVnV;
    const cUy = C[lu + lnV];
    const cVx = C[lv + lx];
    const tails = cUy + cVx - cut;
    const cUv = this.heads ? C[lu + this.s.loc[v]] : 0;
    const cXy = this.heads ? C[lx * this.W + lnV] : 0;
    const heads = this.heads ? cUv + cXy - cut : Infinity;
    if ((tails < heads ? tails : heads) + this.slack2 < base) {
      if (this.exact && !(this.twoOptStarDelta(v, rV, cUy, cVx, cVnV, cUv, cXy) < -EPS)) return false;
      const op = this.twoOptStar;
      const u = this.u;
      if (op.evaluate(u, v) < -EPS) return op.apply(u, v), true;
    }
    return false;
  }

  /**
   * TwoOptStar.evaluate(u, v) for the u of `setU` and v in another route,
   * when it is a function of arc costs and one load dimension only (no time
   * resource): the same arithmetic, from the arcs the bound has read
   * (u→y, v→x, v→y, and u→v, x→y for the heads variant). Used as a filter:
   * the operator itself is called only when this improves.
   */
  private twoOptStarDelta(v: number, rV: number, cUy: number, cVx: number, cVy: number, cUv: number, cXy: number): number {
    const s = this.s;
    const u = this.u;
    const rU = this.rU;
    const sizeU = this.sizeU;
    const sizeV = s.routeSize[rV];
    const posU = s.pos[u];
    const posV = s.pos[v];
    const cum = s.cumLoad;
    const cap = s.data.capacity[0];
    const pl = s.penaltyLoad;
    const cUx = this.cUx;
    const base = s.routePenalty[rU] + s.routePenalty[rV];
    let best = 0;
    // Tails swapped.
    {
      const dc = cUy + cVx - cUx - cVy;
      const fixed = s.fixedDelta(sizeU, sizeV, posU + sizeV - posV, posV + sizeU - posU);
      if (dc + fixed < base) {
        let pen = 0;
        const a = cum[u] + s.routeLoad[rV] - cum[v];
        pen += (a > cap ? a - cap : 0) * pl;
        const b = cum[v] + s.routeLoad[rU] - cum[u];
        pen += (b > cap ? b - cap : 0) * pl;
        const delta = dc + fixed + pen - base;
        if (delta < best) best = delta;
      }
    }
    // Heads joined.
    if (this.heads) {
      const dc = cUv + cXy - cUx - cVy;
      const fixed = s.fixedDelta(sizeU, sizeV, posU + posV, sizeU - posU + sizeV - posV);
      if (dc + fixed < base + best) {
        let pen = 0;
        const a = cum[u] + cum[v];
        pen += (a > cap ? a - cap : 0) * pl;
        const b = s.routeLoad[rU] - cum[u] + s.routeLoad[rV] - cum[v];
        pen += (b > cap ? b - cap : 0) * pl;
        const delta = dc + fixed + pen - base;
        if (delta < best) best = delta;
      }
    }
    return best;
  }

  /**
   * The moves from a start depot d (u of the last `setU` goes right after d,
   * or 2-opt* with an empty head), in the order of LocalSearch's depot moves:
   * relocate-1, relocate-2, relocate-2r, 2-opt*. Between two non-empty
   * routes they get tryV's bounds (with d at matrix index 0); into u's own
   * route or an empty one every operator is called. True when one was applied.
   */
  tryDepot(d: number): boolean {
    const s = this.s;
    const u = this.u;
    const rV = s.route[d];
    const sizeV = s.routeSize[rV];
    if (rV === this.rU || sizeV === 0) return this.tryDepotEvery(u, d);
    const C = this.C;
    const L = this.s.loc;
    const lv = L[d] * this.W;
    const lnV = L[s.next[d]];
    const cVnV = C[lv + lnV];
    const base = this.slackU + s.routeSlack[rV] - EPS;
    return this.tryRelocates(d, lv, lnV, cVnV, C[lv + this.luRaw], base) || this.tryTwoOptStar(d, rV, lv, lnV, cVnV, base);
  }

  /** tryDepot without bounds: every operator in turn. */
  private tryDepotEvery(u: number, d: number): boolean {
    const r1 = this.relocate1;
    if (r1.evaluate(u, d) < -EPS) return r1.apply(u, d), true;
    const r2 = this.relocate2;
    if (r2.evaluate(u, d) < -EPS) return r2.apply(u, d), true;
    const r2r = this.relocate2r;
    if (r2r.evaluate(u, d) < -EPS) return r2r.apply(u, d), true;
    // 2-opt* joins two routes: none within u's own.
    if (this.s.route[d] === this.s.route[u]) return false;
    const ts = this.twoOptStar;
    if (ts.evaluate(u, d) < -EPS) return ts.apply(u, d), true;
    return false;
  }
}
