import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadNetworkData, Network } from '../../src/network/index.js';
import { loadTariff, QuoteEngine, quoteBatch, parseBatchCsv, batchToCsv } from '../../src/quote/index.js';
import { InputError, NotFoundError } from '../../src/shared/errors.js';

const fixtures = join(import.meta.dirname, '../fixtures');
const network = new Network(loadNetworkData(join(fixtures, 'network-small')));
const tariff = loadTariff(join(fixtures, 'network-small', 'tariff.json'));
const engine = () => new QuoteEngine(network, tariff, () => new Date('2026-11-27T02:00:00Z'));
const DEG_KM = 111.19508;

const line = (o: { breakdown: { component: string; amountCny: number }[] }, c: string) =>
  o.breakdown.filter((l) => l.component === c).reduce((s, l) => s + l.amountCny, 0);

describe('QuoteEngine on the hand-checked network (test/fixtures/network-small)', () => {
  it('prices an economy parcel component by component', () => {
    const r = engine().quote({ origin: 'a', destination: 'b', weightKg: 0.8, service: 'economy' });
    const o = r.options[0];
    expect(o.chargeableWeightKg).toBe(1);
    // road a→b: fixed ¥5 + 111.195 km × ¥1/t-km × 1 kg
    expect(line(o, 'lineHaul')).toBeCloseTo(5 + DEG_KM / 1000, 2);
    expect(line(o, 'firstMile')).toBeCloseTo(1.1, 6);
    expect(line(o, 'lastMile')).toBeCloseTo(2.2, 6);
    expect(line(o, 'fuel')).toBeCloseTo(0.1 * (5 + DEG_KM / 1000), 2);
    expect(line(o, 'remote')).toBe(0);
    expect(o.costCny).toBeCloseTo(1.1 + 5.11 + 2.2 + 0.51, 6);
    expect(line(o, 'margin')).toBeCloseTo(0.89, 6);
    expect(o.priceCny).toBeCloseTo(8.92 + 0.89, 6);
    expect(o.path).toMatchObject({ modes: ['road'], hubIds: [], legs: [{ from: 'a', to: 'b', mode: 'road' }] });
    expect(o.co2Kg).toBeCloseTo((DEG_KM * 0.1 * 0.8) / 1000, 4);
  });

  it('adds the remote-area surcharge for a destination in a listed province', () => {
    const o = engine().quote({ origin: 'a', destination: 'c', weightKg: 1, service: 'economy' }).options[0];
    expect(line(o, 'remote')).toBeCloseTo(4 + 1, 6);
    expect(o.breakdown.find((l) => l.component === 'remote')!.detail).toBe('remote province P2');
  });

  it('applies the minimum charge and tags the options', () => {
    const r = engine().quote({ origin: 'a', destination: 'c', weightKg: 1 });
    const [eco, exp] = r.options;
    expect(exp.service).toBe('express');
    expect(exp.path.modes).toEqual(['air']);
    expect(exp.priceCny).toBe(100);
    expect(line(exp, 'minimumCharge')).toBeGreaterThan(0);
    expect(line(exp, 'fuel')).toBeCloseTo(0.2 * ((2 * DEG_KM * 10) / 1000), 2);
    expect(eco.tags).toEqual(['cheapest', 'lowestCo2']);
    expect(exp.tags).toEqual(['fastest']);
    expect(exp.transitDays).toBeLessThanOrEqual(eco.transitDays);
  });

  it('charges insurance on the declared value with a minimum', () => {
    const q = (v: number) => line(engine().quote({ origin: 'a', destination: 'b', weightKg: 1, service: 'economy', declaredValueCny: v }).options[0], 'insurance');
    expect(q(100)).toBe(3);
    expect(q(1000)).toBe(10);
  });

  it('charges the volumetric weight of a light, bulky parcel', () => {
    const o = engine().quote({ origin: 'a', destination: 'b', weightKg: 1, lengthCm: 60, widthCm: 50, heightCm: 40, service: 'economy' }).options[0];
    expect(o.chargeableWeightKg).toBe(20);
    expect(o.weightBasis).toBe('volumetric');
    // a heavier parcel can take another path: 20 kg still goes by road here
    expect(line(o, 'lineHaul')).toBeCloseTo(5 + (DEG_KM * 20) / 1000, 2);
  });

  it('switches to rail via the hub for a heavy shipment, as the path search does', () => {
    const light = engine().quote({ origin: 'a', destination: 'c', weightKg: 10, service: 'economy' }).options[0];
    const heavy = engine().quote({ origin: 'a', destination: 'c', weightKg: 100, service: 'economy' }).options[0];
    expect(light.path.modes).toEqual(['road']);
    // road 2×5 + 222.39 × 0.1 = 32.2 against rail 2×20 + 314.5 × 0.05 = 55.7 at 100 kg: still road;
    // the switch comes above (40 − 10) / (0.2224 − 0.1573) ≈ 461 kg, beyond this tariff's 100 kg limit
    expect(heavy.path.modes).toEqual(['road']);
  });

  it('adds a congestion surcharge where allocation found a hub at capacity', () => {
    const e = new QuoteEngine(network, { ...tariff, maxWeightKg: 1000 }, () => new Date('2026-11-27T02:00:00Z'));
    const before = e.quote({ origin: 'a', destination: 'c', weightKg: 500, service: 'economy' }).options[0];
    expect(before.path.hubs).toEqual(['Hotel Hub']);
    e.setCongestion(new Map([['h', 0.02]]));
    const after = e.quote({ origin: 'a', destination: 'c', weightKg: 500, service: 'economy' }).options[0];
    expect(line(after, 'congestion')).toBeCloseTo(10, 6);
    expect(after.breakdown.find((l) => l.component === 'congestion')!.detail).toMatch(/Hotel Hub/);
  });

  it('snaps a coordinate to the nearest city', () => {
    const r = engine().quote({ origin: [0.1, 0.05], destination: 'Gamma', weightKg: 1 });
    expect(r.origin.id).toBe('a');
    expect(r.origin.snappedFromM).toBeGreaterThan(10_000);
    expect(r.origin.snappedFromM).toBeLessThan(13_000);
  });

  it('lists a service with no route as unavailable', () => {
    const r = engine().quote({ origin: 'a', destination: 'd', weightKg: 1 });
    expect(r.options).toEqual([]);
    expect(r.unavailable.map((u) => u.service)).toEqual(['economy', 'express']);
  });

  it.each([
    [{ weightKg: -1 }, 'weightKg'],
    [{ weightKg: 101 }, 'weightKg'],
    [{ weightKg: 1, lengthCm: 30 }, 'widthCm'],
    [{ weightKg: 1, lengthCm: 30, widthCm: 20, heightCm: 5000 }, 'heightCm'],
    [{ weightKg: 1, lengthCm: -3, widthCm: 20, heightCm: 5 }, 'lengthCm'],
    [{ weightKg: 1, service: 'overnight' }, 'service'],
    [{ weightKg: 1, declaredValueCny: -5 }, 'declaredValueCny'],
    [{ weightKg: 1, shipAt: 'tomorrow' }, 'shipAt'],
    [{ weightKg: 1, destination: 'a' }, 'destination'],
    [{ weightKg: 1, origin: [500, 0] }, 'origin'],
  ])('rejects %j naming the field', (patch, field) => {
    try {
      engine().quote({ origin: 'a', destination: 'b', ...patch } as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).field).toBe(field);
    }
  });

  it('answers 404-style for an unknown city', () => {
    expect(() => engine().quote({ origin: 'a', destination: 'Atlantis', weightKg: 1 })).toThrowError(NotFoundError);
  });
});

describe('quoteBatch', () => {
  it('quotes good rows and gives each bad row its own error', () => {
    const rows = parseBatchCsv('origin,destination,weightKg,lengthCm,widthCm,heightCm,service\na,b,1,,,,economy\na,Atlantis,1,,,,\na,c,heavy,,,,\na,b,2,30,20,10,express\nb,c,-1,,,,\n');
    const res = quoteBatch(engine(), rows);
    expect(res.okRows).toBe(2);
    expect(res.errorRows).toBe(3);
    expect(res.rows.map((r) => (r.ok ? 'ok' : `${r.error.status}:${r.error.field}`))).toEqual(['ok', '404:destination', '400:weightKg', 'ok', '400:weightKg']);
    const csv = batchToCsv(res).trim().split('\n');
    expect(csv[0]).toBe('row,origin,destination,service,priceCny,chargeableWeightKg,transitDays,deliveryDate,co2Kg,distanceKm,modes,tags,error');
    expect(csv).toHaveLength(1 + 1 + 3 + 1);
    expect(csv[1]).toMatch(/^1,a,b,economy,9\.81,1,/);
    expect(csv[2]).toMatch(/^2,.*Atlantis/);
  });

  it('rejects an unknown CSV column and an oversized batch', () => {
    expect(() => parseBatchCsv('origin,destination,weight\na,b,1\n')).toThrow(/unknown column "weight"/);
    expect(() => quoteBatch(engine(), new Array(10_001).fill({ origin: 'a', destination: 'b', weightKg: 1 }))).toThrow(/at most 10000/);
  });
});

describe('QuoteEngine on the shipped network', () => {
  it('leaves out breakdown lines that round to ¥0.00 (a fuel surcharge on a few yuan of line-haul, say)', async () => {
    const { defaultDataDir } = await import('../../src/shared/paths.js');
    const net = new Network(loadNetworkData(defaultDataDir()));
    const e = new QuoteEngine(net, loadTariff(join(defaultDataDir(), 'tariff.json')), () => new Date('2026-11-27T02:00:00Z'));
    const ids = net.data.cities.map((c) => c.id);
    let lines = 0;
    for (let i = 0; i < 400; i++) {
      const origin = ids[(i * 7) % ids.length];
      const destination = ids[(i * 13 + 5) % ids.length];
      if (origin === destination) continue;
      for (const o of e.quote({ origin, destination, weightKg: 0.1 + (i % 9) * 0.3 }).options) {
        for (const l of o.breakdown) {
          expect(l.amountCny, `${origin}→${destination} ${o.service} ${l.component}`).toBeGreaterThan(0);
          lines++;
        }
        // the lines still add up to the price
        expect(o.breakdown.reduce((s, l) => s + l.amountCny, 0)).toBeCloseTo(o.priceCny, 6);
      }
    }
    expect(lines).toBeGreaterThan(4000);
  });
});
