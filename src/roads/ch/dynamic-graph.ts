/** Slots per neighbour entry in a node's adjacency array. */
export const STRIDE = 7;
/** Offsets of the fields in an entry. */
export const NB = 0; // neighbour
export const W_OUT = 1; // weight v -> neighbour (Infinity: no arc)
export const W_IN = 2; // weight neighbour -> v
export const S_OUT = 3; // the other metric along v -> neighbour
export const S_IN = 4;
export const M_OUT = 5; // middle node of the shortcut v -> neighbour (-1: an original arc)
export const M_IN = 6;

/**
 * The shrinking graph the contraction works on. adj[v] is one flat number
 * array holding, for each remaining neighbour, STRIDE fields (neighbour,
 * both arc weights, both secondary values, both middle nodes), so a witness
 * search reads neighbours and weights from contiguous memory. Each arc is
 * stored at both ends (as out at its tail, as in at its head).
 */
export class DynamicGraph {
  readonly adj: number[][];

  constructor(nodeCount: number) {
    this.adj = new Array(nodeCount);
    for (let i = 0; i < nodeCount; i++) this.adj[i] = [];
  }

  /** Index of neighbour v in adj[u], or -1. */
  indexOf(u: number, v: number): number {
    const a = this.adj[u];
    for (let i = 0; i < a.length; i += STRIDE) if (a[i] === v) return i;
    return -1;
  }

  /**
   * Sets the arc u -> v to (w, s, mid) if there is none or it is longer
   * (ties: smaller secondary). Returns true when the graph changed.
   */
  relax(u: number, v: number, w: number, s: number, mid: number): boolean {
    const au = this.adj[u];
    const av = this.adj[v];
    let i = this.indexOf(u, v);
    if (i < 0) {
      i = au.length;
      au.push(v, w, Infinity, s, Infinity, mid, -1);
      av.push(u, Infinity, w, Infinity, s, -1, mid);
      return true;
    }
    if (w < au[i + W_OUT] || (w === au[i + W_OUT] && s < au[i + S_OUT])) {
      au[i + W_OUT] = w;
      au[i + S_OUT] = s;
      au[i + M_OUT] = mid;
      const j = this.indexOf(v, u);
      av[j + W_IN] = w;
      av[j + S_IN] = s;
      av[j + M_IN] = mid;
      return true;
    }
    return false;
  }

  /** Detaches v from its neighbours' lists (v's own list is kept as its record of upward arcs). */
  remove(v: number): void {
    const list = this.adj[v];
    for (let i = 0; i < list.length; i += STRIDE) {
      const u = list[i];
      const au = this.adj[u];
      const k = this.indexOf(u, v);
      const last = au.length - STRIDE;
      if (k !== last) for (let f = 0; f < STRIDE; f++) au[k + f] = au[last + f];
      au.length = last;
    }
  }
}
