import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocate, buildHubModel, type AllocationRequest, type OdDemand } from '../../../src/allocation/hub/index.js';
import { loadNetworkData, Network } from '../../../src/network/index.js';
import { createRng } from '../../../src/shared/random.js';

// The two-route fixture (see its README): 20 t/day Alpha → Beta, by road via ha or by rail via ha2.
const DIR = join(import.meta.dirname, '../../fixtures/allocation/network-two-routes');
const network = new Network(loadNetworkData(DIR));
const demand = JSON.parse(readFileSync(join(DIR, 'demand.json'), 'utf8')) as OdDemand[];
const ROAD = 0.111195;
const RAIL = 0.75 * ROAD;
const ROAD_KG = 4 * ROAD; // a → ha → hb → b
const RAIL_KG = 2 * ROAD + 4 * RAIL; // a → ha2 → (rail) hb → b
const KG = 20_000;
const req = (overrides: AllocationRequest['overrides'] = {}, options: AllocationRequest['options'] = {}): AllocationRequest => ({
  demand,
  // ha at 100 t/day: only the lanes' fixed costs decide between road and rail.
  overrides: { hubCapacityTonnesPerDay: { ha: 100 }, ...overrides },
  options: { trunkModeSets: [['road'], ['rail']], laneDecisions: 'linehaul', ...options },
});
const fixed = (road: number, rail: number) => ({ laneFixedCnyPerDay: { 'ha~hb~road': road, 'ha2~hb~rail': rail } });

describe('lanes to run (pure model)', () => {
  it('adds one binary per line-haul lane with a big-M of the demand routed over it, and the default fixed cost', () => {
    const hm = buildHubModel(network, req());
    expect(hm.mip).toBe(true);
    expect(hm.laneChoices.map((c) => c.laneId).sort()).toEqual(['ha2~hb~rail', 'ha~hb~road']);
    const road = hm.laneChoices.find((c) => c.laneId === 'ha~hb~road')!;
    // Default: one 10 t shipment a day each way over 2 degrees of road: 2 × 10,000 kg × 2 × 0.111195.
    expect(road.fixedCnyPerDay).toBeCloseTo(2 * 10_000 * 2 * ROAD, 1);
    expect(hm.model.variables[road.variable]).toMatchObject({ lower: 0, upper: 1, integer: true, cost: road.fixedCnyPerDay });
    expect(road.linkRows).toHaveLength(1);
    expect(road.linkRows[0].bigMKg).toBe(KG);
    // A lane capacity below the demand is the tighter big-M.
    const capped = buildHubModel(network, req({ laneCapacityTonnesPerDay: { 'ha~hb~road': 12 } }));
    expect(capped.laneChoices.find((c) => c.laneId === 'ha~hb~road')!.linkRows[0].bigMKg).toBe(12_000);
    // 'all': every lane a candidate route uses (first and last mile too); 'none': an LP.
    expect(buildHubModel(network, req({}, { laneDecisions: 'all' })).laneChoices).toHaveLength(5);
    expect(buildHubModel(network, req({}, { laneDecisions: ['ha2~hb~rail'] })).laneChoices.map((c) => c.laneId)).toEqual(['ha2~hb~rail']);
    const lp = buildHubModel(network, req({}, { laneDecisions: 'none' }));
    expect(lp.mip).toBe(false);
    expect(lp.model.variables.some((v) => v.integer)).toBe(false);
  });

  it('names the field of bad lane input', () => {
    expect(() => buildHubModel(network, req({ laneFixedCnyPerDay: { 'ha~hb~road': -1 } }))).toThrow(expect.objectContaining({ field: 'overrides.laneFixedCnyPerDay.ha~hb~road' }));
    expect(() => buildHubModel(network, req({ forcedOpenLanes: ['x~y~air'] }))).toThrow(expect.objectContaining({ field: 'overrides.forcedOpenLanes.0' }));
    expect(() => buildHubModel(network, req({ forcedOpenLanes: ['ha~hb~road'], closedLanes: ['ha~hb~road'] }))).toThrow(expect.objectContaining({ field: 'overrides.forcedOpenLanes.0' }));
    expect(() => buildHubModel(network, req({}, { laneDecisions: ['ha~hb~air'] }))).toThrow(expect.objectContaining({ field: 'options.laneDecisions.0' }));
    expect(() => buildHubModel(network, req({}, { laneDecisions: 'some' as never }))).toThrow(expect.objectContaining({ field: 'options.laneDecisions' }));
  });
});

describe('lanes to run (solved by hand)', () => {
  it('the fixed costs decide which line-haul lane runs', async () => {
    // Road 20 t × 0.44478 = 8,895.6 + 3,000 = 11,895.6; rail 20 t × 0.555975 = 11,119.5 + 500 = 11,619.5 → rail.
    const rail = await allocate(network, req(fixed(3_000, 500)));
    expect(rail.status).toBe('optimal');
    expect(rail.integer).toBe(true);
    expect(rail.objectiveCny).toBeCloseTo(KG * RAIL_KG + 500, 1);
    expect(rail.laneRuns.map((l) => [l.laneId, l.run])).toEqual([['ha2~hb~rail', true], ['ha~hb~road', false]]);
    expect(rail.laneRuns[0].kgPerDay).toBeCloseTo(KG, 3);
    expect(rail.costs.fixedLaneCny).toBeCloseTo(500, 6);
    expect(rail.costs.totalCny).toBeCloseTo(rail.objectiveCny, 3);
    expect(rail.lanes.find((l) => l.laneId === 'ha~hb~road')).toBeUndefined();
    // Road at 2,000: 10,895.6 < 11,619.5 → road.
    const road = await allocate(network, req(fixed(2_000, 500)));
    expect(road.objectiveCny).toBeCloseTo(KG * ROAD_KG + 2_000, 1);
    expect(road.laneRuns.find((l) => l.run)!.laneId).toBe('ha~hb~road');
    expect(road.lanes.find((l) => l.laneId === 'ha~hb~road')!.kgPerDay).toBeCloseTo(KG, 3);
  });

  it('what-if: a lane forced open is paid for (and then used); a closed lane is never used', async () => {
    const forced = await allocate(network, req({ ...fixed(3_000, 500), forcedOpenLanes: ['ha~hb~road'] }));
    expect(forced.objectiveCny).toBeCloseTo(KG * ROAD_KG + 3_000, 1);
    expect(forced.laneRuns.find((l) => l.laneId === 'ha~hb~road')).toMatchObject({ run: true, forced: true });
    expect(forced.laneRuns.find((l) => l.laneId === 'ha2~hb~rail')!.run).toBe(false);
    const closed = await allocate(network, req({ ...fixed(2_000, 500), closedLanes: ['ha~hb~road'] }));
    expect(closed.objectiveCny).toBeCloseTo(KG * RAIL_KG + 500, 1);
  });

  it('demand left unmet names the lanes not run', async () => {
    // Both lanes dearer than leaving the 20 t unmet at ¥0.6/kg (¥12,000).
    const r = await allocate(network, req(fixed(50_000, 50_000), { unmetPenaltyCnyPerKg: 0.6 }));
    expect(r.objectiveCny).toBeCloseTo(KG * 0.6, 3);
    expect(r.unmet[0].reason).toContain('lanes not run');
    expect(r.unmet[0].reason).toContain('ha2~hb~rail');
  });

  it('prices come from the LP with the lanes fixed: a hub capacity binds on the chosen road', async () => {
    // ha back at 10 t/day: road 10 t + rail 10 t if both lanes run (cheap), priced as in the LP.
    const r = await allocate(network, { ...req(fixed(100, 100)), overrides: fixed(100, 100) });
    expect(r.objectiveCny).toBeCloseTo(10_000 * ROAD_KG + 10_000 * RAIL_KG + 200, 1);
    const ha = r.capacityPrices.find((p) => p.id === 'ha')!;
    expect(ha.savingCnyPerTonne).toBeCloseTo((RAIL_KG - ROAD_KG) * 1000, 2);
    expect(ha.text).toContain('from 0 to 20 tonne/day; now 10');
  });
});

describe('lanes to run: backends agree on the MIP', () => {
  it('HiGHS (from the LP start) and javascript-lp-solver give the same cost on 10 seeded what-ifs', async () => {
    const rng = createRng(11);
    for (let k = 0; k < 10; k++) {
      const r: AllocationRequest = {
        demand: [
          { from: 'a', to: 'b', kgPerDay: 1_000 + rng.int(40_000) },
          { from: 'b', to: 'a', kgPerDay: rng.int(20_000) },
        ],
        overrides: {
          hubCapacityTonnesPerDay: { ha: rng.int(40), ha2: 5 + rng.int(60), hb: 20 + rng.int(60) },
          laneFixedCnyPerDay: { 'ha~hb~road': rng.int(4_000), 'ha2~hb~rail': rng.int(4_000), 'a~ha~road': rng.int(500) },
        },
        options: { trunkModeSets: [['road'], ['rail']], laneDecisions: k % 3 === 0 ? 'all' : 'linehaul', integer: k % 2 === 0 },
      };
      const h = await allocate(network, r, { backend: 'highs' });
      const j = await allocate(network, r, { backend: 'jsLpSolver' });
      expect(h.status).toBe('optimal');
      expect(j.status).toBe('optimal');
      expect(j.objectiveCny).toBeCloseTo(h.objectiveCny, 3);
      expect(h.costs.totalCny).toBeCloseTo(h.objectiveCny, 3);
    }
  });
});

describe('lanes to run on the shipped network (six cities of the Yangtze delta)', () => {
  const shipped = new Network(loadNetworkData(join(import.meta.dirname, '../../../data')));
  const cities = ['shanghai', 'nanjing', 'hangzhou', 'suzhou', 'wuxi', 'hefei'];
  const rng = createRng(5);
  const od: OdDemand[] = cities.flatMap((from) => cities.filter((to) => to !== from).map((to) => ({ from, to, kgPerDay: 2_000 + rng.int(60_000) })));

  it('origin-city linking rows (large models) and per-route rows (small ones) give the same optimum', async () => {
    const base: AllocationRequest = { demand: od, options: { laneDecisions: 'linehaul', laneFixedShipmentsPerDay: 3 } };
    const perRoute = buildHubModel(shipped, base);
    const byOrigin = buildHubModel(shipped, { ...base, options: { ...base.options, strongLinking: false } });
    expect(perRoute.laneChoices.length).toBeGreaterThan(3);
    // Origin rows: one per origin city sharing a lane direction with another (fewer than the per-route rows here).
    const rows = (hm: typeof perRoute) => hm.model.constraints.length;
    expect(rows(byOrigin)).toBeGreaterThan(rows(buildHubModel(shipped, { ...base, options: { ...base.options, strongLinking: false, laneDecisions: 'none' } })) + byOrigin.laneChoices.length);
    const a = await allocate(shipped, base, { prices: false });
    const b = await allocate(shipped, { ...base, options: { ...base.options, strongLinking: false } }, { prices: false });
    expect(a.status).toBe('optimal');
    expect(b.status).toBe('optimal');
    expect(b.objectiveCny).toBeCloseTo(a.objectiveCny, 2);
    expect(a.laneRuns.some((l) => !l.run)).toBe(true);
    expect(a.costs.fixedLaneCny).toBeGreaterThan(0);
  });
});
