import type { Mode, Network, Objective, RawPath } from '../network/index.js';
import { BoundedCache } from './bounded-cache.js';

/** A shortest-path tree from one place. */
export interface Tree {
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
  private readonly trees: BoundedCache<string, Tree>;

  constructor(
    private readonly network: Network,
    /** Trees per cache generation (at most twice this many are kept: bounds memory on adversarial input; ~1 KB each). */
    treesPerGeneration = 20_000,
  ) {
    this.trees = new BoundedCache(treesPerGeneration);
  }

  /** The best path from → to (null when unreachable). */
  path(fromId: string, toId: string, objective: Objective, modes: readonly Mode[], weightKg: number): RawPath | null {
    const g = this.network.compiled(modes);
    const tree = this.tree(fromId, objective, modes, weightKg);
    const t = g.index.get(toId)!;
    let p = tree.paths[t];
    if (p === undefined) {
      p = tree.predArc[t] < 0 ? null : g.toRawPath(tree.source, g.arcsTo(t, tree.predArc));
      tree.paths[t] = p;
    }
    return p;
  }

  /** The shortest-path tree from a place (made and kept on first use). */
  tree(fromId: string, objective: Objective, modes: readonly Mode[], weightKg: number): Tree {
    const key = objective === 'cost' ? `${fromId}|${objective}|${modes.join(',')}|${weightKg}` : `${fromId}|${objective}|${modes.join(',')}`;
    let tree = this.trees.get(key);
    if (!tree) {
      const g = this.network.compiled(modes);
      const source = g.index.get(fromId)!;
      tree = { source, predArc: g.singleSource(source, g.weights(objective, weightKg)).predArc, paths: [] };
      this.trees.set(key, tree);
    }
    return tree;
  }

  get size(): number {
    return this.trees.size;
  }
}
