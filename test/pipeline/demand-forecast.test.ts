import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNetworkData, Network } from '../../src/network/index.js';
import { forecastDemand, type DirectionForecast } from '../../src/pipeline/demand-forecast.js';
import { SeriesCache } from '../../src/pipeline/series-forecast.js';
import { CancelledError, InputError, NotFoundError } from '../../src/shared/errors.js';

// Four cities a, b (province P1), c, d (P2); hubs too (see test/fixtures/network-small).
const network = new Network(loadNetworkData(join(import.meta.dirname, '../fixtures/network-small')));

const sumOf = (ds: DirectionForecast[], k: number): number => ds.reduce((s, d) => s + d.forecast.mean[k], 0);

describe('forecastDemand', () => {
  it('answers every city with totals that add up and intervals around the mean', async () => {
    const r = await forecastDemand(network, { horizonDays: 7, historyDays: 14 });
    expect(r.synthetic).toBe(true);
    expect(r.note).toMatch(/SYNTHETIC/);
    expect(r.cities.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(r.dates).toHaveLength(21);
    expect(r.dates[13]).toBe('2025-12-31'); // last history day (two years from 2024-01-01)
    expect(r.dates[14]).toBe('2026-01-01');
    expect(r.provinces.map((p) => [p.id, p.cities])).toEqual([['P1', 2], ['P2', 2]]);
    for (const dir of ['origin', 'destination'] as const) {
      for (let k = 0; k < 7; k++) {
        expect(r.national[dir].forecast.mean[k]).toBeCloseTo(sumOf(r.cities.map((c) => c[dir]), k), 6);
        expect(r.national[dir].forecast.mean[k]).toBeCloseTo(sumOf(r.provinces.map((p) => p[dir]), k), 6);
        const p1 = r.provinces[0][dir];
        expect(p1.forecast.mean[k]).toBeCloseTo(sumOf([r.cities[0][dir], r.cities[1][dir]], k), 6);
      }
      for (let k = 0; k < 14; k++) {
        expect(r.national[dir].historyTail[k]).toBe(r.cities.reduce((s, c) => s + c[dir].historyTail[k], 0));
      }
      for (const d of [...r.cities.map((c) => c[dir]), ...r.provinces.map((p) => p[dir]), r.national[dir]]) {
        expect(d.historyTail).toHaveLength(14);
        expect(d.forecast.mean).toHaveLength(7);
        for (let k = 0; k < 7; k++) {
          const m = d.forecast.mean[k];
          expect(d.forecast.intervals[95].lo[k]).toBeLessThanOrEqual(d.forecast.intervals[80].lo[k]);
          expect(d.forecast.intervals[80].lo[k]).toBeLessThanOrEqual(m);
          expect(d.forecast.intervals[80].hi[k]).toBeGreaterThanOrEqual(m);
          expect(d.forecast.intervals[95].hi[k]).toBeGreaterThanOrEqual(d.forecast.intervals[80].hi[k]);
        }
        expect(d.backtest.level).toBe(95);
        expect(d.backtest.from).toBe('2025-12-25');
        expect(d.backtest.coverage).toBeGreaterThanOrEqual(0);
        expect(d.backtest.smape).toBeGreaterThan(0);
        expect(d.backtest.smape).toBeLessThan(50);
      }
    }
    // the national band is narrower than the sum of the city half-widths (independent errors) and wider than any one
    const half = (d: DirectionForecast): number => d.forecast.intervals[95].hi[0] - d.forecast.mean[0];
    const cityHalves = r.cities.map((c) => half(c.origin));
    expect(half(r.national.origin)).toBeLessThan(cityHalves.reduce((a, b) => a + b, 0));
    expect(half(r.national.origin)).toBeGreaterThan(Math.max(...cityHalves));
  });

  it('gives a city the same forecast whichever other cities are asked for, in network order, without duplicates', async () => {
    const cache = new SeriesCache();
    const one = await forecastDemand(network, { cities: ['Gamma'], horizonDays: 5, model: 'theta', cache });
    const two = await forecastDemand(network, { cities: ['丙城', 'b', 'c'], horizonDays: 5, model: 'theta', cache: new SeriesCache() });
    expect(two.cities.map((c) => c.id)).toEqual(['b', 'c']);
    expect(two.cities[1].origin).toEqual(one.cities[0].origin);
    expect(one.national.origin.forecast).toEqual(one.cities[0].origin.forecast);
  });

  it('reports progress per series, reuses the cache, and stops on abort', async () => {
    const cache = new SeriesCache();
    const fractions: number[] = [];
    await forecastDemand(network, { cities: ['a', 'b'], horizonDays: 3, model: 'ses', cache, onProgress: (p) => fractions.push(p.fraction!) });
    expect(fractions).toEqual([0.25, 0.5, 0.75, 1]);
    expect(cache.size).toBe(4);
    const controller = new AbortController();
    const run = forecastDemand(network, {
      horizonDays: 3,
      model: 'ses',
      cache: new SeriesCache(),
      signal: controller.signal,
      onProgress: (p) => {
        if (p.iteration === 2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });

  it.each([
    [{ horizonDays: 0 }, InputError, 'horizonDays'],
    [{ horizonDays: 367 }, InputError, 'horizonDays'],
    [{ horizonDays: 2.5 }, InputError, 'horizonDays'],
    [{ horizonDays: 7, cities: [] }, InputError, 'cities'],
    [{ horizonDays: 7, cities: ['a', 'b', 'c', 'atlantis'] }, NotFoundError, 'cities/3'],
    [{ horizonDays: 7, cities: ['a', 'h'] }, NotFoundError, 'cities/1'],
    [{ horizonDays: 7, model: 'prophet' }, InputError, 'model'],
    [{ horizonDays: 7, levels: [80, 100] }, InputError, 'levels'],
    [{ horizonDays: 7, levels: [95, 95] }, InputError, 'levels'],
    [{ horizonDays: 7, levels: [] }, InputError, 'levels'],
    [{ horizonDays: 7, seed: -1 }, InputError, 'seed'],
    [{ horizonDays: 7, historyDays: 0 }, InputError, 'historyDays'],
  ])('%j → %o naming %s', async (opts, cls, field) => {
    const err = await forecastDemand(network, opts as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(cls);
    expect((err as InputError).field).toBe(field);
  });
});
