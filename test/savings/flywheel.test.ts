import { beforeAll, describe, expect, it } from 'vitest';
import { loadNetworkData, Network } from '../../src/network/index.js';
import { runFlywheel, runFlywheelSeeds, runSavings, type FlywheelReport } from '../../src/savings/index.js';
import { CancelledError, InputError } from '../../src/shared/errors.js';
import { defaultDataDir } from '../../src/shared/paths.js';

/** A tiny flywheel: 4 cities, 4 weeks of history, small station instances, a short search. */
const TINY = { cities: 4, historyWeeks: 4, minStops: 10, maxStops: 20, vrpIterations: 10 };

let network: Network;
beforeAll(() => {
  network = new Network(loadNetworkData(defaultDataDir()));
});

const strip = (r: FlywheelReport) => ({ ...r, timings: null });

describe('flywheel', () => {
  it('runs deterministically for a seed, with the report fields', async () => {
    const a = await runFlywheel(network, { seed: 3, periods: 3, params: TINY });
    const b = await runFlywheel(network, { seed: 3, periods: 3, params: TINY });
    expect(strip(a)).toEqual(strip(b));
    expect(a.periods).toHaveLength(3);
    for (const p of a.periods) {
      for (const k of ['period', 'merchants', 'parcels', 'forecastErrorPct', 'costPerParcelBaselineCny', 'costPerParcelOptimisedCny', 'priceCny', 'cumulativeSavingsCny'] as const) {
        expect(Number.isFinite(p[k])).toBe(true);
      }
      expect(p.priceCny).toBeCloseTo(p.costPerParcelOptimisedCny * 1.1, 10);
    }
    expect(a.assumptions.cities).toHaveLength(4);
    expect(a.assumptions.table.every((r) => r.source.length > 0)).toBe(true);
    const c = await runFlywheel(network, { seed: 4, periods: 3, params: TINY });
    expect(c.periods[0].parcels).not.toBe(a.periods[0].parcels);
  });

  it('attribution adds up to the total saving, per period and over the run', async () => {
    const r = await runFlywheel(network, { seed: 1, periods: 3, params: TINY });
    for (const p of r.periods) {
      const a = p.attribution;
      expect(a.forecastingCny + a.allocationCny + a.routingCny).toBeCloseTo(a.totalCny, 6);
      expect(a.totalCny).toBeCloseTo((p.costPerParcelBaselineCny - p.costPerParcelOptimisedCny) * p.parcels, 4);
    }
    const t = r.attribution;
    expect(t.forecastingCny + t.allocationCny + t.routingCny).toBeCloseTo(t.totalCny, 6);
    expect(t.totalCny).toBeCloseTo(r.periods[2].cumulativeSavingsCny, 6);
    // the optimised allocation never costs more than nearest-hub road trucking on these pairs
    expect(t.allocationCny).toBeGreaterThan(0);
  });

  it('zero elasticity keeps merchants constant; positive elasticity grows them when the price is lower', async () => {
    const flat = await runFlywheel(network, { seed: 2, periods: 3, params: { ...TINY, elasticity: 0 } });
    expect(flat.periods.map((p) => p.merchants)).toEqual([2000, 2000, 2000]);
    const grow = await runFlywheel(network, { seed: 2, periods: 3, params: { ...TINY, elasticity: 0.5 } });
    expect(grow.periods[0].priceCny).toBeLessThan(grow.periods[0].baselinePriceCny);
    expect(grow.periods[1].merchants).toBeGreaterThan(2000);
  });

  it('with forecasting switched off its share is exactly zero', async () => {
    const r = await runFlywheel(network, { seed: 1, periods: 2, params: TINY, switches: { forecasting: false } });
    for (const p of r.periods) {
      expect(p.attribution.forecastingCny).toBe(0);
      expect(p.forecastErrorPct).toBe(p.forecastErrorPctBaseline);
    }
    expect(r.attribution.forecastingCny).toBe(0);
    const none = await runFlywheel(network, { seed: 1, periods: 1, params: TINY, switches: { forecasting: false, allocation: false, routing: false } });
    expect(none.attribution).toEqual({ forecastingCny: 0, allocationCny: 0, routingCny: 0, totalCny: 0 });
    expect(none.periods[0].costPerParcelOptimisedCny).toBe(none.periods[0].costPerParcelBaselineCny);
  });

  it('bands over seeds hold min <= median <= max', async () => {
    const r = await runFlywheelSeeds(network, { seeds: [1, 2, 3], periods: 2, params: TINY });
    expect(r.bands).toHaveLength(2);
    expect(r.attributionBySeed.map((a) => a.seed)).toEqual([1, 2, 3]);
    for (const b of r.bands) {
      expect(b.parcels.min).toBeLessThanOrEqual(b.parcels.median);
      expect(b.parcels.median).toBeLessThanOrEqual(b.parcels.max);
    }
  });

  it('one week compared: 8 combinations, the all-baseline one dearest here, split adds up', async () => {
    const s = await runSavings(network, { seed: 1, params: TINY });
    expect(s.combinations).toHaveLength(8);
    expect(s.combinations[0]).toMatchObject({ forecasting: 'baseline', allocation: 'baseline', routing: 'baseline' });
    expect(s.combinations[7]).toMatchObject({ forecasting: 'optimised', allocation: 'optimised', routing: 'optimised' });
    const a = s.attribution;
    expect(a.forecastingCny + a.allocationCny + a.routingCny).toBeCloseTo(s.combinations[0].totalCny - s.combinations[7].totalCny, 4);
  });

  it('the one-week comparison is the flywheel\'s first period (same demand, same costs)', async () => {
    const s = await runSavings(network, { seed: 5, params: TINY });
    const f = await runFlywheel(network, { seed: 5, periods: 2, params: TINY });
    expect(s.parcels).toBe(f.periods[0].parcels);
    expect(s.combinations.map((c) => c.costPerParcelCny)).toEqual(Object.values(f.periods[0].combosCnyPerParcel));
  });

  it('rejects bad input with the field named', async () => {
    const field = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).field;
      }
      throw new Error('no error');
    };
    expect(await field(runFlywheel(network, { periods: -1, params: TINY }))).toBe('periods');
    expect(await field(runFlywheel(network, { periods: 2.5, params: TINY }))).toBe('periods');
    expect(await field(runFlywheel(network, { periods: 2, seed: -1, params: TINY }))).toBe('seed');
    expect(await field(runFlywheel(network, { periods: 2, params: { ...TINY, margin: -0.1 } }))).toBe('params.margin');
    expect(await field(runFlywheel(network, { periods: 2, params: { ...TINY, elasticity: Number.NaN } }))).toBe('params.elasticity');
    expect(await field(runFlywheel(network, { periods: 2, params: { ...TINY, forecastModel: 'nope' } }))).toBe('model');
    expect(await field(runFlywheel(network, { periods: 2, params: { ...TINY, cities: 999 } }))).toBe('params.cities');
    expect(await field(runFlywheel(network, { periods: 2, params: { bogus: 1 } as never }))).toBe('params.bogus');
  });

  it('stops on an aborted signal with CancelledError', async () => {
    const c = new AbortController();
    c.abort();
    await expect(runFlywheel(network, { periods: 2, params: TINY, signal: c.signal })).rejects.toBeInstanceOf(CancelledError);
  });
});
