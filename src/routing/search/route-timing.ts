import type { RouteState } from './route-state.js';
import { Seg } from './time-segment.js';

/**
 * Time windows, shift and duration limit of the routes in a RouteState:
 * per node, the duration segment from its route's start to it (prefix) and
 * from it to the route's end (suffix), so that operators evaluate a new
 * route as prefix ⊕ (a few visits) ⊕ suffix. The builder methods work on
 * one scratch segment: `prefix(x)`, then `node`/`range`/`rangeBack`/`suffix`,
 * then `penalty()`.
 */
export class RouteTiming {
  readonly fDur: Float64Array;
  readonly fWarp: Float64Array;
  readonly fEarly: Float64Array;
  readonly fLate: Float64Array;
  readonly bDur: Float64Array;
  readonly bWarp: Float64Array;
  readonly bEarly: Float64Array;
  readonly bLate: Float64Array;
  private readonly acc = new Seg();
  /** Duration of the route last passed to `update`. */
  lastDur = 0;

  constructor(private readonly s: RouteState, size: number) {
    this.fDur = new Float64Array(size);
    this.fWarp = new Float64Array(size);
    this.fEarly = new Float64Array(size);
    this.fLate = new Float64Array(size);
    this.bDur = new Float64Array(size);
    this.bWarp = new Float64Array(size);
    this.bEarly = new Float64Array(size);
    this.bLate = new Float64Array(size);
  }

  /** Recomputes the prefix and suffix segments of route r; returns its time excess (warp + overtime). */
  update(r: number): number {
    const s = this.s;
    const data = s.data;
    const service = data.service;
    const acc = this.acc;
    const start = s.startDepot(r);
    const end = s.endDepot(r);
    acc.set(0, 0, data.early[0], data.late[0]);
    this.store(start, true);
    for (let x = start; x !== end; ) {
      const y = s.next[x];
      const l = s.loc[y];
      acc.append(s.t(x, y), service[l], 0, data.early[l], data.late[l]);
      this.store(y, true);
      x = y;
    }
    const excess = acc.excess(data.maxDuration);
    this.lastDur = acc.dur;
    acc.set(0, 0, data.early[0], data.late[0]);
    this.store(end, false);
    for (let z = end; z !== start; ) {
      const w = s.prev[z];
      const l = s.loc[w];
      acc.set(service[l], 0, data.early[l], data.late[l]);
      acc.append(s.t(w, z), this.bDur[z], this.bWarp[z], this.bEarly[z], this.bLate[z]);
      this.store(w, false);
      z = w;
    }
    return excess;
  }

  private store(x: number, forward: boolean): void {
    const a = this.acc;
    if (forward) {
      this.fDur[x] = a.dur;
      this.fWarp[x] = a.warp;
      this.fEarly[x] = a.early;
      this.fLate[x] = a.late;
    } else {
      this.bDur[x] = a.dur;
      this.bWarp[x] = a.warp;
      this.bEarly[x] = a.early;
      this.bLate[x] = a.late;
    }
  }

  /** Starts with the segment from the start of x's route to x. */
  prefix(x: number): void {
    this.acc.set(this.fDur[x], this.fWarp[x], this.fEarly[x], this.fLate[x]);
  }

  /** Appends the single visit y, coming from node `from`. */
  node(from: number, y: number): void {
    const s = this.s;
    const d = s.data;
    const l = s.loc[y];
    this.acc.append(s.t(from, y), d.service[l], 0, d.early[l], d.late[l]);
  }

  /** Appends visits a, next(a), ..., b (same route), coming from `from`. */
  range(from: number, a: number, b: number): void {
    const next = this.s.next;
    for (let x = a; ; x = next[x]) {
      this.node(from, x);
      if (x === b) return;
      from = x;
    }
  }

  /** Appends visits a, prev(a), ..., b (same route, backwards), coming from `from`. */
  rangeBack(from: number, a: number, b: number): void {
    const prev = this.s.prev;
    for (let x = a; ; x = prev[x]) {
      this.node(from, x);
      if (x === b) return;
      from = x;
    }
  }

  /** Appends the segment from y to the end of y's route, coming from `from`. */
  suffix(from: number, y: number): void {
    this.acc.append(this.s.t(from, y), this.bDur[y], this.bWarp[y], this.bEarly[y], this.bLate[y]);
  }

  /** Time penalty of the built segment as a whole route, plus its duration cost. */
  penalty(): number {
    const d = this.s.data;
    return this.s.penaltyTime * this.acc.excess(d.maxDuration) + d.durationCost * this.acc.dur;
  }

  /** Time penalty of prefix(a) ⊕ suffix(b) (a and b possibly in different routes). */
  join(a: number, b: number): number {
    this.prefix(a);
    this.suffix(a, b);
    return this.penalty();
  }

  /**
   * Time penalty of route r after removing node `rem` (-1: none) and
   * inserting node `ins` after node `after` (-1: none); O(route length).
   */
  edited(r: number, rem: number, ins: number, after: number): number {
    const s = this.s;
    const data = s.data;
    if (data.time === null) return 0;
    this.acc.set(0, 0, data.early[0], data.late[0]);
    let from = s.startDepot(r);
    if (ins >= 0 && after === from) {
      this.node(from, ins);
      from = ins;
    }
    for (let x = s.next[s.startDepot(r)]; x !== s.endDepot(r); x = s.next[x]) {
      if (x !== rem) {
        this.node(from, x);
        from = x;
      }
      if (ins >= 0 && x === after) {
        this.node(from, ins);
        from = ins;
      }
    }
    this.node(from, s.endDepot(r));
    return this.penalty();
  }
}
