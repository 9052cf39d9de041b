import { describe, expect, it } from 'vitest';
import { buildHierarchy } from '../../src/roads/ch/contract.js';
import { manyToMany } from '../../src/roads/ch/many-to-many.js';
import { ChQuery } from '../../src/roads/ch/query.js';
import { Dijkstra } from '../../src/roads/dijkstra.js';
import { pathLength } from '../../src/roads/path-length.js';
import { METRICS } from '../../src/roads/types.js';
import { createRng } from '../../src/shared/random.js';
import { randomGraph } from './helpers.js';

const close = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

describe('contraction hierarchy vs plain Dijkstra (property test on seeded random graphs)', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    for (const metric of METRICS) {
      it(`seed ${seed}, ${metric}: same distance and a valid path for every pair`, () => {
        const n = 30 + seed * 12;
        const g = randomGraph(seed, n, 1.2 + seed * 0.3);
        const h = buildHierarchy(g, metric, { simulateSettleLimit: 5 + seed, contractSettleLimit: 10 + seed * 5 });
        const q = new ChQuery(h);
        const dij = new Dijkstra(g, metric);
        const other = metric === 'distance' ? 'time' : 'distance';
        let reachable = 0;
        const failures: string[] = [];
        for (let s = 0; s < n; s++) {
          const ref = dij.oneToAll(s);
          for (let t = 0; t < n; t++) {
            const bare = q.distance(h.rank[s], h.rank[t], false);
            const d = q.distance(h.rank[s], h.rank[t]);
            if (bare !== d) failures.push(`${s}->${t}: untracked ${bare} vs tracked ${d}`);
            if (!close(d, ref[t])) failures.push(`${s}->${t}: ${d} vs Dijkstra ${ref[t]}`);
            if (d === Infinity) {
              if (q.pathRanks() !== null) failures.push(`${s}->${t}: a path but no distance`);
              continue;
            }
            reachable++;
            const nodes = q.pathRanks()!.map((r) => h.order[r]);
            if (nodes[0] !== s || nodes[nodes.length - 1] !== t) failures.push(`${s}->${t}: path ends ${nodes[0]}..${nodes[nodes.length - 1]}`);
            if (!close(pathLength(g, metric, nodes), d)) failures.push(`${s}->${t}: path length ${pathLength(g, metric, nodes)} vs ${d}`);
            // the other metric is summed along the same arcs: at least the cheapest arcs of this path
            if (q.secondary < pathLength(g, other, nodes) - 1e-9) failures.push(`${s}->${t}: secondary too small`);
          }
        }
        expect(failures.slice(0, 5)).toEqual([]);
        q.distance(0, 1, false);
        expect(() => q.pathRanks()).toThrow(/tracking/);
        expect(reachable).toBeGreaterThan(n); // the graphs are not trivially disconnected
      });
    }
  }
});

describe('many-to-many matrix vs repeated Dijkstra', () => {
  it('agrees on every cell, with Infinity where unreachable, on random graphs', () => {
    for (const seed of [11, 12, 13]) {
      const g = randomGraph(seed, 150, 1.6);
      for (const metric of METRICS) {
        const h = buildHierarchy(g, metric);
        const rng = createRng(seed);
        const S = Array.from({ length: 17 }, () => rng.int(g.nodeCount));
        const T = Array.from({ length: 23 }, () => rng.int(g.nodeCount));
        const m = manyToMany(h, S.map((v) => h.rank[v]), T.map((v) => h.rank[v]));
        const dij = new Dijkstra(g, metric);
        const q = new ChQuery(h);
        let inf = 0;
        S.forEach((s, i) => {
          const ref = dij.oneToAll(s);
          T.forEach((t, j) => {
            expect(close(m.weight[i * T.length + j], ref[t])).toBe(true);
            if (ref[t] === Infinity) inf++;
            else {
              q.distance(h.rank[s], h.rank[t]);
              // secondary along a shortest path: equal whenever the shortest path is unique; both finite anyway
              expect(Number.isFinite(m.secondary[i * T.length + j])).toBe(true);
            }
          });
        });
        expect(inf).toBeLessThan(S.length * T.length);
      }
    }
  });
});
