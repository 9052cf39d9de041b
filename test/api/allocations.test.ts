import { describe, expect, it } from 'vitest';
import { useTwoRoutesAllocations } from './helper.js';

const post = useTwoRoutesAllocations();
const demand = [{ from: 'a', to: 'b', kgPerDay: 20_000 }];
const options = { trunkModeSets: [['road'], ['rail']] };

describe('POST /api/allocations', () => {
  it('a value matching no branch of a union says what it may be, not the first branch\'s complaint', async () => {
    for (const laneDecisions of ['bogus', 5]) {
      const res = await post({ demand, options: { ...options, laneDecisions } });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('options.laneDecisions');
      expect(res.json().detail).toBe('options.laneDecisions: must be "none", "linehaul", "all" or a list');
    }
  });

  it('returns flows, hub use, costs, capacity prices and GeoJSON of the flows', async () => {
    const res = await post({ demand, options });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('optimal');
    expect(body.objectiveCny).toBeCloseTo(10_007.56, 1);
    expect(body.hubs.find((h: { hub: string }) => h.hub === 'ha').utilisation).toBeCloseTo(1, 6);
    expect(body.capacityPrices[0]).toMatchObject({ kind: 'hub', id: 'ha', binding: true });
    expect(body.congestion.ha).toBeCloseTo(0.1112, 4);
    expect(body.geojson.type).toBe('FeatureCollection');
    const rail = body.geojson.features.find((f: { properties: { mode: string } }) => f.properties.mode === 'rail');
    expect(rail.geometry.type).toBe('LineString');
    expect(rail.properties.kgPerDay).toBeCloseTo(10_000, 3);
    expect(rail.geometry.coordinates[0]).toEqual([-1, 0]);
  });

  it('what-if: a closed hub moves the flow; a missing capacity leaves demand unmet with its reason', async () => {
    const closed = (await post({ demand, options, overrides: { closedHubs: ['ha'] } })).json();
    expect(closed.objectiveCny).toBeCloseTo(11_119.5, 0);
    const short = (await post({ demand, options, overrides: { hubCapacityTonnesPerDay: { hb: 15 } }, geojson: false })).json();
    expect(short.unmet[0].kgPerDay).toBeCloseTo(5_000, 3);
    expect(short.unmet[0].reason).toMatch(/at capacity: .*Beta hub/);
    expect(short.geojson).toBeUndefined();
  });

  it('solves the mixed-integer model when asked', async () => {
    const res = await post({ demand, options, integer: true, overrides: { hubFixedCnyPerDay: { ha: 2_000, ha2: 100, hb: 100 } } });
    expect(res.statusCode).toBe(200);
    expect(res.json().hubs.find((h: { hub: string }) => h.hub === 'ha').open).toBe(false);
  });

  it('synthetic demand is labelled', async () => {
    const body = (await post({ demand: { synthetic: { seed: 3, scale: 0.001 } }, geojson: false })).json();
    expect(body.demandNote).toMatch(/SYNTHETIC/);
    expect(body.demandKgPerDay).toBeGreaterThan(0);
  });

  it.each([
    [{ demand, overrides: { hubCapacityTonnesPerDay: { ha: -5 } } }, 'overrides.hubCapacityTonnesPerDay.ha'],
    [{ demand, overrides: { closedHubs: ['atlantis'] } }, 'overrides.closedHubs.0'],
    [{ demand, overrides: { hubCapacityTonnesPerDay: { atlantis: 5 } } }, 'overrides.hubCapacityTonnesPerDay.atlantis'],
    [{ demand, overrides: { laneCapacityTonnesPerDay: { 'a~zz~road': 5 } } }, 'overrides.laneCapacityTonnesPerDay.a~zz~road'],
    [{ demand: [{ from: 'a', to: 'zz', kgPerDay: 1 }] }, 'demand.0.to'],
    [{ demand, colour: 'red' }, 'colour'],
    [{ demand, integer: 'yes' }, 'integer'],
  ])('%j → 400 naming %s', async (body, field) => {
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().field).toBe(field);
  });
});
