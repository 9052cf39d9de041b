import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocate, buildHubModel, congestionPrices, type AllocationRequest, type OdDemand } from '../../../src/allocation/hub/index.js';
import { loadNetworkData, Network, type Mode } from '../../../src/network/index.js';
import { createRng } from '../../../src/shared/random.js';

const DIR = join(import.meta.dirname, '../../fixtures/allocation/network-two-routes');
const network = new Network(loadNetworkData(DIR));
const demand = JSON.parse(readFileSync(join(DIR, 'demand.json'), 'utf8')) as OdDemand[];
/** Cost of one kg over one degree of road (1 CNY/t-km × 111.195 km on turf's sphere), and of rail (0.75 CNY/t-km). */
const ROAD = 0.111195;
const RAIL = 0.75 * ROAD;
const VIA_HA = 4 * ROAD; // a → ha → hb → b, all road
const VIA_HA2 = 2 * ROAD + 4 * RAIL; // a → ha2 (road) → hb (rail) → b (road)
const req = (extra: Partial<AllocationRequest> = {}): AllocationRequest => ({ demand, options: { trunkModeSets: [['road'], ['rail']] }, ...extra });

describe('buildHubModel (pure, no solve)', () => {
  it('has one variable per candidate route plus an unmet slack, and a row per OD and per hub', () => {
    const hm = buildHubModel(network, req());
    const routes = hm.routeSet.routes;
    // a's two hubs (ha, ha2) × b's one hub (hb) × trunk paths: ha→hb road; ha2→hb rail and road (via a and ha).
    expect(routes.map((r) => `${hm.routeSet.hubIds[r.originHub]}>${hm.routeSet.hubIds[r.destHub]}`)).toEqual(['ha>hb', 'ha2>hb', 'ha2>hb']);
    expect(routes[0].costCnyPerKg).toBeCloseTo(VIA_HA, 5);
    expect(routes[1].costCnyPerKg).toBeCloseTo(VIA_HA2, 5);
    // The road trunk from ha2 passes a and ha: ha handles that kg too.
    expect(routes[2].hubs.map((h) => hm.routeSet.hubIds[h]).sort()).toEqual(['ha', 'ha2', 'hb']);
    expect(hm.model.variables).toHaveLength(routes.length + 1);
    expect(hm.model.constraints[hm.demandRow[0]]).toMatchObject({ sense: '=', rhs: 20_000 });
    const haRow = hm.model.constraints[hm.hubRow[0]];
    expect(haRow).toMatchObject({ sense: '<=', rhs: 10_000 });
    expect(haRow.vars).toEqual([0, 2]);
  });

  it('closing a hub drops its routes; the MIP adds one binary per hub', () => {
    expect(buildHubModel(network, req({ overrides: { closedHubs: ['ha'] } })).routeSet.routes).toHaveLength(1);
    const mip = buildHubModel(network, req({ options: { integer: true, trunkModeSets: [['road'], ['rail']] } }));
    expect(mip.model.variables.filter((v) => v.integer)).toHaveLength(3);
  });

  it('names the field of bad input', () => {
    expect(() => buildHubModel(network, req({ overrides: { hubCapacityTonnesPerDay: { ha: -1 } } }))).toThrow(expect.objectContaining({ field: 'overrides.hubCapacityTonnesPerDay.ha' }));
    expect(() => buildHubModel(network, req({ overrides: { closedHubs: ['atlantis'] } }))).toThrow(expect.objectContaining({ field: 'overrides.closedHubs.0' }));
    expect(() => buildHubModel(network, { demand: [{ from: 'a', to: 'zz', kgPerDay: 1 }] })).toThrow(expect.objectContaining({ field: 'demand.0.to' }));
  });
});

describe('allocate on the two-route fixture (README: solved by hand)', () => {
  it('fills ha, sends the rest by rail via ha2, and prices ha capacity', async () => {
    const r = await allocate(network, req());
    expect(r.status).toBe('optimal');
    expect(r.objectiveCny).toBeCloseTo(10_000 * VIA_HA + 10_000 * VIA_HA2, 1);
    const lane = (id: string) => r.lanes.find((l) => l.laneId === id)?.kgPerDay ?? 0;
    expect(lane('ha~hb~road')).toBeCloseTo(10_000, 3);
    expect(lane('ha2~hb~rail')).toBeCloseTo(10_000, 3);
    expect(lane('hb~b~road')).toBeCloseTo(20_000, 3);
    expect(r.hubs.find((h) => h.hub === 'ha')!.utilisation).toBeCloseTo(1, 6);
    expect(r.costs.trunkCnyByMode.rail).toBeCloseTo(10_000 * 4 * RAIL, 1);
    expect(r.costs.firstMileCny + r.costs.trunkCny + r.costs.lastMileCny).toBeCloseTo(r.objectiveCny, 3);
    expect(r.unmet).toEqual([]);
    const ha = r.capacityPrices.find((p) => p.id === 'ha')!;
    expect(ha.binding).toBe(true);
    expect(ha.savingCnyPerTonne).toBeCloseTo((VIA_HA2 - VIA_HA) * 1000, 2);
    expect(ha.validToTonnesPerDay).toBeCloseTo(20, 6);
    expect(ha.text).toBe('1 more tonne/day at the Alpha East hub saves ¥111/day (the price holds for a capacity from 0 to 20 tonne/day; now 10)');
    expect(ha).toMatchObject({ validFromTonnesPerDay: 0, holdsForMoreCapacity: true });
    expect(r.capacityPrices.find((p) => p.id === 'hb')!.savingCnyPerTonne).toBe(0);
    expect(congestionPrices(r.capacityPrices)).toEqual(new Map([['ha', 0.1112]]));
    // The unused road trunk ha2 → a → ha → hb (6 degrees) would be used once its cost fell to that of the ha route.
    const unused = r.unusedLanes.find((l) => l.from === 'ha2' && l.to === 'a')!;
    expect(unused.mustFallByCnyPerKg).toBeCloseTo(6 * ROAD - VIA_HA, 5);
  });

  it('the capacity price is what one more tonne/day saves when re-solved', async () => {
    const base = await allocate(network, req());
    const more = await allocate(network, req({ overrides: { hubCapacityTonnesPerDay: { ha: 11 } } }));
    const price = base.capacityPrices.find((p) => p.id === 'ha')!.savingCnyPerTonne;
    expect(base.objectiveCny - more.objectiveCny).toBeCloseTo(price, 6);
  });

  it('over-constrained: unmet demand is reported with the hub at capacity', async () => {
    const r = await allocate(network, req({ overrides: { hubCapacityTonnesPerDay: { hb: 15 } } }));
    expect(r.servedKgPerDay).toBeCloseTo(15_000, 3);
    expect(r.unmet).toHaveLength(1);
    expect(r.unmet[0]).toMatchObject({ from: 'a', to: 'b', hubsAtCapacity: expect.arrayContaining(['hb']) });
    expect(r.unmet[0].kgPerDay).toBeCloseTo(5_000, 3);
    expect(r.unmet[0].reason).toContain('Beta hub');
    expect(r.costs.unmetPenaltyCny).toBeCloseTo(5_000 * 30, 3);
    // One more tonne/day at hb serves a tonne by rail instead of paying the penalty.
    expect(r.capacityPrices.find((p) => p.id === 'hb')!.savingCnyPerTonne).toBeCloseTo((30 - VIA_HA2) * 1000, 2);
  });

  it('what-if: closing ha moves all flow to ha2 and raises the cost', async () => {
    const base = await allocate(network, req());
    const r = await allocate(network, req({ overrides: { closedHubs: ['ha'] } }));
    expect(r.objectiveCny).toBeCloseTo(20_000 * VIA_HA2, 1);
    expect(r.objectiveCny).toBeGreaterThan(base.objectiveCny);
    expect(r.hubs.find((h) => h.hub === 'ha')).toMatchObject({ usedKgPerDay: 0, closed: true, open: false });
    expect(r.lanes.find((l) => l.laneId === 'ha2~hb~rail')!.kgPerDay).toBeCloseTo(20_000, 3);
  });

  it('closing every route leaves the demand unmet, naming the closed hub', async () => {
    const r = await allocate(network, req({ overrides: { closedHubs: ['hb'] } }));
    expect(r.unmet[0].kgPerDay).toBeCloseTo(20_000, 3);
    expect(r.unmet[0].closedHubs).toEqual(['hb']);
    expect(r.unmet[0].reason).toContain('closed: Beta hub');
  });

  it('a lane capacity binds and is priced', async () => {
    const r = await allocate(network, req({ overrides: { hubCapacityTonnesPerDay: { ha: 100 }, laneCapacityTonnesPerDay: { 'ha~hb~road': 12 } } }));
    expect(r.lanes.find((l) => l.laneId === 'ha~hb~road')!.kgPerDay).toBeCloseTo(12_000, 3);
    const p = r.capacityPrices.find((c) => c.kind === 'lane')!;
    expect(p).toMatchObject({ id: 'ha~hb~road', from: 'ha', to: 'hb', binding: true });
    expect(p.savingCnyPerTonne).toBeCloseTo((VIA_HA2 - VIA_HA) * 1000, 2);
  });

  it('a degenerate price (hub and lane full together) says how far it holds: not above the current capacity', async () => {
    const r = await allocate(network, req({ overrides: { laneCapacityTonnesPerDay: { 'ha~hb~road': 10 } } }));
    const full = r.capacityPrices.filter((p) => p.binding);
    expect(full.map((p) => p.id).sort()).toEqual(['ha', 'ha~hb~road']);
    const priced = full.filter((p) => p.savingCnyPerTonne > 0);
    expect(priced).toHaveLength(1);
    expect(priced[0].savingCnyPerTonne).toBeCloseTo((VIA_HA2 - VIA_HA) * 1000, 2);
    expect(priced[0].holdsForMoreCapacity).toBe(false);
    expect(priced[0].text).toMatch(
      /saves at most ¥111\/day: the price holds for a capacity from 0 to 10 tonne\/day only \(now 10\); 1 tonne\/day less would cost ¥111\/day; re-solve to see what more capacity saves$/,
    );
    // And indeed: one more tonne/day of that capacity alone saves nothing, one less costs the price.
    const bump = (t: number) =>
      priced[0].kind === 'hub' ? { laneCapacityTonnesPerDay: { 'ha~hb~road': 10 }, hubCapacityTonnesPerDay: { ha: t } } : { laneCapacityTonnesPerDay: { 'ha~hb~road': t } };
    expect((await allocate(network, req({ overrides: bump(11) }))).objectiveCny).toBeCloseTo(r.objectiveCny, 6);
    expect((await allocate(network, req({ overrides: bump(9) }))).objectiveCny - r.objectiveCny).toBeCloseTo(priced[0].savingCnyPerTonne, 4);
    const other = full.find((p) => p !== priced[0])!;
    expect(other.text).toContain('is full (10 of 10 tonne/day used), but 1 more tonne/day there saves nothing');
  });

  it('mixed-integer: shuts ha when its fixed cost exceeds what it saves, keeps it otherwise', async () => {
    const opts = { integer: true, trunkModeSets: [['road'], ['rail']] as Mode[][] };
    const saves = 10_000 * (VIA_HA2 - VIA_HA); // ≈ 1,111.95 CNY/day
    const dear = await allocate(network, req({ options: opts, overrides: { hubFixedCnyPerDay: { ha: 2_000, ha2: 100, hb: 100 } } }));
    expect(dear.status).toBe('optimal');
    expect(dear.hubs.find((h) => h.hub === 'ha')!.open).toBe(false);
    expect(dear.objectiveCny).toBeCloseTo(20_000 * VIA_HA2 + 200, 1);
    expect(dear.costs.fixedHubCny).toBeCloseTo(200, 6);
    const cheap = await allocate(network, req({ options: opts, overrides: { hubFixedCnyPerDay: { ha: saves - 100, ha2: 100, hb: 100 } } }));
    expect(cheap.hubs.find((h) => h.hub === 'ha')!.open).toBe(true);
    // Flows come from the LP with the hub choice fixed: its cost plus the fixed costs is the MIP's objective.
    expect(cheap.costs.totalCny).toBeCloseTo(cheap.objectiveCny, 3);
    expect(dear.costs.totalCny).toBeCloseTo(dear.objectiveCny, 3);
    // Forcing ha open costs its fixed cost minus what it saves.
    const forced = await allocate(network, req({ options: opts, overrides: { hubFixedCnyPerDay: { ha: 2_000, ha2: 100, hb: 100 }, forcedOpenHubs: ['ha'] } }));
    expect(forced.objectiveCny - dear.objectiveCny).toBeCloseTo(2_000 - saves, 1);
    // Prices come from the LP with the chosen hubs fixed.
    expect(cheap.capacityPrices.find((p) => p.id === 'ha')!.savingCnyPerTonne).toBeCloseTo((VIA_HA2 - VIA_HA) * 1000, 2);
  });
});

describe('backends agree on the hub model', () => {
  it('HiGHS and javascript-lp-solver give the same cost on 20 seeded what-ifs', async () => {
    const rng = createRng(4);
    for (let k = 0; k < 20; k++) {
      const r: AllocationRequest = {
        demand: [
          { from: 'a', to: 'b', kgPerDay: 1_000 + rng.int(40_000) },
          { from: 'b', to: 'a', kgPerDay: rng.int(20_000) },
        ],
        overrides: { hubCapacityTonnesPerDay: { ha: rng.int(30), ha2: rng.int(60), hb: 5 + rng.int(60) } },
        options: { trunkModeSets: [['road'], ['rail']] },
      };
      const h = await allocate(network, r, { backend: 'highs', prices: false });
      const j = await allocate(network, r, { backend: 'jsLpSolver' });
      expect(j.objectiveCny).toBeCloseTo(h.objectiveCny, 4);
    }
  });
});
