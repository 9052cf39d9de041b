import type { SearchData } from './data.js';
import { Seg } from './time-segment.js';

const seg = new Seg();

/**
 * One solution of the genetic search: the giant tour (customers in route
 * order, depots left out), its routes, and its cost split into arc + fixed
 * cost and excess load / excess duration, from which the penalised cost
 * follows for any penalty weights.
 */
export class Individual {
  readonly tour: Int32Array;
  routes: number[][] = [];
  /** Successor / predecessor of each customer (0 = depot), for the broken-pairs distance. */
  readonly succ: Int32Array;
  readonly pred: Int32Array;
  cost = 0;
  excessLoad = 0;
  excessTime = 0;
  /** Routes beyond the fleet limit. */
  excessRoutes = 0;
  /** Number of non-empty routes. */
  used = 0;
  /** Penalised cost at the weights of the last `setPenalised`. */
  penalised = 0;
  biasedFitness = 0;
  /** Other individuals of the same sub-population, nearest first (parallel arrays: distance, individual). */
  readonly nearD: number[] = [];
  readonly nearOther: Individual[] = [];

  constructor(n: number) {
    this.tour = new Int32Array(n);
    this.succ = new Int32Array(n + 1);
    this.pred = new Int32Array(n + 1);
  }

  get feasible(): boolean {
    return this.excessLoad < 1e-9 && this.excessTime < 1e-9 && this.excessRoutes === 0;
  }

  /** Sets the routes, rebuilds the giant tour, the neighbour arrays and the cost (the individual may be reused). */
  setRoutes(data: SearchData, routes: number[][]): void {
    this.routes = routes;
    this.nearD.length = 0;
    this.nearOther.length = 0;
    this.biasedFitness = 0;
    const N1 = data.n + 1;
    const D = data.dims;
    let k = 0;
    let cost = 0;
    let exL = 0;
    let exT = 0;
    let used = 0;
    for (const route of routes) {
      if (route.length === 0) continue;
      used++;
      let prev = 0;
      if (data.time) seg.set(0, 0, data.early[0], data.late[0]);
      for (let d = 0; d < D; d++) {
        let load = 0;
        for (const c of route) load += data.demand[c * D + d];
        if (load > data.capacity[d]) exL += load - data.capacity[d];
      }
      for (let i = 0; i < route.length; i++) {
        const c = route[i];
        this.tour[k++] = c;
        this.pred[c] = prev;
        this.succ[c] = i + 1 < route.length ? route[i + 1] : 0;
        cost += data.cost[prev * N1 + c];
        if (data.time) seg.append(data.time[prev * N1 + c], data.service[c], 0, data.early[c], data.late[c]);
        prev = c;
      }
      cost += data.cost[prev * N1] + data.fixedCost;
      if (data.time) {
        exT += seg.append(data.time[prev * N1], 0, 0, data.early[0], data.late[0]).excess(data.maxDuration);
        cost += data.durationCost * seg.dur;
      }
    }
    this.cost = cost;
    this.excessLoad = exL;
    this.excessTime = exT;
    this.used = used;
    this.excessRoutes = Math.max(0, used - data.fleetLimit);
  }

  /** Re-evaluates the routes beyond a new fleet limit (call `setPenalised` after). */
  setFleetLimit(limit: number): void {
    this.excessRoutes = Math.max(0, this.used - limit);
  }

  setPenalised(penaltyLoad: number, penaltyTime: number, penaltyFleet: number): void {
    this.penalised = this.cost + penaltyLoad * this.excessLoad + penaltyTime * this.excessTime + penaltyFleet * this.excessRoutes;
  }

  /** Broken-pairs distance in [0, 1] (Prins 2009; as in HGS-CVRP). */
  distance(o: Individual): number {
    const n = this.tour.length;
    const as = this.succ;
    const ap = this.pred;
    const os = o.succ;
    const op = o.pred;
    let diff = 0;
    // Branchless (+boolean & +boolean is 0 or 1): whether an arc is shared is
    // hard to predict, and this loop runs for every pair of the population
    // (~25% less time than with ifs, same count).
    for (let j = 1; j <= n; j++) {
      const s = as[j];
      const t = os[j];
      const p = op[j];
      // j → s is broken in o (o has neither j → s nor s → j).
      diff += +(s !== t) & +(s !== p);
      // j starts a route here and is an inner visit in o.
      diff += +(ap[j] === 0) & +(p !== 0) & +(t !== 0);
    }
    return diff / n;
  }

  /** Mean distance to the k nearest others. */
  avgNear(k: number): number {
    const m = Math.min(k, this.nearD.length);
    if (m === 0) return 0;
    let sum = 0;
    for (let i = 0; i < m; i++) sum += this.nearD[i];
    return sum / m;
  }

  addNear(other: Individual, d: number): void {
    const a = this.nearD;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid] < d) lo = mid + 1;
      else hi = mid;
    }
    a.splice(lo, 0, d);
    this.nearOther.splice(lo, 0, other);
  }

  removeNear(other: Individual): void {
    const i = this.nearOther.indexOf(other);
    if (i >= 0) {
      this.nearD.splice(i, 1);
      this.nearOther.splice(i, 1);
    }
  }
}
