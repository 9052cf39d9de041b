import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/shared/random.js';
import { Individual } from '../../src/routing/search/individual.js';
import { randomSearchData, randomRoutes } from './helpers.js';

/** Broken-pairs distance written out from its definition (Prins 2009; HGS-CVRP's brokenPairsDistance). */
function reference(a: number[][], b: number[][], n: number): number {
  const succ = (routes: number[][]): Int32Array => {
    const s = new Int32Array(n + 1);
    for (const r of routes) for (let i = 0; i < r.length; i++) s[r[i]] = i + 1 < r.length ? r[i + 1] : 0;
    return s;
  };
  const pred = (routes: number[][]): Int32Array => {
    const p = new Int32Array(n + 1);
    for (const r of routes) for (let i = 0; i < r.length; i++) p[r[i]] = i > 0 ? r[i - 1] : 0;
    return p;
  };
  const [sa, pa, sb, pb] = [succ(a), pred(a), succ(b), pred(b)];
  let diff = 0;
  for (let j = 1; j <= n; j++) {
    if (sa[j] !== sb[j] && sa[j] !== pb[j]) diff++;
    if (pa[j] === 0 && pb[j] !== 0 && sb[j] !== 0) diff++;
  }
  return diff / n;
}

describe('Individual.distance (broken pairs, used for every pair of the population)', () => {
  it('is 0 for the same routes and for the routes reversed', () => {
    const data = randomSearchData(1, 12);
    const routes = [[1, 2, 3, 4], [5, 6, 7], [8, 9, 10, 11, 12]];
    const a = new Individual(12);
    const b = new Individual(12);
    a.setRoutes(data, routes);
    b.setRoutes(data, routes.map((r) => [...r].reverse()));
    expect(a.distance(a)).toBe(0);
    expect(a.distance(b)).toBe(0);
  });

  it('counts broken arcs and route starts that are inner visits elsewhere (hand-checked)', () => {
    const data = randomSearchData(1, 6);
    const a = new Individual(6);
    const b = new Individual(6);
    a.setRoutes(data, [[1, 2, 3], [4, 5, 6]]);
    b.setRoutes(data, [[2, 1, 3], [4, 5, 6]]);
    // j=1: a has 1→2, b has 2→1 → kept; 1 starts a's route but is inner in b → +1.
    // j=2: succ 3, b has succ 1 / pred 0 → broken +1. j=3: succ 0, b has succ 0 → kept.
    expect(a.distance(b)).toBeCloseTo(2 / 6, 12);
    expect(b.distance(a)).toBeCloseTo(reference([[2, 1, 3], [4, 5, 6]], [[1, 2, 3], [4, 5, 6]], 6), 12);
  });

  it('equals the definition on random plans of 1 to 120 customers', () => {
    const rng = createRng(7);
    for (let t = 0; t < 60; t++) {
      const n = 1 + rng.int(120);
      const data = randomSearchData(t + 1, n);
      const ra = randomRoutes(rng, n, 1 + rng.int(Math.max(1, n >> 2)));
      const rb = t % 3 === 0 ? ra.map((r) => [...r]) : randomRoutes(rng, n, 1 + rng.int(Math.max(1, n >> 2)));
      if (t % 3 === 0 && rb.length > 1 && rb[0].length > 1) rb[1].push(rb[0].pop()!); // near-identical plans
      const a = new Individual(n);
      const b = new Individual(n);
      a.setRoutes(data, ra.filter((r) => r.length > 0));
      b.setRoutes(data, rb.filter((r) => r.length > 0));
      expect(a.distance(b)).toBe(reference(ra, rb, n));
      expect(b.distance(a)).toBe(reference(rb, ra, n));
    }
  });
});
