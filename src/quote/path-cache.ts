import type { Mode, Network, Objective, RawPath } from '../network/index.js';

interface Tree {
  source: number;
  predArc: Int32Array;
  /** Paths materialised so far, by target index. */
  paths: (RawPath | null | undefined)[];
}

/**
 * Shortest-path trees per origin, kept for repeated quotes. The best path for
 * the time and CO₂ objectives does not depend on the shipment weight (time is
 * weight-free, CO₂ proportional to it), so one tree per origin serves every
 * weight. For cost (fixed + per-kg × weight) the tree depends on the weight,
 * so trees are kept per chargeable weight, which tariffs round to steps
 * (0.5 or 1 kg): a few dozen trees per origin in practice. Each tree is one
 * single-source Dijkstra on the compiled graph (tens of microseconds), and
 * exact: it is the search at that very weight.
 */
export class PathTreeCache {
  private readonly trees = new Map<string, Tree>();

  constructor(
    private readonly network: Network,
    /** Trees kept before the cache is emptied (bounds memory on adversarial input). */
    private readonly maxTrees = 200_000,
  ) {}

  /** The best path from → to (null when unreachable). */
  path(fromId: string, toId: string, objective: Objective, modes: readonly Mode[], weightKg: number): RawPath | null {
    const g = this.network.compiled(modes);
    const key = objective === 'cost' ? `${fromId}|${objective}|${modes.join(',')}|${weightKg}` : `${fromId}|${objective}|${modes.join(',')}`;
    let tree = this.trees.get(key);
    if (!tree) {
      if (this.trees.size >= this.maxTrees) this.trees.clear();
      const source = g.index.get(fromId)!;
      tree = { source, predArc: g.singleSource(source, g.weights(objective, weightKg)).predArc, paths: [] };
      this.trees.set(key, tree);
    }
    const t = g.index.get(toId)!;
    let p = tree.paths[t];
    if (p === undefined) {
      p = tree.predArc[t] < 0 ? null : g.toRawPath(tree.source, g.arcsTo(t, tree.predArc));
      tree.paths[t] = p;
    }
    return p;
  }

  get size(): number {
    return this.trees.size;
  }
}
