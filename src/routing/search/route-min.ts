import type { Rng } from '../../shared/random.js';
import type { SearchData } from './data.js';
import { Seg } from './time-segment.js';
import { EjectionSearch } from './ejection.js';

/** Parameters of the route-minimisation heuristic. */
export interface RouteMinParams {
  /** Largest number of customers ejected to insert one (Nagata & Bräysy use up to 5). */
  maxEject: number;
  /** Random feasible moves tried after each ejection (perturbation). */
  perturbMoves: number;
  /** Share of feasible insertions made at a random rather than the cheapest position. */
  randomInsert: number;
  /**
   * Share of attempts that remove the route with the fewest customers (of
   * equal ones, the random pick or else the first); the others remove a
   * random route (as Nagata & Bräysy).
   */
  smallestRoute: number;
}

/**
 * Defaults: up to 5 ejections and feasible insertions at random (as Nagata &
 * Bräysy), 100 perturbation moves; half the attempts start from the smallest
 * route (Solomon RC106 at 10 s: 11 routes on 5 of 6 seeds against 2 of 5 with
 * random routes only).
 */
export const DEFAULT_ROUTE_MIN: RouteMinParams = { maxEject: 5, perturbMoves: 100, randomInsert: 1, smallestRoute: 0.5 };

const EPS = 1e-9;

/**
 * Route minimisation after Nagata & Bräysy (2009, "A powerful route
 * minimization heuristic for the vehicle routing problem with time
 * windows", Oper. Res. Lett. 37): remove one route, put its customers in an
 * ejection pool, and reinsert them one at a time (last in, first out):
 * at a random feasible position if there is one (`randomInsert` < 1 takes
 * the cheapest one instead, sometimes); else by a squeeze (insert at the
 * least-penalised position, then a penalised local search, kept only
 * when it ends feasible); else insert it and eject up to `maxEject` other
 * customers of that route (ejection.ts), choosing the ejection that minimises the sum of
 * the ejected customers' counters p (incremented each time a customer fails
 * to go in, so that hard customers are not ejected again and again),
 * followed by random feasible moves (perturbation). Succeeds when the pool
 * empties. Works on customer lists; every route it returns is feasible
 * (load ≤ capacity, no time warp, duration within the limit).
 */
export class RouteMinimiser {
  private readonly seg = new Seg();
  private readonly p: Int32Array;
  private readonly routeOf: Int32Array;
  /** Scratch: route with the inserted customer. */
  private buf: number[] = [];
  private readonly P: RouteMinParams;
  private readonly ejection: EjectionSearch;

  constructor(
    private readonly data: SearchData,
    private readonly rng: Rng,
    params: Partial<RouteMinParams> = {},
    /** Penalised local search on the given routes (same count); returns its routes, feasible or not. */
    private readonly squeezeSearch: ((routes: number[][]) => number[][]) | null = null,
  ) {
    this.P = { ...DEFAULT_ROUTE_MIN, ...params };
    this.p = new Int32Array(data.n + 1);
    this.routeOf = new Int32Array(data.n + 1);
    this.ejection = new EjectionSearch(data, rng, this.P.maxEject);
  }

  /** The attempt in progress: routes without the removed one, the pool, steps done. */
  private cur: number[][] = [];
  private pool: number[] = [];
  private steps = 0;
  /** Route count of the plan the attempt started from (0: no attempt). */
  private fromCount = 0;

  /**
   * Tries to serve every customer of the feasible `routes` with one route
   * fewer. One attempt (a removed route and its pool) lasts up to
   * `attemptSteps` pool steps and may be spread over several calls of
   * `maxSteps` steps each; a call with `routes` of another route count starts
   * a new attempt (a plan with as many routes but shorter does not: the
   * attempt's progress is kept). Returns the new routes when the pool
   * empties, else null.
   */
  removeRoute(routes: number[][], maxSteps: number, attemptSteps: number, shouldStop: () => boolean): number[][] | null {
    const used = routes.filter((r) => r.length > 0);
    if (this.fromCount !== used.length || this.steps >= attemptSteps) {
      if (used.length <= 1) return null;
      // Remove a route (the one with fewest customers, else a random one);
      // its customers form the pool (a stack).
      let k = this.rng.int(used.length);
      if (this.rng.next() < this.P.smallestRoute) {
        for (let i = 0; i < used.length; i++) if (used[i].length < used[k].length) k = i;
      }
      this.fromCount = used.length;
      this.pool = used[k].slice();
      this.cur = used.filter((_, i) => i !== k).map((r) => r.slice());
      this.steps = 0;
      this.p.fill(1);
    }
    const pool = this.pool;
    let cur = this.cur;
    this.index(cur);
    for (let step = 0; step < maxSteps && pool.length > 0; step++, this.steps++) {
      if ((step & 15) === 15 && shouldStop()) break;
      const v = pool.pop()!;
      if (this.insertFeasible(cur, v)) continue;
      const squeezed = this.squeeze(cur, v);
      if (squeezed) {
        cur = this.cur = squeezed;
        this.index(cur);
        continue;
      }
      this.p[v]++;
      const ejected = this.insertEjecting(cur, v);
      if (ejected === null) {
        pool.unshift(v);
        continue;
      }
      for (const x of ejected) pool.push(x);
      this.perturb(cur);
    }
    if (pool.length > 0) return null;
    this.fromCount = 0;
    return cur.filter((r) => r.length > 0);
  }

  private index(routes: number[][]): void {
    routes.forEach((r, i) => {
      for (const c of r) this.routeOf[c] = i;
    });
  }

  /** Load of route r as a fraction of capacity exceeds 1 in some dimension when `extra` is added and `minus` removed. */
  private overloaded(route: number[], extra: number, skip: number[]): boolean {
    const d = this.data;
    const D = d.dims;
    for (let q = 0; q < D; q++) {
      let load = extra >= 0 ? d.demand[extra * D + q] : 0;
      for (const c of route) load += d.demand[c * D + q];
      for (const c of skip) load -= d.demand[c * D + q];
      if (load > d.capacity[q] + EPS) return true;
    }
    return false;
  }

  /** Time feasibility of the route arr[0..len). */
  private timeOk(arr: number[], len: number): boolean {
    const d = this.data;
    const T = d.time;
    if (T === null) return true;
    const N1 = d.n + 1;
    const seg = this.seg.set(0, 0, d.early[0], d.late[0]);
    let prev = 0;
    for (let k = 0; k < len; k++) {
      const c = arr[k];
      seg.append(T[prev * N1 + c], d.service[c], 0, d.early[c], d.late[c]);
      if (seg.warp > EPS) return false;
      prev = c;
    }
    seg.append(T[prev * N1], 0, 0, d.early[0], d.late[0]);
    return seg.excess(d.maxDuration) <= EPS;
  }

  /** Time warp + duration excess of a route, and its load excess (fractions of capacity). */
  private excess(route: number[]): number {
    const d = this.data;
    let ex = 0;
    const D = d.dims;
    for (let q = 0; q < D; q++) {
      let load = 0;
      for (const c of route) load += d.demand[c * D + q];
      if (load > d.capacity[q]) ex += load - d.capacity[q];
    }
    const T = d.time;
    if (T === null) return ex;
    const N1 = d.n + 1;
    const seg = this.seg.set(0, 0, d.early[0], d.late[0]);
    let prev = 0;
    for (const c of route) {
      seg.append(T[prev * N1 + c], d.service[c], 0, d.early[c], d.late[c]);
      prev = c;
    }
    seg.append(T[prev * N1], 0, 0, d.early[0], d.late[0]);
    return ex + seg.excess(d.maxDuration);
  }

  private withInserted(route: number[], v: number, pos: number): number[] {
    const b = this.buf;
    b.length = 0;
    for (let i = 0; i < pos; i++) b.push(route[i]);
    b.push(v);
    for (let i = pos; i < route.length; i++) b.push(route[i]);
    return b;
  }

  /**
   * Inserts v at a feasible position: the cheapest (arc cost) with
   * probability 1 − `randomInsert`, else a random one (reservoir sampling);
   * false when there is none.
   */
  private insertFeasible(routes: number[][], v: number): boolean {
    const d = this.data;
    const C = d.cost;
    const N1 = d.n + 1;
    const random = this.rng.next() < this.P.randomInsert;
    let count = 0;
    let best = Infinity;
    let bestR = -1;
    let bestPos = -1;
    for (let r = 0; r < routes.length; r++) {
      const route = routes[r];
      if (this.overloaded(route, v, [])) continue;
      for (let pos = 0; pos <= route.length; pos++) {
        const a = pos > 0 ? route[pos - 1] : 0;
        const b = pos < route.length ? route[pos] : 0;
        const delta = C[a * N1 + v] + C[v * N1 + b] - C[a * N1 + b];
        if (!random && delta >= best) continue;
        const arr = this.withInserted(route, v, pos);
        if (!this.timeOk(arr, arr.length)) continue;
        count++;
        if (random ? this.rng.int(count) === 0 : delta < best) {
          best = delta;
          bestR = r;
          bestPos = pos;
        }
      }
    }
    if (bestR < 0) return false;
    routes[bestR].splice(bestPos, 0, v);
    this.routeOf[v] = bestR;
    return true;
  }

  /** Insert v where the penalty is least, then a penalised local search; the routes if that ends feasible. */
  private squeeze(routes: number[][], v: number): number[][] | null {
    if (!this.squeezeSearch) return null;
    let best = Infinity;
    let bestR = -1;
    let bestPos = -1;
    for (let r = 0; r < routes.length; r++) {
      const base = this.excess(routes[r]);
      for (let pos = 0; pos <= routes[r].length; pos++) {
        const delta = this.excess(this.withInserted(routes[r], v, pos).slice()) - base;
        if (delta < best) {
          best = delta;
          bestR = r;
          bestPos = pos;
        }
      }
    }
    if (bestR < 0) return null;
    const trial = routes.map((r) => r.slice());
    trial[bestR].splice(bestPos, 0, v);
    const out = this.squeezeSearch(trial);
    if (out.length > routes.length) return null;
    for (const r of out) if (this.excess(r) > EPS) return null;
    while (out.length < routes.length) out.push([]);
    return out;
  }

  /**
   * Inserts v somewhere and ejects at most `maxEject` other customers of
   * that route so that it is feasible, minimising the sum of their counters
   * (ties broken at random); returns the ejected customers, or null when no
   * such ejection exists.
   */
  private insertEjecting(routes: number[][], v: number): number[] | null {
    const found = this.ejection.search(routes, v, this.p);
    if (found === null) return null;
    const { route, arr, out } = found;
    routes[route] = arr.filter((_, i) => !out.includes(i));
    for (const c of routes[route]) this.routeOf[c] = route;
    return out.map((i) => arr[i]);
  }

  /**
   * A copy of the feasible `routes` after `moves` random feasible
   * relocations and swaps between neighbouring customers of different routes
   * (the perturbation below); empty routes left out. The attempt in progress
   * is not affected.
   */
  shake(routes: number[][], moves: number): number[][] {
    const out = routes.filter((r) => r.length > 0).map((r) => r.slice());
    this.index(out);
    this.perturb(out, moves);
    return out.filter((r) => r.length > 0);
  }

  /** Random feasible relocations and swaps between neighbouring customers of different routes. */
  private perturb(routes: number[][], moves = this.P.perturbMoves): void {
    const d = this.data;
    const n = d.n;
    for (let t = 0; t < moves; t++) {
      const u = 1 + this.rng.int(n);
      const ru = this.routeOf[u];
      const routeU = routes[ru];
      const iu = routeU ? routeU.indexOf(u) : -1;
      if (iu < 0) continue; // u is in the pool
      const nb = d.nbrStart[u] + this.rng.int(Math.max(1, d.nbrStart[u + 1] - d.nbrStart[u]));
      if (nb >= d.nbrStart[u + 1]) continue;
      const v = d.nbr[nb];
      const rv = this.routeOf[v];
      const routeV = routes[rv];
      const iv = routeV ? routeV.indexOf(v) : -1;
      if (iv < 0 || rv === ru) continue;
      if (this.rng.int(2) === 0) {
        // Relocate u after v.
        const newV = this.withInserted(routeV, u, iv + 1).slice();
        const newU = routeU.filter((c) => c !== u);
        if (this.overloaded(newV, -1, []) || !this.timeOk(newV, newV.length) || !this.timeOk(newU, newU.length)) continue;
        routes[rv] = newV;
        routes[ru] = newU;
        this.routeOf[u] = rv;
      } else {
        const newU = routeU.slice();
        const newV = routeV.slice();
        newU[iu] = v;
        newV[iv] = u;
        if (this.overloaded(newU, -1, []) || this.overloaded(newV, -1, [])) continue;
        if (!this.timeOk(newU, newU.length) || !this.timeOk(newV, newV.length)) continue;
        routes[ru] = newU;
        routes[rv] = newV;
        this.routeOf[u] = rv;
        this.routeOf[v] = ru;
      }
    }
  }
}
