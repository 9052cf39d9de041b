import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/shared/random.js';
import { StopCriterion } from '../../src/shared/stop.js';
import { RESTART_FLOOR, RESTART_FRACTION, restartAfter } from '../../src/routing/search/budget.js';
import { hybridGeneticSearch } from '../../src/routing/search/hgs.js';
import { randomSearchData } from './helpers.js';

describe('population restart', () => {
  it('restarts after a share of the budget without improvement, at least the floor, at most the cap', () => {
    expect(restartAfter(2000, 20000)).toBe(RESTART_FLOOR);
    expect(restartAfter(10000, 20000)).toBe(Math.max(RESTART_FLOOR, RESTART_FRACTION * 10000));
    expect(restartAfter(40000, 20000)).toBe(RESTART_FRACTION * 40000);
    expect(restartAfter(1e6, 20000)).toBe(20000);
    expect(restartAfter(Infinity, 20000)).toBe(20000);
    expect(restartAfter(Infinity, 40)).toBe(40);
    for (let e = 0; e < 100000; e += 1000) expect(restartAfter(e + 1000, 20000)).toBeGreaterThanOrEqual(restartAfter(e, 20000));
  });

  it('keeps the best plan over restarts and keeps searching after them', () => {
    for (const seed of [1, 2]) {
      const data = randomSearchData(40 + seed, 30);
      const params = { iterationsNoImprovement: 15 };
      // The same seed and restart limit: the long run repeats the short one's first 60 offspring.
      const short = hybridGeneticSearch(data, createRng(seed), new StopCriterion({ iterations: 60 }), { params });
      const long = hybridGeneticSearch(data, createRng(seed), new StopCriterion({ iterations: 300 }), { params });
      expect(short.feasible && long.feasible).toBe(true);
      expect(long.cost).toBeLessThanOrEqual(short.cost + 1e-9);
      const served = long.routes.flat().sort((a, b) => a - b);
      expect(served).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    }
  });

  it('never reports a worse best after a restart', () => {
    const data = randomSearchData(7, 50);
    const bests: number[] = [];
    hybridGeneticSearch(data, createRng(5), new StopCriterion({ iterations: 600 }), {
      params: { iterationsNoImprovement: 10, penaltyPeriod: 10 },
      onProgress: (p) => {
        if (p.iteration !== undefined) bests.push(p.best ?? Infinity);
      },
    });
    expect(bests.length).toBeGreaterThan(50);
    for (let k = 1; k < bests.length; k++) expect(bests[k]).toBeLessThanOrEqual(bests[k - 1]);
  });
});
