import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadNetworkData, Network } from '../../src/network/index.js';
import { loadTariff } from '../../src/quote/index.js';
import { RouteTable } from '../../src/quote/route-table.js';
import { createRng } from '../../src/shared/random.js';
import { defaultDataDir } from '../../src/shared/paths.js';

const network = new Network(loadNetworkData(defaultDataDir()));
const tariff = loadTariff(join(defaultDataDir(), 'tariff.json'));
const provinceZh = new Map(network.data.cities.map((c) => [c.id, c.provinceZh]));

describe('RouteTable', () => {
  it('finds the same paths when its limits make it start again empty, and keeps within them', () => {
    const big = new RouteTable(network, tariff, provinceZh);
    const small = new RouteTable(network, tariff, provinceZh, { slots: 50, plans: 20 });
    const rng = createRng(4);
    const places = network.places;
    for (let i = 0; i < 600; i++) {
      const o = rng.int(places.length);
      let d = rng.int(places.length);
      if (d === o) d = (d + 1) % places.length;
      const sn = rng.int(tariff.services.length);
      const svc = tariff.services[sn];
      const chargeKg = svc.roundingKg * (1 + rng.int(i % 3 === 0 ? 140 : 10));
      const a = big.plan(big.slot(o, d) + sn, places[o], places[d], svc, chargeKg);
      const b = small.plan(small.slot(o, d) + sn, places[o], places[d], svc, chargeKg);
      expect(b?.raw.nodes ?? null).toEqual(a?.raw.nodes ?? null);
      expect(b?.modes ?? null).toEqual(a?.modes ?? null);
      expect(small.stats.routes).toBeLessThanOrEqual(50);
      expect(small.stats.routePlans).toBeLessThanOrEqual(20);
    }
    expect(big.hits + big.misses).toBe(600);
    expect(small.misses).toBeGreaterThan(big.misses); // it forgot, and searched again
  });

  it('shares one plan between weights and services that take the same lanes', () => {
    const t = new RouteTable(network, tariff, provinceZh);
    const o = places('shanghai');
    const d = places('beijing');
    const eco = tariff.services.findIndex((s) => s.objective === 'cost');
    const p1 = t.plan(t.slot(o.no, d.no) + eco, o.place, d.place, tariff.services[eco], 1);
    const p2 = t.plan(t.slot(o.no, d.no) + eco, o.place, d.place, tariff.services[eco], 2);
    expect(p1).not.toBeNull();
    if (p1!.raw.nodes.join() === p2!.raw.nodes.join() && p1!.modes.join() === p2!.modes.join()) expect(p2).toBe(p1);
    expect(t.plan(t.slot(o.no, d.no) + eco, o.place, d.place, tariff.services[eco], 1)).toBe(p1);
    expect(t.hits).toBe(1);
  });
});

function places(id: string) {
  const no = network.places.findIndex((p) => p.id === id);
  return { no, place: network.places[no] };
}
