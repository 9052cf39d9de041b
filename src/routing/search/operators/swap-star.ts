import type { RouteState } from '../route-state.js';
import type { RouteOperator } from './operator.js';

const NONE = -1;

/**
 * SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source
 * implementation and SWAP* neighborhood"): exchanges a customer u of route
 * A with a customer v of route B, each inserted at its best position in the
 * other route (not necessarily in the other's place). The three cheapest
 * insertion positions of every customer in the other route are
 * precomputed, so a route pair costs O(|A|·|B|). Single relocations
 * between the two routes are considered in the same pass. With a time
 * resource (windows, duration limit), candidates are ranked on cost and
 * load, and the chosen one is evaluated exactly.
 */
export class SwapStar implements RouteOperator {
  readonly name = 'swap*';
  private readonly insCost: Float64Array;
  private readonly insPos: Int32Array;
  private readonly removal: Float64Array;
  private bestU = NONE;
  private bestV = NONE;
  private bestPosU = NONE;
  private bestPosV = NONE;
  private r1 = 0;
  private r2 = 0;

  constructor(private readonly s: RouteState) {
    const size = s.n + 1;
    this.insCost = new Float64Array(size * 3);
    this.insPos = new Int32Array(size * 3);
    this.removal = new Float64Array(size);
  }

  /** Removal gains and top-3 insertion positions of every customer of route `from` into route `to`. */
  private preprocess(from: number, to: number): void {
    const s = this.s;
    const C = s.data.cost;
    const L = s.loc;
    const W = s.n + 1;
    const endFrom = s.endDepot(from);
    const endTo = s.endDepot(to);
    for (let u = s.next[s.startDepot(from)]; u !== endFrom; u = s.next[u]) {
      const p = s.prev[u];
      const q = s.next[u];
      this.removal[u] = C[L[p] * W + L[q]] - C[L[p] * W + L[u]] - C[L[u] * W + L[q]];
      let c0 = Infinity, c1 = Infinity, c2 = Infinity;
      let p0 = NONE, p1 = NONE, p2 = NONE;
      for (let w = s.startDepot(to); w !== endTo; w = s.next[w]) {
        const nw = s.next[w];
        const cost = C[L[w] * W + L[u]] + C[L[u] * W + L[nw]] - C[L[w] * W + L[nw]];
        if (cost < c2) {
          if (cost < c1) {
            c2 = c1; p2 = p1;
            if (cost < c0) {
              c1 = c0; p1 = p0; c0 = cost; p0 = w;
            } else {
              c1 = cost; p1 = w;
            }
          } else {
            c2 = cost; p2 = w;
          }
        }
      }
      const k = u * 3;
      this.insCost[k] = c0; this.insPos[k] = p0;
      this.insCost[k + 1] = c1; this.insPos[k + 1] = p1;
      this.insCost[k + 2] = c2; this.insPos[k + 2] = p2;
    }
  }

  /** Cheapest insertion of u into v's route when v is removed from it; writes the position to this.tmpPos. */
  private tmpPos = NONE;
  private insertWithout(u: number, v: number): number {
    const s = this.s;
    const k = u * 3;
    let best = Infinity;
    this.tmpPos = NONE;
    for (let i = 0; i < 3; i++) {
      const w = this.insPos[k + i];
      if (w === NONE) break;
      if (w !== v && s.next[w] !== v) {
        best = this.insCost[k + i];
        this.tmpPos = w;
        break;
      }
    }
    const pv = s.prev[v];
    const nv = s.next[v];
    const inPlace = s.c(pv, u) + s.c(u, nv) - s.c(pv, nv);
    if (inPlace < best) {
      best = inPlace;
      this.tmpPos = pv;
    }
    return best;
  }

  evaluate(r1: number, r2: number): number {
    const s = this.s;
    this.r1 = r1;
    this.r2 = r2;
    this.bestU = this.bestV = this.bestPosU = this.bestPosV = NONE;
    this.preprocess(r1, r2);
    this.preprocess(r2, r1);
    const pen1 = s.routePenalty[r1];
    const pen2 = s.routePenalty[r2];
    const end1 = s.endDepot(r1);
    const end2 = s.endDepot(r2);
    let best = 0;
    for (let u = s.next[s.startDepot(r1)]; u !== end1; u = s.next[u]) {
      for (let v = s.next[s.startDepot(r2)]; v !== end2; v = s.next[v]) {
        const dPen1 = s.loadPenalty(r1, u, u, v, v) - pen1;
        const dPen2 = s.loadPenalty(r2, v, v, u, u) - pen2;
        if (dPen1 + this.removal[u] + dPen2 + this.removal[v] > 0) continue;
        const extraV = this.insertWithout(v, u);
        const posV = this.tmpPos;
        const extraU = this.insertWithout(u, v);
        const posU = this.tmpPos;
        const delta = dPen1 + this.removal[u] + extraV + dPen2 + this.removal[v] + extraU;
        if (delta < best) {
          best = delta;
          this.bestU = u; this.bestV = v; this.bestPosU = posU; this.bestPosV = posV;
        }
      }
    }
    // Relocations alone, in both directions.
    best = this.relocations(r1, r2, best, false);
    best = this.relocations(r2, r1, best, true);
    if (s.data.time !== null && (this.bestU !== NONE || this.bestV !== NONE)) {
      // Candidates were ranked without their new time penalty (old one
      // subtracted); add it exactly for the chosen move, in O(route length).
      best += s.timing.edited(r1, this.bestU, this.bestV, this.bestPosV);
      best += s.timing.edited(r2, this.bestV, this.bestU, this.bestPosU);
    }
    return best;
  }

  private relocations(from: number, to: number, best: number, swapped: boolean): number {
    const s = this.s;
    const end = s.endDepot(from);
    const sizeFrom = s.routeSize[from];
    const sizeTo = s.routeSize[to];
    const fixed = s.fixedDelta(sizeFrom, sizeTo, sizeFrom - 1, sizeTo + 1);
    for (let u = s.next[s.startDepot(from)]; u !== end; u = s.next[u]) {
      const w = this.insPos[u * 3];
      if (w === NONE) continue;
      const dPen = s.loadPenalty(from, u, u, -1, -1) - s.routePenalty[from] + s.loadPenalty(to, -1, -1, u, u) - s.routePenalty[to];
      const delta = dPen + this.removal[u] + this.insCost[u * 3] + fixed;
      if (delta < best) {
        best = delta;
        if (swapped) {
          this.bestU = NONE; this.bestPosU = NONE; this.bestV = u; this.bestPosV = w;
        } else {
          this.bestU = u; this.bestPosU = w; this.bestV = NONE; this.bestPosV = NONE;
        }
      }
    }
    return best;
  }

  apply(): void {
    const s = this.s;
    const { bestU: u, bestV: v, bestPosU: pu, bestPosV: pv } = this;
    if (u !== NONE) s.unlink(u);
    if (v !== NONE) s.unlink(v);
    if (u !== NONE) s.linkAfter(u, pu);
    if (v !== NONE) s.linkAfter(v, pv);
    s.commit(this.r1, this.r2);
  }
}
