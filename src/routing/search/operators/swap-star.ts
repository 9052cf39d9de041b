import type { RouteState } from '../route-state.js';
import type { RouteOperator } from './operator.js';

const NONE = -1;
/**
 * Entries (route × customer) of the SWAP* insertion cache beyond which one
 * shared block is used (44 bytes each: at most ~44 MB; 2,000 stops and 167
 * route slots take 15 MB).
 */
const MAX_CACHED_ENTRIES = 1_000_000;

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
  /** Top-3 insertion costs / positions (predecessor node) of customer u into a route, at entry (block + u)·3. */
  private readonly insCost: Float64Array;
  private readonly insPos: Int32Array;
  /** Route version (RouteState.routeVersion) the entry (block + u) was computed for; -1: none. */
  private readonly insVersion: Float64Array;
  /** One block of n + 1 entries per route when memory allows (entries stay valid while the route is unchanged), else one shared block. */
  private readonly perRoute: boolean;
  private readonly removal: Float64Array;
  /** Demand of each customer per dimension (as a difference of prefix loads), for the routes being evaluated. */
  private readonly dem: Float64Array;
  /** C(prev x, next x) per customer of the second route in evaluate (symmetric costs). */
  private readonly bypass: Float64Array;
  /** Scratch: the route being inserted into, as flat arrays (see preprocess). */
  private readonly toNode: Int32Array;
  private readonly toLoc: Int32Array;
  private readonly toArc: Float64Array;
  private bestU = NONE;
  private bestV = NONE;
  private bestPosU = NONE;
  private bestPosV = NONE;
  private r1 = 0;
  private r2 = 0;

  /** `maxCachedEntries`: route × customer entries beyond which the cache uses one shared block (tests). */
  constructor(private readonly s: RouteState, maxCachedEntries = MAX_CACHED_ENTRIES) {
    const size = s.n + 1;
    this.perRoute = s.R * size <= maxCachedEntries;
    const entries = this.perRoute ? s.R * size : size;
    this.insCost = new Float64Array(entries * 3);
    this.insPos = new Int32Array(entries * 3);
    this.insVersion = new Float64Array(entries).fill(-1);
    this.removal = new Float64Array(size);
    this.dem = new Float64Array(size * s.D);
    this.bypass = new Float64Array(size);
    this.toNode = new Int32Array(size + 1);
    this.toLoc = new Int32Array(size + 1);
    this.toArc = new Float64Array(size + 1);
  }

  /** First entry of route r's block. */
  private block(r: number): number {
    return this.perRoute ? r * (this.s.n + 1) : 0;
  }

  /**
   * Removal gains, demands and top-3 insertion positions of every customer
   * of route `from` into route `to` (HGS-CVRP's preprocessInsertions: an
   * entry is recomputed only when `to` changed since it was computed).
   */
  private preprocess(from: number, to: number): void {
    const s = this.s;
    const C = s.data.cost;
    const L = s.loc;
    const W = s.n + 1;
    const next = s.next;
    const prev = s.prev;
    const D = s.D;
    const cum = s.cumLoad;
    const dem = this.dem;
    const endFrom = s.endDepot(from);
    const endTo = s.endDepot(to);
    const startTo = s.startDepot(to);
    const version = s.routeVersion[to];
    const blk = this.block(to);
    const insCost = this.insCost;
    const insPos = this.insPos;
    const sym = s.data.symmetric;
    const toLoc = this.toLoc;
    const toArc = this.toArc;
    const toNode = this.toNode;
    let toLen = -1;
    for (let u = next[s.startDepot(from)]; u !== endFrom; u = next[u]) {
      const p = prev[u];
      const q = next[u];
      const lp = L[p] * W;
      const lu = L[u];
      this.removal[u] = C[lp + L[q]] - C[lp + lu] - C[lu * W + L[q]];
      for (let d = 0; d < D; d++) dem[u * D + d] = cum[u * D + d] - cum[p * D + d];
      const e = blk + u;
      if (this.insVersion[e] === version) continue;
      this.insVersion[e] = version;
      if (toLen < 0) {
        // Route `to` as flat arrays, once per call: node w_i, its matrix index, and the arc w_i → w_{i+1}.
        toLen = 0;
        for (let w = startTo; w !== endTo; w = next[w]) {
          toNode[toLen] = w;
          toLoc[toLen] = L[w];
          toArc[toLen] = C[L[w] * W + L[next[w]]];
          toLen++;
        }
        toLoc[toLen] = L[endTo];
      }
      // Inserting u between w_i and w_{i+1} costs C(w_i, u) + C(u, w_{i+1}) − C(w_i, w_{i+1}). u's row is read
      // in order; with symmetric costs C(w_i, u) is the previous position's C(u, w_i), else read from w_i's row.
      let c0 = Infinity, c1 = Infinity, c2 = Infinity;
      let p0 = NONE, p1 = NONE, p2 = NONE;
      const row = lu * W;
      let cIn = sym ? C[row + toLoc[0]] : C[toLoc[0] * W + lu];
      for (let i = 0; i < toLen; i++) {
        const lnw = toLoc[i + 1];
        const cOut = C[row + lnw];
        const cost = cIn + cOut - toArc[i];
        cIn = sym ? cOut : C[lnw * W + lu];
        if (cost < c2) {
          const w = toNode[i];
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
      const k = e * 3;
      insCost[k] = c0; insPos[k] = p0;
      insCost[k + 1] = c1; insPos[k + 1] = p1;
      insCost[k + 2] = c2; insPos[k + 2] = p2;
    }
  }

  /**
   * Cheapest insertion of u (entry k·3 of its insertions into v's route)
   * into v's route when v is removed from it, given `inPlace`, the cost of
   * u in v's place; writes the position to this.tmpPos.
   */
  private tmpPos = NONE;
  private insertWithout(k: number, v: number, inPlace: number): number {
    const next = this.s.next;
    let best = Infinity;
    this.tmpPos = NONE;
    for (let i = 0; i < 3; i++) {
      const w = this.insPos[k + i];
      if (w === NONE) break;
      if (w !== v && next[w] !== v) {
        best = this.insCost[k + i];
        this.tmpPos = w;
        break;
      }
    }
    if (inPlace < best) {
      best = inPlace;
      this.tmpPos = this.s.prev[v];
    }
    return best;
  }

  /** Cost of u in v's place: C(prev v, u) + C(u, next v) − C(prev v, next v). */
  private inPlace(u: number, v: number): number {
    const s = this.s;
    const C = s.data.cost;
    const L = s.loc;
    const W = s.n + 1;
    const lpv = L[s.prev[v]] * W;
    const lu = L[u];
    const lnv = L[s.next[v]];
    return C[lpv + lu] + C[lu * W + lnv] - C[lpv + lnv];
  }

  /** Load penalty of route r with the customer `rem` removed and `add` added (either may be NONE), from the demands in `dem`. */
  private swapLoadPenalty(r: number, rem: number, add: number): number {
    const s = this.s;
    const D = s.D;
    const cap = s.data.capacity;
    const dem = this.dem;
    let excess = 0;
    for (let d = 0; d < D; d++) {
      let load = s.routeLoad[r * D + d];
      if (rem !== NONE) load -= dem[rem * D + d];
      if (add !== NONE) load += dem[add * D + d];
      if (load > cap[d]) excess += load - cap[d];
    }
    return excess * s.penaltyLoad;
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
    const first2 = s.next[s.startDepot(r2)];
    const blk1 = this.block(r1);
    const blk2 = this.block(r2);
    const next = s.next;
    const removal = this.removal;
    const D = s.D;
    const dem = this.dem;
    const cap0 = s.data.capacity[0];
    const pl = s.penaltyLoad;
    const load1 = s.routeLoad[r1 * D];
    const load2 = s.routeLoad[r2 * D];
    const C = s.data.cost;
    const L = s.loc;
    const W = s.n + 1;
    const prev = s.prev;
    const sym = s.data.symmetric;
    const bypass = this.bypass;
    if (sym) {
      // C(prev x, next x) of every customer of r2.
      for (let v = first2; v !== end2; v = next[v]) bypass[v] = C[L[prev[v]] * W + L[next[v]]];
    }
    let best = 0;
    for (let u = next[s.startDepot(r1)]; u !== end1; u = next[u]) {
      const remU = removal[u];
      const demU = dem[u * D];
      const rowU = L[u] * W;
      const rowPu = L[prev[u]] * W;
      const rowNu = L[next[u]] * W;
      const bypassU = sym ? C[rowPu + L[next[u]]] : 0;
      for (let v = first2; v !== end2; v = next[v]) {
        let dPen1: number;
        let dPen2: number;
        if (D === 1) {
          // swapLoadPenalty written out for one dimension (same arithmetic).
          const demV = dem[v];
          const l1 = load1 - demU + demV;
          const l2 = load2 - demV + demU;
          dPen1 = (l1 > cap0 ? 0 + (l1 - cap0) : 0) * pl - pen1;
          dPen2 = (l2 > cap0 ? 0 + (l2 - cap0) : 0) * pl - pen2;
        } else {
          dPen1 = this.swapLoadPenalty(r1, u, v) - pen1;
          dPen2 = this.swapLoadPenalty(r2, v, u) - pen2;
        }
        if (dPen1 + remU + dPen2 + removal[v] > 0) continue;
        let inPlaceV: number;
        let inPlaceU: number;
        if (sym) {
          // inPlace() with C(a, b) read as C(b, a): rows prev(u), next(u) and u stay in cache over the v loop.
          const lv = L[v];
          inPlaceV = C[rowPu + lv] + C[rowNu + lv] - bypassU;
          inPlaceU = C[rowU + L[prev[v]]] + C[rowU + L[next[v]]] - bypass[v];
        } else {
          inPlaceV = this.inPlace(v, u);
          inPlaceU = this.inPlace(u, v);
        }
        const extraV = this.insertWithout((blk1 + v) * 3, u, inPlaceV);
        const posV = this.tmpPos;
        const extraU = this.insertWithout((blk2 + u) * 3, v, inPlaceU);
        const posU = this.tmpPos;
        const delta = dPen1 + remU + extraV + dPen2 + removal[v] + extraU;
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
    const blk = this.block(to);
    for (let u = s.next[s.startDepot(from)]; u !== end; u = s.next[u]) {
      const k = (blk + u) * 3;
      const w = this.insPos[k];
      if (w === NONE) continue;
      const dPen = this.swapLoadPenalty(from, u, NONE) - s.routePenalty[from] + this.swapLoadPenalty(to, NONE, u) - s.routePenalty[to];
      const delta = dPen + this.removal[u] + this.insCost[k] + fixed;
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
