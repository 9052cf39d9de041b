// Hub inputs of a savings scenario: closed hubs (both plans avoid them) and a capacity scale (the
// optimised allocation meets it; the baseline, nearest hub by road, ignores capacity).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNetworkData, Network } from '../../src/network/index.js';
import { assumptionsTable, buildAllocationContext, checkHubParams, resolveParams, runFlywheel, sameHubInputs } from '../../src/savings/index.js';
import { topCities } from '../../src/savings/flywheel.js';
import { InputError } from '../../src/shared/errors.js';
import { defaultDataDir } from '../../src/shared/paths.js';

const TINY = { cities: 4, historyWeeks: 4, minStops: 10, maxStops: 20, vrpIterations: 10 };

let network: Network;
beforeAll(() => {
  network = new Network(loadNetworkData(defaultDataDir()));
});

const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.field;
    throw e;
  }
  return 'no error';
};

describe('hub inputs', () => {
  it('a closed hub is on no candidate route of the optimised model', () => {
    const cities = topCities(network, 4);
    const open = buildAllocationContext(network, cities, 1);
    const routes = open.hm.routeSet.routes;
    const ids = open.hm.routeSet.hubIds;
    // The hub the most candidate routes pass through.
    const use = new Map<string, number>();
    for (const r of routes) for (const h of r.hubs) use.set(ids[h], (use.get(ids[h]) ?? 0) + 1);
    const busiest = [...use.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const closed = buildAllocationContext(network, cities, 1, { hubCapacityScale: 1, closedHubs: [busiest] });
    const cids = closed.hm.routeSet.hubIds;
    expect(closed.hm.routeSet.routes.length).toBeGreaterThan(0);
    expect(closed.hm.routeSet.routes.some((r) => r.hubs.some((h) => cids[h] === busiest))).toBe(false);
    expect(closed.hubs.closedHubs).toEqual([busiest]);
    // The baseline (nearest open hub by road) changes for some pair when that hub is closed.
    expect([...closed.baselineCnyPerKg].some((v, i) => Math.abs(v - open.baselineCnyPerKg[i]) > 1e-9)).toBe(true);
  });

  it('a closed lane is on no candidate route', () => {
    const cities = topCities(network, 4);
    const open = buildAllocationContext(network, cities, 1);
    const { routes, lanes } = open.hm.routeSet;
    const laneOf = (r: (typeof routes)[number]) => [r.firstMile, r.trunk, r.lastMile].flatMap((part) => (part ? part.lanes.map((l) => lanes[l].laneId) : []));
    // The trunk lane of the cheapest route of the first pair.
    const cheapest = routes.filter((r) => r.od === 0 && r.trunk).sort((a, b) => a.costCnyPerKg - b.costCnyPerKg)[0];
    const lane = lanes[cheapest.trunk!.lanes[0]].laneId;
    const closed = buildAllocationContext(network, cities, 1, { hubCapacityScale: 1, closedHubs: [], closedLanes: [lane] });
    const cl = closed.hm.routeSet;
    expect(cl.routes.some((r) => [r.firstMile, r.trunk, r.lastMile].some((part) => part?.lanes.some((l) => cl.lanes[l].laneId === lane)))).toBe(false);
    expect(routes.some((r) => laneOf(r).includes(lane))).toBe(true);
    expect(fieldOf(() => buildAllocationContext(network, cities, 1, { hubCapacityScale: 1, closedHubs: [], closedLanes: ['a~b~road'] }))).toBe('params.closedLanes.0');
    expect(fieldOf(() => resolveParams({ closedLanes: [lane, lane] }))).toBe('params.closedLanes.1');
  });

  it('tight hub capacities raise the optimised cost and leave the baseline alone', async () => {
    const loose = await runFlywheel(network, { seed: 2, periods: 1, params: TINY });
    const tight = await runFlywheel(network, { seed: 2, periods: 1, params: { ...TINY, hubCapacityScale: 0.002 } });
    const [a] = loose.periods;
    const [b] = tight.periods;
    expect(b.costPerParcelBaselineCny).toBeCloseTo(a.costPerParcelBaselineCny, 10);
    expect(b.costPerParcelOptimisedCny).toBeGreaterThan(a.costPerParcelOptimisedCny + 0.01);
    expect(b.combosCnyPerParcel.a).toBeGreaterThan(a.combosCnyPerParcel.a);
    expect(tight.assumptions.table.find((r) => r.parameter === 'hubCapacityScale')?.value).toBe(0.002);
  });

  it('refuses unknown, repeated or all hubs closed, and a scale of 0, naming the field', () => {
    const ids = network.data.hubs.map((h) => h.id);
    expect(fieldOf(() => checkHubParams(ids, { closedHubs: [ids[0], 'hub-atlantis'] }, 'inputs.'))).toBe('inputs.params.closedHubs.1');
    expect(fieldOf(() => checkHubParams(ids, { closedHubs: ids }))).toBe('params.closedHubs');
    expect(fieldOf(() => checkHubParams(ids, { closedHubs: [ids[0]] }))).toBe('no error');
    expect(fieldOf(() => resolveParams({ closedHubs: [ids[0], ids[0]] }))).toBe('params.closedHubs.1');
    expect(fieldOf(() => resolveParams({ closedHubs: 'hub-shanghai' as unknown as string[] }))).toBe('params.closedHubs');
    expect(fieldOf(() => resolveParams({ hubCapacityScale: 0 }))).toBe('params.hubCapacityScale');
    expect(fieldOf(() => buildAllocationContext(network, topCities(network, 3), 1, { hubCapacityScale: 1, closedHubs: ['hub-atlantis'] }))).toBe('params.closedHubs.0');
  });

  it('lists the hub inputs in the assumptions table and compares them in any order', () => {
    const row = (p: object, k: string) => assumptionsTable(resolveParams(p)).find((r) => r.parameter === k)?.value;
    expect(row({}, 'closedHubs')).toBe('none');
    expect(row({ closedHubs: ['hub-a', 'hub-b'] }, 'closedHubs')).toBe('hub-a, hub-b');
    expect(row({}, 'hubCapacityScale')).toBe(1);
    expect(sameHubInputs({ hubCapacityScale: 1, closedHubs: ['x', 'y'] }, { hubCapacityScale: 1, closedHubs: ['y', 'x'] })).toBe(true);
    expect(sameHubInputs({ hubCapacityScale: 1, closedHubs: [] }, { hubCapacityScale: 0.5, closedHubs: [] })).toBe(false);
  });
});
