import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadNetworkData, Network } from '../../src/network/index.js';
import { batchToCsv, loadTariff, QuoteEngine, quoteBatch, quoteBatchCsv, quoteBatchJson, type QuoteRequest } from '../../src/quote/index.js';
import { createRng } from '../../src/shared/random.js';
import { defaultDataDir } from '../../src/shared/paths.js';

const ASCII = /^[\x00-\x7f]*$/;
const fixtures = join(import.meta.dirname, '../fixtures/network-small');
const small = new Network(loadNetworkData(fixtures));
const smallTariff = loadTariff(join(fixtures, 'tariff.json'));
const clock = () => new Date('2026-11-27T02:00:00Z');

/** quoteJson must be the same value as quote(), whatever the request; errors the same errors. */
function sameAnswer(e: QuoteEngine, req: QuoteRequest, geometry = false): string {
  let text: string;
  try {
    text = e.quoteJson(req, { geometry });
  } catch (err) {
    expect(() => e.quote(req, { geometry })).toThrow((err as Error).message);
    return '';
  }
  expect(text).toMatch(ASCII);
  expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(e.quote(req, { geometry }))));
  return text;
}

describe('QuoteEngine.quoteJson (fragments kept with the priced paths)', () => {
  it('writes the same answer as quote() on the hand-checked network', () => {
    const e = new QuoteEngine(small, smallTariff, clock);
    const reqs: [QuoteRequest, boolean][] = [
      [{ origin: 'a', destination: 'b', weightKg: 0.8 }, false],
      [{ origin: 'a', destination: 'c', weightKg: 1, declaredValueCny: 500 }, true], // insurance, minimum charge, remote
      [{ origin: [0.1, 0.05], destination: 'Gamma', weightKg: 1 }, false], // snapped origin
      [{ origin: 'a', destination: 'd', weightKg: 1 }, false], // nothing available
      [{ origin: 'a', destination: 'b', weightKg: 1, lengthCm: 60, widthCm: 50, heightCm: 40, service: 'economy' }, false],
      [{ origin: 'a', destination: 'b', weightKg: -1 }, false],
      [{ origin: 'a', destination: 'Atlantis', weightKg: 1 }, false],
    ];
    for (const [req, geo] of reqs) sameAnswer(e, req, geo);
    // the same request again is answered from the kept fragments: still the same
    for (const [req, geo] of reqs) sameAnswer(e, req, geo);
  });

  it('keeps the schedule right when the hand-in day or cut-off changes between quotes of one path', () => {
    const e = new QuoteEngine(small, smallTariff, clock);
    const times = ['2026-11-27T02:00:00Z', '2026-11-27T09:30:00Z', '2026-11-28T01:00:00Z', '2026-11-27T02:00:00Z', '1969-12-31T20:00:00Z'];
    for (const shipAt of times) {
      const text = sameAnswer(e, { origin: 'a', destination: 'c', weightKg: 2, shipAt });
      const fresh = new QuoteEngine(small, smallTariff, clock).quote({ origin: 'a', destination: 'c', weightKg: 2, shipAt });
      expect(JSON.parse(text).options.map((o: { deliveryDate: string }) => o.deliveryDate)).toEqual(fresh.options.map((o) => o.deliveryDate));
    }
  });

  it('writes the same answer as quote() on the shipped network, Chinese names and congestion included, in ASCII', () => {
    const network = new Network(loadNetworkData(defaultDataDir()));
    const e = new QuoteEngine(network, loadTariff(join(defaultDataDir(), 'tariff.json')), clock);
    e.warmUp();
    const rng = createRng(3);
    const places = network.places;
    const run = (n: number) => {
      for (let i = 0; i < n; i++) {
        const a = places[rng.int(places.length)];
        const b = places[rng.int(places.length)];
        const req: QuoteRequest = { origin: a.id, destination: rng.next() < 0.2 ? b.name : b.id, weightKg: Math.round(Math.exp(rng.normal()) * 100) / 100 || 0.3 };
        if (rng.next() < 0.4) Object.assign(req, { lengthCm: 10 + rng.int(60), widthCm: 10 + rng.int(40), heightCm: 5 + rng.int(30) });
        if (rng.next() < 0.3) req.declaredValueCny = rng.int(3000);
        if (rng.next() < 0.3) req.shipAt = new Date(Date.UTC(2026, 10, 20) + rng.int(20 * 86400) * 1000).toISOString();
        sameAnswer(e, req, i % 25 === 0);
      }
    };
    run(250);
    e.setCongestion(new Map([['hub-shanghai', 0.2], ['hub-beijing', 0.1]]));
    run(150);
    const stats = e.cacheStats();
    expect(stats.routeHits + stats.routeMisses).toBeGreaterThan(400);
    expect(stats.routeHits).toBeGreaterThan(0);
    expect(stats.pathTrees).toBeGreaterThan(0);
  });
});

describe('batch answers written directly', () => {
  const rows = [
    { origin: 'a', destination: 'b', weightKg: 1 },
    { origin: 'a', destination: 'c', weightKg: 2.5, declaredValueCny: 100, service: 'economy' },
    { origin: 'a', destination: 'b', weightKg: 'x' },
    { origin: 'zz', destination: 'b', weightKg: 1 },
    { origin: 'a', destination: 'd', weightKg: 1 },
    7,
  ];

  it('quoteBatchJson is the JSON of quoteBatch, in ASCII bytes', () => {
    const e = new QuoteEngine(small, smallTariff, clock);
    const bytes = quoteBatchJson(e, rows);
    expect(bytes.toString('latin1')).toMatch(ASCII);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(JSON.parse(JSON.stringify(quoteBatch(e, rows))));
    expect(JSON.parse(quoteBatchJson(e, []).toString())).toEqual({ rows: [], okRows: 0, errorRows: 0 });
  });

  it('quoteBatchCsv is batchToCsv of quoteBatch', () => {
    const e = new QuoteEngine(small, smallTariff, clock);
    const { csv, okRows, errorRows } = quoteBatchCsv(e, rows);
    const ref = quoteBatch(e, rows);
    expect(csv).toBe(batchToCsv(ref));
    expect([okRows, errorRows]).toEqual([3, 3]);
  });
});
