import type { PdpModel } from './model.js';

/**
 * One route with its schedule: `nodes[0]` is the start depot, `nodes[1..m]`
 * the stops, `nodes[m + 1]` the end depot. `start[k]` is the earliest start of
 * service at position k, `latest[k]` the latest start that keeps the rest of
 * the route feasible (backward time slack), `load[k·D + d]` the load after k.
 */
export class Route {
  m = 0;
  cost = 0;
  readonly nodes: Int32Array;
  readonly start: Float64Array;
  readonly latest: Float64Array;
  readonly load: Float64Array;
  constructor(model: PdpModel) {
    this.nodes = new Int32Array(model.N);
    this.start = new Float64Array(model.N);
    this.latest = new Float64Array(model.N);
    this.load = new Float64Array(model.N * model.D);
    this.nodes[1] = model.N - 1;
  }
  copyFrom(o: Route, D: number): void {
    const len = o.m + 2;
    this.m = o.m;
    this.cost = o.cost;
    const { nodes, start, latest, load } = this;
    for (let k = 0; k < len; k++) {
      nodes[k] = o.nodes[k];
      start[k] = o.start[k];
      latest[k] = o.latest[k];
    }
    for (let k = 0; k < len * D; k++) load[k] = o.load[k];
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

  /** Total cost: fixed cost per non-empty route + arc costs. */
  cost(): number {
    let c = 0;
    for (let r = 0; r < this.used; r++) if (this.routes[r].m > 0) c += this.routes[r].cost + this.model.fixedCost;
    return c;
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

  /** Adds an empty route and returns its index. */
  addRoute(): number {
    if (this.used === this.routes.length) this.routes.push(new Route(this.model));
    const r = this.routes[this.used];
    r.m = 0;
    r.nodes[0] = 0;
    r.nodes[1] = this.model.N - 1;
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

  /** Inserts request k's pickup after position i and its delivery after position j (j ≥ i) of route r. */
  insert(k: number, r: number, i: number, j: number): void {
    const route = this.routes[r];
    const nodes = route.nodes;
    const p = this.model.pick[k];
    const d = this.model.del[k];
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
    route.m -= 2;
    this.served[k] = 0;
    this.routeOf[p] = this.routeOf[d] = -1;
    this.posOf[p] = this.posOf[d] = -1;
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

/** Recomputes the schedule (earliest starts), backward slack, loads and arc cost of a route from its nodes. */
export function schedule(model: PdpModel, route: Route): void {
  const { cost, time, early, late, service, load, D, N } = model;
  const nodes = route.nodes;
  const last = route.m + 1;
  let c = 0;
  let t = early[0];
  route.start[0] = t;
  for (let d = 0; d < D; d++) route.load[d] = 0;
  for (let k = 1; k <= last; k++) {
    const a = nodes[k - 1];
    const b = nodes[k];
    c += cost[a * N + b];
    t = t + service[a] + time[a * N + b];
    if (t < early[b]) t = early[b];
    route.start[k] = t;
    for (let d = 0; d < D; d++) route.load[k * D + d] = route.load[(k - 1) * D + d] + load[b * D + d];
  }
  route.cost = c;
  let lt = late[N - 1];
  route.latest[last] = lt;
  for (let k = last - 1; k >= 0; k--) {
    const a = nodes[k];
    const b = nodes[k + 1];
    lt = Math.min(late[a], lt - time[a * N + b] - service[a]);
    route.latest[k] = lt;
  }
}
