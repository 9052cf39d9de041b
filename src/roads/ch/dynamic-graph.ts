/**
 * The shrinking graph the contraction works on. Each record is an unordered
 * node pair {a, b} holding both arc directions (weight Infinity when an arc
 * is absent), the other metric along it and the middle node of a shortcut.
 * adj[v] lists the record ids of v's remaining neighbours.
 */
export class DynamicGraph {
  a: Int32Array = new Int32Array(1024);
  b: Int32Array = new Int32Array(1024);
  /** Weight a -> b and b -> a. */
  wAB: Float64Array = new Float64Array(1024);
  wBA: Float64Array = new Float64Array(1024);
  sAB: Float64Array = new Float64Array(1024);
  sBA: Float64Array = new Float64Array(1024);
  mAB: Int32Array = new Int32Array(1024);
  mBA: Int32Array = new Int32Array(1024);
  count = 0;
  readonly adj: number[][];

  constructor(nodeCount: number) {
    this.adj = new Array(nodeCount);
    for (let i = 0; i < nodeCount; i++) this.adj[i] = [];
  }

  private grow(): void {
    const cap = this.a.length * 2;
    const gi = (x: Int32Array): Int32Array => {
      const y = new Int32Array(cap);
      y.set(x);
      return y;
    };
    const gf = (x: Float64Array): Float64Array => {
      const y = new Float64Array(cap);
      y.set(x);
      return y;
    };
    this.a = gi(this.a);
    this.b = gi(this.b);
    this.mAB = gi(this.mAB);
    this.mBA = gi(this.mBA);
    this.wAB = gf(this.wAB);
    this.wBA = gf(this.wBA);
    this.sAB = gf(this.sAB);
    this.sBA = gf(this.sBA);
  }

  /** Record id joining u and v, or -1. */
  find(u: number, v: number): number {
    const au = this.adj[u];
    const av = this.adj[v];
    const list = au.length <= av.length ? au : av;
    const other = au.length <= av.length ? v : u;
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      if (this.a[e] === other || this.b[e] === other) return e;
    }
    return -1;
  }

  /**
   * Sets the arc u -> v to (w, s, mid) if there is none or it is longer
   * (ties: smaller secondary). Returns true when the graph changed.
   */
  relax(u: number, v: number, w: number, s: number, mid: number): boolean {
    let e = this.find(u, v);
    if (e < 0) {
      if (this.count === this.a.length) this.grow();
      e = this.count++;
      this.a[e] = u;
      this.b[e] = v;
      this.wAB[e] = Infinity;
      this.wBA[e] = Infinity;
      this.sAB[e] = Infinity;
      this.sBA[e] = Infinity;
      this.mAB[e] = -1;
      this.mBA[e] = -1;
      this.adj[u].push(e);
      this.adj[v].push(e);
    }
    if (this.a[e] === u) {
      if (w < this.wAB[e] || (w === this.wAB[e] && s < this.sAB[e])) {
        this.wAB[e] = w;
        this.sAB[e] = s;
        this.mAB[e] = mid;
        return true;
      }
    } else if (w < this.wBA[e] || (w === this.wBA[e] && s < this.sBA[e])) {
      this.wBA[e] = w;
      this.sBA[e] = s;
      this.mBA[e] = mid;
      return true;
    }
    return false;
  }

  /** Detaches v from its neighbours' lists (v's own list is kept as its record of upward arcs). */
  remove(v: number): void {
    const list = this.adj[v];
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      const u = this.a[e] === v ? this.b[e] : this.a[e];
      const au = this.adj[u];
      const k = au.indexOf(e);
      au[k] = au[au.length - 1];
      au.pop();
    }
  }
}
