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
    this.walk(this.s.next, from, a, b);
  }

  /** Appends visits a, prev(a), ..., b (same route, backwards), coming from `from`. */
  rangeBack(from: number, a: number, b: number): void {
    this.walk(this.s.prev, from, a, b);
  }

  /** Appends visits a, link(a), ..., b coming from `from` (`node` repeated). */
  private walk(link: Int32Array, from: number, a: number, b: number): void {
    const acc = this.acc;
    this.walkFrom(link, from, a, b, acc.dur, acc.warp, acc.early, acc.late);
    acc.dur = this.wDur;
    acc.warp = this.wWarp;
    acc.early = this.wEarly;
    acc.late = this.wLate;
  }

  // Result of walkFrom.
  private wDur = 0;
  private wWarp = 0;
  private wEarly = 0;
  private wLate = 0;

  /**
   * The segment (dur, warp, early, late) ⊕ visits a, link(a), ..., b coming
   * from `from`, left in wDur/wWarp/wEarly/wLate: Seg.append written out with
   * the segment in locals (the same arithmetic).
   */
  private walkFrom(link: Int32Array, from: number, a: number, b: number, dur: number, warp: number, early: number, late: number): void {
    const s = this.s;
    const d = s.data;
    const time = d.time!;
    const service = d.service;
    const E = d.early;
    const Lt = d.late;
    const L = s.loc;
    const W = s.n + 1;
    let row = L[from] * W;
    for (let x = a; ; x = link[x]) {
      const l = L[x];
      const t = time[row + l];
      const delta = dur - warp + t;
      const el = E[l];
      const ll = Lt[l];
      const w1 = el - delta - late;
      const wait = w1 > 0 ? w1 : 0;
      const w2 = early + delta - ll;
      const tw = w2 > 0 ? w2 : 0;
      const e = el - delta;
      const lx = ll - delta;
      early = (e > early ? e : early) - wait;
      late = (lx < late ? lx : late) + tw;
      dur = dur + service[l] + t + wait;
      warp = warp + 0 + tw;
      if (x === b) break;
      row = l * W;
    }
    this.wDur = dur;
    this.wWarp = warp;
    this.wEarly = early;
    this.wLate = late;
  }

  /**
   * Time penalty of the route prefix(p) ⊕ visits a, link(a), ..., b ⊕
   * suffix(q), with link = next (forward) or prev (the visits reversed): the
   * same as prefix(p); range/rangeBack(p, a, b); suffix(b, q); penalty(),
   * without the scratch segment (which it leaves untouched).
   */
  through(p: number, a: number, b: number, q: number, backward: boolean): number {
    const s = this.s;
    this.walkFrom(backward ? s.prev : s.next, p, a, b, this.fDur[p], this.fWarp[p], this.fEarly[p], this.fLate[p]);
    const d = s.data;
    const L = s.loc;
    const t = d.time![L[b] * (s.n + 1) + L[q]];
    const dur0 = this.wDur;
    const warp0 = this.wWarp;
    const delta = dur0 - warp0 + t;
    const w1 = this.bEarly[q] - delta - this.wLate;
    const wait = w1 > 0 ? w1 : 0;
    const w2 = this.wEarly + delta - this.bLate[q];
    const tw = w2 > 0 ? w2 : 0;
    const dur = dur0 + this.bDur[q] + t + wait;
    const warp = warp0 + this.bWarp[q] + tw;
    const over = dur - d.maxDuration;
    return s.penaltyTime * (warp + (over > 0 ? over : 0)) + d.durationCost * dur;
  }

  /** Appends the segment from y to the end of y's route, coming from `from`. */
  suffix(from: number, y: number): void {
    const s = this.s;
    const L = s.loc;
    this.acc.append(s.data.time![L[from] * (s.n + 1) + L[y]], this.bDur[y], this.bWarp[y], this.bEarly[y], this.bLate[y]);
  }

  /** Time penalty of the built segment as a whole route, plus its duration cost. */
  penalty(): number {
    const d = this.s.data;
    return this.s.penaltyTime * this.acc.excess(d.maxDuration) + d.durationCost * this.acc.dur;
  }

  /** Time penalty of prefix(a) ⊕ suffix(b) (a and b possibly in different routes); Seg.append written out, scratch untouched. */
  join(a: number, b: number): number {
    const s = this.s;
    const d = s.data;
    const L = s.loc;
    const t = d.time![L[a] * (s.n + 1) + L[b]];
    const dur0 = this.fDur[a];
    const warp0 = this.fWarp[a];
    const delta = dur0 - warp0 + t;
    const w1 = this.bEarly[b] - delta - this.fLate[a];
    const wait = w1 > 0 ? w1 : 0;
    const w2 = this.fEarly[a] + delta - this.bLate[b];
    const tw = w2 > 0 ? w2 : 0;
    const dur = dur0 + this.bDur[b] + t + wait;
    const warp = warp0 + this.bWarp[b] + tw;
    const over = dur - d.maxDuration;
    return s.penaltyTime * (warp + (over > 0 ? over : 0)) + d.durationCost * dur;
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
