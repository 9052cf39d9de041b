import type { SearchData } from './data.js';
import { RouteTiming } from './route-timing.js';

/**
 * Mutable solution state of the local search: doubly linked routes over
 * typed arrays, with prefix sums (load, cost, resource) per node so that a
 * move's cost change is evaluated in O(1). Node ids: customers 1..n, start
 * depot of route r is n+1+r, end depot n+1+R+r. All depots sit at matrix
 * index 0.
 */
export class RouteState {
  readonly n: number;
  readonly R: number;
  readonly D: number;
  readonly next: Int32Array;
  readonly prev: Int32Array;
  readonly route: Int32Array;
  readonly pos: Int32Array;
  /** Matrix index of each node (customer i -> i, depots -> 0). */
  readonly loc: Int32Array;
  /** Load from the route start up to and including the node, per dimension. */
  readonly cumLoad: Float64Array;
  /** Arc cost from the route start up to the node. */
  readonly cumCost: Float64Array;
  /** Duration segments (time windows, duration limit) per node; see route-timing.ts. */
  readonly timing: RouteTiming;
  readonly routeLoad: Float64Array;
  readonly routeCost: Float64Array;
  /** Time excess of each route (warp + duration over the limit). */
  readonly routeTimeExcess: Float64Array;
  /** Duration of each route (travel + service + waiting), when there is a time resource. */
  readonly routeDur: Float64Array;
  readonly routeSize: Int32Array;
  /** Penalty (load + duration excess) of each route at the current penalty weights. */
  readonly routePenalty: Float64Array;
  /** Travel time + service time of each route (a lower bound on its duration), when there is a time resource. */
  readonly routeWork: Float64Array;
  /**
   * routePenalty − durationCost · routeWork: what a move may gain on the
   * route's penalties at best, given that its new duration is at least its
   * new travel + service time (equal to routePenalty without a duration cost).
   */
  readonly routeSlack: Float64Array;
  /**
   * Arc costs for move bounds: cost + durationCost · travel time (the cost
   * matrix itself without a duration cost). A move's sum over changed arcs
   * of these, minus the routes' slack, bounds its change from below (the
   * routes' total service time is unchanged by a move).
   */
  readonly boundCost: Float64Array;
  /** Move counter value when the route last changed. */
  readonly routeModified: Float64Array;
  /**
   * Stamp of each route's current sequence: a new value, unique over the
   * state's lifetime, at every update of the route (also when a new solution
   * is loaded), for caches keyed by a route's content (SWAP* insertions).
   */
  readonly routeVersion: Float64Array;
  private versions = 0;
  /** Circle sector [start, end] of each route's customers (polar angles), when coordinates exist. */
  readonly sectorStart: Int32Array;
  readonly sectorEnd: Int32Array;
  /** Number of applied moves (a clock for "modified since"). */
  moves = 0;
  /** Penalty weights per unit of excess load, excess duration, and route beyond the fleet. */
  penaltyLoad = 1;
  penaltyTime = 1;
  penaltyFleet = 1;
  /** Number of non-empty routes. */
  used = 0;
  private readonly scratch: Int32Array;

  constructor(readonly data: SearchData) {
    const n = data.n;
    const R = data.maxRoutes;
    const N = n + 1 + 2 * R;
    this.n = n;
    this.R = R;
    this.D = data.dims;
    this.next = new Int32Array(N);
    this.prev = new Int32Array(N);
    this.route = new Int32Array(N).fill(-1);
    this.pos = new Int32Array(N);
    this.loc = new Int32Array(N);
    for (let i = 1; i <= n; i++) this.loc[i] = i;
    this.cumLoad = new Float64Array(N * this.D);
    this.cumCost = new Float64Array(N);
    this.timing = new RouteTiming(this, N);
    this.routeLoad = new Float64Array(R * this.D);
    this.routeCost = new Float64Array(R);
    this.routeTimeExcess = new Float64Array(R);
    this.routeDur = new Float64Array(R);
    this.routeSize = new Int32Array(R);
    this.routePenalty = new Float64Array(R);
    this.routeWork = new Float64Array(R);
    this.routeSlack = new Float64Array(R);
    const time = data.time;
    const dc = data.durationCost;
    if (time !== null && dc > 0) {
      const cost = data.cost;
      const b = new Float64Array(cost.length);
      for (let k = 0; k < b.length; k++) b[k] = cost[k] + dc * time[k];
      this.boundCost = b;
    } else {
      this.boundCost = data.cost;
    }
    this.routeModified = new Float64Array(R);
    this.routeVersion = new Float64Array(R);
    this.sectorStart = new Int32Array(R);
    this.sectorEnd = new Int32Array(R);
    this.scratch = new Int32Array(n + 2);
    for (let r = 0; r < R; r++) {
      this.route[this.startDepot(r)] = r;
      this.route[this.endDepot(r)] = r;
    }
  }

  startDepot(r: number): number {
    return this.n + 1 + r;
  }

  endDepot(r: number): number {
    return this.n + 1 + this.R + r;
  }

  isDepot(x: number): boolean {
    return x > this.n;
  }

  /** Arc cost between two nodes. */
  c(a: number, b: number): number {
    return this.data.cost[this.loc[a] * (this.n + 1) + this.loc[b]];
  }

  /** Arc resource (travel time) between two nodes; 0 when routes have no duration limit. */
  t(a: number, b: number): number {
    const time = this.data.time;
    return time === null ? 0 : time[this.loc[a] * (this.n + 1) + this.loc[b]];
  }

  /** Time penalty of route r (at the current weight), plus its duration cost. */
  timePenalty(r: number): number {
    return this.penaltyTime * this.routeTimeExcess[r] + this.data.durationCost * this.routeDur[r];
  }

  /**
   * Load penalty of route r after removing the segment [remA..remB] of r
   * (remA = -1: none) and adding the segment [addA..addB] of another route
   * (addA = -1: none).
   */
  loadPenalty(r: number, remA: number, remB: number, addA: number, addB: number): number {
    const D = this.D;
    if (D === 1) {
      // One dimension written out (the same arithmetic as the loop below).
      let load = this.routeLoad[r];
      if (remA >= 0) load -= this.cumLoad[remB] - this.cumLoad[this.prev[remA]];
      if (addA >= 0) load += this.cumLoad[addB] - this.cumLoad[this.prev[addA]];
      const cap = this.data.capacity[0];
      return (load > cap ? 0 + (load - cap) : 0) * this.penaltyLoad;
    }
    const cap = this.data.capacity;
    let excess = 0;
    for (let d = 0; d < D; d++) {
      let load = this.routeLoad[r * D + d];
      if (remA >= 0) load -= this.cumLoad[remB * D + d] - this.cumLoad[this.prev[remA] * D + d];
      if (addA >= 0) load += this.cumLoad[addB * D + d] - this.cumLoad[this.prev[addA] * D + d];
      if (load > cap[d]) excess += load - cap[d];
    }
    return excess * this.penaltyLoad;
  }

  /** Load penalty of an explicit load vector held in `buf` (length D). */
  loadPenaltyOf(buf: Float64Array): number {
    const cap = this.data.capacity;
    let excess = 0;
    for (let d = 0; d < this.D; d++) if (buf[d] > cap[d]) excess += buf[d] - cap[d];
    return excess * this.penaltyLoad;
  }

  /** Change of fixed cost and fleet penalty when two routes' sizes go from (a, b) to (a2, b2). */
  fixedDelta(a: number, b: number, a2: number, b2: number): number {
    const change = +(a2 > 0) + +(b2 > 0) - +(a > 0) - +(b > 0);
    if (change === 0) return 0;
    const limit = this.data.fleetLimit;
    const over = this.used - limit;
    const over2 = over + change;
    return this.data.fixedCost * change + this.penaltyFleet * ((over2 > 0 ? over2 : 0) - (over > 0 ? over : 0));
  }

  /** Loads the given routes (customer ids) into the state; unused slots stay empty, customers in no route get route -1. */
  load(routes: ArrayLike<number>[]): void {
    this.route.fill(-1, 1, this.n + 1);
    for (let r = 0; r < this.R; r++) {
      const seq = r < routes.length ? routes[r] : [];
      this.setRoute(r, seq, seq.length);
    }
  }

  /** Replaces route r by the customers seq[0..len). */
  setRoute(r: number, seq: ArrayLike<number>, len: number): void {
    let prev = this.startDepot(r);
    for (let k = 0; k < len; k++) {
      const x = seq[k];
      this.next[prev] = x;
      this.prev[x] = prev;
      prev = x;
    }
    const end = this.endDepot(r);
    this.next[prev] = end;
    this.prev[end] = prev;
    this.updateRoute(r);
  }

  /** Recomputes positions, prefix sums, totals, penalty and sector of route r. */
  updateRoute(r: number): void {
    const D = this.D;
    const data = this.data;
    let x = this.startDepot(r);
    const end = this.endDepot(r);
    let p = 0;
    for (let d = 0; d < D; d++) this.cumLoad[x * D + d] = 0;
    this.cumCost[x] = 0;
    this.pos[x] = 0;
    const angle = data.angle;
    let first = true;
    let s0 = 0;
    let s1 = 0;
    const time = data.time;
    let work = 0;
    while (x !== end) {
      const y = this.next[x];
      p++;
      this.pos[y] = p;
      this.route[y] = r;
      for (let d = 0; d < D; d++) this.cumLoad[y * D + d] = this.cumLoad[x * D + d] + data.demand[this.loc[y] * D + d];
      this.cumCost[y] = this.cumCost[x] + this.c(x, y);
      if (time !== null) work += time[this.loc[x] * (this.n + 1) + this.loc[y]] + data.service[this.loc[y]];
      if (angle !== null && y !== end) {
        const a = angle[y];
        if (first) {
          s0 = a;
          s1 = a;
          first = false;
        } else if (((a - s0) & 65535) > ((s1 - s0) & 65535)) {
          if (((a - s1) & 65535) <= ((s0 - a) & 65535)) s1 = a;
          else s0 = a;
        }
      }
      x = y;
    }
    this.used += +(p > 1) - +(this.routeSize[r] > 0);
    this.routeSize[r] = p - 1;
    for (let d = 0; d < D; d++) this.routeLoad[r * D + d] = this.cumLoad[end * D + d];
    this.routeCost[r] = this.cumCost[end];
    this.routeTimeExcess[r] = data.time !== null ? this.timing.update(r) : 0;
    this.routeDur[r] = data.time !== null ? this.timing.lastDur : 0;
    this.routeWork[r] = work;
    this.setPenalty(r);
    this.sectorStart[r] = s0;
    this.sectorEnd[r] = s1;
    this.routeModified[r] = this.moves;
    this.routeVersion[r] = ++this.versions;
  }

  /** Recomputes every route's penalty after the penalty weights changed. */
  refreshPenalties(): void {
    for (let r = 0; r < this.R; r++) this.setPenalty(r);
  }

  private setPenalty(r: number): void {
    const pen = this.loadPenalty(r, -1, -1, -1, -1) + this.timePenalty(r);
    this.routePenalty[r] = pen;
    this.routeSlack[r] = pen - this.data.durationCost * this.routeWork[r];
  }

  /** timePenalty(r) − durationCost · routeWork[r]: a bound on what an intra-route move may gain on r's time penalty. */
  timeSlack(r: number): number {
    return this.timePenalty(r) - this.data.durationCost * this.routeWork[r];
  }

  /** Marks a move as applied and refreshes the given routes. */
  commit(r1: number, r2: number): void {
    this.moves++;
    this.updateRoute(r1);
    if (r2 !== r1) this.updateRoute(r2);
  }

  /** Unlinks node x. */
  unlink(x: number): void {
    const p = this.prev[x];
    const q = this.next[x];
    this.next[p] = q;
    this.prev[q] = p;
  }

  /** Links node x right after node a. */
  linkAfter(x: number, a: number): void {
    const b = this.next[a];
    this.next[a] = x;
    this.prev[x] = a;
    this.next[x] = b;
    this.prev[b] = x;
  }

  /** Customers of route r in order, copied into a fresh array. */
  customers(r: number): number[] {
    const out: number[] = [];
    for (let x = this.next[this.startDepot(r)]; x !== this.endDepot(r); x = this.next[x]) out.push(x);
    return out;
  }

  /** Writes the customers from `from` to `to` (inclusive, same route, in order) into scratch; returns the count. */
  collect(from: number, to: number, into: Int32Array = this.scratch, offset = 0): number {
    let k = offset;
    let x = from;
    for (;;) {
      into[k++] = x;
      if (x === to) break;
      x = this.next[x];
    }
    return k - offset;
  }

  /** Penalised cost of the whole state: arc costs + fixed costs + penalties. */
  penalisedCost(): number {
    let total = this.penaltyFleet * Math.max(0, this.used - this.data.fleetLimit);
    for (let r = 0; r < this.R; r++) {
      if (this.routeSize[r] === 0) continue;
      total += this.routeCost[r] + this.routePenalty[r] + this.data.fixedCost;
    }
    return total;
  }
}
