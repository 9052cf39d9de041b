import type { PdpModel } from './model.js';
import { latestAt, startAt } from './windows.js';

/**
 * One route of vehicle type `veh` with its schedule: `nodes[0]` is the type's
 * start depot, `nodes[1..m]` the stops, `nodes[m + 1]` its end depot.
 * `start[k]` is the earliest start of service at position k, `latest[k]` the
 * latest start that keeps the rest of the route feasible (backward time
 * slack, exact with several windows), `load[k·D + d]` the load after k (the
 * single deliveries' demand is on board from the start), `peak[k·D + d]` the
 * largest load over positions 0..k, `dist` the route's distance.
 */
export class Route {
  m = 0;
  cost = 0;
  dist = 0;
  veh = 0;
  readonly nodes: Int32Array;
  readonly start: Float64Array;
  readonly latest: Float64Array;
  readonly load: Float64Array;
  readonly peak: Float64Array;
  constructor(model: PdpModel, veh = 0) {
    const len = model.N - 2 * model.T + 1;
    this.veh = veh;
    this.nodes = new Int32Array(len);
    this.start = new Float64Array(len);
    this.latest = new Float64Array(len);
    this.load = new Float64Array(len * model.D);
    this.peak = new Float64Array(len * model.D);
    this.nodes[0] = model.startNode[veh];
    this.nodes[1] = model.endNode[veh];
  }
  copyFrom(o: Route, D: number): void {
    const len = o.m + 2;
    this.m = o.m;
    this.cost = o.cost;
    this.dist = o.dist;
    this.veh = o.veh;
    const { nodes, start, latest, load, peak } = this;
    for (let k = 0; k < len; k++) {
      nodes[k] = o.nodes[k];
      start[k] = o.start[k];
      latest[k] = o.latest[k];
    }
    for (let k = 0; k < len * D; k++) {
      load[k] = o.load[k];
      peak[k] = o.peak[k];
    }
  }
}

/**
 * A (possibly partial) solution: routes, the route and position of every
 * node, and the requests not yet served (the request bank).
 */
export class PdpSolution {
  routes: Route[] = [];
  /** Number of routes in use (routes[0..used-1]); routes beyond are spare objects. */
  used = 0;
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  /** 1 when the request is served. */
  readonly served: Uint8Array;
  constructor(readonly model: PdpModel) {
    this.routeOf = new Int32Array(model.N).fill(-1);
    this.posOf = new Int32Array(model.N).fill(-1);
    this.served = new Uint8Array(model.R);
  }

  /** Total cost: fixed cost of each non-empty route's type + arc costs. */
  cost(): number {
    let c = 0;
    for (let r = 0; r < this.used; r++) if (this.routes[r].m > 0) c += this.routes[r].cost + this.model.fixed[this.routes[r].veh];
    return c;
  }

  /** Non-empty routes per vehicle type. */
  usedPerType(): Float64Array {
    const out = new Float64Array(this.model.T);
    for (let r = 0; r < this.used; r++) if (this.routes[r].m > 0) out[this.routes[r].veh]++;
    return out;
  }

  /** Arc costs only. */
  distance(): number {
    let c = 0;
    for (let r = 0; r < this.used; r++) c += this.routes[r].cost;
    return c;
  }

  nonEmptyRoutes(): number {
    let k = 0;
    for (let r = 0; r < this.used; r++) if (this.routes[r].m > 0) k++;
    return k;
  }

  /** Requests not served (excluded ones included). */
  bank(): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.model.R; k++) if (!this.served[k]) out.push(k);
    return out;
  }

  /** Adds an empty route of vehicle type `veh` and returns its index. */
  addRoute(veh = 0): number {
    if (this.used === this.routes.length) this.routes.push(new Route(this.model));
    const r = this.routes[this.used];
    r.m = 0;
    r.veh = veh;
    r.nodes[0] = this.model.startNode[veh];
    r.nodes[1] = this.model.endNode[veh];
    this.refresh(this.used);
    return this.used++;
  }

  /** Drops empty routes (the positions of the others change). */
  compact(): void {
    let w = 0;
    for (let r = 0; r < this.used; r++) {
      const route = this.routes[r];
      if (route.m === 0) continue;
      if (w !== r) {
        this.routes[r] = this.routes[w];
        this.routes[w] = route;
        for (let k = 1; k <= route.m; k++) this.routeOf[route.nodes[k]] = w;
      }
      w++;
    }
    this.used = w;
  }

  /** Inserts request k's pickup (or single stop) after position i and its delivery after position j (j ≥ i) of route r. */
  insert(k: number, r: number, i: number, j: number): void {
    const route = this.routes[r];
    const nodes = route.nodes;
    const p = this.model.pick[k];
    const d = this.model.del[k];
    if (d < 0) {
      nodes.copyWithin(i + 2, i + 1, route.m + 2);
      nodes[i + 1] = p;
      route.m += 1;
      this.served[k] = 1;
      this.refresh(r);
      return;
    }
    // old positions 0..m+1; new sequence: 0..i, p, i+1..j, d, j+1..m+1
    nodes.copyWithin(j + 3, j + 1, route.m + 2);
    nodes[j + 2] = d;
    nodes.copyWithin(i + 2, i + 1, j + 1);
    nodes[i + 1] = p;
    route.m += 2;
    this.served[k] = 1;
    this.refresh(r);
  }

  /** Removes request k from its route (no-op when not served). */
  remove(k: number): void {
    if (!this.served[k]) return;
    const p = this.model.pick[k];
    const d = this.model.del[k];
    const r = this.routeOf[p];
    const route = this.routes[r];
    const nodes = route.nodes;
    let w = 1;
    for (let x = 1; x <= route.m + 1; x++) {
      const v = nodes[x];
      if (v !== p && v !== d) nodes[w++] = v;
    }
    route.m -= d < 0 ? 1 : 2;
    this.served[k] = 0;
    this.routeOf[p] = -1;
    this.posOf[p] = -1;
    if (d >= 0) this.routeOf[d] = this.posOf[d] = -1;
    this.refresh(r);
  }

  /** Recomputes schedule, slack, loads, cost and positions of route r. */
  refresh(r: number): void {
    const route = this.routes[r];
    schedule(this.model, route);
    const nodes = route.nodes;
    for (let k = 1; k <= route.m; k++) {
      this.routeOf[nodes[k]] = r;
      this.posOf[nodes[k]] = k;
    }
  }

  /** Makes this solution a copy of `o` (reusing the route objects). */
  copyFrom(o: PdpSolution): void {
    while (this.routes.length < o.used) this.routes.push(new Route(this.model));
    for (let r = 0; r < o.used; r++) this.routes[r].copyFrom(o.routes[r], this.model.D);
    this.used = o.used;
    this.routeOf.set(o.routeOf);
    this.posOf.set(o.posOf);
    this.served.set(o.served);
  }

  clone(): PdpSolution {
    const s = new PdpSolution(this.model);
    s.copyFrom(this);
    return s;
  }
}

/** Recomputes the schedule (earliest starts), backward slack, loads, peaks, distance and arc cost of a route from its nodes. */
export function schedule(model: PdpModel, route: Route): void {
  const { time, service, load, initLoad, dist, D, N } = model;
  const cost = model.costs[route.veh];
  const nodes = route.nodes;
  const last = route.m + 1;
  const rl = route.load;
  const pk = route.peak;
  let c = 0;
  let km = 0;
  let t = model.early[nodes[0]];
  route.start[0] = t;
  for (let d = 0; d < D; d++) rl[d] = 0;
  for (let k = 1; k <= route.m; k++) for (let d = 0; d < D; d++) rl[d] += initLoad[nodes[k] * D + d];
  for (let d = 0; d < D; d++) pk[d] = rl[d];
  for (let k = 1; k <= last; k++) {
    const a = nodes[k - 1];
    const b = nodes[k];
    c += cost[a * N + b];
    km += dist[a * N + b];
    const arrive = t + service[a] + time[a * N + b];
    t = startAt(model, b, arrive);
    if (t === Infinity) t = arrive; // infeasible route (never built by the search): keep the arrival
    route.start[k] = t;
    for (let d = 0; d < D; d++) {
      const x = rl[(k - 1) * D + d] + load[b * D + d];
      rl[k * D + d] = x;
      const p = pk[(k - 1) * D + d];
      pk[k * D + d] = x > p ? x : p;
    }
  }
  route.cost = c;
  route.dist = km;
  let lt = model.late[nodes[last]];
  route.latest[last] = lt;
  for (let k = last - 1; k >= 0; k--) {
    const a = nodes[k];
    const b = nodes[k + 1];
    lt = latestAt(model, a, lt - time[a * N + b] - service[a]);
    route.latest[k] = lt;
  }
}
