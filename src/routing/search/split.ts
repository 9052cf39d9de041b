import type { SearchData } from './data.js';
import { Seg } from './time-segment.js';

function slice(a: Int32Array, from: number, to: number): number[] {
  const out = new Array<number>(to - from);
  for (let k = from; k < to; k++) out[k - from] = a[k];
  return out;
}

/**
 * Split (Prins 2004; Vidal 2016): cuts a giant tour into routes optimally
 * for the penalised cost, by a shortest path over tour positions. A route
 * is extended while its load stays under 1.5× the capacity. When that
 * uses more routes than the fleet (or the route slots), a Bellman recursion
 * over the number of routes keeps at most that many.
 */
export class Split {
  private readonly pot: Float64Array;
  private readonly predIdx: Int32Array;
  private readonly load: Float64Array;
  /** Route costs from the last scan, indexed by end position. */
  private readonly seg: Float64Array;
  private readonly acc = new Seg();
  private readonly tmp = new Seg();

  constructor(private readonly data: SearchData) {
    const n = data.n;
    this.pot = new Float64Array((data.maxRoutes + 1) * (n + 1));
    this.predIdx = new Int32Array((data.maxRoutes + 1) * (n + 1));
    this.load = new Float64Array(data.dims);
    this.seg = new Float64Array(n + 1);
  }

  /** Routes of `tour` (customer ids) at the given penalty weights. */
  run(tour: Int32Array, penaltyLoad: number, penaltyTime: number): number[][] {
    const routes = this.unlimited(tour, penaltyLoad, penaltyTime);
    const K = Math.min(this.data.maxRoutes, this.data.fleetLimit);
    if (routes.length <= K) return routes;
    return this.limited(tour, penaltyLoad, penaltyTime, K, true) ?? this.limited(tour, penaltyLoad, penaltyTime, K, false)!;
  }

  /**
   * Cost of every route tour[i..j-1], written to seg[j] for j = i+1..end;
   * returns end. Stops past 1.5× capacity when `cut`.
   */
  private scan(tour: Int32Array, i: number, pL: number, pT: number, cut: boolean): number {
    const d = this.data;
    const N1 = d.n + 1;
    const D = d.dims;
    const n = tour.length;
    const L = this.load;
    L.fill(0);
    let cost = 0;
    let prev = 0;
    const acc = this.acc;
    const tmp = this.tmp;
    acc.set(0, 0, d.early[0], d.late[0]);
    let last = i;
    for (let j = i; j < n; j++) {
      const c = tour[j];
      let over = false;
      let excess = 0;
      for (let k = 0; k < D; k++) {
        L[k] += d.demand[c * D + k];
        if (L[k] > d.capacity[k]) {
          excess += L[k] - d.capacity[k];
          if (L[k] > 1.5 * d.capacity[k]) over = true;
        }
      }
      if (cut && over && j > i) break;
      cost += d.cost[prev * N1 + c];
      let total = cost + d.cost[c * N1] + d.fixedCost + pL * excess;
      if (d.time) {
        acc.append(d.time[prev * N1 + c], d.service[c], 0, d.early[c], d.late[c]);
        tmp.set(acc.dur, acc.warp, acc.early, acc.late).append(d.time[c * N1], 0, 0, d.early[0], d.late[0]);
        total += pT * tmp.excess(d.maxDuration) + d.durationCost * tmp.dur;
      }
      this.seg[j + 1] = total;
      prev = c;
      last = j + 1;
    }
    return last;
  }

  private unlimited(tour: Int32Array, pL: number, pT: number): number[][] {
    const n = tour.length;
    const pot = this.pot;
    const pred = this.predIdx;
    pot.fill(Infinity, 0, n + 1);
    pot[0] = 0;
    for (let i = 0; i < n; i++) {
      const base = pot[i];
      if (base === Infinity) continue;
      const end = this.scan(tour, i, pL, pT, true);
      for (let j = i + 1; j <= end; j++) {
        const cost = base + this.seg[j];
        if (cost < pot[j]) {
          pot[j] = cost;
          pred[j] = i;
        }
      }
    }
    const routes: number[][] = [];
    for (let j = n; j > 0; j = pred[j]) routes.push(slice(tour, pred[j], j));
    return routes.reverse();
  }

  private limited(tour: Int32Array, pL: number, pT: number, K: number, cut: boolean): number[][] | null {
    const n = tour.length;
    const W = n + 1;
    const pot = this.pot;
    const pred = this.predIdx;
    pot.fill(Infinity, 0, (K + 1) * W);
    pot[0] = 0;
    // pot[k][i] is final once every position before i is processed, and the
    // routes starting at i cost the same whatever k: one scan per position.
    for (let i = 0; i < n; i++) {
      let reached = false;
      for (let k = 0; k < K && k <= i; k++) if (pot[k * W + i] !== Infinity) reached = true;
      if (!reached) continue;
      const end = this.scan(tour, i, pL, pT, cut);
      for (let k = 0; k < K && k <= i; k++) {
        const base = pot[k * W + i];
        if (base === Infinity) continue;
        const row = (k + 1) * W;
        for (let j = i + 1; j <= end; j++) {
          const cost = base + this.seg[j];
          if (cost < pot[row + j]) {
            pot[row + j] = cost;
            pred[row + j] = i;
          }
        }
      }
    }
    let bestK = -1;
    let best = Infinity;
    for (let k = 1; k <= K; k++) {
      if (pot[k * W + n] < best) {
        best = pot[k * W + n];
        bestK = k;
      }
    }
    if (bestK < 0) return n === 0 ? [] : null;
    const routes: number[][] = [];
    let j = n;
    for (let k = bestK; k > 0; k--) {
      const i = pred[k * W + j];
      routes.push(slice(tour, i, j));
      j = i;
    }
    return routes.reverse();
  }
}
