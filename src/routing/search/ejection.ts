import type { Rng } from '../../shared/random.js';
import type { SearchData } from './data.js';
import { Seg } from './time-segment.js';

const EPS = 1e-9;

/** The ejection found: route index, the route with the inserted customer, and the indices to eject from it. */
export interface Ejection {
  route: number;
  arr: number[];
  out: number[];
}

/**
 * Insertion with ejection (Nagata & Bräysy 2009): over every route and
 * position where customer v could go, the set of at most `maxEject` other
 * customers of that route whose removal makes it feasible (load, time warp,
 * duration) with the least sum of counters p, found by a depth-first search
 * in lexicographic order that prunes on the sum and as soon as a kept
 * customer would be late (time-warp segments, Vidal et al. 2013; the rest of
 * the route is checked in O(1) from backward segments). The search visits at
 * most `maxNodes` nodes (then keeps the best found so far).
 */
export class EjectionSearch {
  private readonly seg = new Seg();
  private buf: number[] = [];
  /** Search nodes visited in this search, against `maxNodes` (long routes with wide windows prune badly). */
  private nodes = 0;
  private p: Int32Array = new Int32Array(0);

  constructor(
    private readonly data: SearchData,
    private readonly rng: Rng,
    private readonly maxEject: number,
    private readonly maxNodes = 20000,
  ) {
    if (maxEject < 1 || maxEject > 6) throw new RangeError('EjectionSearch: maxEject in 1..6');
  }

  /** Best ejection for inserting v into one of `routes` (customer lists), or null. */
  search(routes: number[][], v: number, p: Int32Array): Ejection | null {
    this.p = p;
    this.nodes = 0;
    this.ejBest = Infinity;
    this.ejRoute = -1;
    for (let r = 0; r < routes.length; r++) {
      const route = routes[r];
      for (let pos = 0; pos <= route.length; pos++) {
        const arr = this.buf;
        arr.length = 0;
        for (let i = 0; i < pos; i++) arr.push(route[i]);
        arr.push(v);
        for (let i = pos; i < route.length; i++) arr.push(route[i]);
        this.prepareEjection(arr, pos);
        this.ejSeg[0].set(0, 0, this.data.early[0], this.data.late[0]);
        this.ejectFrom(arr, r, 0, 0, 0);
      }
    }
    if (this.ejRoute < 0) return null;
    return { route: this.ejRoute, arr: this.ejArr, out: this.ejOut };
  }

  private ejBest = Infinity;
  private ejTie = 0;
  private ejRoute = -1;
  private ejArr: number[] = [];
  private ejOut: number[] = [];
  /** Indices ejected on the current search path; `ejPos` is v's index (never ejected). */
  private readonly ejPath: number[] = [];
  private ejPos = 0;
  /** Forward segment per search depth, and the excess load of the route with v per dimension. */
  private readonly ejSeg: Seg[] = Array.from({ length: 8 }, () => new Seg());
  private readonly ejLast = new Int32Array(8);
  private ejExcess = new Float64Array(1);
  /** Backward segments of arr[i..] followed by the depot. */
  private bDur = new Float64Array(0);
  private bWarp = new Float64Array(0);
  private bEarly = new Float64Array(0);
  private bLate = new Float64Array(0);

  private prepareEjection(arr: number[], pos: number): void {
    const d = this.data;
    const len = arr.length;
    this.ejPos = pos;
    this.ejPath.length = 0;
    this.ejLast[0] = 0;
    if (this.ejExcess.length < d.dims) this.ejExcess = new Float64Array(d.dims);
    for (let q = 0; q < d.dims; q++) {
      let load = 0;
      for (const c of arr) load += d.demand[c * d.dims + q];
      this.ejExcess[q] = load - d.capacity[q];
    }
    const T = d.time;
    if (T === null) return;
    if (this.bDur.length < len + 1) {
      const m = 2 * (len + 1);
      this.bDur = new Float64Array(m);
      this.bWarp = new Float64Array(m);
      this.bEarly = new Float64Array(m);
      this.bLate = new Float64Array(m);
    }
    const N1 = d.n + 1;
    const acc = this.seg;
    this.bDur[len] = 0;
    this.bWarp[len] = 0;
    this.bEarly[len] = d.early[0];
    this.bLate[len] = d.late[0];
    for (let i = len - 1; i >= 0; i--) {
      const c = arr[i];
      const nx = i + 1 < len ? arr[i + 1] : 0;
      acc.set(d.service[c], 0, d.early[c], d.late[c]);
      acc.append(T[c * N1 + nx], this.bDur[i + 1], this.bWarp[i + 1], this.bEarly[i + 1], this.bLate[i + 1]);
      this.bDur[i] = acc.dur;
      this.bWarp[i] = acc.warp;
      this.bEarly[i] = acc.early;
      this.bLate[i] = acc.late;
    }
  }

  /**
   * Depth-first search over ejection sets in lexicographic order: the
   * segment at `depth` covers the kept customers before index i (last one
   * ejLast[depth]); `sum` is the ejected counters' sum. Prunes on the sum
   * and as soon as a kept customer would be late.
   */
  private ejectFrom(arr: number[], r: number, i: number, depth: number, sum: number): void {
    const d = this.data;
    const T = d.time;
    const N1 = d.n + 1;
    const len = arr.length;
    const seg = this.ejSeg[depth];
    const last = this.ejLast[depth];
    // Keep everything from i on.
    if (sum > 0 || depth > 0) {
      let ok = this.loadCovered(arr);
      if (ok && T !== null) {
        const t = this.seg.set(seg.dur, seg.warp, seg.early, seg.late);
        t.append(T[last * N1 + (i < len ? arr[i] : 0)], this.bDur[i], this.bWarp[i], this.bEarly[i], this.bLate[i]);
        ok = t.excess(d.maxDuration) <= EPS;
      }
      if (ok) {
        const tie = this.rng.next();
        if (sum < this.ejBest || (sum === this.ejBest && tie < this.ejTie)) {
          this.ejBest = sum;
          this.ejTie = tie;
          this.ejRoute = r;
          this.ejArr = arr.slice();
          this.ejOut = this.ejPath.slice();
        }
        return;
      }
    }
    if (depth >= this.maxEject || ++this.nodes > this.maxNodes) return;
    // Eject j (≥ i), keeping i..j-1.
    const next = this.ejSeg[depth + 1];
    next.set(seg.dur, seg.warp, seg.early, seg.late);
    let prev = last;
    for (let j = i; j < len; j++) {
      const c = arr[j];
      if (j !== this.ejPos && sum + this.p[c] <= this.ejBest) {
        // next holds the kept customers before j.
        const saved0 = next.dur, saved1 = next.warp, saved2 = next.early, saved3 = next.late;
        this.ejLast[depth + 1] = prev;
        this.ejPath.push(j);
        this.ejectFrom(arr, r, j + 1, depth + 1, sum + this.p[c]);
        this.ejPath.pop();
        next.set(saved0, saved1, saved2, saved3);
      }
      if (T !== null) {
        next.append(T[prev * N1 + c], d.service[c], 0, d.early[c], d.late[c]);
        if (next.warp > EPS) return;
      }
      prev = c;
    }
  }

  /** True when the customers ejected on the current path remove the route's excess load. */
  private loadCovered(arr: number[]): boolean {
    const d = this.data;
    const D = d.dims;
    for (let q = 0; q < D; q++) {
      let ex = this.ejExcess[q];
      if (ex <= EPS) continue;
      for (const i of this.ejPath) ex -= d.demand[arr[i] * D + q];
      if (ex > EPS) return false;
    }
    return true;
  }
}
