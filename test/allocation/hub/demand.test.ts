import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHubModel, gravityOd, syntheticDemand, syntheticTotalKgPerDay } from '../../../src/allocation/hub/index.js';
import { loadNetworkData, Network } from '../../../src/network/index.js';
import type { City } from '../../../src/network/types.js';

const city = (id: string, lon: number, population: number): City => ({
  id, name: id, nameZh: id, province: 'P', provinceZh: 'P', lon, lat: 0, population, geonamesId: 0, isProvincialCapital: false,
});
const cities = [city('a', 0, 1e6), city('b', 1, 2e6), city('c', 3, 1e6)];

describe('gravityOd', () => {
  it('keeps each city\'s sent and received totals (doubly constrained) and leaves intra-city pairs out', () => {
    const totals = [
      { city: 'a', sendKgPerDay: 150, receiveKgPerDay: 150 },
      { city: 'b', sendKgPerDay: 150, receiveKgPerDay: 100 },
      { city: 'c', sendKgPerDay: 100, receiveKgPerDay: 150 },
    ];
    const od = gravityOd(cities, totals, { noiseLogSd: 0 });
    expect(od.every((d) => d.from !== d.to)).toBe(true);
    for (const t of totals) {
      expect(od.filter((d) => d.from === t.city).reduce((s, d) => s + d.kgPerDay, 0)).toBeCloseTo(t.sendKgPerDay, 5);
      expect(od.filter((d) => d.to === t.city).reduce((s, d) => s + d.kgPerDay, 0)).toBeCloseTo(t.receiveKgPerDay, 5);
    }
  });

  it('sends more to the nearer of two equal destinations (distance decay)', () => {
    const od = gravityOd([city('a', 0, 1), city('b', 1, 1), city('c', 5, 1)], ['a', 'b', 'c'].map((c) => ({ city: c, sendKgPerDay: 10, receiveKgPerDay: 10 })), {
      noiseLogSd: 0,
      minDistanceKm: 1,
    });
    const kg = (f: string, t: string) => od.find((d) => d.from === f && d.to === t)!.kgPerDay;
    expect(kg('a', 'b')).toBeGreaterThan(kg('a', 'c'));
  });

  it('names the field of an unknown city', () => {
    expect(() => gravityOd(cities, [{ city: 'zz', sendKgPerDay: 1, receiveKgPerDay: 1 }])).toThrow(expect.objectContaining({ field: 'demand.cities.0.city' }));
  });
});

describe('syntheticDemand', () => {
  it('totals the national figure × population share × mean parcel weight × scale, and repeats with its seed', () => {
    // 132.07e9 parcels / 365 × (4e6 / 1.4097e9) × 0.5 kg
    expect(syntheticTotalKgPerDay(cities)).toBeCloseTo((132.07e9 / 365) * (4e6 / 1.4097e9) * 0.5, 3);
    const od = syntheticDemand(cities, { seed: 7, scale: 2 });
    expect(od.reduce((s, d) => s + d.kgPerDay, 0)).toBeCloseTo(2 * syntheticTotalKgPerDay(cities), 3);
    expect(syntheticDemand(cities, { seed: 7, scale: 2 })).toEqual(od);
    expect(syntheticDemand(cities, { seed: 8, scale: 2 })).not.toEqual(od);
  });
});

describe('routes on the shipped network', () => {
  it('gives every pair of a few cities candidate routes through their nearest hubs', () => {
    const network = new Network(loadNetworkData(join(import.meta.dirname, '../../../data')));
    const hm = buildHubModel(network, {
      demand: [
        { from: 'wuhan', to: 'beijing', kgPerDay: 1000 },
        { from: 'changsha', to: 'shanghai', kgPerDay: 500 },
      ],
    });
    const ids = hm.routeSet.hubIds;
    const first = hm.routeSet.routes.filter((r) => r.od === 0);
    expect(first.length).toBeGreaterThan(1);
    expect(ids[first[0].originHub]).toBe('hub-wuhan');
    expect(ids[first[0].destHub]).toBe('hub-beijing');
    // Cheapest first, and the first mile from Wuhan to its own hub costs less than a yuan per kg.
    for (let i = 1; i < first.length; i++) expect(first[i].costCnyPerKg).toBeGreaterThanOrEqual(first[i - 1].costCnyPerKg);
    expect(first[0].firstMile.costCnyPerKg).toBeLessThan(1);
  });
});
